#include "api/http/detail/http_session.h"

#include <spdlog/logger.h>
#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/http/http_errors.h"

namespace badgewatch::api::detail {

namespace beast = boost::beast;
namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

std::string RemoteOf(const asio::ip::tcp::socket& socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return "-";
  return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

Status Refusal(ClientLimiter::Admission::Refusal refusal) {
  return refusal == ClientLimiter::Admission::Refusal::kInFlight
             ? Error<errors::kTooManyInFlight>()
             : Error<errors::kTooManyRequests>();
}

}  // namespace

// --- ServerShared ----------------------------------------------------------

void ServerShared::Accept() {
  if (stopping || accepting || !acceptor.is_open()) return;
  if (sessions.size() >= options.max_connections) return;  // resumed by OnSessionClosed
  accepting = true;
  acceptor.async_accept(
      io, [self = shared_from_this()](beast::error_code ec, asio::ip::tcp::socket socket) {
        self->accepting = false;
        if (self->stopping) return;
        if (ec) {
          if (ec == asio::error::operation_aborted) return;
          // Out of descriptors or memory: the condition will not clear in a tight
          // loop, so wait before accepting again.
          spdlog::default_logger_raw()->warn("accept failed: {}; retrying in 100 ms", ec.message());
          self->retry_timer.expires_after(std::chrono::milliseconds(100));
          self->retry_timer.async_wait([self](beast::error_code wait_ec) {
            if (!wait_ec) self->Accept();
          });
          return;
        }
        beast::error_code peer_ec;
        const asio::ip::address peer = Unmapped(socket.remote_endpoint(peer_ec).address());
        if (peer_ec) {  // reset before it could be looked at
          socket.close(peer_ec);
          return self->Accept();
        }
        // A trusted proxy carries many clients: its connections are not
        // capped; the requests through it are limited per forwarded client.
        const bool counted = !self->options.trusted_proxies.Contains(peer);
        if (counted && !self->limiter.OpenConnection(peer)) {
          self->metrics.ConnectionRefused();
          socket.close(peer_ec);
          return self->Accept();
        }
        auto session = std::make_shared<HttpSession>(std::move(socket), peer, counted, self);
        self->sessions.insert(session.get());
        session->Start();
        self->Accept();
      });
}

void ServerShared::OnSessionClosed(HttpSession* session) {
  sessions.erase(session);
  Accept();
}

void ServerShared::Stop() {
  if (stopping) return;
  stopping = true;
  beast::error_code ec;
  acceptor.close(ec);
  retry_timer.cancel();
  const std::vector<HttpSession*> live(sessions.begin(), sessions.end());
  for (HttpSession* session : live) session->Stop();
}

// --- HttpSession -----------------------------------------------------------

HttpSession::HttpSession(asio::ip::tcp::socket socket, asio::ip::address peer, bool counted,
                         std::shared_ptr<ServerShared> shared)
    : stream_(std::move(socket)),
      buffer_(shared->options.max_header_bytes + shared->options.max_body_bytes + 4096),
      shared_(std::move(shared)),
      peer_(peer),
      client_(peer),
      counted_(counted) {}

HttpSession::~HttpSession() {
  if (!closed_) {
    shared_->metrics.ConnectionClosed();
    shared_->sessions.erase(this);
  }
  ReleaseConnection();
}

void HttpSession::ReleaseConnection() {
  if (!counted_) return;
  counted_ = false;
  shared_->limiter.CloseConnection(peer_);
}

void HttpSession::Start() {
  remote_ = RemoteOf(stream_.socket());
  shared_->metrics.ConnectionOpened();
  ReadRequest();
}

void HttpSession::Stop() {
  stop_after_response_ = true;
  // Waiting for a request that has not begun: nothing to finish.
  if (reading_ && !(parser_ && parser_->got_some()) && buffer_.size() == 0) {
    stream_.cancel();
  }
}

void HttpSession::ReadRequest() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(shared_->options.max_header_bytes));
  parser_->body_limit(shared_->options.max_body_bytes);
  stream_.expires_after(shared_->options.read_timeout);
  reading_ = true;
  beast::http::async_read(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&HttpSession::OnRead, shared_from_this()));
}

