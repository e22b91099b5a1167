// A real HTTP/2 server for crawler tests: an nginx child process serving fixed
// files over TLS on a free loopback port, offering h2 and http/1.1 by ALPN,
// and logging the protocol and connection of every request it answered.
// Test threads only.
//
// Example:
//   NginxHttp2Server server({{"/index.html", "<title>t</title>"}}, cert, key);
//   ... crawl https://host:server.port()/ ...
//   for (const NginxRequest& request : server.StopAndReadLog()) { ... }
#ifndef BADGEWATCH_TESTS_SUPPORT_NGINX_HTTP2_SERVER_H_
#define BADGEWATCH_TESTS_SUPPORT_NGINX_HTTP2_SERVER_H_

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace badgewatch::testing {

// One line of the access log.
struct NginxRequest {
  std::string protocol;    // "HTTP/2.0", "HTTP/1.1"
  std::string connection;  // nginx's serial number of the connection it came on
  std::string target;      // path and query as requested
};

class NginxHttp2Server {
 public:
  // `files`: target path ("/a.html") -> body; .html is text/html, .txt
  // text/plain, .xml application/xml. Starts nginx and waits (up to 5 s) until
  // it listens. Throws std::runtime_error when nginx is missing or does not start.
  NginxHttp2Server(const std::map<std::string, std::string>& files,
                   const std::string& tls_certificate, const std::string& tls_key);
  ~NginxHttp2Server();
  NginxHttp2Server(const NginxHttp2Server&) = delete;
  NginxHttp2Server& operator=(const NginxHttp2Server&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }

  // Stops nginx, so every request it answered has been logged, and returns
  // the log in the order requests finished. Throws when the log is unreadable.
  [[nodiscard]] std::vector<NginxRequest> StopAndReadLog();

 private:
  void Stop();

  std::string dir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_NGINX_HTTP2_SERVER_H_
