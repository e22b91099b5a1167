// Maps a request's method and path to the handler that builds its response.
// Patterns are literal segments and `{name}` captures: `/api/sites/{id}`.
// Routing does no I/O: a router is filled once at start-up, then Handle() may
// be called from any thread at once.
//
// Example:
//   RequestRouter router;
//   router.Add(http::verb::get, "/api/sites/{id}", [](const RouteRequest& r) {
//     return JsonResponse(r.request, http::status::ok, {{"id", r.PathParam("id")}});
//   });
//   HttpResponse response = router.Handle(request);
#ifndef BADGEWATCH_API_HTTP_REQUEST_ROUTER_H_
#define BADGEWATCH_API_HTTP_REQUEST_ROUTER_H_

#include <boost/asio/ip/address.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http/form_fields.h"
#include "api/http/http_message.h"

namespace badgewatch::api {

// What a handler sees: the request, its decoded path captures and query, and
// who sent it.
struct RouteRequest {
  const HttpRequest& request;
  std::string path;  // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> path_params;
  FormFields query;
  // The client's address (ClientAddress): what per-client limits count by.
  boost::asio::ip::address client;

  // The capture `name` of the matched pattern ("" when the pattern has none).
  [[nodiscard]] std::string_view PathParam(std::string_view name) const;
};

using RouteHandler = std::function<HttpResponse(const RouteRequest&)>;

class RequestRouter {
 public:
  // Registers `handler` for `method` on `pattern`. Patterns start with `/`.
  // Later registrations of the same method and pattern replace earlier ones.
  void Add(http::verb method, std::string_view pattern, RouteHandler handler);

  // The handler's response; 404 when no pattern matches the path, 405 with an
  // `Allow` header when one matches but not for this method, 400 for a target
  // that is not an origin-form path. HEAD is answered by the GET handler with
  // the body dropped. A handler that throws gets a 500 (and the exception's
  // message is not shown to the caller). `client` is the sender's address
  // (tests that do not care leave it 0.0.0.0).
  [[nodiscard]] HttpResponse Handle(const HttpRequest& request,
                                    const boost::asio::ip::address& client = {}) const;

  // Every registered (method, pattern), in registration order: for the
  // OpenAPI document's completeness test.
  [[nodiscard]] std::vector<std::pair<http::verb, std::string>> Routes() const;

 private:
  struct Route {
    http::verb method;
    std::vector<std::string> segments;  // "{name}" marks a capture
    RouteHandler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_REQUEST_ROUTER_H_
