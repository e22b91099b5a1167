#include "api/service/json_body.h"

#include <algorithm>
#include <utility>

#include "api/service/api_errors.h"

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

void JsonBody::Fail(Status error, bool media_type) {
  if (!error_.ok()) return;  // keep the first problem
  error_ = std::move(error);
  media_type_error_ = media_type;
}

const nlohmann::json* JsonBody::Field(std::string_view key, bool required) {
  if (!ok()) return nullptr;
  const auto found = json_.find(key);
  if (found == json_.end() || found->is_null()) {
    if (required) Fail(Error<errors::kFieldMissing>(key));
    return nullptr;
  }
  return &*found;
}

std::string JsonBody::String(std::string_view key) {
  const nlohmann::json* value = Field(key, true);
  if (!value) return {};
  if (!value->is_string()) {
    Fail(Error<errors::kFieldNotString>(key));
    return {};
  }
  return value->get<std::string>();
}

std::optional<std::string> JsonBody::OptionalString(std::string_view key) {
  const nlohmann::json* value = Field(key, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    Fail(Error<errors::kFieldNotString>(key));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::int64_t JsonBody::Integer(std::string_view key) {
  const nlohmann::json* value = Field(key, true);
  if (!value) return 0;
  if (!value->is_number_integer()) {
    Fail(Error<errors::kFieldNotInteger>(key));
    return 0;
  }
  return value->get<std::int64_t>();
}

bool JsonBody::Boolean(std::string_view key, bool absent_value) {
  const nlohmann::json* value = Field(key, false);
  if (!value) return absent_value;
  if (!value->is_boolean()) {
    Fail(Error<errors::kFieldNotBoolean>(key));
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
    Fail(Error<errors::kFieldNotStrings>(key));
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
    Fail(Error<errors::kFieldNotIntegers>(key));
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
  Fail(Error<errors::kFieldNotOneOf>(key, listed));
  return std::string(absent_value);
}

JsonBody ParseJsonBody(const HttpRequest& request, const std::vector<std::string_view>& allowed) {
  JsonBody body;
  const auto content_type = request[http::field::content_type];
  if (!IsJsonMediaType(std::string_view(content_type.data(), content_type.size()))) {
    body.Fail(Error<errors::kBodyNotJsonType>(), true);
    return body;
  }
  body.json_ = nlohmann::json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
  if (body.json_.is_discarded()) {
    body.Fail(Error<errors::kBodyNotJson>());
    return body;
  }
  if (!body.json_.is_object()) {
    body.Fail(Error<errors::kBodyNotObject>());
    return body;
  }
  for (const auto& [key, value] : body.json_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      body.Fail(Error<errors::kFieldNotSettable>(key));
      return body;
    }
  }
  return body;
}

}  // namespace badgewatch::api
