// Reading a request's JSON body into typed fields with a precise 400 for the
// first problem: malformed JSON, a wrong Content-Type, a missing or mistyped
// field, or a field the caller may not set. Pure; any thread.
//
// Example:
//   JsonBody body = ParseJsonBody(request, {"mobile"});
//   if (!body.ok()) return body.Refusal(request);
//   std::string mobile = body.String("mobile");
#ifndef BADGEWATCH_API_SERVICE_JSON_BODY_H_
#define BADGEWATCH_API_SERVICE_JSON_BODY_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/http_message.h"
#include "foundation/status.h"

namespace badgewatch::api {

class JsonBody {
 public:
  // True while no problem has been found (parsing or reading fields).
  [[nodiscard]] bool ok() const { return error_.ok(); }
  [[nodiscard]] const Status& error() const { return error_; }
  // 400 (or 415 for a non-JSON Content-Type) naming the first problem.
  [[nodiscard]] HttpResponse Refusal(const HttpRequest& request) const;

  // Readers: a missing required field or a wrong type records the problem
  // and returns an empty value; optional ones return nullopt when absent or null.
  [[nodiscard]] std::string String(std::string_view key);
  [[nodiscard]] std::optional<std::string> OptionalString(std::string_view key);
  [[nodiscard]] std::int64_t Integer(std::string_view key);
  [[nodiscard]] bool Boolean(std::string_view key, bool absent_value);
  [[nodiscard]] std::vector<std::string> Strings(std::string_view key);
  [[nodiscard]] std::vector<std::int64_t> Integers(std::string_view key);
  // One of `choices` (a string), or `absent_value` when the key is absent.
  [[nodiscard]] std::string OneOf(std::string_view key,
                                  std::initializer_list<std::string_view> choices,
                                  std::string_view absent_value);

 private:
  friend JsonBody ParseJsonBody(const HttpRequest&, const std::vector<std::string_view>&);
  const nlohmann::json* Field(std::string_view key, bool required);
  void Fail(Status error, bool media_type = false);

  nlohmann::json json_;
  Status error_;
  bool media_type_error_ = false;
};

// Parses the body as a JSON object whose keys must all be in `allowed`.
[[nodiscard]] JsonBody ParseJsonBody(const HttpRequest& request,
                                     const std::vector<std::string_view>& allowed);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_JSON_BODY_H_
