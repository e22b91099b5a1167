// `badgewatch check --sites FILE`: every site of a CSV list checked in one
// process, through the real command-line parser, against fixture sites on a
// loopback test server with names from a real dnsmasq; and the list's parser.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "api/cli/site_list_file.h"
#include "tests/registry/registry_fixture.h"
#include "tests/support/badge_code.h"
#include "tests/support/cli_run.h"
#include "tests/support/dnsmasq_process.h"
#include "tests/support/test_web_server.h"

using badgewatch::api::ListedSite;
using badgewatch::api::ParseCheckSiteList;
using badgewatch::registry::testing::TempDir;
using badgewatch::testing::CliRun;
using badgewatch::testing::DnsmasqProcess;
using badgewatch::testing::kTestBadgeCode;
using badgewatch::testing::kTestBadgeId;
using badgewatch::testing::RunCli;
using badgewatch::testing::TestWebServer;

namespace {

constexpr const char* kPassHost = "jyj.example.gov.cn";
constexpr const char* kFailHost = "wsj.example.gov.cn";
constexpr const char* kListedIdnHost = "xn--dgtp5sd2w.xn--zfr164b";  // 教育局.政务
constexpr const char* kPassName = "测试教育局";
constexpr const char* kFailName = "测试卫生局";
constexpr const char* kIdnName = "教育局网站";

DnsmasqProcess StartListedSitesDns() {
  return DnsmasqProcess(
      std::vector<std::pair<std::string, std::string>>{{kPassHost, "127.0.0.1"},
                                                       {kFailHost, "127.0.0.1"},
                                                       {kListedIdnHost, "127.0.0.1"},
                                                       {"nx.example.gov.cn", ""}});
}

std::string WriteFile(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.File(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Three sites that pass or fail as their names say, each of two pages.
void ServeSites(TestWebServer& server) {
  server.ServePage(kPassHost, "/", kPassName, "<a href='/a.html'>a</a>" + kTestBadgeCode);
  server.ServePage(kPassHost, "/a.html", kPassName, "<a href='/'>home</a>" + kTestBadgeCode);
  server.ServePage(kFailHost, "/", kFailName, "<a href='/a.html'>a</a>" + kTestBadgeCode);
  server.ServePage(kFailHost, "/a.html", kFailName, "no badge here");
  server.ServePage(kListedIdnHost, "/", kIdnName, "<a href='/a.html'>a</a>" + kTestBadgeCode);
  server.ServePage(kListedIdnHost, "/a.html", kIdnName, kTestBadgeCode);
}

std::vector<std::string> ListArgs(const std::string& list, const TestWebServer& server,
                                  const DnsmasqProcess& dns) {
  return {
      "check",      "--sites",        list, "--site-port", std::to_string(server.port()), "--dns",
      dns.server(), "--allow-private"};
}

// The JSON lines of a --sites --json run, by site name.
std::map<std::string, nlohmann::json> LinesByName(const std::string& out) {
  std::map<std::string, nlohmann::json> sites;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json site = nlohmann::json::parse(line);
    const std::string name = site.at("name").get<std::string>();
    sites[name] = std::move(site);
  }
  return sites;
}

}  // namespace

TEST_CASE("SiteListCheck: every listed site is checked in one run, each page fetched once",
          "[api][network]") {
  DnsmasqProcess dns = StartListedSitesDns();
  TestWebServer server;
  ServeSites(server);
  TempDir dir;
  const std::string list = WriteFile(
      dir, "sites.csv",
      std::string("site_name,english_domain,chinese_domain,badge_id\n") + kPassName + "," +
          kPassHost + ",," + kTestBadgeId + "\n" + kFailName + "," + kFailHost + ",,\n" + kIdnName +
          ",,教育局.政务," + kTestBadgeId + "\n" + "不存在的网站,nx.example.gov.cn,,\n");
  auto args = ListArgs(list, server, dns);
  args.push_back("--json");
  const CliRun run = RunCli(args);
  INFO(run.err);
  INFO(run.out);
  CHECK(run.code == 1);
  const auto sites = LinesByName(run.out);
  REQUIRE(sites.size() == 4);

  const nlohmann::json& pass = sites.at(kPassName);
  CHECK(pass["line"] == 2);
  CHECK(pass["verdict"] == "pass");
  CHECK(pass["url"] == server.Origin(kPassHost) + "/");
  CHECK(pass["pages_total"] == 2);

  const nlohmann::json& fail = sites.at(kFailName);
  CHECK(fail["line"] == 3);
  CHECK(fail["verdict"] == "fail");
  CHECK(fail["problems"] == nlohmann::json::array({"badge-missing"}));
  CHECK(fail["pages_failed"] == 1);

  const nlohmann::json& idn = sites.at(kIdnName);
  CHECK(idn["verdict"] == "pass");
  CHECK(idn["url"] == server.Origin(kListedIdnHost) + "/");

  const nlohmann::json& nx = sites.at("不存在的网站");
  CHECK(nx["verdict"] == "fail");
  CHECK(nx["problems"] == nlohmann::json::array({"fetch-failed"}));
  CHECK_THAT(nx["pages"][0]["detail"].get<std::string>(), Catch::Contains("NXDOMAIN"));

  for (const char* host : {kPassHost, kFailHost, kListedIdnHost}) {
    INFO(host);
    CHECK(server.Count(host, "/") == 1);
    CHECK(server.Count(host, "/a.html") == 1);
  }
}

TEST_CASE("SiteListCheck: sites crawl at once up to --concurrent-sites", "[api][network]") {
  DnsmasqProcess dns = StartListedSitesDns();
  TestWebServer server;
  ServeSites(server);
  TempDir dir;
  const std::string list =
      WriteFile(dir, "sites.csv",
                std::string("site_name,english_domain,chinese_domain\n") + kPassName + "," +
                    kPassHost + ",\n" + kIdnName + ",,教育局.政务\n");
  auto args = ListArgs(list, server, dns);
  SECTION("one at a time: never more than one request in flight") {
    args.insert(args.end(), {"--concurrent-sites", "1", "--per-host", "1"});
    const CliRun run = RunCli(args);
    INFO(run.err);
    CHECK(run.code == 0);
    CHECK(server.max_concurrent_requests() == 1);
  }
  SECTION("registered addresses: a site resolving to none of them gets ip-mismatch, and passes") {
    const std::string with_ips = WriteFile(
        dir, "ips.csv",
        std::string("site_name,english_domain,chinese_domain,ips\n") + kPassName + "," + kPassHost +
            ",,\"10.0.0.1 10.0.0.2\"\n" + kIdnName + ",,教育局.政务,127.0.0.1\n");
    auto ip_args = ListArgs(with_ips, server, dns);
    ip_args.push_back("--json");
    const CliRun run = RunCli(ip_args);
    INFO(run.err);
    CHECK(run.code == 0);
    const auto sites = LinesByName(run.out);
    REQUIRE(sites.size() == 2);
    CHECK(sites.at(kPassName)["warnings"] == nlohmann::json::array({"ip-mismatch"}));
    CHECK(sites.at(kPassName)["verdict"] == "pass");
    CHECK(sites.at(kIdnName)["warnings"].empty());
  }
  SECTION("all passing: exit 0, each site's report and the summary") {
    const CliRun run = RunCli(args);
    INFO(run.err);
    CHECK(run.code == 0);
    CHECK_THAT(run.out, Catch::Contains("PASS  " + server.Origin(kPassHost) + "/"));
    CHECK_THAT(run.out, Catch::Contains("PASS  " + server.Origin(kListedIdnHost) + "/"));
    CHECK_THAT(run.out, Catch::EndsWith("2 sites checked: 2 pass, 0 fail; 4 pages, 0 failing\n"));
    CHECK(run.err.empty());  // no progress line: not a terminal
  }
}

TEST_CASE("SiteListCheck: a bad list exits 2 naming every bad row, and nothing is fetched",
          "[api][network]") {
  DnsmasqProcess dns = StartListedSitesDns();
  TestWebServer server;
  ServeSites(server);
  TempDir dir;
  SECTION("bad rows") {
    const std::string list = WriteFile(
        dir, "sites.csv",
        std::string("site_name,english_domain,badge_id\n") + kPassName + "," + kPassHost +
            ",\n,wsj.example.gov.cn,\n" + kFailName + "," + kFailHost + ",CA12\n" + kIdnName + "," +
            std::string(64, 'a') + ".gov.cn,\n" + kIdnName + ",only-two-fields\n");
    const CliRun run = RunCli(ListArgs(list, server, dns));
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("nothing was checked"));
    CHECK_THAT(run.err, Catch::Contains("line 3: site_name is empty"));
    CHECK_THAT(run.err, Catch::Contains("line 4: badge_id 'CA12'"));
    CHECK_THAT(run.err, Catch::Contains("line 5: ") && Catch::Contains("IDN2_TOO_BIG_LABEL"));
    CHECK_THAT(run.err, Catch::Contains("line 6: 2 fields, the header has 3"));
    CHECK(run.out.empty());
  }
  SECTION("an unknown column") {
    const std::string list = WriteFile(
        dir, "sites.csv",
        std::string("site_name,english_domain,badgeid\n") + kPassName + "," + kPassHost + ",\n");
    const CliRun run = RunCli(ListArgs(list, server, dns));
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("unknown column 'badgeid'"));
  }
  SECTION("a missing file") {
    const CliRun run = RunCli(ListArgs(dir.File("none.csv"), server, dns));
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("cannot open '" + dir.File("none.csv") + "'"));
  }
  SECTION("a bad DNS server") {
    const std::string list =
        WriteFile(dir, "sites.csv",
                  std::string("site_name,english_domain\n") + kPassName + "," + kPassHost + "\n");
    const CliRun run = RunCli({"check", "--sites", list, "--dns", "not a server"});
    CHECK(run.code == 2);
    CHECK_THAT(run.err, Catch::Contains("not a server"));
  }
  SECTION("--sites with a URL, and --site-port without --sites") {
    const std::string list = WriteFile(dir, "sites.csv", "site_name,english_domain\n");
    const CliRun both = RunCli({"check", "http://a.example.gov.cn/", "--sites", list});
    CHECK(both.code == 2);
    CHECK_THAT(both.err, Catch::Contains("give no URL, --name, --badge-id or --alias"));
    const CliRun port =
        RunCli({"check", "http://a.example.gov.cn/", "--name", kPassName, "--site-port", "80"});
    CHECK(port.code == 2);
    CHECK_THAT(port.err, Catch::Contains("--sites"));
    const CliRun neither = RunCli({"check"});
    CHECK(neither.code == 2);
    CHECK_THAT(neither.err, Catch::Contains("--sites FILE"));
  }
  CHECK(server.connections() == 0);
}

