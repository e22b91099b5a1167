#include "registry/compliance_report_queries.h"

#include <fmt/format.h>

#include <unordered_map>
#include <utility>

#include "registry/detail/office_scope_sql.h"
#include "registry/detail/record_rows.h"
#include "registry/divisions.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

// The selected records of a scan: ?1 the scan, ?2 the region code, ?3 the
// office subtree prefix (both '' for no narrowing). Shared by every per-scan
// query below (compile-time literals).
#define BADGEWATCH_SELECTED_RECORDS                                \
  "compliance_records AS cr JOIN sites AS s ON s.id = cr.site_id " \
  "JOIN units AS u ON u.id = s.unit_id JOIN regions AS r ON r.code = u.region_code "
#define BADGEWATCH_SELECTED_RECORDS_WHERE                             \
  "cr.scan_id = ?1 AND (?2 = '' OR u.region_code = ?2) AND (?3 = '' " \
  "OR " BADGEWATCH_UNIT_IN_OFFICE_SQL("?3") ")"

// A scan's sums over its records in one region (or all), from the summary
// the writer keeps with every record (scan_summaries): binds the region code
// twice. A failed site is a failing record, reachable or not.
#define BADGEWATCH_SCAN_SUMS                                                            \
  "SELECT sc.id, sc.kind, sc.started_at, sc.finished_at, "                              \
  "coalesce(sum(ss.sites_recorded), 0), coalesce(sum(ss.failed + ss.unreachable), 0), " \
  "coalesce(sum(ss.pages_total), 0), coalesce(sum(ss.pages_failed), 0) "                \
  "FROM scans AS sc LEFT JOIN scan_summaries AS ss ON ss.scan_id = sc.id "              \
  "AND (? = '' OR ss.region_code = ?) "

constexpr char kListScans[] = BADGEWATCH_SCAN_SUMS "GROUP BY sc.id ORDER BY sc.id DESC";
constexpr char kLoadScan[] = BADGEWATCH_SCAN_SUMS "WHERE sc.id = ? GROUP BY sc.id ORDER BY sc.id";
constexpr char kScanTrend[] = BADGEWATCH_SCAN_SUMS
    "WHERE sc.kind = (SELECT kind FROM scans WHERE id = ?) AND sc.id <= ? "
    "AND (sc.finished_at IS NOT NULL OR sc.id = ?) GROUP BY sc.id ORDER BY sc.id DESC LIMIT ?";
// The trend of an office below its province (?1 its subtree prefix), from the
// records of its units: the summaries are kept per province.
constexpr char kOfficeScanTrend[] =
    "SELECT sc.id, sc.kind, sc.started_at, sc.finished_at, count(o.scan_id), "
    "coalesce(sum(o.verdict = 'fail'), 0), coalesce(sum(o.pages_total), 0), "
    "coalesce(sum(o.pages_failed), 0) FROM scans AS sc LEFT JOIN (" BADGEWATCH_OFFICE_RECORDS_SQL(
        "?1") ") AS o ON o.scan_id = sc.id WHERE sc.kind = (SELECT kind FROM scans WHERE id = ?2) AND sc.id <= ?2 "
    "AND (sc.finished_at IS NOT NULL OR sc.id = ?2) GROUP BY sc.id ORDER BY sc.id DESC LIMIT ?3";
constexpr char kLatestFinished[] =
    "SELECT id FROM scans WHERE finished_at IS NOT NULL "
    "ORDER BY kind = 'nightly' DESC, id DESC LIMIT 1";
constexpr char kRegionName[] = "SELECT name FROM regions WHERE code = ?";

constexpr char kScanSites[] =
    "SELECT cr.id, s.id, s.name, coalesce(s.chinese_domain, ''), coalesce(s.english_domain, ''), "
    "b.id, u.id, u.name, r.code, r.name, cr.verdict, cr.problems, cr.warnings, cr.pages_total, "
    "cr.pages_failed, cr.dead_links FROM " BADGEWATCH_SELECTED_RECORDS
    "LEFT JOIN badges AS b ON b.site_id = s.id WHERE " BADGEWATCH_SELECTED_RECORDS_WHERE
    " ORDER BY r.code, s.name, s.id";