void HttpSession::OnRead(beast::error_code ec, std::size_t /*bytes*/) {
  reading_ = false;
  request_started_ = Clock::now();
  if (ec) {
    const bool begun = parser_->got_some();
    request_line_ = "-";
    if (ec == beast::http::error::header_limit) {
      return Write(UnreadableRequestResponse(beast::http::status::request_header_fields_too_large,
                                             Error<errors::kHeadersTooLarge>()));
    }
    if (ec == beast::http::error::body_limit) {
      return Write(UnreadableRequestResponse(beast::http::status::payload_too_large,
                                             Error<errors::kBodyTooLarge>()));
    }
    // On a deadline Beast has already closed the socket: no 408 can be sent.
    if (ec == beast::error::timeout && begun) shared_->metrics.RequestTimedOut();
    if (ec.category() == beast::error_code(beast::http::error::end_of_stream).category() &&
        ec != beast::http::error::end_of_stream && ec != beast::http::error::partial_message) {
      return Write(UnreadableRequestResponse(beast::http::status::bad_request,
                                             Error<errors::kMalformedRequest>(ec.message())));
    }
    return Close();  // closed by the client, idle timeout, stop, reset
  }

  auto request = std::make_shared<HttpRequest>(parser_->release());
  request_line_ = std::string(request->method_string()) + " " + std::string(request->target());
  if (++requests_served_ >= shared_->options.max_requests_per_connection) {
    stop_after_response_ = true;
  }
  client_ = ClientAddress(peer_, *request, shared_->options.trusted_proxies);
  // Refused here, on the loop: a client over its limits never reaches a worker.
  if (const ClientLimiter::Admission admission = shared_->limiter.AdmitRequest(client_);
      !admission.admitted()) {
    shared_->metrics.RequestLimited(admission.refusal);
    HttpResponse refusal =
        TooManyRequestsResponse(*request, admission.retry_after, Refusal(admission.refusal));
    if (stop_after_response_ || shared_->stopping) refusal.keep_alive(false);
    return Write(std::move(refusal));
  }
  // The work guard keeps io_context::run() from returning while the handler
  // runs on a worker and nothing else is pending on the loop.
  asio::post(shared_->workers, [self = shared_from_this(), request, client = client_,
                                work = asio::make_work_guard(shared_->io)] {
    HttpResponse response = self->shared_->handler(*request, client);
    asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
      self->OnHandled(std::move(response));
    });
  });
}

void HttpSession::OnHandled(HttpResponse response) {
  shared_->limiter.RequestFinished(client_);
  if (closed_) return;
  if (stop_after_response_ || shared_->stopping) response.keep_alive(false);
  Write(std::move(response));
}

void HttpSession::Write(HttpResponse response) {
  response_ = std::make_shared<HttpResponse>(std::move(response));
  const bool close = response_->need_eof();
  stream_.expires_after(shared_->options.write_timeout);
  beast::http::async_write(
      stream_, *response_,
      beast::bind_front_handler(&HttpSession::OnWrite, shared_from_this(), close));
}

void HttpSession::OnWrite(bool close, beast::error_code ec, std::size_t bytes) {
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - request_started_);
  const unsigned status = response_->result_int();
  shared_->metrics.RequestServed(status, elapsed);
  if (shared_->options.access_log) {
    // Through a trusted proxy the line names the client it forwarded too.
    const std::string forwarded = client_ == peer_ ? "" : " for " + client_.to_string();
    shared_->options.access_log->info("{}{} \"{}\" {} {} {:.1f}ms", remote_, forwarded,
                                      request_line_, status, bytes,
                                      static_cast<double>(elapsed.count()) / 1000.0);
  }
  response_.reset();
  if (ec || close || stop_after_response_ || shared_->stopping) return Close();
  ReadRequest();
}

void HttpSession::Close() {
  if (closed_) return;
  closed_ = true;
  beast::error_code ec;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  stream_.socket().close(ec);
  ReleaseConnection();
  shared_->metrics.ConnectionClosed();
  shared_->OnSessionClosed(this);
}

}  // namespace badgewatch::api::detail
