#include "verifier/link_resolution.h"

#include <catch2/catch.hpp>

namespace bw = badgewatch::verifier;

TEST_CASE("LinkResolution: relative links against the page URL", "[verifier]") {
  const bw::LinkResolver links("https://WWW.Example.gov.cn:443/a/b.html?x=1#top", "");
  CHECK(links.base() == "https://www.example.gov.cn/a/b.html?x=1");
  struct Case {
    const char* href;
    const char* expected;
  };
  const Case cases[] = {
      {"c.html", "https://www.example.gov.cn/a/c.html"},
      {"../c.html#frag", "https://www.example.gov.cn/c.html"},
      {"./d/../e.html", "https://www.example.gov.cn/a/e.html"},
      {"/root.html", "https://www.example.gov.cn/root.html"},
      {"?page=2", "https://www.example.gov.cn/a/b.html?page=2"},
      {"//Other.GOV.cn:80/x", "https://other.gov.cn:80/x"},
      {"HTTP://Other.gov.cn:80/x", "http://other.gov.cn/x"},
      {"  /trimmed.html \n", "https://www.example.gov.cn/trimmed.html"},
      {"/a\tb.html", "https://www.example.gov.cn/ab.html"},
      {"/with space.html", "https://www.example.gov.cn/with%20space.html"},
      {"/p%2fq%7e.html", "https://www.example.gov.cn/p%2fq%7e.html"},  // escapes kept as written
      {"通知.html", "https://www.example.gov.cn/a/%E9%80%9A%E7%9F%A5.html"},
      {"http://政务.cn/", "http://xn--zfr164b.cn/"},
      {"\\windows\\path.html", "https://www.example.gov.cn/windows/path.html"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.href);
    const auto resolved = links.Resolve(c.href);
    REQUIRE(resolved.has_value());
    CHECK(*resolved == c.expected);
  }
}

TEST_CASE("LinkResolution: links that are not pages are dropped", "[verifier]") {
  const bw::LinkResolver links("https://www.example.gov.cn/", "");
  for (const char* href : {"javascript:void(0)", "JavaScript:go()", "mailto:a@example.gov.cn",
                           "tel:01052035000", "#top", "", "   ", "data:text/html,x",
                           "ftp://example.gov.cn/f", "http://", "http://exa mple.gov.cn/"}) {
    CAPTURE(href);
    CHECK_FALSE(links.Resolve(href).has_value());
  }
}

TEST_CASE("LinkResolution: base href and missing page URL", "[verifier]") {
  SECTION("a relative <base> resolves against the page") {
    const bw::LinkResolver links("http://www.example.gov.cn/a/b.html", "/static/");
    CHECK(links.Resolve("x.html").value() == "http://www.example.gov.cn/static/x.html");
  }
  SECTION("an absolute <base> alone is enough") {
    const bw::LinkResolver links("", "http://base.example.gov.cn/dir/");
    CHECK(links.Resolve("x.html").value() == "http://base.example.gov.cn/dir/x.html");
  }
  SECTION("without any base only absolute links survive") {
    const bw::LinkResolver links("", "");
    CHECK(links.base().empty());
    CHECK_FALSE(links.Resolve("x.html").has_value());
    CHECK(links.Resolve("https://example.gov.cn").value() == "https://example.gov.cn/");
  }
  SECTION("a javascript: base is ignored") {
    const bw::LinkResolver links("http://www.example.gov.cn/a/", "javascript:x");
    CHECK(links.Resolve("y.html").value() == "http://www.example.gov.cn/a/y.html");
  }
}

TEST_CASE("LinkResolution: numeric hosts are normalised", "[verifier]") {
  CHECK(bw::NormalizeHttpUrl("http://2130706433/").value() == "http://127.0.0.1/");
  CHECK(bw::NormalizeHttpUrl("http://[::1]:8080/x").value() == "http://[::1]:8080/x");
  CHECK_FALSE(bw::NormalizeHttpUrl("/relative").has_value());
}

TEST_CASE("LinkResolution: a shared cache gives what parsing gives", "[verifier]") {
  const char* const pages[] = {"https://www.example.gov.cn/a/b.html", "https://www.example.gov.cn/",
                               "http://Other.gov.cn:80/x/"};
  const char* const hrefs[] = {"c.html",           "../c.html#x",    "/root.html",
                               "?page=2",          "//cdn.gov.cn/x", "javascript:void(0)",
                               "通知.html",        "c.html",         "http://政务.cn/",
                               "/with space.html", "#top",           "HTTP://A.cn:80/"};
  SECTION("cache large enough for every URL") {
    bw::NormalizedUrlCache cache;
    for (int round = 0; round < 2; ++round) {
      for (const char* page : pages) {
        const bw::LinkResolver plain(page, "");
        const bw::LinkResolver cached(page, "", &cache);
        CHECK(cached.base() == plain.base());
        for (const char* href : hrefs) {
          CAPTURE(page, href, round);
          CHECK(cached.Resolve(href) == plain.Resolve(href));
        }
      }
    }
  }
  SECTION("a cache that fills up and starts afresh") {
    bw::NormalizedUrlCache cache(100);  // bytes: two or three URLs
    const bw::LinkResolver plain(pages[0], "");
    const bw::LinkResolver cached(pages[0], "", &cache);
    for (int round = 0; round < 3; ++round) {
      for (const char* href : hrefs) {
        CAPTURE(href, round);
        CHECK(cached.Resolve(href) == plain.Resolve(href));
      }
    }
  }
}

TEST_CASE("LinkResolution: the links browsers follow on Chinese government sites", "[verifier]") {
  const bw::LinkResolver links("http://www.example.gov.cn/zwgk/index.html", "");
  CHECK(links.Resolve("http://www.example.gov.cn\\xxgk\\a.html") ==
        "http://www.example.gov.cn/xxgk/a.html");
  CHECK(links.Resolve("https:/www.gov.cn/") == "https://www.gov.cn/");
  CHECK(links.Resolve("list.html#第 2 页") == "http://www.example.gov.cn/zwgk/list.html");
  CHECK(links.Resolve("search.jsp?q=政务 公开") ==
        "http://www.example.gov.cn/zwgk/search.jsp?q=%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80");
  CHECK_FALSE(links.Resolve("http://1.2.3.4.5/").has_value());
  CHECK(links.Resolve("http://0x7f.1/a") == "http://127.0.0.1/a");
}

TEST_CASE("LinkResolution: a GBK page's queries are encoded in GBK", "[verifier]") {
  const bw::LinkResolver gbk("http://www.example.gov.cn/", "", nullptr, "gbk");
  CHECK(gbk.Resolve("/search.jsp?keyword=政务") ==
        "http://www.example.gov.cn/search.jsp?keyword=%D5%FE%CE%F1");
  const bw::LinkResolver utf8("http://www.example.gov.cn/", "");
  CHECK(utf8.Resolve("/search.jsp?keyword=政务") ==
        "http://www.example.gov.cn/search.jsp?keyword=%E6%94%BF%E5%8A%A1");
  SECTION("the cache keeps the two apart") {
    bw::NormalizedUrlCache cache;
    const bw::LinkResolver cached_gbk("http://www.example.gov.cn/", "", &cache, "gbk");
    const bw::LinkResolver cached_utf8("http://www.example.gov.cn/", "", &cache, "utf-8");
    CHECK(cached_gbk.Resolve("/s?q=政") == "http://www.example.gov.cn/s?q=%D5%FE");
    CHECK(cached_utf8.Resolve("/s?q=政") == "http://www.example.gov.cn/s?q=%E6%94%BF");
  }
}
