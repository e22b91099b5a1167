// The administrative divisions (GB/T 2260: provinces, prefecture-level cities,
// counties; shipped in data/administrative_divisions.csv) a unit registers in,
// each also the office (机构编制部门) of its level, and the system categories
// units choose from. Any connection; pure helpers any thread.
//
// Example:
//   Result<std::string> name = DivisionFullName(db, "330102");  // 浙江省杭州市上城区
#ifndef BADGEWATCH_REGISTRY_DIVISIONS_H_
#define BADGEWATCH_REGISTRY_DIVISIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

enum class DivisionLevel { kProvince, kCity, kCounty };

struct Division {
  std::string code;         // 6 digits
  std::string name;         // 上城区
  std::string parent_code;  // empty for a province
};

// The level a 6-digit code names: "330000" a province, "330100" a city, else a county.
[[nodiscard]] DivisionLevel DivisionLevelOf(std::string_view code);
// "province", "city", "county".
[[nodiscard]] std::string_view DivisionLevelName(DivisionLevel level);

// The two province digits of a division code ("330102" → "33"), the region
// the registry's provincial lists and badge ids carry.
[[nodiscard]] std::string RegionOfDivision(std::string_view code);

// Whether the office of division `office_code` oversees the division
// `division_code`: its own division or one below it (a province every code
// of its two digits, a city every code of its four, a county its own).
[[nodiscard]] bool OfficeCovers(std::string_view office_code, std::string_view division_code);
// The digits every division an office oversees begins with: "33" for
// "330000", "3301" for "330100", "330102" for a county.
[[nodiscard]] std::string OfficeSubtreePrefix(std::string_view office_code);
// Whether a subtree prefix is a city's or a county's ("3301", "330102"), below
// its province: the scans' summaries, kept per province, do not hold its
// counts, which come from the records of its units instead.
[[nodiscard]] bool BelowProvince(std::string_view subtree_prefix);

// Every division, ordered by code.
[[nodiscard]] Result<std::vector<Division>> ListDivisions(Database& db);
// The divisions directly under `parent_code` ("" for the provinces), by code.
[[nodiscard]] Result<std::vector<Division>> ListChildDivisions(Database& db,
                                                               std::string_view parent_code);
// nullopt when no division has this code.
[[nodiscard]] Result<std::optional<Division>> FindDivision(Database& db, std::string_view code);

// The division with its ancestors, province first: "浙江省杭州市上城区".
// kNotFound for an unknown code.
[[nodiscard]] Result<std::string> DivisionFullName(Database& db, std::string_view code);

// The office (机构编制部门) of a division, by its full name:
// "浙江省杭州市上城区机构编制委员会办公室". kNotFound for an unknown code.
[[nodiscard]] Result<std::string> OfficeName(Database& db, std::string_view code);

// The system categories (data/system_categories.csv) by name, 其他 last.
[[nodiscard]] Result<std::vector<std::string>> ListSystemCategories(Database& db);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DIVISIONS_H_
