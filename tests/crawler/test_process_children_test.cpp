// The servers a test starts as child processes die with the test process,
// however it ends: a test that aborts (a sanitizer report ends a test with
// abort(), running no destructor; here SIGKILL, which no handler can catch) must not leave dnsmasq running and holding
// the output pipe that ctest waits on until it closes.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/dnsmasq_process.h"

namespace {

// False once `pid` has exited: no such process, or a zombie waiting for
// whichever process adopted it.
bool ProcessRuns(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const std::size_t close_paren = line.rfind(')');
  return close_paren != std::string::npos && close_paren + 2 < line.size() &&
         line[close_paren + 2] != 'Z' && line[close_paren + 2] != 'X';
}

}  // namespace

TEST_CASE("Test servers: dnsmasq dies with a test process that aborts", "[crawler][network]") {
  int pid_pipe[2];
  REQUIRE(pipe(pid_pipe) == 0);
  std::fflush(nullptr);
  const pid_t test_process = fork();
  REQUIRE(test_process >= 0);
  if (test_process == 0) {
    close(pid_pipe[0]);
    const badgewatch::testing::DnsmasqProcess dns(
        std::vector<std::pair<std::string, std::string>>{{"jyj.example.gov.cn", "127.0.0.1"}});
    const pid_t dnsmasq = dns.pid();
    if (write(pid_pipe[1], &dnsmasq, sizeof dnsmasq) != sizeof dnsmasq) _exit(3);
    raise(SIGKILL);  // ends it as a crash does: no destructor, no handler
  }
  close(pid_pipe[1]);
  pid_t dnsmasq = -1;
  const ssize_t got = read(pid_pipe[0], &dnsmasq, sizeof dnsmasq);
  close(pid_pipe[0]);
  int status = 0;
  REQUIRE(waitpid(test_process, &status, 0) == test_process);
  REQUIRE(got == static_cast<ssize_t>(sizeof dnsmasq));
  CHECK(WIFSIGNALED(status));

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (ProcessRuns(dnsmasq) && std::chrono::steady_clock::now() < deadline) {
    usleep(10'000);
  }
  const bool still_running = ProcessRuns(dnsmasq);
  if (still_running) kill(dnsmasq, SIGKILL);  // leave nothing behind for the next test
  CHECK_FALSE(still_running);
}
