#include "crawler/sitemap.h"

#include <catch2/catch.hpp>

using badgewatch::crawler::ParseSitemap;

TEST_CASE("ParseSitemap: URL sets and indexes", "[crawler]") {
  SECTION("a URL set") {
    const auto sitemap = ParseSitemap(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://a.gov.cn/ </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://a.gov.cn/list?a=1&amp;b=2</loc></url>
  <url><loc><![CDATA[https://a.gov.cn/c.html]]></loc></url>
</urlset>)");
    CHECK_FALSE(sitemap.is_index);
    CHECK(sitemap.locs == std::vector<std::string>{"https://a.gov.cn/",
                                                   "https://a.gov.cn/list?a=1&b=2",
                                                   "https://a.gov.cn/c.html"});
  }
  SECTION("an index") {
    const auto sitemap = ParseSitemap(
        "<sitemapindex><sitemap><loc>https://a.gov.cn/s1.xml</loc></sitemap></sitemapindex>");
    CHECK(sitemap.is_index);
    CHECK(sitemap.locs == std::vector<std::string>{"https://a.gov.cn/s1.xml"});
  }
  SECTION("garbage and limits") {
    CHECK(ParseSitemap("<html>not a sitemap</html>").locs.empty());
    CHECK(ParseSitemap("<urlset><url><loc>https://a/").locs.empty());
    CHECK(ParseSitemap("<loc>a</loc><loc>b</loc><loc>c</loc>", 2).locs.size() == 2);
  }
}
