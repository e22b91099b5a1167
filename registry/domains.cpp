#include "registry/domains.h"

#include <fmt/format.h>

#include <chrono>

#include "registry/chinese_domain_names.h"
#include "registry/detail/workflow_step.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"
#include "registry/workflow_labels.h"

namespace badgewatch::registry {
namespace {

constexpr std::int64_t kDay = 86'400;

constexpr char kInsertDomain[] =
    "INSERT INTO domains (unit_id, name, ascii_name, state, years, created_at) "
    "VALUES (?, ?, ?, 'submitted', ?, ?)";
constexpr char kSelectDomains[] =
    "SELECT id, unit_id, name, ascii_name, state, years, registered_at, expires_at "
    "FROM domains WHERE (id = ? OR ?) AND (unit_id = ? OR ?) ORDER BY id";
constexpr char kSetDomainState[] = "UPDATE domains SET state = ? WHERE id = ?";
constexpr char kRegisterDomain[] =
    "UPDATE domains SET state = 'registered', registered_at = ?, expires_at = ? WHERE id = ?";
constexpr char kInsertPayment[] =
    "INSERT INTO payments (unit_id, amount_fen, bank_reference, state, recorded_by, "
    "recorded_at) VALUES (?, ?, ?, 'recorded', ?, ?)";
constexpr char kInsertInvoice[] =
    "INSERT INTO invoices (payment_id, unit_id, amount_fen, mailing_address, mailed_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr char kSelectPayment[] = "SELECT unit_id, amount_fen, state FROM payments WHERE id = ?";
constexpr char kConfirmPayment[] =
    "UPDATE payments SET state = 'confirmed', confirmed_by = ?, confirmed_at = ? WHERE id = ?";
constexpr char kAddBalance[] = "UPDATE units SET balance_fen = balance_fen + ? WHERE id = ?";
constexpr char kInsertBalanceEntry[] =
    "INSERT INTO balance_entries (unit_id, delta_fen, reason, reference, at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr char kSelectBalance[] = "SELECT balance_fen FROM units WHERE id = ?";
constexpr char kSelectPayableDomains[] =
    "SELECT id FROM domains WHERE unit_id = ? AND state = 'conac-passed' ORDER BY id";
constexpr char kSelectOpenRenewals[] =
    "SELECT id, years, fee_fen FROM renewals WHERE unit_id = ? AND state = 'submitted' "
    "ORDER BY id";
constexpr char kInsertRenewal[] =
    "INSERT INTO renewals (unit_id, years, fee_fen, state, created_at) "
    "VALUES (?, ?, ?, 'submitted', ?)";
constexpr char kInsertRenewalDomain[] =
    "INSERT INTO renewal_domains (renewal_id, domain_id) VALUES (?, ?)";
constexpr char kSelectRenewalDomains[] =
    "SELECT rd.domain_id, d.expires_at FROM renewal_domains AS rd "
    "JOIN domains AS d ON d.id = rd.domain_id WHERE rd.renewal_id = ? ORDER BY rd.domain_id";
constexpr char kSetExpiry[] = "UPDATE domains SET expires_at = ? WHERE id = ?";
constexpr char kRecordRenewalDomain[] =
    "UPDATE renewal_domains SET old_expires_at = ?, new_expires_at = ? "
    "WHERE renewal_id = ? AND domain_id = ?";
constexpr char kCompleteRenewal[] =
    "UPDATE renewals SET state = 'completed', completed_at = ? WHERE id = ?";
constexpr char kSelectExpiring[] =
    "SELECT d.id, d.name, d.expires_at, d.unit_id FROM domains AS d "
    "WHERE d.state = 'registered' AND d.expires_at > ? AND d.expires_at <= ? AND NOT EXISTS "
    "(SELECT 1 FROM domain_reminders AS r WHERE r.domain_id = d.id "
    "AND r.expires_at = d.expires_at AND r.days_before = ?) ORDER BY d.id";
constexpr char kInsertReminder[] =
    "INSERT OR IGNORE INTO domain_reminders (domain_id, expires_at, days_before, queued_at) "
    "VALUES (?, ?, ?, ?)";

Result<std::vector<Domain>> SelectDomains(Database& db, std::int64_t id, std::int64_t unit_id) {
  Result<Statement> s = db.Prepare(kSelectDomains);
  if (!s) return s.status();
  Status bound =
      s->Bind({id, std::int64_t{id == 0 ? 1 : 0}, unit_id, std::int64_t{unit_id == 0 ? 1 : 0}});
  if (!bound.ok()) return bound;
  std::vector<Domain> list;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) return list;
    list.push_back({s->Int(0), s->Int(1), s->Text(2), s->Text(3), s->Text(4),
                    static_cast<int>(s->Int(5)), s->OptInt(6), s->OptInt(7)});
  }
}

