#include "api/badge_id_option.h"

#include <string>

namespace badgewatch::api {

CLI::Validator BadgeIdValidator() {
  return CLI::Validator(
      [](const std::string& id) -> std::string {
        const bool ok = id.size() == 23 && (id[0] == 'C' || id[0] == 'c') &&
                        (id[1] == 'A' || id[1] == 'a') &&
                        id.find_first_not_of("0123456789", 2) == std::string::npos;
        return ok ? "" : "a badge id is CA followed by 21 digits, e.g. CA330000000604333780001";
      },
      "BADGE_ID");
}

}  // namespace badgewatch::api
