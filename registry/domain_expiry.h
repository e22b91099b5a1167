// The expiry of Chinese domains: a registered domain past its expiry becomes
// 'expired' (renewal still works for the grace period of the registry's
// DomainTerms), then 'lapsed'; reminders 30 and 7 days before expiry and on
// expiry. Each step is audited and the unit is told by SMS and e-mail.
// Writer thread.
//
// Example:
//   Result<int> moved = SweepDomainExpiry(registry);  // at start, then hourly
#ifndef BADGEWATCH_REGISTRY_DOMAIN_EXPIRY_H_
#define BADGEWATCH_REGISTRY_DOMAIN_EXPIRY_H_

#include <cstdint>

#include "foundation/status.h"
#include "registry/domain_terms.h"
#include "registry/registry.h"

namespace badgewatch::registry {

// Days before expiry at which a reminder goes to the outbox, ascending (0: on expiry).
inline constexpr int kReminderDays[] = {0, 7, 30};

// When a domain that expires at `expires_at` lapses: the grace period's end.
[[nodiscard]] std::int64_t GraceEndsAt(const DomainTerms& terms, std::int64_t expires_at);

// One pass, in one transaction: reminds registered domains 30 and 7 days
// before expiry (each reminder once per expiry; a domain first seen inside
// the 7-day window gets one reminder, not two), moves registered domains
// past their expiry to 'expired' (the on-expiry notice names the last day
// renewal still works) and expired ones past the grace period to 'lapsed'.
// Returns the number of notices queued (one per domain reminded or moved).
[[nodiscard]] Result<int> SweepDomainExpiry(Registry& registry);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAIN_EXPIRY_H_