Status RunWith(Database& db, const char* sql, std::initializer_list<SqlValue> values) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind(values); !b.ok()) return b;
  return s->Run();
}

// Moves the balance by `delta` (negative: a charge) with a ledger entry.
Status ChangeBalance(Registry& registry, std::int64_t unit_id, std::int64_t delta,
                     std::string_view reason, const std::string& reference) {
  Database& db = registry.writer();
  if (Status s = RunWith(db, kAddBalance, {delta, unit_id}); !s.ok()) return s;
  return RunWith(db, kInsertBalanceEntry, {unit_id, delta, reason, reference, registry.Now()});
}

Result<std::int64_t> Balance(Database& db, std::int64_t unit_id) {
  Result<Statement> s = db.Prepare(kSelectBalance);
  if (!s) return s.status();
  if (Status b = s->Bind({unit_id}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  return *row ? s->Int(0) : 0;
}

Result<std::vector<std::int64_t>> Ids(Database& db, const char* sql, std::int64_t key) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind({key}); !b.ok()) return b;
  std::vector<std::int64_t> ids;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) return ids;
    ids.push_back(s->Int(0));
  }
}

// Registers a CONAC-passed domain when the balance covers it. Returns whether it did.
Result<bool> RegisterIfFunded(Registry& registry, const Actor& actor, const Domain& domain) {
  Database& db = registry.writer();
  const std::int64_t fee = kDomainFeePerYearFen * domain.years;
  Result<std::int64_t> balance = Balance(db, domain.unit_id);
  if (!balance) return balance.status();
  if (*balance < fee) return false;
  Result<Transition> t =
      FindTransition(Workflow::kDomain, domain.state, WorkflowAction::kRegister, Role::kConac);
  if (!t) return t.status();
  const std::string reference = fmt::format("domain:{}", domain.id);
  if (Status s = ChangeBalance(registry, domain.unit_id, -fee, "domain-registration", reference);
      !s.ok()) {
    return s;
  }
  const std::int64_t now = registry.Now();
  if (Status s = RunWith(db, kRegisterDomain, {now, AddYears(now, domain.years), domain.id});
      !s.ok()) {
    return s;
  }
  Status step = detail::RecordStep(registry, actor, "domain", domain.id, *t,
                                   fmt::format("{} fen from the balance", fee));
  if (!step.ok()) return step;
  Result<Unit> unit = LoadUnit(db, domain.unit_id);
  if (!unit) return unit.status();
  Status told =
      NotifyUnit(registry, *unit, "域名注册成功",
                 fmt::format("您的域名“{}”已注册成功，有效期{}年。", domain.name, domain.years));
  if (!told.ok()) return told;
  return true;
}

