// The compliance-record routes on a real registry file: filters, pagination,
// invalid filter values and what each role may see.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/api/compliance_records_api.h"

namespace {

using badgewatch::api::testing::ComplianceRecordsApi;
namespace http = boost::beast::http;
using nlohmann::json;

// The site ids of a list answer's items, in order.
std::vector<std::int64_t> SitesOf(const json& list) {
  std::vector<std::int64_t> sites;
  for (const json& item : list["items"]) sites.push_back(item["site"]["id"].get<std::int64_t>());
  return sites;
}

// The record id of `site_id` in `scan_id`, read as CONAC.
std::int64_t RecordOf(ComplianceRecordsApi& api, std::int64_t scan_id, std::int64_t site_id) {
  const json list = api.Get("conac", "/api/compliance-records?scan=" + std::to_string(scan_id));
  for (const json& item : list["items"]) {
    if (item["site"]["id"] == site_id) return item["id"].get<std::int64_t>();
  }
  FAIL("no record of site " << site_id << " in scan " << scan_id);
  return 0;
}

}  // namespace

TEST_CASE("Compliance records: the latest scan by default, newest first, with the change",
          "[api]") {
  ComplianceRecordsApi api;
  const json list = api.Get("conac", "/api/compliance-records");
  CHECK(list["scan_id"] == api.second_scan);
  CHECK(list["total"] == 3);
  CHECK(list["page"] == 1);
  CHECK(list["per_page"] == 50);
  CHECK(SitesOf(list) == std::vector<std::int64_t>{api.far, api.neighbour, api.mine});
  const json& far = list["items"][0];
  const json& neighbour = list["items"][1];
  const json& mine = list["items"][2];
  CHECK(mine["verdict"] == "fail");
  CHECK(mine["change"] == "newly-failing");
  CHECK(mine["problems"] == json{"badge-missing", "title-mismatch"});
  CHECK(mine["pages_failed"] == 3);
  CHECK(mine["warnings"] == json{"dead-link"});
  CHECK(mine["dead_links"] == 2);
  CHECK(far["dead_links"] == 0);
  CHECK(mine["unit"]["id"] == api.agency.unit_id);
  CHECK(mine["region"]["code"] == "33");
  CHECK(neighbour["verdict"] == "unreachable");
  CHECK(neighbour["change"] == "newly-unreachable");
  CHECK(far["verdict"] == "pass");
  CHECK(far["change"] == "still-passing");
  CHECK(far["previous_record_id"].is_number());

  const json first =
      api.Get("conac", "/api/compliance-records?scan=" + std::to_string(api.first_scan));
  CHECK(first["total"] == 3);
  for (const json& item : first["items"]) {
    CHECK(item["change"] == "first-record");
    CHECK(item["previous_record_id"].is_null());
  }
}

TEST_CASE("Compliance records: every filter narrows the list", "[api]") {
  ComplianceRecordsApi api;
  using Sites = std::vector<std::int64_t>;
  const auto sites = [&](const std::string& query) {
    return SitesOf(api.Get("conac", "/api/compliance-records?" + query));
  };
  CHECK(sites("verdict=pass") == Sites{api.far});
  CHECK(sites("verdict=fail") == Sites{api.mine});
  CHECK(sites("verdict=unreachable") == Sites{api.neighbour});
  CHECK(sites("problem=badge-missing") == Sites{api.mine});
  CHECK(sites("problem=fetch-failed") == Sites{api.neighbour});
  CHECK(sites("problem=badge-misplaced").empty());
  CHECK(sites("change=newly-failing") == Sites{api.mine});
  CHECK(sites("change=newly-unreachable") == Sites{api.neighbour});
  CHECK(sites("change=still-passing") == Sites{api.far});
  CHECK(sites("change=fixed").empty());
  CHECK(sites("region=11") == Sites{api.far});
  CHECK(sites("region=33") == Sites{api.neighbour, api.mine});
  CHECK(sites("scan=latest&region=33&verdict=fail&problem=title-mismatch") == Sites{api.mine});
  const std::string first = "scan=" + std::to_string(api.first_scan);
  CHECK(sites(first + "&verdict=fail") == Sites{api.neighbour});
  CHECK(sites(first + "&change=first-record&region=33") == Sites{api.neighbour, api.mine});
  CHECK(sites(first + "&change=newly-failing").empty());
}

