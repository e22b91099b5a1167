// Chinese domain registration and renewal (附件二, 附件三): submission, the
// regional and CONAC reviews, the fee paid by bank transfer (recorded by the
// regional admin with the invoice mailed, confirmed by CONAC, credited to the
// unit's balance), registration and renewal paid from the balance, and the
// expiry reminders. Writer thread for the steps; any connection for reads.
#ifndef BADGEWATCH_REGISTRY_DOMAINS_H_
#define BADGEWATCH_REGISTRY_DOMAINS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/registry.h"
#include "registry/workflow.h"

namespace badgewatch::registry {

// The fee of one domain for one year, in fen (300 yuan).
inline constexpr std::int64_t kDomainFeePerYearFen = 300'00;
// Days before expiry at which a reminder goes to the outbox, ascending.
inline constexpr int kReminderDays[] = {7, 30};

struct Domain {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string name;        // as submitted: 教育局.政务
  std::string ascii_name;  // xn--...
  std::string state;       // submitted, regional-passed, conac-passed, registered, rejected
  int years = 1;
  std::optional<std::int64_t> registered_at;
  std::optional<std::int64_t> expires_at;
};

// The unit applies for `name` for `years` (1-10). The name must carry the
// suffix of the unit's kind and pass IDNA; kAlreadyExists when it is taken.
[[nodiscard]] Result<std::int64_t> SubmitDomain(Registry& registry, const Actor& actor,
                                                const std::string& name, int years);

// regional-pass/-reject, conac-pass/-reject (rejections need a reason). A
// CONAC pass tries to register at once from the unit's balance.
[[nodiscard]] Status DecideDomain(Registry& registry, const Actor& actor, std::int64_t domain_id,
                                  WorkflowAction action, const std::string& reason);

// The regional admin records money received from a unit of its region and
// mails the invoice to the unit's address. Returns the payment id.
// kAlreadyExists for a bank reference seen before.
[[nodiscard]] Result<std::int64_t> RecordPayment(Registry& registry, const Actor& actor,
                                                 std::int64_t unit_id, std::int64_t amount_fen,
                                                 const std::string& bank_reference);

// CONAC confirms a recorded payment: the balance is credited, then every
// CONAC-passed domain and submitted renewal of the unit that the balance
// covers is paid, oldest first (one that does not fit is skipped).
[[nodiscard]] Status ConfirmPayment(Registry& registry, const Actor& actor,
                                    std::int64_t payment_id);

// The unit renews some of its registered domains by `years`. Settled when
// funds are confirmed (or at once when the balance covers it): each expiry
// moves from the old expiry, not from today. Returns the renewal id.
[[nodiscard]] Result<std::int64_t> SubmitRenewal(Registry& registry, const Actor& actor,
                                                 const std::vector<std::int64_t>& domain_ids,
                                                 int years);

// Queues an SMS and e-mail for every registered domain 30 or 7 days (or
// fewer) from expiry that has not had that reminder for its current expiry.
// Returns the number of domains reminded.
[[nodiscard]] Result<int> QueueExpiryReminders(Registry& registry);

// kNotFound when absent.
[[nodiscard]] Result<Domain> LoadDomain(Database& db, std::int64_t domain_id);
// The unit's domains, in id order.
[[nodiscard]] Result<std::vector<Domain>> ListUnitDomains(Database& db, std::int64_t unit_id);

// `unix_seconds` moved by `years` calendar years (29 Feb → 28 Feb).
[[nodiscard]] std::int64_t AddYears(std::int64_t unix_seconds, int years);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAINS_H_
