// badgewatch.toml, the configuration of the nightly scan and the server
// (deploy/badgewatch.toml is the annotated sample): read with toml++ into a
// typed struct with defaults. Unknown keys, wrong types and values out of
// range are errors naming the file, line and key. Pure; any thread.
//
// Example:
//   Result<ServiceConfig> config = LoadServiceConfig("/etc/badgewatch/badgewatch.toml");
//   if (!config) { fmt::print(stderr, "{}\n", config.status().message()); return 2; }
#ifndef BADGEWATCH_SCAN_SERVICE_CONFIG_H_
#define BADGEWATCH_SCAN_SERVICE_CONFIG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/domain_terms.h"
#include "scan/scan_files.h"
#include "scan/scan_runner.h"

namespace badgewatch::scan {

struct ServiceConfig {
  struct Database {
    std::string path = "/var/lib/badgewatch/badgewatch.db";
  } database;
  struct Scan {
    int concurrent_sites = 16;           // sites crawled at once
    int max_connections = 256;           // HTTP connections in flight, all sites together
    int per_host = 2;                    // connections per host
    int delay_ms = 0;                    // minimum gap between requests to one host
    bool ignore_robots = false;          // robots.txt is honoured unless this is true
    bool allow_private = false;          // private and loopback addresses are refused unless true
    std::string metrics_file;            // Prometheus textfile (*.prom); empty: none
    std::string report_dir;              // where the HTML report of each scan goes; empty: none
    std::string report_language = "zh";  // "zh" or "en"
  } scan;
  struct Limits {
    int max_pages = 10'000;                         // pages per site
    std::int64_t max_page_bytes = 5 * 1024 * 1024;  // decoded bytes per page
    int connect_timeout_ms = 10'000;
    int page_timeout_ms = 30'000;
    int max_url_length = 2083;
    int max_url_depth = 20;
    int max_links_per_page = 10'000;        // links followed per page; more are only counted
    std::int64_t site_time_budget = 7'200;  // seconds of crawling per site
  } limits;
  struct Dns {
    std::string server;  // HOST:PORT of a DNS server; empty: the system resolver
  } dns;
  struct Serve {
    std::string listen = "127.0.0.1:8080";
    int workers = 2;                           // threads that run request handlers
    int max_connections = 4096;                // connections served at once
    int connections_per_address = 64;          // per client address; 0: no cap
    int in_flight_per_client = 16;             // requests handled at once per client; 0: no cap
    int requests_per_second = 50;              // per client; 0: no rate limit
    int request_burst = 100;                   // per client, above the rate
    std::vector<std::string> trusted_proxies;  // addresses/networks whose X-Forwarded-For counts
    int sms_codes_per_day = 10'000;            // SMS codes the whole server sends in 24 h
    std::string access_log;                    // a file, "-" for standard output; empty: none
    bool self_check_allow_private = false;     // self-checks may crawl private addresses
  } serve;
  struct Mail {
    std::string smtp_url;  // smtp://127.0.0.1:25 (smtps:// for implicit TLS); empty: no mail
    std::string from = "badge@conac.cn";
    int timeout_ms = 15'000;  // per delivery, e-mail and SMS alike
  } mail;
  struct Sms {
    std::string gateway_url;  // HTTP endpoint taking POST {"mobile", "text"}; empty: no SMS
  } sms;
  struct Domains {
    int fee_per_year = 300;      // yuan, one Chinese domain for one year
    int grace_days = 30;         // after expiry renewal still works; then the domain lapses
    std::string account_name;    // CONAC's bank account: 户名
    std::string bank;            // 开户行
    std::string account_number;  // 账号
  } domains;
};

// Parses TOML text; `source` names it in errors ("badgewatch.toml:7: ...").
// All problems are reported, one per line.
[[nodiscard]] Result<ServiceConfig> ParseServiceConfig(std::string_view text,
                                                       std::string_view source);

// The settings of a scan of every due site under `config` ([scan], [limits]
// and [dns]): what `badgewatch scan` starts from, and what scans started
// through `badgewatch serve`'s API use.
[[nodiscard]] ScanSettings ScanSettingsFrom(const ServiceConfig& config);

// The files each finished scan leaves under `config` ([scan] metrics_file,
// report_dir and report_language), for `badgewatch scan` and API scans alike.
[[nodiscard]] ScanFiles ScanFilesFrom(const ServiceConfig& config);

// The terms of Chinese domains under `config` ([domains]), for the registry
// that `serve`, `scan` and `registry` open.
[[nodiscard]] registry::DomainTerms DomainTermsFrom(const ServiceConfig& config);

// Reads and parses the file at `path`.
[[nodiscard]] Result<ServiceConfig> LoadServiceConfig(const std::string& path);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SERVICE_CONFIG_H_
