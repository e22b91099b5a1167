#include "tests/support/dnsmasq_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <stdexcept>

#include "crawler/dns_resolver.h"
#include "tests/support/child_process.h"

namespace badgewatch::testing {

std::uint16_t FreeUdpPort() {
  boost::asio::io_context io;
  boost::asio::ip::udp::socket socket(
      io, boost::asio::ip::udp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  return socket.local_endpoint().port();
}

namespace {

// Asks the server for `name` with the crawler's own resolver until it answers
// or the deadline passes; returns false at once, with *exit_status set, when
// the process `pid` has exited.
bool Answers(pid_t pid, const std::string& server, const std::string& name, int* exit_status) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, exit_status, WNOHANG) == pid) return false;
    boost::asio::io_context io;
    auto resolver = crawler::DnsResolver::Create(
        io, {.server = server, .timeout = std::chrono::milliseconds(200), .tries = 1});
    if (!resolver.ok()) return false;
    bool answered = false;
    resolver.value()->Resolve(name, [&](crawler::DnsAnswer answer) {
      answered = answer.ok() || answer.status().message().find("NXDOMAIN") != std::string::npos;
    });
    io.run();
    if (answered) return true;
  }
  return false;
}

}  // namespace

DnsmasqProcess::DnsmasqProcess(const std::vector<std::pair<std::string, std::string>>& names) {
  const char* candidates[] = {"/usr/sbin/dnsmasq", "/sbin/dnsmasq", "/usr/bin/dnsmasq"};
  std::string binary;
  for (const char* candidate : candidates) {
    if (access(candidate, X_OK) == 0) binary = candidate;
  }
  if (binary.empty()) throw std::runtime_error("dnsmasq is not installed (scripts/install-deps)");
  if (names.empty()) throw std::runtime_error("DnsmasqProcess needs at least one name");
  // dnsmasq listens on UDP and TCP: a port free for UDP may be taken for TCP
  // (or taken in between), so a start that fails to bind is tried again.
  std::string failure;
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = FreeUdpPort();
    std::vector<std::string> args = {binary,
                                     "--keep-in-foreground",
                                     "--conf-file=/dev/null",
                                     "--no-resolv",
                                     "--no-hosts",
                                     "--no-poll",
                                     "--pid-file=",
                                     "--user=root",
                                     // Its own group too: dnsmasq would switch to "dip", and
                                     // a changed group clears the signal that ends it with
                                     // the test (TieToTestProcess).
                                     "--group=root",
                                     "--bind-interfaces",
                                     "--listen-address=127.0.0.1",
                                     "--port=" + std::to_string(port_)};
    for (const auto& [name, address] : names) args.push_back("--address=/" + name + "/" + address);
    // Its standard error stays the test's, so a failure to start is in the test's output.
    pid_ = StartChild(args, "", "");
    int status = -1;
    if (Answers(pid_, server(), names.front().first, &status)) return;
    const bool exited = status != -1;
    if (!exited) {
      kill(pid_, SIGTERM);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
    failure =
        "dnsmasq did not answer on " + server() +
        (exited ? " (it exited with status " + std::to_string(WEXITSTATUS(status)) + ")" : "");
  }
  throw std::runtime_error(failure);
}

DnsmasqProcess::~DnsmasqProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
}

std::string DnsmasqProcess::server() const { return "127.0.0.1:" + std::to_string(port_); }

}  // namespace badgewatch::testing
