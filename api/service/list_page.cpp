#include "api/service/list_page.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string_view>

#include "api/service/api_errors.h"

namespace badgewatch::api {

namespace {

// Whole decimal numbers from `min` to `max`; nullopt otherwise.
std::optional<std::int64_t> ReadBounded(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    return std::nullopt;
  }
  return value;
}

// No page beyond this: keeps (page - 1) * per_page far from overflow.
constexpr std::int64_t kMaxPage = 1'000'000'000;

}  // namespace

nlohmann::json ListPage::Envelope(std::int64_t total, nlohmann::json items) const {
  return {{"page", page}, {"per_page", per_page}, {"total", total}, {"items", std::move(items)}};
}

ListPage ReadListPage(const FormFields& query) {
  ListPage list;
  if (const auto page = query.Get("page")) {
    const std::optional<std::int64_t> value = ReadBounded(*page, 1, kMaxPage);
    if (!value) {
      list.error = Error<errors::kPageInvalid>(*page);
      return list;
    }
    list.page = *value;
  }
  if (const auto per_page = query.Get("per_page")) {
    const std::optional<std::int64_t> value = ReadBounded(*per_page, 1, kMaxPerPage);
    if (!value) {
      list.error = Error<errors::kPerPageInvalid>(kMaxPerPage, *per_page);
      return list;
    }
    list.per_page = *value;
  }
  return list;
}

}  // namespace badgewatch::api
