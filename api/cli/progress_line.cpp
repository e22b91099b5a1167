#include "api/cli/progress_line.h"

#include <fmt/format.h>
#include <unistd.h>

#include <utility>

namespace badgewatch::api {

constexpr auto kProgressInterval = std::chrono::milliseconds(250);

ProgressLine::ProgressLine(boost::asio::io_context& io, std::FILE* err, Text text)
    : timer_(io), err_(err), text_(std::move(text)), start_(std::chrono::steady_clock::now()) {}

void ProgressLine::StartOnTerminal() {
  if (isatty(fileno(err_)) != 0) Schedule();
}

void ProgressLine::Schedule() {
  timer_.expires_after(kProgressInterval);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    fmt::print(err_, "\r  {}   ", text_(seconds));
    std::fflush(err_);
    shown_ = true;
    Schedule();
  });
}

void ProgressLine::Clear() {
  if (shown_) fmt::print(err_, "\r{:70}\r", "");
  shown_ = false;
}

void ProgressLine::Stop() {
  timer_.cancel();
  Clear();
}

}  // namespace badgewatch::api
