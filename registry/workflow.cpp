#include "registry/workflow.h"

#include <fmt/format.h>

#include <array>
#include <string>

#include "registry/divisions.h"
#include "registry/registry_errors.h"
#include "registry/workflow_labels.h"

namespace badgewatch::registry {
namespace {

using enum WorkflowAction;
constexpr Workflow kOpening = Workflow::kSiteOpening;
constexpr Workflow kBadgeApp = Workflow::kBadge;
constexpr Workflow kDomainReg = Workflow::kDomain;

constexpr std::array kTransitions = {
    // Site opening review / recheck: the initial review (初审), the paper
    // materials at the regional office, then CONAC issues the badge — or
    // refuses to, with a reason. The unit may withdraw until the badge is issued.
    Transition{kOpening, "", kSubmit, Role::kUnit, "submitted", false},
    Transition{kOpening, "rejected", kResubmit, Role::kUnit, "submitted", false},
    Transition{kOpening, "submitted", kRegionalPass, Role::kRegional, "initial-passed", false},
    Transition{kOpening, "submitted", kRegionalReject, Role::kRegional, "rejected", true},
    Transition{kOpening, "initial-passed", kMaterialsReceived, Role::kRegional,
               "materials-received", false},
    Transition{kOpening, "initial-passed", kMaterialsReject, Role::kRegional, "rejected", true},
    Transition{kOpening, "materials-received", kMaterialsReject, Role::kRegional, "rejected", true},
    Transition{kOpening, "materials-received", kIssueBadge, Role::kConac, "badge-issued", false},
    Transition{kOpening, "materials-received", kConacReject, Role::kConac, "rejected", true},
    Transition{kOpening, "submitted", kWithdraw, Role::kUnit, "withdrawn", false},
    Transition{kOpening, "rejected", kWithdraw, Role::kUnit, "withdrawn", false},
    Transition{kOpening, "initial-passed", kWithdraw, Role::kUnit, "withdrawn", false},
    Transition{kOpening, "materials-received", kWithdraw, Role::kUnit, "withdrawn", false},
    // Badge application: regional review, then CONAC review, which issues the badge.
    Transition{kBadgeApp, "", kSubmit, Role::kUnit, "submitted", false},
    Transition{kBadgeApp, "rejected", kResubmit, Role::kUnit, "submitted", false},
    Transition{kBadgeApp, "submitted", kRegionalPass, Role::kRegional, "regional-passed", false},
    Transition{kBadgeApp, "submitted", kRegionalReject, Role::kRegional, "rejected", true},
    Transition{kBadgeApp, "regional-passed", kConacPass, Role::kConac, "badge-issued", false},
    Transition{kBadgeApp, "regional-passed", kConacReject, Role::kConac, "rejected", true},
    Transition{kBadgeApp, "submitted", kWithdraw, Role::kUnit, "withdrawn", false},
    Transition{kBadgeApp, "rejected", kWithdraw, Role::kUnit, "withdrawn", false},
    Transition{kBadgeApp, "regional-passed", kWithdraw, Role::kUnit, "withdrawn", false},
    // Domain registration: regional review, CONAC review, then the fee registers it.
    Transition{kDomainReg, "", kSubmit, Role::kUnit, "submitted", false},
    Transition{kDomainReg, "submitted", kRegionalPass, Role::kRegional, "regional-passed", false},
    Transition{kDomainReg, "submitted", kRegionalReject, Role::kRegional, "rejected", true},
    Transition{kDomainReg, "regional-passed", kConacPass, Role::kConac, "conac-passed", false},
    Transition{kDomainReg, "regional-passed", kConacReject, Role::kConac, "rejected", true},
    Transition{kDomainReg, "conac-passed", kRegister, Role::kConac, "registered", false},
    Transition{kDomainReg, "rejected", kResubmit, Role::kUnit, "submitted", false},
    // Expiry, by the system: renewal still works in the grace period.
    Transition{kDomainReg, "registered", kExpire, Role::kConac, "expired", false},
    Transition{kDomainReg, "expired", kRenew, Role::kConac, "registered", false},
    Transition{kDomainReg, "expired", kLapse, Role::kConac, "lapsed", false},
};

constexpr std::array kActionNames = {
    std::pair{kSubmit, std::string_view("submit")},
    std::pair{kResubmit, std::string_view("resubmit")},
    std::pair{kRegionalPass, std::string_view("regional-pass")},
    std::pair{kRegionalReject, std::string_view("regional-reject")},
    std::pair{kMaterialsReceived, std::string_view("materials-received")},
    std::pair{kMaterialsReject, std::string_view("materials-reject")},
    std::pair{kIssueBadge, std::string_view("issue-badge")},
    std::pair{kConacPass, std::string_view("conac-pass")},
    std::pair{kConacReject, std::string_view("conac-reject")},
    std::pair{kRegister, std::string_view("register")},
    std::pair{kWithdraw, std::string_view("withdraw")},
    std::pair{kExpire, std::string_view("expire")},
    std::pair{kLapse, std::string_view("lapse")},
    std::pair{kRenew, std::string_view("renew")},
};

}  // namespace

std::string_view WorkflowName(Workflow workflow) {
  switch (workflow) {
    case Workflow::kSiteOpening:
      return "site-opening";
    case Workflow::kBadge:
      return "badge";
    case Workflow::kDomain:
      return "domain";
  }
  return "";
}

std::string_view ActionName(WorkflowAction action) {
  for (const auto& [a, name] : kActionNames) {
    if (a == action) return name;
  }
  return "";
}

std::optional<WorkflowAction> ParseAction(std::string_view text) {
  for (const auto& [a, name] : kActionNames) {
    if (name == text) return a;
  }
  return std::nullopt;
}

std::span<const Transition> Transitions() { return kTransitions; }

Result<Transition> FindTransition(Workflow workflow, std::string_view from, WorkflowAction action,
                                  Role role) {
  // The states the action is possible from, as the error names them.
  std::string possible_chinese;
  std::string possible_english;
  const Transition* from_match = nullptr;
  for (const Transition& t : kTransitions) {
    if (t.workflow != workflow || t.action != action) continue;
    if (t.from == from) {
      from_match = &t;
      break;
    }
    if (!possible_english.empty()) {
      possible_chinese += "、";
      possible_english += ", ";
    }
    possible_chinese += StateInError(t.from).chinese;
    possible_english += StateInError(t.from).english;
  }
  if (from_match == nullptr) {
    if (possible_english.empty()) {
      return Error<errors::kNotAStepOfWorkflow>(
          ActionInError(action),
          Localized{WorkflowWords(workflow).chinese, WorkflowName(workflow)});
    }
    return Error<errors::kStepNotPossible>(ActionInError(action), StateInError(from),
                                           Localized{possible_chinese, possible_english});
  }
  if (from_match->role != role) {
    return Error<errors::kStepIsForAnotherRole>(ActionInError(action), StateInError(from),
                                                RoleInError(from_match->role), RoleInError(role));
  }
  return *from_match;
}

std::vector<Transition> LegalPathTo(Workflow workflow, std::string_view state) {
  // Breadth-first over the table: the first time a state is reached is the shortest way.
  struct Reached {
    std::string_view state;
    std::vector<Transition> path;
  };
  std::vector<Reached> frontier{{"", {}}};
  std::vector<std::string_view> seen{""};
  for (std::size_t i = 0; i < frontier.size(); ++i) {
    const Reached current = frontier[i];
    if (current.state == state && !current.path.empty()) return current.path;
    for (const Transition& t : kTransitions) {
      if (t.workflow != workflow || t.from != current.state) continue;
      bool known = false;
      for (std::string_view s : seen) known = known || s == t.to;
      if (known) continue;
      seen.push_back(t.to);
      std::vector<Transition> path = current.path;
      path.push_back(t);
      frontier.push_back({t.to, std::move(path)});
    }
  }
  return {};
}

Status CheckScope(const Actor& actor, const Unit& unit) {
  if (actor.role == Role::kUnit && actor.unit_id != unit.id) {
    return Error<errors::kActsForAnotherUnit>(actor.account_id, actor.unit_id, unit.id);
  }
  if (actor.role != Role::kRegional) return Status::Ok();
  const std::string& division = unit.fields.division_code;
  if (!OfficeCovers(actor.office_code, division)) {
    if (DivisionLevelOf(actor.office_code) == DivisionLevel::kProvince) {
      return Error<errors::kOutsideReviewerRegion>(actor.region_code, unit.id,
                                                   unit.fields.region_code);
    }
    return Error<errors::kOutsideReviewerOffice>(actor.office_code, unit.id, division);
  }
  if (actor.office_code != division) {
    return Error<errors::kReviewAtUnitsOwnOffice>(unit.id, division);
  }
  return Status::Ok();
}

Actor SystemActor() {
  Actor system;
  system.role = Role::kConac;
  return system;
}

}  // namespace badgewatch::registry
