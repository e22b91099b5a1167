#include "registry/detail/sqlite_error.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "registry/registry_errors.h"

namespace badgewatch::registry::detail {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const std::string text = fmt::format("sqlite {}: {} ({})", what, message, sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
      return Error<errors::kSqliteDuplicate>(text);
    }
    return Error<errors::kSqliteConstraint>(text);
  }
  return Error<errors::kSqliteFailed>(text);
}

}  // namespace badgewatch::registry::detail
