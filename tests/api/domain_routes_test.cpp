// Domains, payments, renewals and badges through the API on a real registry:
// the paid path end to end, who may see and do what, and the lists reviewers
// work from (filters, pages, scope, refusals).
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "api/http/form_fields.h"
#include "foundation/beijing_time.h"
#include "registry/domains.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::HttpResponse;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

json Body(const HttpResponse& response) { return json::parse(response.body()); }

// The default fee of one domain for one year.
const std::int64_t kFee = badgewatch::registry::DomainTerms{}.fee_per_year_fen;

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
               json{{"amount_fen", 2 * kFee}, {"bank_reference", "ICBC-20261129-001"}}.dump());
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
  const std::int64_t expiry =
      *badgewatch::registry::LoadDomain(api.registry->writer(), id)->expires_at;
  CHECK(registered["expires_at"] == badgewatch::foundation::BeijingRfc3339(expiry));
  CHECK(Body(api.Call("agency", http::verb::get, UnitPath(api.agency.unit_id)))["balance_fen"] ==
        kFee);

  HttpResponse renewal = api.Call("agency", http::verb::post, "/api/renewals",
                                  json{{"domain_ids", {id}}, {"years", 1}}.dump());
  REQUIRE(renewal.result() == http::status::created);
  CHECK(Body(api.Call("agency", http::verb::get, domain))["expires_at"] ==
        badgewatch::foundation::BeijingRfc3339(badgewatch::registry::AddYears(expiry, 1)));
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

TEST_CASE("WorkLists: domains, payments and renewals, filtered, paged and scoped to the caller",
          "[api][registry]") {
  RegistryApi api;
  namespace registry = badgewatch::registry;
  // Region 33: one registered domain (paid, then renewed) and three submitted; region 11: one.
  const std::int64_t registered = api.RegisteredDomain(api.agency, "教育局.政务");
  for (const char* name : {"公安局.政务", "财政局.政务", "民政局.政务"}) {
    REQUIRE(registry::SubmitDomain(*api.registry, api.agency, name, 1).ok());
  }
  REQUIRE(registry::SubmitDomain(*api.registry, api.other_agency, "北京教委.政务", 2).ok());
  REQUIRE(registry::SubmitRenewal(*api.registry, api.agency, {registered}, 3).ok());
  const auto get = [&api](const std::string& who, const std::string& target) {
    const HttpResponse response = api.Call(who, http::verb::get, target);
    INFO(who << " " << target << " → " << response.body());
    REQUIRE(response.result() == http::status::ok);
    return Body(response);
  };
  const auto names = [](const json& list) {
    std::set<std::string> out;
    for (const json& item : list["items"]) out.insert(item["name"].get<std::string>());
    return out;
  };

  // CONAC sees all five, newest first, with the unit and region of each.
  const json all = get("conac", "/api/domains");
  CHECK(all["total"] == 5);
  CHECK(all["items"][0]["name"] == "北京教委.政务");
  CHECK(all["items"][0]["unit"]["region_code"] == "11");
  CHECK(all["items"][0]["state"] == "submitted");
  CHECK(get("conac", "/api/domains?region=11")["total"] == 1);
  CHECK(names(get("conac", "/api/domains?state=registered")) ==
        std::set<std::string>{"教育局.政务"});
  // Search: part of the domain's name, or of the unit's.
  CHECK(names(get("conac", "/api/domains?q=" + badgewatch::api::PercentEncode("公安"))) ==
        std::set<std::string>{"公安局.政务"});
  CHECK(get("conac", "/api/domains?q=" + badgewatch::api::PercentEncode("北京市某区"))["total"] ==
        1);
  // Pages: 2 a page, the third page holds the last one; none lost or repeated.
  std::set<std::string> paged;
  for (int page = 1; page <= 3; ++page) {
    const json one = get("conac", "/api/domains?per_page=2&page=" + std::to_string(page));
    CHECK(one["total"] == 5);
    CHECK(one["items"].size() == (page < 3 ? 2U : 1U));
    for (const std::string& name : names(one)) CHECK(paged.insert(name).second);
  }
  CHECK(paged == names(all));

  // A regional reviewer sees its region only, whatever it asks for.
  CHECK(get("reviewer33", "/api/domains")["total"] == 4);
  CHECK(get("reviewer33", "/api/domains?region=11")["total"] == 0);
  CHECK(get("reviewer11", "/api/domains")["total"] == 1);
  // A unit sees its own.
  CHECK(get("agency", "/api/domains")["total"] == 4);
  CHECK(get("other_agency", "/api/domains")["total"] == 1);
  CHECK(get("agency", "/api/domains?unit=" + std::to_string(api.other_agency.unit_id))["total"] ==
        0);

  // Payments: the one that paid the registration, confirmed; renewals: the 3-year one.
  const json payments = get("reviewer33", "/api/payments?state=confirmed");
  REQUIRE(payments["total"] == 1);
  CHECK(payments["items"][0]["amount_fen"] == kFee);
  CHECK(payments["items"][0]["unit"]["id"] == api.agency.unit_id);
  CHECK(get("reviewer11", "/api/payments")["total"] == 0);
  CHECK(get("conac", "/api/payments?state=recorded")["total"] == 0);
  const json renewals = get("conac", "/api/renewals?state=submitted");
  REQUIRE(renewals["total"] == 1);
  CHECK(renewals["items"][0]["years"] == 3);
  CHECK(renewals["items"][0]["domains"] == json{"教育局.政务"});
  CHECK(get("other_agency", "/api/renewals")["total"] == 0);

  // What a filter does not know is a 400 that names what it takes, never an empty list.
  for (const char* bad :
       {"/api/domains?state=pending", "/api/domains?region=330", "/api/domains?unit=x",
        "/api/domains?colour=red", "/api/payments?q=x", "/api/renewals?state=registered",
        "/api/domains?per_page=0", "/api/domains?q="}) {
    const HttpResponse refused = api.Call("conac", http::verb::get, bad);
    INFO(bad << " → " << refused.body());
    CHECK(refused.result() == http::status::bad_request);
  }
  CHECK(Body(api.Call("conac", http::verb::get, "/api/domains?state=pending"))["reason"] ==
        "state-parameter");
}

