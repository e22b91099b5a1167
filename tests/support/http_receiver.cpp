#include "tests/support/http_receiver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace badgewatch::registry::testing {
namespace {

// Reads one request; returns its body ("" when the peer closed early).
std::string ReadRequestBody(int fd) {
  std::string data;
  char buffer[4096];
  std::size_t header_end = std::string::npos;
  std::size_t content_length = 0;
  for (;;) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return {};
    data.append(buffer, static_cast<std::size_t>(n));
    if (header_end == std::string::npos) {
      header_end = data.find("\r\n\r\n");
      if (header_end == std::string::npos) continue;
      const std::size_t at = data.find("Content-Length:");
      if (at != std::string::npos && at < header_end) {
        content_length = std::strtoul(data.c_str() + at + 15, nullptr, 10);
      }
    }
    if (data.size() >= header_end + 4 + content_length) {
      return data.substr(header_end + 4, content_length);
    }
  }
}

}  // namespace

HttpReceiver::HttpReceiver(int status) : status_(status) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof addr;
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listen_fd_, 16) != 0 ||
      getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
    throw std::runtime_error("HttpReceiver: cannot listen");
  }
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

HttpReceiver::~HttpReceiver() {
  stopping_ = true;
  thread_.join();
  close(listen_fd_);
}

std::string HttpReceiver::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/sms";
}

std::vector<std::string> HttpReceiver::bodies() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bodies_;
}

void HttpReceiver::Serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;  // wakes to notice stopping_
    const int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::string body = ReadRequestBody(fd);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      bodies_.push_back(std::move(body));
    }
    const std::string response = "HTTP/1.1 " + std::to_string(status_) +
                                 " Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    (void)send(fd, response.data(), response.size(), MSG_NOSIGNAL);
    close(fd);
  }
}

}  // namespace badgewatch::registry::testing