TEST_CASE("Compliance records: pagination edges", "[api]") {
  ComplianceRecordsApi api;
  const std::string list = "/api/compliance-records?per_page=2";
  const json page1 = api.Get("conac", list);
  CHECK(page1["total"] == 3);
  CHECK(SitesOf(page1) == std::vector<std::int64_t>{api.far, api.neighbour});
  const json page2 = api.Get("conac", list + "&page=2");
  CHECK(page2["total"] == 3);
  CHECK(SitesOf(page2) == std::vector<std::int64_t>{api.mine});
  const json beyond = api.Get("conac", list + "&page=3");
  CHECK(beyond["total"] == 3);
  CHECK(beyond["items"].empty());
  CHECK(api.Get("conac", "/api/compliance-records?per_page=200")["items"].size() == 3);
  CHECK(api.Get("conac", "/api/compliance-records?per_page=1&page=3")["items"].size() == 1);
  SECTION("with a change filter (worked out after reading)") {
    const json changed =
        api.Get("conac", "/api/compliance-records?scan=" + std::to_string(api.first_scan) +
                             "&change=first-record&per_page=2&page=2");
    CHECK(changed["total"] == 3);
    CHECK(SitesOf(changed) == std::vector<std::int64_t>{api.mine});
    const json past = api.Get("conac", "/api/compliance-records?change=still-passing&page=2");
    CHECK(past["total"] == 1);
    CHECK(past["items"].empty());
  }
}

TEST_CASE("Compliance records: an invalid filter value is a 400 that says why", "[api]") {
  ComplianceRecordsApi api;
  const auto refused = [&](const std::string& query, const std::string& words) {
    const json body =
        api.Get("conac", "/api/compliance-records?" + query, http::status::bad_request);
    INFO(query << " → " << body.dump());
    CHECK(body["error"].get<std::string>().find(words) != std::string::npos);
  };
  refused("verdict=broken", "verdict 必须是以下之一：pass, fail, unreachable");
  refused("problem=ip-mismatch", "problem 必须是一个问题代码");
  refused("problem=", "problem 必须是一个问题代码");
  refused("change=unchanged", "change 必须是以下之一");
  refused("region=99", "region 必须是区域代码（两位数字，如 33），而不是“99”");
  refused("region=abc", "region 必须是区域代码");
  refused("scan=abc", "scan 必须是检查编号或“latest”");
  refused("scan=0", "scan 必须是检查编号");
  refused("page=0", "page 必须是");
  refused("page=-1", "page 必须是");
  refused("per_page=201", "per_page 必须是 1 到 200 之间的整数");
  refused("per_page=x", "per_page 必须是");
  refused("verdcit=fail", "未知的参数“verdcit”");
  api.Get("conac", "/api/compliance-records?scan=4242", http::status::not_found);
  api.Get("conac",
          "/api/compliance-records/" + std::to_string(RecordOf(api, api.second_scan, api.mine)) +
              "?per_page=0",
          http::status::bad_request);
  api.Get("agency", "/api/sites/" + std::to_string(api.mine) + "/compliance-records?scan=1",
          http::status::bad_request);
}

