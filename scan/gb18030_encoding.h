// UTF-8 <-> GB18030 through ICU converters, for CSV files that Excel on a
// Chinese Windows desktop opens in its legacy code page. Pure; any thread
// (each call opens its own converter).
#ifndef BADGEWATCH_SCAN_GB18030_ENCODING_H_
#define BADGEWATCH_SCAN_GB18030_ENCODING_H_

#include <string>
#include <string_view>

#include "foundation/status.h"

namespace badgewatch::scan {

// GB18030 encodes every Unicode code point, so only malformed UTF-8 fails.
[[nodiscard]] Result<std::string> Utf8ToGb18030(std::string_view utf8);

// Fails on bytes that are not GB18030.
[[nodiscard]] Result<std::string> Gb18030ToUtf8(std::string_view gb18030);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_GB18030_ENCODING_H_
