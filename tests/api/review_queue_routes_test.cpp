// GET /api/review-queue on a real registry: what waits for each caller, every
// state with all=true, the filters (kind, state, region, dates in Beijing
// time, search), pages, scope, and the 400 of an unknown value.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "api/http/form_fields.h"
#include "registry/domains.h"
#include "tests/api/registry_api_fixture.h"

namespace {

using badgewatch::api::HttpResponse;
using badgewatch::api::testing::RegistryApi;
namespace http = boost::beast::http;
using nlohmann::json;

json QueueBody(const HttpResponse& response) { return json::parse(response.body()); }

}  // namespace

TEST_CASE("ReviewQueue: waiting rows per caller, filters, pages, scope and refusals",
          "[api][registry]") {
  RegistryApi api;
  namespace registry = badgewatch::registry;
  // Region 33: three submitted domains and one passed by the region; region
  // 11: one submitted. Submitted on 1, 2, 3, 4 and 5 March 2026, 00:30
  // Beijing time (16:30 UTC the day before).
  std::vector<std::int64_t> ids;
  for (const char* name : {"公安局.政务", "财政局.政务", "民政局.政务", "教育局.政务"})
    ids.push_back(registry::SubmitDomain(*api.registry, api.agency, name, 1).value());
  ids.push_back(
      registry::SubmitDomain(*api.registry, api.other_agency, "北京教委.政务", 1).value());
  REQUIRE(registry::DecideDomain(*api.registry, api.reviewer33, ids[3],
                                 registry::WorkflowAction::kRegionalPass, "")
              .ok());
  auto at = api.registry->writer().Prepare("UPDATE domains SET created_at = ? WHERE id = ?");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::int64_t march_1 = 1'772'294'400;  // 2026-03-01T00:00:00+08:00
    REQUIRE(at->Bind({march_1 + static_cast<std::int64_t>(i) * 86'400 + 1'800, ids[i]}).ok());
    REQUIRE(at->Run().ok());
  }
  const auto get = [&api](const std::string& who, const std::string& target) {
    const HttpResponse response = api.Call(who, http::verb::get, target);
    INFO(who << " " << target << " → " << response.body());
    REQUIRE(response.result() == http::status::ok);
    return QueueBody(response);
  };
  const auto asked = [](const json& list) {
    std::vector<std::string> out;
    for (const json& item : list["items"]) out.push_back(item["asked"].get<std::string>());
    return out;
  };

  // The region's office: its three submitted domains, newest first; each row
  // with its unit, region, time in Beijing time and the record's route.
  const json regional = get("reviewer33", "/api/review-queue");
  CHECK(asked(regional) == std::vector<std::string>{"民政局.政务", "财政局.政务", "公安局.政务"});
  CHECK(regional["total"] == 3);
  const json& first = regional["items"][0];
  CHECK(first["kind"] == "domain");
  CHECK(first["state"] == "submitted");
  CHECK(first["unit"]["id"] == api.agency.unit_id);
  CHECK(first["unit"]["region_code"] == "33");
  CHECK(first["submitted_at"] == "2026-03-03T00:30:00+08:00");
  CHECK(first["href"] == "/api/domains/" + std::to_string(ids[2]));
  // Another region's office sees only its own; CONAC what the region passed.
  CHECK(asked(get("reviewer11", "/api/review-queue")) == std::vector<std::string>{"北京教委.政务"});
  CHECK(asked(get("reviewer11", "/api/review-queue?all=true&region=33")).empty());
  CHECK(asked(get("conac", "/api/review-queue")) == std::vector<std::string>{"教育局.政务"});
  // A unit: its rows only (nothing of its waits for it here).
  CHECK(get("agency", "/api/review-queue")["total"] == 0);
  CHECK(get("agency", "/api/review-queue?all=true")["total"] == 4);
  CHECK(get("other_agency", "/api/review-queue?all=true")["total"] == 1);

  // Every state; by kind, state and region.
  CHECK(get("conac", "/api/review-queue?all=true")["total"] == 5);
  CHECK(get("conac", "/api/review-queue?all=true&region=11")["total"] == 1);
  CHECK(get("conac", "/api/review-queue?all=true&kind=payment")["total"] == 0);
  CHECK(asked(get("conac", "/api/review-queue?all=true&state=regional-passed")) ==
        std::vector<std::string>{"教育局.政务"});
  // Submitted between two days, both whole (Beijing time).
  CHECK(asked(get("conac", "/api/review-queue?all=true&from=2026-03-02&to=2026-03-03")) ==
        std::vector<std::string>{"民政局.政务", "财政局.政务"});
  // Search: part of the domain's name (3 characters: the trigram index; 2: LIKE).
  CHECK(asked(get("conac",
                  "/api/review-queue?all=true&q=" + badgewatch::api::PercentEncode("财政局"))) ==
        std::vector<std::string>{"财政局.政务"});
  CHECK(asked(get("conac",
                  "/api/review-queue?all=true&q=" + badgewatch::api::PercentEncode("民政"))) ==
        std::vector<std::string>{"民政局.政务"});
  // Pages: 2 a page; page 2 holds the next two; the total all five.
  const json all = get("conac", "/api/review-queue?all=true");
  const json page2 = get("conac", "/api/review-queue?all=true&per_page=2&page=2");
  CHECK(page2["total"] == 5);
  REQUIRE(page2["items"].size() == 2);
  CHECK(page2["items"][0] == all["items"][2]);
  CHECK(page2["items"][1] == all["items"][3]);

  // What the route does not know is a 400 naming what it takes.
  for (const auto& [bad, reason] : std::vector<std::pair<std::string, std::string>>{
           {"/api/review-queue?kind=invoice", "kind-parameter"},
           {"/api/review-queue?state=pending", "state-parameter"},
           {"/api/review-queue?region=330", "region-parameter"},
           {"/api/review-queue?from=2026-02-30", "date-parameter"},
           {"/api/review-queue?to=3/3/2026", "date-parameter"},
           {"/api/review-queue?all=yes", "all-parameter"},
           {"/api/review-queue?colour=red", "unknown-parameter"},
           {"/api/review-queue?per_page=0", ""}}) {
    const HttpResponse refused = api.Call("conac", http::verb::get, bad);
    INFO(bad << " → " << refused.body());
    CHECK(refused.result() == http::status::bad_request);
    if (!reason.empty()) CHECK(QueueBody(refused)["reason"] == reason);
  }
}
