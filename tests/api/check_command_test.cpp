// `badgewatch check` through the real command-line parser, in process, against
// fixture sites on a loopback test server with names from a real dnsmasq.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/badge_code.h"
#include "tests/support/cli_run.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

using badgewatch::testing::CliRun;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::kTestBadgeCode;
using badgewatch::testing::kTestBadgeId;
using badgewatch::testing::RunCli;
using badgewatch::testing::TestResponse;
using badgewatch::testing::TestWebServer;

namespace {

constexpr const char* kHost = "jyj.example.gov.cn";
constexpr const char* kIdnHost = "xn--dgtp5sd2w.xn--zfr164b";  // 教育局.政务
constexpr const char* kName = "测试网站";

DnsmasqProcess StartDns() {
  return DnsmasqProcess(std::vector<std::pair<std::string, std::string>>{
      {kHost, "127.0.0.1"}, {kIdnHost, "127.0.0.1"}, {"nx.example.gov.cn", ""}});
}

std::vector<std::string> CheckArgs(const std::string& url, const DnsmasqProcess& dns) {
  return {"check", url,          "--name",         kName, "--badge-id", kTestBadgeId,
          "--dns", dns.server(), "--allow-private"};
}

}  // namespace

TEST_CASE("CheckCommand: a compliant IDN site passes with the JSON contract", "[api][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  server.ServePage(kIdnHost, "/", kName, "<a href='/news/1.html'>新闻</a>" + kTestBadgeCode);
  server.ServePage(kIdnHost, "/news/1.html", std::string("新闻一 - ") + kName,
                   "<a href='/'>首页</a><a href='/doc.pdf'>pdf</a>" + kTestBadgeCode);
  server.Serve(kIdnHost, "/doc.pdf", {.content_type = "application/pdf", .body = "%PDF-1.4"});
  auto args = CheckArgs("http://教育局.政务:" + std::to_string(server.port()) + "/", dns);
  args.push_back("--json");
  const CliRun run = RunCli(args);
  INFO(run.err);
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["verdict"] == "pass");
  CHECK(json["problems"].empty());
  CHECK(json["warnings"].empty());
  CHECK(json["pages_total"] == 2);
  CHECK(json["pages_failed"] == 0);
  REQUIRE(json["pages"].size() == 2);
  for (const auto& page : json["pages"]) {
    CHECK(page.contains("url"));
    CHECK(page["status"] == 200);
    CHECK(page["verdict"] == "pass");
    CHECK(page["problems"].empty());
    CHECK(page["warnings"].empty());
  }
  CHECK(json["pages"][0]["url"] == server.Origin(kIdnHost) + "/");
  CHECK(json["addresses"][kIdnHost] == nlohmann::json::array({"127.0.0.1"}));
}

TEST_CASE("CheckCommand: failing pages are listed first and grouped by problem", "[api][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  const std::string origin = server.Origin(kHost);
  server.ServePage(kHost, "/", kName,
                   "<a href='/gbk.html'>gbk</a><a href='/bare.html'>bare</a>"
                   "<a href='/gone.html'>gone</a>" +
                       kTestBadgeCode);
  // A GBK page, charset only in <meta>: 测试网站 in GB18030 bytes.
  server.Serve(kHost, "/gbk.html",
               {.content_type = "text/html",
                .body = "<html><head><meta charset=\"gbk\"><title>\xB2\xE2\xCA\xD4\xCD\xF8\xD5\xBE"
                        "</title></head><body>" +
                        kTestBadgeCode + "</body></html>"});
  server.ServePage(kHost, "/bare.html", kName, "no badge here");
  // Refused (403): fetch-failed. A 404 would be a dead link, a warning.
  server.Serve(kHost, "/gone.html", {.status = 403, .body = "forbidden"});

  SECTION("JSON") {
    auto args = CheckArgs(origin + "/", dns);
    args.push_back("--json");
    const CliRun run = RunCli(args);
    REQUIRE(run.code == 1);
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json["verdict"] == "fail");
    CHECK(json["problems"] == nlohmann::json::array({"badge-missing", "fetch-failed"}));
    CHECK(json["pages_total"] == 4);
    CHECK(json["pages_failed"] == 2);
    for (const auto& page : json["pages"]) {
      if (page["url"] == origin + "/gbk.html") {
        CHECK(page["verdict"] == "pass");
        CHECK(page["title"] == kName);
      }
      if (page["url"] == origin + "/gone.html") {
        CHECK(page["status"] == 403);
        CHECK(page["detail"] == "HTTP 403");
      }
    }
  }
  SECTION("readable report") {
    const CliRun run = RunCli(CheckArgs(origin + "/", dns));
    REQUIRE(run.code == 1);
    CHECK_THAT(run.out, Catch::StartsWith("FAIL  " + origin + "/"));
    const auto missing = run.out.find("badge-missing");
    const auto bare = run.out.find(origin + "/bare.html");
    const auto fetch = run.out.find("fetch-failed");
    REQUIRE(missing != std::string::npos);
    REQUIRE(bare != std::string::npos);
    REQUIRE(fetch != std::string::npos);
    CHECK(missing < bare);
    CHECK(bare < fetch);
    CHECK_THAT(run.out, Catch::Contains(origin + "/gone.html  — HTTP 403"));
    CHECK(run.err.empty());  // no progress line: not a terminal
  }
}

