// Page-level behaviour of the verifier: title rule, decoding, meta, identifiers,
// links, and pages built to break it.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "verifier/page_verifier.h"
#include "verifier/problem_codes.h"

namespace bw = badgewatch::verifier;
namespace codes = bw::codes;

namespace {

const std::string kBareBadgeScript =
    "<script src=\"https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js\">"
    "</script>";

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(BADGEWATCH_FIXTURES_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bw::PageReport VerifyPage(const std::string& page, const std::string& name,
                          bw::PageRole role = bw::PageRole::kHome, const std::string& url = "",
                          const std::string& content_type = "") {
  bw::PageExpectation expectation;
  expectation.registered_name = name;
  expectation.role = role;
  expectation.url = url;
  expectation.content_type = content_type;
  return bw::VerifyPage(page, expectation);
}

std::string TitledPage(const std::string& title) {
  return "<html><head><title>" + title + "</title></head><body>" + kBareBadgeScript +
         "</body></html>";
}

}  // namespace

TEST_CASE("PageVerifier: home page title must equal the registered name", "[verifier]") {
  const std::string name = "杭州市教育局";
  CHECK(VerifyPage(TitledPage("杭州市教育局"), name).problems.empty());
  CHECK(VerifyPage(TitledPage("  杭州市教育局\u3000\n"), name).problems.empty());
  CHECK(VerifyPage(TitledPage("杭州市&#25945;育局"), name).problems.empty());  // entity decoded
  CHECK(VerifyPage(TitledPage("首页 - 杭州市教育局"), name).problems ==
        std::vector<std::string>{std::string(codes::kTitleMismatch)});
  CHECK(VerifyPage(TitledPage("杭州市人民政府"), name).problems ==
        std::vector<std::string>{std::string(codes::kTitleMismatch)});
}

TEST_CASE("PageVerifier: inner page titles may carry the name as a segment", "[verifier]") {
  const std::string name = "杭州市教育局";
  const auto inner = bw::PageRole::kInner;
  for (const char* title :
       {"关于开展工作的通知 - 杭州市教育局", "杭州市教育局_通知公告", "通知|杭州市教育局",
        "通知——杭州市教育局", "杭州市教育局::首页", "杭州市教育局"}) {
    CAPTURE(title);
    const auto report = VerifyPage(TitledPage(title), name, inner);
    CHECK(report.problems.empty());
    CHECK(report.warnings.empty());
  }
  const auto report = VerifyPage(TitledPage("关于开展工作的通知"), name, inner);
  CHECK(report.verdict == bw::Verdict::kPass);
  CHECK(report.warnings == std::vector<std::string>{std::string(codes::kTitleMismatch)});
}

TEST_CASE("PageVerifier: missing or empty title", "[verifier]") {
  const std::string no_title = "<html><head></head><body>" + kBareBadgeScript + "</body></html>";
  auto report = VerifyPage(no_title, "杭州市教育局");
  CHECK(report.problems == std::vector<std::string>{std::string(codes::kTitleMissing)});
  CHECK_FALSE(report.title.has_value());
  report = VerifyPage(TitledPage(" \u3000 "), "杭州市教育局", bw::PageRole::kInner);
  CHECK(report.problems == std::vector<std::string>{std::string(codes::kTitleMissing)});
  // Only the first <title> counts; an <svg><title> is not the document title.
  report = VerifyPage(
      "<html><head><title>杭州市教育局</title><title>别的</title></head><body>"
      "<svg><title>图</title></svg>" +
          kBareBadgeScript + "</body></html>",
      "杭州市教育局");
  CHECK(report.title.value() == "杭州市教育局");
}

TEST_CASE("PageVerifier: GBK pages decode and pass", "[verifier]") {
  const std::string name = "宁波市水利局";
  SECTION("declared in <meta>") {
    const auto report = VerifyPage(ReadFixture("gbk_home.html"), name);
    CHECK(report.encoding == "gb18030");
    CHECK(report.encoding_source == "meta");
    CHECK(report.title.value() == name);
    CHECK(report.problems.empty());
    CHECK(report.warnings.empty());
    CHECK(report.badge_ids == std::vector<std::string>{"CA130000000604123450001"});
  }
  SECTION("declared by the HTTP header") {
    const auto report = VerifyPage(ReadFixture("gbk_undeclared.html"), name, bw::PageRole::kHome,
                                   "", "text/html; charset=GBK");
    CHECK(report.encoding_source == "http");
    CHECK(report.problems.empty());
  }
  SECTION("declared UTF-8 but the bytes are GBK: mojibake, as browsers show it") {
    const auto report = VerifyPage(ReadFixture("gbk_declared_utf8.html"), name);
    CHECK(report.encoding == "utf-8");
    CHECK(report.title.value() != name);
    CHECK(report.verdict == bw::Verdict::kFail);
    CHECK(report.problems == std::vector<std::string>{std::string(codes::kTitleMismatch)});
    CHECK(report.warnings == std::vector<std::string>{std::string(codes::kCharsetMismatch)});
  }
  SECTION("not declared anywhere") {
    const auto report = VerifyPage(ReadFixture("gbk_undeclared.html"), name);
    CHECK(report.encoding == "gb18030");
    CHECK(report.encoding_source == "sniffed");
    CHECK(report.problems.empty());
  }
}

TEST_CASE("PageVerifier: site meta and footer identifiers", "[verifier]") {
  const auto report = VerifyPage(ReadFixture("gbk_home.html"), "宁波市水利局");
  CHECK(report.site_meta.site_name.value() == "宁波市水利局");
  CHECK(report.site_meta.site_domain.value() == "slj.ningbo.gov.cn");
  CHECK(report.site_meta.site_id_code.value() == "3302000012");
  CHECK(report.identifiers.icp == std::vector<std::string>{"浙ICP备05012345号-1"});
  CHECK(report.identifiers.public_security ==
        std::vector<std::string>{"浙公网安备33020302000123号"});
  CHECK(report.identifiers.site_id_codes == std::vector<std::string>{"3302000012"});
  const auto bare = VerifyPage(TitledPage("x"), "x");
  CHECK_FALSE(bare.site_meta.site_name.has_value());
  CHECK(bare.identifiers.icp.empty());
}

TEST_CASE("PageVerifier: links from a, area, frames and meta refresh", "[verifier]") {
  const std::string page =
      "<html><head><title>t</title><base href=\"/base/\">"
      "<meta http-equiv=\"refresh\" content=\"5; url='refresh.html'\"></head><body>"
      "<a href=\"a.html#x\">a</a><a href=\"a.html\">again</a><a href=\"javascript:void(0)\">j</a>"
      "<a href=\"mailto:x@example.gov.cn\">m</a><a href=\"tel:123\">t</a><a href=\"#top\">f</a>"
      "<map><area href=\"/area.html\"></map><iframe src=\"frame.html\"></iframe>"
      "<a href=\"https://other.gov.cn/x\">o</a><a>no href</a><!-- <a href=\"hidden.html\"> -->"
      "</body></html>";
  const auto report =
      VerifyPage(page, "t", bw::PageRole::kInner, "http://www.example.gov.cn/dir/p.html");
  CHECK(report.links == std::vector<std::string>{
                            "http://www.example.gov.cn/base/refresh.html",
                            "http://www.example.gov.cn/base/a.html",
                            "http://www.example.gov.cn/area.html",
                            "http://www.example.gov.cn/base/frame.html",
                            "https://other.gov.cn/x",
                        });
  const auto no_url = VerifyPage(page, "t");
  CHECK(no_url.links == std::vector<std::string>{"https://other.gov.cn/x"});
}

TEST_CASE("PageVerifier: a GBK page's query links are encoded in GBK", "[verifier]") {
  // <a href="/search.jsp?keyword=政务"> in GBK bytes, declared gbk.
  const std::string page =
      "<html><head><meta charset=\"gbk\"><title>t</title></head><body>"
      "<a href=\"/search.jsp?keyword=\xD5\xFE\xCE\xF1\">s</a>"
      "<a href=\"/\xD5\xFE\xCE\xF1/list.html\">p</a></body></html>";
  const auto report =
      VerifyPage(page, "t", bw::PageRole::kInner, "http://www.example.gov.cn/dir/p.html");
  CHECK(report.encoding == "gb18030");
  CHECK(report.links == std::vector<std::string>{
                            "http://www.example.gov.cn/search.jsp?keyword=%D5%FE%CE%F1",
                            "http://www.example.gov.cn/%E6%94%BF%E5%8A%A1/list.html",
                        });
  SECTION("the gbk encoder for a gbk page, the gb18030 one for a gb18030 page") {
    // <a href="?q=€"> (byte 80 in either): %80 by gbk, %A2%E3 by gb18030 (WHATWG encoders).
    const std::string euro = "<a href=\"/s?q=\x80\">e</a>";
    const auto gbk = VerifyPage(euro, "t", bw::PageRole::kInner, "http://www.example.gov.cn/",
                                "text/html; charset=gbk");
    CHECK(gbk.links == std::vector<std::string>{"http://www.example.gov.cn/s?q=%80"});
    const auto gb18030 = VerifyPage(euro, "t", bw::PageRole::kInner, "http://www.example.gov.cn/",
                                    "text/html; charset=gb18030");
    CHECK(gb18030.links == std::vector<std::string>{"http://www.example.gov.cn/s?q=%A2%E3"});
  }
}

TEST_CASE("PageVerifier: scripts the page loads, badges and non-JavaScript excepted",
          "[verifier]") {
  const std::string page =
      "<html><head><title>t</title><script src=\"/js/common.js\"></script>"
      "<script type=\"text/template\" src=\"tpl.js\"></script></head><body>"
      "<script src=\"https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js\">"
      "</script><script src=\"footer.js?v=2#x\"></script><script src=\"/js/common.js\"></script>"
      "<!-- <script src=\"old.js\"></script> --><script>var x = 1;</script></body></html>";
  const auto report =
      VerifyPage(page, "t", bw::PageRole::kInner, "http://www.example.gov.cn/dir/p.html");
  CHECK(report.scripts == std::vector<std::string>{"http://www.example.gov.cn/js/common.js",
                                                   "http://www.example.gov.cn/dir/footer.js?v=2"});
  CHECK(report.links.empty());
}

TEST_CASE("PageVerifier: hostile and broken pages", "[verifier]") {
  SECTION("100,000 nested <div>s") {
    std::string page = "<html><head><title>x</title></head><body>";
    for (int i = 0; i < 100000; ++i) page += "<div>";
    page += kBareBadgeScript;
    const auto report = VerifyPage(page, "x");
    CHECK(report.nesting_truncated);
    CHECK(report.title.value() == "x");
    REQUIRE(report.badges.size() == 1);  // the script is never cut
    CHECK(report.problems.empty());
  }
  SECTION("a link flood: 250,000 links, the badge after them") {
    std::string page = "<html><head><title>x</title></head><body>";
    for (int i = 0; i < 250000; ++i) page += "<a href=p" + std::to_string(i) + "></a>";
    page += kBareBadgeScript;
    const auto report = VerifyPage(page, "x", bw::PageRole::kHome, "http://www.example.gov.cn/");
    CHECK(report.elements_truncated);
    CHECK_FALSE(report.nesting_truncated);
    CHECK(report.links.size() == 10000);  // PageExpectation::max_links
    // 200,000 anchors past the element limit and 40,000 past the link cap.
    CHECK(report.links_over_limit == 250000 - 10000);
    CHECK(report.links.back() == "http://www.example.gov.cn/p9999");
    REQUIRE(report.badges.size() == 1);  // the script is never cut
    CHECK(report.problems.empty());
  }
  SECTION("empty input") {
    const auto report = VerifyPage("", "x");
    CHECK(report.problems == std::vector<std::string>{std::string(codes::kBadgeMissing),
                                                      std::string(codes::kTitleMissing)});
  }
  SECTION("binary bytes and NULs") {
    std::string page(4096, '\0');
    for (std::size_t i = 0; i < page.size(); ++i) page[i] = static_cast<char>(i * 37 % 256);
    const auto report = VerifyPage(page, "x");
    CHECK(report.verdict == bw::Verdict::kFail);
  }
  SECTION("unclosed everything") {
    const auto report = VerifyPage("<html><head><title>x<body><script src=\"", "x");
    CHECK(report.verdict == bw::Verdict::kFail);
  }
  SECTION("an attribute of a megabyte") {
    const std::string page =
        "<title>x</title><a href=\"" + std::string(1 << 20, 'a') + "\">x</a>" + kBareBadgeScript;
    const auto report = VerifyPage(page, "x", bw::PageRole::kHome, "http://example.gov.cn/");
    CHECK(report.problems.empty());
  }
  SECTION("a verifier reused across pages gives the same answers") {
    bw::PageVerifier verifier;
    bw::PageExpectation expectation;
    expectation.registered_name = "宁波市水利局";
    const std::string gbk = ReadFixture("gbk_home.html");
    const auto first = verifier.Verify(gbk, expectation);
    (void)verifier.Verify(std::string(300000, '<'), expectation);
    const auto again = verifier.Verify(gbk, expectation);
    CHECK(first.problems == again.problems);
    CHECK(first.links == again.links);
    CHECK(first.title == again.title);
  }
}
