// Chinese domain registration and renewal (附件二, 附件三): submission, the
// regional and CONAC reviews, the fee paid by bank transfer (recorded by the
// regional admin with the invoice mailed, confirmed by CONAC, credited to the
// unit's balance), registration and renewal paid from the balance, a
// rejected domain edited and resubmitted, a renewal withdrawn. The fee comes
// from the registry's DomainTerms; expiry is in domain_expiry.h. Writer
// thread for the steps; any connection for reads.
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

struct Domain {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string name;        // as submitted: 教育局.政务
  std::string ascii_name;  // xn--...
  // submitted, regional-passed, conac-passed, registered, rejected, expired, lapsed
  std::string state;
  int years = 1;
  std::optional<std::int64_t> registered_at;
  std::optional<std::int64_t> expires_at;
  std::int64_t submitted_at = 0;  // the last submission (or resubmission)
  std::string reason;             // of the last rejection; empty unless rejected
};

// An earlier revision of a domain application, kept when it was resubmitted.
struct DomainRevision {
  int revision = 1;  // 1 for the first submission
  std::string name;
  int years = 1;
  std::string reason;   // why it was rejected
  std::int64_t at = 0;  // when that revision was submitted
};

struct RenewedDomain {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::int64_t> old_expires_at, new_expires_at;  // set once it is paid
};

struct Renewal {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  int years = 1;
  std::int64_t fee_fen = 0;
  std::string state;  // submitted, completed, withdrawn
  std::int64_t created_at = 0;
  std::optional<std::int64_t> completed_at;  // paid, or withdrawn
  std::vector<RenewedDomain> domains;        // by domain id
};

// The unit applies for `name` for `years` (1-10). The name must carry the
// suffix of the unit's kind and pass IDNA; kAlreadyExists when it is taken.
[[nodiscard]] Result<std::int64_t> SubmitDomain(Registry& registry, const Actor& actor,
                                                const std::string& name, int years);

// The unit edits its own rejected domain: a new `name` (checked as
// SubmitDomain checks it; kAlreadyExists when taken) and `years`, submitted
// again. The rejected revision is kept (ListDomainRevisions).
[[nodiscard]] Status ResubmitDomain(Registry& registry, const Actor& actor, std::int64_t domain_id,
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

// The unit renews some of its registered (or expired, within the grace
// period) domains by `years`. Settled when funds are confirmed (or at once
// when the balance covers it): each expiry moves from the old expiry, not
// from today, and an expired domain is registered again. A domain already
// in a submitted renewal is refused (one open renewal per domain), a lapsed
// one too. Returns the renewal id.
[[nodiscard]] Result<std::int64_t> SubmitRenewal(Registry& registry, const Actor& actor,
                                                 const std::vector<std::int64_t>& domain_ids,
                                                 int years);

// The unit withdraws its own unpaid (submitted) renewal: 'withdrawn'.
// kFailedPrecondition for a paid or withdrawn one, kPermissionDenied for
// another unit's, kNotFound when absent.
[[nodiscard]] Status WithdrawRenewal(Registry& registry, const Actor& actor,
                                     std::int64_t renewal_id);

// kNotFound when absent.
[[nodiscard]] Result<Domain> LoadDomain(Database& db, std::int64_t domain_id);
// The unit's domains, in id order.
[[nodiscard]] Result<std::vector<Domain>> ListUnitDomains(Database& db, std::int64_t unit_id);
// The earlier revisions of a domain application, oldest first.
[[nodiscard]] Result<std::vector<DomainRevision>> ListDomainRevisions(Database& db,
                                                                      std::int64_t domain_id);
// The steps taken on a domain, oldest first.
[[nodiscard]] Result<std::vector<ReviewStep>> DomainHistory(Database& db, std::int64_t domain_id);
// The unit's renewals, newest first, each with its domains.
[[nodiscard]] Result<std::vector<Renewal>> ListUnitRenewals(Database& db, std::int64_t unit_id);

// `unix_seconds` moved by `years` calendar years (29 Feb → 28 Feb).
[[nodiscard]] std::int64_t AddYears(std::int64_t unix_seconds, int years);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAINS_H_
