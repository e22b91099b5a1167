// The authorization matrix: every route `badgewatch serve` registers, called
// by every role — no credentials, a unit and a reviewer of another region,
// the owning unit, the offices above it (its county's, which reviews first,
// its city's and its province's, which only look), a county office of another
// city, CONAC — on a record that belongs to the unit "agency" of 浙江省杭州市
// 上城区 (330102). Each call must answer exactly the status the
// table says; a refused call must leave the registry unchanged (no commit by
// any connection); a list must never show the record to a role that may not
// see it. A route without a row fails the test, so a new route cannot ship
// unchecked.
#include <catch2/catch.hpp>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/app/serve_app.h"
#include "registry/database.h"
#include "registry/domains.h"
#include "registry/passwords.h"
#include "tests/api/served_api_fixture.h"
#include "tests/scan/report_seed.h"
#include "tests/support/dnsmasq_process.h"

namespace {

using badgewatch::api::HttpRequest;
using badgewatch::api::HttpResponse;
using badgewatch::api::ServeAppSettings;
using badgewatch::api::testing::ServedApi;
using badgewatch::registry::ConnectionRole;
using badgewatch::registry::Database;
using badgewatch::testing::DnsmasqProcess;
namespace http = boost::beast::http;
using nlohmann::json;

constexpr char kAgencyPassword[] = "agency password 1";

// Every caller. The offices: county_office 上城区 (330102, the agency's own
// level), city_office 杭州市 (330100), reviewer33 浙江省 (330000), and
// other_county_office 宁波市海曙区 (330203), outside the agency's city.
const std::vector<std::string> kCallers = {"anonymous",           "other_agency", "reviewer11",
                                           "other_county_office", "agency",       "county_office",
                                           "city_office",         "reviewer33",   "conac"};

// The offices below the province the matrix adds, by caller.
const std::vector<std::pair<std::string, std::string>> kOffices = {
    {"county_office", "330102"}, {"city_office", "330100"}, {"other_county_office", "330203"}};

// Every route as `serve` registers it (the one ServeApp), on a registry
// holding one record of each kind for the agency (region 33).
struct World : ServedApi {
  explicit World(const std::string& dns_server) : ServedApi(SettingsFor(dns_server)) {
    PlaceAgencyInCounty();
    Populate();
    probe.emplace(Database::Open(path, ConnectionRole::kReader).value());
  }

