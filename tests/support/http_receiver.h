// A minimal HTTP/1.1 receiver on a loopback port for tests: it answers each
// request with a chosen status and keeps the request bodies. Serves on its
// own thread until destroyed.
#ifndef BADGEWATCH_TESTS_REGISTRY_HTTP_RECEIVER_H_
#define BADGEWATCH_TESTS_REGISTRY_HTTP_RECEIVER_H_

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace badgewatch::registry::testing {

class HttpReceiver {
 public:
  explicit HttpReceiver(int status);  // listens at once on a free port
  ~HttpReceiver();
  HttpReceiver(const HttpReceiver&) = delete;
  HttpReceiver& operator=(const HttpReceiver&) = delete;

  [[nodiscard]] std::string url() const;
  [[nodiscard]] std::vector<std::string> bodies() const;

 private:
  void Serve();

  int listen_fd_ = -1;
  int port_ = 0;
  int status_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> bodies_;
  std::thread thread_;
};

}  // namespace badgewatch::registry::testing

#endif  // BADGEWATCH_TESTS_REGISTRY_HTTP_RECEIVER_H_
