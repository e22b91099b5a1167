// The crawler's error values: Status for operations without a value and
// Result<T> (shaped like std::expected) for those with one. Plain values; any
// thread.
#ifndef BADGEWATCH_CRAWLER_RESULT_H_
#define BADGEWATCH_CRAWLER_RESULT_H_

#include <string>
#include <utility>
#include <variant>

namespace badgewatch::crawler {

// Why something failed, in words a report can show ("NXDOMAIN: no such name").
struct Error {
  std::string message;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error.message)), ok_(false) {}  // NOLINT: implicit
  static Status Ok() { return {}; }

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] const std::string& message() const { return error_; }

 private:
  std::string error_;
  bool ok_ = true;
};

template <typename T, typename E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(E error) : value_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  [[nodiscard]] bool ok() const { return value_.index() == 0; }
  [[nodiscard]] const T& value() const& { return std::get<0>(value_); }
  [[nodiscard]] T& value() & { return std::get<0>(value_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(value_)); }
  [[nodiscard]] const E& error() const { return std::get<1>(value_); }

 private:
  std::variant<T, E> value_;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_RESULT_H_
