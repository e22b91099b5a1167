#include "registry/compliance_records.h"

#include <fmt/format.h>

#include <utility>

#include "registry/detail/record_rows.h"
#include "registry/detail/stored_codes.h"
#include "registry/registry_errors.h"
#include "registry/site_change.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kInsertScan[] =
    "INSERT INTO scans (kind, started_at, requested_by) VALUES (?, ?, ?)";
constexpr char kUpdateSitesDue[] = "UPDATE scans SET sites_due = ? WHERE id = ?";
constexpr char kSelectScan[] = "SELECT finished_at FROM scans WHERE id = ?";
constexpr char kFinishScan[] =
    "UPDATE scans SET finished_at = ? WHERE id = ? AND finished_at IS NULL";
constexpr char kInsertRecord[] =
    "INSERT INTO compliance_records (scan_id, site_id, verdict, problems, warnings, "
    "pages_total, pages_failed, recorded_at, resolved_addresses, home_title, crawl_started_at, "
    "crawl_finished_at, unreachable, change, dead_links) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// What the site's previous record is compared by (the newest of another scan).
constexpr char kSelectPreviousStanding[] =
    "SELECT verdict, unreachable FROM compliance_records WHERE site_id = ? AND scan_id <> ? "
    "ORDER BY id DESC LIMIT 1";
// Adds one record to its scan's summary row for the region of the site's unit:
// ?1 scan, ?2 site, ?3 verdict, ?4 unreachable, ?5 pages total, ?6 pages
// failed, ?7 change.
constexpr char kAddToSummary[] =
    "INSERT INTO scan_summaries (scan_id, region_code, sites_recorded, passed, failed, "
    "unreachable, pages_total, pages_failed, first_records, still_passing, fixed, newly_failing, "
    "still_failing, newly_unreachable) "
    "SELECT ?1, u.region_code, 1, ?3 = 'pass', ?3 = 'fail' AND NOT ?4, ?4, ?5, ?6, "
    "?7 = 'first-record', ?7 = 'still-passing', ?7 = 'fixed', ?7 = 'newly-failing', "
    "?7 = 'still-failing', ?7 = 'newly-unreachable' "
    "FROM sites AS s JOIN units AS u ON u.id = s.unit_id WHERE s.id = ?2 "
    "ON CONFLICT (scan_id, region_code) DO UPDATE SET "
    "sites_recorded = sites_recorded + 1, passed = passed + excluded.passed, "
    "failed = failed + excluded.failed, unreachable = unreachable + excluded.unreachable, "
    "pages_total = pages_total + excluded.pages_total, "
    "pages_failed = pages_failed + excluded.pages_failed, "
    "first_records = first_records + excluded.first_records, "
    "still_passing = still_passing + excluded.still_passing, fixed = fixed + excluded.fixed, "
    "newly_failing = newly_failing + excluded.newly_failing, "
    "still_failing = still_failing + excluded.still_failing, "
    "newly_unreachable = newly_unreachable + excluded.newly_unreachable";
constexpr char kInsertPage[] =
    "INSERT INTO failing_pages (record_id, url, http_status, problems, detail) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr char kSelectPrevious[] =
    "SELECT id, scan_id, recorded_at, verdict, problems, warnings, pages_total, pages_failed, "
    "resolved_addresses, home_title, crawl_started_at, crawl_finished_at, dead_links "
    "FROM compliance_records WHERE site_id = ? AND scan_id <> ? ORDER BY id DESC LIMIT 1";
constexpr char kSelectPages[] =
    "SELECT url, http_status, problems, detail FROM failing_pages WHERE record_id = ? "
    "ORDER BY id";

Status CheckRecord(const SiteRecord& r) {
  if (r.verdict != "pass" && r.verdict != "fail") {
    return Error<errors::kVerdictUnknown>(r.verdict);
  }
  if (r.dead_links < 0) {
    return Error<errors::kDeadLinksNegative>(r.dead_links);
  }
  if (r.pages_total < 0 || r.pages_failed < 0 || r.pages_failed > r.pages_total) {
    return Error<errors::kPageCountsImpossible>(r.pages_failed, r.pages_total);
  }
  return Status::Ok();
}

}  // namespace

