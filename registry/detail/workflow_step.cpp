#include "registry/detail/workflow_step.h"

#include <fmt/format.h>

#include "registry/field_validation.h"

namespace badgewatch::registry::detail {
namespace {

constexpr char kInsertStep[] =
    "INSERT INTO review_steps (subject_kind, subject_id, action, from_state, to_state, "
    "actor_account_id, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

Status RecordStep(Registry& registry, const Actor& actor, std::string_view subject_kind,
                  std::int64_t subject_id, const Transition& t, std::string_view reason) {
  Result<Statement> insert = registry.writer().Prepare(kInsertStep);
  if (!insert) return insert.status();
  Status bound = insert->Bind({subject_kind, subject_id, ActionName(t.action), t.from, t.to,
                               actor.account_id, reason, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) return s;
  return registry.Audit({ActorLabel(actor),
                         fmt::format("{}.{}", WorkflowName(t.workflow), ActionName(t.action)),
                         fmt::format("{}:{}", subject_kind, subject_id),
                         fmt::format("{} -> {}{}{}", t.from.empty() ? "(new)" : t.from, t.to,
                                     reason.empty() ? "" : ": ", reason)});
}

Status CheckReason(const Transition& t, std::string_view reason) {
  if (!t.needs_reason) return Status::Ok();
  return RequireText(Localized{"驳回理由", "a rejection reason"}, reason);
}

}  // namespace badgewatch::registry::detail
