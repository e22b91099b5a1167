// Unit names compared as people read them, so that one unit cannot be
// registered twice under names that differ only in invisible or look-alike
// characters. Writer thread, inside the caller's transaction, for the
// lookups that guard an insert.
//
// Example:
//   Result<std::optional<std::int64_t>> same = FindUnitByName(db, "33", "浙江\u00A0大学");
//   if (same && *same) return AlreadyExists(**same);
#ifndef BADGEWATCH_REGISTRY_UNIT_NAMES_H_
#define BADGEWATCH_REGISTRY_UNIT_NAMES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

// The name under Unicode NFKC, zero-width characters (U+200B..U+200D,
// U+2060, U+FEFF) removed and every space separator (U+00A0, U+3000 and the
// other Zs) made U+0020: names with the same key read the same. Bytes that
// are not UTF-8 are compared as they are.
[[nodiscard]] std::string UnitNameKey(std::string_view name);

// The id of the unit of `region_code` whose name has the key of `name`, or
// none. Reads the region's names (an indexed lookup instead while
// IndexUnitNames is in force on `db`).
[[nodiscard]] Result<std::optional<std::int64_t>> FindUnitByName(Database& db,
                                                                 std::string_view region_code,
                                                                 std::string_view name);

// For many lookups and inserts in one transaction (an import): a temporary
// table of every unit's key on this connection, which FindUnitByName reads
// and NoteUnitName extends, until DropUnitNameIndex (or the transaction's
// rollback). Open the transaction first.
[[nodiscard]] Status IndexUnitNames(Database& db);
[[nodiscard]] Status DropUnitNameIndex(Database& db);

// Adds a unit just inserted to the index when it is in force.
[[nodiscard]] Status NoteUnitName(Database& db, std::int64_t unit_id, std::string_view region_code,
                                  std::string_view name);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_UNIT_NAMES_H_
