// The live progress line of `badgewatch check` on a terminal: every 250 ms,
// "\r" and the text its caller composes (pages done, queued, failed, rate),
// wiped when the check ends. io_context thread only.
#ifndef BADGEWATCH_API_CLI_PROGRESS_LINE_H_
#define BADGEWATCH_API_CLI_PROGRESS_LINE_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace badgewatch::api {

class ProgressLine {
 public:
  // `text` gets the seconds since construction.
  using Text = std::function<std::string(double seconds)>;

  ProgressLine(boost::asio::io_context& io, std::FILE* err, Text text);

  // Starts showing the line when `err` is a terminal; otherwise does nothing.
  void StartOnTerminal();
  // Wipes the line, if one is shown, so other output can be printed; it is
  // drawn again at the next tick.
  void Clear();
  // Stops and wipes the line.
  void Stop();

 private:
  void Schedule();

  boost::asio::steady_timer timer_;
  std::FILE* err_;
  Text text_;
  std::chrono::steady_clock::time_point start_;
  bool shown_ = false;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_PROGRESS_LINE_H_
