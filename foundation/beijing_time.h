// Unix seconds as people in China read them: Beijing time (UTC+8, no
// daylight saving), for the registry's notices, the JSON API and the pages.
// Pure; any thread.
//
// Example:
//   BeijingDate(1827885600) == "2027年12月4日"  // 2027-12-04T10:00:00+08:00
#ifndef BADGEWATCH_FOUNDATION_BEIJING_TIME_H_
#define BADGEWATCH_FOUNDATION_BEIJING_TIME_H_

#include <cstdint>
#include <string>

namespace badgewatch::foundation {

// Beijing is UTC+8 all year.
inline constexpr std::int64_t kBeijingOffsetSeconds = 8 * 3600;

// "2026-01-01 08:00".
[[nodiscard]] std::string FormatBeijingTime(std::int64_t unix_seconds);
// "2027年12月4日", as notices and Chinese pages write a date.
[[nodiscard]] std::string BeijingDate(std::int64_t unix_seconds);
// "2027-12-04", the ISO date, for English text.
[[nodiscard]] std::string BeijingIsoDate(std::int64_t unix_seconds);
// "2027-12-04T10:00:00+08:00" (RFC 3339), as the JSON API carries times.
[[nodiscard]] std::string BeijingRfc3339(std::int64_t unix_seconds);

}  // namespace badgewatch::foundation

#endif  // BADGEWATCH_FOUNDATION_BEIJING_TIME_H_
