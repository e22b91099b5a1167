// A form refused field by field, as the API answers it: 400
// {"error": every message "；"-joined, "code": "invalid-argument",
//  "field_errors": [{"field", "message"}, ...]}, or with `conflict` (every
// error says a name or login is taken) 409 and "already-exists". Pure; any thread.
#ifndef BADGEWATCH_API_SERVICE_FIELD_ERRORS_JSON_H_
#define BADGEWATCH_API_SERVICE_FIELD_ERRORS_JSON_H_

#include <vector>

#include "api/http/http_message.h"
#include "registry/field_validation.h"

namespace badgewatch::api {

[[nodiscard]] HttpResponse FieldErrorsResponse(const HttpRequest& request,
                                               const std::vector<registry::FieldError>& errors,
                                               bool conflict = false);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_FIELD_ERRORS_JSON_H_