  // Self-checks and scans resolve through the test's DNS, with the address
  // policy on: the site's name is loopback, so they are refused. Every role
  // asks for codes to the same mobile: no SMS limits to speak of; cheap
  // password hashing; registrations not limited.
  static ServeAppSettings SettingsFor(const std::string& dns_server) {
    ServeAppSettings settings;
    settings.self_checks.dns = dns_server;
    settings.self_checks.max_pages = 3;
    settings.scans.dns = dns_server;
    settings.sms_codes = {{1'000, 1'000, 1'000, 1'000, 1'000'000}, 1'000};
    settings.password_cost = {.log2_n = 10, .r = 8, .p = 1};
    settings.registrations_per_window = 1000;
    settings.registration_window = std::chrono::minutes(1);
    return settings;
  }

  HttpResponse Call(const std::string& who, http::verb method, const std::string& target,
                    const std::string& body) {
    HttpRequest request{method, target, 11};
    if (who != "anonymous") request.set(http::field::authorization, "Bearer " + tokens.at(who));
    if (!body.empty()) {  // the API's bodies are JSON objects, the pages' forms are not
      request.set(http::field::content_type,
                  body.front() == '{' ? "application/json" : "application/x-www-form-urlencoded");
      request.body() = body;
      request.prepare_payload();
    }
    return app->router().Handle(request);
  }

  // Changes whenever any connection has committed since the last call.
  std::int64_t DataVersion() {
    auto s = probe->Prepare("PRAGMA data_version");
    REQUIRE(s->Step().value());
    return s->Int(0);
  }

  std::string Id(std::int64_t id) { return std::to_string(id); }

  // The agency is a county unit (上城区): its county office reviews first.
  // The offices below the province get accounts and tokens.
  void PlaceAgencyInCounty() {
    auto move = registry->writer().Prepare("UPDATE units SET division_code = ? WHERE id = ?");
    REQUIRE(move->Bind({std::string_view("330102"), agency.unit_id}).ok());
    REQUIRE(move->Run().ok());
    for (const auto& [who, office] : kOffices) {
      const badgewatch::registry::Actor reviewer =
          badgewatch::registry::CreateStaffAccount(*registry, "office-" + office,
                                                   badgewatch::registry::Role::kRegional, office)
              .value();
      tokens[who] =
          badgewatch::registry::CreateApiToken(*registry, reviewer.account_id, "test").value();
      office_accounts[who] = reviewer.account_id;
      if (who == "county_office") county_office = reviewer;
    }
  }

  void Populate() {
    REQUIRE(badgewatch::registry::SetPassword(*registry, agency.account_id, kAgencyPassword,
                                              {.log2_n = 10, .r = 8, .p = 1})
                .ok());
    // An application just submitted, one rejected (the unit may resubmit
    // it), and one carried to its badge: the site.
    submitted = Submit("杭州市教育局");
    rejected = Submit("杭州市教育局办事大厅");
    REQUIRE(Call("county_office", http::verb::post,
                 "/api/applications/" + Id(rejected) + "/decisions",
                 json{{"action", "regional-reject"}, {"reason", "名称不符"}}.dump())
                .result() == http::status::ok);
    issued = Submit("杭州市教育考试院");
    for (const char* action : {"regional-pass", "materials-received", "issue-badge"}) {
      const std::string who = std::string(action) == "issue-badge" ? "conac" : "county_office";
      REQUIRE(Call(who, http::verb::post, "/api/applications/" + Id(issued) + "/decisions",
                   json{{"action", action}}.dump())
                  .result() == http::status::ok);
    }
    site = json::parse(Call("agency", http::verb::get, "/api/applications/" + Id(issued), "")
                           .body())["site_id"]
               .get<std::int64_t>();
    // A finished nightly scan with the site's failing record (the clock
    // moves on a day: before anything that expires).
    badgewatch::scan::testing::ReportSeed seed(*this);
    scan = seed.RunScan({badgewatch::scan::testing::FailingRecord(
        site, 5, {"badge-missing"}, {"http://edu.hangzhou.gov.cn/a.html"})});
    auto record_id =
        registry->writer().Prepare("SELECT id FROM compliance_records WHERE site_id = ?");
    REQUIRE(record_id->Bind({site}).ok());
    REQUIRE(record_id->Step().value());
    record = record_id->Int(0);
    domain = json::parse(Call("agency", http::verb::post, "/api/domains",
                              json{{"name", "教育局.政务"}, {"years", 1}}.dump())
                             .body())["id"]
                 .get<std::int64_t>();
    registered_domain = RegisteredDomain(agency, "杭州教育.政务", &county_office);
    renewable_domain = RegisteredDomain(agency, "杭州教育二.政务", &county_office);
    rejected_domain = json::parse(Call("agency", http::verb::post, "/api/domains",
                                       json{{"name", "驳回.政务"}, {"years", 1}}.dump())
                                      .body())["id"]
                          .get<std::int64_t>();
    REQUIRE(Call("county_office", http::verb::post,
                 "/api/domains/" + Id(rejected_domain) + "/decisions",
                 json{{"action", "regional-reject"}, {"reason", "名称不规范"}}.dump())
                .result() == http::status::ok);
    renewal =
        badgewatch::registry::SubmitRenewal(*registry, agency, {registered_domain}, 1).value();
    payment = json::parse(Call("county_office", http::verb::post,
                               "/api/units/" + Id(agency.unit_id) + "/payments",
                               json{{"amount_fen", 30000}, {"bank_reference", "BANK-M1"}}.dump())
                              .body())["payment_id"]
                  .get<std::int64_t>();
    sms = json::parse(Call("agency", http::verb::post, "/api/sms-codes",
                           json{{"mobile", "13700137000"}}.dump())
                          .body())["verification_id"]
              .get<std::int64_t>();
    const HttpResponse job =
        Call("agency", http::verb::post, "/api/self-checks", json{{"site_id", site}}.dump());
    REQUIRE(job.result() == http::status::accepted);
    self_check = json::parse(job.body())["id"].get<std::int64_t>();
    // One self-check runs per unit at a time: let this one end first.
    WaitFinished(1);
  }

  std::optional<Database> probe;                        // a connection of its own, for data_version
  std::map<std::string, std::int64_t> office_accounts;  // by caller
  badgewatch::registry::Actor county_office;

  std::int64_t renewable_domain = 0, rejected_domain = 0;
  std::int64_t submitted = 0, rejected = 0, site = 0, domain = 0, registered_domain = 0,
               payment = 0, renewal = 0, sms = 0, self_check = 0, scan = 0, record = 0, issued = 0;
};

const std::vector<std::pair<std::string, std::string>> kNames = {
    {"edu.hangzhou.gov.cn", "127.0.0.1"}};

// What a call should answer: a 2xx, or exactly this status.
constexpr int kOk = 0;

struct Row {
  using Request =
      std::function<std::pair<std::string, std::string>(World&, const std::string& who)>;
  Row(http::verb verb, std::string route, Request make, std::map<std::string, int> statuses,
      int default_status = kOk, std::function<std::string(World&)> list_marker = {})
      : method(verb),
        pattern(std::move(route)),
        request(std::move(make)),
        expect(std::move(statuses)),
        others(default_status),
        marker(std::move(list_marker)) {}

