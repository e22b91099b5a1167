#include "crawler/url_limits.h"

#include <catch2/catch.hpp>
#include <string>

using badgewatch::crawler::CheckUrlLimits;
using badgewatch::crawler::UrlLimits;

TEST_CASE("CheckUrlLimits: length, depth and repeated segments", "[crawler]") {
  const UrlLimits limits;
  CHECK(CheckUrlLimits("https://a.gov.cn/", limits).ok());
  CHECK(CheckUrlLimits("https://a.gov.cn/x/y/x/y/z.html", limits).ok());
  SECTION("too long") {
    const std::string url = "https://a.gov.cn/" + std::string(2100, 'a');
    const auto status = CheckUrlLimits(url, limits);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("2083"));
  }
  SECTION("too deep") {
    std::string url = "https://a.gov.cn";
    for (int i = 0; i < 21; ++i) url += "/d" + std::to_string(i);
    CHECK_FALSE(CheckUrlLimits(url, limits).ok());
  }
  SECTION("a segment repeated three times is a trap") {
    const auto status = CheckUrlLimits("https://a.gov.cn/cal/next/next/next/", limits);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("'next'"));
  }
  SECTION("the query does not count") {
    CHECK(CheckUrlLimits("https://a.gov.cn/p?a/a/a/a", limits).ok());
  }
}
