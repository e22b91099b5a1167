#include "foundation/beijing_time.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

namespace badgewatch::foundation {
namespace {

std::chrono::sys_seconds InBeijing(std::int64_t unix_seconds) {
  return std::chrono::sys_seconds{std::chrono::seconds(unix_seconds + kBeijingOffsetSeconds)};
}

}  // namespace

std::string FormatBeijingTime(std::int64_t unix_seconds) {
  return fmt::format("{:%Y-%m-%d %H:%M}", InBeijing(unix_seconds));
}

std::string BeijingDate(std::int64_t unix_seconds) {
  const std::chrono::year_month_day day{
      std::chrono::floor<std::chrono::days>(InBeijing(unix_seconds))};
  return fmt::format("{}年{}月{}日", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

std::string BeijingIsoDate(std::int64_t unix_seconds) {
  return fmt::format("{:%Y-%m-%d}", InBeijing(unix_seconds));
}

std::string BeijingRfc3339(std::int64_t unix_seconds) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}+08:00", InBeijing(unix_seconds));
}

}  // namespace badgewatch::foundation
