// CSV for Excel on a Chinese Windows desktop: exact bytes with the UTF-8 BOM,
// RFC 4180 quoting, formula neutralising, and GB18030 through ICU.
#include "scan/report_csv.h"

#include <catch2/catch.hpp>

#include "scan/gb18030_encoding.h"
#include "tests/registry/registry_fixture.h"
#include "tests/scan/report_seed.h"

namespace badgewatch::scan {
namespace {

using testing::ReportSeed;

// One failing site whose name holds a comma and quotes; its failing page
// URLs and explanations are joined by newlines.
ComplianceReport QuotingReport(const std::string& unit_name = "北京市政务服务管理局") {
  registry::testing::RegistryFixture f;
  ReportSeed seed(f);
  const std::int64_t unit = seed.AddUnit("11", unit_name);
  const std::int64_t site =
      seed.AddSite(unit, "北京市\"阳光\",政务网", "www.beijing.gov.cn", false);
  registry::SiteRecord record =
      testing::FailingRecord(site, 40, {"badge-missing", "title-mismatch"},
                             {"http://www.beijing.gov.cn/", "http://www.beijing.gov.cn/a,b"});
  record.warnings = {"charset-mismatch"};
  record.dead_links = 3;
  seed.RunScan({record});
  return seed.LatestReport();
}

TEST_CASE("ReportCsv: exact bytes in UTF-8 with a BOM, quoted where needed", "[scan]") {
  const ComplianceReport report = QuotingReport();
  const std::string csv =
      RenderReportCsv(report, ReportLanguage::kChinese, CsvEncoding::kUtf8WithBom).value();
  const std::string expected =
      "\xEF\xBB\xBF"
      "网站编号,网站名称,主办单位,区域代码,所属区域,标识编号,域名,结论,问题,提示,页面数,"
      "不合规页面数,失效链接数,问题说明,不合规页面地址\r\n"
      "1,\"北京市\"\"阳光\"\",政务网\",北京市政务服务管理局,11,北京市,,www.beijing.gov.cn,不合规,"
      "badge-missing title-mismatch,charset-mismatch,40,2,3,"
      "\"badge-missing: 页面中没有有效的网站标识脚本\n"
      "title-mismatch: 页面标题与注册的网站名称不一致\n"
      "charset-mismatch: 页面声明的字符编码与实际内容不符\","
      "\"http://www.beijing.gov.cn/\nhttp://www.beijing.gov.cn/a,b\"\r\n";
  CHECK(csv == expected);
}

TEST_CASE("ReportCsv: English header and explanations", "[scan]") {
  const std::string csv =
      RenderReportCsv(QuotingReport(), ReportLanguage::kEnglish, CsvEncoding::kUtf8WithBom).value();
  CHECK(csv.rfind("\xEF\xBB\xBFSite id,Website,Unit,Region code,Region,Badge id,Domains,Verdict,"
                  "Problems,Warnings,Pages,Failing pages,Dead links,Explanation of problems,"
                  "Failing page URLs\r\n",
                  0) == 0);
  CHECK(csv.find(",fail,badge-missing title-mismatch,") != std::string::npos);
  CHECK(csv.find("\"badge-missing: no live CONAC badge script in the page\n") != std::string::npos);
}

TEST_CASE("ReportCsv: a cell a spreadsheet would run as a formula starts with '", "[scan]") {
  const std::string csv = RenderReportCsv(QuotingReport("=HYPERLINK(\"http://evil.example\")"),
                                          ReportLanguage::kChinese, CsvEncoding::kUtf8WithBom)
                              .value();
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",11,") != std::string::npos);
}

TEST_CASE("ReportCsv: GB18030 has no BOM and round-trips through ICU", "[scan]") {
  const ComplianceReport report = QuotingReport();
  const std::string utf8 =
      RenderReportCsv(report, ReportLanguage::kChinese, CsvEncoding::kUtf8WithBom).value();
  const std::string gb =
      RenderReportCsv(report, ReportLanguage::kChinese, CsvEncoding::kGb18030).value();
  CHECK(gb.rfind("\xCD\xF8\xD5\xBE\xB1\xE0\xBA\xC5,", 0) == 0);  // 网站编号,
  CHECK(Gb18030ToUtf8(gb).value() == utf8.substr(3));
  CHECK(gb.size() < utf8.size());  // two bytes per Han character instead of three
}

TEST_CASE("Gb18030Encoding: every code point, and malformed input is an error", "[scan]") {
  const std::string text = "ASCII 汉字 € 😀 \xC2\xA0";
  const std::string gb = Utf8ToGb18030(text).value();
  CHECK(gb.find("\xA2\xE3") != std::string::npos);  // € is A2E3 in GB18030
  CHECK(Gb18030ToUtf8(gb).value() == text);
  Result<std::string> bad = Utf8ToGb18030("ok \xFF bad");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("UTF-8 to GB18030") != std::string::npos);
}

TEST_CASE("ReportCsv: encoding names", "[scan]") {
  CHECK(ParseCsvEncoding("utf-8") == CsvEncoding::kUtf8WithBom);
  CHECK(ParseCsvEncoding("UTF8") == CsvEncoding::kUtf8WithBom);
  CHECK(ParseCsvEncoding("GB18030") == CsvEncoding::kGb18030);
  CHECK_FALSE(ParseCsvEncoding("gbk").has_value());
}

}  // namespace
}  // namespace badgewatch::scan
