// The HTML report: the headline figures, charts, tables, escaping of every
// database text, the language switch, and no script or external resource.
#include "scan/report_html.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <utility>

#include "registry/compliance_records.h"
#include "tests/scan/report_fixture.h"

namespace badgewatch::scan {
namespace {

using testing::ReportFixture;
using testing::ReportSeed;

bool Contains(const std::string& html, std::string_view text) {
  return html.find(text) != std::string::npos;
}

TEST_CASE("ReportHtml: headline figures, charts and tables in Chinese", "[scan]") {
  ReportFixture f;
  const std::string html = RenderReportHtml(f.Build(), {});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
  CHECK(Contains(html, "<h1>网站标识合规检查报告</h1>"));
  CHECK(Contains(html, "第 2 次扫描（例行扫描）"));
  // Headline: sites scanned, compliance rate, pages checked, failing sites.
  CHECK(Contains(html, "<div class=\"name\">检查网站</div><div class=\"figure\">4</div>"));
  CHECK(Contains(html, "<div class=\"name\">合规率</div><div class=\"figure\">50.0%</div>"));
  CHECK(Contains(html, "2 / 4 个网站合规"));
  CHECK(Contains(html, "<div class=\"name\">检查页面</div><div class=\"figure\">110</div>"));
  CHECK(Contains(html, "<div class=\"name\">不合规网站</div><div class=\"figure\">2</div>"));
  // Charts: one bar per region, one per code, a trend line over two scans.
  CHECK(Contains(html, "<svg class=\"chart bars\""));
  CHECK(Contains(html, ">北京市</text>"));
  CHECK(Contains(html, ">50.0%  1/2</text>"));
  // Problems by their Chinese names, the code small beside them, in the chart too.
  CHECK(Contains(html, ">缺少网站标识</text>"));
  CHECK_FALSE(Contains(html, ">badge-missing</text>"));
  CHECK(Contains(
      html,
      "<span class=\"problem\">缺少网站标识</span> <small class=\"code\">badge-missing</small>"));
  CHECK(Contains(html, "<path class=\"trend\" d=\"M"));
  CHECK(Contains(html, ">75.0%</text>"));
  // Tables: explanations in Chinese; the failing site with its pages as links.
  CHECK(Contains(html, "页面中没有有效的网站标识脚本"));
  CHECK(Contains(html, "<h2>不合规网站明细 (2)</h2>"));
  CHECK(Contains(html, "<a href=\"http://wjw.beijing.gov.cn/news/1.html\""));
  CHECK(Contains(html,
                 "<span class=\"warning\">字符编码不符</span> <small "
                 "class=\"code\">charset-mismatch</small>"));
  // Dead links per site: a column of the site table and a fact of the failing site.
  CHECK(Contains(html, "失效链接数"));
  CHECK(Contains(html, "<td class=\"num\">3</td><td class=\"num\">2</td></tr>"));
  CHECK(Contains(html, "时间均为北京时间（UTC+8）"));
  CHECK(Contains(html, "开始时间：2026-01-02 08:00"));
  // Self-contained: no script, no external stylesheet, image or font.
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<link"));
  CHECK_FALSE(Contains(html, "src="));
  CHECK_FALSE(Contains(html, "url("));
}

TEST_CASE("ReportHtml: English with --lang en", "[scan]") {
  ReportFixture f;
  const std::string html = RenderReportHtml(f.Build(), {ReportLanguage::kEnglish, 10});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(Contains(html, "<h1>Website badge compliance report</h1>"));
  CHECK(Contains(html, "Scan #2 (nightly scan)"));
  CHECK(Contains(html, "<div class=\"name\">Compliance rate</div><div class=\"figure\">50.0%"));
  CHECK(Contains(html, "2 of 4 sites pass"));
  CHECK(Contains(html, "no live CONAC badge script in the page"));
  CHECK(Contains(html, ">badge missing</text>"));
  CHECK(Contains(html, "Started: 2026-01-02 08:00"));
  CHECK_FALSE(Contains(html, "合规率"));
  CHECK_FALSE(Contains(html, "页面中没有"));
}

TEST_CASE("ReportHtml: every text from the database is escaped", "[scan]") {
  registry::testing::RegistryFixture f;
  ReportSeed seed(f);
  const std::int64_t unit = seed.AddUnit("33", "单位<b>&\"'");
  const std::int64_t site = seed.AddSite(unit, "<script>alert(1)</script>教育网", "x.gov.cn");
  registry::SiteRecord record = testing::FailingRecord(
      site, 3, {"badge-missing"}, {"http://x.gov.cn/?q=<script>\"", "javascript:alert(1)"});
  record.failing_pages[0].detail = "<img src=x onerror=alert(1)>";
  seed.RunScan({record});
  const std::string html = RenderReportHtml(seed.LatestReport(), {});
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<img"));
  CHECK_FALSE(Contains(html, "<b>"));
  CHECK(Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;教育网"));
  CHECK(Contains(html, "单位&lt;b&gt;&amp;&quot;&#39;"));
  CHECK(Contains(html, "<a href=\"http://x.gov.cn/?q=&lt;script&gt;&quot;\""));
  // Only http(s) URLs become links.
  CHECK_FALSE(Contains(html, "href=\"javascript:"));
  CHECK(Contains(html, "<td class=\"url\">javascript:alert(1)</td>"));
}

TEST_CASE("ReportHtml: long lists of failing pages are cut and counted", "[scan]") {
  ReportFixture f;
  const std::string html = RenderReportHtml(f.Build(), {ReportLanguage::kChinese, 1});
  CHECK(Contains(html, "另有 2 个不合规页面未列出"));
  CHECK_FALSE(Contains(html, "news/2.html"));
}

TEST_CASE("ReportHtml: a scan where every site passes", "[scan]") {
  registry::testing::RegistryFixture f;
  ReportSeed seed(f);
  const std::int64_t site =
      seed.AddSite(seed.AddUnit("11", "北京市档案馆"), "北京档案", "da.gov.cn");
  seed.RunScan({testing::PassingRecord(site, 12)});
  const std::string html = RenderReportHtml(seed.LatestReport(), {});
  CHECK(Contains(html, "<div class=\"figure\">100.0%</div>"));
  CHECK(Contains(html, "本次扫描的网站全部合规。"));
  CHECK(Contains(html, "目前只有一次扫描，尚无趋势。"));
}

TEST_CASE("ReportMessages: both languages are complete", "[scan]") {
  for (int i = 0; i < static_cast<int>(ReportText::kCount); ++i) {
    const auto text = static_cast<ReportText>(i);
    CHECK_FALSE(Message(text, ReportLanguage::kChinese).empty());
    CHECK_FALSE(Message(text, ReportLanguage::kEnglish).empty());
  }
  for (std::string_view code :
       {"badge-missing", "badge-misplaced", "badge-id-mismatch", "badge-malformed",
        "badge-static-copy", "badge-mixed-content", "title-missing", "title-mismatch",
        "fetch-failed", "charset-mismatch", "ip-mismatch", "badge-injected", "dead-link",
        "time-budget"}) {
    CHECK(ExplainCode(code, ReportLanguage::kChinese) != code);
    CHECK(ExplainCode(code, ReportLanguage::kEnglish) != code);
    // A short name too, shorter than the sentence.
    CHECK(NameCode(code, ReportLanguage::kChinese) != code);
    CHECK(NameCode(code, ReportLanguage::kEnglish) != code);
    CHECK(NameCode(code, ReportLanguage::kChinese).size() <
          ExplainCode(code, ReportLanguage::kChinese).size());
  }
  CHECK(ExplainCode("no-such-code", ReportLanguage::kChinese) == "no-such-code");
  CHECK(NameCode("no-such-code", ReportLanguage::kChinese) == "no-such-code");
  CHECK(CodeNameHtml("<x>", ReportLanguage::kChinese) ==
        "<span class=\"problem\">&lt;x&gt;</span> <small class=\"code\">&lt;x&gt;</small>");
  CHECK(ParseLanguage("zh") == ReportLanguage::kChinese);
  CHECK(ParseLanguage("en") == ReportLanguage::kEnglish);
  CHECK_FALSE(ParseLanguage("fr").has_value());
  CHECK(FormatBeijingTime(registry::testing::kFakeEpoch) == "2026-01-01 08:00");
}

// Hidden ([.]): writes the fixture's report in both languages to
// $BADGEWATCH_RENDER_DIR for tests/scan/render_report_png, which renders them
// in headless Chromium.
TEST_CASE("ReportHtml: write the reports for the Chromium rendering check", "[.][render]") {
  const char* dir = std::getenv("BADGEWATCH_RENDER_DIR");
  REQUIRE(dir != nullptr);
  ReportFixture f;
  for (const auto& [language, name] : {std::pair{ReportLanguage::kChinese, "report-zh.html"},
                                       std::pair{ReportLanguage::kEnglish, "report-en.html"}}) {
    std::ofstream out(std::string(dir) + "/" + name, std::ios::binary);
    out << RenderReportHtml(f.Build(), {language, 10});
    REQUIRE(out.good());
  }
}

}  // namespace
}  // namespace badgewatch::scan