Result<std::int64_t> StartScan(Registry& registry, ScanKind kind,
                               const std::optional<std::string>& requested_by) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> insert = db.Prepare(kInsertScan);
  if (!insert) return insert.status();
  const std::string_view name = kind == ScanKind::kNightly ? "nightly" : "self-check";
  if (Status b = insert->Bind({name, registry.Now(), OptionalText(requested_by)}); !b.ok()) {
    return b;
  }
  if (Status s = insert->Run(); !s.ok()) return s;
  const std::int64_t id = db.LastInsertId();
  if (Status s = registry.Audit({requested_by.value_or("system"), "scan.start",
                                 fmt::format("scan:{}", id), std::string(name)});
      !s.ok()) {
    return s;
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  return id;
}

namespace {

// kFailedPrecondition unless `scan_id` exists and is not finished. The
// statement ends here: one left mid-row at COMMIT keeps SQLite from
// checkpointing the WAL, which would then grow for the whole scan.
Status CheckScanOpen(Database& db, std::int64_t scan_id) {
  Result<Statement> scan = db.Prepare(kSelectScan);
  if (!scan) return scan.status();
  if (Status b = scan->Bind({scan_id}); !b.ok()) return b;
  Result<bool> found = scan->Step();
  if (!found) return found.status();
  if (!*found) return Error<errors::kScanNotOpen>(scan_id);
  if (!scan->IsNull(0)) {
    return Error<errors::kScanFinished>(scan_id);
  }
  return Status::Ok();
}

// How the site's previous record stood; nullopt when it has none.
Result<std::optional<RecordStanding>> PreviousStanding(Database& db, std::int64_t site_id,
                                                       std::int64_t scan_id) {
  Result<Statement> select = db.Prepare(kSelectPreviousStanding);
  if (!select) return select.status();
  if (Status b = select->Bind({site_id, scan_id}); !b.ok()) return b;
  return FirstRow(*select, [](const Statement& s) {
    return RecordStanding{s.Text(0) == "pass", s.Int(1) != 0};
  });
}

// Adds the record to its scan's summary; inside the caller's transaction.
Status AddToSummary(Database& db, std::int64_t scan_id, const SiteRecord& r, bool unreachable,
                    SiteChange change) {
  Result<Statement> add = db.Prepare(kAddToSummary);
  if (!add) return add.status();
  if (Status b = add->Bind({scan_id, r.site_id, r.verdict, std::int64_t{unreachable},
                            std::int64_t{r.pages_total}, std::int64_t{r.pages_failed},
                            SiteChangeName(change)});
      !b.ok()) {
    return b;
  }
  return add->Run();
}

// The record, how it stands, its failing pages and its place in the scan's
// summary; inside the caller's transaction. Returns the record's change.
Result<SiteChange> InsertRecord(Registry& registry, std::int64_t scan_id, const SiteRecord& r) {
  Database& db = registry.writer();
  Result<std::optional<RecordStanding>> previous = PreviousStanding(db, r.site_id, scan_id);
  if (!previous) return previous.status();
  const RecordStanding standing = StandingOf(r);
  const SiteChange change = CompareStandings(*previous, standing);
  Result<Statement> insert = db.Prepare(kInsertRecord);
  if (!insert) return insert.status();
  Status bound = insert->Bind(
      {scan_id, r.site_id, r.verdict, detail::JoinStoredCodes(r.problems),
       detail::JoinStoredCodes(r.warnings), std::int64_t{r.pages_total},
       std::int64_t{r.pages_failed}, registry.Now(), detail::JoinStoredCodes(r.resolved_addresses),
       OptionalText(r.home_title), r.crawl_started_at, r.crawl_finished_at,
       std::int64_t{standing.unreachable}, SiteChangeName(change), std::int64_t{r.dead_links}});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) {
      return Error<errors::kRecordDuplicate>(scan_id, r.site_id);
    }
    return ErrorCausedBy<errors::kRecordNotWritten>(s, r.site_id, s);
  }
  const std::int64_t record_id = db.LastInsertId();
  Result<Statement> page = db.Prepare(kInsertPage);
  if (!page) return page.status();
  for (const FailingPage& p : r.failing_pages) {
    SqlValue http = nullptr;
    if (p.http_status) http = std::int64_t{*p.http_status};
    if (Status b =
            page->Bind({record_id, p.url, http, detail::JoinStoredCodes(p.problems), p.detail});
        !b.ok()) {
      return b;
    }
    if (Status s = page->Run(); !s.ok()) return s;
  }
  if (Status s = AddToSummary(db, scan_id, r, standing.unreachable, change); !s.ok()) return s;
  return change;
}

}  // namespace

