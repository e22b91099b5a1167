#include "registry/outbox.h"

#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kInsert[] =
    "INSERT INTO outbox (channel, recipient, subject, body, next_attempt_at, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectDue[] =
    "SELECT id, channel, recipient, subject, body, state, attempts, next_attempt_at, last_error, "
    "created_at "
    "FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?1 "
    "AND ((channel = 'email' AND ?3 = 1) OR (channel = 'sms' AND ?4 = 1)) "
    "ORDER BY next_attempt_at, id LIMIT ?2";
constexpr char kSelectAll[] =
    "SELECT id, channel, recipient, subject, body, state, attempts, next_attempt_at, last_error, "
    "created_at "
    "FROM outbox ORDER BY id";
constexpr char kSelectPage[] =
    "SELECT id, channel, recipient, subject, body, state, attempts, next_attempt_at, last_error, "
    "created_at "
    "FROM outbox WHERE ?1 = '' OR state = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3";
constexpr char kCountPage[] = "SELECT count(*) FROM outbox WHERE ?1 = '' OR state = ?1";
constexpr char kCountByState[] =
    "SELECT state, channel, count(*) FROM outbox GROUP BY state, channel ORDER BY state, channel";
constexpr char kOldestPending[] = "SELECT min(created_at) FROM outbox WHERE state = 'pending'";
constexpr char kMarkSent[] =
    "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '' "
    "WHERE id = ? AND state = 'pending'";
constexpr char kClaim[] =
    "UPDATE outbox SET next_attempt_at = ? "
    "WHERE id = ? AND state = 'pending' AND attempts = ? AND next_attempt_at = ?";
constexpr char kSelectAttempts[] = "SELECT attempts FROM outbox WHERE id = ?";
constexpr char kMarkFailed[] =
    "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, state = ? "
    "WHERE id = ? AND state = 'pending'";

Result<std::vector<OutboxRow>> ReadRows(Statement& s) {
  std::vector<OutboxRow> rows;
  for (;;) {
    Result<bool> row = s.Step();
    if (!row) return row.status();
    if (!*row) return rows;
    OutboxRow r;
    r.id = s.Int(0);
    r.notification.channel = s.Text(1) == "sms" ? Channel::kSms : Channel::kEmail;
    r.notification.recipient = s.Text(2);
    r.notification.subject = s.Text(3);
    r.notification.body = s.Text(4);
    r.state = s.Text(5);
    r.attempts = static_cast<int>(s.Int(6));
    r.next_attempt_at = s.Int(7);
    r.last_error = s.Text(8);
    r.created_at = s.Int(9);
    rows.push_back(std::move(r));
  }
}

}  // namespace

std::string_view ChannelName(Channel channel) { return channel == Channel::kSms ? "sms" : "email"; }

Status Enqueue(Registry& registry, const Notification& n) {
  Result<Statement> insert = registry.writer().Prepare(kInsert);
  if (!insert) return insert.status();
  const std::int64_t now = registry.Now();
  Status bound = insert->Bind({ChannelName(n.channel), n.recipient, n.subject, n.body, now, now});
  if (!bound.ok()) return bound;
  if (Status run = insert->Run(); !run.ok()) return run;
  registry.NoteOutboxRowAdded();
  return Status::Ok();
}

Status NotifyUnit(Registry& registry, const Unit& unit, const std::string& subject,
                  const std::string& body) {
  Status sms = Enqueue(registry, {Channel::kSms, unit.fields.mobile, subject, body});
  if (!sms.ok()) return sms;
  return Enqueue(registry, {Channel::kEmail, unit.fields.email, subject, body});
}

std::string_view ReasonClause(std::string_view reason) {
  static constexpr std::string_view kClosers[] = {"。", "；", "！", "，", "、", ".", ";",
                                                  "!",  ",",  " ",  "\n", "\r", "\t"};
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view closer : kClosers) {
      if (reason.size() >= closer.size() &&
          reason.substr(reason.size() - closer.size()) == closer) {
        reason.remove_suffix(closer.size());
        trimmed = true;
      }
    }
  }
  return reason;
}

