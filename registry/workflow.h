// The workflows as state machines: one table of legal transitions (workflow,
// from-state, action, role, to-state) that every step is checked against, and
// the refusal reason for anything else. Pure data, any thread.
#ifndef BADGEWATCH_REGISTRY_WORKFLOW_H_
#define BADGEWATCH_REGISTRY_WORKFLOW_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/units.h"

namespace badgewatch::registry {

enum class Workflow {
  kSiteOpening,  // 网站开办审核/资格复核 (党政机关)
  kBadge,        // 标识申请 (事业单位, 社会组织)
  kDomain,       // 域名注册
};

enum class WorkflowAction {
  kSubmit,             // the unit submits a new application (from state "")
  kResubmit,           // the unit edits a rejected one and submits again
  kRegionalPass,       // the regional office passes its review
  kRegionalReject,     // ... or rejects, with a reason
  kMaterialsReceived,  // the regional office holds the sealed paper materials
  kMaterialsReject,    // ... or finds them incomplete or wrong: rejected, with a reason
  kIssueBadge,         // CONAC issues the badge (site opening)
  kConacPass,          // CONAC passes its review (badge: issues the badge)
  kConacReject,        // ... or rejects, with a reason
  kRegister,           // the fee is paid from the balance: the domain is registered
  kWithdraw,           // the unit withdraws its application before the badge is issued
  kExpire,             // the system: a registered domain is past its expiry
  kLapse,              // the system: an expired domain is past its grace period
  kRenew,              // a renewal paid from the balance brings an expired domain back
};

// One step taken on an application or a domain, as review_steps keeps it.
struct ReviewStep {
  std::string action;
  std::string from_state;
  std::string to_state;
  std::int64_t actor_account_id = 0;  // 0: the system
  std::string reason;
  std::int64_t decided_at = 0;
};

struct Transition {
  Workflow workflow;
  std::string_view from;  // "" for the first submission
  WorkflowAction action;
  Role role;
  std::string_view to;
  bool needs_reason;
};

// "site-opening", "badge", "domain".
[[nodiscard]] std::string_view WorkflowName(Workflow workflow);
// "submit", "regional-pass", ...
[[nodiscard]] std::string_view ActionName(WorkflowAction action);
[[nodiscard]] std::optional<WorkflowAction> ParseAction(std::string_view text);

// Every legal transition.
[[nodiscard]] std::span<const Transition> Transitions();

// The transition `action` makes from `from` for `role`, or the refusal:
// kFailedPrecondition when the action is not possible from that state (the
// message names the states it is possible from), kPermissionDenied when
// another role performs it.
[[nodiscard]] Result<Transition> FindTransition(Workflow workflow, std::string_view from,
                                                WorkflowAction action, Role role);

// The shortest legal path from a new subject ("") to `state`, first
// submission included; empty when `state` is not a state of `workflow`.
[[nodiscard]] std::vector<Transition> LegalPathTo(Workflow workflow, std::string_view state);

// Whether `actor` may act on a subject belonging to `unit`: a unit account
// only on its own unit, a regional reviewer only when its office is the one
// at the unit's own level (the unit's division: higher offices only look),
// CONAC anywhere. kPermissionDenied with the reason.
[[nodiscard]] Status CheckScope(const Actor& actor, const Unit& unit);

// The actor of the steps nobody takes by hand (a domain's expiry): role kConac
// with no account; the audit log names it "system".
[[nodiscard]] Actor SystemActor();

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_WORKFLOW_H_
