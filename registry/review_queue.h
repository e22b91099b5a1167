// The review queue: site applications, Chinese domains, payments and renewals
// in one list, newest first, one page at a time — by default only the rows
// that wait for the viewer's role (GET /api/review-queue, the /review page).
// Read-only; any connection, on the thread that owns it.
//
// What waits for whom:
//   regional office (the office at the unit's own division, which takes the
//     unit's steps): site applications `submitted` and, for a site opening,
//     `initial-passed`; domains `submitted`.
//   CONAC: site applications `materials-received` (site opening) and
//     `regional-passed` (badge); domains `regional-passed`; payments
//     `recorded` (the funds to confirm); renewals `submitted` (unpaid: what
//     a payment will settle).
//   unit: its `rejected` applications and domains (to edit and resubmit) and
//     its `submitted` renewals (to pay).
//
// Example:
//   QueueFilter filter{.region_code = "33", .office_prefix = "3301",
//                      .role = Role::kRegional};
//   Result<std::int64_t> total = CountQueueRows(db, filter);
//   Result<std::vector<QueueRow>> page = ListQueueRows(db, filter, {0, 50});
#ifndef BADGEWATCH_REGISTRY_REVIEW_QUEUE_H_
#define BADGEWATCH_REGISTRY_REVIEW_QUEUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/accounts.h"
#include "registry/compliance_record_queries.h"
#include "registry/database.h"
#include "registry/domain_queries.h"

namespace badgewatch::registry {

// The kinds of work the queue holds, and every state of each (for the
// route's 400 answers; "" in QueueFilter::kind is every kind).
inline constexpr const char* kQueueKinds[] = {"application", "domain", "payment", "renewal"};
inline constexpr const char* kApplicationStates[] = {
    "submitted",    "initial-passed", "materials-received", "regional-passed",
    "badge-issued", "rejected",       "withdrawn"};

// Which rows the queue reads; every field narrows (0 or empty: no limit).
struct QueueFilter {
  std::string kind;  // "", "application", "domain", "payment", "renewal"
  std::string state;
  std::string region_code;
  // Units an office oversees: OfficeSubtreePrefix (divisions.h) of its code.
  // With awaiting_only and Role::kRegional, only the units at the office's
  // own level (whose steps it takes).
  std::string office_prefix;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> submitted_from, submitted_to;  // unix seconds, inclusive
  std::string search;                                        // part of a unit, site or domain name
  bool awaiting_only = true;  // only rows waiting for the viewer's role
  Role role = Role::kConac;
};

struct QueueRow {
  std::string kind;
  std::int64_t id = 0;
  RowUnit unit;
  std::string division_code;  // the unit's own
  std::int64_t submitted_at = 0;
  std::string state;
  // What is asked: the site name, the domain name, the amount in fen, or for
  // a renewal "3 years: a.政务, b.政务".
  std::string asked;
  std::int64_t amount_fen = 0;  // a payment's amount, a renewal's fee
  // A renewal's years and its domains' names (for pages that word it).
  int renewal_years = 0;
  std::vector<std::string> renewed_domains;
};

// How many rows the filter holds; kInternal (with SQLite's message) on a
// read failure.
[[nodiscard]] Result<std::int64_t> CountQueueRows(Database& db, const QueueFilter& filter);
// One page of them, newest submission first (ties: higher id first).
[[nodiscard]] Result<std::vector<QueueRow>> ListQueueRows(Database& db, const QueueFilter& filter,
                                                          const RowWindow& window);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_REVIEW_QUEUE_H_
