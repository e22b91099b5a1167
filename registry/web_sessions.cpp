#include "registry/web_sessions.h"

#include <fmt/format.h>

#include "registry/crypto_primitives.h"
#include "registry/registry_errors.h"
#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kInsertSession[] =
    "INSERT INTO web_sessions (account_id, token_sha256, csrf_token, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr char kSelectSession[] =
    "SELECT account_id, csrf_token, expires_at, ended_at FROM web_sessions "
    "WHERE token_sha256 = ?";
constexpr char kSelectOpenSession[] =
    "SELECT id, account_id FROM web_sessions WHERE token_sha256 = ? AND ended_at IS NULL";
constexpr char kEndSession[] = "UPDATE web_sessions SET ended_at = ? WHERE id = ?";

// The prefix every session token carries, so a leaked one is recognisable.
constexpr std::string_view kSessionPrefix = "bws_";
constexpr std::size_t kTokenBytes = 32;

}  // namespace

Result<WebSession> StartWebSession(Registry& registry, const Actor& actor,
                                   std::chrono::seconds lifetime) {
  if (lifetime.count() < 1) {
    return Error<errors::kSessionTooShort>();
  }
  Result<std::string> secret = RandomHex(kTokenBytes);
  if (!secret) return secret.status();
  Result<std::string> csrf = RandomHex(kTokenBytes);
  if (!csrf) return csrf.status();
  WebSession session{std::string(kSessionPrefix) + *secret, *csrf,
                     registry.Now() + lifetime.count()};
  Result<std::string> digest = Sha256Hex(session.token);
  if (!digest) return digest.status();

  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> insert = db.Prepare(kInsertSession);
  if (!insert) return insert.status();
  if (Status b = insert->Bind(
          {actor.account_id, *digest, session.csrf_token, registry.Now(), session.expires_at});
      !b.ok()) {
    return b;
  }
  if (Status s = insert->Run(); !s.ok()) return s;
  Status audited = registry.Audit({ActorLabel(actor), "session.start",
                                   fmt::format("web_session:{}", db.LastInsertId()),
                                   fmt::format("expires at {}", session.expires_at)});
  if (!audited.ok()) return audited;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return session;
}

Result<ActiveWebSession> FindWebSession(Database& db, std::string_view token, std::int64_t now) {
  Result<std::string> digest = Sha256Hex(token);
  if (!digest) return digest.status();
  Result<Statement> s = db.Prepare(kSelectSession);
  if (!s) return s.status();
  if (Status b = s->Bind({*digest}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kSessionUnknown>();
  if (!s->IsNull(3)) return Error<errors::kSessionEnded>();
  if (s->Int(2) <= now) return Error<errors::kSessionExpired>();
  ActiveWebSession session;
  session.csrf_token = s->Text(1);
  session.expires_at = s->Int(2);
  Result<Actor> actor = LoadActor(db, s->Int(0));
  if (!actor) return actor.status();
  if (actor->disabled) return Error<errors::kAccountDisabled>();
  session.actor = std::move(actor).value();
  return session;
}

Status EndWebSession(Registry& registry, std::string_view token) {
  Result<std::string> digest = Sha256Hex(token);
  if (!digest) return digest.status();
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<Statement> open = db.Prepare(kSelectOpenSession);
  if (!open) return open.status();
  if (Status b = open->Bind({*digest}); !b.ok()) return b;
  Result<bool> row = open->Step();
  if (!row) return row.status();
  if (!*row) return Status::Ok();  // unknown or ended already: nothing to do
  const std::int64_t session_id = open->Int(0);
  const std::int64_t account_id = open->Int(1);
  Result<Statement> end = db.Prepare(kEndSession);
  if (!end) return end.status();
  if (Status b = end->Bind({registry.Now(), session_id}); !b.ok()) return b;
  if (Status s = end->Run(); !s.ok()) return s;
  Status audited = registry.Audit({fmt::format("account:{}", account_id), "session.end",
                                   fmt::format("web_session:{}", session_id), "logout"});
  if (!audited.ok()) return audited;
  return txn->Commit();
}

}  // namespace badgewatch::registry
