#include "crawler/detail/curl_multi_driver.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/post.hpp>
#include <cerrno>
#include <cstring>
#include <exception>
#include <new>
#include <utility>

namespace badgewatch::crawler::detail {

// Outside the anonymous namespace: CurlMultiDriver::Transfer, a class of this
// module, holds them.
struct CurlEasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

namespace {

using boost::asio::ip::address;

std::optional<address> SockaddrAddress(const curl_sockaddr& sa) {
  if (sa.family == AF_INET) {
    sockaddr_in sin{};
    std::memcpy(&sin, &sa.addr, sizeof sin);
    return address(boost::asio::ip::address_v4(ntohl(sin.sin_addr.s_addr)));
  }
  if (sa.family == AF_INET6) {
    sockaddr_in6 sin6{};
    std::memcpy(&sin6, &sa.addr, sizeof sin6);
    boost::asio::ip::address_v6::bytes_type bytes;
    std::memcpy(bytes.data(), &sin6.sin6_addr, bytes.size());
    return address(boost::asio::ip::address_v6(bytes));
  }
  return std::nullopt;
}

FetchFailure Classify(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return FetchFailure::kTimeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
      return FetchFailure::kTls;
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return FetchFailure::kConnect;
    default:
      return FetchFailure::kProtocol;
  }
}

}  // namespace

// One request: the easy handle and everything its callbacks write into.
struct CurlMultiDriver::Transfer {
  CurlMultiDriver* driver = nullptr;
  FetchRequest request;
  HttpFetcher::Callback callback;
  std::unique_ptr<CURL, CurlEasyDeleter> easy;
  std::unique_ptr<curl_slist, CurlSlistDeleter> resolve;
  std::string body;
  bool too_large = false;
  std::string policy_refusal;  // why a socket was refused
  char error_buffer[CURL_ERROR_SIZE] = {};
};

CurlMultiDriver::CurlMultiDriver(boost::asio::io_context& io, FetchLimits limits,
                                 AddressPolicy policy)
    : io_(io), timer_(io), limits_(std::move(limits)), policy_(policy) {}

CurlMultiDriver::~CurlMultiDriver() {
  destroying_ = true;
  timer_.cancel();
  for (auto& [easy, transfer] : transfers_) {
    (void)curl_multi_remove_handle(multi_.get(), easy);  // nothing to do if it fails
  }
  transfers_.clear();
  multi_.reset();  // closes cached connections through OnCloseSocket
  for (auto& [fd, watch] : sockets_) {
    watch->removed = true;
    watch->descriptor.release();
  }
}

Status CurlMultiDriver::Init() {
  multi_.reset(curl_multi_init());
  if (!multi_) return Status(StatusCode::kInternal, "curl_multi_init failed");
  CURLMcode rc = CURLM_OK;
  const auto set = [&](CURLMoption option, auto value) {
    if (rc == CURLM_OK) rc = curl_multi_setopt(multi_.get(), option, value);
  };
  set(CURLMOPT_SOCKETFUNCTION, &CurlMultiDriver::OnSocket);
  set(CURLMOPT_SOCKETDATA, this);
  set(CURLMOPT_TIMERFUNCTION, &CurlMultiDriver::OnTimer);
  set(CURLMOPT_TIMERDATA, this);
  set(CURLMOPT_MAX_HOST_CONNECTIONS, limits_.max_host_connections);
  if (rc != CURLM_OK)
    return Status(StatusCode::kInternal, std::string("curl multi: ") + curl_multi_strerror(rc));
  return Status::Ok();
}

