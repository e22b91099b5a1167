#include "api/cli/badge_id_option.h"

namespace badgewatch::api {

std::string BadgeIdFormError(std::string_view id) {
  const bool ok = id.size() == 23 && (id[0] == 'C' || id[0] == 'c') &&
                  (id[1] == 'A' || id[1] == 'a') &&
                  id.find_first_not_of("0123456789", 2) == std::string_view::npos;
  return ok ? "" : "a badge id is CA followed by 21 digits, e.g. CA330000000604333780001";
}

CLI::Validator BadgeIdValidator() {
  return CLI::Validator([](const std::string& id) { return BadgeIdFormError(id); }, "BADGE_ID");
}

}  // namespace badgewatch::api
