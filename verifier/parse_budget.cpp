#include "verifier/parse_budget.h"

namespace badgewatch::verifier {

ParseBudget::Ticket ParseBudget::Acquire(std::size_t bytes) {
  std::unique_lock lock(mutex_);
  released_.wait(lock, [&] { return in_use_ == 0 || in_use_ + bytes <= budget_; });
  in_use_ += bytes;
  return Ticket(this, bytes);
}

std::size_t ParseBudget::in_use() const {
  std::lock_guard lock(mutex_);
  return in_use_;
}

void ParseBudget::Release(std::size_t bytes) {
  {
    std::lock_guard lock(mutex_);
    in_use_ -= bytes;
  }
  released_.notify_all();
}

ParseBudget& SharedParseBudget() {
  static ParseBudget budget(6 * 1024 * 1024);
  return budget;
}

}  // namespace badgewatch::verifier
