// Units (申请单位): validation of the registration fields, insertion with a
// stable 8-digit unit number (the digits badge ids carry), and reading one
// back. Writer thread for Insert (inside the caller's transaction); any
// connection for Load.
#ifndef BADGEWATCH_REGISTRY_UNITS_H_
#define BADGEWATCH_REGISTRY_UNITS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"
#include "registry/field_validation.h"
#include "registry/unit_kind.h"

namespace badgewatch::registry {

// The fields of the registration form (附件一) that describe the unit.
struct UnitFields {
  UnitKind kind = UnitKind::kPartyGovernment;
  std::string region_code;      // 2 digits, one of data/regions.csv
  std::string system_category;  // one of data/system_categories.csv
  std::string name;
  std::string address;  // invoices are mailed here
  std::string handler_name;
  std::string mobile;
  std::string email;
  // The unit's 8 badge digits when they are known already (onboarding a unit
  // that holds badges); assigned from 90000000 upwards when absent.
  std::optional<std::string> unit_number;
  // The unit's own division (6 digits, data/administrative_divisions.csv):
  // its province, city or county, the office that reviews it first. Empty on
  // input: the province of `region_code`; given, `region_code` may be empty
  // (it is the division's first two digits).
  std::string division_code;
};

struct Unit {
  std::int64_t id = 0;
  UnitFields fields;
  std::string unit_number;
  std::int64_t balance_fen = 0;
};

// The most characters (code points) of the unit's text fields, as the
// registration form says them.
inline constexpr std::size_t kMaxUnitNameChars = 100;
inline constexpr std::size_t kMaxUnitAddressChars = 200;
inline constexpr std::size_t kMaxHandlerNameChars = 50;
inline constexpr std::size_t kMaxEmailChars = 254;

// `fields` with `division_code` and `region_code` completed from each other
// (see UnitFields); unchanged when neither says anything.
[[nodiscard]] UnitFields WithDivision(UnitFields fields);

// Every problem of the unit's fields (completed by WithDivision), in form
// order, each named by its field: "name", "address", "handler_name",
// "mobile", "email", "region", "system_category", "unit_number". Empty when
// they are all right.
[[nodiscard]] Result<std::vector<FieldError>> CheckUnitFields(Database& db,
                                                              const UnitFields& fields);

// Validates (every field: CheckUnitFields, its messages joined) and inserts; returns the new unit
// id. kAlreadyExists when the region already has a unit of that name — compared by UnitNameKey
// (unit_names.h), so a name that differs only by a zero-width character or a
// space variant is the same name — or the unit number is taken.
[[nodiscard]] Result<std::int64_t> InsertUnit(Database& db, const UnitFields& fields,
                                              std::int64_t now);

// kNotFound when there is no such unit.
[[nodiscard]] Result<Unit> LoadUnit(Database& db, std::int64_t unit_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_UNITS_H_
