#include "api/http/request_router.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <string>

#include "api/http/http_errors.h"

namespace badgewatch::api {

namespace {

bool IsCapture(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// "/a/b/" → {"a", "b", ""}: a trailing slash is a segment of its own, so
// "/api/sites/" does not match "/api/sites".
std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// Captures of `pattern` on the raw `segments`, decoded; nullopt on no match.
std::optional<std::vector<std::pair<std::string, std::string>>> Match(
    const std::vector<std::string>& pattern, const std::vector<std::string>& segments) {
  if (pattern.size() != segments.size()) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> captures;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string& want = pattern[i];
    if (IsCapture(want)) {
      if (segments[i].empty()) return std::nullopt;
      captures.emplace_back(want.substr(1, want.size() - 2), PercentDecode(segments[i]));
    } else if (PercentDecode(segments[i]) != want) {
      return std::nullopt;
    }
  }
  return captures;
}

std::string AllowHeader(std::vector<http::verb> methods) {
  std::string allow;
  for (const http::verb method : methods) {
    if (!allow.empty()) allow += ", ";
    const auto name = http::to_string(method);
    allow.append(name.data(), name.size());
  }
  return allow;
}

}  // namespace

std::string_view RouteRequest::PathParam(std::string_view name) const {
  for (const auto& [key, value] : path_params) {
    if (key == name) return value;
  }
  return {};
}

void RequestRouter::Add(http::verb method, std::string_view pattern, RouteHandler handler) {
  std::vector<std::string> segments = SplitPath(pattern);
  for (Route& route : routes_) {
    if (route.method == method && route.segments == segments) {
      route.handler = std::move(handler);
      return;
    }
  }
  routes_.push_back({method, std::move(segments), std::move(handler)});
}

std::vector<std::pair<http::verb, std::string>> RequestRouter::Routes() const {
  std::vector<std::pair<http::verb, std::string>> routes;
  for (const Route& route : routes_) {
    std::string pattern;
    for (const std::string& segment : route.segments) pattern += "/" + segment;
    routes.emplace_back(route.method, std::move(pattern));
  }
  return routes;
}

HttpResponse RequestRouter::Handle(const HttpRequest& request,
                                   const boost::asio::ip::address& client) const {
  const std::string_view target(request.target().data(), request.target().size());
  const std::size_t question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  const std::vector<std::string> segments = SplitPath(raw_path);
  if (segments.empty()) {
    return ErrorResponse(request, http::status::bad_request, Error<errors::kTargetNotPath>());
  }
  const bool head = request.method() == http::verb::head;
  const http::verb method = head ? http::verb::get : request.method();

  std::vector<http::verb> allowed;
  for (const Route& route : routes_) {
    auto captures = Match(route.segments, segments);
    if (!captures) continue;
    if (route.method != method) {
      allowed.push_back(route.method);
      continue;
    }
    RouteRequest route_request{
        request, PercentDecode(raw_path), std::move(*captures),
        ParseFormFields(question == std::string_view::npos ? std::string_view()
                                                           : target.substr(question + 1)),
        client};
    HttpResponse response;
    try {
      response = route.handler(route_request);
    } catch (const std::exception& e) {
      spdlog::error("handler for {} {} failed: {}",
                    std::string(request.method_string().data(), request.method_string().size()),
                    raw_path, e.what());
      return ErrorResponse(request, http::status::internal_server_error,
                           Error<errors::kHandlerFailed>());
    }
    if (head) {
      const std::size_t length = response.body().size();
      response.body().clear();
      response.content_length(length);
    }
    return response;
  }
  if (allowed.empty()) {
    return ErrorResponse(request, http::status::not_found, Error<errors::kNoSuchResource>());
  }
  if (std::find(allowed.begin(), allowed.end(), http::verb::get) != allowed.end()) {
    allowed.push_back(http::verb::head);
  }
  HttpResponse response =
      ErrorResponse(request, http::status::method_not_allowed, Error<errors::kMethodNotAllowed>());
  response.set(http::field::allow, AllowHeader(allowed));
  return response;
}

}  // namespace badgewatch::api