TEST_CASE("DomainApi: the unit's account shows what is due, the fee and the bank account",
          "[api][registry]") {
  RegistryApi api;
  badgewatch::registry::DomainTerms terms;
  terms.bank_account = {"政务和公益机构域名注册管理中心", "中国工商银行北京分行", "0200001234"};
  const std::string account = UnitPath(api.agency.unit_id, "/account");
  json body = Body(api.Call("agency", http::verb::get, account));
  CHECK(body["fee_per_year_fen"] == kFee);
  CHECK(body["grace_days"] == 30);
  CHECK(body["bank_account"].is_null());  // none configured: the defaults
  CHECK(body["due"].empty());

  api.access.domain_terms = &terms;
  HttpResponse created = api.Call("agency", http::verb::post, "/api/domains",
                                  R"({"name": "某某局.政务", "years": 1})");
  const auto id = Body(created)["id"].get<std::int64_t>();
  const std::string decisions = "/api/domains/" + std::to_string(id) + "/decisions";
  REQUIRE(api.Call("reviewer33", http::verb::post, decisions, R"({"action": "regional-pass"})")
              .result() == http::status::ok);
  const json passed =
      Body(api.Call("conac", http::verb::post, decisions, R"({"action": "conac-pass"})"));
  CHECK(passed["state_label"] == "CONAC审核通过");
  body = Body(api.Call("agency", http::verb::get, account));
  CHECK(body["bank_account"]["account_number"] == "0200001234");
  REQUIRE(body["due"].size() == 1);
  CHECK(body["due"][0]["kind"] == "domain");
  CHECK(body["due"][0]["domains"] == json::array({"某某局.政务"}));
  CHECK(body["due"][0]["fee_fen"] == kFee);
  CHECK(body["shortfall_fen"] == kFee);
  CHECK(body["due"][0]["submitted_at"] == "2026-01-01T08:00:00+08:00");
  CHECK(api.Call("reviewer33", http::verb::get, account).result() == http::status::ok);
  CHECK(api.Call("other_agency", http::verb::get, account).result() == http::status::not_found);
  CHECK(api.Call("reviewer11", http::verb::get, account).result() == http::status::not_found);
}

TEST_CASE("DomainApi: a rejected domain is resubmitted, its reason, revisions and steps shown",
          "[api][registry]") {
  RegistryApi api;
  HttpResponse created = api.Call("agency", http::verb::post, "/api/domains",
                                  R"({"name": "教育局.政务", "years": 1})");
  const std::string domain = "/api/domains/" + std::to_string(Body(created)["id"].get<int>());
  REQUIRE(api.Call("reviewer33", http::verb::post, domain + "/decisions",
                   R"({"action": "regional-reject", "reason": "名称不规范"})")
              .result() == http::status::ok);
  json shown = Body(api.Call("agency", http::verb::get, domain));
  CHECK(shown["state"] == "rejected");
  CHECK(shown["reason"] == "名称不规范");

  CHECK(api.Call("reviewer33", http::verb::post, domain + "/resubmission",
                 R"({"name": "教育局2.政务", "years": 2})")
            .result() == http::status::forbidden);
  CHECK(api.Call("other_agency", http::verb::post, domain + "/resubmission",
                 R"({"name": "教育局2.政务", "years": 2})")
            .result() == http::status::not_found);
  CHECK(api.Call("agency", http::verb::post, domain + "/resubmission",
                 R"({"name": "教育局2.政务", "years": 0})")
            .result() == http::status::bad_request);
  const HttpResponse resubmitted = api.Call("agency", http::verb::post, domain + "/resubmission",
                                            R"({"name": "教育局2.政务", "years": 2})");
  REQUIRE(resubmitted.result() == http::status::ok);
  CHECK(Body(resubmitted)["state"] == "submitted");
  shown = Body(api.Call("reviewer33", http::verb::get, domain));
  CHECK(shown["name"] == "教育局2.政务");
  CHECK(shown["years"] == 2);
  CHECK(shown["reason"] == "");
  REQUIRE(shown["revisions"].size() == 1);
  CHECK(shown["revisions"][0]["name"] == "教育局.政务");
  CHECK(shown["revisions"][0]["reason"] == "名称不规范");
  CHECK(shown["revisions"][0]["submitted_at"] == "2026-01-01T08:00:00+08:00");
  REQUIRE(shown["history"].size() == 3);
  CHECK(shown["history"][1]["action"] == "regional-reject");
  CHECK(shown["history"][1]["actor_account_id"] == api.reviewer33.account_id);
  CHECK(shown["history"][2]["action"] == "resubmit");
}