  http::verb method;
  std::string pattern;
  // The target and body for `who` acting on the agency's record.
  Request request;
  // Status per caller; callers not named answer `others`.
  std::map<std::string, int> expect;
  int others;
  // For lists: a text that names the agency's record, which must appear for
  // exactly the callers that may see it.
  std::function<std::string(World&)> marker;
};

constexpr int k401 = 401, k403 = 403, k404 = 404;

// Only the agency, the offices above it and CONAC see the agency's records.
std::map<std::string, int> HiddenFromOthers(std::map<std::string, int> extra = {}) {
  std::map<std::string, int> expect = {{"anonymous", k401},
                                       {"other_agency", k404},
                                       {"reviewer11", k404},
                                       {"other_county_office", k404}};
  for (auto& [who, status] : extra) expect[who] = status;
  return expect;
}

// A step on the agency's record: only its county office (the first review)
// takes it; the offices above look but may not act.
std::map<std::string, int> FirstReviewOnly(std::map<std::string, int> extra = {}) {
  extra["reviewer33"] = k403;
  extra["city_office"] = k403;
  return HiddenFromOthers(std::move(extra));
}

// What no staff account may do: every office and CONAC answer `status`.
std::map<std::string, int> StaffRefused(std::map<std::string, int> expect, int status = k403) {
  for (const char* who : {"reviewer11", "other_county_office", "county_office", "city_office",
                          "reviewer33", "conac"}) {
    expect[who] = status;
  }
  return expect;
}

// CONAC's business only.
std::map<std::string, int> OnlyConac() {
  std::map<std::string, int> expect = StaffRefused({{"anonymous", k401}});
  expect.erase("conac");
  for (const char* who : {"other_agency", "agency"}) expect[who] = k403;
  return expect;
}

std::pair<std::string, std::string> Get(std::string target) { return {std::move(target), ""}; }

std::vector<Row> Matrix() {
  using V = http::verb;
  const auto unit_form = [](World& w, const std::string& who) {
    // Each unit submits a form of its own site, its mobile confirmed.
    if (who != "other_agency") return w.FormJson("杭州市教育局新网站").dump();
    json form = w.FormJson(w.other_agency, "北京市某区教育网");
    form["english_domain"] = "edu.bjdistrict.gov.cn";
    return form.dump();
  };
  return {
      {V::get, "/healthz", [](World&, const std::string&) { return Get("/healthz"); }, {}},
      {V::get, "/metrics", [](World&, const std::string&) { return Get("/metrics"); }, {}},
      {V::get,
       "/openapi.json",
       [](World&, const std::string&) { return Get("/openapi.json"); },
       {}},
      {V::get,
       "/api/me",
       [](World&, const std::string&) { return Get("/api/me"); },
       {{"anonymous", k401}}},
      // Logging in needs no credentials but the login's own; logging out
      // without a session is no error.
      {V::post,
       "/api/session",
       [](World&, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/session", json{{"login", "hz-edu"}, {"password", kAgencyPassword}}.dump());
       },
       {}},
      {V::delete_,
       "/api/session",
       [](World&, const std::string&) { return Get("/api/session"); },
       {}},
      {V::post,
       "/api/registrations",
       [](World&, const std::string& who) {
         return std::pair<std::string, std::string>("/api/registrations",
                                                    json{{"kind", "社会组织"},
                                                         {"region", "33"},
                                                         {"system_category", "教育"},
                                                         {"name", "杭州市某协会 " + who},
                                                         {"address", "杭州市"},
                                                         {"handler_name", "赵经办"},
                                                         {"mobile", "13600136000"},
                                                         {"email", "a@example.org.cn"},
                                                         {"login", "assoc-" + who},
                                                         {"password", "a long enough password"}}
                                                        .dump());
       },
       {}},
      // Any unit account may ask for an SMS code; staff never do. A code
      // belongs to the account that asked for it.
      {V::post, "/api/sms-codes",
       [](World&, const std::string&) {
         return std::pair<std::string, std::string>("/api/sms-codes",
                                                    json{{"mobile", "13500135000"}}.dump());
       },
       StaffRefused({{"anonymous", k401}})},
      {V::post, "/api/sms-codes/{id}/confirmation",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/sms-codes/" + w.Id(w.sms) + "/confirmation",
             json{{"code", w.LastSmsCode("13700137000")}}.dump());
       },
       StaffRefused({{"anonymous", k401}, {"other_agency", k404}})},
      {V::get,
       "/api/applications",
       [](World&, const std::string&) { return Get("/api/applications"); },
       {{"anonymous", k401}},
       kOk,
       [](World& w) { return "\"id\":" + w.Id(w.submitted) + ","; }},
      {V::post, "/api/applications",
       [unit_form](World& w, const std::string& who) {
         return std::pair<std::string, std::string>("/api/applications", unit_form(w, who));
       },
       StaffRefused({{"anonymous", k401}})},
      {V::get, "/api/applications/{id}",
       [](World& w, const std::string&) { return Get("/api/applications/" + w.Id(w.submitted)); },
       HiddenFromOthers()},
      {V::put, "/api/applications/{id}",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>("/api/applications/" + w.Id(w.rejected),
                                                    w.FormJson("杭州市教育局办事大厅").dump());
       },
       HiddenFromOthers({{"reviewer33", k403},
                         {"city_office", k403},
                         {"county_office", k403},
                         {"conac", k403}})},
      {V::post, "/api/applications/{id}/decisions",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/applications/" + w.Id(w.submitted) + "/decisions",
             json{{"action", "regional-pass"}}.dump());
       },
       FirstReviewOnly({{"agency", k403}, {"conac", k403}})},
      {V::get, "/api/units/{id}",
       [](World& w, const std::string&) { return Get("/api/units/" + w.Id(w.agency.unit_id)); },
       HiddenFromOthers()},
      {V::get, "/api/units/{id}/domains",
       [](World& w, const std::string&) {
         return Get("/api/units/" + w.Id(w.agency.unit_id) + "/domains");
       },
       HiddenFromOthers()},
      {V::get, "/api/units/{id}/account",
       [](World& w, const std::string&) {
         return Get("/api/units/" + w.Id(w.agency.unit_id) + "/account");
       },
       HiddenFromOthers()},
      {V::get, "/api/units/{id}/renewals",
       [](World& w, const std::string&) {
         return Get("/api/units/" + w.Id(w.agency.unit_id) + "/renewals");
       },
       HiddenFromOthers()},
      {V::post, "/api/units/{id}/payments",
       [](World& w, const std::string& who) {
         return std::pair<std::string, std::string>(
             "/api/units/" + w.Id(w.agency.unit_id) + "/payments",
             json{{"amount_fen", 30000}, {"bank_reference", "BANK-" + who}}.dump());
       },
       FirstReviewOnly({{"agency", k403}, {"conac", k403}})},
      // Only CONAC confirms funds; everyone else is refused before the
      // payment is looked up, so the answer says nothing about it.
      {V::post, "/api/payments/{id}/confirmation",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/payments/" + w.Id(w.payment) + "/confirmation", "");
       },
       OnlyConac()},
      {V::post, "/api/domains",
       [](World&, const std::string& who) {
         return std::pair<std::string, std::string>(
             "/api/domains",
             json{{"name", who == "other_agency" ? "某区教育.政务" : "杭州教育局.政务"},
                  {"years", 1}}
                 .dump());
       },
       StaffRefused({{"anonymous", k401}})},
      // Availability goes by the unit's kind: units only.
      {V::get, "/api/domain-availability",
       [](World&, const std::string&) {
         return Get("/api/domain-availability?name=%E6%96%B0%E5%90%8D.%E6%94%BF%E5%8A%A1");
       },
       StaffRefused({{"anonymous", k401}})},
      {V::get, "/api/domains/{id}",
       [](World& w, const std::string&) { return Get("/api/domains/" + w.Id(w.domain)); },
       HiddenFromOthers()},
      {V::post, "/api/domains/{id}/decisions",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>("/api/domains/" + w.Id(w.domain) + "/decisions",
                                                    json{{"action", "regional-pass"}}.dump());
       },
       FirstReviewOnly({{"agency", k403}, {"conac", k403}})},
      {V::post, "/api/renewals",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/renewals", json{{"domain_ids", {w.renewable_domain}}, {"years", 1}}.dump());
       },
       HiddenFromOthers({{"reviewer33", k403},
                         {"city_office", k403},
                         {"county_office", k403},
                         {"conac", k403}})},
      // The unit edits its own rejected domain; the offices that see it may not.
      {V::post, "/api/domains/{id}/resubmission",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/domains/" + w.Id(w.rejected_domain) + "/resubmission",
             json{{"name", "改名.政务"}, {"years", 2}}.dump());
       },
       HiddenFromOthers({{"reviewer33", k403},
                         {"city_office", k403},
                         {"county_office", k403},
                         {"conac", k403}})},
      // Only the unit withdraws its renewal: staff are refused before the
      // renewal is looked up, another unit does not find it.
      {V::post, "/api/renewals/{id}/withdrawal",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/renewals/" + w.Id(w.renewal) + "/withdrawal", "");
       },
       StaffRefused({{"anonymous", k401}, {"other_agency", k404}})},
      {V::get, "/api/sites/{id}/badge",
       [](World& w, const std::string&) { return Get("/api/sites/" + w.Id(w.site) + "/badge"); },
       HiddenFromOthers()},
      {V::post, "/api/self-checks",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>("/api/self-checks",
                                                    json{{"site_id", w.site}}.dump());
       },
       HiddenFromOthers()},
      // Scans are staff business: reviewers read them (counted for their
      // region), only CONAC starts one.
      {V::get,
       "/api/scans",
       [](World&, const std::string&) { return Get("/api/scans"); },
       {{"anonymous", k401}, {"other_agency", k403}, {"agency", k403}}},
      {V::get,
       "/api/scans/{id}",
       [](World& w, const std::string&) { return Get("/api/scans/" + w.Id(w.scan)); },
       {{"anonymous", k401}, {"other_agency", k403}, {"agency", k403}}},
      {V::post, "/api/scans",
       [](World&, const std::string&) {
         return std::pair<std::string, std::string>("/api/scans", "");
       },
       OnlyConac()},
      // The work lists: each caller sees its own scope (the agency's rows for
      // the agency, its reviewer and CONAC), never an error.
      {V::get,
       "/api/domains",
       [](World&, const std::string&) { return Get("/api/domains"); },
       {{"anonymous", k401}},
       kOk,
       [](World&) { return std::string("\"name\":\"教育局.政务\""); }},
      {V::get,
       "/api/payments",
       [](World&, const std::string&) { return Get("/api/payments"); },
       {{"anonymous", k401}},
       kOk,
       [](World&) { return std::string("\"bank_reference\":\"BANK-M1\""); }},
      {V::get,
       "/api/renewals",
       [](World&, const std::string&) { return Get("/api/renewals"); },
       {{"anonymous", k401}},
       kOk,
       [](World&) { return std::string("\"domains\":[\"杭州教育.政务\"]"); }},
      // The review queue, every state: the agency's domain for those who may
      // see it; another region's or county's reviewer never sees it.
      {V::get,
       "/api/review-queue",
       [](World&, const std::string&) { return Get("/api/review-queue?all=true&kind=domain"); },
       {{"anonymous", k401}},
       kOk,
       [](World&) { return std::string("\"asked\":\"教育局.政务\""); }},
      {V::get,
       "/api/compliance-records",
       [](World& w, const std::string&) {
         return Get("/api/compliance-records?scan=" + w.Id(w.scan));
       },
       {{"anonymous", k401}},
       kOk,
       [](World& w) { return "\"id\":" + w.Id(w.record) + ","; }},
      {V::get, "/api/compliance-records/{id}",
       [](World& w, const std::string&) {
         return Get("/api/compliance-records/" + w.Id(w.record));
       },
       HiddenFromOthers()},
      {V::get, "/api/sites/{id}/compliance-records",
       [](World& w, const std::string&) {
         return Get("/api/sites/" + w.Id(w.site) + "/compliance-records");
       },
       HiddenFromOthers()},
      // The outbox holds every unit's contacts: CONAC only.
      {V::get, "/api/outbox", [](World&, const std::string&) { return Get("/api/outbox"); },
       OnlyConac()},
      // A regional reviewer sees the self-checks it started, not a unit's.
      {V::get, "/api/self-checks/{id}",
       [](World& w, const std::string&) { return Get("/api/self-checks/" + w.Id(w.self_check)); },
       HiddenFromOthers({{"reviewer33", k404}, {"city_office", k404}, {"county_office", k404}})},
      // Registration's lists are open to everyone.
      {V::get, "/api/regions", [](World&, const std::string&) { return Get("/api/regions"); }, {}},
      {V::get,
       "/api/system-categories",
       [](World&, const std::string&) { return Get("/api/system-categories"); },
       {}},
      // Only the unit's own account corrects its contact details.
      {V::put, "/api/units/{id}",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>("/api/units/" + w.Id(w.agency.unit_id),
                                                    json{{"address", "杭州市上城区新地址"},
                                                         {"handler_name", "王经办"},
                                                         {"mobile", "13800138000"},
                                                         {"email", "handler@example.gov.cn"}}
                                                        .dump());
       },
       HiddenFromOthers({{"reviewer33", k403},
                         {"city_office", k403},
                         {"county_office", k403},
                         {"conac", k403}})},
      // Only the agency knows a current password here: the others' is wrong.
      {V::post,
       "/api/me/password",
       [](World&, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/me/password",
             json{{"current_password", kAgencyPassword}, {"new_password", "a new password 2"}}
                 .dump());
       },
       {{"anonymous", k401}, {"agency", kOk}},
       k403},
      // A reset request answers everyone alike.
      {V::post,
       "/api/password-resets",
       [](World&, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/password-resets", json{{"login", "hz-edu"}, {"mobile", "13800138000"}}.dump());
       },
       {}},
      // The agency's own code resets its password; an unknown login is refused.
      {V::post,
       "/api/password-resets/confirmation",
       [](World& w, const std::string& who) {
         const bool own = who == "agency";
         return std::pair<std::string, std::string>(
             "/api/password-resets/confirmation", json{{"login", own ? "hz-edu" : "nobody-" + who},
                                                       {"code", w.LastSmsCode("13700137000")},
                                                       {"new_password", "a new password 3"}}
                                                      .dump());
       },
       {{"agency", kOk}},
       400},
      // Staff who see the unit reset its password; the unit itself may not.
      {V::post, "/api/units/{id}/password-reset",
       [](World& w, const std::string&) {
         return std::pair<std::string, std::string>(
             "/api/units/" + w.Id(w.agency.unit_id) + "/password-reset", "");
       },
       FirstReviewOnly({{"agency", k403}})},
      // Reviewer accounts: CONAC manages every office's, an office those
      // below it (never its own level); units none.
      {V::get,
       "/api/reviewer-accounts",
       [](World&, const std::string&) { return Get("/api/reviewer-accounts"); },
       {{"anonymous", k401}, {"other_agency", k403}, {"agency", k403}},
       kOk,
       [](World&) { return std::string("\"office-330102\""); }},
      {V::post,
       "/api/reviewer-accounts",
       [](World&, const std::string& who) {
         return std::pair<std::string, std::string>("/api/reviewer-accounts",
                                                    json{{"login", "new-" + who},
                                                         {"office", "330102"},
                                                         {"password", "a long enough password"}}
                                                        .dump());
       },
       {{"anonymous", k401},
        {"other_agency", k403},
        {"agency", k403},
        {"reviewer11", k403},
        {"other_county_office", k403},
        {"county_office", k403}}},
      // The county office's own account: the offices above it take turns.
      {V::put, "/api/reviewer-accounts/{id}",
       [](World& w, const std::string& who) {
         return std::pair<std::string, std::string>(
             "/api/reviewer-accounts/" + w.Id(w.office_accounts.at("county_office")),
             json{{"enabled", who == "reviewer33"}}.dump());
       },
       HiddenFromOthers({{"other_agency", k403}, {"agency", k403}, {"county_office", k403}})},
      // Where an office receives materials: every signed-in caller reads it;
      // the office itself, the offices above it and CONAC keep it.
      {V::get,
       "/api/offices/{code}",
       [](World&, const std::string&) { return Get("/api/offices/330102"); },
       {{"anonymous", k401}}},
      {V::put,
       "/api/offices/{code}",
       [](World&, const std::string& who) {
         return std::pair<std::string, std::string>(
             "/api/offices/330102",
             json{{"address", "杭州市上城区某路 1 号（" + who + "）"}, {"phone", "0571-87000000"}}
                 .dump());
       },
       {{"anonymous", k401},
        {"other_agency", k403},
        {"agency", k403},
        {"reviewer11", k403},
        {"other_county_office", k403}}},
  };
}

