// One page of a long list in the API: `?page=` (from 1) and `?per_page=`
// (1-200, default 50) read from the query, and the answer's envelope
// `{"page", "per_page", "total", "items"}`. Pure; any thread.
//
// Example:
//   ListPage page = ReadListPage(route.query);
//   if (!page.error.ok()) return ErrorResponse(request, http::status::bad_request, page.error);
//   ... LIMIT page.per_page OFFSET page.Offset() ...
//   return JsonResponse(request, http::status::ok, page.Envelope(total, std::move(items)));
#ifndef BADGEWATCH_API_SERVICE_LIST_PAGE_H_
#define BADGEWATCH_API_SERVICE_LIST_PAGE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "api/http/form_fields.h"
#include "foundation/status.h"

namespace badgewatch::api {

inline constexpr std::int64_t kMaxPerPage = 200;

struct ListPage {
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  Status error;  // why the query's page or per_page is refused; ok when fine

  [[nodiscard]] std::int64_t Offset() const { return (page - 1) * per_page; }
  [[nodiscard]] nlohmann::json Envelope(std::int64_t total, nlohmann::json items) const;
};

// The page the query asks for; `error` set when page or per_page is not a
// whole number in range.
[[nodiscard]] ListPage ReadListPage(const FormFields& query);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_LIST_PAGE_H_
