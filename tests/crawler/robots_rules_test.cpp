#include "crawler/robots_rules.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

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

TEST_CASE("RobotsRules: paths compared percent-encoded as RFC 9309 2.2.2 says", "[crawler]") {
  struct Case {
    const char* rule;
    const char* path;
    bool disallowed;
  };
  // The RFC's table (rule as written, URL path as requested), then Chinese paths.
  const Case cases[] = {
      {"/foo/bar?baz=quz", "/foo/bar?baz=quz", true},
      {"/foo/bar?baz=https://foo.bar", "/foo/bar?baz=https%3A%2F%2Ffoo.bar", true},
      {"/foo/bar/\xE3\x83\x84", "/foo/bar/%E3%83%84", true},
      {"/foo/bar/%E3%83%84", "/foo/bar/%E3%83%84", true},
      {"/foo/bar/%62%61%7A", "/foo/bar/baz", true},
      {"/foo/bar/%e3%83%84", "/foo/bar/%E3%83%84", true},
      {"/新闻/", "/%E6%96%B0%E9%97%BB/a.html", true},
      {"/新闻/", "/%e6%96%b0%e9%97%bb/a.html", true},
      {"/%E6%96%B0%E9%97%BB/", "/新闻/a.html", true},
      {"/新闻/", "/%E6%96%B0/a.html", false},
      {"/政务 公开/", "/%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80/", true},
      {"/a%2A", "/a*b", true},
      {"/a%2A", "/abc", false},
      {"/a*", "/abc", true},
      {"/x$y", "/x$y", true},
      {"/x$y", "/xzy", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.rule, c.path);
    const RobotsRules rules =
        RobotsRules::Parse(std::string("User-agent: *\nDisallow: ") + c.rule + "\n", "badgewatch");
    CHECK(rules.Allows(c.path) == !c.disallowed);
  }
}

TEST_CASE("RobotsRules: CR-only and CRLF line ends separate lines", "[crawler]") {
  const char* endings[] = {"\r", "\r\n", "\n"};
  for (const char* eol : endings) {
    CAPTURE(std::string(eol).size());
    const std::string text = std::string("User-agent: *") + eol + "Disallow: /新闻/" + eol +
                             "Allow: /新闻/open" + eol + eol + "Crawl-delay: 2" + eol;
    const RobotsRules rules = RobotsRules::Parse(text, "badgewatch");
    CHECK_FALSE(rules.Allows("/%E6%96%B0%E9%97%BB/a.html"));
    CHECK(rules.Allows("/%E6%96%B0%E9%97%BB/open.html"));
    CHECK(rules.Allows("/other.html"));
    REQUIRE(rules.crawl_delay());
    CHECK(*rules.crawl_delay() == std::chrono::milliseconds(2000));
  }
}
