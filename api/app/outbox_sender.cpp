#include "api/app/outbox_sender.h"

#include <spdlog/spdlog.h>

#include <utility>

namespace badgewatch::api {

OutboxSender::OutboxSender(RegistryWriter& writer, OutboxSenderSettings settings)
    : writer_(writer), settings_(std::move(settings)) {}

OutboxSender::~OutboxSender() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

void OutboxSender::Start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  woken_ = true;  // the first pass runs at once
  thread_ = std::thread([this] { Run(); });
}

void OutboxSender::Wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  changed_.notify_one();
}

void OutboxSender::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
}

void OutboxSender::Run() {
  const WithWriter with_writer = [this](const WriterStep& step) {
    RegistryWriter::Lease lease = writer_.Acquire();
    return step(lease.registry());
  };
  bool more_due = false;  // the last pass read a full batch
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!more_due) {
        changed_.wait_for(lock, settings_.poll_interval, [this] { return woken_ || stopping_; });
      }
      if (stopping_) return;
      woken_ = false;
    }
    Result<DeliveryReport> report =
        DeliverDue(with_writer, settings_.delivery, settings_.batch, [this] {
          std::lock_guard<std::mutex> lock(mutex_);
          return stopping_;
        });
    if (!report) {
      spdlog::error("outbox: {}", report.status().ToString());
      more_due = false;
      continue;
    }
    if (report->sent > 0 || report->failed_attempts > 0) {
      spdlog::info("outbox: {} notices sent, {} attempts failed (retried later)", report->sent,
                   report->failed_attempts);
    }
    more_due = report->sent + report->failed_attempts >= settings_.batch;
  }
}

}  // namespace badgewatch::api
