#include "registry/detail/workflow_step.h"

#include <fmt/format.h>

#include "registry/field_validation.h"

namespace badgewatch::registry::detail {
namespace {

constexpr char kSelectSteps[] =
    "SELECT action, from_state, to_state, actor_account_id, reason, decided_at "
    "FROM review_steps WHERE subject_kind = ? AND subject_id = ? ORDER BY id";
constexpr char kInsertStep[] =
    "INSERT INTO review_steps (subject_kind, subject_id, action, from_state, to_state, "
    "actor_account_id, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace

Status RecordStep(Registry& registry, const Actor& actor, std::string_view subject_kind,
                  std::int64_t subject_id, const Transition& t, std::string_view reason) {
  Result<Statement> insert = registry.writer().Prepare(kInsertStep);
  if (!insert) return insert.status();
  // The system's steps have no account.
  const SqlValue account = actor.account_id == 0 ? SqlValue(nullptr) : SqlValue(actor.account_id);
  Status bound = insert->Bind({subject_kind, subject_id, ActionName(t.action), t.from, t.to,
                               account, reason, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) return s;
  return registry.Audit({actor.account_id == 0 ? std::string("system") : ActorLabel(actor),
                         fmt::format("{}.{}", WorkflowName(t.workflow), ActionName(t.action)),
                         fmt::format("{}:{}", subject_kind, subject_id),
                         fmt::format("{} -> {}{}{}", t.from.empty() ? "(new)" : t.from, t.to,
                                     reason.empty() ? "" : ": ", reason)});
}

Result<std::vector<ReviewStep>> ReviewHistory(Database& db, std::string_view subject_kind,
                                              std::int64_t subject_id) {
  Result<Statement> s = db.Prepare(kSelectSteps);
  if (!s) return s.status();
  if (Status b = s->Bind({subject_kind, subject_id}); !b.ok()) return b;
  std::vector<ReviewStep> steps;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) return steps;
    steps.push_back(
        {s->Text(0), s->Text(1), s->Text(2), s->OptInt(3).value_or(0), s->Text(4), s->Int(5)});
  }
}

Status CheckReason(const Transition& t, std::string_view reason) {
  if (!t.needs_reason) return Status::Ok();
  return RequireText(Localized{"驳回理由", "a rejection reason"}, reason);
}

}  // namespace badgewatch::registry::detail
