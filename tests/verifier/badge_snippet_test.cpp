#include "verifier/badge_snippet.h"

#include <catch2/catch.hpp>

namespace bw = badgewatch::verifier;

namespace {
constexpr const char* kId = "CA330000000604333780001";
}

TEST_CASE("BadgeSnippet: script URLs in every real form are recognised", "[verifier]") {
  struct Case {
    const char* src;
    bw::BadgeScheme scheme;
  };
  const Case cases[] = {
      {"https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js",
       bw::BadgeScheme::kHttps},
      {"http://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js",
       bw::BadgeScheme::kHttp},
      {"//dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js",
       bw::BadgeScheme::kProtocolRelative},
      {"  HTTPS://DCS.Conac.CN/js/33/000/0000/60433378/CA330000000604333780001.js \n",
       bw::BadgeScheme::kHttps},
      {"https://dcs.conac.cn:443/js/33/000/0000/60433378/CA330000000604333780001.js?v=2",
       bw::BadgeScheme::kHttps},
      {"https://dcs.conac.cn./js/33/000/0000/60433378/ca330000000604333780001.JS",
       bw::BadgeScheme::kHttps},
  };
  for (const Case& c : cases) {
    CAPTURE(c.src);
    const auto url = bw::ParseBadgeScriptUrl(c.src);
    REQUIRE(url.has_value());
    CHECK(url->id == kId);
    CHECK(url->well_formed);
    CHECK(url->scheme == c.scheme);
  }
}

TEST_CASE("BadgeSnippet: path digits that disagree with the id are malformed", "[verifier]") {
  const char* malformed[] = {
      "https://dcs.conac.cn/js/33/000/0000/60433379/CA330000000604333780001.js",  // unit differs
      "https://dcs.conac.cn/js/12/000/0000/60433378/CA330000000604333780001.js",  // region differs
      "https://dcs.conac.cn/js/33/000/0000/CA330000000604333780001.js",           // segment missing
      "https://dcs.conac.cn/js/33/00/00000/60433378/CA330000000604333780001.js",  // wrong split
      "https://dcs.conac.cn/js/33/000/0000/60433378/extra/CA330000000604333780001.js",
      "https://dcs.conac.cn/js/33/000/0000/60433378/CA33000000060433378001.js",  // 20 digits
  };
  for (const char* src : malformed) {
    CAPTURE(src);
    const auto url = bw::ParseBadgeScriptUrl(src);
    REQUIRE(url.has_value());
    CHECK_FALSE(url->well_formed);
  }
}

TEST_CASE("BadgeSnippet: other scripts are not badges", "[verifier]") {
  const char* others[] = {
      "https://example.gov.cn/js/33/000/0000/60433378/CA330000000604333780001.js",
      "https://dcs.conac.cn.evil.example/js/33/000/0000/60433378/CA330000000604333780001.js",
      "https://dcs.conac.cn/image/red.png",
      "/static/common.js",
      "javascript:alert(1)",
      "",
  };
  for (const char* src : others) {
    CAPTURE(src);
    CHECK_FALSE(bw::ParseBadgeScriptUrl(src).has_value());
  }
}

TEST_CASE("BadgeSnippet: an offline mirror path is relative, never well-formed", "[verifier]") {
  const auto url = bw::ParseBadgeScriptUrl(
      "../../../dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js");
  REQUIRE(url.has_value());
  CHECK(url->scheme == bw::BadgeScheme::kRelative);
  CHECK(url->id == kId);
  CHECK_FALSE(url->well_formed);
}

TEST_CASE("BadgeSnippet: rendered badge images and status links", "[verifier]") {
  CHECK(bw::IsRenderedBadgeImageUrl("//dcs.conac.cn/image/red.png"));
  CHECK(bw::IsRenderedBadgeImageUrl("https://DCS.CONAC.CN/image/blue.png"));
  CHECK(bw::IsRenderedBadgeImageUrl("../dcs.conac.cn/image/red_error.png"));
  CHECK_FALSE(bw::IsRenderedBadgeImageUrl("//dcs.conac.cn/js/33/x.js"));
  CHECK_FALSE(bw::IsRenderedBadgeImageUrl("//example.gov.cn/image/red.png"));
  CHECK(bw::IsBadgeStatusLink("//bszs.conac.cn/sitename?method=show&id=0123"));
  CHECK_FALSE(bw::IsBadgeStatusLink("//bszs.conac.cn.example/sitename"));
  CHECK_FALSE(bw::IsBadgeStatusLink("/bszs.conac.cn/"));
}

TEST_CASE("BadgeSnippet: UnescapeJs decodes %XX and %uXXXX and keeps broken escapes",
          "[verifier]") {
  CHECK(bw::UnescapeJs("%3Cspan id='_ideConac' %3E%3C/span%3E") == "<span id='_ideConac' ></span>");
  CHECK(bw::UnescapeJs("%u653F%u52A1") == "政务");
  CHECK(bw::UnescapeJs("%uD83D%uDE00") == "\xF0\x9F\x98\x80");
  CHECK(bw::UnescapeJs("%uD83D!") == "\xEF\xBF\xBD!");  // unpaired surrogate
  CHECK(bw::UnescapeJs("%3E3C/span") == ">3C/span");
  CHECK(bw::UnescapeJs("100%") == "100%");
  CHECK(bw::UnescapeJs("%zz%4") == "%zz%4");
  CHECK(bw::UnescapeJs("%E4") == "\xC3\xA4");  // JavaScript semantics: U+00E4, not a raw byte
}

