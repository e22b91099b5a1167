// The registry's one writer connection shared by the API's worker threads:
// a handler leases it for one workflow step, and steps run one at a time (as
// SQLite allows one writer anyway). Thread-safe.
//
// Example:
//   RegistryWriter::Lease writer = writers.Acquire();
//   registry::DecideApplication(writer.registry(), actor, id, action, reason);
#ifndef BADGEWATCH_API_SERVICE_REGISTRY_WRITER_H_
#define BADGEWATCH_API_SERVICE_REGISTRY_WRITER_H_

#include <cstdint>
#include <mutex>

#include "registry/registry.h"

namespace badgewatch::api {

class RegistryWriter {
 public:
  explicit RegistryWriter(registry::Registry& registry) : registry_(registry) {}

  // Exclusive use of the writer while the lease lives.
  class Lease {
   public:
    [[nodiscard]] registry::Registry& registry() { return registry_; }

   private:
    friend class RegistryWriter;
    Lease(std::mutex& mutex, registry::Registry& registry) : lock_(mutex), registry_(registry) {}
    std::unique_lock<std::mutex> lock_;
    registry::Registry& registry_;
  };

  [[nodiscard]] Lease Acquire() { return Lease(mutex_, registry_); }

  // The registry's clock (Unix seconds), without taking the lease: the clock
  // is fixed when the registry opens and may be read from any thread.
  [[nodiscard]] std::int64_t Now() const { return registry_.Now(); }

 private:
  std::mutex mutex_;
  registry::Registry& registry_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_REGISTRY_WRITER_H_
