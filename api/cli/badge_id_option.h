// The form of a badge id given on the command line or in a site list: CA
// followed by 21 digits (either letter case), and the CLI11 validator of
// --badge-id. Pure; any thread.
#ifndef BADGEWATCH_API_CLI_BADGE_ID_OPTION_H_
#define BADGEWATCH_API_CLI_BADGE_ID_OPTION_H_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace badgewatch::api {

// Empty for "CA330000000604333780001" (either letter case); otherwise the
// message, showing the expected form.
[[nodiscard]] std::string BadgeIdFormError(std::string_view id);

// A --badge-id validator that refuses what BadgeIdFormError refuses.
[[nodiscard]] CLI::Validator BadgeIdValidator();

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_BADGE_ID_OPTION_H_