TEST_CASE("Compliance records: each role sees only what it may, others' records are 404", "[api]") {
  ComplianceRecordsApi api;
  using Sites = std::set<std::int64_t>;
  const std::map<std::string, Sites> visible = {{"agency", {api.mine}},
                                                {"other_agency", {api.far}},
                                                {"reviewer33", {api.mine, api.neighbour}},
                                                {"reviewer11", {api.far}},
                                                {"conac", {api.mine, api.neighbour, api.far}}};
  for (const auto& [who, sites] : visible) {
    INFO(who);
    for (const std::int64_t scan : {api.first_scan, api.second_scan}) {
      const json list =
          api.Get(who, "/api/compliance-records?per_page=200&scan=" + std::to_string(scan));
      const std::vector<std::int64_t> listed = SitesOf(list);
      CHECK(Sites(listed.begin(), listed.end()) == sites);
      CHECK(list["total"] == sites.size());
      for (const std::int64_t site : {api.mine, api.neighbour, api.far}) {
        const std::string record =
            "/api/compliance-records/" + std::to_string(RecordOf(api, scan, site));
        const std::string history = "/api/sites/" + std::to_string(site) + "/compliance-records";
        if (sites.count(site) != 0) {
          CHECK(api.Get(who, record)["site"]["id"] == site);
          CHECK(api.Get(who, history)["total"] == 2);
        } else {
          api.Get(who, record, http::status::not_found);
          api.Get(who, history, http::status::not_found);
        }
      }
    }
    // Asking for another region never widens what the caller sees.
    for (const std::string region : {"11", "33"}) {
      const json list = api.Get(who, "/api/compliance-records?region=" + region);
      for (const json& item : list["items"]) {
        CHECK(sites.count(item["site"]["id"].get<std::int64_t>()) == 1);
        CHECK(item["region"]["code"] == region);
      }
    }
  }
  api.Get("conac", "/api/compliance-records/4242", http::status::not_found);
  api.Get("conac", "/api/compliance-records/abc", http::status::not_found);
  api.Get("conac", "/api/sites/4242/compliance-records", http::status::not_found);
}

TEST_CASE("Compliance record: failing pages page by page, and the diff with the last record",
          "[api]") {
  ComplianceRecordsApi api;
  const std::int64_t before = RecordOf(api, api.first_scan, api.mine);
  const std::string record =
      "/api/compliance-records/" + std::to_string(RecordOf(api, api.second_scan, api.mine));
  const json full = api.Get("agency", record);
  CHECK(full["failing_pages"]["total"] == 3);
  CHECK(full["failing_pages"]["items"].size() == 3);
  CHECK(full["failing_pages"]["items"][0]["url"] == "http://mine/1");
  CHECK(full["failing_pages"]["items"][0]["http_status"] == 200);
  CHECK(full["failing_pages"]["items"][0]["problems"] == json{"badge-missing", "title-mismatch"});
  const json diff = full["diff"];
  CHECK(diff["change"] == "newly-failing");
  CHECK(diff["previous"]["id"] == before);
  CHECK(diff["previous"]["scan_id"] == api.first_scan);
  CHECK(diff["previous"]["verdict"] == "pass");
  CHECK(diff["problems_added"] == json{"badge-missing", "title-mismatch"});
  CHECK(diff["problems_removed"].empty());

  const json second_page = api.Get("agency", record + "?per_page=2&page=2");
  CHECK(second_page["failing_pages"]["total"] == 3);
  CHECK(second_page["failing_pages"]["page"] == 2);
  REQUIRE(second_page["failing_pages"]["items"].size() == 1);
  CHECK(second_page["failing_pages"]["items"][0]["url"] == "http://mine/3");
  CHECK(api.Get("agency", record + "?page=9")["failing_pages"]["items"].empty());

  const json first = api.Get("agency", "/api/compliance-records/" + std::to_string(before));
  CHECK(first["diff"]["change"] == "first-record");
  CHECK(first["diff"]["previous"].is_null());
  CHECK(first["failing_pages"]["total"] == 0);
}

TEST_CASE("Compliance records: one site's history, newest first, filtered and paginated", "[api]") {
  ComplianceRecordsApi api;
  const std::string history = "/api/sites/" + std::to_string(api.mine) + "/compliance-records";
  const json all = api.Get("reviewer33", history);
  CHECK(all["site_id"] == api.mine);
  CHECK(all["total"] == 2);
  REQUIRE(all["items"].size() == 2);
  CHECK(all["items"][0]["scan_id"] == api.second_scan);
  CHECK(all["items"][1]["scan_id"] == api.first_scan);
  CHECK(api.Get("agency", history + "?verdict=pass")["items"][0]["scan_id"] == api.first_scan);
  CHECK(api.Get("agency", history + "?change=newly-failing")["total"] == 1);
  const json second = api.Get("agency", history + "?per_page=1&page=2");
  CHECK(second["total"] == 2);
  REQUIRE(second["items"].size() == 1);
  CHECK(second["items"][0]["scan_id"] == api.first_scan);
}
