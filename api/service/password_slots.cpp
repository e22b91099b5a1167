#include "api/service/password_slots.h"

namespace badgewatch::api {

std::optional<PasswordSlots::Slot> PasswordSlots::TryAcquire() {
  std::size_t busy = busy_.load();
  while (busy < slots_) {
    if (busy_.compare_exchange_weak(busy, busy + 1)) return Slot(this);
  }
  return std::nullopt;
}

}  // namespace badgewatch::api
