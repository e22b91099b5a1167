// The registration form (附件一) checked as a whole: every field of the unit,
// the login (its form, and whether it is taken) and the password (the policy),
// each problem named by its field, so that a form shows them all at once.
// Any connection (reads only).
#ifndef BADGEWATCH_REGISTRY_REGISTRATION_FORM_H_
#define BADGEWATCH_REGISTRY_REGISTRATION_FORM_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"
#include "registry/field_validation.h"
#include "registry/units.h"

namespace badgewatch::registry {

struct RegistrationCheck {
  std::vector<FieldError> errors;  // empty: the form can be registered
  // How many of `errors` say a name or login is taken already (the rest are
  // the form's own faults): the API answers 409 when they all do.
  std::size_t taken = 0;
};

// CheckUnitFields, then "name" when the region has a unit of that name
// already, "login" for a malformed or taken login, "password" for one the
// policy refuses (CheckPasswordPolicy). RegisterUnit may still refuse a
// login taken meanwhile.
[[nodiscard]] Result<RegistrationCheck> CheckRegistrationForm(Database& db,
                                                              const UnitFields& fields,
                                                              std::string_view login,
                                                              std::string_view password);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_REGISTRATION_FORM_H_
