// A write transaction on the writer connection: BEGIN IMMEDIATE on Begin,
// ROLLBACK unless Commit succeeded. Lives on the writer's thread, within one
// function's scope.
#ifndef BADGEWATCH_REGISTRY_TRANSACTION_H_
#define BADGEWATCH_REGISTRY_TRANSACTION_H_

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy
  // timeout), so a transaction never fails later on lock upgrade.
  [[nodiscard]] static Result<Transaction> Begin(Database& db);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();  // rolls back when not committed

  // COMMIT. On failure the transaction is rolled back by the destructor.
  [[nodiscard]] Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;  // null once committed or moved from
};

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_TRANSACTION_H_
