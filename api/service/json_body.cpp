#include "api/service/json_body.h"

#include <algorithm>
#include <utility>

namespace badgewatch::api {

namespace {

bool IsJsonMediaType(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  return type == "application/json" || type.empty();
}

}  // namespace

HttpResponse JsonBody::Refusal(const HttpRequest& request) const {
  return ErrorResponse(
      request, media_type_error_ ? http::status::unsupported_media_type : http::status::bad_request,
      error_);
}

void JsonBody::Fail(std::string message, bool media_type) {
  if (!error_.empty()) return;  // keep the first problem
  error_ = std::move(message);
  media_type_error_ = media_type;
}

const nlohmann::json* JsonBody::Field(std::string_view key, bool required) {
  if (!ok()) return nullptr;
  const auto found = json_.find(key);
  if (found == json_.end() || found->is_null()) {
    if (required) Fail("field '" + std::string(key) + "' is required");
    return nullptr;
  }
  return &*found;
}

std::string JsonBody::String(std::string_view key) {
  const nlohmann::json* value = Field(key, true);
  if (!value) return {};
  if (!value->is_string()) {
    Fail("field '" + std::string(key) + "' must be a string");
    return {};
  }
  return value->get<std::string>();
}

std::optional<std::string> JsonBody::OptionalString(std::string_view key) {
  const nlohmann::json* value = Field(key, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    Fail("field '" + std::string(key) + "' must be a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::int64_t JsonBody::Integer(std::string_view key) {
  const nlohmann::json* value = Field(key, true);
  if (!value) return 0;
  if (!value->is_number_integer()) {
    Fail("field '" + std::string(key) + "' must be an integer");
    return 0;
  }
  return value->get<std::int64_t>();
}

bool JsonBody::Boolean(std::string_view key, bool absent_value) {
  const nlohmann::json* value = Field(key, false);
  if (!value) return absent_value;
  if (!value->is_boolean()) {
    Fail("field '" + std::string(key) + "' must be true or false");
    return absent_value;
  }
  return value->get<bool>();
}

std::vector<std::string> JsonBody::Strings(std::string_view key) {
  std::vector<std::string> strings;
  const nlohmann::json* value = Field(key, true);
  if (!value) return strings;
  if (!value->is_array() ||
      !std::all_of(value->begin(), value->end(), [](const auto& v) { return v.is_string(); })) {
    Fail("field '" + std::string(key) + "' must be an array of strings");
    return strings;
  }
  for (const auto& item : *value) strings.push_back(item.get<std::string>());
  return strings;
}

std::vector<std::int64_t> JsonBody::Integers(std::string_view key) {
  std::vector<std::int64_t> integers;
  const nlohmann::json* value = Field(key, true);
  if (!value) return integers;
  if (!value->is_array() || !std::all_of(value->begin(), value->end(),
                                         [](const auto& v) { return v.is_number_integer(); })) {
    Fail("field '" + std::string(key) + "' must be an array of integers");
    return integers;
  }
  for (const auto& item : *value) integers.push_back(item.get<std::int64_t>());
  return integers;
}

std::string JsonBody::OneOf(std::string_view key, std::initializer_list<std::string_view> choices,
                            std::string_view absent_value) {
  const std::optional<std::string> value = OptionalString(key);
  if (!value) return std::string(absent_value);
  if (std::find(choices.begin(), choices.end(), *value) != choices.end()) return *value;
  std::string listed;
  for (const std::string_view choice : choices) {
    listed += listed.empty() ? "" : ", ";
    listed += "\"" + std::string(choice) + "\"";
  }
  Fail("field '" + std::string(key) + "' must be one of " + listed);
  return std::string(absent_value);
}

JsonBody ParseJsonBody(const HttpRequest& request, const std::vector<std::string_view>& allowed) {
  JsonBody body;
  const auto content_type = request[http::field::content_type];
  if (!IsJsonMediaType(std::string_view(content_type.data(), content_type.size()))) {
    body.Fail("the body must be application/json", true);
    return body;
  }
  body.json_ = nlohmann::json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
  if (body.json_.is_discarded()) {
    body.Fail("the body is not valid JSON");
    return body;
  }
  if (!body.json_.is_object()) {
    body.Fail("the body must be a JSON object");
    return body;
  }
  for (const auto& [key, value] : body.json_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      body.Fail("field '" + key + "' cannot be set here");
      return body;
    }
  }
  return body;
}

}  // namespace badgewatch::api
