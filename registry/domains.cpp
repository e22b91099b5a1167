#include "registry/domains.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>

#include "foundation/beijing_time.h"
#include "registry/chinese_domain_names.h"
#include "registry/detail/run_statement.h"
#include "registry/detail/workflow_step.h"
#include "registry/domain_account.h"
#include "registry/domain_expiry.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"
#include "registry/workflow_labels.h"

namespace badgewatch::registry {
namespace {

using detail::RunStatement;

constexpr char kInsertDomain[] =
    "INSERT INTO domains (unit_id, name, ascii_name, state, years, created_at, submitted_at) "
    "VALUES (?, ?, ?, 'submitted', ?, ?, ?)";
constexpr char kSelectDomains[] =
    "SELECT id, unit_id, name, ascii_name, state, years, registered_at, expires_at, "
    "submitted_at, reason FROM domains WHERE (id = ? OR ?) AND (unit_id = ? OR ?) ORDER BY id";
constexpr char kSetDomainState[] = "UPDATE domains SET state = ?, reason = ? WHERE id = ?";
constexpr char kResubmitDomain[] =
    "UPDATE domains SET name = ?, ascii_name = ?, years = ?, state = 'submitted', reason = '', "
    "submitted_at = ? WHERE id = ?";
constexpr char kCountRevisions[] = "SELECT count(*) FROM domain_revisions WHERE domain_id = ?";
constexpr char kInsertRevision[] =
    "INSERT INTO domain_revisions (domain_id, revision, name, years, reason, at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectRevisions[] =
    "SELECT revision, name, years, reason, at FROM domain_revisions WHERE domain_id = ? "
    "ORDER BY revision";
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
    "SELECT rd.domain_id, d.name, d.state, d.expires_at FROM renewal_domains AS rd "
    "JOIN domains AS d ON d.id = rd.domain_id WHERE rd.renewal_id = ? ORDER BY rd.domain_id";
constexpr char kSetExpiry[] = "UPDATE domains SET expires_at = ? WHERE id = ?";
constexpr char kSelectOpenRenewalOf[] =
    "SELECT r.id FROM renewal_domains AS rd JOIN renewals AS r ON r.id = rd.renewal_id "
    "WHERE rd.domain_id = ? AND r.state = 'submitted' ORDER BY r.id";
constexpr char kSelectRenewals[] =
    "SELECT id, unit_id, years, fee_fen, state, created_at, completed_at FROM renewals "
    "WHERE (id = ? OR ?) AND (unit_id = ? OR ?) ORDER BY id DESC";
constexpr char kSelectRenewedDomains[] =
    "SELECT d.id, d.name, rd.old_expires_at, rd.new_expires_at FROM renewal_domains AS rd "
    "JOIN domains AS d ON d.id = rd.domain_id WHERE rd.renewal_id = ? ORDER BY d.id";
constexpr char kWithdrawRenewal[] =
    "UPDATE renewals SET state = 'withdrawn', completed_at = ? WHERE id = ?";
constexpr char kRecordRenewalDomain[] =
    "UPDATE renewal_domains SET old_expires_at = ?, new_expires_at = ? "
    "WHERE renewal_id = ? AND domain_id = ?";
constexpr char kCompleteRenewal[] =
    "UPDATE renewals SET state = 'completed', completed_at = ? WHERE id = ?";

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
                    static_cast<int>(s->Int(5)), s->OptInt(6), s->OptInt(7), s->Int(8),
                    s->Text(9)});
  }
}