Status WriteSiteRecord(Registry& registry, std::int64_t scan_id, const SiteRecord& r) {
  return WriteSiteRecords(registry, scan_id, std::span<const SiteRecord>(&r, 1));
}

Status WriteSiteRecords(Registry& registry, std::int64_t scan_id,
                        std::span<const SiteRecord> records, std::vector<SiteChange>* changes) {
  for (const SiteRecord& r : records) {
    if (Status s = CheckRecord(r); !s.ok()) return s;
  }
  Result<Transaction> txn = Transaction::Begin(registry.writer());
  if (!txn) return txn.status();
  if (Status s = CheckScanOpen(registry.writer(), scan_id); !s.ok()) return s;
  std::vector<SiteChange> written;
  for (const SiteRecord& r : records) {
    Result<SiteChange> change = InsertRecord(registry, scan_id, r);
    if (!change) return change.status();
    written.push_back(*change);
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  if (changes != nullptr) *changes = std::move(written);
  return Status::Ok();
}

Status RecordSitesDue(Registry& registry, std::int64_t scan_id, std::int64_t sites_due) {
  Database& db = registry.writer();
  Result<Statement> update = db.Prepare(kUpdateSitesDue);
  if (!update) return update.status();
  if (Status b = update->Bind({sites_due, scan_id}); !b.ok()) return b;
  if (Status s = update->Run(); !s.ok()) return s;
  if (db.Changes() == 0) {
    return Error<errors::kScanNotOpen>(scan_id);
  }
  return Status::Ok();
}

Status FinishScan(Registry& registry, std::int64_t scan_id) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> update = db.Prepare(kFinishScan);
  if (!update) return update.status();
  if (Status b = update->Bind({registry.Now(), scan_id}); !b.ok()) return b;
  if (Status s = update->Run(); !s.ok()) return s;
  if (db.Changes() == 0) {
    return Error<errors::kScanNotOpen>(scan_id);
  }
  if (Status s = registry.Audit({"system", "scan.finish", fmt::format("scan:{}", scan_id), ""});
      !s.ok()) {
    return s;
  }
  return txn->Commit();
}

Result<std::optional<StoredRecord>> PreviousSiteRecord(Database& db, std::int64_t site_id,
                                                       std::int64_t excluding_scan_id) {
  Result<Statement> select = db.Prepare(kSelectPrevious);
  if (!select) return select.status();
  if (Status b = select->Bind({site_id, excluding_scan_id}); !b.ok()) return b;
  Result<bool> row = select->Step();
  if (!row) return row.status();
  if (!*row) return std::optional<StoredRecord>();
  StoredRecord stored;
  stored.id = select->Int(0);
  stored.scan_id = select->Int(1);
  stored.recorded_at = select->Int(2);
  stored.record.site_id = site_id;
  detail::ReadRecordColumns(*select, 3, stored.record);
  stored.record.resolved_addresses = detail::SplitStoredCodes(select->Text(8));
  stored.record.home_title = select->OptText(9);
  stored.record.crawl_started_at = select->Int(10);
  stored.record.crawl_finished_at = select->Int(11);
  stored.record.dead_links = static_cast<int>(select->Int(12));
  Result<Statement> pages = db.Prepare(kSelectPages);
  if (!pages) return pages.status();
  if (Status b = pages->Bind({stored.id}); !b.ok()) return b;
  Result<std::vector<FailingPage>> failing =
      CollectRows(*pages, [](const Statement& s) { return detail::ReadFailingPage(s, 0); });
  if (!failing) return failing.status();
  stored.record.failing_pages = std::move(failing).value();
  return std::optional<StoredRecord>(std::move(stored));
}

}  // namespace badgewatch::registry
