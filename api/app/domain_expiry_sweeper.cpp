#include "api/app/domain_expiry_sweeper.h"

#include <spdlog/spdlog.h>

#include "registry/domain_expiry.h"

namespace badgewatch::api {

DomainExpirySweeper::DomainExpirySweeper(RegistryWriter& writer,
                                         std::chrono::steady_clock::duration period)
    : writer_(writer), period_(period) {}

DomainExpirySweeper::~DomainExpirySweeper() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

void DomainExpirySweeper::Start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { Run(); });
}

void DomainExpirySweeper::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
}

void DomainExpirySweeper::Run() {
  for (;;) {
    {
      RegistryWriter::Lease lease = writer_.Acquire();
      Result<int> notices = registry::SweepDomainExpiry(lease.registry());
      if (!notices) {
        spdlog::error("domain expiry: {}", notices.status().ToString());
      } else if (*notices > 0) {
        spdlog::info("domain expiry: {} notices queued (reminders, expired, lapsed)", *notices);
      }
    }
    std::unique_lock<std::mutex> lock(mutex_);
    if (changed_.wait_for(lock, period_, [this] { return stopping_; })) return;
  }
}

}  // namespace badgewatch::api
