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
  CHECK(s.ContainsUrl("https://www.jyj.gov.cn:8443/a.html"));
  CHECK_FALSE(s.ContainsUrl("ftp://jyj.gov.cn/a.html"));
  CHECK_FALSE(s.ContainsUrl("https://www.gov.cn/"));
}

TEST_CASE("SiteScope: an invalid alias is an error", "[crawler]") {
  const auto scope = SiteScope::Create("jyj.gov.cn", {std::string(70, 'x') + ".cn"});
  REQUIRE_FALSE(scope.ok());
  CHECK_THAT(scope.error().message, Catch::Contains("63"));
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
