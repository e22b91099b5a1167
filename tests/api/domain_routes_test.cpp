// Domains, payments, renewals and badges through the API on a real registry:
// the paid path end to end, and who may see and do what.
#include <catch2/catch.hpp>
#include <string>

#include "registry/domains.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::HttpResponse;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

json Body(const HttpResponse& response) { return json::parse(response.body()); }

std::string UnitPath(std::int64_t unit_id, const std::string& rest = "") {
  return "/api/units/" + std::to_string(unit_id) + rest;
}

}  // namespace

TEST_CASE("DomainApi: apply, review, pay, confirm funds, registered, renew from old expiry",
          "[api][registry]") {
  RegistryApi api;
  HttpResponse created = api.Call("agency", http::verb::post, "/api/domains",
                                  R"({"name": "教育局.政务", "years": 1})");
  REQUIRE(created.result() == http::status::created);
  const auto id = Body(created)["id"].get<std::int64_t>();
  const std::string domain = "/api/domains/" + std::to_string(id);

  REQUIRE(api.Call("reviewer33", http::verb::post, domain + "/decisions",
                   R"({"action": "regional-pass"})")
              .result() == http::status::ok);
  HttpResponse passed =
      api.Call("conac", http::verb::post, domain + "/decisions", R"({"action": "conac-pass"})");
  REQUIRE(passed.result() == http::status::ok);
  CHECK(Body(passed)["state"] == "conac-passed");  // no money yet

  HttpResponse payment =
      api.Call("reviewer33", http::verb::post, UnitPath(api.agency.unit_id, "/payments"),
               json{{"amount_fen", 2 * badgewatch::registry::kDomainFeePerYearFen},
                    {"bank_reference", "ICBC-20261129-001"}}
                   .dump());
  REQUIRE(payment.result() == http::status::created);
  const std::string confirm = "/api/payments/" +
                              std::to_string(Body(payment)["payment_id"].get<std::int64_t>()) +
                              "/confirmation";
  CHECK(api.Call("reviewer33", http::verb::post, confirm, "{}").result() ==
        http::status::forbidden);
  REQUIRE(api.Call("conac", http::verb::post, confirm, "{}").result() == http::status::ok);

  const json registered = Body(api.Call("agency", http::verb::get, domain));
  CHECK(registered["state"] == "registered");
  CHECK(registered["ascii_name"] == "xn--dgtp5sd2w.xn--zfr164b");
  const auto expiry = registered["expires_at"].get<std::int64_t>();
  CHECK(Body(api.Call("agency", http::verb::get, UnitPath(api.agency.unit_id)))["balance_fen"] ==
        badgewatch::registry::kDomainFeePerYearFen);

  HttpResponse renewal = api.Call("agency", http::verb::post, "/api/renewals",
                                  json{{"domain_ids", {id}}, {"years", 1}}.dump());
  REQUIRE(renewal.result() == http::status::created);
  CHECK(Body(api.Call("agency", http::verb::get, domain))["expires_at"] ==
        badgewatch::registry::AddYears(expiry, 1));
  const json listed =
      Body(api.Call("reviewer33", http::verb::get, UnitPath(api.agency.unit_id, "/domains")));
  REQUIRE(listed["domains"].size() == 1);
  CHECK(listed["domains"][0]["name"] == "教育局.政务");
}

TEST_CASE("DomainApi: who may see and do what", "[api][registry]") {
  RegistryApi api;
  HttpResponse created = api.Call("agency", http::verb::post, "/api/domains",
                                  R"({"name": "教育局.政务", "years": 1})");
  REQUIRE(created.result() == http::status::created);
  const std::string domain = "/api/domains/" + std::to_string(Body(created)["id"].get<int>());
  const std::string unit = UnitPath(api.agency.unit_id);

  for (const char* who : {"other_agency", "reviewer11"}) {
    INFO(who);
    CHECK(api.Call(who, http::verb::get, domain).result() == http::status::not_found);
    CHECK(api.Call(who, http::verb::get, unit).result() == http::status::not_found);
    CHECK(api.Call(who, http::verb::get, unit + "/domains").result() == http::status::not_found);
    CHECK(api.Call(who, http::verb::post, domain + "/decisions", R"({"action": "regional-pass"})")
              .result() == http::status::not_found);
    CHECK(api.Call(who, http::verb::post, unit + "/payments",
                   R"({"amount_fen": 30000, "bank_reference": "X-1"})")
              .result() == http::status::not_found);
  }
  CHECK(api.Call("other_agency", http::verb::post, "/api/renewals",
                 json{{"domain_ids", {Body(created)["id"]}}, {"years", 1}}.dump())
            .result() == http::status::not_found);
  CHECK(
      api.Call("agency", http::verb::post, domain + "/decisions", R"({"action": "regional-pass"})")
          .result() == http::status::forbidden);
  CHECK(
      api.Call("agency", http::verb::post, "/api/domains", R"({"name": "教育局.公益", "years": 1})")
          .result() == http::status::bad_request);
  CHECK(api.Call("agency", http::verb::post, "/api/domains",
                 R"({"name": "教育局.政务", "years": 11})")
            .result() == http::status::bad_request);
  CHECK(
      api.Call("agency", http::verb::post, "/api/domains", R"({"name": "教育局.政务", "years": 1})")
          .result() == http::status::conflict);  // taken
  CHECK(Body(api.Call("conac", http::verb::get, domain))["state"] == "submitted");
}

TEST_CASE("DomainApi: a site's badge snippet is shown to its unit only once issued",
          "[api][registry]") {
  RegistryApi api;
  const std::int64_t id = api.Submit("杭州市教育局");
  const std::string decisions = "/api/applications/" + std::to_string(id) + "/decisions";
  for (const auto& [who, action] :
       {std::pair{"reviewer33", "regional-pass"}, std::pair{"reviewer33", "materials-received"},
        std::pair{"conac", "issue-badge"}}) {
    REQUIRE(api.Call(who, http::verb::post, decisions, json{{"action", action}}.dump()).result() ==
            http::status::ok);
  }
  const auto site_id = Body(api.Call("agency", http::verb::get,
                                     "/api/applications/" + std::to_string(id)))["site_id"]
                           .get<std::int64_t>();
  const std::string badge = "/api/sites/" + std::to_string(site_id) + "/badge";
  const json shown = Body(api.Call("agency", http::verb::get, badge));
  const std::string badge_id = shown["badge_id"];
  CHECK(badge_id.size() == 23);
  CHECK(shown["snippet"].get<std::string>().find(badge_id + ".js") != std::string::npos);
  CHECK(api.Call("other_agency", http::verb::get, badge).result() == http::status::not_found);
  CHECK(api.Call("conac", http::verb::get, "/api/sites/99999/badge").result() ==
        http::status::not_found);
}
