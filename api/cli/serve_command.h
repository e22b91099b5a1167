// `badgewatch serve`: the HTTP API and web pages over the registry, until
// SIGINT or SIGTERM (then a graceful stop). Runs the io_context on the
// calling thread and handlers on a worker pool.
#ifndef BADGEWATCH_API_CLI_SERVE_COMMAND_H_
#define BADGEWATCH_API_CLI_SERVE_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "api/service/self_check_jobs.h"

namespace badgewatch::api {

struct ServeOptions {
  std::string config;  // badgewatch.toml; its values are the defaults of the options below
  std::string db = "badgewatch.db";
  std::string listen = "127.0.0.1:8080";
  std::size_t workers = 2;
  std::size_t max_connections = 4096;
  // Per client address (the peer, or the forwarded client of a trusted proxy).
  std::size_t connections_per_address = 64;  // 0: no cap
  std::size_t in_flight_per_client = 16;     // 0: no cap
  std::size_t requests_per_second = 50;      // 0: no rate limit
  std::size_t request_burst = 100;
  std::vector<std::string> trusted_proxies;  // addresses or networks
  std::size_t sms_codes_per_day = 10'000;    // the whole server's SMS codes in 24 h
  std::string access_log;                    // a file; "-" standard output; empty: none
  std::string dns;                           // self-check crawls: HOST:PORT of a DNS server
  bool self_check_allow_private = false;
  unsigned short self_check_site_port = 0;  // registered domains on this port (tests)
  std::size_t self_check_max_pages = SelfCheckSettings{}.max_pages;
  bool secure_cookies = false;  // mark the login cookie `Secure` (served behind TLS)
  // Scans started through the API reach the registered domains on this port
  // instead of 80 (a staging mirror, the demo, benchmarks); 0: the standard port.
  unsigned short scan_site_port = 0;
  CLI::App* command = nullptr;  // which options the command line set
};

// Adds the `serve` subcommand and its options to `app`, filling `options`.
CLI::App* AddServeCommand(CLI::App& app, ServeOptions& options);

// Reads `options.config` when set, opens (migrating) the registry, listens and
// serves until a signal; a scan started through the API is stopped with it
// (resumable). Returns 0 after a clean stop, 2 when the configuration is
// invalid, the registry cannot be opened or fails PRAGMA quick_check (a
// damaged file is refused at start-up), or the address cannot be bound (the
// reason on `err`).
[[nodiscard]] int RunServe(ServeOptions options, std::FILE* out, std::FILE* err);

// "127.0.0.1:8080", "[::1]:8080", "localhost:8080" → an endpoint; an error
// message instead when it is not HOST:PORT with a numeric port 0-65535.
struct ListenAddress {
  std::string host;
  unsigned short port = 0;
  std::string error;
};
[[nodiscard]] ListenAddress ParseListenAddress(std::string_view text);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_SERVE_COMMAND_H_
