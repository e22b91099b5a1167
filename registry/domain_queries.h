// Read queries behind the lists of Chinese domains, payments and renewals
// that reviewers work from (GET /api/domains, /api/payments, /api/renewals):
// each narrowed by state, unit, region and, for domains, a search of the
// domain's or the unit's name, newest first, one page at a time. Read-only;
// any connection, on the thread that owns it.
//
// Example:
//   WorkFilter filter{.state = "submitted", .region_code = "33"};
//   Result<std::int64_t> total = CountDomainRows(db, filter);
//   Result<std::vector<DomainRow>> page = ListDomainRows(db, filter, {0, 50});
#ifndef BADGEWATCH_REGISTRY_DOMAIN_QUERIES_H_
#define BADGEWATCH_REGISTRY_DOMAIN_QUERIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/compliance_record_queries.h"
#include "registry/database.h"
#include "registry/domains.h"

namespace badgewatch::registry {

// Which rows a list reads; every field narrows (0 or empty: no limit).
struct WorkFilter {
  std::string state;
  std::int64_t unit_id = 0;
  std::string region_code;  // units of this region (2 digits)
  // Units an office oversees: OfficeSubtreePrefix (divisions.h) of its code.
  std::string office_prefix;
  std::string search;  // domains only (the others ignore it): part of the domain's or unit's name
};

// The unit a row belongs to, as the lists show it.
struct RowUnit {
  std::int64_t id = 0;
  std::string name;
  std::string region_code;
};

struct DomainRow {
  Domain domain;
  RowUnit unit;
  std::int64_t created_at = 0;
};

struct PaymentRow {
  std::int64_t id = 0;
  RowUnit unit;
  std::int64_t amount_fen = 0;
  std::string bank_reference;
  std::string state;  // recorded, confirmed
  std::int64_t recorded_at = 0;
  std::optional<std::int64_t> confirmed_at;
};

struct RenewalRow {
  std::int64_t id = 0;
  RowUnit unit;
  int years = 1;
  std::int64_t fee_fen = 0;
  std::string state;  // submitted, completed, withdrawn
  std::int64_t created_at = 0;
  std::optional<std::int64_t> completed_at;
  std::vector<std::string> domains;  // the renewed domains' names, by id
};

// The states each list knows, for the routes' 400 answers.
inline constexpr const char* kDomainStates[] = {
    "submitted", "regional-passed", "conac-passed", "registered", "rejected", "expired", "lapsed"};
inline constexpr const char* kPaymentStates[] = {"recorded", "confirmed"};
inline constexpr const char* kRenewalStates[] = {"submitted", "completed", "withdrawn"};

[[nodiscard]] Result<std::int64_t> CountDomainRows(Database& db, const WorkFilter& filter);
[[nodiscard]] Result<std::vector<DomainRow>> ListDomainRows(Database& db, const WorkFilter& filter,
                                                            const RowWindow& window);
[[nodiscard]] Result<std::int64_t> CountPaymentRows(Database& db, const WorkFilter& filter);
[[nodiscard]] Result<std::vector<PaymentRow>> ListPaymentRows(Database& db,
                                                              const WorkFilter& filter,
                                                              const RowWindow& window);
[[nodiscard]] Result<std::int64_t> CountRenewalRows(Database& db, const WorkFilter& filter);
[[nodiscard]] Result<std::vector<RenewalRow>> ListRenewalRows(Database& db,
                                                              const WorkFilter& filter,
                                                              const RowWindow& window);

// The names of the domains each of `renewal_ids` renews (by domain id), in
// the order of `renewal_ids`.
[[nodiscard]] Result<std::vector<std::vector<std::string>>> RenewedDomainNames(
    Database& db, const std::vector<std::int64_t>& renewal_ids);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAIN_QUERIES_H_
