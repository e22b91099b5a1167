#include "registry/unit_kind.h"

namespace badgewatch::registry {

std::string_view UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPartyGovernment:
      return "party-government";
    case UnitKind::kPublicInstitution:
      return "public-institution";
    case UnitKind::kSocialOrganisation:
      return "social-organisation";
  }
  return "";
}

std::string_view UnitKindLabel(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPartyGovernment:
      return "党政机关";
    case UnitKind::kPublicInstitution:
      return "事业单位";
    case UnitKind::kSocialOrganisation:
      return "社会组织";
  }
  return "";
}

std::optional<UnitKind> ParseUnitKind(std::string_view text) {
  for (UnitKind kind :
       {UnitKind::kPartyGovernment, UnitKind::kPublicInstitution, UnitKind::kSocialOrganisation}) {
    if (text == UnitKindName(kind) || text == UnitKindLabel(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kUnit:
      return "unit";
    case Role::kRegional:
      return "regional";
    case Role::kConac:
      return "conac";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (Role role : {Role::kUnit, Role::kRegional, Role::kConac}) {
    if (text == RoleName(role)) return role;
  }
  return std::nullopt;
}

}  // namespace badgewatch::registry
