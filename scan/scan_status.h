// The scan module's own error value for work that is not the registry's
// (configuration files, encodings, metrics files): ok, or one sentence naming
// the file, key or line. Plain values, safe to copy between threads.
//
// Example:
//   ScanResult<ServiceConfig> config = LoadServiceConfig("/etc/badgewatch.toml");
//   if (!config) return Fail(config.error());
#ifndef BADGEWATCH_SCAN_SCAN_STATUS_H_
#define BADGEWATCH_SCAN_SCAN_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace badgewatch::scan {

// What went wrong, for a person: "badgewatch.toml:4: scan.per_host must be an integer".
struct ScanError {
  std::string message;
};

// A value of T, or the ScanError that explains why there is none.
template <typename T>
class [[nodiscard]] ScanResult {
 public:
  ScanResult(T value) : value_(std::move(value)) {}          // NOLINT: like std::expected
  ScanResult(ScanError error) : error_(std::move(error)) {}  // NOLINT

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const std::string& error() const { return error_.message; }

  [[nodiscard]] T& value() & {
    assert(ok());
    return *value_;
  }
  [[nodiscard]] const T& value() const& {
    assert(ok());
    return *value_;
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  ScanError error_;
};

// Success or failure of work that yields nothing.
struct Done {};
using ScanStatus = ScanResult<Done>;

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_SCAN_STATUS_H_
