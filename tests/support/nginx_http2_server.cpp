#include "tests/support/nginx_http2_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "tests/support/child_process.h"

namespace badgewatch::testing {
namespace {

std::uint16_t FreeTcpPort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::string Config(const std::string& dir, std::uint16_t port, const std::string& certificate,
                   const std::string& key) {
  std::ostringstream c;
  c << "daemon off;\nmaster_process off;\npid " << dir << "/nginx.pid;\n"
    << "error_log " << dir << "/error.log warn;\nevents {}\nhttp {\n"
    << "  types { text/html html; text/plain txt; application/xml xml; }\n"
    << "  log_format requests '$server_protocol\\t$connection\\t$request_uri';\n"
    << "  access_log " << dir << "/access.log requests;\n";
  for (const char* temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
    c << "  " << temp << "_temp_path " << dir << "/tmp;\n";
  c << "  server {\n    listen 127.0.0.1:" << port << " ssl http2;\n"
    << "    ssl_certificate " << certificate << ";\n    ssl_certificate_key " << key << ";\n"
    << "    root " << dir << "/root;\n  }\n}\n";
  return c.str();
}

// Waits until `dir`/nginx.pid is written (nginx writes it once it listens) or
// the process exits or 5 s pass; true when it was written.
bool WaitForPidFile(pid_t pid, int inotify, const std::string& dir) {
  const std::string pid_file = dir + "/nginx.pid";
  const auto written = [&pid_file] {
    std::error_code ec;
    return std::filesystem::file_size(pid_file, ec) > 0 && !ec;
  };
  // Through syscall(): glibc 2.36's <sys/pidfd.h> lacks extern "C" for C++.
  const int process = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (process < 0) return false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!written()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd fds[] = {{inotify, POLLIN, 0}, {process, POLLIN, 0}};
    if (left.count() <= 0 || poll(fds, 2, static_cast<int>(left.count())) <= 0) break;
    if (fds[1].revents != 0) break;  // nginx exited
    alignas(inotify_event) char events[4096];
    if (read(inotify, events, sizeof events) < 0) break;
  }
  close(process);
  return written();
}

}  // namespace

NginxHttp2Server::NginxHttp2Server(const std::map<std::string, std::string>& files,
                                   const std::string& tls_certificate, const std::string& tls_key) {
  const char* binary = "/usr/sbin/nginx";
  if (access(binary, X_OK) != 0)
    throw std::runtime_error("nginx is not installed (scripts/install-deps)");
  std::string dir_template =
      (std::filesystem::temp_directory_path() / "badgewatch-nginx.XXXXXX").string();
  if (mkdtemp(dir_template.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = dir_template;
  std::filesystem::create_directories(dir_ + "/tmp");
  for (const auto& [target, body] : files) WriteFile(dir_ + "/root" + target, body);
  // A port free now may be taken before nginx binds it: a start that fails is tried again.
  for (int attempt = 0; attempt < 5 && pid_ < 0; ++attempt) {
    port_ = FreeTcpPort();
    WriteFile(dir_ + "/nginx.conf", Config(dir_, port_, tls_certificate, tls_key));
    const int inotify = inotify_init1(IN_CLOEXEC);
    if (inotify < 0 || inotify_add_watch(inotify, dir_.c_str(), IN_CLOSE_WRITE) < 0) {
      if (inotify >= 0) close(inotify);
      throw std::runtime_error("inotify failed");
    }
    std::vector<std::string> args = {
        binary, "-p", dir_, "-c", dir_ + "/nginx.conf", "-e", dir_ + "/error.log"};
    pid_t pid = -1;
    try {
      pid = StartChild(args, "", "");
    } catch (const std::runtime_error&) {
      close(inotify);
      throw;
    }
    const bool listening = WaitForPidFile(pid, inotify, dir_);
    close(inotify);
    if (listening) {
      pid_ = pid;
    } else {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
  }
  if (pid_ < 0) {
    std::ifstream error_log(dir_ + "/error.log");
    const std::string errors((std::istreambuf_iterator<char>(error_log)),
                             std::istreambuf_iterator<char>());
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    throw std::runtime_error("nginx did not start: " + errors);
  }
}

NginxHttp2Server::~NginxHttp2Server() {
  Stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void NginxHttp2Server::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);  // nginx finishes the event it is in, so answered requests are logged
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::vector<NginxRequest> NginxHttp2Server::StopAndReadLog() {
  Stop();
  std::ifstream log(dir_ + "/access.log");
  if (!log) throw std::runtime_error("no nginx access log");
  std::vector<NginxRequest> requests;
  std::string line;
  while (std::getline(log, line)) {
    std::istringstream fields(line);
    NginxRequest request;
    std::getline(fields, request.protocol, '\t');
    std::getline(fields, request.connection, '\t');
    std::getline(fields, request.target);
    requests.push_back(std::move(request));
  }
  return requests;
}

}  // namespace badgewatch::testing
