// Accounts and who acts: a unit's own account (created by registration), a
// regional reviewer bound to one region, CONAC staff; API tokens stored as
// SHA-256 only, revocable. Writer thread for the writes; any connection for reads.
#ifndef BADGEWATCH_REGISTRY_ACCOUNTS_H_
#define BADGEWATCH_REGISTRY_ACCOUNTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/registry.h"
#include "registry/unit_kind.h"
#include "registry/units.h"

namespace badgewatch::registry {

// Whoever performs a workflow step, as the workflows authorise it.
struct Actor {
  std::int64_t account_id = 0;
  Role role = Role::kUnit;
  std::int64_t unit_id = 0;  // role kUnit only
  std::string region_code;   // role kRegional only: its office's province digits
  // Role kRegional only: the division (6 digits) whose office (机构编制部门)
  // the reviewer works for — a province, a city or a county.
  std::string office_code;
  bool disabled = false;  // a disabled account neither logs in nor uses its tokens
};

// "account:7 (regional 33)": how the audit log names the actor (a city or
// county office by its division: "account:9 (regional 330102)").
[[nodiscard]] std::string ActorLabel(const Actor& actor);

// OK for a login of 3-64 of [A-Za-z0-9._-]; kInvalidArgument (Chinese) otherwise.
[[nodiscard]] Status ValidateLogin(std::string_view login);

// Account registration (附件一): validates the unit fields and the login
// (3-64 of [A-Za-z0-9._-]), inserts the unit and its account — with its web
// password when `password_record` (a HashPassword record, passwords.h) is
// given — and audits, all in one transaction. Returns the new unit account.
// With `confirm`, the unit is also told by SMS and e-mail (NotifyUnit) that
// its account exists, in the same transaction (the web and API registration).
[[nodiscard]] Result<Actor> RegisterUnit(Registry& registry, const UnitFields& fields,
                                         const std::string& login,
                                         const std::optional<std::string>& password_record = {},
                                         bool confirm = false);

// A staff account: kRegional needs its office, a division code
// (data/administrative_divisions.csv) or a region code from the list (its
// province's office); kConac none. kInvalidArgument for kUnit (units
// register) or a bad login/region; kNotFound for an unknown division.
[[nodiscard]] Result<Actor> CreateStaffAccount(Registry& registry, const std::string& login,
                                               Role role, const std::string& office);

// The account `account_id` as an actor; kNotFound when absent.
[[nodiscard]] Result<Actor> LoadActor(Database& db, std::int64_t account_id);
// The account with this login; kNotFound when absent.
[[nodiscard]] Result<Actor> LoadActorByLogin(Database& db, std::string_view login);

// One reviewer account as the offices' account lists show it.
struct ReviewerAccount {
  std::int64_t account_id = 0;
  std::string login;
  std::string office_code;
  bool enabled = true;
  std::int64_t created_at = 0;
};

// Whether `by` manages the reviewer accounts of the office `office_code`:
// CONAC every office, a reviewer the offices strictly below its own (never
// its own level or above), a unit none.
[[nodiscard]] bool ManagesOffice(const Actor& by, std::string_view office_code);

// `by` creates a reviewer account for the office `office_code` (a division
// code) with a web password (`password_record`, a HashPassword record),
// audited "account.create" by `by`. kPermissionDenied when `by` does not
// manage that office; kNotFound for an unknown division; kAlreadyExists for
// a login taken; kInvalidArgument for a bad login.
[[nodiscard]] Result<Actor> CreateReviewerAccount(Registry& registry, const Actor& by,
                                                  const std::string& login,
                                                  const std::string& office_code,
                                                  const std::string& password_record);

// The reviewer accounts `by` manages, by office code, then login.
[[nodiscard]] Result<std::vector<ReviewerAccount>> ListReviewerAccounts(Database& db,
                                                                        const Actor& by);

// `by` disables or re-enables the reviewer account `account_id`; disabling
// ends its web sessions. Audited "account.disable" / "account.enable".
// kNotFound when there is no such reviewer account or it lies outside `by`'s
// offices; kPermissionDenied for one of `by`'s own level; kFailedPrecondition
// when it stands so already.
[[nodiscard]] Status SetReviewerEnabled(Registry& registry, const Actor& by,
                                        std::int64_t account_id, bool enabled);

// Creates an API token for `account_id`. Returns the token itself, which is
// shown once: only its SHA-256 is stored.
[[nodiscard]] Result<std::string> CreateApiToken(Registry& registry, std::int64_t account_id,
                                                 const std::string& label);

// The actor a token belongs to; kPermissionDenied for an unknown or revoked token.
[[nodiscard]] Result<Actor> AuthenticateToken(Database& db, std::string_view token);

// One API token as listed for its owner (never the token itself).
struct ApiTokenSummary {
  std::int64_t id = 0;
  std::string label;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
};

// The tokens of `account_id`, oldest first; kNotFound when there is no such account.
[[nodiscard]] Result<std::vector<ApiTokenSummary>> ListApiTokens(Database& db,
                                                                 std::int64_t account_id);

// Revokes the token `token_id` for good, audited ("token.revoke", by "cli").
// kNotFound for no such token, kFailedPrecondition when it is revoked already.
[[nodiscard]] Status RevokeApiToken(Registry& registry, std::int64_t token_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_ACCOUNTS_H_
