#include "api/service/compliance_record_routes.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "api/service/api_errors.h"
#include "api/service/list_page.h"
#include "registry/compliance_record_queries.h"
#include "registry/compliance_report_queries.h"
#include "registry/divisions.h"
#include "registry/sites.h"
#include "registry/units.h"
#include "scan/compliance_record_builder.h"
#include "verifier/problem_codes.h"

namespace badgewatch::api {

namespace {

using registry::Actor;
using registry::ComplianceRecordRow;
using registry::Role;
using scan::SiteChange;

namespace codes = verifier::codes;

// The failure codes a `problem` filter may name (warnings are not problems).
constexpr std::array<std::string_view, 9> kProblemCodes = {
    codes::kBadgeMissing,   codes::kBadgeMisplaced,  codes::kBadgeIdMismatch,
    codes::kBadgeMalformed, codes::kBadgeStaticCopy, codes::kBadgeMixedContent,
    codes::kTitleMissing,   codes::kTitleMismatch,   codes::kFetchFailed};
constexpr std::array<SiteChange, 6> kChanges = {
    SiteChange::kFirstRecord,  SiteChange::kStillPassing, SiteChange::kFixed,
    SiteChange::kNewlyFailing, SiteChange::kStillFailing, SiteChange::kNewlyUnreachable};
constexpr std::array<std::string_view, 3> kVerdicts = {"pass", "fail", "unreachable"};

template <std::size_t N>
std::string Listed(const std::array<std::string_view, N>& names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

HttpResponse NoSuchRecord(const HttpRequest& request) {
  return ErrorResponse(request, http::status::not_found, Error<errors::kNoSuchComplianceRecord>());
}

HttpResponse BadRequest(const HttpRequest& request, const Status& error) {
  return ErrorResponse(request, http::status::bad_request, error);
}

std::string_view VerdictOf(const ComplianceRecordRow& row) {
  return row.unreachable ? "unreachable" : std::string_view(row.site.record.verdict);
}

nlohmann::json RecordJson(const ComplianceRecordRow& row) {
  const registry::SiteComplianceRow& site = row.site;
  const auto text_or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  return {
      {"id", row.id},
      {"scan_id", row.scan_id},
      {"recorded_at", row.recorded_at},
      {"site",
       {{"id", site.site_id},
        {"name", site.site_name},
        {"chinese_domain", text_or_null(site.chinese_domain)},
        {"english_domain", text_or_null(site.english_domain)},
        {"badge_id", site.badge_id ? nlohmann::json(*site.badge_id) : nlohmann::json(nullptr)}}},
      {"unit", {{"id", site.unit_id}, {"name", site.unit_name}}},
      {"region", {{"code", site.region_code}, {"name", site.region_name}}},
      {"verdict", VerdictOf(row)},
      {"problems", site.record.problems},
      {"warnings", site.record.warnings},
      {"pages_total", site.record.pages_total},
      {"pages_failed", site.record.pages_failed},
      {"dead_links", site.record.dead_links},
      {"change", scan::SiteChangeName(row.change)},
      {"previous_record_id",
       row.previous ? nlohmann::json(row.previous->id) : nlohmann::json(nullptr)}};
}

// Codes in `now` and not in `before`.
std::vector<std::string> Added(const std::vector<std::string>& before,
                               const std::vector<std::string>& now) {
  std::vector<std::string> added;
  for (const std::string& code : now) {
    if (std::find(before.begin(), before.end(), code) == before.end()) added.push_back(code);
  }
  return added;
}

nlohmann::json DiffJson(const ComplianceRecordRow& row) {
  const registry::SiteRecord& now = row.site.record;
  const registry::SiteRecord before = row.previous ? row.previous->record : registry::SiteRecord{};
  nlohmann::json previous = nullptr;
  if (row.previous) {
    previous = {{"id", row.previous->id},
                {"scan_id", row.previous->scan_id},
                {"recorded_at", row.previous->recorded_at},
                {"verdict", before.verdict},
                {"problems", before.problems},
                {"warnings", before.warnings}};
  }
  return {{"change", scan::SiteChangeName(row.change)},
          {"previous", std::move(previous)},
          {"problems_added", Added(before.problems, now.problems)},
          {"problems_removed", Added(now.problems, before.problems)},
          {"warnings_added", Added(before.warnings, now.warnings)},
          {"warnings_removed", Added(now.warnings, before.warnings)}};
}

// What a list request asks for, read and checked, with the caller's scope
// applied; `refusal` when a value is invalid.
struct RecordQuery {
  registry::RecordFilter filter;
  ListPage page;
  bool nothing_visible = false;  // a regional reviewer asked for another region
  bool no_scan = false;          // ?scan=latest and no scan has records
  std::optional<HttpResponse> refusal;
};

// The scan `?scan=` names: an id, or `latest` (the default) — the newest
// finished scan (nightly first), else the newest scan with records.
std::optional<HttpResponse> ReadScan(const RouteRequest& route, registry::Database& db,
                                     RecordQuery& query) {
  const std::string_view scan = route.query.Get("scan").value_or("latest");
  if (scan == "latest") {
    Result<std::optional<std::int64_t>> latest = registry::LatestFinishedScan(db);
    if (latest && !*latest) latest = registry::LatestScanWithRecords(db);
    if (!latest) return RegistryErrorResponse(route.request, latest.status());
    if (!*latest) query.no_scan = true;
    query.filter.scan_id = latest->value_or(0);
    return std::nullopt;
  }
  const std::optional<std::int64_t> id = ParseRecordId(scan);
  if (!id) {
    return BadRequest(route.request, Error<errors::kScanParameter>(scan));
  }
  Result<registry::ScanOverview> found = registry::LoadScanOverview(db, *id, "");
  if (!found) return RegistryErrorResponse(route.request, found.status());
  query.filter.scan_id = *id;
  return std::nullopt;
}

std::optional<HttpResponse> ReadFilters(const RouteRequest& route, const Actor& actor,
                                        registry::Database& db, RecordQuery& query) {
  const HttpRequest& request = route.request;
  if (const auto verdict = route.query.Get("verdict")) {
    if (std::find(kVerdicts.begin(), kVerdicts.end(), *verdict) == kVerdicts.end()) {
      return BadRequest(request, Error<errors::kVerdictParameter>(Listed(kVerdicts), *verdict));
    }
    query.filter.verdict = std::string(*verdict);
  }
  if (const auto problem = route.query.Get("problem")) {
    if (std::find(kProblemCodes.begin(), kProblemCodes.end(), *problem) == kProblemCodes.end()) {
      return BadRequest(request, Error<errors::kProblemParameter>(Listed(kProblemCodes), *problem));
    }
    query.filter.problem = std::string(*problem);
  }
  if (const auto change = route.query.Get("change")) {
    std::array<std::string_view, kChanges.size()> names{};
    std::transform(kChanges.begin(), kChanges.end(), names.begin(), scan::SiteChangeName);
    const auto found = std::find(names.begin(), names.end(), *change);
    if (found == names.end()) {
      return BadRequest(request, Error<errors::kChangeParameter>(Listed(names), *change));
    }
    query.filter.change = std::string(*change);
  }
  if (const auto region = route.query.Get("region")) {
    Result<std::optional<std::string>> name = registry::FindRegionName(db, std::string(*region));
    if (!name) return RegistryErrorResponse(request, name.status());
    if (!*name) {
      return BadRequest(request, Error<errors::kRegionParameter>(*region));
    }
    query.filter.region_code = std::string(*region);
  }
  if (!NarrowToScope(actor, query.filter.unit_id, query.filter.region_code,
                     query.filter.office_prefix)) {
    query.nothing_visible = true;
  }
  return std::nullopt;
}

// Reads the query of a list route; only the `allowed` parameters may appear.
RecordQuery ReadRecordQuery(const RouteRequest& route, const Actor& actor, registry::Database& db,
                            const std::set<std::string_view>& allowed) {
  RecordQuery query;
  for (const auto& [name, value] : route.query.fields()) {
    if (allowed.count(name) == 0) {
      query.refusal = BadRequest(
          route.request,
          Error<errors::kUnknownParameter>(name, fmt::format("{}", fmt::join(allowed, ", "))));
      return query;
    }
  }
  query.page = ReadListPage(route.query);
  if (!query.page.error.ok()) {
    query.refusal = BadRequest(route.request, query.page.error);
    return query;
  }
  query.refusal = ReadFilters(route, actor, db, query);
  if (!query.refusal && allowed.count("scan") != 0) query.refusal = ReadScan(route, db, query);
  return query;
}

// The page of records `query` selects, in the list envelope.
HttpResponse RecordList(const RouteRequest& route, registry::Database& db, const RecordQuery& query,
                        nlohmann::json extra = nlohmann::json::object()) {
  const ListPage& page = query.page;
  std::int64_t total = 0;
  std::vector<ComplianceRecordRow> rows;
  if (query.nothing_visible || query.no_scan) {
    // nothing to read
  } else {
    Result<std::int64_t> count = registry::CountComplianceRecords(db, query.filter);
    if (!count) return RegistryErrorResponse(route.request, count.status());
    total = *count;
    Result<std::vector<ComplianceRecordRow>> listed =
        registry::ListComplianceRecords(db, query.filter, {page.Offset(), page.per_page});
    if (!listed) return RegistryErrorResponse(route.request, listed.status());
    rows = std::move(listed).value();
  }
  nlohmann::json items = nlohmann::json::array();
  for (const ComplianceRecordRow& row : rows) items.push_back(RecordJson(row));
  nlohmann::json body = page.Envelope(total, std::move(items));
  body.update(extra);
  return JsonResponse(route.request, http::status::ok, body);
}

HttpResponse ListRecords(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const RecordQuery query = ReadRecordQuery(
        route, actor, db, {"scan", "region", "verdict", "problem", "change", "page", "per_page"});
    if (query.refusal) return *query.refusal;
    const nlohmann::json scan_id =
        query.no_scan ? nlohmann::json(nullptr) : nlohmann::json(query.filter.scan_id);
    return RecordList(route, db, query, {{"scan_id", scan_id}});
  });
}

HttpResponse ShowRecord(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return NoSuchRecord(route.request);
    Result<std::optional<ComplianceRecordRow>> row = registry::LoadComplianceRecord(db, *id);
    if (!row) return RegistryErrorResponse(route.request, row.status());
    if (!*row) return NoSuchRecord(route.request);
    Result<registry::Unit> unit = registry::LoadUnit(db, (*row)->site.unit_id);
    if (!unit) return RegistryErrorResponse(route.request, unit.status());
    if (!MaySeeUnit(actor, unit->id, unit->fields.division_code)) {
      return NoSuchRecord(route.request);
    }
    const ListPage page = ReadListPage(route.query);
    if (!page.error.ok()) return BadRequest(route.request, page.error);
    Result<std::int64_t> total = registry::CountFailingPages(db, *id);
    if (!total) return RegistryErrorResponse(route.request, total.status());
    Result<std::vector<registry::FailingPage>> pages =
        registry::ListFailingPages(db, *id, {page.Offset(), page.per_page});
    if (!pages) return RegistryErrorResponse(route.request, pages.status());
    nlohmann::json items = nlohmann::json::array();
    for (const registry::FailingPage& p : *pages) {
      items.push_back({{"url", p.url},
                       {"http_status",
                        p.http_status ? nlohmann::json(*p.http_status) : nlohmann::json(nullptr)},
                       {"problems", p.problems},
                       {"detail", p.detail}});
    }
    nlohmann::json body = RecordJson(**row);
    body["failing_pages"] = page.Envelope(*total, std::move(items));
    body["diff"] = DiffJson(**row);
    return JsonResponse(route.request, http::status::ok, body);
  });
}

