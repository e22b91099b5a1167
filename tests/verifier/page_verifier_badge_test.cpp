// The badge rules of the verifier, each on a small page written for it.
#include <catch2/catch.hpp>
#include <string>

#include "verifier/page_verifier.h"
#include "verifier/problem_codes.h"

namespace bw = badgewatch::verifier;
namespace codes = bw::codes;

namespace {

constexpr const char* kName = "杭州市教育局";
constexpr const char* kBadgeId = "CA330000000604333780001";
const std::string kBadgeSrc =
    "https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js";
const std::string kBadgeCode =
    "<span id=\"_ideConac\"></span><script type=\"text/javascript\" src=\"" + kBadgeSrc +
    "\"></script>";

std::string Page(const std::string& body, const std::string& head = "",
                 const std::string& tail = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>杭州市教育局</title>" + head +
         "</head><body><div class=\"footer\">京ICP备12345678号</div>" + body + "</body></html>" +
         tail;
}

bw::PageReport VerifyBadgePage(const std::string& page, const std::string& badge_id = kBadgeId,
                               const std::string& url = "") {
  bw::PageExpectation expectation;
  expectation.registered_name = kName;
  expectation.badge_id = badge_id;
  expectation.url = url;
  return bw::VerifyPage(page, expectation);
}

std::vector<std::string> Codes(std::initializer_list<std::string_view> list) {
  return {list.begin(), list.end()};
}

}  // namespace

TEST_CASE("PageVerifier: the plain snippet before </body> passes", "[verifier]") {
  const auto report = VerifyBadgePage(Page(kBadgeCode));
  CHECK(report.verdict == bw::Verdict::kPass);
  CHECK(report.problems.empty());
  REQUIRE(report.badges.size() == 1);
  CHECK(report.badges[0].id == kBadgeId);
  CHECK(report.badges[0].form == bw::BadgeForm::kScript);
  CHECK(report.badges[0].scheme == bw::BadgeScheme::kHttps);
  CHECK(report.badges[0].placement == bw::PagePlacement::kBody);
  CHECK(report.badge_ids == std::vector<std::string>{kBadgeId});
}

TEST_CASE("PageVerifier: snippet variants all pass", "[verifier]") {
  const std::string variants[] = {
      "<script src='" + kBadgeSrc + "'></script><span id='_ideConac'></span>",
      "<span><script src='" + kBadgeSrc + "'></script></span>",
      "<SCRIPT SRC=" + kBadgeSrc + " async defer data-x=\"1\"></SCRIPT>",
      "<script type=\"text/javascript\" src=\"//DCS.CONAC.CN/js/33/000/0000/60433378/"
      "CA330000000604333780001.js\"></script>",
      "<script type=\"text/javascript\">document.write(unescape(\"%3Cspan id='_ideConac' "
      "%3E%3C/span%3E%3Cscript src='" +
          kBadgeSrc + "' type='text/javascript'%3E%3C/script%3E\"));</script>",
      "<script type=\"text/javascript\" async=\"async\">\ndocument.write(unescape(\"%3Cspan "
      "id='_ideConac' %3E3C/span%3E%3Cscript    src='" +
          kBadgeSrc + "' type='text/javascript'%3E%3C/script%3E\"));\n</script>",
      "<table><tr><td align=center>" + kBadgeCode + "</td></tr></table>",
  };
  for (const std::string& variant : variants) {
    CAPTURE(variant);
    const auto report = VerifyBadgePage(Page(variant));
    CHECK(report.problems.empty());
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].id == kBadgeId);
  }
}

TEST_CASE("PageVerifier: the document.write form is reported as such", "[verifier]") {
  const auto report = VerifyBadgePage(Page("<script>document.write(unescape(\"%3Cscript src='" +
                                           kBadgeSrc + "'%3E%3C/script%3E\"));</script>"));
  REQUIRE(report.badges.size() == 1);
  CHECK(report.badges[0].form == bw::BadgeForm::kDocumentWrite);
}

