// A unit's domain account (域名缴费管理): what it owes for CONAC-passed
// domains and submitted renewals, its balance, what it still has to wire, its
// payments and the invoices mailed for them. Read-only; any connection.
//
// Example:
//   Result<DomainAccount> account = LoadDomainAccount(db, registry.domain_terms(), unit_id);
//   if (account && account->shortfall_fen > 0) { /* 余额不足 */ }
#ifndef BADGEWATCH_REGISTRY_DOMAIN_ACCOUNT_H_
#define BADGEWATCH_REGISTRY_DOMAIN_ACCOUNT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"
#include "registry/domain_queries.h"
#include "registry/domain_terms.h"

namespace badgewatch::registry {

// One thing the unit has to pay for.
struct DueItem {
  std::string kind;  // "domain" (a registration) or "renewal"
  std::int64_t id = 0;
  std::vector<std::string> domain_names;
  int years = 1;
  std::int64_t fee_fen = 0;
  std::int64_t created_at = 0;  // submitted
};

struct InvoiceRow {
  std::int64_t id = 0;
  std::int64_t payment_id = 0;
  std::int64_t amount_fen = 0;
  std::string mailing_address;
  std::int64_t mailed_at = 0;
};

struct DomainAccount {
  std::int64_t balance_fen = 0;
  std::vector<DueItem> due;  // oldest first
  std::int64_t due_fen = 0;
  std::int64_t shortfall_fen = 0;    // due - balance, never negative
  std::vector<PaymentRow> payments;  // newest first
  std::vector<InvoiceRow> invoices;  // newest first
};

// The account of `unit_id` under `terms` (a registration's fee is the fee per
// year times its years). kNotFound when there is no such unit.
[[nodiscard]] Result<DomainAccount> LoadDomainAccount(Database& db, const DomainTerms& terms,
                                                      std::int64_t unit_id);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DOMAIN_ACCOUNT_H_
