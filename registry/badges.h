// Badge ids and snippets: "CA" + 21 digits = region (2) + level (3) + district
// (4) + unit number (8) + the site's sequence (4); the script path repeats the
// first 17 digits as /js/{2}/{3}/{4}/{8}/ (the shape verifier/badge_snippet.h
// accepts). Issuing is idempotent: a site keeps its first badge. Writer thread
// for Issue (inside the caller's transaction); the rest are pure.
#ifndef BADGEWATCH_REGISTRY_BADGES_H_
#define BADGEWATCH_REGISTRY_BADGES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

// Units registered at province level carry level "000" and district "0000".
inline constexpr std::string_view kProvinceLevelDigits = "000";
inline constexpr std::string_view kProvinceDistrictDigits = "0000";

struct BadgeIdParts {
  std::string region;       // 2 digits
  std::string level;        // 3 digits
  std::string district;     // 4 digits
  std::string unit_number;  // 8 digits
  int sequence = 0;         // 1-9999
};

// "CA" + the parts. kInvalidArgument when a part has the wrong length, a
// non-digit, or the sequence is outside 1-9999.
[[nodiscard]] Result<std::string> ComposeBadgeId(const BadgeIdParts& parts);

// The parts of "CA" + 21 digits; kInvalidArgument for anything else.
[[nodiscard]] Result<BadgeIdParts> ParseBadgeId(std::string_view badge_id);

// The snippet a unit pastes before </body>:
// <span id="_ideConac"></span><script type="text/javascript"
// src="https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js"></script>
// `badge_id` must be well formed (ParseBadgeId).
[[nodiscard]] std::string BadgeSnippet(std::string_view badge_id);

// The badge of `site_id`, issuing it when the site has none: the id is built
// from the unit's region and number and the site's sequence. `application_id`
// is recorded when the badge comes from an application. Returns the id.
[[nodiscard]] Result<std::string> IssueBadge(Database& db, std::int64_t site_id,
                                             std::optional<std::int64_t> application_id,
                                             std::int64_t now);

// Records an existing badge id for `site_id` (onboarding); kAlreadyExists when
// the id belongs to another site.
[[nodiscard]] Status RecordExistingBadge(Database& db, std::int64_t site_id,
                                         std::string_view badge_id, std::int64_t now);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_BADGES_H_
