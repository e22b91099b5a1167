// Whether a Chinese domain may still be applied for (附件二 第一步, the
// answer the 域名申请 form gives before submitting): the name passes the
// unit kind's suffix rule and IDNA 2008, and no live domain (any state but
// rejected or lapsed) holds its ASCII form. Read-only; any connection.
//
// Example:
//   Result<DomainAvailability> a = CheckDomainAvailability(db, "教育局.政务", kind);
//   if (!a) show(a.status().message(language));  // the rule the name breaks
//   else if (!a->available) show("已被注册");
#ifndef BADGEWATCH_REGISTRY_DOMAIN_AVAILABILITY_H_
#define BADGEWATCH_REGISTRY_DOMAIN_AVAILABILITY_H_

#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/database.h"
#include "registry/unit_kind.h"

namespace badgewatch::registry {

struct DomainAvailability {
  std::string ascii_name;  // xn--...
  bool available = false;
};

// kInvalidArgument naming the rule when `name` is not a domain `kind` may hold.
[[nodiscard]] Result<DomainAvailability> CheckDomainAvailability(Database& db,
                                                                 std::string_view name,
                                                                 UnitKind kind);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAIN_AVAILABILITY_H_