Result<std::vector<Renewal>> SelectRenewals(Database& db, std::int64_t id, std::int64_t unit_id) {
  Result<Statement> s = db.Prepare(kSelectRenewals);
  if (!s) return s.status();
  Status bound =
      s->Bind({id, std::int64_t{id == 0 ? 1 : 0}, unit_id, std::int64_t{unit_id == 0 ? 1 : 0}});
  if (!bound.ok()) return bound;
  Result<std::vector<Renewal>> list = CollectRows(*s, [](const Statement& row) {
    return Renewal{row.Int(0),    row.Int(1),  static_cast<int>(row.Int(2)),
                   row.Int(3),    row.Text(4), row.Int(5),
                   row.OptInt(6), {}};
  });
  if (!list) return list.status();
  Result<Statement> domains = db.Prepare(kSelectRenewedDomains);
  if (!domains) return domains.status();
  for (Renewal& renewal : *list) {
    if (Status b = domains->Bind({renewal.id}); !b.ok()) return b;
    Result<std::vector<RenewedDomain>> renewed = CollectRows(*domains, [](const Statement& row) {
      return RenewedDomain{row.Int(0), row.Text(1), row.OptInt(2), row.OptInt(3)};
    });
    if (!renewed) return renewed.status();
    renewal.domains = std::move(renewed).value();
  }
  return list;
}

// The bank account clause of a notice asking for money; empty when none is configured.
std::string BankClause(const BankAccount& account) {
  if (!account.configured()) return "";
  return fmt::format("汇款账户：户名 {}，开户行 {}，账号 {}。", account.account_name, account.bank,
                     account.account_number);
}

// Moves the balance by `delta` (negative: a charge) with a ledger entry.
Status ChangeBalance(Registry& registry, std::int64_t unit_id, std::int64_t delta,
                     std::string_view reason, const std::string& reference) {
  Database& db = registry.writer();
  if (Status s = RunStatement(db, kAddBalance, {delta, unit_id}); !s.ok()) return s;
  return RunStatement(db, kInsertBalanceEntry, {unit_id, delta, reason, reference, registry.Now()});
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
  const std::int64_t fee = registry.domain_terms().fee_per_year_fen * domain.years;
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
  const std::int64_t expiry = AddYears(now, domain.years);
  if (Status s = RunStatement(db, kRegisterDomain, {now, expiry, domain.id}); !s.ok()) {
    return s;
  }
  Status step = detail::RecordStep(registry, actor, "domain", domain.id, *t,
                                   fmt::format("{} fen from the balance", fee));
  if (!step.ok()) return step;
  Result<Unit> unit = LoadUnit(db, domain.unit_id);
  if (!unit) return unit.status();
  Status told = NotifyUnit(registry, *unit, "域名注册成功",
                           fmt::format("您的域名“{}”已注册成功，有效期至{}。", domain.name,
                                       foundation::BeijingDate(expiry)));
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
  Result<Statement> list = db.Prepare(kSelectRenewalDomains);
  if (!list) return list.status();
  if (Status b = list->Bind({renewal_id}); !b.ok()) return b;
  struct Renewed {
    std::int64_t id;
    std::string name;
    std::string state;
    std::int64_t old_expiry;
  };
  Result<std::vector<Renewed>> renewed = CollectRows(*list, [](const Statement& row) {
    return Renewed{row.Int(0), row.Text(1), row.Text(2), row.Int(3)};
  });
  if (!renewed) return renewed.status();
  const std::int64_t now = registry.Now();
  for (const Renewed& d : *renewed) {  // one lapsed since it was submitted: not settled
    if (d.state == "lapsed" || now >= GraceEndsAt(registry.domain_terms(), d.old_expiry)) {
      return false;
    }
  }
  const std::string reference = fmt::format("renewal:{}", renewal_id);
  if (Status s = ChangeBalance(registry, unit_id, -fee, "domain-renewal", reference); !s.ok()) {
    return s;
  }
  std::vector<std::string> told_expiries;
  for (const Renewed& d : *renewed) {
    const std::int64_t new_expiry = AddYears(d.old_expiry, years);
    if (Status s = RunStatement(db, kSetExpiry, {new_expiry, d.id}); !s.ok()) return s;
    Status recorded =
        RunStatement(db, kRecordRenewalDomain, {d.old_expiry, new_expiry, renewal_id, d.id});
    if (!recorded.ok()) return recorded;
    if (d.state == "expired") {  // renewed within the grace period: registered again
      Result<Transition> t =
          FindTransition(Workflow::kDomain, d.state, WorkflowAction::kRenew, Role::kConac);
      if (!t) return t.status();
      if (Status s = RunStatement(db, kSetDomainState, {t->to, "", d.id}); !s.ok()) return s;
      if (Status s = detail::RecordStep(registry, actor, "domain", d.id, *t, reference); !s.ok()) {
        return s;
      }
    }
    told_expiries.push_back(
        fmt::format("“{}”有效期至{}", d.name, foundation::BeijingDate(new_expiry)));
  }
  if (Status s = RunStatement(db, kCompleteRenewal, {now, renewal_id}); !s.ok()) return s;
  Status audited =
      registry.Audit({ActorLabel(actor), "renewal.complete", reference,
                      fmt::format("{} domains, {} years, {} fen", renewed->size(), years, fee)});
  if (!audited.ok()) return audited;
  Result<Unit> unit = LoadUnit(db, unit_id);
  if (!unit) return unit.status();
  Status told =
      NotifyUnit(registry, *unit, "域名续费成功",
                 fmt::format("您的域名已续费{}年：{}。", years, fmt::join(told_expiries, "；")));
  if (!told.ok()) return told;
  return true;
}

