#include "registry/scan_resumption.h"

namespace badgewatch::registry {
namespace {

constexpr char kSelectUnfinished[] =
    "SELECT id FROM scans WHERE kind = 'nightly' AND finished_at IS NULL ORDER BY id DESC LIMIT 1";
constexpr char kSelectRecordedSites[] =
    "SELECT site_id FROM compliance_records WHERE scan_id = ? ORDER BY site_id";

}  // namespace

Result<std::optional<std::int64_t>> FindUnfinishedNightlyScan(Database& db) {
  Result<Statement> select = db.Prepare(kSelectUnfinished);
  if (!select) return select.status();
  return FirstRow(*select, FirstColumnInt);
}

Result<std::set<std::int64_t>> SitesRecordedInScan(Database& db, std::int64_t scan_id) {
  Result<Statement> select = db.Prepare(kSelectRecordedSites);
  if (!select) return select.status();
  if (Status b = select->Bind({scan_id}); !b.ok()) return b;
  std::set<std::int64_t> sites;
  while (true) {
    Result<bool> row = select->Step();
    if (!row) return row.status();
    if (!*row) break;
    sites.insert(select->Int(0));
  }
  return sites;
}

}  // namespace badgewatch::registry
