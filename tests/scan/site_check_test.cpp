// The crawler-verifier join on a real loopback site: every page checked, and
// a badge added by the site's own script counted as badge-injected (a
// warning) on the pages that load that script.
#include "scan/site_check.h"

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "crawler/site_crawl.h"
#include "tests/support/hostile_site.h"
#include "tests/support/test_web_server.h"
#include "verifier/link_resolution.h"

namespace {

using badgewatch::scan::SiteCheck;
using badgewatch::scan::SiteCheckReport;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;
namespace crawler = badgewatch::crawler;

constexpr const char* kId = "CA330000000604333780001";

SiteCheckReport Check(TestWebServer& web, const std::string& name = "杭州市教育局",
                      crawler::CrawlConfig config = {}, std::size_t max_links = 10000) {
  boost::asio::io_context io;
  SiteCheck check(name, kId, max_links);
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

TEST_CASE("Time budget: a tarpit site ends at its budget with the pages checked so far",
          "[scan][crawler][hostile]") {
  // Each page answers after 300 ms and links two new pages: without a budget
  // the crawl runs until the 10,000-page limit (~25 minutes).
  TestWebServer web;
  web.ServeGenerated([](const std::string&, const std::string& target) {
    return badgewatch::testing::HostileSitePage(
        badgewatch::testing::Tarpit(std::chrono::milliseconds(300)), target);
  });
  crawler::CrawlConfig config;
  config.time_budget = std::chrono::seconds(1);
  const SiteCheckReport report = Check(web, badgewatch::testing::kHostileSiteName, config);
  CHECK(report.pages_total >= 1);
  CHECK(report.pages_total < 40);
  CHECK(report.verdict == badgewatch::verifier::Verdict::kPass);  // what was checked passes
  CHECK(report.problems.empty());
  CHECK(report.warnings == std::vector<std::string>{"time-budget"});
  REQUIRE(report.skipped_counts.count("time-budget") == 1);
  CHECK(report.skipped_counts.at("time-budget") >= 1);
}

TEST_CASE("Link flood: links past a page's cap are counted, skipped URLs kept as examples only",
          "[scan][crawler][hostile]") {
  TestWebServer web;
  web.ServeGenerated([](const std::string&, const std::string& target) {
    return badgewatch::testing::HostileSitePage(badgewatch::testing::LinkFlood(5000), target);
  });
  crawler::CrawlConfig config;
  config.max_pages = 3;
  const SiteCheckReport report =
      Check(web, badgewatch::testing::kHostileSiteName, config, /*max_links=*/1000);
  CHECK(report.pages_total == 3);
  CHECK(report.verdict == badgewatch::verifier::Verdict::kPass);
  // 3 pages x 4,000 links past the cap of 1,000; the followed ones past the
  // page limit are recorded, 200 of them kept as examples.
  REQUIRE(report.skipped_counts.count("link-limit") == 1);
  CHECK(report.skipped_counts.at("link-limit") == 3 * 4000);
  REQUIRE(report.skipped_counts.count("page-limit") == 1);
  CHECK(report.skipped_counts.at("page-limit") == 3 * 1000 - 2);
  CHECK(report.skipped.size() == badgewatch::scan::kSkippedExamples);
}
