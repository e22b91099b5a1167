// hostile_site_server: serves a hostile site of tests/support/hostile_site.h on
// loopback until killed, for bench/hostile.
//   hostile_site_server [--links N] [--delay-ms D] [--port P]
// Prints "http://127.0.0.1:PORT/" once listening.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tests/support/hostile_site.h"

int main(int argc, char** argv) {
  badgewatch::testing::HostileSite site = badgewatch::testing::LinkFlood();
  unsigned long port = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const unsigned long value = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--links") {
      site.links = value;
    } else if (flag == "--delay-ms") {
      site.delay = std::chrono::milliseconds(value);
    } else if (flag == "--port") {
      port = value;
    } else {
      std::fprintf(stderr, "usage: hostile_site_server [--links N] [--delay-ms D] [--port P]\n");
      return 2;
    }
  }
  badgewatch::testing::TestWebServer server("127.0.0.1", static_cast<std::uint16_t>(port));
  server.StopLogging();
  server.ServeGenerated([site](const std::string&, const std::string& target) {
    return badgewatch::testing::HostileSitePage(site, target);
  });
  std::printf("http://127.0.0.1:%u/\n", static_cast<unsigned>(server.port()));
  std::fflush(stdout);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  int received = 0;
  sigwait(&signals, &received);
  return 0;
}
