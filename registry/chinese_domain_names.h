// Chinese domain names (.政务 / .公益, and the older .政务.cn / .公益.cn):
// the suffix a unit kind may use and the IDNA 2008 (UTS #46) ASCII form from
// foundation::HostToAscii, the conversion the crawler and the URL parser
// agree on. Pure functions, any thread.
#ifndef BADGEWATCH_REGISTRY_CHINESE_DOMAIN_NAMES_H_
#define BADGEWATCH_REGISTRY_CHINESE_DOMAIN_NAMES_H_

#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/unit_kind.h"

namespace badgewatch::registry {

// Checks that `name` ends in the kind's suffix (or suffix + ".cn"), has at
// least one label before it, holds no ASCII but letters, digits, '-' and '.'
// (before or after IDNA mapping), and converts through
// foundation::HostToAscii. Returns the ASCII (xn--) form. kInvalidArgument
// naming the rule: wrong suffix, too long (63 bytes a label, 253 the name),
// an empty label, or a character IDNA 2008 refuses.
[[nodiscard]] Result<std::string> ValidateChineseDomain(std::string_view name, UnitKind kind);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_CHINESE_DOMAIN_NAMES_H_
