// A tiny UDP DNS server for the rebinding and teardown tests: the n-th A query
// (any name) gets the n-th address of its script, the last one from then on;
// AAAA queries get no records; every answer can be held back by a delay (a
// slow resolver). Runs on its own thread; the destructor stops it.
#ifndef BADGEWATCH_TESTS_SUPPORT_SCRIPTED_DNS_SERVER_H_
#define BADGEWATCH_TESTS_SUPPORT_SCRIPTED_DNS_SERVER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace badgewatch::testing {

class ScriptedDnsServer {
 public:
  explicit ScriptedDnsServer(std::vector<std::string> a_answers,
                             std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  ~ScriptedDnsServer();
  ScriptedDnsServer(const ScriptedDnsServer&) = delete;
  ScriptedDnsServer& operator=(const ScriptedDnsServer&) = delete;

  [[nodiscard]] std::string server() const;  // "127.0.0.1:PORT"
  [[nodiscard]] std::size_t a_queries() const { return a_queries_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> answers_;
  std::chrono::milliseconds delay_;
  std::atomic<std::size_t> a_queries_{0};
  std::thread thread_;
};

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_SCRIPTED_DNS_SERVER_H_