TEST_CASE("PageVerifier: copies that are not live are not badges", "[verifier]") {
  const std::string not_live[] = {
      "<!-- " + kBadgeCode + " -->",
      "<!-- <script type=\"text/javascript\">document.write(unescape(\"%3Cscript src='" +
          kBadgeSrc + "'%3E%3C/script%3E\"));</script> -->",
      "<script>// document.write(unescape(\"%3Cscript src='" + kBadgeSrc +
          "'%3E%3C/script%3E\"));</script>",
      "<script>var badge = \"<script src='" + kBadgeSrc + "'><\\/script>\";</script>",
      "<pre>&lt;script src=\"" + kBadgeSrc + "\"&gt;&lt;/script&gt;</pre>",
      "<p>&lt;script src=\"" + kBadgeSrc + "\"&gt;&lt;/script&gt;</p>",
      "<textarea><script src=\"" + kBadgeSrc + "\"></script></textarea>",
      "<script type=\"text/template\"><script src=\"" + kBadgeSrc + "\"></script></script>",
      "<template><script src=\"" + kBadgeSrc + "\"></script></template>",
      "<xmp><script src=\"" + kBadgeSrc + "\"></script></xmp>",
  };
  for (const std::string& body : not_live) {
    CAPTURE(body);
    const auto report = VerifyBadgePage(Page(body));
    CHECK(report.problems == Codes({codes::kBadgeMissing}));
  }
}

TEST_CASE("PageVerifier: a page without any badge fails with badge-missing", "[verifier]") {
  const auto report = VerifyBadgePage(Page("<p>no badge here</p>"));
  CHECK(report.verdict == bw::Verdict::kFail);
  CHECK(report.problems == Codes({codes::kBadgeMissing}));
  CHECK(report.badges.empty());
}

TEST_CASE("PageVerifier: a static copy of the rendered badge fails", "[verifier]") {
  SECTION("span id with link and image") {
    const auto report = VerifyBadgePage(Page(
        "<span id=\"_ideConac\"><a href=\"//bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF"
        "0123456789ABCDEF\" target=\"_blank\"><img id=\"imgConac\" vspace=\"0\" hspace=\"0\" "
        "border=\"0\" src=\"//dcs.conac.cn/image/red.png\" "
        "data-bd-imgshare-binded=\"1\"></a></span>"));
    CHECK(report.problems == Codes({codes::kBadgeStaticCopy}));
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].form == bw::BadgeForm::kStaticCopy);
    CHECK(report.badges[0].id.empty());
  }
  SECTION("class marker and the id printed as text") {
    const auto report = VerifyBadgePage(Page(
        "<span class=\"_ideConac\"><a href=\"https://bszs.conac.cn/sitename?id=1\"><img "
        "src=\"https://dcs.conac.cn/image/blue.png\"></a><p>CA330000000604333780001</p></span>"));
    CHECK(report.problems == Codes({codes::kBadgeStaticCopy}));
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].id == kBadgeId);
  }
  SECTION("an offline mirror of the script") {
    const auto report = VerifyBadgePage(Page(
        "<script src='../../../dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js'>"
        "</script>"));
    CHECK(report.problems == Codes({codes::kBadgeStaticCopy}));
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].form == bw::BadgeForm::kMirror);
  }
  SECTION("a live badge beside a static copy passes") {
    const auto report =
        VerifyBadgePage(Page("<span id=\"_ideConac\"><a href=\"//bszs.conac.cn/x\"><img "
                             "src=\"//dcs.conac.cn/image/red.png\">"
                             "</a></span>" +
                             kBadgeCode));
    CHECK(report.problems.empty());
    CHECK(report.badges.size() == 2);
  }
}

