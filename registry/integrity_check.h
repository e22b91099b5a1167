// Whether a registry file is sound: SQLite's quick_check of every page (a
// scan of the whole file, for start-up) and a probe that reads the file
// itself rather than the connection's page cache (cheap, for each health
// check). Call on the thread that owns the connection.
//
// Example:
//   if (Status s = QuickCheck(registry->writer()); !s.ok()) return Refuse(s.message());
#ifndef BADGEWATCH_REGISTRY_INTEGRITY_CHECK_H_
#define BADGEWATCH_REGISTRY_INTEGRITY_CHECK_H_

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

// PRAGMA quick_check: Ok when every b-tree page of the file is well formed.
// kStorage "'FILE' is damaged: <SQLite's first finding> ..." otherwise, or
// when the check itself cannot read the file.
[[nodiscard]] Status QuickCheck(Database& db);

// Drops the connection's cached pages and reads the schema again from the
// file (and its write-ahead log): kStorage with SQLite's message when that
// read fails (the file truncated, overwritten, gone bad on disk).
[[nodiscard]] Status ProbeFile(Database& db);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_INTEGRITY_CHECK_H_
