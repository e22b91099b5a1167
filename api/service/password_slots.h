// A bound on the password checks (scrypt, slow on purpose) that run at once,
// so a login flood cannot take every worker thread from the rest of the API:
// a check that finds every slot taken is refused at once (the caller answers
// 503 with Retry-After) instead of waiting. `badgewatch serve` gives its
// workers minus one slots. Thread-safe.
//
// Example:
//   std::optional<PasswordSlots::Slot> slot = slots.TryAcquire();
//   if (!slot) return Busy();
//   ... VerifyLogin(...) ...   // the slot is given back when `slot` goes
#ifndef BADGEWATCH_API_SERVICE_PASSWORD_SLOTS_H_
#define BADGEWATCH_API_SERVICE_PASSWORD_SLOTS_H_

#include <atomic>
#include <cstddef>
#include <optional>

namespace badgewatch::api {

class PasswordSlots {
 public:
  // A taken slot; given back when destroyed.
  class Slot {
   public:
    explicit Slot(PasswordSlots* owner) : owner_(owner) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() {
      if (owner_ != nullptr) owner_->busy_.fetch_sub(1);
    }

   private:
    PasswordSlots* owner_;
  };

  // At least one slot.
  explicit PasswordSlots(std::size_t slots) : slots_(slots == 0 ? 1 : slots) {}

  // A slot, or nullopt when all are taken.
  [[nodiscard]] std::optional<Slot> TryAcquire();

  [[nodiscard]] std::size_t busy() const { return busy_.load(); }
  [[nodiscard]] std::size_t size() const { return slots_; }

 private:
  const std::size_t slots_;
  std::atomic<std::size_t> busy_{0};
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_PASSWORD_SLOTS_H_
