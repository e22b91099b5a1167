// Where an office (机构编制部门) receives the paper materials of 网站开办审核:
// its postal address and telephone, kept by the office itself (or an office
// above it, or CONAC) and printed on the letter the unit addresses to it and
// on the unit's application page. Writer thread for the update; any
// connection for the read.
//
// Example:
//   Result<std::vector<FieldError>> errors = UpdateOfficeContact(
//       registry, actor, "330102", {"杭州市上城区某路 1 号", "0571-87000000"});
//   Result<std::optional<OfficeContact>> contact = LoadOfficeContact(db, "330102");
#ifndef BADGEWATCH_REGISTRY_OFFICE_CONTACTS_H_
#define BADGEWATCH_REGISTRY_OFFICE_CONTACTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/database.h"
#include "registry/field_validation.h"
#include "registry/registry.h"

namespace badgewatch::registry {

inline constexpr std::size_t kMaxOfficeAddressChars = 200;

struct OfficeContact {
  std::string address;  // required
  std::string phone;    // optional: digits, spaces, '-', '+', '(' and ')'
};

// Checks the fields ("address", "phone": every error, by field); when right
// stores them for the office of division `office_code` and audits
// "office.contact" with the old and new values. Returns the errors (empty:
// stored). kPermissionDenied unless `actor` is CONAC or a reviewer whose
// office covers `office_code`; kNotFound for an unknown division.
[[nodiscard]] Result<std::vector<FieldError>> UpdateOfficeContact(Registry& registry,
                                                                  const Actor& actor,
                                                                  std::string_view office_code,
                                                                  const OfficeContact& contact);

// The contact of the office of `office_code`; nullopt when it set none.
[[nodiscard]] Result<std::optional<OfficeContact>> LoadOfficeContact(Database& db,
                                                                     std::string_view office_code);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_OFFICE_CONTACTS_H_
