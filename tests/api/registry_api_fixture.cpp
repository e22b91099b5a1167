#include "tests/api/registry_api_fixture.h"

#include <catch2/catch.hpp>

#include "api/service/application_routes.h"
#include "api/service/domain_routes.h"
#include "api/service/review_queue_routes.h"
#include "api/service/work_list_routes.h"
#include "registry/accounts.h"
#include "registry/site_applications.h"

namespace badgewatch::api::testing {

using nlohmann::json;
using registry::Actor;
using registry::UnitKind;
using registry::testing::ValidUnit;

RegistryApi::RegistryApi() {
  other_agency =
      registry::RegisterUnit(
          *registry, ValidUnit(UnitKind::kPartyGovernment, "11", "北京市某区教育委员会"), "bj.edu")
          .value();
  for (const auto& [name, actor] : std::map<std::string, Actor>{{"agency", agency},
                                                                {"other_agency", other_agency},
                                                                {"institution", institution},
                                                                {"reviewer33", reviewer33},
                                                                {"reviewer11", reviewer11},
                                                                {"conac", conac}}) {
    tokens[name] = registry::CreateApiToken(*registry, actor.account_id, "test").value();
  }
  AddApplicationRoutes(router, access);
  AddDomainRoutes(router, access);
  AddWorkListRoutes(router, access);
  AddReviewQueueRoutes(router, access);
}

namespace {

HttpRequest BearerRequest(const std::string& token, http::verb method, const std::string& target,
                          const std::string& body, const std::string& content_type) {
  HttpRequest request{method, target, 11};
  request.set(http::field::authorization, "Bearer " + token);
  if (!body.empty()) {
    request.set(http::field::content_type, content_type);
    request.body() = body;
    request.prepare_payload();
  }
  return request;
}

}  // namespace

HttpResponse RegistryApi::Call(const std::string& who, http::verb method, const std::string& target,
                               const std::string& body, const std::string& content_type) {
  return serving->Handle(BearerRequest(tokens.at(who), method, target, body, content_type));
}

HttpResponse RegistryApi::CallFrom(const boost::asio::ip::address& client, const std::string& who,
                                   http::verb method, const std::string& target,
                                   const std::string& body) {
  return serving->Handle(BearerRequest(tokens.at(who), method, target, body, "application/json"),
                         client);
}

json RegistryApi::FormJson(const std::string& site_name) { return FormJson(agency, site_name); }

json RegistryApi::FormJson(const registry::Actor& unit, const std::string& site_name) {
  const registry::SiteForm form = ValidForm(unit, site_name);
  return {{"name", form.site.name},
          {"english_domain", *form.site.english_domain},
          {"ips", form.site.ips},
          {"introduction", form.site.introduction},
          {"handler_mobile", form.handler_mobile},
          {"sms_verification_id", form.sms_verification_id}};
}

std::int64_t RegistryApi::Submit(const std::string& site_name) {
  const HttpResponse response =
      Call("agency", http::verb::post, "/api/applications", FormJson(site_name).dump());
  REQUIRE(response.result() == http::status::created);
  return json::parse(response.body())["id"].get<std::int64_t>();
}

}  // namespace badgewatch::api::testing