Result<std::vector<OutboxRow>> ListDueNotifications(Database& db, std::int64_t now, int limit,
                                                    DeliveryChannels channels) {
  Result<Statement> s = db.Prepare(kSelectDue);
  if (!s) return s.status();
  const std::int64_t email = channels.email ? 1 : 0;
  const std::int64_t sms = channels.sms ? 1 : 0;
  if (Status b = s->Bind({now, std::int64_t{limit}, email, sms}); !b.ok()) return b;
  return ReadRows(*s);
}

Result<std::vector<OutboxRow>> ListOutbox(Database& db) {
  Result<Statement> s = db.Prepare(kSelectAll);
  if (!s) return s.status();
  return ReadRows(*s);
}

Result<OutboxStatus> ReadOutboxStatus(Database& db) {
  OutboxStatus status;
  Result<Statement> counts = db.Prepare(kCountByState);
  if (!counts) return counts.status();
  for (;;) {
    Result<bool> row = counts->Step();
    if (!row) return row.status();
    if (!*row) break;
    status.counts.push_back({counts->Text(0), counts->Text(1), counts->Int(2)});
  }
  Result<Statement> oldest = db.Prepare(kOldestPending);
  if (!oldest) return oldest.status();
  Result<bool> row = oldest->Step();
  if (!row) return row.status();
  status.oldest_pending_at = oldest->OptInt(0);
  return status;
}

Result<OutboxPage> ListOutboxPage(Database& db, std::string_view state, std::int64_t limit,
                                  std::int64_t offset) {
  OutboxPage page;
  Result<Statement> count = db.Prepare(kCountPage);
  if (!count) return count.status();
  if (Status b = count->Bind({state}); !b.ok()) return b;
  Result<bool> counted = count->Step();
  if (!counted) return counted.status();
  page.total = count->Int(0);
  Result<Statement> select = db.Prepare(kSelectPage);
  if (!select) return select.status();
  if (Status b = select->Bind({state, limit, offset}); !b.ok()) return b;
  Result<std::vector<OutboxRow>> rows = ReadRows(*select);
  if (!rows) return rows.status();
  page.rows = std::move(rows).value();
  return page;
}

Result<bool> ClaimNotification(Registry& registry, const OutboxRow& row, std::int64_t until) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> s = db.Prepare(kClaim);
  if (!s) return s.status();
  const std::int64_t attempts = row.attempts;
  if (Status b = s->Bind({until, row.id, attempts, row.next_attempt_at}); !b.ok()) return b;
  if (Status r = s->Run(); !r.ok()) return r;
  const bool claimed = db.Changes() == 1;
  if (Status c = txn->Commit(); !c.ok()) return c;
  return claimed;
}

Status MarkDelivered(Registry& registry, std::int64_t id) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> s = db.Prepare(kMarkSent);
  if (!s) return s.status();
  if (Status b = s->Bind({registry.Now(), id}); !b.ok()) return b;
  if (Status r = s->Run(); !r.ok()) return r;
  return txn->Commit();
}

Status MarkAttemptFailed(Registry& registry, std::int64_t id, const std::string& error) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> select = db.Prepare(kSelectAttempts);
  if (!select) return select.status();
  if (Status b = select->Bind({id}); !b.ok()) return b;
  Result<bool> row = select->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kOutboxRowNotFound>(id);
  const std::int64_t attempts = select->Int(0) + 1;
  const std::int64_t delay = kFirstRetryDelaySeconds << (attempts - 1);
  const std::string_view state = attempts >= kMaxDeliveryAttempts ? "failed" : "pending";
  Result<Statement> update = db.Prepare(kMarkFailed);
  if (!update) return update.status();
  Status bound = update->Bind({attempts, error, registry.Now() + delay, state, id});
  if (!bound.ok()) return bound;
  if (Status r = update->Run(); !r.ok()) return r;
  return txn->Commit();
}

}  // namespace badgewatch::registry
