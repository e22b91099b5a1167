// The OpenAPI 3 description of badgewatch's HTTP API, served at
// `/openapi.json`. Kept beside the routes it describes; a test checks that
// every registered route is described. Pure; any thread.
#ifndef BADGEWATCH_API_SERVICE_OPENAPI_DOCUMENT_H_
#define BADGEWATCH_API_SERVICE_OPENAPI_DOCUMENT_H_

#include <nlohmann/json.hpp>

namespace badgewatch::api {

[[nodiscard]] const nlohmann::json& OpenApiDocument();

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_OPENAPI_DOCUMENT_H_
