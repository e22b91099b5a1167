#include "registry/detail/stored_codes.h"

namespace badgewatch::registry::detail {

std::string JoinStoredCodes(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) {
    if (!text.empty()) text += ' ';
    text += code;
  }
  return text;
}

std::vector<std::string> SplitStoredCodes(std::string_view text) {
  std::vector<std::string> codes;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view code = text.substr(0, space);
    if (!code.empty()) codes.emplace_back(code);
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return codes;
}

}  // namespace badgewatch::registry::detail
