#include "api/service/reader_pool.h"

#include <utility>

namespace badgewatch::api {

ReaderLease::ReaderLease(ReaderPool* pool, std::unique_ptr<registry::Database> db)
    : pool_(pool), db_(std::move(db)) {}

ReaderLease::ReaderLease(ReaderLease&& other) noexcept
    : pool_(other.pool_), db_(std::move(other.db_)) {}

ReaderLease::~ReaderLease() {
  if (db_) pool_->Return(std::move(db_));
}

ReaderPool::ReaderPool(std::string database_path, std::size_t keep)
    : path_(std::move(database_path)), keep_(keep) {}

Result<ReaderLease> ReaderPool::Acquire() {
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<registry::Database> db = std::move(idle_.back());
      idle_.pop_back();
      return ReaderLease(this, std::move(db));
    }
  }
  Result<registry::Database> opened =
      registry::Database::Open(path_, registry::ConnectionRole::kReader);
  if (!opened) return opened.status();
  return ReaderLease(this, std::make_unique<registry::Database>(std::move(opened).value()));
}

void ReaderPool::Return(std::unique_ptr<registry::Database> db) {
  const std::lock_guard lock(mutex_);
  if (idle_.size() < keep_) idle_.push_back(std::move(db));
}

}  // namespace badgewatch::api