// The web pages: the same records, the same rules; a page that needs a login
// sends a caller without one to /login (303).
constexpr int k303 = 303;

std::map<std::string, int> PageHiddenFromOthers(std::map<std::string, int> extra = {}) {
  std::map<std::string, int> expect = HiddenFromOthers(std::move(extra));
  expect["anonymous"] = k303;
  return expect;
}

std::vector<Row> PageMatrix() {
  using V = http::verb;
  const auto form = [](std::string target, std::string body) {
    return std::pair<std::string, std::string>(std::move(target), std::move(body));
  };
  const std::map<std::string, int> staff_only = {
      {"anonymous", k303}, {"other_agency", k403}, {"agency", k403}};
  const std::map<std::string, int> units_only = StaffRefused({{"anonymous", k303}});
  return {
      {V::get,
       "/static/report.css",
       [](World&, const std::string&) { return Get("/static/report.css"); },
       {}},
      {V::get,
       "/static/app.css",
       [](World&, const std::string&) { return Get("/static/app.css"); },
       {}},
      {V::get,
       "/static/app.js",
       [](World&, const std::string&) { return Get("/static/app.js"); },
       {}},
      {V::get, "/login", [](World&, const std::string&) { return Get("/login"); }, {}},
      {V::post,
       "/login",
       [form](World&, const std::string&) {
         return form("/login", std::string("login=hz-edu&password=agency+password+1&next=%2F"));
       },
       {},
       k303},
      {V::post,
       "/logout",
       [form](World&, const std::string&) { return form("/logout", "x=1"); },
       {},
       k303},
      {V::get, "/", [](World&, const std::string&) { return Get("/"); },
       // Staff are sent on to their own start page.
       StaffRefused({{"anonymous", k303}}, k303), kOk,
       [](World&) { return std::string("杭州市教育考试院"); }},
      {V::get, "/dashboard", [](World&, const std::string&) { return Get("/dashboard"); },
       staff_only, kOk, [](World&) { return std::string("杭州市教育考试院"); }},
      {V::get, "/review", [](World&, const std::string&) { return Get("/review"); }, staff_only,
       kOk, [](World& w) { return "/applications/" + w.Id(w.submitted) + "\""; }},
      {V::get,
       "/applications",
       [](World&, const std::string&) { return Get("/applications"); },
       {{"anonymous", k303}},
       kOk,
       [](World& w) { return "/applications/" + w.Id(w.submitted) + "\""; }},
      {V::get, "/applications/new",
       [](World&, const std::string&) { return Get("/applications/new"); }, units_only},
      {V::post, "/applications/sms-code",
       [form](World&, const std::string&) {
         return form("/applications/sms-code", "handler_mobile=13700137001");
       },
       units_only},
      {V::post, "/applications",
       [form](World&, const std::string&) { return form("/applications", "name=x"); },
       // the form again, with what is missing
       StaffRefused({{"anonymous", k303}, {"other_agency", 400}, {"agency", 400}})},
      {V::get, "/applications/{id}",
       [](World& w, const std::string&) { return Get("/applications/" + w.Id(w.submitted)); },
       PageHiddenFromOthers()},
      {V::get, "/sites/{id}",
       [](World& w, const std::string&) { return Get("/sites/" + w.Id(w.site)); },
       PageHiddenFromOthers()},
      {V::get, "/applications/{id}/letter",
       [](World& w, const std::string&) {
         return Get("/applications/" + w.Id(w.issued) + "/letter");
       },
       PageHiddenFromOthers()},
      {V::get, "/applications/{id}/form",
       [](World& w, const std::string&) {
         return Get("/applications/" + w.Id(w.issued) + "/form");
       },
       PageHiddenFromOthers()},
      // 域名申请, 域名业务管理: the unit's own pages; staff work from /review.
      {V::get, "/domains", [](World&, const std::string&) { return Get("/domains"); },
       StaffRefused({{"anonymous", k303}}, k303), kOk,
       [](World& w) { return "/domains/" + w.Id(w.domain) + "\""; }},
      {V::get, "/domains/new", [](World&, const std::string&) { return Get("/domains/new"); },
       units_only},
      {V::post, "/domains",
       [form](World&, const std::string& who) {
         return form(
             "/domains",
             who == "other_agency"
                 ? "name=%E6%9F%90%E5%8C%BA%E6%95%99%E8%82%B2.%E6%94%BF%E5%8A%A1&years=1"
                 : "name=%E6%9D%AD%E5%B7%9E%E6%95%99%E8%82%B2%E5%B1%80.%E6%94%BF%E5%8A%A1&years=1");
       },
       units_only, k303},
      {V::post, "/domains/renewals",
       [form](World& w, const std::string&) {
         return form("/domains/renewals", "domain_id=" + w.Id(w.renewable_domain) + "&years=1");
       },
       StaffRefused({{"anonymous", k303}, {"other_agency", k404}}), k303},
      {V::get, "/domains/{id}",
       [](World& w, const std::string&) { return Get("/domains/" + w.Id(w.domain)); },
       PageHiddenFromOthers()},
      {V::post, "/domains/{id}/decisions",
       [form](World& w, const std::string&) {
         return form("/domains/" + w.Id(w.domain) + "/decisions", "action=regional-pass");
       },
       PageHiddenFromOthers(
           {{"agency", k403}, {"conac", k403}, {"reviewer33", k403}, {"city_office", k403}}),
       k303},
      {V::post, "/domains/{id}/resubmission",
       [form](World& w, const std::string&) {
         return form("/domains/" + w.Id(w.rejected_domain) + "/resubmission",
                     "name=%E6%94%B9%E5%90%8D.%E6%94%BF%E5%8A%A1&years=2");
       },
       PageHiddenFromOthers(
           {{"reviewer33", k403}, {"city_office", k403}, {"county_office", k403}, {"conac", k403}}),
       k303},
      {V::post, "/renewals/{id}/withdrawal",
       [form](World& w, const std::string&) {
         return form("/renewals/" + w.Id(w.renewal) + "/withdrawal", "x=1");
       },
       StaffRefused({{"anonymous", k303}, {"other_agency", k404}}), k303},
      // 域名缴费管理: everyone signed in has one; the unit's office records a
      // payment, CONAC confirms it.
      {V::get,
       "/payments",
       [](World&, const std::string&) { return Get("/payments"); },
       {{"anonymous", k303}}},
      {V::post,
       "/payments",
       [form](World& w, const std::string& who) {
         return form("/payments",
                     "unit_id=" + w.Id(w.agency.unit_id) + "&amount=300&bank_reference=WEB-" + who);
       },
       {{"anonymous", k303},
        {"other_agency", k403},
        {"agency", k403},
        {"reviewer11", k404},
        {"other_county_office", k404},
        {"reviewer33", k403},
        {"city_office", k403},
        {"conac", k403}},
       k303},
      {V::post,
       "/payments/{id}/confirmation",
       [form](World& w, const std::string&) {
         return form("/payments/" + w.Id(w.payment) + "/confirmation", "x=1");
       },
       {{"anonymous", k303},
        {"other_agency", k403},
        {"agency", k403},
        {"reviewer11", k403},
        {"other_county_office", k403},
        {"county_office", k403},
        {"city_office", k403},
        {"reviewer33", k403}},
       k303},
      {V::post, "/applications/{id}/decisions",
       [form](World& w, const std::string&) {
         return form("/applications/" + w.Id(w.submitted) + "/decisions", "action=regional-pass");
       },
       PageHiddenFromOthers(
           {{"agency", k403}, {"conac", k403}, {"reviewer33", k403}, {"city_office", k403}}),
       k303},
      {V::get,
       "/self-checks",
       [](World&, const std::string&) { return Get("/self-checks"); },
       {{"anonymous", k303}}},
      {V::post, "/self-checks",
       [form](World& w, const std::string&) {
         return form("/self-checks", "site_id=" + w.Id(w.site));
       },
       PageHiddenFromOthers(), k303},
      {V::get, "/self-checks/{id}",
       [](World& w, const std::string&) { return Get("/self-checks/" + w.Id(w.self_check)); },
       PageHiddenFromOthers(
           {{"reviewer33", k404}, {"city_office", k404}, {"county_office", k404}})},
      // Registration and 忘记密码 need no login.
      {V::get, "/register", [](World&, const std::string&) { return Get("/register"); }, {}},
      {V::post,
       "/register",
       [form](World&, const std::string& who) {
         return form("/register",
                     "kind=%E7%A4%BE%E4%BC%9A%E7%BB%84%E7%BB%87&province=330000&city=330100"
                     "&county=330102&system_category=%E6%95%99%E8%82%B2&name=%E5%8D%8F%E4%BC%9A-" +
                         who +
                         "&address=%E6%9D%AD%E5%B7%9E&handler_name=%E8%B5%B5"
                         "&mobile=13600136000&email=a%40example.org.cn&login=web-" +
                         who +
                         "&password=a+long+enough+password"
                         "&password_again=a+long+enough+password");
       },
       {},
       k303},
      {V::get,
       "/static/register.js",
       [](World&, const std::string&) { return Get("/static/register.js"); },
       {}},
      {V::get,
       "/password-reset",
       [](World&, const std::string&) { return Get("/password-reset"); },
       {}},
      {V::post,
       "/password-reset",
       [form](World&, const std::string&) {
         return form("/password-reset", "login=hz-edu&mobile=13800138000");
       },
       {}},
      {V::post,
       "/password-reset/confirm",
       [form](World& w, const std::string& who) {
         const std::string login = who == "agency" ? "hz-edu" : "nobody-" + who;
         return form("/password-reset/confirm",
                     "login=" + login + "&code=" + w.LastSmsCode("13700137000") +
                         "&new_password=a+new+password+4&new_password_again=a+new+password+4");
       },
       {{"agency", k303}},
       400},
      // 账号管理: every signed-in account; contact details are a unit's own.
      {V::get,
       "/account",
       [](World&, const std::string&) { return Get("/account"); },
       {{"anonymous", k303}}},
      {V::post, "/account/details",
       [form](World&, const std::string&) {
         return form("/account/details",
                     "address=%E6%9D%AD%E5%B7%9E%E5%B8%82&handler_name=%E7%8E%8B&mobile="
                     "13800138000&email=handler%40example.gov.cn");
       },
       StaffRefused({}), k303},
      {V::get, "/offices/accounts",
       [](World&, const std::string&) { return Get("/offices/accounts"); }, staff_only, kOk,
       [](World&) { return std::string("office-330102"); }},
      {V::post,
       "/offices/accounts",
       [form](World&, const std::string& who) {
         return form("/offices/accounts",
                     "province=330000&city=330100&county=330102&login=web-new-" + who +
                         "&password=a+long+enough+password");
       },
       {{"anonymous", k303},
        {"other_agency", k403},
        {"agency", k403},
        {"reviewer11", k403},
        {"other_county_office", k403},
        {"county_office", k403}},
       k303},
      {V::get, "/offices/contact",
       [](World&, const std::string&) { return Get("/offices/contact?office=330102"); },
       staff_only},
      {V::post,
       "/offices/contact",
       [form](World&, const std::string&) {
         return form("/offices/contact",
                     "office=330102&address=%E6%9D%AD%E5%B7%9E%E5%B8%82%E4%B8%8A%E5%9F%8E%E5%8C%BA"
                     "&phone=0571-87000000");
       },
       {{"anonymous", k303},
        {"other_agency", k403},
        {"agency", k403},
        {"reviewer11", k403},
        {"other_county_office", k403}},
       k303},
      {V::post, "/offices/accounts/{id}/enabled",
       [form](World& w, const std::string& who) {
         return form(
             "/offices/accounts/" + w.Id(w.office_accounts.at("county_office")) + "/enabled",
             std::string("enabled=") + (who == "reviewer33" ? "1" : "0"));
       },
       PageHiddenFromOthers({{"other_agency", k403}, {"agency", k403}, {"county_office", k403}}),
       k303},
      // The office at the unit's level and CONAC reset the unit's password.
      {V::post, "/applications/{id}/unit-password-reset",
       [form](World& w, const std::string&) {
         return form("/applications/" + w.Id(w.submitted) + "/unit-password-reset", "x=1");
       },
       PageHiddenFromOthers({{"agency", k403}, {"reviewer33", k403}, {"city_office", k403}}), k303},
      {V::post,
       "/account/password",
       [form](World&, const std::string&) {
         return form("/account/password",
                     "current_password=agency+password+1&new_password=a+new+password+5"
                     "&new_password_again=a+new+password+5");
       },
       {{"anonymous", k303}, {"agency", k303}},
       400},
  };
}