Status CurlMultiDriver::Configure(Transfer& t) {
  CURL* easy = t.easy.get();
  const std::string host_entry = t.request.address.is_v6()
                                     ? "[" + t.request.address.to_string() + "]"
                                     : t.request.address.to_string();
  const std::string resolve_entry =
      t.request.host + ":" + std::to_string(t.request.port) + ":" + host_entry;
  // A numeric host is its own address: curl resolves nothing, and OnOpenSocket
  // still checks it is the approved one.
  if (!ParseNumericHost(t.request.host)) {
    t.resolve.reset(curl_slist_append(nullptr, resolve_entry.c_str()));
    if (!t.resolve) return Status(StatusCode::kInternal, "out of memory");
  }
  CURLcode rc = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(easy, option, value);
  };
  set(CURLOPT_URL, t.request.url.c_str());
  set(CURLOPT_PRIVATE, &t);
  set(CURLOPT_ERRORBUFFER, t.error_buffer);
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_FOLLOWLOCATION, 0L);
  set(CURLOPT_PROXY, "");
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
  set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));  // h2 when ALPN offers it
  // Over TLS, a request to a host whose connection is still being set up waits
  // for ALPN to say whether it can share it (HTTP/2) rather than open one of its
  // own. Not over plain http (HTTP/1.1 only): there curl would learn it from the
  // first response, and a slow one would hold the others back.
  if (t.request.url.rfind("https:", 0) == 0) set(CURLOPT_PIPEWAIT, 1L);
  set(CURLOPT_USERAGENT, limits_.user_agent.c_str());
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits_.connect_timeout.count()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(limits_.total_timeout.count()));
  set(CURLOPT_LOW_SPEED_LIMIT, limits_.low_speed_bytes);
  set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(limits_.low_speed_time.count()));
  set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits_.max_body_bytes));
  if (t.resolve) set(CURLOPT_RESOLVE, t.resolve.get());
  set(CURLOPT_OPENSOCKETFUNCTION, &CurlMultiDriver::OnOpenSocket);
  set(CURLOPT_OPENSOCKETDATA, &t);
  set(CURLOPT_CLOSESOCKETFUNCTION, &CurlMultiDriver::OnCloseSocket);
  set(CURLOPT_CLOSESOCKETDATA, this);
  set(CURLOPT_WRITEFUNCTION, &CurlMultiDriver::OnWrite);
  set(CURLOPT_WRITEDATA, &t);
  if (!limits_.ca_file.empty()) set(CURLOPT_CAINFO, limits_.ca_file.c_str());
  if (rc != CURLE_OK)
    return Status(StatusCode::kInternal, std::string("curl option: ") + curl_easy_strerror(rc));
  return Status::Ok();
}

void CurlMultiDriver::Fetch(FetchRequest request, HttpFetcher::Callback callback) {
  auto transfer = std::make_unique<Transfer>();
  transfer->driver = this;
  transfer->request = std::move(request);
  transfer->callback = std::move(callback);
  transfer->easy.reset(curl_easy_init());
  Status status = transfer->easy ? Configure(*transfer)
                                 : Status(StatusCode::kInternal, "curl_easy_init failed");
  if (status.ok()) {
    const CURLMcode rc = curl_multi_add_handle(multi_.get(), transfer->easy.get());
    if (rc != CURLM_OK)
      status = Status(StatusCode::kInternal, std::string("curl multi: ") + curl_multi_strerror(rc));
  }
  if (!status.ok()) {
    boost::asio::post(io_, guard_.Bind([callback = std::move(transfer->callback), status]() {
      callback(FetchResult(FetchFailure::kProtocol, status));
    }));
    return;
  }
  CURL* easy = transfer->easy.get();
  transfers_.emplace(easy, std::move(transfer));
}

int CurlMultiDriver::OnSocket(CURL* /*easy*/, curl_socket_t fd, int what, void* userp,
                              void* /*socketp*/) noexcept {
  auto& self = *static_cast<CurlMultiDriver*>(userp);
  if (what == CURL_POLL_REMOVE) {
    self.Unwatch(fd);
    return 0;
  }
  try {
    auto it = self.sockets_.find(fd);
    if (it == self.sockets_.end()) {
      it = self.sockets_.emplace(fd, std::make_shared<SocketWatch>(self.io_, fd)).first;
    }
    it->second->what = what;
    self.Arm(it->second, fd);
  } catch (const std::exception&) {
    return -1;  // curl fails the transfers on this socket
  }
  return 0;
}

void CurlMultiDriver::Unwatch(curl_socket_t fd) {
  const auto it = sockets_.find(fd);
  if (it == sockets_.end()) return;
  it->second->removed = true;
  it->second->descriptor.release();  // curl owns the fd
  sockets_.erase(it);
}

