// A loopback HTTP/1.1 server for crawler tests (Boost.Beast, one thread per
// connection): serves fixture sites by Host header, logs every request, and
// can misbehave on purpose (endless body, gzip bomb, silence, trickle,
// scripted status sequences). Thread-safe; Stop() or the destructor joins all.
#ifndef BADGEWATCH_TESTS_SUPPORT_TEST_WEB_SERVER_H_
#define BADGEWATCH_TESTS_SUPPORT_TEST_WEB_SERVER_H_

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace badgewatch::testing {

struct TestResponse {
  enum class Behaviour {
    kNormal,
    kEndlessBody,  // 200 text/html, body never ends
    kGzipBomb,     // Content-Encoding: gzip, 1 GiB of zeros once decoded
    kNeverAnswer,  // reads the request, never writes
    kTrickle,      // one body byte per second
  };
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Location, Retry-After ...
  Behaviour behaviour = Behaviour::kNormal;
  std::chrono::milliseconds delay{0};  // before the answer (a slow server, a tarpit)
};

// Answers the requests no route matches: (host, target) -> response.
using ResponseGenerator = std::function<TestResponse(const std::string&, const std::string&)>;

struct ServedConnection;  // one accepted connection, plain or TLS (test_web_server.cpp)

struct LoggedRequest {
  std::string host;                          // Host header without port
  std::string target;                        // path and query
  std::chrono::steady_clock::time_point at;  // when the request was read
};

class TestWebServer {
 public:
  // Listens on `address`:`port` (0: a free port); throws on failure (test set-up).
  // With a certificate and key (PEM files) it speaks HTTPS.
  explicit TestWebServer(const std::string& address = "127.0.0.1", std::uint16_t port = 0,
                         const std::string& tls_certificate = "", const std::string& tls_key = "");
  ~TestWebServer();
  TestWebServer(const TestWebServer&) = delete;
  TestWebServer& operator=(const TestWebServer&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  // "http://HOST:PORT" (https with TLS) for a host name served here.
  [[nodiscard]] std::string Origin(const std::string& host) const;

  // `target` is path plus query as requested ("/a.html", "/list?p=2").
  void Serve(const std::string& host, const std::string& target, TestResponse response);
  // Answers the n-th request with the n-th response, the last one from then on.
  void ServeSequence(const std::string& host, const std::string& target,
                     std::vector<TestResponse> responses);
  // An HTML page with the given body markup ("<title>..</title>" goes in head).
  void ServePage(const std::string& host, const std::string& target, const std::string& title,
                 const std::string& body_html);
  // Every request no route matches is answered by `generator` (called on the
  // connection's thread, concurrently) instead of 404.
  void ServeGenerated(ResponseGenerator generator);
  // Stops logging requests (a long benchmark run would grow the log).
  void StopLogging();

  [[nodiscard]] std::vector<LoggedRequest> Log() const;
  [[nodiscard]] std::size_t Count(const std::string& host, const std::string& target) const;
  [[nodiscard]] std::size_t connections() const { return connections_; }
  // The most connections open at the same time so far.
  [[nodiscard]] std::size_t max_concurrent_connections() const { return max_open_; }
  // The most requests being answered at the same time so far: from the
  // request read to the last byte of the response written. Unlike open
  // connections, this does not wait for the server to notice a client's
  // close, so it counts what the client had in flight.
  [[nodiscard]] std::size_t max_concurrent_requests() const {
    std::lock_guard lock(mutex_);
    return max_requests_in_flight_;
  }

  void Stop();

 private:
  struct Impl;
  TestResponse Respond(const std::string& host, const std::string& target);
  void ServeConnection(ServedConnection& connection);

  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
  std::string address_;
  bool tls_ = false;
  mutable std::mutex mutex_;
  std::condition_variable stopping_;
  bool stopped_ = false;
  std::map<std::pair<std::string, std::string>, std::vector<TestResponse>> routes_;
  std::map<std::pair<std::string, std::string>, std::size_t> served_;
  std::vector<LoggedRequest> log_;
  bool logging_ = true;
  ResponseGenerator generator_;
  std::atomic<std::size_t> connections_{0};
  std::size_t open_ = 0;  // guarded by mutex_
  std::atomic<std::size_t> max_open_{0};
  std::size_t requests_in_flight_ = 0;      // guarded by mutex_
  std::size_t max_requests_in_flight_ = 0;  // guarded by mutex_
  // Counts one request in requests_in_flight_ for its lifetime.
  class RequestInFlight {
   public:
    explicit RequestInFlight(TestWebServer& server);
    ~RequestInFlight();
    RequestInFlight(const RequestInFlight&) = delete;
    RequestInFlight& operator=(const RequestInFlight&) = delete;

   private:
    TestWebServer& server_;
  };
  std::thread acceptor_thread_;
  std::vector<std::thread> connection_threads_;
};

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_TEST_WEB_SERVER_H_
