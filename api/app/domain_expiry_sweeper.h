// The domains' expiry sweep inside `serve` (registry::SweepDomainExpiry):
// once at start, then every period, on a thread of its own that leases the
// writer for each pass (never the event loop); the notices it queues wake
// the outbox sender through the writer's hook. Start and Stop from any thread.
//
// Example:
//   DomainExpirySweeper sweeper(writer, std::chrono::hours(1));
//   sweeper.Start();
#ifndef BADGEWATCH_API_APP_DOMAIN_EXPIRY_SWEEPER_H_
#define BADGEWATCH_API_APP_DOMAIN_EXPIRY_SWEEPER_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "api/service/registry_writer.h"

namespace badgewatch::api {

class DomainExpirySweeper {
 public:
  // `writer` must outlive the sweeper.
  DomainExpirySweeper(RegistryWriter& writer, std::chrono::steady_clock::duration period);
  ~DomainExpirySweeper();  // Stop(), then waits for the pass in progress
  DomainExpirySweeper(const DomainExpirySweeper&) = delete;
  DomainExpirySweeper& operator=(const DomainExpirySweeper&) = delete;

  // Starts the thread; its first pass runs at once. A failed pass is logged
  // and the next one tries again.
  void Start();
  // Asks the thread to end after the pass in progress; does not wait.
  void Stop();

 private:
  void Run();

  RegistryWriter& writer_;
  std::chrono::steady_clock::duration period_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_APP_DOMAIN_EXPIRY_SWEEPER_H_
