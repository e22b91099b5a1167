#include "registry/compliance_record_queries.h"

#include <utility>

#include "registry/detail/office_scope_sql.h"
#include "registry/detail/record_rows.h"
#include "registry/divisions.h"
#include "registry/site_change.h"

namespace badgewatch::registry {
namespace {

// Compile-time pieces of the queries below (string literals only).
#define BADGEWATCH_RECORD_JOINS                                    \
  "compliance_records AS cr JOIN sites AS s ON s.id = cr.site_id " \
  "JOIN units AS u ON u.id = s.unit_id JOIN regions AS r ON r.code = u.region_code "
// Binds ?1 scan, ?2 unit, ?3 region, ?4 site, ?5 verdict class, ?6 problem,
// ?7 change, ?8 office subtree prefix. Unreachable and change are the record's stored standing
// (registry/site_change.h).
#define BADGEWATCH_RECORD_FILTER                                             \
  "WHERE (?1 = 0 OR cr.scan_id = ?1) AND (?2 = 0 OR s.unit_id = ?2) "        \
  "AND (?3 = '' OR u.region_code = ?3) AND (?4 = 0 OR cr.site_id = ?4) "     \
  "AND (?5 = '' OR (?5 = 'pass' AND cr.verdict = 'pass') "                   \
  "OR (?5 = 'fail' AND cr.verdict = 'fail' AND NOT cr.unreachable) "         \
  "OR (?5 = 'unreachable' AND cr.unreachable)) "                             \
  "AND (?6 = '' OR instr(' ' || cr.problems || ' ', ' ' || ?6 || ' ') > 0) " \
  "AND (?7 = '' OR cr.change = ?7) "                                         \
  "AND (?8 = '' OR " BADGEWATCH_UNIT_IN_OFFICE_SQL("?8") ") "
#define BADGEWATCH_RECORD_SELECT                                                             \
  "SELECT cr.id, cr.scan_id, cr.recorded_at, s.id, s.name, coalesce(s.chinese_domain, ''), " \
  "coalesce(s.english_domain, ''), b.id, u.id, u.name, r.code, r.name, cr.verdict, "         \
  "cr.problems, cr.warnings, cr.pages_total, cr.pages_failed, cr.unreachable, cr.change, "   \
  "p.id, p.scan_id, p.recorded_at, p.verdict, p.problems, p.warnings, p.pages_total, "       \
  "p.pages_failed, cr.dead_links, p.dead_links FROM "
// The badge and the site's record before `cr`.
#define BADGEWATCH_RECORD_EXTRAS                                                            \
  "LEFT JOIN badges AS b ON b.site_id = s.id LEFT JOIN compliance_records AS p ON p.id = (" \
  "SELECT max(id) FROM compliance_records WHERE site_id = cr.site_id AND id < cr.id) "

constexpr char kCountRecords[] =
    "SELECT count(*) FROM " BADGEWATCH_RECORD_JOINS BADGEWATCH_RECORD_FILTER;
// The window is chosen first, so only its rows look up their previous record.
constexpr char kListRecords[] =
    "WITH page AS (SELECT cr.id FROM " BADGEWATCH_RECORD_JOINS BADGEWATCH_RECORD_FILTER
    "ORDER BY cr.id DESC LIMIT ?9 OFFSET ?10) " BADGEWATCH_RECORD_SELECT
    "page JOIN " BADGEWATCH_RECORD_JOINS BADGEWATCH_RECORD_EXTRAS
    "WHERE cr.id = page.id ORDER BY cr.id DESC";
constexpr char kLoadRecord[] =
    BADGEWATCH_RECORD_SELECT BADGEWATCH_RECORD_JOINS BADGEWATCH_RECORD_EXTRAS
    "WHERE cr.id = ? ORDER BY cr.id";
constexpr char kListPages[] =
    "SELECT url, http_status, problems, detail FROM failing_pages WHERE record_id = ? "
    "ORDER BY id LIMIT ? OFFSET ?";
constexpr char kCountPages[] = "SELECT count(*) FROM failing_pages WHERE record_id = ?";
constexpr char kLatestWithRecords[] =
    "SELECT scan_id FROM compliance_records ORDER BY id DESC LIMIT 1";
constexpr char kCountScans[] = "SELECT count(*) FROM scans";
// The scans come from the CTE `chosen`; their counts from scan_summaries,
// every region's (?1 = '') or region ?1's.
#define BADGEWATCH_IN_REGION " FILTER (WHERE ?1 = '' OR cs.region_code = ?1), 0), "
#define BADGEWATCH_SCAN_PROGRESS(chosen)                                                        \
  "WITH chosen AS (" chosen                                                                     \
  ") SELECT c.id, c.kind, c.started_at, c.finished_at, c.sites_due, c.requested_by, "           \
  "coalesce(sum(cs.sites_recorded), 0), "                                                       \
  "coalesce(sum(cs.sites_recorded)" BADGEWATCH_IN_REGION                                        \
  "coalesce(sum(cs.passed)" BADGEWATCH_IN_REGION "coalesce(sum(cs.failed)" BADGEWATCH_IN_REGION \
  "coalesce(sum(cs.unreachable) FILTER (WHERE ?1 = '' OR cs.region_code = ?1), 0) "             \
  "FROM chosen AS c LEFT JOIN scan_summaries AS cs ON cs.scan_id = c.id "                       \
  "GROUP BY c.id ORDER BY c.id DESC"
constexpr char kListScanProgress[] = BADGEWATCH_SCAN_PROGRESS(
    "SELECT id, kind, started_at, finished_at, sites_due, requested_by FROM scans "
    "ORDER BY id DESC LIMIT ?2 OFFSET ?3");
constexpr char kLoadScanProgress[] = BADGEWATCH_SCAN_PROGRESS(
    "SELECT id, kind, started_at, finished_at, sites_due, requested_by FROM scans "
    "WHERE id = ?2 ORDER BY id");
// The same for an office below its province: ?1 is its subtree prefix, and
// its counts come from the records of its units (the summaries are kept per
// province).
#define BADGEWATCH_OFFICE_PROGRESS(chosen)                                                       \
  "WITH chosen AS (" chosen                                                                      \
  ") SELECT c.id, c.kind, c.started_at, c.finished_at, c.sites_due, c.requested_by, "            \
  "(SELECT coalesce(sum(cs.sites_recorded), 0) FROM scan_summaries AS cs "                       \
  "WHERE cs.scan_id = c.id), count(o.scan_id), coalesce(sum(o.verdict = 'pass'), 0), "           \
  "coalesce(sum(o.verdict = 'fail' AND NOT o.unreachable), 0), coalesce(sum(o.unreachable), 0) " \
  "FROM chosen AS c LEFT JOIN (" BADGEWATCH_OFFICE_RECORDS_SQL(                                  \
      "?1") ") AS o ON o.scan_id = c.id GROUP BY c.id ORDER BY c.id DESC"
constexpr char kListOfficeScanProgress[] = BADGEWATCH_OFFICE_PROGRESS(
    "SELECT id, kind, started_at, finished_at, sites_due, requested_by FROM scans "
    "ORDER BY id DESC LIMIT ?2 OFFSET ?3");
constexpr char kLoadOfficeScanProgress[] = BADGEWATCH_OFFICE_PROGRESS(
    "SELECT id, kind, started_at, finished_at, sites_due, requested_by FROM scans "
    "WHERE id = ?2 ORDER BY id");
#undef BADGEWATCH_OFFICE_PROGRESS

#undef BADGEWATCH_SCAN_PROGRESS
#undef BADGEWATCH_RECORD_EXTRAS
#undef BADGEWATCH_RECORD_SELECT
#undef BADGEWATCH_IN_REGION
#undef BADGEWATCH_RECORD_FILTER
#undef BADGEWATCH_RECORD_JOINS

Status BindFilter(Statement& statement, const RecordFilter& f, const RowWindow& window) {
  return statement.Bind({f.scan_id, f.unit_id, std::string_view(f.region_code), f.site_id,
                         std::string_view(f.verdict), std::string_view(f.problem),
                         std::string_view(f.change), std::string_view(f.office_prefix),
                         window.limit, window.offset});
}

ComplianceRecordRow ReadRecordRow(const Statement& s) {
  ComplianceRecordRow row;
  row.id = s.Int(0);
  row.scan_id = s.Int(1);
  row.recorded_at = s.Int(2);
  row.site = detail::ReadSiteComplianceRow(s, 3);
  row.unreachable = s.Int(17) != 0;
  row.change = ParseSiteChange(s.Text(18)).value_or(SiteChange::kFirstRecord);  // CHECKed column
  row.site.record.dead_links = static_cast<int>(s.Int(27));
  if (!s.IsNull(19)) {
    StoredRecord previous;
    previous.id = s.Int(19);
    previous.scan_id = s.Int(20);
    previous.recorded_at = s.Int(21);
    previous.record.site_id = row.site.site_id;
    detail::ReadRecordColumns(s, 22, previous.record);
    previous.record.dead_links = static_cast<int>(s.Int(28));
    row.previous = std::move(previous);
  }
  return row;
}

ScanProgressRow ReadScanProgress(const Statement& s) {
  ScanProgressRow scan;
  scan.id = s.Int(0);
  scan.kind = s.Text(1);
  scan.started_at = s.Int(2);
  scan.finished_at = s.OptInt(3);
  scan.sites_due = s.OptInt(4);
  scan.requested_by = s.OptText(5);
  scan.sites_recorded = s.Int(6);
  scan.recorded_in_region = s.Int(7);
  scan.passed = s.Int(8);
  scan.failed = s.Int(9);
  scan.unreachable = s.Int(10);
  return scan;
}

// The single integer of a prepared, bound count query.
Result<std::int64_t> StepCount(Statement& statement) {
  Result<bool> row = statement.Step();
  if (!row) return row.status();
  return *row ? statement.Int(0) : 0;
}

}  // namespace

Result<std::int64_t> CountComplianceRecords(Database& db, const RecordFilter& filter) {
  Result<Statement> count = db.Prepare(kCountRecords);
  if (!count) return count.status();
  const RecordFilter& f = filter;
  if (Status b = count->Bind({f.scan_id, f.unit_id, std::string_view(f.region_code), f.site_id,
                              std::string_view(f.verdict), std::string_view(f.problem),
                              std::string_view(f.change), std::string_view(f.office_prefix)});
      !b.ok()) {
    return b;
  }
  return StepCount(*count);
}

Result<std::vector<ComplianceRecordRow>> ListComplianceRecords(Database& db,
                                                               const RecordFilter& filter,
                                                               const RowWindow& window) {
  Result<Statement> list = db.Prepare(kListRecords);
  if (!list) return list.status();
  if (Status b = BindFilter(*list, filter, window); !b.ok()) return b;
  return CollectRows(*list, ReadRecordRow);
}

Result<std::optional<ComplianceRecordRow>> LoadComplianceRecord(Database& db,
                                                                std::int64_t record_id) {
  Result<Statement> load = db.Prepare(kLoadRecord);
  if (!load) return load.status();
  if (Status b = load->Bind({record_id}); !b.ok()) return b;
  return FirstRow(*load, ReadRecordRow);
}

Result<std::vector<FailingPage>> ListFailingPages(Database& db, std::int64_t record_id,
                                                  const RowWindow& window) {
  Result<Statement> list = db.Prepare(kListPages);
  if (!list) return list.status();
  if (Status b = list->Bind({record_id, window.limit, window.offset}); !b.ok()) return b;
  return CollectRows(*list, [](const Statement& s) { return detail::ReadFailingPage(s, 0); });
}

Result<std::int64_t> CountFailingPages(Database& db, std::int64_t record_id) {
  Result<Statement> count = db.Prepare(kCountPages);
  if (!count) return count.status();
  if (Status b = count->Bind({record_id}); !b.ok()) return b;
  return StepCount(*count);
}

Result<std::optional<std::int64_t>> LatestScanWithRecords(Database& db) {
  Result<Statement> latest = db.Prepare(kLatestWithRecords);
  if (!latest) return latest.status();
  return FirstRow(*latest, FirstColumnInt);
}

Result<std::vector<ScanProgressRow>> ListScanProgress(Database& db, const std::string& region_code,
                                                      const RowWindow& window,
                                                      std::string_view office_prefix) {
  const bool office = BelowProvince(office_prefix);
  Result<Statement> list = db.Prepare(office ? kListOfficeScanProgress : kListScanProgress);
  if (!list) return list.status();
  if (Status b = list->Bind(
          {office ? office_prefix : std::string_view(region_code), window.limit, window.offset});
      !b.ok()) {
    return b;
  }
  return CollectRows(*list, ReadScanProgress);
}

Result<std::int64_t> CountScans(Database& db) {
  Result<Statement> count = db.Prepare(kCountScans);
  if (!count) return count.status();
  return StepCount(*count);
}

Result<std::optional<ScanProgressRow>> LoadScanProgress(Database& db, std::int64_t scan_id,
                                                        const std::string& region_code,
                                                        std::string_view office_prefix) {
  const bool office = BelowProvince(office_prefix);
  Result<Statement> load = db.Prepare(office ? kLoadOfficeScanProgress : kLoadScanProgress);
  if (!load) return load.status();
  if (Status b = load->Bind({office ? office_prefix : std::string_view(region_code), scan_id});
      !b.ok()) {
    return b;
  }
  return FirstRow(*load, ReadScanProgress);
}

}  // namespace badgewatch::registry