// Pays, oldest first, what the unit's balance covers. Returns how many
// registrations and renewals it paid.
Result<int> SettleFromBalance(Registry& registry, const Actor& actor, std::int64_t unit_id) {
  Database& db = registry.writer();
  Result<std::vector<std::int64_t>> payable = Ids(db, kSelectPayableDomains, unit_id);
  if (!payable) return payable.status();
  int settled = 0;
  for (std::int64_t id : *payable) {
    Result<Domain> domain = LoadDomain(db, id);
    if (!domain) return domain.status();
    Result<bool> done = RegisterIfFunded(registry, actor, *domain);
    if (!done) return done.status();
    settled += *done ? 1 : 0;
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
    Result<bool> done = SettleRenewal(registry, actor, unit_id, id, years, fee);
    if (!done) return done.status();
    settled += *done ? 1 : 0;
  }
  return settled;
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
  Status bound =
      insert->Bind({unit->id, name, *ascii, std::int64_t{years}, registry.Now(), registry.Now()});
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
  if (action == WorkflowAction::kSubmit || action == WorkflowAction::kRegister ||
      action == WorkflowAction::kResubmit || action == WorkflowAction::kExpire ||
      action == WorkflowAction::kLapse || action == WorkflowAction::kRenew) {
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
  const std::string stored_reason = t->to == "rejected" ? reason : "";
  if (Status s = RunStatement(db, kSetDomainState, {t->to, stored_reason, domain_id}); !s.ok()) {
    return s;
  }
  if (Status s = detail::RecordStep(registry, actor, "domain", domain_id, *t, reason); !s.ok()) {
    return s;
  }
  if (t->to == "rejected") {
    Status told = NotifyUnit(registry, *unit, "域名申请未通过",
                             fmt::format("您的域名申请“{}”未通过审核，原因：{}。请修改后重新提交。",
                                         domain->name, ReasonClause(reason)));
    if (!told.ok()) return told;
  }
  if (t->to == "regional-passed") {
    Status told =
        NotifyUnit(registry, *unit, "域名申请已通过初审",
                   fmt::format("您的域名申请“{}”已通过初审，待CONAC审核。", domain->name));
    if (!told.ok()) return told;
  }
  if (t->to == "conac-passed") {
    domain->state = std::string(t->to);
    const DomainTerms& terms = registry.domain_terms();
    const std::int64_t fee = terms.fee_per_year_fen * domain->years;
    Result<std::int64_t> balance = Balance(db, unit->id);
    if (!balance) return balance.status();
    const std::string payment =
        *balance >= fee
            ? fmt::format("注册费{}元将从余额中支付。", YuanText(fee))
            : fmt::format("请缴纳注册费{}元（{}年，每年{}元）。{}", YuanText(fee), domain->years,
                          YuanText(terms.fee_per_year_fen), BankClause(terms.bank_account));
    Status told =
        NotifyUnit(registry, *unit, "域名申请CONAC审核通过",
                   fmt::format("您的域名申请“{}”CONAC审核通过。{}", domain->name, payment));
    if (!told.ok()) return told;
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
  Status invoice = RunStatement(db, kInsertInvoice,
                                {id, unit_id, amount_fen, unit->fields.address, registry.Now()});
  if (!invoice.ok()) return invoice;
  Status told = NotifyUnit(registry, *unit, "汇款已登记",
                           fmt::format("已收到您的汇款{}元（银行流水号{}），发票将邮寄至：{}。"
                                       "CONAC确认到账后，将自动办理域名注册或续费。",
                                       YuanText(amount_fen), bank_reference, unit->fields.address));
  if (!told.ok()) return told;
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
  Status confirmed =
      RunStatement(db, kConfirmPayment, {actor.account_id, registry.Now(), payment_id});
  if (!confirmed.ok()) return confirmed;
  const std::string reference = fmt::format("payment:{}", payment_id);
  if (Status s = ChangeBalance(registry, unit_id, amount, "payment", reference); !s.ok()) return s;
  Status audited = registry.Audit({ActorLabel(actor), "payment.confirm", reference,
                                   fmt::format("unit {} credited {} fen", unit_id, amount)});
  if (!audited.ok()) return audited;
  Result<int> settled = SettleFromBalance(registry, actor, unit_id);
  if (!settled) return settled.status();
  if (*settled == 0) {  // the payment covers nothing yet: say what is missing
    Result<DomainAccount> account = LoadDomainAccount(db, registry.domain_terms(), unit_id);
    if (!account) return account.status();
    if (account->shortfall_fen > 0) {
      Result<Unit> unit = LoadUnit(db, unit_id);
      if (!unit) return unit.status();
      Status told =
          NotifyUnit(registry, *unit, "汇款已到账",
                     fmt::format("您的汇款{}元已确认到账，当前余额{}元。余额不足，还需{}元。",
                                 YuanText(amount), YuanText(account->balance_fen),
                                 YuanText(account->shortfall_fen)));
      if (!told.ok()) return told;
    }
  }
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
  Result<Statement> open = db.Prepare(kSelectOpenRenewalOf);
  if (!open) return open.status();
  for (std::int64_t id : domain_ids) {
    Result<Domain> domain = LoadDomain(db, id);
    if (!domain) return domain.status();
    if (domain->unit_id != actor.unit_id) {
      return Error<errors::kDomainOfAnotherUnit>(id);
    }
    const bool past_grace =
        domain->expires_at &&
        registry.Now() >= GraceEndsAt(registry.domain_terms(), *domain->expires_at);
    if (domain->state == "lapsed" || (domain->state == "expired" && past_grace)) {
      const std::int64_t last_day = GraceEndsAt(registry.domain_terms(), *domain->expires_at) - 1;
      const std::string chinese = foundation::BeijingDate(last_day);
      const std::string english = foundation::BeijingIsoDate(last_day);
      return Error<errors::kRenewalGraceEnded>(domain->name, Localized{chinese, english});
    }
    if (domain->state != "registered" && domain->state != "expired") {
      return Error<errors::kDomainNotRegistered>(domain->name, StateInError(domain->state));
    }
    if (Status b = open->Bind({id}); !b.ok()) return b;
    Result<bool> in_open = open->Step();
    if (!in_open) return in_open.status();
    if (*in_open) return Error<errors::kRenewalAlreadyOpen>(domain->name, open->Int(0));
  }
  const std::int64_t fee = registry.domain_terms().fee_per_year_fen * years *
                           static_cast<std::int64_t>(domain_ids.size());
  Result<Statement> insert = db.Prepare(kInsertRenewal);
  if (!insert) return insert.status();
  Status bound = insert->Bind({actor.unit_id, std::int64_t{years}, fee, registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) return s;
  const std::int64_t renewal_id = db.LastInsertId();
  for (std::int64_t id : domain_ids) {
    if (Status s = RunStatement(db, kInsertRenewalDomain, {renewal_id, id}); !s.ok()) {
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
  if (Result<int> settled = SettleFromBalance(registry, actor, actor.unit_id); !settled) {
    return settled.status();
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  return renewal_id;
}

Status ResubmitDomain(Registry& registry, const Actor& actor, std::int64_t domain_id,
                      const std::string& name, int years) {
  if (Status s = CheckYears(years); !s.ok()) return s;
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Domain> domain = LoadDomain(db, domain_id);
  if (!domain) return domain.status();
  Result<Transition> t =
      FindTransition(Workflow::kDomain, domain->state, WorkflowAction::kResubmit, actor.role);
  if (!t) return t.status();
  Result<Unit> unit = LoadUnit(db, domain->unit_id);
  if (!unit) return unit.status();
  if (Status s = CheckScope(actor, *unit); !s.ok()) return s;
  Result<std::string> ascii = ValidateChineseDomain(name, unit->fields.kind);
  if (!ascii) return ascii.status();
  Result<Statement> count = db.Prepare(kCountRevisions);
  if (!count) return count.status();
  if (Status b = count->Bind({domain_id}); !b.ok()) return b;
  Result<bool> counted = count->Step();
  if (!counted) return counted.status();
  const std::int64_t revision = count->Int(0) + 1;
  Status kept = RunStatement(db, kInsertRevision,
                             {domain_id, revision, domain->name, std::int64_t{domain->years},
                              domain->reason, domain->submitted_at});
  if (!kept.ok()) return kept;
  Status updated = RunStatement(db, kResubmitDomain,
                                {name, *ascii, std::int64_t{years}, registry.Now(), domain_id});
  if (!updated.ok()) {
    if (updated.code() == StatusCode::kAlreadyExists) return Error<errors::kDomainTaken>(name);
    return updated;
  }
  Status step = detail::RecordStep(registry, actor, "domain", domain_id, *t,
                                   fmt::format("{} -> {}", domain->name, name));
  if (!step.ok()) return step;
  return txn->Commit();
}

Status WithdrawRenewal(Registry& registry, const Actor& actor, std::int64_t renewal_id) {
  if (actor.role != Role::kUnit) {
    return Error<errors::kWithdrawalByUnit>(RoleInError(actor.role));
  }
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<std::vector<Renewal>> found = SelectRenewals(db, renewal_id, 0);
  if (!found) return found.status();
  if (found->empty()) return Error<errors::kRenewalNotFound>(renewal_id);
  const Renewal& renewal = found->front();
  if (renewal.unit_id != actor.unit_id) {
    return Error<errors::kRenewalOfAnotherUnit>(renewal_id);
  }
  if (renewal.state != "submitted") {
    return Error<errors::kRenewalNotWithdrawable>(renewal_id, StateInError(renewal.state));
  }
  if (Status s = RunStatement(db, kWithdrawRenewal, {registry.Now(), renewal_id}); !s.ok()) {
    return s;
  }
  Status audited =
      registry.Audit({ActorLabel(actor), "renewal.withdraw", fmt::format("renewal:{}", renewal_id),
                      fmt::format("{} domains, {} years, {} fen", renewal.domains.size(),
                                  renewal.years, renewal.fee_fen)});
  if (!audited.ok()) return audited;
  return txn->Commit();
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

Result<std::vector<DomainRevision>> ListDomainRevisions(Database& db, std::int64_t domain_id) {
  Result<Statement> s = db.Prepare(kSelectRevisions);
  if (!s) return s.status();
  if (Status b = s->Bind({domain_id}); !b.ok()) return b;
  return CollectRows(*s, [](const Statement& row) {
    return DomainRevision{static_cast<int>(row.Int(0)), row.Text(1), static_cast<int>(row.Int(2)),
                          row.Text(3), row.Int(4)};
  });
}

Result<std::vector<ReviewStep>> DomainHistory(Database& db, std::int64_t domain_id) {
  return detail::ReviewHistory(db, "domain", domain_id);
}

Result<std::vector<Renewal>> ListUnitRenewals(Database& db, std::int64_t unit_id) {
  return SelectRenewals(db, 0, unit_id);
}

}  // namespace badgewatch::registry
