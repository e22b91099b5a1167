// The JSON of Chinese domains, payments, renewals and a unit's domain
// account, as the domain routes and the work lists answer them. Times are
// RFC 3339 strings in Beijing time ("2027-12-04T10:00:00+08:00"), null when
// absent. Pure; any thread.
#ifndef BADGEWATCH_API_SERVICE_DOMAIN_JSON_H_
#define BADGEWATCH_API_SERVICE_DOMAIN_JSON_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "registry/domain_account.h"
#include "registry/domain_queries.h"
#include "registry/domain_terms.h"
#include "registry/domains.h"
#include "registry/workflow.h"

namespace badgewatch::api {

// "2027-12-04T10:00:00+08:00"; null for nullopt.
[[nodiscard]] nlohmann::json TimeJson(std::int64_t unix_seconds);
[[nodiscard]] nlohmann::json TimeJson(const std::optional<std::int64_t>& unix_seconds);

// id, unit_id, name, ascii_name, state, state_label (Chinese), years,
// submitted_at, registered_at, expires_at, reason.
[[nodiscard]] nlohmann::json DomainJson(const registry::Domain& domain);
// id, name, region_code.
[[nodiscard]] nlohmann::json RowUnitJson(const registry::RowUnit& unit);
// id, amount_fen, bank_reference, state, recorded_at, confirmed_at, unit.
[[nodiscard]] nlohmann::json PaymentJson(const registry::PaymentRow& row);
// id, unit_id, years, fee_fen, state, submitted_at, completed_at, domains
// (each id, name, old_expires_at, new_expires_at).
[[nodiscard]] nlohmann::json RenewalJson(const registry::Renewal& renewal);
// revision, name, years, reason, submitted_at.
[[nodiscard]] nlohmann::json DomainRevisionsJson(
    const std::vector<registry::DomainRevision>& revisions);
// action, from_state, to_state, actor_account_id (null: the system), reason, at.
[[nodiscard]] nlohmann::json StepsJson(const std::vector<registry::ReviewStep>& steps);
// balance_fen, due (kind, id, domains, years, fee_fen, submitted_at), due_fen,
// shortfall_fen, payments, invoices, fee_per_year_fen, bank_account (null
// when none is configured).
[[nodiscard]] nlohmann::json DomainAccountJson(const registry::DomainAccount& account,
                                               const registry::DomainTerms& terms);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_DOMAIN_JSON_H_
