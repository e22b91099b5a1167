#include "registry/audit_log.h"

#include <fmt/format.h>

#include "registry/crypto_primitives.h"

namespace badgewatch::registry {
namespace {

constexpr char kSelectLastHash[] = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
constexpr char kInsertEntry[] =
    "INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectEntries[] =
    "SELECT id, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY id";

// The hashed text: every field, separated by the ASCII unit separator so no
// field can shift into its neighbour.
Result<std::string> EntryHash(std::string_view prev_hash, std::int64_t id, std::int64_t at,
                              const AuditEntry& e) {
  return Sha256Hex(fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", prev_hash, id, at, e.actor,
                               e.action, e.subject, e.detail));
}

}  // namespace

Status AppendAudit(Database& db, std::int64_t at, const AuditEntry& entry) {
  Result<Statement> last = db.Prepare(kSelectLastHash);
  if (!last) return last.status();
  Result<bool> row = last->Step();
  if (!row) return row.status();
  const std::int64_t id = *row ? last->Int(0) + 1 : 1;
  const std::string prev_hash = *row ? last->Text(1) : kAuditGenesisHash;
  Result<std::string> hash = EntryHash(prev_hash, id, at, entry);
  if (!hash) return hash.status();
  Result<Statement> insert = db.Prepare(kInsertEntry);
  if (!insert) return insert.status();
  Status bound = insert->Bind(
      {id, at, entry.actor, entry.action, entry.subject, entry.detail, prev_hash, *hash});
  if (!bound.ok()) return bound;
  return insert->Run();
}

Result<AuditCheck> VerifyAuditLog(Database& db) {
  Result<Statement> select = db.Prepare(kSelectEntries);
  if (!select) return select.status();
  AuditCheck check;
  std::string expected_prev = kAuditGenesisHash;
  std::int64_t expected_id = 1;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row) return row.status();
    if (!*row) break;
    ++check.entries;
    const std::int64_t id = select->Int(0);
    AuditEntry entry{select->Text(2), select->Text(3), select->Text(4), select->Text(5)};
    const std::string prev_hash = select->Text(6);
    const std::string stored_hash = select->Text(7);
    Result<std::string> hash = EntryHash(prev_hash, id, select->Int(1), entry);
    if (!hash) return hash.status();
    std::string problem;
    if (id != expected_id) {
      problem = fmt::format("entry {} follows entry {}: a row was removed or inserted", id,
                            expected_id - 1);
    } else if (prev_hash != expected_prev) {
      problem = fmt::format("entry {} does not link to the hash of the entry before it", id);
    } else if (*hash != stored_hash) {
      problem = fmt::format("entry {} was altered: its fields no longer match its hash", id);
    }
    if (!problem.empty()) {
      check.intact = false;
      check.first_bad_id = id;
      check.problem = std::move(problem);
      return check;
    }
    expected_prev = stored_hash;
    expected_id = id + 1;
  }
  check.head_hash = expected_prev;
  return check;
}

}  // namespace badgewatch::registry
