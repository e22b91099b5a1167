// Turns a SQLite result code into a registry Status, with the connection's
// message. Call on the thread that owns the connection, right after the call
// that failed.
#ifndef BADGEWATCH_REGISTRY_DETAIL_SQLITE_ERROR_H_
#define BADGEWATCH_REGISTRY_DETAIL_SQLITE_ERROR_H_

#include <string_view>

#include "foundation/status.h"

struct sqlite3;

namespace badgewatch::registry::detail {

// kAlreadyExists for UNIQUE/PRIMARY KEY violations, kFailedPrecondition for
// other constraints (CHECK, FOREIGN KEY, NOT NULL, RAISE in a trigger),
// kStorage for everything else. `what` names the operation ("step", "open").
[[nodiscard]] Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

}  // namespace badgewatch::registry::detail

#endif  // BADGEWATCH_REGISTRY_DETAIL_SQLITE_ERROR_H_