TEST_CASE("PageVerifier: placement", "[verifier]") {
  SECTION("in <head>") {
    const auto report = VerifyBadgePage(Page("", "<script src=\"" + kBadgeSrc + "\"></script>"));
    CHECK(report.problems == Codes({codes::kBadgeMisplaced}));
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].placement == bw::PagePlacement::kHead);
  }
  SECTION("between </head> and <body> the parser puts it in the head") {
    const std::string page = "<html><head><title>杭州市教育局</title></head><script src=\"" +
                             kBadgeSrc + "\"></script><body>x</body></html>";
    const auto report = VerifyBadgePage(page);
    CHECK(report.problems == Codes({codes::kBadgeMisplaced}));
  }
  SECTION("after </body>") {
    const std::string page =
        "<html><head><title>杭州市教育局</title></head><body>x</body>" + kBadgeCode + "</html>";
    const auto report = VerifyBadgePage(page);
    CHECK(report.problems == Codes({codes::kBadgeMisplaced}));
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].placement == bw::PagePlacement::kAfterBody);
  }
  SECTION("after </html>") {
    const auto report = VerifyBadgePage(Page("", "", kBadgeCode));
    CHECK(report.problems == Codes({codes::kBadgeMisplaced}));
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].placement == bw::PagePlacement::kAfterHtml);
  }
  SECTION("two </body> tags with the badge between them: inside the body") {
    const std::string page = "<html><head><title>杭州市教育局</title></head><body>x</body>" +
                             kBadgeCode + "</body></html><script>var late = 1;</script>";
    const auto report = VerifyBadgePage(page);
    CHECK(report.problems.empty());
  }
  SECTION("junk after </html> with a second body does not mislead") {
    const std::string page =
        "<html><head><title>杭州市教育局</title></head><body>x</body></html>"
        "<div>junk</div>" +
        kBadgeCode + "</body></html>";
    const auto report = VerifyBadgePage(page);
    CHECK(report.problems == Codes({codes::kBadgeMisplaced}));
  }
  SECTION("\"</body>\" inside a comment, a script string or an attribute is no end tag") {
    const std::string page =
        "<html><head><title>杭州市教育局</title></head><body><!-- </body> -->"
        "<script>var s = '</body></html>';</script><a title=\"</body>\">x</a>"
        "<textarea></body></textarea>" +
        kBadgeCode + "</body></html>";
    const auto report = VerifyBadgePage(page);
    CHECK(report.problems.empty());
  }
  SECTION("no </body> at all: anywhere in the body is fine") {
    const auto report = VerifyBadgePage("<title>杭州市教育局</title><p>x" + kBadgeCode);
    CHECK(report.problems.empty());
  }
  SECTION("a good badge beside a misplaced one passes") {
    const auto report =
        VerifyBadgePage(Page(kBadgeCode, "<script src=\"" + kBadgeSrc + "\"></script>"));
    CHECK(report.problems.empty());
  }
}

TEST_CASE("PageVerifier: badge id checks", "[verifier]") {
  SECTION("another unit's id") {
    const auto report = VerifyBadgePage(Page(kBadgeCode), "CA120000000604123450002");
    CHECK(report.problems == Codes({codes::kBadgeIdMismatch}));
  }
  SECTION("no expected id: any id passes") {
    const auto report = VerifyBadgePage(Page(kBadgeCode), "");
    CHECK(report.problems.empty());
  }
  SECTION("the own badge next to a counterfeit one") {
    const auto report =
        VerifyBadgePage(Page(kBadgeCode + "<script src=\"https://dcs.conac.cn/js/12/000/0000/"
                                          "60412345/CA120000000604123450002.js\"></script>"));
    CHECK(report.problems == Codes({codes::kBadgeIdMismatch}));
    CHECK(report.badge_ids.size() == 2);
  }
  SECTION("path digits that disagree with the file name") {
    const auto report =
        VerifyBadgePage(Page("<script src=\"https://dcs.conac.cn/js/33/000/0000/60433379/"
                             "CA330000000604333780001.js\"></script>"));
    CHECK(report.problems == Codes({codes::kBadgeMalformed}));
    REQUIRE(report.badges.size() == 1);
    CHECK_FALSE(report.badges[0].well_formed);
  }
}

