#include "crawler/robots_rules.h"

#include <catch2/catch.hpp>
#include <chrono>

using badgewatch::crawler::RobotsPatternMatches;
using badgewatch::crawler::RobotsRules;

TEST_CASE("RobotsPatternMatches: prefix, * and $", "[crawler]") {
  CHECK(RobotsPatternMatches("/a", "/a/b"));
  CHECK_FALSE(RobotsPatternMatches("/a", "/b"));
  CHECK(RobotsPatternMatches("/*.pdf$", "/x/y.pdf"));
  CHECK_FALSE(RobotsPatternMatches("/*.pdf$", "/x/y.pdf?z"));
  CHECK(RobotsPatternMatches("/*.pdf", "/x/y.pdf?z"));
  CHECK(RobotsPatternMatches("/a*b*c", "/a-b-c-d"));
  CHECK_FALSE(RobotsPatternMatches("/a*b*c", "/a-b"));
  CHECK(RobotsPatternMatches("*", "/anything"));
  CHECK(RobotsPatternMatches("/$", "/"));
  CHECK_FALSE(RobotsPatternMatches("/$", "/a"));
}

TEST_CASE("RobotsRules: RFC 9309 groups and precedence", "[crawler]") {
  const char* text =
      "# comment\n"
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: otherbot\n"
      "User-agent: BadgeWatch/1.0\n"
      "Disallow: /private\n"
      "Allow: /private/open\n"
      "Disallow: /page\n"
      "Allow: /page\n"
      "Disallow: /*.pdf$\n"
      "Crawl-delay: 1.5\n"
      "Sitemap: https://a.gov.cn/sitemap.xml\n";
  const RobotsRules rules = RobotsRules::Parse(text, "badgewatch");
  CHECK(rules.Allows("/"));
  CHECK(rules.Allows("/news/1.html"));
  CHECK_FALSE(rules.Allows("/private/x.html"));
  CHECK(rules.Allows("/private/open/x.html"));  // longest match wins
  CHECK(rules.Allows("/page.html"));            // Allow wins a tie
  CHECK_FALSE(rules.Allows("/doc/a.pdf"));
  CHECK(rules.Allows("/doc/a.pdf?download"));
  CHECK(rules.Allows("/robots.txt"));
  REQUIRE(rules.crawl_delay());
  CHECK(*rules.crawl_delay() == std::chrono::milliseconds(1500));
  CHECK(rules.sitemaps() == std::vector<std::string>{"https://a.gov.cn/sitemap.xml"});

  SECTION("other agents fall back to the * group") {
    const RobotsRules star = RobotsRules::Parse(text, "somebot");
    CHECK_FALSE(star.Allows("/news/1.html"));
    CHECK_FALSE(star.crawl_delay());
    CHECK(star.sitemaps().size() == 1);
  }
  SECTION("an empty Disallow allows everything") {
    CHECK(RobotsRules::Parse("User-agent: *\nDisallow:\n", "badgewatch").Allows("/a"));
  }
  SECTION("percent-escapes compare case-insensitively") {
    CHECK_FALSE(
        RobotsRules::Parse("User-agent: *\nDisallow: /%7ejoe\n", "badgewatch").Allows("/%7Ejoe/a"));
  }
  SECTION("absent and unreachable files") {
    CHECK(RobotsRules::AllowAll().Allows("/x"));
    CHECK_FALSE(RobotsRules::DisallowAll().Allows("/x"));
  }
}
