// The crawler-verifier join on a real loopback site: every page checked, and
// a badge added by the site's own script counted as badge-injected (a
// warning) on the pages that load that script.
#include "scan/site_check.h"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "crawler/site_crawl.h"
#include "tests/support/test_web_server.h"
#include "verifier/link_resolution.h"

namespace {

using badgewatch::scan::SiteCheck;
using badgewatch::scan::SiteCheckReport;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;
namespace crawler = badgewatch::crawler;

constexpr const char* kId = "CA330000000604333780001";

SiteCheckReport Check(TestWebServer& web) {
  boost::asio::io_context io;
  SiteCheck check("杭州市教育局", kId);
  crawler::CrawlConfig config;
  config.start_url = web.Origin("127.0.0.1") + "/";
  config.allow_private = true;
  config.normalize_url = [](std::string_view url) {
    return badgewatch::verifier::NormalizeHttpUrl(url);
  };
  auto crawl = crawler::SiteCrawl::Create(io, config, check);
  REQUIRE(crawl.ok());
  std::optional<SiteCheckReport> report;
  crawl.value()->Start([&](crawler::SiteCrawlSummary summary) {
    report = check.Finish(summary);
    io.stop();
  });
  io.run();
  REQUIRE(report);
  return *report;
}

}  // namespace

TEST_CASE("SiteCheck: a badge written by the site's own script is badge-injected",
          "[scan][crawler]") {
  TestWebServer web;
  const std::string badge_url =
      std::string("https://dcs.conac.cn/js/33/000/0000/60433378/") + kId + ".js";
  TestResponse script;
  script.content_type = "application/javascript";
  script.body = "document.write(unescape(\"%3Cspan id='_ideConac'%3E%3C/span%3E%3Cscript src='" +
                badge_url + "'%3E%3C/script%3E\"));";
  web.Serve("127.0.0.1", "/js/footer.js", script);
  web.ServePage("127.0.0.1", "/", "杭州市教育局",
                "<a href=\"/a.html\">a</a><a href=\"/b.html\">b</a>"
                "<script src=\"/js/footer.js\"></script>");
  web.ServePage("127.0.0.1", "/a.html", "通知 - 杭州市教育局",
                "<script src=\"/js/footer.js\"></script>");
  web.ServePage("127.0.0.1", "/b.html", "杭州市教育局", "<p>no badge, no script</p>");

  const SiteCheckReport report = Check(web);
  REQUIRE(report.pages_total == 3);
  CHECK(report.pages_failed == 1);
  CHECK(report.problems == std::vector<std::string>{"badge-missing"});
  CHECK(report.warnings == std::vector<std::string>{"badge-injected"});
  for (const auto& page : report.pages) {
    INFO(page.url);
    const bool loads_script = page.url.find("/b.html") == std::string::npos;
    CHECK((page.verdict == badgewatch::verifier::Verdict::kPass) == loads_script);
    CHECK((page.warnings == std::vector<std::string>{"badge-injected"}) == loads_script);
  }
  CHECK(web.Count("127.0.0.1", "/js/footer.js") == 1);  // fetched once for the whole site
}
