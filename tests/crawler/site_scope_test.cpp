#include "crawler/site_scope.h"

#include <catch2/catch.hpp>

#include "crawler/url_parts.h"

using badgewatch::crawler::ParseUrl;
using badgewatch::crawler::SiteScope;

TEST_CASE("SiteScope: start host, its twin and aliases over http and https", "[crawler]") {
  const auto scope = SiteScope::Create("www.jyj.gov.cn", {"教育局.政务"});
  REQUIRE(scope.ok());
  const SiteScope& s = scope.value();
  CHECK(s.Contains("www.jyj.gov.cn"));
  CHECK(s.Contains("jyj.gov.cn"));
  CHECK(s.Contains("xn--dgtp5sd2w.xn--zfr164b"));
  CHECK(s.Contains("www.xn--dgtp5sd2w.xn--zfr164b"));
  CHECK_FALSE(s.Contains("other.gov.cn"));
  CHECK_FALSE(s.Contains("evil.jyj.gov.cn"));
  CHECK(s.ContainsUrl("http://jyj.gov.cn/a.html"));
  CHECK(s.ContainsUrl("https://www.jyj.gov.cn/a.html"));
  CHECK_FALSE(s.ContainsUrl("ftp://jyj.gov.cn/a.html"));
  CHECK_FALSE(s.ContainsUrl("https://www.gov.cn/"));
}

TEST_CASE("SiteScope: ports are the start URL's, 80 and 443, and another is another server",
          "[crawler]") {
  const auto standard = SiteScope::Create("www.jyj.gov.cn", {});
  REQUIRE(standard.ok());
  CHECK(standard.value().ContainsUrl("http://www.jyj.gov.cn:80/a.html"));
  CHECK(standard.value().ContainsUrl("https://jyj.gov.cn:443/a.html"));
  CHECK_FALSE(standard.value().ContainsUrl("https://www.jyj.gov.cn:8443/a.html"));
  CHECK_FALSE(standard.value().ContainsUrl("http://www.jyj.gov.cn:22/"));
  const auto mirror = SiteScope::Create("www.jyj.gov.cn", {}, 18080);
  REQUIRE(mirror.ok());
  CHECK(mirror.value().ContainsUrl("http://www.jyj.gov.cn:18080/a.html"));
  CHECK(mirror.value().ContainsUrl("https://www.jyj.gov.cn/a.html"));
  CHECK_FALSE(mirror.value().ContainsUrl("http://www.jyj.gov.cn:18081/a.html"));
}

TEST_CASE("SiteScope: an invalid alias is an error", "[crawler]") {
  const auto scope = SiteScope::Create("jyj.gov.cn", {std::string(70, 'x') + ".cn"});
  REQUIRE_FALSE(scope.ok());
  CHECK_THAT(scope.status().message(), Catch::Contains("63"));
}

TEST_CASE("ParseUrl: parts and origin", "[crawler]") {
  const auto url = ParseUrl("https://Example.gov.cn/a/b.html?x=1");
  REQUIRE(url.ok());
  CHECK(url.value().host == "example.gov.cn");
  CHECK(url.value().port == 443);
  CHECK(url.value().Origin() == "https://example.gov.cn:443");
  CHECK(url.value().PathAndQuery() == "/a/b.html?x=1");
  CHECK(ParseUrl("http://[::1]:8080").value().path == "/");
  CHECK_FALSE(ParseUrl("mailto:a@b.cn").ok());
  CHECK_FALSE(ParseUrl("/relative").ok());
}
