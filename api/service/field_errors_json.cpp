#include "api/service/field_errors_json.h"

namespace badgewatch::api {

HttpResponse FieldErrorsResponse(const HttpRequest& request,
                                 const std::vector<registry::FieldError>& errors, bool conflict) {
  const Language language = RequestLanguage(request);
  nlohmann::json list = nlohmann::json::array();
  for (const registry::FieldError& error : errors) {
    list.push_back({{"field", error.field},
                    {"message", error.error.message(language)},
                    {"reason", error.error.reason()}});
  }
  const Status joined = registry::FieldErrorsStatus(errors);
  return JsonResponse(request, conflict ? http::status::conflict : http::status::bad_request,
                      {{"error", joined.message(language)},
                       {"code", conflict ? "already-exists" : "invalid-argument"},
                       {"reason", joined.reason()},
                       {"field_errors", std::move(list)}});
}

}  // namespace badgewatch::api