void CurlMultiDriver::Arm(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd) {
  using boost::asio::posix::stream_descriptor;
  if (watch->removed) return;
  const bool want_read = watch->what == CURL_POLL_IN || watch->what == CURL_POLL_INOUT;
  const bool want_write = watch->what == CURL_POLL_OUT || watch->what == CURL_POLL_INOUT;
  if (want_read && !watch->read_pending) {
    watch->read_pending = true;
    watch->descriptor.async_wait(stream_descriptor::wait_read,
                                 [this, watch, fd](const boost::system::error_code& ec) {
                                   watch->read_pending = false;
                                   if (ec || watch->removed || destroying_) return;
                                   Act(fd, CURL_CSELECT_IN);
                                   Arm(watch, fd);
                                 });
  }
  if (want_write && !watch->write_pending) {
    watch->write_pending = true;
    watch->descriptor.async_wait(stream_descriptor::wait_write,
                                 [this, watch, fd](const boost::system::error_code& ec) {
                                   watch->write_pending = false;
                                   if (ec || watch->removed || destroying_) return;
                                   Act(fd, CURL_CSELECT_OUT);
                                   Arm(watch, fd);
                                 });
  }
}

int CurlMultiDriver::OnTimer(CURLM* /*multi*/, long timeout_ms, void* userp) noexcept {
  auto& self = *static_cast<CurlMultiDriver*>(userp);
  if (timeout_ms < 0) {
    self.timer_.cancel();
    return 0;
  }
  // Even a 0 ms timeout goes through the loop: curl must not be called from here.
  if (timeout_ms == 0) {
    // Posted, not timed: curl asks for "now" once per new transfer, and every
    // re-arm of the timer reprograms the loop's timerfd, a costly system call.
    self.timer_.cancel();
    if (!self.timeout_posted_) {
      self.timeout_posted_ = true;
      boost::asio::post(self.io_, self.guard_.Bind([&self]() {
        self.timeout_posted_ = false;
        self.Act(CURL_SOCKET_TIMEOUT, 0);
      }));
    }
    return 0;
  }
  self.timer_.expires_after(std::chrono::milliseconds(timeout_ms));
  self.timer_.async_wait([&self](const boost::system::error_code& ec) {
    if (ec || self.destroying_) return;
    self.Act(CURL_SOCKET_TIMEOUT, 0);
  });
  return 0;
}

void CurlMultiDriver::Act(curl_socket_t fd, int events) {
  int running = 0;
  const CURLMcode rc = curl_multi_socket_action(multi_.get(), fd, events, &running);
  if (rc != CURLM_OK && rc != CURLM_BAD_SOCKET) {
    // The multi handle is unusable: fail every transfer rather than hang.
    std::vector<CURL*> easies;
    for (const auto& [easy, transfer] : transfers_) easies.push_back(easy);
    for (CURL* easy : easies) Finish(*transfers_[easy], CURLE_FAILED_INIT);
    return;
  }
  DrainFinished();
}

void CurlMultiDriver::DrainFinished() {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_.get(), &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    const auto it = transfers_.find(message->easy_handle);
    if (it == transfers_.end()) continue;
    Finish(*it->second, message->data.result);
  }
}

