// Read-only registry connections for the API's worker threads: a handler
// leases one, uses it on its own thread, and the lease returns it. Opens a
// new connection when none is free, keeps at most `keep` idle ones.
// Thread-safe.
//
// Example:
//   auto lease = pool.Acquire();
//   if (!lease) return ErrorResponse(..., lease.status().message());
//   registry::AuthenticateToken(lease->db(), token);
#ifndef BADGEWATCH_API_SERVICE_READER_POOL_H_
#define BADGEWATCH_API_SERVICE_READER_POOL_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::api {

class ReaderPool;

// A leased connection; returned to the pool when the lease is destroyed.
class ReaderLease {
 public:
  ReaderLease(ReaderPool* pool, std::unique_ptr<registry::Database> db);
  ~ReaderLease();
  ReaderLease(ReaderLease&& other) noexcept;
  ReaderLease& operator=(ReaderLease&&) = delete;
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;

  [[nodiscard]] registry::Database& db() { return *db_; }

 private:
  ReaderPool* pool_;
  std::unique_ptr<registry::Database> db_;
};

class ReaderPool {
 public:
  ReaderPool(std::string database_path, std::size_t keep);

  // A connection to the registry file, read-only. kStorage when the file
  // cannot be opened (removed, not a database).
  [[nodiscard]] Result<ReaderLease> Acquire();

 private:
  friend class ReaderLease;
  void Return(std::unique_ptr<registry::Database> db);

  const std::string path_;
  const std::size_t keep_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<registry::Database>> idle_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_READER_POOL_H_