// Whether `status` for `who` is a refusal: an error, or a page sending a
// caller without a login to /login. (A 303 for a logged-in caller is a form
// that did its work.)
bool Refused(int status, const std::string& who) {
  return status >= 400 || (status == k303 && who == "anonymous");
}

// Every row: the API's and the pages'.
std::vector<Row> AllRows() {
  std::vector<Row> rows = Matrix();
  for (Row& row : PageMatrix()) rows.push_back(std::move(row));
  return rows;
}

std::string Describe(http::verb method, const std::string& pattern) {
  return std::string(http::to_string(method)) + " " + pattern;
}

}  // namespace

TEST_CASE("Authorization matrix: every route has a row", "[api][authorization]") {
  DnsmasqProcess dns(kNames);
  World world(dns.server());
  std::set<std::string> rows;
  for (const Row& row : AllRows()) rows.insert(Describe(row.method, row.pattern));
  std::set<std::string> routes;
  for (const auto& [method, pattern] : world.app->router().Routes()) {
    routes.insert(Describe(method, pattern));
    CAPTURE(Describe(method, pattern));
    CHECK(rows.count(Describe(method, pattern)) == 1);
  }
  for (const std::string& row : rows) {
    CAPTURE(row);
    CHECK(routes.count(row) == 1);  // a row for a route that no longer exists
  }
}

