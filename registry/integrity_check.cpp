#include "registry/integrity_check.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <string>

#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

constexpr char kQuickCheck[] = "PRAGMA quick_check(1)";
constexpr char kReadSchemaRoots[] =
    "SELECT count(*), coalesce(max(rootpage), 0) FROM sqlite_schema";

Status Damaged(const Database& db, std::string_view finding) {
  return Error<errors::kRegistryDamaged>(db.path(), finding);
}

}  // namespace

Status QuickCheck(Database& db) {
  Result<Statement> check = db.Prepare(kQuickCheck);
  if (!check) return Damaged(db, check.status().message());
  Result<bool> row = check->Step();
  if (!row) return Damaged(db, row.status().message());
  if (!*row) return Damaged(db, "quick_check gave no answer");
  const std::string finding = check->Text(0);
  if (finding != "ok") return Damaged(db, finding);
  return Status::Ok();
}

Status ProbeFile(Database& db) {
  // Without this the read below could be answered from pages cached before
  // the file went bad.
  if (const int rc = sqlite3_db_release_memory(db.handle()); rc != SQLITE_OK) {
    return Error<errors::kPageCacheRelease>(sqlite3_errstr(rc));
  }
  Result<Statement> probe = db.Prepare(kReadSchemaRoots);
  if (!probe) return probe.status();
  Result<bool> row = probe->Step();
  if (!row) return row.status();
  return Status::Ok();
}

}  // namespace badgewatch::registry
