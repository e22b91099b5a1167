// An account's care of itself and staff's care of units' accounts: a unit
// corrects its contact details (audited, the old value kept), a password is
// changed or reset by an SMS code to the unit's registered mobile, staff give
// a unit a new password sent to that mobile. Passwords are hashed by the
// caller (HashPassword, slow) before the writer is taken. Writer thread for
// the writes; any connection for the reads.
#ifndef BADGEWATCH_REGISTRY_ACCOUNT_CARE_H_
#define BADGEWATCH_REGISTRY_ACCOUNT_CARE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/field_validation.h"
#include "registry/passwords.h"
#include "registry/registry.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {

// What a unit may correct itself (invoices are mailed to the address, notices
// go to the mobile and the e-mail).
struct UnitContact {
  std::string address;
  std::string handler_name;
  std::string mobile;
  std::string email;
};

// Checks the four fields as registration does (every error, named by field:
// "address", "handler_name", "mobile", "email"); when all are right stores
// them and audits one "unit.update" entry by `actor` naming each changed
// field with its old and new value. Returns the errors (empty: stored).
// kPermissionDenied unless `actor` is the unit's own account; kNotFound for
// no such unit.
[[nodiscard]] Result<std::vector<FieldError>> UpdateUnitContact(Registry& registry,
                                                                const Actor& actor,
                                                                std::int64_t unit_id,
                                                                const UnitContact& contact);

// The account's login; kNotFound when there is none.
[[nodiscard]] Result<std::string> LoginOfAccount(Database& db, std::int64_t account_id);

// OK when `password` is the account's current one; kPermissionDenied
// "当前密码不正确" otherwise (the KDF runs either way).
[[nodiscard]] Status CheckCurrentPassword(Database& db, std::int64_t account_id,
                                          std::string_view password);

// The unit account `login` when its unit's registered mobile is `mobile`;
// nullopt for an unknown login, a staff account or another mobile alike, so
// that a caller can answer all of them the same way.
[[nodiscard]] Result<std::optional<std::int64_t>> FindResettableAccount(Database& db,
                                                                        std::string_view login,
                                                                        std::string_view mobile);

// The one refusal of ResetPasswordBySms, whatever went wrong.
inline constexpr std::string_view kResetRefusedMessage = errors::kResetRefused.chinese;

// Sets the password of the unit account `login` to `record` when `code` is
// the newest SMS code sent to it and not yet used (a wrong code counts one
// of its attempts); ends its web sessions; marks the code used; audits
// "account.password-reset". kInvalidArgument kResetRefusedMessage for an
// unknown login, no code, a wrong, expired or used code alike.
[[nodiscard]] Status ResetPasswordBySms(Registry& registry, std::string_view login,
                                        std::string_view code, std::string_view record);

// Staff (`actor`: CONAC or a regional reviewer) give the unit's account a new
// random password, hashed at `cost`, and send it to the unit's registered
// mobile and e-mail; its sessions end; audited "account.password-reset-by-staff".
// Returns the masked mobile it went to ("138****8000"). kPermissionDenied for
// a unit actor or a reviewer not of the office at the unit's level
// (CheckScope); kNotFound for no such unit.
[[nodiscard]] Result<std::string> ResetUnitPasswordByStaff(Registry& registry, const Actor& actor,
                                                           std::int64_t unit_id,
                                                           PasswordCost cost = {});

// "138****8000": a mobile as a notice may show it to someone else.
[[nodiscard]] std::string MaskedMobile(std::string_view mobile);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_ACCOUNT_CARE_H_