// Renews every domain of a submitted renewal when the balance covers it.
Result<bool> SettleRenewal(Registry& registry, const Actor& actor, std::int64_t unit_id,
                           std::int64_t renewal_id, int years, std::int64_t fee) {
  Database& db = registry.writer();
  Result<std::int64_t> balance = Balance(db, unit_id);
  if (!balance) return balance.status();
  if (*balance < fee) return false;
  const std::string reference = fmt::format("renewal:{}", renewal_id);
  if (Status s = ChangeBalance(registry, unit_id, -fee, "domain-renewal", reference); !s.ok()) {
    return s;
  }
  Result<Statement> list = db.Prepare(kSelectRenewalDomains);
  if (!list) return list.status();
  if (Status b = list->Bind({renewal_id}); !b.ok()) return b;
  std::vector<std::pair<std::int64_t, std::int64_t>> expiries;
  for (;;) {
    Result<bool> row = list->Step();
    if (!row) return row.status();
    if (!*row) break;
    expiries.emplace_back(list->Int(0), list->Int(1));
  }
  for (const auto& [domain_id, old_expiry] : expiries) {
    const std::int64_t new_expiry = AddYears(old_expiry, years);
    if (Status s = RunWith(db, kSetExpiry, {new_expiry, domain_id}); !s.ok()) return s;
    Status recorded =
        RunWith(db, kRecordRenewalDomain, {old_expiry, new_expiry, renewal_id, domain_id});
    if (!recorded.ok()) return recorded;
  }
  if (Status s = RunWith(db, kCompleteRenewal, {registry.Now(), renewal_id}); !s.ok()) return s;
  Status audited =
      registry.Audit({ActorLabel(actor), "renewal.complete", reference,
                      fmt::format("{} domains, {} years, {} fen", expiries.size(), years, fee)});
  if (!audited.ok()) return audited;
  Result<Unit> unit = LoadUnit(db, unit_id);
  if (!unit) return unit.status();
  Status told = NotifyUnit(registry, *unit, "域名续费成功",
                           fmt::format("您的{}个域名已续费{}年。", expiries.size(), years));
  if (!told.ok()) return told;
  return true;
}

// Pays, oldest first, what the unit's balance covers.
Status SettleFromBalance(Registry& registry, const Actor& actor, std::int64_t unit_id) {
  Database& db = registry.writer();
  Result<std::vector<std::int64_t>> payable = Ids(db, kSelectPayableDomains, unit_id);
  if (!payable) return payable.status();
  for (std::int64_t id : *payable) {
    Result<Domain> domain = LoadDomain(db, id);
    if (!domain) return domain.status();
    if (Result<bool> done = RegisterIfFunded(registry, actor, *domain); !done) {
      return done.status();
    }
  }
  Result<Statement> renewals = db.Prepare(kSelectOpenRenewals);
  if (!renewals) return renewals.status();
  if (Status b = renewals->Bind({unit_id}); !b.ok()) return b;
  std::vector<std::tuple<std::int64_t, int, std::int64_t>> open;
  for (;;) {
    Result<bool> row = renewals->Step();
    if (!row) return row.status();
    if (!*row) break;
    open.emplace_back(renewals->Int(0), static_cast<int>(renewals->Int(1)), renewals->Int(2));
  }
  for (const auto& [id, years, fee] : open) {
    if (Result<bool> done = SettleRenewal(registry, actor, unit_id, id, years, fee); !done) {
      return done.status();
    }
  }
  return Status::Ok();
}

Status CheckYears(int years) {
  if (years < 1 || years > 10) {
    return Error<errors::kYearsOutOfRange>(years);
  }
  return Status::Ok();
}

}  // namespace

std::int64_t AddYears(std::int64_t unix_seconds, int years) {
  using namespace std::chrono;
  const sys_seconds t{seconds{unix_seconds}};
  const sys_days day = floor<days>(t);
  const seconds time_of_day = t - day;
  year_month_day ymd{day};
  ymd += std::chrono::years{years};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / last;
  return (sys_days{ymd} + time_of_day).time_since_epoch().count();
}

Result<std::int64_t> SubmitDomain(Registry& registry, const Actor& actor, const std::string& name,
                                  int years) {
  if (Status s = CheckYears(years); !s.ok()) return s;
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Transition> t = FindTransition(Workflow::kDomain, "", WorkflowAction::kSubmit, actor.role);
  if (!t) return t.status();
  Result<Unit> unit = LoadUnit(db, actor.unit_id);
  if (!unit) return unit.status();
  Result<std::string> ascii = ValidateChineseDomain(name, unit->fields.kind);
  if (!ascii) return ascii.status();
  Result<Statement> insert = db.Prepare(kInsertDomain);
  if (!insert) return insert.status();
  Status bound = insert->Bind({unit->id, name, *ascii, std::int64_t{years}, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) {
      return Error<errors::kDomainTaken>(name);
    }
    return s;
  }
  const std::int64_t id = db.LastInsertId();
  if (Status s = detail::RecordStep(registry, actor, "domain", id, *t, name); !s.ok()) return s;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return id;
}

