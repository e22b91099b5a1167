// badgewatch.toml: defaults, every section, and errors that name the file,
// line and key.
#include "scan/service_config.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "tests/registry/registry_fixture.h"

namespace badgewatch::scan {
namespace {

std::string ErrorOf(std::string_view text) {
  Result<ServiceConfig> config = ParseServiceConfig(text, "badgewatch.toml");
  REQUIRE_FALSE(config.ok());
  return config.status().message();
}

TEST_CASE("ServiceConfig: an empty file gives the defaults", "[scan]") {
  const ServiceConfig config = ParseServiceConfig("", "badgewatch.toml").value();
  CHECK(config.database.path == "/var/lib/badgewatch/badgewatch.db");
  CHECK(config.scan.per_host == 2);
  CHECK(config.limits.max_pages == 10'000);
  CHECK(config.serve.listen == "127.0.0.1:8080");
  CHECK(config.dns.server.empty());
  CHECK(config.mail.from == "badge@conac.cn");  // send-notifications' own default
}

TEST_CASE("ServiceConfig: every section is read", "[scan]") {
  const ServiceConfig config = ParseServiceConfig(R"toml(
[database]
path = "/srv/badgewatch.db"
[scan]
concurrent_sites = 64
max_connections = 512
per_host = 4
delay_ms = 250
ignore_robots = true
allow_private = true
metrics_file = "/var/lib/node_exporter/badgewatch.prom"
report_dir = "/srv/reports"
report_language = "en"
[limits]
max_pages = 500
max_page_bytes = 1048576
connect_timeout_ms = 5000
page_timeout_ms = 20000
max_url_length = 1000
max_url_depth = 8
[dns]
server = "127.0.0.1:5353"
[serve]
listen = "0.0.0.0:9000"
connections_per_address = 8
in_flight_per_client = 4
requests_per_second = 20
request_burst = 40
trusted_proxies = ["127.0.0.1", "10.0.0.0/8"]
sms_codes_per_day = 500
[mail]
smtp_url = "smtp://127.0.0.1:2525"
from = "badge@conac.example"
timeout_ms = 3000
[sms]
gateway_url = "http://127.0.0.1:8025/sms"
)toml",
                                                  "badgewatch.toml")
                                   .value();
  CHECK(config.database.path == "/srv/badgewatch.db");
  CHECK(config.scan.concurrent_sites == 64);
  CHECK(config.scan.max_connections == 512);
  CHECK(config.scan.per_host == 4);
  CHECK(config.scan.delay_ms == 250);
  CHECK(config.scan.ignore_robots);
  CHECK(config.scan.allow_private);
  CHECK(config.scan.metrics_file == "/var/lib/node_exporter/badgewatch.prom");
  CHECK(config.scan.report_dir == "/srv/reports");
  CHECK(config.scan.report_language == "en");
  CHECK(config.limits.max_pages == 500);
  CHECK(config.limits.max_page_bytes == 1048576);
  CHECK(config.limits.connect_timeout_ms == 5000);
  CHECK(config.limits.page_timeout_ms == 20000);
  CHECK(config.limits.max_url_length == 1000);
  CHECK(config.limits.max_url_depth == 8);
  CHECK(config.dns.server == "127.0.0.1:5353");
  CHECK(config.serve.listen == "0.0.0.0:9000");
  CHECK(config.serve.connections_per_address == 8);
  CHECK(config.serve.in_flight_per_client == 4);
  CHECK(config.serve.requests_per_second == 20);
  CHECK(config.serve.request_burst == 40);
  CHECK(config.serve.trusted_proxies == std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"});
  CHECK(config.serve.sms_codes_per_day == 500);
  CHECK(config.mail.smtp_url == "smtp://127.0.0.1:2525");
  CHECK(config.mail.from == "badge@conac.example");
  CHECK(config.mail.timeout_ms == 3000);
  CHECK(config.sms.gateway_url == "http://127.0.0.1:8025/sms");
}

TEST_CASE("ServiceConfig: [scan] and [limits] reach the scan's settings and files", "[scan]") {
  const ServiceConfig config = ParseServiceConfig(R"toml(
[scan]
metrics_file = "/srv/badgewatch.prom"
report_dir = "/srv/reports"
report_language = "en"
[limits]
max_page_bytes = 4096
connect_timeout_ms = 1500
page_timeout_ms = 2500
max_url_length = 300
max_url_depth = 6
)toml",
                                                  "badgewatch.toml")
                                   .value();
  const ScanSettings settings = ScanSettingsFrom(config);
  CHECK(settings.max_page_bytes == 4096);
  CHECK(settings.connect_timeout == std::chrono::milliseconds(1500));
  CHECK(settings.page_timeout == std::chrono::milliseconds(2500));
  CHECK(settings.max_url_length == 300);
  CHECK(settings.max_url_depth == 6);
  const ScanFiles files = ScanFilesFrom(config);
  CHECK(files.metrics_file == "/srv/badgewatch.prom");
  CHECK(files.report_dir == "/srv/reports");
  CHECK(files.report_language == ReportLanguage::kEnglish);

  // The defaults of the file are the crawler's own.
  const ScanSettings defaults = ScanSettingsFrom(ParseServiceConfig("", "x.toml").value());
  const ScanSettings unset;
  CHECK(defaults.max_page_bytes == unset.max_page_bytes);
  CHECK(defaults.connect_timeout == unset.connect_timeout);
  CHECK(defaults.page_timeout == unset.page_timeout);
  CHECK(defaults.max_url_length == unset.max_url_length);
  CHECK(defaults.max_url_depth == unset.max_url_depth);
  CHECK(ScanFilesFrom(ParseServiceConfig("", "x.toml").value()).report_language ==
        ReportLanguage::kChinese);
}

TEST_CASE("ServiceConfig: [domains] gives the fee, the grace period and the bank account",
          "[scan]") {
  const registry::DomainTerms defaults =
      DomainTermsFrom(ParseServiceConfig("", "badgewatch.toml").value());
  CHECK(defaults.fee_per_year_fen == 300'00);
  CHECK(defaults.grace_days == 30);
  CHECK_FALSE(defaults.bank_account.configured());
  const registry::DomainTerms terms = DomainTermsFrom(ParseServiceConfig(R"toml(
[domains]
fee_per_year = 500
grace_days = 0
account_name = "政务和公益机构域名注册管理中心"
bank = "中国工商银行北京分行"
account_number = "0200001234"
)toml",
                                                                         "badgewatch.toml")
                                                          .value());
  CHECK(terms.fee_per_year_fen == 500'00);
  CHECK(terms.grace_days == 0);
  CHECK(terms.bank_account.configured());
  CHECK(terms.bank_account.account_name == "政务和公益机构域名注册管理中心");
  CHECK(terms.bank_account.bank == "中国工商银行北京分行");
  CHECK(terms.bank_account.account_number == "0200001234");
}

TEST_CASE("ServiceConfig: errors name the file, line and key", "[scan]") {
  // A table of cases: the file text and the exact error.
  const auto [text, error] = GENERATE(table<std::string, std::string>({
      {"[scan]\nper_host = \"2\"\n",
       "badgewatch.toml:2: 'scan.per_host' must be an integer, not a string"},
      {"[scan]\n\nignore_robots = 1\n",
       "badgewatch.toml:3: 'scan.ignore_robots' must be true or false, not an integer"},
      {"[database]\npath = 7\n",
       "badgewatch.toml:2: 'database.path' must be a string, not an "
       "integer"},
      {"[scan]\nper_host = 0\n",
       "badgewatch.toml:2: 'scan.per_host' must be between 1 and 64, "
       "not 0"},
      {"[scan]\nconcurency = 4\n", "badgewatch.toml:2: unknown key 'scan.concurency'"},
      {"[mailer]\nfrom = \"x\"\n",
       "badgewatch.toml:1: unknown section 'mailer' (known: database, scan, limits, dns, serve, "
       "mail, sms, domains)"},
      {"scan = 3\n", "badgewatch.toml:1: 'scan' must be a table ([scan]), not an integer"},
      {"[dns]\nserver = \"127.0.0.1\"\n",
       "badgewatch.toml:2: 'dns.server' must be HOST:PORT, e.g. \"127.0.0.1:53\", not "
       "\"127.0.0.1\""},
      {"[scan]\nreport_language = \"fr\"\n",
       "badgewatch.toml:2: 'scan.report_language' must be \"zh\" or \"en\", not \"fr\""},
      {"[limits]\nmax_pages = 1.5\n",
       "badgewatch.toml:2: 'limits.max_pages' must be an integer, not a floating-point number"},
      {"[domains]\nfee_per_year = 0\n",
       "badgewatch.toml:2: 'domains.fee_per_year' must be between 1 and 1000000, not 0"},
      {"[domains]\nfee_per_year = 300.5\n",
       "badgewatch.toml:2: 'domains.fee_per_year' must be an integer, not a floating-point "
       "number"},
      {"[domains]\ngrace_days = 366\n",
       "badgewatch.toml:2: 'domains.grace_days' must be between 0 and 365, not 366"},
      {"[domains]\naccount_name = \"CONAC\"\n",
       "badgewatch.toml:1: 'domains.account_name', 'domains.bank' and 'domains.account_number' "
       "(户名, 开户行, 账号) go together: set all three or none"},
  }));
  CAPTURE(text);
  CHECK(ErrorOf(text) == error);
}

TEST_CASE("ServiceConfig: several problems are all reported, one per line", "[scan]") {
  CHECK(ErrorOf("[scan]\nper_host = \"2\"\nbogus = 1\n") ==
        "badgewatch.toml:2: 'scan.per_host' must be an integer, not a string\n"
        "badgewatch.toml:3: unknown key 'scan.bogus'");
}

TEST_CASE("ServiceConfig: TOML syntax errors carry the line", "[scan]") {
  const std::string error = ErrorOf("[scan]\nper_host = = 2\n");
  CHECK(error.rfind("badgewatch.toml:2: ", 0) == 0);
}

TEST_CASE("ServiceConfig: the shipped sample loads, a missing file is an error", "[scan]") {
  const Result<ServiceConfig> sample =
      LoadServiceConfig(std::string(BADGEWATCH_SOURCE_DIR) + "/deploy/badgewatch.toml");
  INFO(sample.status().message());
  REQUIRE(sample.ok());
  CHECK(sample->database.path == "/var/lib/badgewatch/badgewatch.db");

  registry::testing::TempDir dir;
  const Result<ServiceConfig> missing = LoadServiceConfig(dir.File("none.toml"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        "cannot open '" + dir.File("none.toml") + "': No such file or directory");
}

}  // namespace
}  // namespace badgewatch::scan
