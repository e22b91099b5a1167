#include "registry/domain_expiry.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "foundation/beijing_time.h"
#include "registry/detail/run_statement.h"
#include "registry/detail/workflow_step.h"
#include "registry/outbox.h"
#include "registry/transaction.h"
#include "registry/units.h"
#include "registry/workflow.h"

namespace badgewatch::registry {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;

// ?1 now, ?2 the end of the window, ?3 the reminder's days.
constexpr char kRemindable[] =
    "SELECT d.id, d.name, d.expires_at, d.unit_id FROM domains AS d "
    "WHERE d.state = 'registered' AND d.expires_at > ? AND d.expires_at <= ? AND NOT EXISTS "
    "(SELECT 1 FROM domain_reminders AS r WHERE r.domain_id = d.id "
    "AND r.expires_at = d.expires_at AND r.days_before = ?) ORDER BY d.id";
constexpr char kExpiredBy[] =
    "SELECT id, name, expires_at, unit_id FROM domains "
    "WHERE state = ? AND expires_at <= ? ORDER BY id";
constexpr char kNoteReminder[] =
    "INSERT OR IGNORE INTO domain_reminders (domain_id, expires_at, days_before, queued_at) "
    "VALUES (?, ?, ?, ?)";
constexpr char kMoveDomain[] = "UPDATE domains SET state = ? WHERE id = ?";

struct ExpiringDomain {
  std::int64_t id;
  std::string name;
  std::int64_t expires_at;
  std::int64_t unit_id;
};

Result<std::vector<ExpiringDomain>> ExpiringRows(Database& db, const char* sql,
                                                 std::initializer_list<SqlValue> values) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind(values); !b.ok()) return b;
  return CollectRows(*s, [](const Statement& row) {
    return ExpiringDomain{row.Int(0), row.Text(1), row.Int(2), row.Int(3)};
  });
}

// Notes every reminder of `d`'s expiry from `days` up as sent: a domain first
// seen inside a window gets one reminder, not one per wider window too.
Status NoteRemindersFrom(Registry& registry, const ExpiringDomain& d, int days) {
  for (int marked : kReminderDays) {
    if (marked < days) continue;
    Status noted = detail::RunStatement(registry.writer(), kNoteReminder,
                                        {d.id, d.expires_at, std::int64_t{marked}, registry.Now()});
    if (!noted.ok()) return noted;
  }
  return Status::Ok();
}

Status TellUnit(Registry& registry, std::int64_t unit_id, const char* subject,
                const std::string& body) {
  Result<Unit> unit = LoadUnit(registry.writer(), unit_id);
  if (!unit) return unit.status();
  return NotifyUnit(registry, *unit, subject, body);
}

// The last day renewal still works for a domain that expires at `expires_at`.
std::string LastRenewalDay(const DomainTerms& terms, std::int64_t expires_at) {
  return foundation::BeijingDate(GraceEndsAt(terms, expires_at) - 1);
}

// Registered domains inside the `days` window that have not had its reminder.
Result<int> RemindBefore(Registry& registry, int days) {
  const std::int64_t now = registry.Now();
  Result<std::vector<ExpiringDomain>> due = ExpiringRows(
      registry.writer(), kRemindable, {now, now + days * kSecondsPerDay, std::int64_t{days}});
  if (!due) return due.status();
  for (const ExpiringDomain& d : *due) {
    if (Status s = NoteRemindersFrom(registry, d, days); !s.ok()) return s;
    const std::int64_t days_left = (d.expires_at - now + kSecondsPerDay - 1) / kSecondsPerDay;
    Status told = TellUnit(registry, d.unit_id, "域名即将到期",
                           fmt::format("您的域名“{}”将于{}到期（{}天后），请及时续费。", d.name,
                                       foundation::BeijingDate(d.expires_at), days_left));
    if (!told.ok()) return told;
    Status audited = registry.Audit({"system", "domain.remind", fmt::format("domain:{}", d.id),
                                     fmt::format("{} days before expiry", days)});
    if (!audited.ok()) return audited;
  }
  return static_cast<int>(due->size());
}

// Moves every domain in `from` whose time (its expiry, plus `after` seconds)
// has come by `action`, and tells its unit what `notice(domain)` says.
template <typename Notice>
Result<int> MoveDue(Registry& registry, std::string_view from, WorkflowAction action,
                    std::int64_t after, Notice notice) {
  Result<Transition> t = FindTransition(Workflow::kDomain, from, action, Role::kConac);
  if (!t) return t.status();
  Result<std::vector<ExpiringDomain>> due =
      ExpiringRows(registry.writer(), kExpiredBy, {from, registry.Now() - after});
  if (!due) return due.status();
  for (const ExpiringDomain& d : *due) {
    if (Status s = NoteRemindersFrom(registry, d, 0); !s.ok()) return s;
    Status moved = detail::RunStatement(registry.writer(), kMoveDomain, {t->to, d.id});
    if (!moved.ok()) return moved;
    Status step = detail::RecordStep(registry, SystemActor(), "domain", d.id, *t,
                                     foundation::BeijingRfc3339(d.expires_at));
    if (!step.ok()) return step;
    if (Status s = TellUnit(registry, d.unit_id, t->to == "expired" ? "域名已到期" : "域名已失效",
                            notice(d));
        !s.ok()) {
      return s;
    }
  }
  return static_cast<int>(due->size());
}

}  // namespace

std::int64_t GraceEndsAt(const DomainTerms& terms, std::int64_t expires_at) {
  return expires_at + std::int64_t{terms.grace_days} * kSecondsPerDay;
}

Result<int> SweepDomainExpiry(Registry& registry) {
  Result<Transaction> txn = Transaction::Begin(registry.writer());
  if (!txn) return txn.status();
  const DomainTerms& terms = registry.domain_terms();
  int notices = 0;
  for (int days : kReminderDays) {
    if (days == 0) continue;  // the on-expiry reminder is the expiry notice below
    Result<int> reminded = RemindBefore(registry, days);
    if (!reminded) return reminded.status();
    notices += *reminded;
  }
  Result<int> expired = MoveDue(
      registry, "registered", WorkflowAction::kExpire, 0, [&terms](const ExpiringDomain& d) {
        return fmt::format(
            "您的域名“{}”已于{}到期。{}前续费，域名恢复正常；逾期未续费，域名将失效。", d.name,
            foundation::BeijingDate(d.expires_at), LastRenewalDay(terms, d.expires_at));
      });
  if (!expired) return expired.status();
  Result<int> lapsed =
      MoveDue(registry, "expired", WorkflowAction::kLapse, GraceEndsAt(terms, 0),
              [&terms](const ExpiringDomain& d) {
                return fmt::format("您的域名“{}”已于{}到期，续费宽限期已于{}结束，域名已失效。",
                                   d.name, foundation::BeijingDate(d.expires_at),
                                   LastRenewalDay(terms, d.expires_at));
              });
  if (!lapsed) return lapsed.status();
  if (Status s = txn->Commit(); !s.ok()) return s;
  return notices + *expired + *lapsed;
}

}  // namespace badgewatch::registry
