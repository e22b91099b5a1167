// What `badgewatch serve` runs, built in one place: the registry's connection
// pools, SMS code limits, self-check jobs and their limiter, login throttle
// and password slots, the scan launcher, the registration limit, and the one
// router holding every JSON route and every page. `serve` puts it behind the
// HTTP server; the tests (authorization matrix, OpenAPI completeness) call
// the same router, so no second copy of the wiring exists.
//
// Example:
//   ServeApp app(io, *registry, settings);
//   HttpServer server(io, workers, [&app](const HttpRequest& r, const auto& client) {
//     return app.router().Handle(r, client);
//   }, options);
//   app.SetMetrics(&server.metrics());
#ifndef BADGEWATCH_API_APP_SERVE_APP_H_
#define BADGEWATCH_API_APP_SERVE_APP_H_

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/app/domain_expiry_sweeper.h"
#include "api/app/outbox_sender.h"
#include "api/http/request_router.h"
#include "api/http/server_metrics.h"
#include "api/service/caller_scope.h"
#include "api/service/login.h"
#include "api/service/login_throttle.h"
#include "api/service/password_slots.h"
#include "api/service/reader_pool.h"
#include "api/service/registration_routes.h"
#include "api/service/registry_writer.h"
#include "api/service/scan_launcher.h"
#include "api/service/scan_routes.h"
#include "api/service/self_check_jobs.h"
#include "api/service/self_check_limiter.h"
#include "api/service/self_check_routes.h"
#include "api/service/service_routes.h"
#include "api/service/sms_code_gate.h"
#include "registry/passwords.h"
#include "registry/registry.h"
#include "scan/scan_files.h"
#include "scan/scan_runner.h"

namespace badgewatch::api {

struct ServeAppSettings {
  std::string db_path;      // the registry file the reader connections open
  std::size_t workers = 2;  // request threads: reader connections kept, password slots + 1
  SmsCodePolicy sms_codes;
  SelfCheckLimits self_check_limits;
  SelfCheckSettings self_checks;
  // Self-checks may crawl any port (with self_checks.allow_private: loopback
  // test sites) and reach registered domains on `self_check_site_port`.
  bool self_check_any_port = false;
  unsigned short self_check_site_port = 0;
  bool secure_cookies = false;
  registry::PasswordCost password_cost{};  // of new passwords and the decoy check
  LoginLimits login_limits{};
  // The public registration form: at most this many in any window.
  std::size_t registrations_per_window = 30;
  std::chrono::steady_clock::duration registration_window = std::chrono::minutes(10);
  scan::ScanSettings scans;  // scans started through the API
  scan::ScanFiles scan_files;
  // Delivers the outbox on a thread of its own (OutboxSender) when set and at
  // least one channel has a URL; empty: notices wait in the outbox.
  std::optional<OutboxSenderSettings> outbox;
  // How often the domains' expiry sweep runs once StartDomainExpirySweep was
  // called (it also runs at once).
  std::chrono::steady_clock::duration domain_expiry_period = std::chrono::hours(1);
  // Called on the io thread after a self-check ended and its unit's limiter
  // slot is free again (tests wait on it); may be empty.
  std::function<void(std::int64_t unit_id)> self_check_finished;
};

class ServeApp {
 public:
  // `registry` is the writer connection (opened and migrated by the caller);
  // self-checks run on `io`. Both must outlive the app.
  ServeApp(boost::asio::io_context& io, registry::Registry& registry, ServeAppSettings settings);
  ServeApp(const ServeApp&) = delete;
  ServeApp& operator=(const ServeApp&) = delete;

  // Every route and page; handlers run on any worker thread.
  [[nodiscard]] RequestRouter& router() { return router_; }
  // The routes /openapi.json describes: every route but the pages', in
  // registration order.
  [[nodiscard]] std::vector<std::pair<http::verb, std::string>> ApiRoutes() const;
  // The server's counters for /metrics, once the server exists.
  void SetMetrics(const ServerMetrics* metrics) { context_.metrics = metrics; }
  // Where the server listens ("http://127.0.0.1:8080"), for /openapi.json's
  // `servers`; before the server starts taking requests.
  void SetServerUrl(std::string url) { context_.server_url = std::move(url); }
  // Starts delivering the outbox (settings.outbox); rows enqueued before
  // wait for it. Does nothing when no channel is configured.
  void StartOutboxDelivery();
  // Starts the domains' expiry sweep: at once, then every domain_expiry_period.
  void StartDomainExpirySweep();
  // Stops self-checks, asks a running scan, the outbox sender and the expiry sweep to stop. Call
  // it on the io thread.
  void Stop();

 private:
  ServeAppSettings settings_;
  ReaderPool readers_;
  RegistryWriter writer_;
  ServiceContext context_;
  SmsCodeGate sms_codes_;
  RegistryAccess access_;
  SelfCheckLimiter limiter_;
  SelfCheckJobs self_checks_;
  SelfCheckAccess self_check_access_;
  LoginThrottle login_throttle_;
  PasswordSlots password_slots_;
  WebLoginAccess login_access_;
  ScanLauncher scans_;
  ScanAccess scan_access_;
  RegistrationLimit registration_limit_;
  RegistrationAccess registration_access_;
  RequestRouter router_;
  std::unique_ptr<OutboxSender> outbox_sender_;  // null: no delivery channel
  DomainExpirySweeper expiry_sweeper_;
  std::size_t api_route_count_ = 0;  // the first routes of router_ are the API's
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_APP_SERVE_APP_H_
