// The reference lists shipped in data/ (regions.csv, system_categories.csv,
// administrative_divisions.csv),
// compiled in, and their insertion into a new database. Writer thread only.
#ifndef BADGEWATCH_REGISTRY_DETAIL_REFERENCE_LISTS_H_
#define BADGEWATCH_REGISTRY_DETAIL_REFERENCE_LISTS_H_

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry::detail {

// Inserts every region and system category (INSERT OR IGNORE), inside the
// caller's transaction.
[[nodiscard]] Status SeedReferenceLists(Database& db);

// Inserts every administrative division of data/administrative_divisions.csv
// (INSERT OR IGNORE), inside the caller's transaction.
[[nodiscard]] Status SeedDivisions(Database& db);

}  // namespace badgewatch::registry::detail

#endif  // BADGEWATCH_REGISTRY_DETAIL_REFERENCE_LISTS_H_
