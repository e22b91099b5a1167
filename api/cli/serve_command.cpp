#include "api/cli/serve_command.h"

#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <charconv>
#include <csignal>
#include <memory>

#include "api/app/serve_app.h"
#include "api/delivery/notification_sender.h"
#include "api/http/http_server.h"
#include "registry/integrity_check.h"
#include "registry/registry.h"
#include "scan/service_config.h"

namespace badgewatch::api {

namespace asio = boost::asio;

ListenAddress ParseListenAddress(std::string_view text) {
  ListenAddress address;
  std::string_view host;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      address.error = fmt::format("'{}' is not [IPv6]:PORT", text);
      return address;
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos || text.find(':') != colon) {
      address.error = fmt::format("'{}' is not HOST:PORT (e.g. 127.0.0.1:8080)", text);
      return address;
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (host.empty() || port.empty() || ec != std::errc() || end != port.data() + port.size() ||
      value > 65535) {
    address.error = fmt::format("'{}' is not HOST:PORT with a port from 0 to 65535", text);
    return address;
  }
  address.host = host == "localhost" ? "127.0.0.1" : std::string(host);
  address.port = static_cast<unsigned short>(value);
  return address;
}

CLI::App* AddServeCommand(CLI::App& app, ServeOptions& options) {
  CLI::App* serve = app.add_subcommand(
      "serve",
      "Serve the JSON API and web pages over the registry until SIGINT/SIGTERM, and deliver "
      "the outbox's notices (e-mail and SMS) within seconds of their being queued.");
  serve->add_option("--config", options.config,
                    "badgewatch.toml; its [database], [serve], [dns], [scan] and [limits] values "
                    "are the defaults of these options; its [mail] and [sms] say where notices "
                    "go (a channel without a URL leaves its notices waiting in the outbox)");
  serve->add_option("--db", options.db, "Registry database file (created and migrated if new)")
      ->capture_default_str();
  serve->add_option("--listen", options.listen, "Address to listen on, HOST:PORT or [IPv6]:PORT")
      ->capture_default_str();
  serve->add_option("--workers", options.workers, "Threads that run request handlers")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", options.max_connections,
                   "Connections served at once; more wait in the listen queue")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  serve
      ->add_option("--connections-per-address", options.connections_per_address,
                   "Connections one client address may hold; more are closed at once (0: no cap)")
      ->check(CLI::Range(0, 1'000'000))
      ->capture_default_str();
  serve
      ->add_option("--in-flight-per-client", options.in_flight_per_client,
                   "Requests of one client handled at once; more are answered 429 (0: no cap)")
      ->check(CLI::Range(0, 100'000))
      ->capture_default_str();
  serve
      ->add_option("--requests-per-second", options.requests_per_second,
                   "Sustained requests per second of one client; faster ones are answered 429 "
                   "(0: no rate limit)")
      ->check(CLI::Range(0, 1'000'000))
      ->capture_default_str();
  serve
      ->add_option("--request-burst", options.request_burst,
                   "Requests one client may send at once above its rate")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  serve->add_option("--trusted-proxy", options.trusted_proxies,
                    "Address or network (10.0.0.0/8) of a reverse proxy whose X-Forwarded-For "
                    "names the client (repeatable)");
  serve
      ->add_option("--sms-codes-per-day", options.sms_codes_per_day,
                   "SMS codes the whole server sends in 24 h; past it every request is refused "
                   "and an alert is logged")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  serve->add_option("--access-log", options.access_log,
                    "Write one line per request to this file ('-': standard output)");
  serve->add_option("--dns", options.dns,
                    "DNS server HOST:PORT for self-check crawls instead of the system's");
  serve->add_flag("--self-check-allow-private", options.self_check_allow_private,
                  "Let self-checks crawl loopback/private addresses and any port (tests, "
                  "intranet deployments); scans started through the API may then crawl them too");
  serve
      ->add_option("--self-check-site-port", options.self_check_site_port,
                   "Self-checks reach registered domains on this port instead of 80 (with "
                   "--self-check-allow-private: a loopback test site)")
      ->check(CLI::Range(1, 65535));
  serve
      ->add_option("--self-check-max-pages", options.self_check_max_pages,
                   "Pages a self-check fetches at most")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->capture_default_str();
  serve->add_flag("--secure-cookies", options.secure_cookies,
                  "Mark the login cookie Secure, so browsers send it over HTTPS only (set it "
                  "when a TLS proxy serves badgewatch)");
  serve->add_option("--scan-site-port", options.scan_site_port,
                    "Scans started through the API reach the registered domains on this port "
                    "instead of 80 (a staging mirror, the demo, benchmarks)");
  options.command = serve;
  return serve;
}

namespace {

// Fills what the command line left at its default from badgewatch.toml.
void ApplyConfig(const scan::ServiceConfig& config, ServeOptions& options) {
  const auto unset = [&options](const char* name) {
    return options.command == nullptr || options.command->count(name) == 0;
  };
  if (unset("--db")) options.db = config.database.path;
  if (unset("--listen")) options.listen = config.serve.listen;
  if (unset("--workers")) options.workers = static_cast<std::size_t>(config.serve.workers);
  if (unset("--max-connections")) {
    options.max_connections = static_cast<std::size_t>(config.serve.max_connections);
  }
  const auto size_of = [](int value) { return static_cast<std::size_t>(value); };
  if (unset("--connections-per-address")) {
    options.connections_per_address = size_of(config.serve.connections_per_address);
  }
  if (unset("--in-flight-per-client")) {
    options.in_flight_per_client = size_of(config.serve.in_flight_per_client);
  }
  if (unset("--requests-per-second")) {
    options.requests_per_second = size_of(config.serve.requests_per_second);
  }
  if (unset("--request-burst")) options.request_burst = size_of(config.serve.request_burst);
  if (unset("--trusted-proxy")) options.trusted_proxies = config.serve.trusted_proxies;
  if (unset("--sms-codes-per-day")) {
    options.sms_codes_per_day = size_of(config.serve.sms_codes_per_day);
  }
  if (unset("--access-log")) options.access_log = config.serve.access_log;
  if (unset("--dns")) options.dns = config.dns.server;
  if (unset("--self-check-allow-private")) {
    options.self_check_allow_private = config.serve.self_check_allow_private;
  }
}

// Says once, at start-up, which notices serve delivers and which wait in the
// outbox for `registry send-notifications` (no [mail] or [sms] URL: not an
// error, the rows are kept).
void LogOutboxDelivery(const SenderConfig& delivery) {
  const registry::DeliveryChannels channels = ConfiguredChannels(delivery);
  if (channels.email && channels.sms) {
    spdlog::info("outbox: e-mail through {}, SMS through {}", delivery.smtp_url,
                 delivery.sms_gateway_url);
    return;
  }
  const auto waiting = [](const char* what, const char* key) {
    spdlog::info(
        "outbox: {} notices wait in the outbox and are not sent (no {} in the configuration; "
        "`badgewatch registry send-notifications` can deliver them)",
        what, key);
  };
  if (channels.email) {
    spdlog::info("outbox: e-mail through {}", delivery.smtp_url);
  } else {
    waiting("e-mail", "[mail] smtp_url");
  }
  if (channels.sms) {
    spdlog::info("outbox: SMS through {}", delivery.sms_gateway_url);
  } else {
    waiting("SMS", "[sms] gateway_url");
  }
}

}  // namespace

int RunServe(ServeOptions options, std::FILE* out, std::FILE* err) {
  scan::ServiceConfig config;
  if (!options.config.empty()) {
    Result<scan::ServiceConfig> loaded = scan::LoadServiceConfig(options.config);
    if (!loaded) {
      fmt::print(err, "badgewatch serve: {}\n", loaded.status().message());
      return 2;
    }
    config = *loaded;
    ApplyConfig(config, options);
  }
  const ListenAddress listen = ParseListenAddress(options.listen);
  if (!listen.error.empty()) {
    fmt::print(err, "badgewatch serve: --listen {}\n", listen.error);
    return 2;
  }
  boost::system::error_code address_error;
  const asio::ip::address address = asio::ip::make_address(listen.host, address_error);
  if (address_error) {
    fmt::print(err, "badgewatch serve: --listen: '{}' is not an IP address\n", listen.host);
    return 2;
  }

  TrustedProxies trusted_proxies;
  for (const std::string& proxy : options.trusted_proxies) {
    if (const std::string error = trusted_proxies.Add(proxy); !error.empty()) {
      fmt::print(err, "badgewatch serve: --trusted-proxy {}\n", error);
      return 2;
    }
  }

  // Opening as the writer creates and migrates the file; the server itself
  // reads through its own reader connections.
  registry::RegistryOptions registry_options;
  registry_options.domain_terms = scan::DomainTermsFrom(config);
  Result<std::unique_ptr<registry::Registry>> registry =
      registry::Registry::Open(options.db, registry_options);
  if (!registry) {
    fmt::print(err, "badgewatch serve: cannot open the registry '{}': {}\n", options.db,
               registry.status().ToString());
    return 2;
  }
  // A damaged file is refused now rather than found out by the requests.
  if (Status sound = registry::QuickCheck((*registry)->writer()); !sound.ok()) {
    fmt::print(err, "badgewatch serve: {}\n", sound.message());
    return 2;
  }

  HttpServerOptions server_options;
  server_options.max_connections = options.max_connections;
  server_options.client_limits.connections_per_address = options.connections_per_address;
  server_options.client_limits.in_flight_per_client = options.in_flight_per_client;
  server_options.client_limits.requests_per_second =
      static_cast<double>(options.requests_per_second);
  server_options.client_limits.request_burst = static_cast<double>(options.request_burst);
  server_options.trusted_proxies = std::move(trusted_proxies);
  try {
    if (options.access_log == "-") {
      server_options.access_log = spdlog::stdout_logger_mt("access");
    } else if (!options.access_log.empty()) {
      server_options.access_log = spdlog::basic_logger_mt("access", options.access_log);
    }
  } catch (const spdlog::spdlog_ex& e) {
    fmt::print(err, "badgewatch serve: --access-log: {}\n", e.what());
    return 2;
  }
  if (server_options.access_log) server_options.access_log->set_pattern("%Y-%m-%dT%H:%M:%S%z %v");

  asio::io_context io;
  ServeAppSettings app_settings;
  app_settings.db_path = options.db;
  app_settings.workers = options.workers;
  app_settings.sms_codes.limits.server_per_day = static_cast<int>(options.sms_codes_per_day);
  app_settings.self_checks.allow_private = options.self_check_allow_private;
  app_settings.self_checks.dns = options.dns;
  app_settings.self_checks.max_pages = options.self_check_max_pages;
  app_settings.self_check_any_port = options.self_check_allow_private;
  app_settings.self_check_site_port = options.self_check_site_port;
  app_settings.secure_cookies = options.secure_cookies;
  app_settings.scans = scan::ScanSettingsFrom(config);
  app_settings.scans.dns = options.dns;
  app_settings.scans.allow_private =
      app_settings.scans.allow_private || options.self_check_allow_private;
  app_settings.scans.site_port = options.scan_site_port;
  app_settings.scan_files = scan::ScanFilesFrom(config);
  app_settings.outbox = OutboxSenderSettings{
      {config.mail.smtp_url, config.mail.from, config.sms.gateway_url, config.mail.timeout_ms}};
  const SenderConfig delivery = app_settings.outbox->delivery;
  ServeApp app(io, **registry, std::move(app_settings));

  asio::thread_pool workers(options.workers);
  HttpServer server(
      io, workers.get_executor(),
      [&app](const HttpRequest& request, const asio::ip::address& client) {
        return app.router().Handle(request, client);
      },
      std::move(server_options));
  app.SetMetrics(&server.metrics());
  if (const std::string error = server.Listen({address, listen.port}); !error.empty()) {
    fmt::print(err, "badgewatch serve: {}\n", error);
    return 2;
  }
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal_number) {
    if (ec) return;
    spdlog::info("signal {}: stopping after the requests in flight", signal_number);
    server.Stop();
    app.Stop();
  });
  const auto bound = server.local_endpoint();
  const std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                                   : bound.address().to_string();
  const std::string url = fmt::format("http://{}:{}", host, bound.port());
  app.SetServerUrl(url);
  fmt::print(out, "badgewatch serve: listening on {}/ (registry {})\n", url, options.db);
  std::fflush(out);
  LogOutboxDelivery(delivery);
  if (!registry_options.domain_terms.bank_account.configured()) {
    spdlog::warn(
        "domains: no bank account in the configuration ([domains] account_name, bank, "
        "account_number): units are asked for the fee without being told where to wire it");
  }
  app.StartOutboxDelivery();
  app.StartDomainExpirySweep();
  io.run();
  workers.join();
  spdlog::drop("access");
  fmt::print(out, "badgewatch serve: stopped\n");
  return 0;
}

}  // namespace badgewatch::api
