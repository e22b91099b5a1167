#include "tests/support/scripted_dns_server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

namespace badgewatch::testing {

namespace asio = boost::asio;
using asio::ip::udp;

struct ScriptedDnsServer::Impl {
  asio::io_context io;
  udp::socket socket{io, udp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::vector<unsigned char> buffer = std::vector<unsigned char>(512);
  udp::endpoint peer;

  // Sends `reply` to `to` once `delay` has passed (at once for 0).
  void SendAfter(std::chrono::milliseconds delay, std::vector<unsigned char> reply,
                 const udp::endpoint& to) {
    auto timer = std::make_shared<asio::steady_timer>(io, delay);
    timer->async_wait(
        [this, timer, to, reply = std::move(reply)](const boost::system::error_code&) {
          boost::system::error_code send_ec;  // a peer gone away is not the server's failure
          socket.send_to(asio::buffer(reply), to, 0, send_ec);
        });
  }
};

namespace {

// The answer to one query, or empty for a packet that is not one.
std::vector<unsigned char> Answer(const std::vector<unsigned char>& query, std::size_t size,
                                  const std::string& a_address, bool* is_a) {
  if (size < 12) return {};
  std::size_t pos = 12;
  while (pos < size && query[pos] != 0) pos += query[pos] + 1u;
  pos += 1;
  if (pos + 4 > size) return {};
  const int qtype = (query[pos] << 8) | query[pos + 1];
  const std::size_t question_end = pos + 4;
  std::vector<unsigned char> reply(query.begin(), query.begin() + static_cast<long>(question_end));
  *is_a = qtype == 1;
  reply[2] = static_cast<unsigned char>(0x84 | (query[2] & 0x01));  // QR, AA, RD copied
  reply[3] = 0x80;                                                  // RA, NOERROR
  reply[6] = 0;
  reply[7] = *is_a ? 1 : 0;  // ANCOUNT
  reply[8] = reply[9] = reply[10] = reply[11] = 0;
  if (*is_a) {
    const auto bytes = asio::ip::make_address_v4(a_address).to_bytes();
    const unsigned char record[] = {0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4};  // TTL 0
    reply.insert(reply.end(), std::begin(record), std::end(record));
    reply.insert(reply.end(), bytes.begin(), bytes.end());
  }
  return reply;
}

}  // namespace

ScriptedDnsServer::ScriptedDnsServer(std::vector<std::string> a_answers,
                                     std::chrono::milliseconds delay)
    : impl_(std::make_unique<Impl>()), answers_(std::move(a_answers)), delay_(delay) {
  thread_ = std::thread([this] {
    std::function<void()> receive = [this, &receive] {
      impl_->socket.async_receive_from(
          asio::buffer(impl_->buffer), impl_->peer,
          [this, &receive](const boost::system::error_code& ec, std::size_t size) {
            if (ec) return;
            const std::size_t n = a_queries_;
            bool is_a = false;
            const auto reply =
                Answer(impl_->buffer, size, answers_[std::min(n, answers_.size() - 1)], &is_a);
            if (is_a) ++a_queries_;
            if (!reply.empty()) impl_->SendAfter(delay_, reply, impl_->peer);
            receive();
          });
    };
    receive();
    impl_->io.run();
  });
}

ScriptedDnsServer::~ScriptedDnsServer() {
  impl_->io.stop();
  thread_.join();
}

std::string ScriptedDnsServer::server() const {
  return "127.0.0.1:" + std::to_string(impl_->socket.local_endpoint().port());
}

}  // namespace badgewatch::testing