TEST_CASE("DomainApi: one open renewal per domain, an unpaid one withdrawn, the unit's renewals",
          "[api][registry]") {
  RegistryApi api;
  const std::int64_t id = api.RegisteredDomain(api.agency, "教育局.政务");
  HttpResponse first = api.Call("agency", http::verb::post, "/api/renewals",
                                json{{"domain_ids", {id}}, {"years", 3}}.dump());
  REQUIRE(first.result() == http::status::created);
  const auto renewal = Body(first)["renewal_id"].get<std::int64_t>();
  HttpResponse second = api.Call("agency", http::verb::post, "/api/renewals",
                                 json{{"domain_ids", {id}}, {"years", 1}}.dump());
  CHECK(second.result() == http::status::conflict);
  CHECK(Body(second)["reason"] == "renewal-already-open");

  const std::string withdrawal = "/api/renewals/" + std::to_string(renewal) + "/withdrawal";
  CHECK(api.Call("other_agency", http::verb::post, withdrawal, "").result() ==
        http::status::not_found);
  CHECK(api.Call("conac", http::verb::post, withdrawal, "").result() == http::status::forbidden);
  CHECK(api.Call("agency", http::verb::post, "/api/renewals/999/withdrawal", "").result() ==
        http::status::not_found);
  REQUIRE(api.Call("agency", http::verb::post, withdrawal, "").result() == http::status::ok);
  CHECK(api.Call("agency", http::verb::post, withdrawal, "").result() == http::status::conflict);

  const json listed =
      Body(api.Call("agency", http::verb::get, UnitPath(api.agency.unit_id, "/renewals")));
  REQUIRE(listed["renewals"].size() == 1);
  CHECK(listed["renewals"][0]["state"] == "withdrawn");
  CHECK(listed["renewals"][0]["years"] == 3);
  CHECK(listed["renewals"][0]["domains"][0]["name"] == "教育局.政务");
  CHECK(listed["renewals"][0]["domains"][0]["new_expires_at"].is_null());
  CHECK(Body(api.Call("conac", http::verb::get, "/api/renewals?state=withdrawn"))["total"] == 1);
  CHECK(api.Call("other_agency", http::verb::get, UnitPath(api.agency.unit_id, "/renewals"))
            .result() == http::status::not_found);
}

TEST_CASE("DomainApi: availability before applying, by the unit's kind", "[api][registry]") {
  RegistryApi api;
  const std::string check = "/api/domain-availability?name=";
  const std::string wanted = badgewatch::api::PercentEncode("教育局.政务");
  json free = Body(api.Call("agency", http::verb::get, check + wanted));
  CHECK(free["available"] == true);
  CHECK(free["ascii_name"].get<std::string>().rfind("xn--", 0) == 0);
  REQUIRE(
      api.Call("agency", http::verb::post, "/api/domains", R"({"name": "教育局.政务", "years": 1})")
          .result() == http::status::created);
  // Taken by any unit once applied for; its kind's suffix only.
  CHECK(Body(api.Call("agency", http::verb::get, check + wanted))["available"] == false);
  CHECK(Body(api.Call("other_agency", http::verb::get, check + wanted))["available"] == false);
  HttpResponse wrong =
      api.Call("agency", http::verb::get, check + badgewatch::api::PercentEncode("教育局.公益"));
  CHECK(wrong.result() == http::status::bad_request);
  CHECK_THAT(Body(wrong)["error"].get<std::string>(), Catch::Contains(".政务"));
  CHECK(api.Call("agency", http::verb::get, "/api/domain-availability").result() ==
        http::status::bad_request);
  CHECK(api.Call("agency", http::verb::get, check + wanted + "&kind=x").result() ==
        http::status::bad_request);
  CHECK(api.Call("reviewer33", http::verb::get, check + wanted).result() ==
        http::status::forbidden);
}
