// The outbox's sender inside `serve`: one thread of its own (libcurl's
// blocking easy API, never the event loop) that delivers due rows as soon as
// a request step enqueued one (Wake, from the writer's outbox hook) and every
// poll interval for rows other processes added and retries whose backoff ran
// out. The outbox stays the durable record: see DeliverDue for the claim and
// at-least-once rules. Start, Wake and Stop may be called from any thread.
//
// Example:
//   OutboxSender sender(writer, {config, std::chrono::seconds(5)});
//   writer.SetOutboxHook([&sender] { sender.Wake(); });
//   sender.Start();
#ifndef BADGEWATCH_API_APP_OUTBOX_SENDER_H_
#define BADGEWATCH_API_APP_OUTBOX_SENDER_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "api/delivery/notification_sender.h"
#include "api/service/registry_writer.h"

namespace badgewatch::api {

struct OutboxSenderSettings {
  SenderConfig delivery;  // its empty URLs leave their channel's rows pending
  std::chrono::milliseconds poll_interval{5'000};
  int batch = 20;  // rows read at once; a full batch is followed by the next at once
};

class OutboxSender {
 public:
  // `writer` must outlive the sender.
  OutboxSender(RegistryWriter& writer, OutboxSenderSettings settings);
  ~OutboxSender();  // Stop(), then waits for the thread (at most a delivery's timeout)
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  // Starts the thread; its first pass delivers what is due at once (rows left
  // by a process that stopped or crashed).
  void Start();
  // Asks for a pass now (a row was enqueued). Cheap; never blocks on I/O.
  void Wake();
  // Asks the thread to end after the delivery in progress; does not wait.
  void Stop();

 private:
  void Run();

  RegistryWriter& writer_;
  OutboxSenderSettings settings_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_APP_OUTBOX_SENDER_H_