TEST_CASE("Authorization matrix: every route × every role answers as the table says",
          "[api][authorization][network]") {
  DnsmasqProcess dns(kNames);
  for (const Row& row : AllRows()) {
    World world(dns.server());  // each row starts from the same registry
    // Refused callers first: what they are refused must not depend on what
    // an allowed caller changed before them.
    std::vector<std::string> callers;
    for (const bool allowed : {false, true}) {
      for (const std::string& who : kCallers) {
        const int status = row.expect.count(who) ? row.expect.at(who) : row.others;
        if (Refused(status, who) != allowed) callers.push_back(who);
      }
    }
    bool marker_seen = false;
    for (const std::string& who : callers) {
      const auto expected = row.expect.count(who) ? row.expect.at(who) : row.others;
      const auto [target, body] = row.request(world, who);
      const std::int64_t version = world.DataVersion();
      const HttpResponse response = world.Call(who, row.method, target, body);
      INFO(Describe(row.method, row.pattern)
           << " as " << who << " → " << response.result_int() << " " << response.body());
      if (expected == kOk) {
        CHECK(response.result_int() / 100 == 2);
      } else {
        CHECK(static_cast<int>(response.result_int()) == expected);
      }
      if (expected >= 400) CHECK(world.DataVersion() == version);  // refused: nothing committed
      if (row.marker && response.result_int() == 200) {
        const bool shown = response.body().find(row.marker(world)) != std::string::npos;
        if (who == "other_agency" || who == "reviewer11" || who == "other_county_office") {
          CHECK_FALSE(shown);  // a leak
        }
        marker_seen = marker_seen || shown;
      }
    }
    // The marker names the record where it may be seen, so its absence above
    // means something.
    if (row.marker) CHECK(marker_seen);
  }
}