TEST_CASE("PageVerifier: mixed content", "[verifier]") {
  const std::string http_badge =
      "<script src=\"http://dcs.conac.cn/js/33/000/0000/60433378/"
      "CA330000000604333780001.js\"></script>";
  CHECK(VerifyBadgePage(Page(http_badge), kBadgeId, "https://www.example.gov.cn/").problems ==
        Codes({codes::kBadgeMixedContent}));
  CHECK(VerifyBadgePage(Page(http_badge), kBadgeId, "http://www.example.gov.cn/").problems.empty());
  CHECK(VerifyBadgePage(Page(http_badge), kBadgeId, "").problems.empty());
  CHECK(
      VerifyBadgePage(Page(kBadgeCode), kBadgeId, "https://www.example.gov.cn/").problems.empty());
  const std::string relative =
      "<script src=\"//dcs.conac.cn/js/33/000/0000/60433378/"
      "CA330000000604333780001.js\"></script>";
  CHECK(VerifyBadgePage(Page(relative), kBadgeId, "https://www.example.gov.cn/").problems.empty());
}

TEST_CASE("PageVerifier: source offset and line point at the badge", "[verifier]") {
  const std::string page = Page("\n\n" + kBadgeCode);
  const auto report = VerifyBadgePage(page);
  REQUIRE(report.badges.size() == 1);
  const std::size_t script_at = page.find("<script type=\"text/javascript\" src=");
  CHECK(report.badges[0].source_offset == script_at);
  CHECK(report.badges[0].line == 3);
}

TEST_CASE("PageVerifier: a badge inside <noscript> is no badge (browsers run scripts)",
          "[verifier]") {
  const std::string cases[] = {
      Page("<noscript>" + kBadgeCode + "</noscript>"),
      Page("<NOSCRIPT><div>" + kBadgeCode + "</div></NOSCRIPT>"),
      Page("<noscript><p>请开启脚本 " + kBadgeCode + "</p></noscript>"),
      Page("", "<noscript>" + kBadgeCode + "</noscript>"),
      Page("<noscript>" + kBadgeCode),  // never closed: raw text to the end of the page
  };
  for (const std::string& page : cases) {
    CAPTURE(page);
    const auto report = VerifyBadgePage(page);
    CHECK(report.badges.empty());
    CHECK(report.verdict == bw::Verdict::kFail);
    CHECK(report.problems == Codes({codes::kBadgeMissing}));
  }
  SECTION("a badge after the <noscript> still counts") {
    const auto report =
        VerifyBadgePage(Page("<noscript><p>请开启脚本</p></noscript>" + kBadgeCode));
    CHECK(report.verdict == bw::Verdict::kPass);
    CHECK(report.badges.size() == 1);
  }
  SECTION("a </body> inside <noscript> is text, not the end of the body") {
    const auto report = VerifyBadgePage(Page("<noscript></body></noscript>" + kBadgeCode));
    CHECK(report.verdict == bw::Verdict::kPass);
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].placement == bw::PagePlacement::kBody);
  }
}

TEST_CASE("PageVerifier: a badge after a stray </p> inside inline <svg> is in the body",
          "[verifier]") {
  const std::string cases[] = {
      Page("<svg><circle r=\"1\"/></p>" + kBadgeCode + "</svg>"),
      Page("<svg><g></p>" + kBadgeCode + "</g></svg>"),
      Page("<svg></br><div>" + kBadgeCode + "</div></svg>"),
      Page("<math></p>" + kBadgeCode + "</math>"),
  };
  for (const std::string& page : cases) {
    CAPTURE(page);
    const auto report = VerifyBadgePage(page);
    CHECK(report.verdict == bw::Verdict::kPass);
    REQUIRE(report.badges.size() == 1);
    CHECK(report.badges[0].placement == bw::PagePlacement::kBody);
  }
  SECTION("an SVG <script> without the stray end tag is SVG, no badge") {
    const auto report =
        VerifyBadgePage(Page("<svg><script src=\"" + kBadgeSrc + "\"></script></svg>"));
    CHECK(report.badges.empty());
  }
}
