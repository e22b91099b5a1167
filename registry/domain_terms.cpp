#include "registry/domain_terms.h"

#include <fmt/format.h>

namespace badgewatch::registry {

std::string YuanText(std::int64_t fen) {
  const char* sign = fen < 0 ? "-" : "";
  const std::int64_t magnitude = fen < 0 ? -fen : fen;
  if (magnitude % 100 == 0) return fmt::format("{}{}", sign, magnitude / 100);
  return fmt::format("{}{}.{:02}", sign, magnitude / 100, magnitude % 100);
}

}  // namespace badgewatch::registry