HttpResponse ListSiteRecords(const RouteRequest& route, const RegistryAccess& access) {
  return WithCaller(route, access, [&](const Actor& actor, registry::Database& db) {
    const HttpResponse no_such_site =
        ErrorResponse(route.request, http::status::not_found, Error<errors::kNoSuchSite>());
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return no_such_site;
    Result<registry::Site> site = registry::LoadSite(db, *id);
    if (!site) {
      if (site.status().code() == StatusCode::kNotFound) return no_such_site;
      return RegistryErrorResponse(route.request, site.status());
    }
    Result<registry::Unit> unit = registry::LoadUnit(db, site->unit_id);
    if (!unit) return RegistryErrorResponse(route.request, unit.status());
    if (!MaySeeUnit(actor, unit->id, unit->fields.division_code)) return no_such_site;
    RecordQuery query =
        ReadRecordQuery(route, actor, db, {"verdict", "problem", "change", "page", "per_page"});
    if (query.refusal) return *query.refusal;
    query.filter.site_id = *id;
    return RecordList(route, db, query, {{"site_id", *id}});
  });
}

}  // namespace

void AddComplianceRecordRoutes(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/api/compliance-records", BindRegistryRoute(access, &ListRecords));
  router.Add(http::verb::get, "/api/compliance-records/{id}",
             BindRegistryRoute(access, &ShowRecord));
  router.Add(http::verb::get, "/api/sites/{id}/compliance-records",
             BindRegistryRoute(access, &ListSiteRecords));
}

}  // namespace badgewatch::api
