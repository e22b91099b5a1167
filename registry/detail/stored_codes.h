// How a list of codes (problem and warning codes, addresses) is stored in one
// TEXT column: joined by single spaces, which none of them contains. Pure;
// any thread.
#ifndef BADGEWATCH_REGISTRY_DETAIL_STORED_CODES_H_
#define BADGEWATCH_REGISTRY_DETAIL_STORED_CODES_H_

#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::registry::detail {

[[nodiscard]] std::string JoinStoredCodes(const std::vector<std::string>& codes);

// The codes of a stored text; empty fields (doubled or trailing spaces) are skipped.
[[nodiscard]] std::vector<std::string> SplitStoredCodes(std::string_view text);

}  // namespace badgewatch::registry::detail

#endif  // BADGEWATCH_REGISTRY_DETAIL_STORED_CODES_H_