Status DecideDomain(Registry& registry, const Actor& actor, std::int64_t domain_id,
                    WorkflowAction action, const std::string& reason) {
  if (action == WorkflowAction::kSubmit || action == WorkflowAction::kRegister) {
    return Error<errors::kNotAReviewDecision>(ActionInError(action));
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Domain> domain = LoadDomain(db, domain_id);
  if (!domain) return domain.status();
  Result<Unit> unit = LoadUnit(db, domain->unit_id);
  if (!unit) return unit.status();
  Result<Transition> t = FindTransition(Workflow::kDomain, domain->state, action, actor.role);
  if (!t) return t.status();
  if (Status s = CheckScope(actor, *unit); !s.ok()) return s;
  if (Status s = detail::CheckReason(*t, reason); !s.ok()) return s;
  if (Status s = RunWith(db, kSetDomainState, {t->to, domain_id}); !s.ok()) return s;
  if (Status s = detail::RecordStep(registry, actor, "domain", domain_id, *t, reason); !s.ok()) {
    return s;
  }
  if (t->to == "rejected") {
    Status told = NotifyUnit(registry, *unit, "域名申请未通过",
                             fmt::format("您的域名申请“{}”未通过审核，原因：{}。请修改后重新提交。",
                                         domain->name, ReasonClause(reason)));
    if (!told.ok()) return told;
  }
  if (t->to == "conac-passed") {
    domain->state = std::string(t->to);
    if (Result<bool> done = RegisterIfFunded(registry, actor, *domain); !done) {
      return done.status();
    }
  }
  return txn->Commit();
}

Result<std::int64_t> RecordPayment(Registry& registry, const Actor& actor, std::int64_t unit_id,
                                   std::int64_t amount_fen, const std::string& bank_reference) {
  if (actor.role != Role::kRegional) {
    return Error<errors::kPaymentsByRegionalAdmin>(RoleInError(actor.role));
  }
  if (amount_fen <= 0) {
    return Error<errors::kPaymentNotPositive>();
  }
  if (bank_reference.empty()) {
    return Error<errors::kBankReferenceRequired>();
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Unit> unit = LoadUnit(db, unit_id);
  if (!unit) return unit.status();
  if (Status s = CheckScope(actor, *unit); !s.ok()) return s;
  Result<Statement> insert = db.Prepare(kInsertPayment);
  if (!insert) return insert.status();
  Status bound =
      insert->Bind({unit_id, amount_fen, bank_reference, actor.account_id, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) {
      return Error<errors::kBankReferenceRecorded>(bank_reference);
    }
    return s;
  }
  const std::int64_t id = db.LastInsertId();
  Status invoice =
      RunWith(db, kInsertInvoice, {id, unit_id, amount_fen, unit->fields.address, registry.Now()});
  if (!invoice.ok()) return invoice;
  Status audited =
      registry.Audit({ActorLabel(actor), "payment.record", fmt::format("payment:{}", id),
                      fmt::format("unit {} paid {} fen, ref {}; invoice mailed to {}", unit_id,
                                  amount_fen, bank_reference, unit->fields.address)});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return id;
}

Status ConfirmPayment(Registry& registry, const Actor& actor, std::int64_t payment_id) {
  if (actor.role != Role::kConac) {
    return Error<errors::kFundsByConac>(RoleInError(actor.role));
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> select = db.Prepare(kSelectPayment);
  if (!select) return select.status();
  if (Status b = select->Bind({payment_id}); !b.ok()) return b;
  Result<bool> row = select->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kPaymentNotFound>(payment_id);
  const std::int64_t unit_id = select->Int(0);
  const std::int64_t amount = select->Int(1);
  if (select->Text(2) != "recorded") {
    return Error<errors::kPaymentConfirmed>(payment_id);
  }
  Status confirmed = RunWith(db, kConfirmPayment, {actor.account_id, registry.Now(), payment_id});
  if (!confirmed.ok()) return confirmed;
  const std::string reference = fmt::format("payment:{}", payment_id);
  if (Status s = ChangeBalance(registry, unit_id, amount, "payment", reference); !s.ok()) return s;
  Status audited = registry.Audit({ActorLabel(actor), "payment.confirm", reference,
                                   fmt::format("unit {} credited {} fen", unit_id, amount)});
  if (!audited.ok()) return audited;
  if (Status s = SettleFromBalance(registry, actor, unit_id); !s.ok()) return s;
  return txn->Commit();
}

Result<std::int64_t> SubmitRenewal(Registry& registry, const Actor& actor,
                                   const std::vector<std::int64_t>& domain_ids, int years) {
  if (Status s = CheckYears(years); !s.ok()) return s;
  if (actor.role != Role::kUnit) {
    return Error<errors::kRenewalsByUnit>(RoleInError(actor.role));
  }
  if (domain_ids.empty()) {
    return Error<errors::kRenewalNeedsDomain>();
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  for (std::int64_t id : domain_ids) {
    Result<Domain> domain = LoadDomain(db, id);
    if (!domain) return domain.status();
    if (domain->unit_id != actor.unit_id) {
      return Error<errors::kDomainOfAnotherUnit>(id);
    }
    if (domain->state != "registered") {
      return Error<errors::kDomainNotRegistered>(domain->name, StateInError(domain->state));
    }
  }
  const std::int64_t fee =
      kDomainFeePerYearFen * years * static_cast<std::int64_t>(domain_ids.size());
  Result<Statement> insert = db.Prepare(kInsertRenewal);
  if (!insert) return insert.status();
  Status bound = insert->Bind({actor.unit_id, std::int64_t{years}, fee, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) return s;
  const std::int64_t renewal_id = db.LastInsertId();
  for (std::int64_t id : domain_ids) {
    if (Status s = RunWith(db, kInsertRenewalDomain, {renewal_id, id}); !s.ok()) {
      if (s.code() == StatusCode::kAlreadyExists) {
        return Error<errors::kDomainSelectedTwice>(id);
      }
      return s;
    }
  }
  Status audited =
      registry.Audit({ActorLabel(actor), "renewal.submit", fmt::format("renewal:{}", renewal_id),
                      fmt::format("{} domains, {} years, {} fen", domain_ids.size(), years, fee)});
  if (!audited.ok()) return audited;
  if (Status s = SettleFromBalance(registry, actor, actor.unit_id); !s.ok()) return s;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return renewal_id;
}

Result<int> QueueExpiryReminders(Registry& registry) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  const std::int64_t now = registry.Now();
  int reminded = 0;
  for (int days : kReminderDays) {
    Result<Statement> due = db.Prepare(kSelectExpiring);
    if (!due) return due.status();
    if (Status b = due->Bind({now, now + days * kDay, std::int64_t{days}}); !b.ok()) return b;
    struct Due {
      std::int64_t id;
      std::string name;
      std::int64_t expires_at;
      std::int64_t unit_id;
    };
    std::vector<Due> list;
    for (;;) {
      Result<bool> row = due->Step();
      if (!row) return row.status();
      if (!*row) break;
      list.push_back({due->Int(0), due->Text(1), due->Int(2), due->Int(3)});
    }
    for (const Due& d : list) {
      // A domain already inside the 7-day window gets one reminder: mark 30 as done too.
      for (int marked : kReminderDays) {
        if (marked < days) continue;
        Status noted =
            RunWith(db, kInsertReminder, {d.id, d.expires_at, std::int64_t{marked}, now});
        if (!noted.ok()) return noted;
      }
      Result<Unit> unit = LoadUnit(db, d.unit_id);
      if (!unit) return unit.status();
      const std::int64_t days_left = (d.expires_at - now + kDay - 1) / kDay;
      Status told =
          NotifyUnit(registry, *unit, "域名即将到期",
                     fmt::format("您的域名“{}”将于{}天后到期，请及时续费。", d.name, days_left));
      if (!told.ok()) return told;
      Status audited = registry.Audit({"system", "domain.remind", fmt::format("domain:{}", d.id),
                                       fmt::format("{} days before expiry", days)});
      if (!audited.ok()) return audited;
      ++reminded;
    }
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  return reminded;
}

Result<Domain> LoadDomain(Database& db, std::int64_t domain_id) {
  Result<std::vector<Domain>> found = SelectDomains(db, domain_id, 0);
  if (!found) return found.status();
  if (found->empty()) return Error<errors::kDomainNotFound>(domain_id);
  return found->front();
}

Result<std::vector<Domain>> ListUnitDomains(Database& db, std::int64_t unit_id) {
  return SelectDomains(db, 0, unit_id);
}

}  // namespace badgewatch::registry