TEST_CASE("CheckSiteList: the CSV of 'registry export' is a site list", "[api]") {
  const std::string header =
      "kind,region,system_category,unit_name,address,handler_name,mobile,email,unit_number,"
      "site_name,english_domain,chinese_domain,hosted_on_platform,ips,introduction,badge_id\n";
  const std::string unit = "党政机关,33,政府,杭州市教育局,杭州,张三,13800000000,a@b.cn,60433378,";
  const auto parsed = ParseCheckSiteList(
      header + unit + "杭州教育,jyj.hangzhou.gov.cn,杭州市教育局.政务,0,1.2.3.4,介绍," +
          kTestBadgeId + "\n" + unit +
          "平台网站,,,1,,介绍,\n" +  // hosted on CONAC's platform: no domain to crawl
          unit + ",,,,,,\n" +        // a unit without sites
          unit + "中文网站,,杭州市教育局.政务,0,,,\n",
      8080);
  INFO((parsed.ok() ? "" : parsed.status().message()));
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 2);
  const ListedSite& first = (*parsed)[0];
  CHECK(first.line == 2);
  CHECK(first.name == "杭州教育");
  CHECK(first.badge_id == kTestBadgeId);
  CHECK(first.target.start_url == "http://jyj.hangzhou.gov.cn:8080/");
  CHECK(first.target.aliases == std::vector<std::string>{"杭州市教育局.政务"});
  CHECK(first.ips == std::vector<std::string>{"1.2.3.4"});
  const ListedSite& chinese = (*parsed)[1];
  CHECK(chinese.line == 5);
  CHECK(chinese.badge_id.empty());
  CHECK(chinese.target.start_url == "http://杭州市教育局.政务:8080/");
  CHECK(chinese.target.aliases.empty());
}

TEST_CASE("CheckSiteList: lists that cannot be checked are refused", "[api]") {
  struct Case {
    const char* csv;
    const char* message;
  };
  const Case cases[] = {
      {"english_domain\nexample.gov.cn\n", "no 'site_name' column"},
      {"site_name,ips\n网站,1.2.3.4\n", "neither an 'english_domain' nor a 'chinese_domain'"},
      {"site_name,english_domain\n", "no site to check"},
      {"site_name,english_domain\n网站,\n", "line 2: neither english_domain nor chinese_domain"},
      {"site_name,english_domain\n\"网站,example.gov.cn\n", "line 2"},  // unterminated quote
      {"site_name,english_domain,ips\n网站,example.gov.cn,1.2.3\n", "line 2: "},
      {"site_name,english_domain\n\xCD\xF8\xD5\xBE,example.gov.cn\n",  // GBK 网站
       "line 2: bytes that are not UTF-8"},
  };
  for (const Case& c : cases) {
    INFO(c.csv);
    const auto parsed = ParseCheckSiteList(c.csv, 0);
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.status().message(), Catch::Contains(c.message));
  }
}
