// What a scan interrupted by a crash or kill has already done, so `badgewatch
// scan --resume` continues it: the newest unfinished nightly scan, and the
// sites that already have their record in a scan. Any connection.
#ifndef BADGEWATCH_REGISTRY_SCAN_RESUMPTION_H_
#define BADGEWATCH_REGISTRY_SCAN_RESUMPTION_H_

#include <cstdint>
#include <optional>
#include <set>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

// The id of the newest nightly scan without finished_at; nullopt when every
// nightly scan finished.
[[nodiscard]] Result<std::optional<std::int64_t>> FindUnfinishedNightlyScan(Database& db);

// Ids of the sites that have a compliance record in `scan_id`.
[[nodiscard]] Result<std::set<std::int64_t>> SitesRecordedInScan(Database& db,
                                                                 std::int64_t scan_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_SCAN_RESUMPTION_H_
