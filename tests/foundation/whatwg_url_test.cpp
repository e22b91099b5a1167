// The WHATWG URL parser on the cases Chinese government sites write, each
// checked against what a browser (Node.js's URL class) gives.
#include "foundation/whatwg_url.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

namespace {

using badgewatch::foundation::HttpUrl;
using badgewatch::foundation::ParseHttpUrl;
using badgewatch::foundation::ParseSpecialHost;

// The href `input` resolves to against `base` ("" for none); "FAIL" for a failure.
std::string Href(const std::string& input, const std::string& base = "",
                 const std::string& encoding = "utf-8") {
  std::optional<HttpUrl> base_url;
  if (!base.empty()) {
    base_url = ParseHttpUrl(base);
    REQUIRE(base_url);
  }
  const std::optional<HttpUrl> url = ParseHttpUrl(input, base_url ? &*base_url : nullptr, encoding);
  return url ? url->Serialize() : "FAIL";
}

constexpr const char* kPage = "http://www.example.gov.cn/zwgk/list.html";
constexpr const char* kHttpsPage = "https://www.example.gov.cn/zwgk/list.html";

}  // namespace

TEST_CASE("WhatwgUrl: the links browsers follow that were dropped", "[foundation]") {
  struct Case {
    const char* input;
    const char* base;
    const char* href;
  };
  const Case cases[] = {
      {"http://www.example.gov.cn\\xxgk\\a.html", "", "http://www.example.gov.cn/xxgk/a.html"},
      {"\\xxgk\\a.html", kPage, "http://www.example.gov.cn/xxgk/a.html"},
      {"..\\xxgk\\a.html", kPage, "http://www.example.gov.cn/xxgk/a.html"},
      {"https:/www.gov.cn/", kPage, "https://www.gov.cn/"},
      {"https:www.gov.cn/", kPage, "https://www.gov.cn/"},
      {"https:/www.gov.cn/", "", "https://www.gov.cn/"},
      // Against a base of the same scheme, one slash is a path on the page's host.
      {"https:/www.gov.cn/", kHttpsPage, "https://www.example.gov.cn/www.gov.cn/"},
      {"http:a.html", kPage, "http://www.example.gov.cn/zwgk/a.html"},
      {"HTTP:\\\\www.gov.cn\\a", "", "http://www.gov.cn/a"},
      {"list.html#第 2 页", kPage,
       "http://www.example.gov.cn/zwgk/list.html#%E7%AC%AC%202%20%E9%A1%B5"},
      {"search.jsp?q=政务 公开", kPage,
       "http://www.example.gov.cn/zwgk/search.jsp?q=%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80"},
      {"/a b/政务.html", kPage, "http://www.example.gov.cn/a%20b/%E6%94%BF%E5%8A%A1.html"},
      {" \t/a\n/b\r.html ", kPage, "http://www.example.gov.cn/a/b.html"},
      {"\x01//www.gov.cn/x\x1f", kPage, "http://www.gov.cn/x"},
      {"//www.gov.cn", kHttpsPage, "https://www.gov.cn/"},
      {"?page=2", kPage, "http://www.example.gov.cn/zwgk/list.html?page=2"},
      {"", kPage, kPage},
      {"./a/./b/../c.html", kPage, "http://www.example.gov.cn/zwgk/a/c.html"},
      {"/a/%2e%2E/b/%2e/c", kPage, "http://www.example.gov.cn/b/c"},
      {"../../../../a", kPage, "http://www.example.gov.cn/a"},
      {"http://WWW.Example.GOV.cn:80/", "", "http://www.example.gov.cn/"},
      {"https://www.example.gov.cn:443/", "", "https://www.example.gov.cn/"},
      {"https://www.example.gov.cn:8443/", "", "https://www.example.gov.cn:8443/"},
      {"http://a/%7e%zz'\"<>`{}", "", "http://a/%7e%zz'%22%3C%3E%60%7B%7D"},
      {"http://a/?'\"<>`", "", "http://a/?%27%22%3C%3E`"},
      {"http://a/#'\"<>`", "", "http://a/#'%22%3C%3E%60"},
      {"http://user:p@ss@a/", "", "http://user:p%40ss@a/"},
      {"http://例子.政务/", "", "http://xn--fsqu00a.xn--zfr164b/"},
      {"http://例子。政务/", "", "http://xn--fsqu00a.xn--zfr164b/"},
      {"http://exa%41mple.com/", "", "http://exaample.com/"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input, c.base);
    CHECK(Href(c.input, c.base) == c.href);
  }
}

