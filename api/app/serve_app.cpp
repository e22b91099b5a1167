#include "api/app/serve_app.h"

#include <utility>

#include "api/service/api_routes.h"
#include "api/web/pages.h"

namespace badgewatch::api {

ServeApp::ServeApp(boost::asio::io_context& io, registry::Registry& registry,
                   ServeAppSettings settings)
    : settings_(std::move(settings)),
      readers_(settings_.db_path, settings_.workers),
      writer_(registry),
      context_{&readers_, nullptr, [this] { return writer_.Now(); }},
      sms_codes_(settings_.sms_codes),
      access_{&readers_, &writer_, &sms_codes_, &registry.domain_terms()},
      limiter_(settings_.self_check_limits),
      self_checks_(io, settings_.self_checks,
                   [this](std::int64_t unit_id) {
                     limiter_.Finished(unit_id);
                     if (settings_.self_check_finished) settings_.self_check_finished(unit_id);
                   }),
      self_check_access_{access_, &self_checks_, &limiter_, settings_.self_check_any_port,
                         settings_.self_check_site_port},
      login_throttle_(settings_.login_limits),
      // Password checks leave at least one worker to the rest of the API.
      password_slots_(settings_.workers > 1 ? settings_.workers - 1 : 1),
      scans_(settings_.db_path, settings_.scans, settings_.scan_files),
      scan_access_{access_, &scans_},
      registration_limit_(settings_.registrations_per_window, settings_.registration_window),
      registration_access_{access_, &registration_limit_, settings_.password_cost},
      expiry_sweeper_(writer_, settings_.domain_expiry_period) {
  login_access_.registry = access_;
  login_access_.throttle = &login_throttle_;
  login_access_.password_slots = &password_slots_;
  login_access_.secure_cookies = settings_.secure_cookies;
  login_access_.password_cost = settings_.password_cost;
  AddApiRoutes(router_,
               {context_, self_check_access_, login_access_, scan_access_, registration_access_});
  api_route_count_ = router_.Routes().size();
  AddWebPages(router_, self_check_access_, login_access_);
  AddAccountPages(router_, registration_access_);
  if (settings_.outbox) {
    const registry::DeliveryChannels channels = ConfiguredChannels(settings_.outbox->delivery);
    if (channels.email || channels.sms) {
      outbox_sender_ = std::make_unique<OutboxSender>(writer_, *settings_.outbox);
      writer_.SetOutboxHook([sender = outbox_sender_.get()] { sender->Wake(); });
    }
  }
}

void ServeApp::StartOutboxDelivery() {
  if (outbox_sender_) outbox_sender_->Start();
}

void ServeApp::StartDomainExpirySweep() { expiry_sweeper_.Start(); }

std::vector<std::pair<http::verb, std::string>> ServeApp::ApiRoutes() const {
  std::vector<std::pair<http::verb, std::string>> routes = router_.Routes();
  routes.resize(api_route_count_);
  return routes;
}

void ServeApp::Stop() {
  self_checks_.Stop();
  scans_.RequestStop();
  if (outbox_sender_) outbox_sender_->Stop();
  expiry_sweeper_.Stop();
}

}  // namespace badgewatch::api
