// The registry's one writer connection shared by the API's worker threads:
// a handler leases it for one workflow step, and steps run one at a time (as
// SQLite allows one writer anyway). Thread-safe. When a step added an outbox
// row, the release calls the outbox hook (serve wakes its sender with it).
//
// Example:
//   RegistryWriter::Lease writer = writers.Acquire();
//   registry::DecideApplication(writer.registry(), actor, id, action, reason);
#ifndef BADGEWATCH_API_SERVICE_REGISTRY_WRITER_H_
#define BADGEWATCH_API_SERVICE_REGISTRY_WRITER_H_

#include <cstdint>
#include <functional>
#include <mutex>
#include <utility>

#include "registry/registry.h"

namespace badgewatch::api {

class RegistryWriter {
 public:
  explicit RegistryWriter(registry::Registry& registry) : registry_(registry) {}

  // Called, after the writer is released, by each lease whose step added an
  // outbox row (registry::Enqueue); on the thread that held the lease, so it
  // must be quick and thread-safe. Set it before the writer is shared.
  void SetOutboxHook(std::function<void()> hook) { outbox_hook_ = std::move(hook); }

  // Exclusive use of the writer while the lease lives.
  class Lease {
   public:
    [[nodiscard]] registry::Registry& registry() { return registry_; }

    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (!lock_.owns_lock() || !registry_.TakeOutboxRowAdded()) return;
      lock_.unlock();
      if (*hook_) (*hook_)();
    }

   private:
    friend class RegistryWriter;
    Lease(std::mutex& mutex, registry::Registry& registry, const std::function<void()>& hook)
        : lock_(mutex), registry_(registry), hook_(&hook) {}
    std::unique_lock<std::mutex> lock_;
    registry::Registry& registry_;
    const std::function<void()>* hook_;
  };

  [[nodiscard]] Lease Acquire() { return Lease(mutex_, registry_, outbox_hook_); }

  // The registry's clock (Unix seconds), without taking the lease: the clock
  // is fixed when the registry opens and may be read from any thread.
  [[nodiscard]] std::int64_t Now() const { return registry_.Now(); }

 private:
  std::mutex mutex_;
  registry::Registry& registry_;
  std::function<void()> outbox_hook_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_REGISTRY_WRITER_H_