TEST_CASE("BadgeSnippet: document.write calls yield the scripts they write", "[verifier]") {
  const std::string src = "https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js";
  SECTION("the common unescape form") {
    const auto found = bw::FindDocumentWriteScriptSrcs(
        "document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='" + src +
        "' type='text/javascript'%3E%3C/script%3E\"));");
    REQUIRE(found.size() == 1);
    CHECK(found[0].src == src);
  }
  SECTION("line breaks, single quotes and concatenation") {
    const auto found = bw::FindDocumentWriteScriptSrcs(
        "\n  document.writeln ( unescape( '%3Cscript  src=\"' \n + '" + src +
        "\" %3E' ) + '</scr' + 'ipt>' );\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].src == src);
  }
  SECTION("plain string with escaped slash") {
    const auto found = bw::FindDocumentWriteScriptSrcs(
        "window.document.write(\"<script src=" + src + "><\\/script>\")");
    REQUIRE(found.size() == 1);
    CHECK(found[0].src == src);
  }
  SECTION("a commented-out call is not live") {
    CHECK(bw::FindDocumentWriteScriptSrcs("// document.write(unescape(\"%3Cscript src='" + src +
                                          "'%3E%3C/script%3E\"));")
              .empty());
    CHECK(bw::FindDocumentWriteScriptSrcs("/* document.write(\"<script src='" + src +
                                          "'></script>\"); */")
              .empty());
  }
  SECTION("a string that is not a document.write argument is not live") {
    CHECK(bw::FindDocumentWriteScriptSrcs("var html = \"<script src='" + src + "'></script>\";")
              .empty());
    CHECK(bw::FindDocumentWriteScriptSrcs("$('.footer').append(unescape(\"%3Cscript src='" + src +
                                          "'%3E%3C/script%3E\"));")
              .empty());
    CHECK(bw::FindDocumentWriteScriptSrcs("var s = 'document.write(\"<script src=" + src +
                                          "></script>\")';")
              .empty());
  }
  SECTION("a regex literal with a quote does not derail the scan") {
    const auto found = bw::FindDocumentWriteScriptSrcs(
        "var r = /[\"']/g; document.write('<script src=\"" + src + "\"></script>');");
    REQUIRE(found.size() == 1);
  }
  SECTION("a variable argument is skipped, later calls still found") {
    const auto found = bw::FindDocumentWriteScriptSrcs(
        "document.write(html); document.write('<script src=\"" + src + "\"></script>');");
    REQUIRE(found.size() == 1);
  }
  SECTION("unterminated input does not crash") {
    CHECK(bw::FindDocumentWriteScriptSrcs("document.write(unescape(\"%3Cscript src='").empty());
    CHECK(bw::FindDocumentWriteScriptSrcs("document.write(").empty());
    CHECK(bw::FindDocumentWriteScriptSrcs("/* open").empty());
  }
}

TEST_CASE("BadgeSnippet: FindBadgeIdText finds a printed id", "[verifier]") {
  CHECK(bw::FindBadgeIdText("<p>CA330000000604333780001</p>") == kId);
  CHECK(bw::FindBadgeIdText("标识 CA330000000604333780001。") == kId);
  CHECK(bw::FindBadgeIdText("CA3300000006043337800012").empty());  // 22 digits
  CHECK(bw::FindBadgeIdText("XCA330000000604333780001").empty());
  CHECK(bw::FindBadgeIdText("").empty());
}

TEST_CASE("FindInjectedBadgeId: badges a site script adds, and scripts that only mention one",
          "[verifier]") {
  using badgewatch::verifier::FindInjectedBadgeId;
  const std::string id = "CA330000000604333780001";
  const std::string url = "https://dcs.conac.cn/js/33/000/0000/60433378/" + id + ".js";
  CHECK(FindInjectedBadgeId("document.write(unescape(\"%3Cscript src='" + url +
                            "'%3E%3C/script%3E\"));") == id);
  CHECK(FindInjectedBadgeId("var s = document.createElement('script');\ns.src = \"" + url +
                            "\";\ndocument.body.appendChild(s);") == id);
  CHECK(FindInjectedBadgeId("s.src = `//DCS.conac.cn/js/33/000/0000/60433378/" + id + ".js`;") ==
        id);
  CHECK_FALSE(FindInjectedBadgeId("// see https://dcs.conac.cn/js/ for the badge").has_value());
  CHECK_FALSE(
      FindInjectedBadgeId("s.src = 'https://dcs.conac.cn/js/33/000/0000/99999999/" + id + ".js';")
          .has_value());  // path digits disagree with the id: not well formed
  CHECK_FALSE(FindInjectedBadgeId("").has_value());
}