constexpr char kScanFailingPages[] =
    "SELECT record_id, url, http_status, problems, detail FROM ("
    "SELECT fp.id, fp.record_id, fp.url, fp.http_status, fp.problems, fp.detail, "
    "row_number() OVER (PARTITION BY fp.record_id ORDER BY fp.id) AS n "
    "FROM " BADGEWATCH_SELECTED_RECORDS
    "JOIN failing_pages AS fp ON fp.record_id = cr.id WHERE " BADGEWATCH_SELECTED_RECORDS_WHERE
    ") WHERE n <= ?4 ORDER BY record_id, id";
constexpr char kRegionSums[] =
    "SELECT r.code, r.name, count(*), sum(cr.verdict = 'fail'), sum(cr.pages_total), "
    "sum(cr.pages_failed) FROM " BADGEWATCH_SELECTED_RECORDS
    "WHERE " BADGEWATCH_SELECTED_RECORDS_WHERE " GROUP BY r.code, r.name ORDER BY r.code";
// Codes are stored space-separated; the recursive CTE splits the site lists
// (problems, warnings) and the failing pages' lists into one code per row.
constexpr char kCodeTallies[] =
    "WITH RECURSIVE selected(record_id, problems, warnings) AS ("
    "SELECT cr.id, cr.problems, cr.warnings FROM " BADGEWATCH_SELECTED_RECORDS
    "WHERE " BADGEWATCH_SELECTED_RECORDS_WHERE
    "), lists(source, rest) AS ("
    "SELECT 'problem', problems || ' ' FROM selected "
    "UNION ALL SELECT 'warning', warnings || ' ' FROM selected "
    "UNION ALL SELECT 'page', fp.problems || ' ' FROM failing_pages AS fp "
    "JOIN selected ON selected.record_id = fp.record_id"
    "), split(source, code, rest) AS ("
    "SELECT source, '', rest FROM lists UNION ALL "
    "SELECT source, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) "
    "FROM split WHERE rest <> '') "
    "SELECT code, source = 'warning' AS warning, sum(source <> 'page') AS sites, "
    "sum(source = 'page') FROM split WHERE code <> '' GROUP BY code, warning "
    "ORDER BY warning, sites DESC, code";

#undef BADGEWATCH_SCAN_SUMS
#undef BADGEWATCH_SELECTED_RECORDS_WHERE
#undef BADGEWATCH_SELECTED_RECORDS

ScanOverview ReadScanOverview(const Statement& s) {
  ScanOverview scan;
  scan.id = s.Int(0);
  scan.kind = s.Text(1);
  scan.started_at = s.Int(2);
  scan.finished_at = s.OptInt(3);
  scan.sites = s.Int(4);
  scan.sites_failed = s.Int(5);
  scan.pages_total = s.Int(6);
  scan.pages_failed = s.Int(7);
  return scan;
}

// Prepares `sql`, binds the scan id, the region code and the office prefix
// and collects every row.
template <typename Row, typename Read>
Result<std::vector<Row>> SelectForScan(Database& db, const char* sql,
                                       const ScanSelection& selection, Read read) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement) return statement.status();
  if (Status b = statement->Bind({selection.scan_id, std::string_view(selection.region_code),
                                  std::string_view(selection.office_prefix)});
      !b.ok()) {
    return b;
  }
  return CollectRows(*statement, read);
}

}  // namespace

Result<std::vector<ScanOverview>> ListScans(Database& db) {
  Result<Statement> statement = db.Prepare(kListScans);
  if (!statement) return statement.status();
  // Every region: an empty code (a non-null empty text, not NULL).
  if (Status b = statement->Bind({std::string_view(""), std::string_view("")}); !b.ok()) return b;
  return CollectRows(*statement, ReadScanOverview);
}

