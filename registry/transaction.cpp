#include "registry/transaction.h"

namespace badgewatch::registry {
namespace {

constexpr char kBegin[] = "BEGIN IMMEDIATE";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";

}  // namespace

Result<Transaction> Transaction::Begin(Database& db) {
  if (Status s = db.Exec(kBegin); !s.ok()) return s;
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Transaction::~Transaction() {
  // A failed ROLLBACK leaves nothing to do: SQLite rolls back on close.
  if (db_ != nullptr) (void)db_->Exec(kRollback);
}

Status Transaction::Commit() {
  Status s = db_->Exec(kCommit);
  if (s.ok()) db_ = nullptr;
  return s;
}

}  // namespace badgewatch::registry