TEST_CASE("Authorization matrix: an office sees its subtree, only the unit's own office acts",
          "[api][authorization][network]") {
  DnsmasqProcess dns(kNames);
  World world(dns.server());
  // A unit of the city's other county (拱墅区) with an application of its own.
  badgewatch::registry::UnitFields fields = badgewatch::registry::testing::ValidUnit(
      badgewatch::registry::UnitKind::kPartyGovernment, "33", "杭州市拱墅区教育局");
  fields.division_code = "330105";
  const badgewatch::registry::Actor neighbour =
      badgewatch::registry::RegisterUnit(*world.registry, fields, "gs-edu").value();
  world.tokens["neighbour"] =
      badgewatch::registry::CreateApiToken(*world.registry, neighbour.account_id, "test").value();
  json form = world.FormJson(neighbour, "拱墅区教育网");
  form["english_domain"] = "edu.gongshu.gov.cn";
  const HttpResponse submitted =
      world.Call("neighbour", http::verb::post, "/api/applications", form.dump());
  REQUIRE(submitted.result() == http::status::created);
  const std::string other = world.Id(json::parse(submitted.body())["id"].get<std::int64_t>());
  const std::string own = world.Id(world.submitted);
  const auto status = [&world](const std::string& who, const std::string& target) {
    return static_cast<int>(world.Call(who, http::verb::get, target, "").result_int());
  };
  const auto decide = [&world](const std::string& who, const std::string& id) {
    return static_cast<int>(world
                                .Call(who, http::verb::post,
                                      "/api/applications/" + id + "/decisions",
                                      json{{"action", "regional-pass"}}.dump())
                                .result_int());
  };

  // The review queue: each county office has its own county's submitted
  // application waiting, never the other's; the city and the province see
  // both with all=true but neither waits for them; another city's county
  // sees neither.
  const auto queue_ids = [&world](const std::string& who, const std::string& query) {
    std::set<std::string> ids;
    const json list = json::parse(
        world.Call(who, http::verb::get, "/api/review-queue?kind=application" + query, "").body());
    for (const json& item : list["items"]) ids.insert(world.Id(item["id"].get<std::int64_t>()));
    return ids;
  };
  CHECK(queue_ids("county_office", "") == std::set<std::string>{own});
  CHECK(queue_ids("county_office", "&all=true").count(other) == 0);
  for (const char* higher : {"city_office", "reviewer33"}) {
    CAPTURE(higher);
    CHECK(queue_ids(higher, "").empty());
    const std::set<std::string> all = queue_ids(higher, "&all=true");
    CHECK(all.count(own) == 1);
    CHECK(all.count(other) == 1);
  }
  CHECK(queue_ids("other_county_office", "&all=true").empty());
  CHECK(queue_ids("reviewer11", "&all=true").empty());
  CHECK(queue_ids("conac", "&state=submitted&all=true").count(other) == 1);

  // A county office never sees another county's rows.
  CHECK(status("county_office", "/api/applications/" + own) == 200);
  CHECK(status("county_office", "/api/applications/" + other) == 404);
  CHECK(decide("county_office", other) == 404);
  const std::string county_list =
      world.Call("county_office", http::verb::get, "/api/applications", "").body();
  CHECK(county_list.find("\"id\":" + own + ",") != std::string::npos);
  CHECK(county_list.find("\"id\":" + other + ",") == std::string::npos);
  // Another city's county sees neither.
  CHECK(status("other_county_office", "/api/applications/" + own) == 404);
  CHECK(status("other_county_office", "/api/applications/" + other) == 404);
  // The city sees both of its counties, read-only; so does the province.
  for (const char* higher : {"city_office", "reviewer33"}) {
    CAPTURE(higher);
    const std::string list = world.Call(higher, http::verb::get, "/api/applications", "").body();
    for (const std::string& id : {own, other}) {
      CAPTURE(id);
      CHECK(list.find("\"id\":" + id + ",") != std::string::npos);
      CHECK(status(higher, "/api/applications/" + id) == 200);
      CHECK(status(higher, "/applications/" + id) == 200);
      CHECK(decide(higher, id) == 403);
      const std::string page =
          world.Call(higher, http::verb::get, "/applications/" + id, "").body();
      CHECK(page.find("/decisions\"") == std::string::npos);  // no decision buttons
    }
    const std::string queue = world.Call(higher, http::verb::get, "/review", "").body();
    CHECK(queue.find("/applications/" + own + "\"") == std::string::npos);
    CHECK(queue.find("/applications/" + other + "\"") == std::string::npos);
  }
  // The county office has the agency's application in its queue, with buttons.
  const std::string queue = world.Call("county_office", http::verb::get, "/review", "").body();
  CHECK(queue.find("/applications/" + own + "\"") != std::string::npos);
  CHECK(queue.find("/applications/" + other + "\"") == std::string::npos);
  CHECK(world.Call("county_office", http::verb::get, "/applications/" + own, "")
            .body()
            .find("/applications/" + own + "/decisions\"") != std::string::npos);
  CHECK(decide("county_office", own) == 200);
}