Result<ScanOverview> LoadScanOverview(Database& db, std::int64_t scan_id,
                                      const std::string& region_code) {
  Result<Statement> statement = db.Prepare(kLoadScan);
  if (!statement) return statement.status();
  const std::string_view region = region_code;
  if (Status b = statement->Bind({region, region, scan_id}); !b.ok()) return b;
  Result<bool> row = statement->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kScanNotFound>(scan_id);
  return ReadScanOverview(*statement);
}

Result<std::optional<std::int64_t>> LatestFinishedScan(Database& db) {
  Result<Statement> statement = db.Prepare(kLatestFinished);
  if (!statement) return statement.status();
  return FirstRow(*statement, FirstColumnInt);
}

Result<std::optional<std::string>> FindRegionName(Database& db, const std::string& region_code) {
  Result<Statement> statement = db.Prepare(kRegionName);
  if (!statement) return statement.status();
  if (Status b = statement->Bind({std::string_view(region_code)}); !b.ok()) return b;
  return FirstRow(*statement, [](const Statement& s) { return s.Text(0); });
}

Result<std::vector<SiteComplianceRow>> ListScanSites(Database& db, const ScanSelection& selection) {
  std::unordered_map<std::int64_t, std::size_t> index_of_record;
  Result<std::vector<SiteComplianceRow>> rows =
      SelectForScan<SiteComplianceRow>(db, kScanSites, selection, [&](const Statement& s) {
        index_of_record.emplace(s.Int(0), index_of_record.size());
        SiteComplianceRow row = detail::ReadSiteComplianceRow(s, 1);
        row.record.dead_links = static_cast<int>(s.Int(15));
        return row;
      });
  if (!rows) return rows;
  Result<Statement> pages = db.Prepare(kScanFailingPages);
  if (!pages) return pages.status();
  if (Status b = pages->Bind({selection.scan_id, std::string_view(selection.region_code),
                              std::string_view(selection.office_prefix),
                              std::int64_t{selection.failing_pages_per_site}});
      !b.ok()) {
    return b;
  }
  for (;;) {
    Result<bool> row = pages->Step();
    if (!row) return row.status();
    if (!*row) break;
    const auto found = index_of_record.find(pages->Int(0));
    if (found == index_of_record.end()) continue;  // not possible: same selection
    (*rows)[found->second].record.failing_pages.push_back(detail::ReadFailingPage(*pages, 1));
  }
  return rows;
}

Result<std::vector<RegionCompliance>> ListRegionCompliance(Database& db,
                                                           const ScanSelection& selection) {
  return SelectForScan<RegionCompliance>(db, kRegionSums, selection, [](const Statement& s) {
    RegionCompliance region;
    region.region_code = s.Text(0);
    region.region_name = s.Text(1);
    region.sites = s.Int(2);
    region.sites_failed = s.Int(3);
    region.pages_total = s.Int(4);
    region.pages_failed = s.Int(5);
    return region;
  });
}

Result<std::vector<CodeTally>> ListCodeTallies(Database& db, const ScanSelection& selection) {
  return SelectForScan<CodeTally>(db, kCodeTallies, selection, [](const Statement& s) {
    CodeTally tally;
    tally.code = s.Text(0);
    tally.is_warning = s.Int(1) != 0;
    tally.sites = s.Int(2);
    tally.pages = s.Int(3);
    return tally;
  });
}

Result<std::vector<ScanOverview>> ListScanTrend(Database& db, const ScanSelection& selection,
                                                int count) {
  const bool office = BelowProvince(selection.office_prefix);
  Result<Statement> statement = db.Prepare(office ? kOfficeScanTrend : kScanTrend);
  if (!statement) return statement.status();
  const std::string_view region = selection.region_code;
  const std::int64_t id = selection.scan_id;
  Status bound =
      office ? statement->Bind({std::string_view(selection.office_prefix), id, std::int64_t{count}})
             : statement->Bind({region, region, id, id, id, std::int64_t{count}});
  if (!bound.ok()) return bound;
  Result<std::vector<ScanOverview>> scans = CollectRows(*statement, ReadScanOverview);
  if (!scans) return scans.status();
  return std::vector<ScanOverview>(scans->rbegin(), scans->rend());
}

}  // namespace badgewatch::registry
