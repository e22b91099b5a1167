// Beijing time (UTC+8) as notices, pages and the JSON API write it, across
// the date line at 16:00 UTC.
#include "foundation/beijing_time.h"

#include <catch2/catch.hpp>

namespace badgewatch::foundation {
namespace {

TEST_CASE("BeijingTime: dates and times in UTC+8", "[foundation]") {
  constexpr std::int64_t kDecember4 = 1827885600;  // 2027-12-04T02:00:00Z
  CHECK(BeijingDate(kDecember4) == "2027年12月4日");
  CHECK(BeijingIsoDate(kDecember4) == "2027-12-04");
  CHECK(BeijingRfc3339(kDecember4) == "2027-12-04T10:00:00+08:00");
  CHECK(FormatBeijingTime(kDecember4) == "2027-12-04 10:00");
  // 2026-12-31T16:00:00Z is already New Year's Day in Beijing; one second before is not.
  CHECK(BeijingDate(1798732800) == "2027年1月1日");
  CHECK(BeijingRfc3339(1798732800 - 1) == "2026-12-31T23:59:59+08:00");
}

}  // namespace
}  // namespace badgewatch::foundation
