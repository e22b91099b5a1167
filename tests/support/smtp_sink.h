// A real SMTP server for tests: aiosmtpd (Debian python3-aiosmtpd) started as
// a child process on a free loopback port, printing what it receives to a
// file; stopped and reaped by the destructor. One test thread.
#ifndef BADGEWATCH_TESTS_REGISTRY_SMTP_SINK_H_
#define BADGEWATCH_TESTS_REGISTRY_SMTP_SINK_H_

#include <sys/types.h>

#include <string>

namespace badgewatch::registry::testing {

class SmtpSink {
 public:
  // Starts the sink and polls until it accepts connections. Throws when it
  // cannot start (aiosmtpd missing: run scripts/install-deps).
  explicit SmtpSink(const std::string& log_path);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // What the sink printed so far: each message between "---------- MESSAGE
  // FOLLOWS ----------" and "------------ END MESSAGE ------------", its
  // lines as received (LF ends).
  [[nodiscard]] std::string Output() const;
  // Polls the sink's output until it contains `text` (true) or 10 s pass.
  [[nodiscard]] bool WaitFor(const std::string& text) const;

 private:
  std::string log_path_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// A loopback TCP port that was free a moment ago.
[[nodiscard]] int FreeLoopbackPort();
// Whether something accepts TCP connections on 127.0.0.1:`port`.
[[nodiscard]] bool Accepts(int port);

}  // namespace badgewatch::registry::testing

#endif  // BADGEWATCH_TESTS_REGISTRY_SMTP_SINK_H_
