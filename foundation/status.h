// The project's one error value: a Status (ok, or a code and a message) and a
// Result<T> holding either a value or a non-ok Status, shaped like
// std::expected. Every module returns them, so a failure crosses a module
// boundary as it is: the message a crawler, a config file or SQLite gave
// reaches the report, the CLI or the JSON API without being copied into
// another type. In namespace badgewatch itself so every module finds them
// unqualified. Plain values, safe to copy between threads.
//
// A Status a person may read carries its text in both languages and a
// stable reason ("sms-code-wrong"): the registry and the API make theirs from
// their error catalogs (foundation/error_text.h), and the API answers in the
// caller's language. A Status from outside the catalogs (a library, a peer,
// a file) has the one message it was given, in every language.
//
// Example:
//   Result<UnitId> unit = accounts.RegisterUnit(actor, form);
//   if (!unit) return unit.status();
#ifndef BADGEWATCH_FOUNDATION_STATUS_H_
#define BADGEWATCH_FOUNDATION_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "foundation/language.h"

namespace badgewatch {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // a form field or command argument is wrong
  kNotFound,            // no such unit, site, application, token ...
  kPermissionDenied,    // this actor's role may not do this
  kFailedPrecondition,  // an illegal workflow transition, or a spent/expired code
  kAlreadyExists,       // a uniqueness rule (name, domain, login) would break
  kStorage,             // a database or file could not be read or written
  kSchemaTooNew,        // the database was written by a newer badgewatch
  kUnavailable,         // a peer could not be reached or refused: DNS, TCP, HTTP server,
                        // mail relay, SMS gateway
  kResourceExhausted,   // a rate limit refuses it for now (too many SMS codes ...)
  kInternal,            // a library call that should not fail did: OpenSSL, ICU
};

// "invalid-argument", "not-found", ...
[[nodiscard]] std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  // An error from outside the catalogs: the same message in every language.
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  // A catalog's error (see Error<> in foundation/error_text.h): `reason` is
  // the catalog entry's, a string with static storage.
  Status(StatusCode code, std::string_view reason, std::string chinese, std::string english)
      : code_(code), reason_(reason), message_(std::move(english)), chinese_(std::move(chinese)) {}

  static Status Ok() { return Status(); }

  [[nodiscard]] bool ok() const { return code_ == StatusCode::kOk; }
  [[nodiscard]] StatusCode code() const { return code_; }
  // The catalog's stable reason ("sms-code-wrong"), or the code's name
  // ("invalid-argument") for an error from outside the catalogs.
  [[nodiscard]] std::string_view reason() const {
    return reason_.empty() ? StatusCodeName(code_) : reason_;
  }
  // The English text (logs, the command line).
  [[nodiscard]] const std::string& message() const { return message_; }
  // The text in `language` (pages, API answers, notices).
  [[nodiscard]] const std::string& message(Language language) const {
    return language == Language::kChinese && !chinese_.empty() ? chinese_ : message_;
  }
  // "not-found: no unit 12"; "ok" when ok.
  [[nodiscard]] std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string_view reason_;
  std::string message_;
  std::string chinese_;
};

// Status(kInvalidArgument, message): a form field or argument is wrong, and
// the message says which and why. Outside the catalogs only (a command-line
// argument, a configuration file); the registry and the API use Error<>.
[[nodiscard]] inline Status InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}

// A value or the Status that explains why there is none. Accessing value()
// of a failed Result is a bug (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit like std::expected
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const Status& status() const { return status_; }

  [[nodiscard]] T& value() & {
    assert(ok());
    return *value_;
  }
  [[nodiscard]] const T& value() const& {
    assert(ok());
    return *value_;
  }
  // By value, so `for (auto& x : Load().value())` never dangles.
  [[nodiscard]] T value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace badgewatch

#endif  // BADGEWATCH_FOUNDATION_STATUS_H_
