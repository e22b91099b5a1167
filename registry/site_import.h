// Onboarding in bulk: units and their already-badged sites from one CSV (one
// row a site, its unit's columns repeated), read and written row by row in a
// single transaction (memory does not grow with the file) with a per-row
// error report — any bad row and nothing is imported — and the same format
// exported. Writer thread for Import; any connection for Export.
//
// Columns (header names, any order; unknown columns refused):
//   kind, region, system_category, unit_name, address, handler_name, mobile,
//   email, unit_number, site_name, english_domain, chinese_domain,
//   hosted_on_platform, ips, introduction, badge_id
#ifndef BADGEWATCH_REGISTRY_SITE_IMPORT_H_
#define BADGEWATCH_REGISTRY_SITE_IMPORT_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"
#include "registry/registry.h"

namespace badgewatch::registry {

struct ImportRowError {
  std::size_t line = 0;  // CSV line of the row
  std::string message;
};

// An import reports at most this many bad rows (it counts them all).
inline constexpr std::size_t kMaxReportedErrors = 1000;

struct ImportReport {
  bool committed = false;  // false: invalid_rows > 0, nothing written
  std::size_t rows = 0;
  std::size_t units_created = 0;
  std::size_t sites_created = 0;
  std::size_t invalid_rows = 0;
  std::vector<ImportRowError> errors;  // the first kMaxReportedErrors bad rows, in order
};

// Called after each row is written (inside the open transaction) with the
// number of rows done; for progress display.
using ImportProgress = std::function<void(std::size_t rows_done)>;

// Imports the CSV read from `csv`. Rows naming an existing unit (same region
// and name) add sites to it. A badge id must carry the row's region and unit
// number (when the unit number is empty it is taken from the badge id); the
// site then gets the id's sequence. Returns the report; a non-ok Status, and
// nothing imported, for a file that is not CSV or not UTF-8 or holds a NUL
// byte (kInvalidArgument naming the line), a wrong header, or a storage
// failure.
[[nodiscard]] Result<ImportReport> ImportUnitsAndSites(Registry& registry, std::istream& csv,
                                                       const ImportProgress& progress = {});
// The same from a text in memory.
[[nodiscard]] Result<ImportReport> ImportUnitsAndSites(Registry& registry, std::string_view csv,
                                                       const ImportProgress& progress = {});

// Whether `name` is a column of the import format (the list above).
[[nodiscard]] bool IsImportColumn(std::string_view name);

// Every unit and site in the import format, in unit then site order (a unit
// without sites is one row with empty site columns).
[[nodiscard]] Result<std::string> ExportUnitsAndSites(Database& db);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_SITE_IMPORT_H_