TEST_CASE("WhatwgUrl: the query is encoded in the page's encoding", "[foundation]") {
  CHECK(Href("/search.jsp?keyword=政务", kPage, "gbk") ==
        "http://www.example.gov.cn/search.jsp?keyword=%D5%FE%CE%F1");
  CHECK(Href("/search.jsp?keyword=政务", kPage, "gb18030") ==
        "http://www.example.gov.cn/search.jsp?keyword=%D5%FE%CE%F1");
  CHECK(Href("/search.jsp?keyword=政务", kPage, "utf-8") ==
        "http://www.example.gov.cn/search.jsp?keyword=%E6%94%BF%E5%8A%A1");
  // The path and the fragment stay UTF-8 whatever the page's encoding.
  CHECK(Href("/政务?政#政", kPage, "gbk") ==
        "http://www.example.gov.cn/%E6%94%BF%E5%8A%A1?%D5%FE#%E6%94%BF");
  // gbk cannot encode what only gb18030's four bytes hold: "&#N;", encoded.
  CHECK(Href("?q=\xF0\x9F\x98\x80", kPage, "gbk") ==
        "http://www.example.gov.cn/zwgk/list.html?q=%26%23128512%3B");
  CHECK(Href("?q=\xF0\x9F\x98\x80", kPage, "gb18030") ==
        "http://www.example.gov.cn/zwgk/list.html?q=%949%FC6");
  CHECK(Href("?q=€", kPage, "gbk") == "http://www.example.gov.cn/zwgk/list.html?q=%80");
  CHECK(Href("?q=a b", kPage, "gbk") == "http://www.example.gov.cn/zwgk/list.html?q=a%20b");
  CHECK(Href("?q=é", kPage, "windows-1252") == "http://www.example.gov.cn/zwgk/list.html?q=%E9");
  CHECK(Href("?q=政", kPage, "utf-16le") == "http://www.example.gov.cn/zwgk/list.html?q=%E6%94%BF");
}

TEST_CASE("WhatwgUrl: IPv4 and IPv6 hosts", "[foundation]") {
  struct Case {
    const char* host;
    const char* parsed;  // "FAIL" for a failure
  };
  const Case cases[] = {
      {"127.0.0.1", "127.0.0.1"},
      {"0x7f.1", "127.0.0.1"},
      {"0x7F.0.0.1", "127.0.0.1"},
      {"0177.0.0.1", "127.0.0.1"},
      {"2130706433", "127.0.0.1"},
      {"127.1", "127.0.0.1"},
      {"127.0.0.1.", "127.0.0.1"},
      {"0x", "0.0.0.0"},
      {"1.2.3.4.5", "FAIL"},
      {"256.1.1.1", "FAIL"},
      {"1.2.3.256", "FAIL"},
      {"1.2.65536", "FAIL"},
      {"4294967296", "FAIL"},
      {"09.1.1.1", "FAIL"},
      {"example.123", "FAIL"},
      {"1.2.3.4x", "1.2.3.4x"},
      {"[::1]", "[::1]"},
      {"[2001:DB8:0:0:1:0:0:1]", "[2001:db8::1:0:0:1]"},
      {"[0:0:0:0:0:0:0:0]", "[::]"},
      {"[::ffff:192.168.0.1]", "[::ffff:c0a8:1]"},
      {"[1:2:3:4:5:6:7:8:9]", "FAIL"},
      {"[::1", "FAIL"},
      {"a b", "FAIL"},
      {"a<b", "FAIL"},
      {"a%25b", "FAIL"},
      {"a|b", "FAIL"},
      {"a%20b", "FAIL"},
      {"xn--abc", "FAIL"},
      {"x-.例子", "x-.xn--fsqu00a"},
      {"a_b.例子", "a_b.xn--fsqu00a"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.host);
    const std::optional<std::string> host = ParseSpecialHost(c.host);
    CHECK(host.value_or("FAIL") == c.parsed);
  }
  CHECK(Href("http://0x7f.1:8080/a", "") == "http://127.0.0.1:8080/a");
  CHECK(Href("http://1.2.3.4.5/", "") == "FAIL");
}

TEST_CASE("WhatwgUrl: failures and other schemes give no URL", "[foundation]") {
  const char* inputs[] = {"javascript:void(0)", "mailto:a@b.cn", "tel:12345",    "data:text/html,x",
                          "ftp://a/",           "http://",       "http://:80/",  "http://a:b/",
                          "http://a:65536/",    "http://user@/", "http://[::1/", "relative.html"};
  for (const char* input : inputs) {
    CAPTURE(input);
    CHECK(Href(input) == "FAIL");
  }
  CHECK(Href("javascript:void(0)", kPage) == "FAIL");
}
