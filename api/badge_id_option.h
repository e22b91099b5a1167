// The CLI11 validator of a --badge-id value: CA followed by 21 digits. Pure;
// any thread.
#ifndef BADGEWATCH_API_BADGE_ID_OPTION_H_
#define BADGEWATCH_API_BADGE_ID_OPTION_H_

#include <CLI/CLI.hpp>

namespace badgewatch::api {

// Accepts "CA330000000604333780001" (either letter case); otherwise the
// message shows the expected form.
[[nodiscard]] CLI::Validator BadgeIdValidator();

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_BADGE_ID_OPTION_H_
