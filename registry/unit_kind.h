// The three kinds of unit (党政机关 / 事业单位 / 社会组织) and the three roles of
// an account, with their stored names. Pure values, any thread.
#ifndef BADGEWATCH_REGISTRY_UNIT_KIND_H_
#define BADGEWATCH_REGISTRY_UNIT_KIND_H_

#include <optional>
#include <string_view>

namespace badgewatch::registry {

enum class UnitKind {
  kPartyGovernment,     // 党政机关: site-opening review, .政务 domains
  kPublicInstitution,   // 事业单位: badge application, .公益 domains
  kSocialOrganisation,  // 社会组织: badge application, .公益 domains
};

// "party-government", "public-institution", "social-organisation".
[[nodiscard]] std::string_view UnitKindName(UnitKind kind);
// "党政机关", "事业单位", "社会组织".
[[nodiscard]] std::string_view UnitKindLabel(UnitKind kind);
// Accepts the stored name or the Chinese label.
[[nodiscard]] std::optional<UnitKind> ParseUnitKind(std::string_view text);

enum class Role {
  kUnit,      // a unit's own user: applies, edits, resubmits, pays
  kRegional,  // a regional office reviewer, bound to one region
  kConac,     // CONAC staff: second-level review, funds, badges
};

// "unit", "regional", "conac".
[[nodiscard]] std::string_view RoleName(Role role);
[[nodiscard]] std::optional<Role> ParseRole(std::string_view text);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_UNIT_KIND_H_