TEST_CASE("CheckCommand: an unreachable site fails with fetch-failed and the reason",
          "[api][network]") {
  DnsmasqProcess dns = StartDns();
  SECTION("NXDOMAIN") {
    auto args = CheckArgs("http://nx.example.gov.cn/", dns);
    args.push_back("--json");
    const CliRun run = RunCli(args);
    REQUIRE(run.code == 1);
    const auto json = nlohmann::json::parse(run.out);
    CHECK(json["problems"] == nlohmann::json::array({"fetch-failed"}));
    CHECK(json["home_url"].is_null());
    REQUIRE(json["pages"].size() == 1);
    CHECK_THAT(json["pages"][0]["detail"].get<std::string>(), Catch::Contains("NXDOMAIN"));
  }
  SECTION("a private address without --allow-private") {
    TestWebServer server;
    server.ServePage(kHost, "/", kName, kTestBadgeCode);
    const CliRun run = RunCli(
        {"check", server.Origin(kHost) + "/", "--name", kName, "--dns", dns.server(), "--json"});
    REQUIRE(run.code == 1);
    const auto json = nlohmann::json::parse(run.out);
    CHECK_THAT(json["pages"][0]["detail"].get<std::string>(),
               Catch::Contains("loopback") && Catch::Contains("--allow-private"));
    CHECK(server.connections() == 0);
  }
  SECTION("robots.txt unreachable (503): nothing fetched, the report says why") {
    TestWebServer server;
    server.ServePage(kHost, "/", kName, kTestBadgeCode);
    server.Serve(kHost, "/robots.txt", {.status = 503});
    const CliRun run = RunCli(CheckArgs(server.Origin(kHost) + "/", dns));
    REQUIRE(run.code == 1);
    CHECK_THAT(run.out, Catch::Contains("fetch-failed") &&
                            Catch::Contains(server.Origin(kHost) +
                                            "/  (home page)  — not fetched: robots.txt "
                                            "unreachable: HTTP 503") &&
                            Catch::Contains("The home page was never reached"));
    CHECK(server.Count(kHost, "/") == 0);
  }
}

TEST_CASE("CheckCommand: bad input exits 2 with a clear message", "[api]") {
  SECTION("a label over 63 bytes") {
    const CliRun run =
        RunCli({"check", "http://" + std::string(64, 'a') + ".gov.cn/", "--name", kName});
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("IDN2_TOO_BIG_LABEL"));
  }
  SECTION("not an http URL") {
    const CliRun run = RunCli({"check", "ftp://example.gov.cn/", "--name", kName});
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("ftp://example.gov.cn/"));
  }
  SECTION("no --name") {
    const CliRun run = RunCli({"check", "http://example.gov.cn/"});
    CHECK(run.code == 2);
  }
  SECTION("a bad badge id") {
    const CliRun run =
        RunCli({"check", "http://example.gov.cn/", "--name", kName, "--badge-id", "CA12"});
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("21 digits"));
  }
}

TEST_CASE("CheckCommand: a dead link passes with the dead-link warning, in JSON and text",
          "[api][network]") {
  DnsmasqProcess dns = StartDns();
  TestWebServer server;
  server.ServePage(kHost, "/", kName,
                   "<a href='/old.html'>往期通知（已删除）</a>" + kTestBadgeCode);
  server.Serve(kHost, "/old.html", {.status = 404, .body = "not found"});
  const std::string url =
      "http://" + std::string(kHost) + ":" + std::to_string(server.port()) + "/";
  auto args = CheckArgs(url, dns);
  args.push_back("--json");
  const CliRun run = RunCli(args);
  INFO(run.err);
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["verdict"] == "pass");
  CHECK(json["problems"].empty());
  CHECK(json["warnings"] == nlohmann::json::array({"dead-link"}));
  CHECK(json["pages_total"] == 1);
  CHECK(json["dead_links_total"] == 1);
  const std::string origin = server.Origin(kHost);
  REQUIRE(json["dead_links"].size() == 1);
  CHECK(json["dead_links"][0] == nlohmann::json{{"url", origin + "/old.html"},
                                                {"status", 404},
                                                {"linked_from", origin + "/"}});
  CHECK(json["pages"][0]["warnings"] == nlohmann::json::array({"dead-link"}));
  CHECK(json["pages"][0]["dead_links"] == nlohmann::json::array({origin + "/old.html"}));

  const CliRun text = RunCli(CheckArgs(url, dns));
  REQUIRE(text.code == 0);
  CHECK(text.out.find("dead-link") != std::string::npos);
  CHECK(text.out.find(origin + "/old.html  HTTP 404  — linked from " + origin + "/") !=
        std::string::npos);
}
