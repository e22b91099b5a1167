// The JSON report: its structure, figures and language-dependent explanations.
#include "scan/report_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/scan/report_fixture.h"

namespace badgewatch::scan {
namespace {

using nlohmann::json;
using testing::ReportFixture;

TEST_CASE("ReportJson: scan, totals, regions, codes, trend and sites", "[scan]") {
  ReportFixture f;
  const json doc = json::parse(RenderReportJson(f.Build(), ReportLanguage::kChinese));

  CHECK(doc["scan"]["id"] == f.scan2);
  CHECK(doc["scan"]["kind"] == "nightly");
  CHECK(doc["scan"]["started_at"] == "2026-01-02T00:00:00Z");
  CHECK(doc["scan"]["finished_at"] == "2026-01-02T01:00:00Z");
  CHECK(doc["region"].is_null());
  CHECK(doc["language"] == "zh-CN");
  CHECK(doc["totals"] == json{{"sites", 4},
                              {"sites_passed", 2},
                              {"sites_failed", 2},
                              {"pages_total", 110},
                              {"pages_failed", 4},
                              {"compliance_rate", 0.5}});

  REQUIRE(doc["regions"].size() == 2);
  CHECK(doc["regions"][0]["code"] == "11");
  CHECK(doc["regions"][0]["name"] == "北京市");
  CHECK(doc["regions"][0]["compliance_rate"] == 0.5);

  REQUIRE(doc["codes"].size() == 4);
  CHECK(doc["codes"][1] == json{{"code", "badge-missing"},
                                {"kind", "problem"},
                                {"explanation", "页面中没有有效的网站标识脚本"},
                                {"sites", 1},
                                {"pages", 3}});
  CHECK(doc["codes"][3]["kind"] == "warning");

  REQUIRE(doc["trend"].size() == 2);
  CHECK(doc["trend"][0]["id"] == f.scan1);
  CHECK(doc["trend"][0]["compliance_rate"] == 0.75);

  REQUIRE(doc["sites"].size() == 4);
  json health;
  for (const json& site : doc["sites"]) {
    if (site["site_id"] == f.site2) health = site;
  }
  CHECK(health["name"] == "北京卫生健康网");
  CHECK(health["unit"] == "北京市卫生健康委员会");
  CHECK(health["region_code"] == "11");
  CHECK(health["chinese_domain"].is_null());
  CHECK(health["english_domain"] == "wjw.beijing.gov.cn");
  CHECK(health["verdict"] == "fail");
  CHECK(health["problems"] == json{"badge-missing", "title-mismatch"});
  CHECK(health["warnings"] == json{"charset-mismatch"});
  CHECK(health["pages_failed"] == 3);
  CHECK(health["dead_links"] == 2);
  REQUIRE(health["failing_pages"].size() == 3);
  CHECK(health["failing_pages"][0] == json{{"url", "http://wjw.beijing.gov.cn/"},
                                           {"status", 200},
                                           {"problems", {"badge-missing", "title-mismatch"}},
                                           {"detail", ""}});
}

TEST_CASE("ReportJson: English explanations and a region", "[scan]") {
  ReportFixture f;
  ReportRequest request;
  request.region_code = "33";
  const json doc = json::parse(RenderReportJson(f.Build(request), ReportLanguage::kEnglish));
  CHECK(doc["region"] == "33");
  CHECK(doc["language"] == "en");
  CHECK(doc["codes"][0]["explanation"] == "the badge carries another unit's badge id");
  CHECK(doc["totals"]["sites"] == 2);
}

}  // namespace
}  // namespace badgewatch::scan
