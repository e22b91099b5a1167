// The OpenAPI 3 description of badgewatch's HTTP API, served at
// `/openapi.json`. Kept beside the routes it describes; a test checks that
// every registered route is described. Pure; any thread.
#ifndef BADGEWATCH_API_SERVICE_OPENAPI_DOCUMENT_H_
#define BADGEWATCH_API_SERVICE_OPENAPI_DOCUMENT_H_

#include <nlohmann/json.hpp>
#include <string_view>

namespace badgewatch::api {

// The document with a relative server ("/": wherever the client reached it).
[[nodiscard]] const nlohmann::json& OpenApiDocument();

// The document naming `base_url` (e.g. "http://127.0.0.1:8080", the address
// `serve` listens on) as its server; an empty `base_url` keeps "/".
[[nodiscard]] nlohmann::json OpenApiDocumentServedAt(std::string_view base_url);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_OPENAPI_DOCUMENT_H_