void CurlMultiDriver::Finish(Transfer& t, CURLcode code) {
  CURL* easy = t.easy.get();
  FetchResult result(FetchFailure::kProtocol, Status(StatusCode::kInternal, "no result"));
  if (code == CURLE_OK) {
    FetchResponse response;
    char* content_type = nullptr;
    char* redirect = nullptr;
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status) != CURLE_OK ||
        curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &content_type) != CURLE_OK ||
        curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &redirect) != CURLE_OK ||
        curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after) != CURLE_OK) {
      result = FetchResult(FetchFailure::kProtocol,
                           Status(StatusCode::kInternal, "curl_easy_getinfo failed"));
    } else {
      if (content_type != nullptr) response.content_type = content_type;
      if (redirect != nullptr) response.redirect_url = redirect;
      if (retry_after > 0) response.retry_after = std::chrono::seconds(retry_after);
      response.body = std::move(t.body);
      result = std::move(response);
    }
  } else {
    long os_errno = 0;
    if (curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno) != CURLE_OK) os_errno = 0;
    if (!t.policy_refusal.empty()) {
      result = FetchResult(FetchFailure::kPolicy,
                           Status(StatusCode::kPermissionDenied, t.policy_refusal));
    } else if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
      result = FetchResult(
          FetchFailure::kTooLarge,
          Status(StatusCode::kResourceExhausted,
                 "body larger than " + std::to_string(limits_.max_body_bytes) + " bytes"));
    } else if (code == CURLE_OUT_OF_MEMORY && t.body.empty()) {
      // libcurl refuses a header line or block over CURL_MAX_HTTP_HEADER with
      // this code before any of the body arrives: the server's doing, not ours.
      result = FetchResult(FetchFailure::kTooLarge, Status(StatusCode::kResourceExhausted,
                                                           "response headers larger than 100 KiB"));
    } else if (code == CURLE_COULDNT_CONNECT && os_errno == ECONNREFUSED) {
      result = FetchResult(FetchFailure::kRefused,
                           Status(StatusCode::kUnavailable,
                                  "connection refused by " + t.request.address.to_string() + ":" +
                                      std::to_string(t.request.port)));
    } else {
      // a timeout is named by its kind (kTimeout): the message is curl's own
      result = FetchResult(
          Classify(code),
          Status(StatusCode::kUnavailable,
                 t.error_buffer[0] != '\0' ? t.error_buffer : curl_easy_strerror(code)));
    }
  }
  if (curl_multi_remove_handle(multi_.get(), easy) != CURLM_OK) {
    // The handle stays attached; keep the transfer alive rather than free it under curl.
    return;
  }
  HttpFetcher::Callback callback = std::move(t.callback);
  transfers_.erase(easy);
  boost::asio::post(
      io_, guard_.Bind([callback = std::move(callback), result = std::move(result)]() mutable {
        callback(std::move(result));
      }));
}

curl_socket_t CurlMultiDriver::OnOpenSocket(void* clientp, curlsocktype purpose,
                                            curl_sockaddr* sa) noexcept {
  auto& t = *static_cast<Transfer*>(clientp);
  if (purpose != CURLSOCKTYPE_IPCXN || sa == nullptr) return CURL_SOCKET_BAD;
  const std::optional<address> target = SockaddrAddress(*sa);
  if (!target) {
    t.policy_refusal = "refused a socket of an unknown address family";
    return CURL_SOCKET_BAD;
  }
  if (*target != t.request.address) {
    t.policy_refusal = "refused to connect to " + target->to_string() + ": not the address " +
                       t.request.address.to_string() + " approved for " + t.request.host;
    return CURL_SOCKET_BAD;
  }
  const Status allowed = t.driver->policy_.Check(*target);
  if (!allowed.ok()) {
    t.policy_refusal = "refused to connect: " + allowed.message();
    return CURL_SOCKET_BAD;
  }
  return socket(sa->family, sa->socktype | SOCK_CLOEXEC, sa->protocol);
}

int CurlMultiDriver::OnCloseSocket(void* clientp, curl_socket_t fd) noexcept {
  auto& self = *static_cast<CurlMultiDriver*>(clientp);
  self.Unwatch(fd);  // before the fd number can be reused
  return close(fd);
}

std::size_t CurlMultiDriver::OnWrite(char* data, std::size_t size, std::size_t count,
                                     void* userp) noexcept {
  auto& t = *static_cast<Transfer*>(userp);
  const std::size_t bytes = size * count;
  if (t.body.size() + bytes > t.driver->limits_.max_body_bytes) {
    t.too_large = true;
    return 0;  // CURLE_WRITE_ERROR: the decoded body is over the cap
  }
  try {
    if (t.body.empty()) {
      // The announced length, when the body is not compressed: one
      // allocation of the right size instead of doublings that would hold up
      // to twice the page while it waits to be parsed.
      curl_off_t length = -1;
      curl_header* encoding = nullptr;
      if (curl_easy_getinfo(t.easy.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) ==
              CURLE_OK &&
          length > 0 && static_cast<std::size_t>(length) <= t.driver->limits_.max_body_bytes &&
          curl_easy_header(t.easy.get(), "Content-Encoding", 0, CURLH_HEADER, -1, &encoding) !=
              CURLHE_OK) {
        t.body.reserve(static_cast<std::size_t>(length));
      }
    }
    t.body.append(data, bytes);
  } catch (const std::bad_alloc&) {
    t.too_large = true;
    return 0;
  }
  return bytes;
}

}  // namespace badgewatch::crawler::detail
