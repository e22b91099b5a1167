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
const std::string kBadge =
    std::string(
        "<span id=\"_ideConac\"></span><script src=\"https://dcs.conac.cn/js/33/000/0000/"
        "60433378/") +
    kId + ".js\"></script>";

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

TEST_CASE("SiteCheck: an inner page answering 404 or 410 is a dead-link warning, not a failure",
          "[scan][crawler]") {
  TestWebServer web;
  web.ServePage("127.0.0.1", "/", "杭州市教育局",
                "<a href=\"/a.html\">a</a><a href=\"/old.html\">往期通知（已删除）</a>" + kBadge);
  web.ServePage("127.0.0.1", "/a.html", "通知 - 杭州市教育局",
                "<a href=\"/gone.html\">gone</a><a href=\"/old.html\">old</a>" + kBadge);
  TestResponse not_found;
  not_found.status = 404;
  not_found.body = "<html><body>404</body></html>";
  web.Serve("127.0.0.1", "/old.html", not_found);
  TestResponse gone;
  gone.status = 410;
  gone.body = "<html><body>410</body></html>";
  web.Serve("127.0.0.1", "/gone.html", gone);

  const SiteCheckReport report = Check(web);
  CHECK(report.verdict == badgewatch::verifier::Verdict::kPass);
  CHECK(report.problems.empty());
  CHECK(report.warnings == std::vector<std::string>{"dead-link"});
  CHECK(report.pages_total == 2);
  CHECK(report.pages_failed == 0);
  REQUIRE(report.dead_links.size() == 2);
  const std::string origin = web.Origin("127.0.0.1");
  CHECK(report.dead_links[0].url == origin + "/gone.html");
  CHECK(report.dead_links[0].status == 410);
  CHECK(report.dead_links[0].referrer == origin + "/a.html");
  CHECK(report.dead_links[1].url == origin + "/old.html");
  CHECK(report.dead_links[1].status == 404);
  CHECK(report.dead_links[1].referrer == origin + "/");  // the first page that linked it
  for (const auto& page : report.pages) {
    INFO(page.url);
    CHECK(page.verdict == badgewatch::verifier::Verdict::kPass);
    CHECK(page.warnings == std::vector<std::string>{"dead-link"});
    if (page.is_home) {
      CHECK(page.dead_links == std::vector<std::string>{origin + "/old.html"});
    } else {
      CHECK(page.dead_links == std::vector<std::string>{origin + "/gone.html"});
    }
  }
}

TEST_CASE("SiteCheck: other inner-page failures stay fetch-failed, a 404 home page unreachable",
          "[scan][crawler]") {
  SECTION("an inner page answering 500 after the retries") {
    TestWebServer web;
    web.ServePage("127.0.0.1", "/", "杭州市教育局", "<a href=\"/broken.html\">b</a>" + kBadge);
    TestResponse error;
    error.status = 500;
    web.Serve("127.0.0.1", "/broken.html", error);
    const SiteCheckReport report = Check(web);
    CHECK(report.verdict == badgewatch::verifier::Verdict::kFail);
    CHECK(report.problems == std::vector<std::string>{"fetch-failed"});
    CHECK(report.dead_links.empty());
  }
  SECTION("a home page answering 404") {
    TestWebServer web;
    TestResponse not_found;
    not_found.status = 404;
    web.Serve("127.0.0.1", "/", not_found);
    const SiteCheckReport report = Check(web);
    CHECK(report.verdict == badgewatch::verifier::Verdict::kFail);
    CHECK(report.problems == std::vector<std::string>{"fetch-failed"});
    CHECK(report.dead_links.empty());
    REQUIRE(report.pages.size() == 1);
    CHECK(report.pages[0].is_home);
  }
}
