// The JSON API of units, Chinese domains, payments, renewals and badges:
//   GET  /api/units/{id}                       the unit and its balance
//   GET  /api/units/{id}/domains               its domains with dates
//   GET  /api/units/{id}/account               what it owes, its balance, payments, invoices
//   GET  /api/units/{id}/renewals              its renewals, newest first
//   POST /api/units/{id}/payments              {"amount_fen", "bank_reference"} (regional)
//   POST /api/payments/{id}/confirmation       CONAC confirms the funds
//   GET  /api/domain-availability?name=        whether the unit may apply for it (unit)
//   POST /api/domains                          {"name", "years"} (unit)
//   GET  /api/domains/{id}                     with the reason, revisions and steps
//   POST /api/domains/{id}/decisions           {"action", "reason"} (reviewers)
//   POST /api/domains/{id}/resubmission        {"name", "years"} (unit, a rejected one)
//   POST /api/renewals                         {"domain_ids", "years"} (unit)
//   POST /api/renewals/{id}/withdrawal         an unpaid renewal (unit)
//   GET  /api/sites/{id}/badge                 the badge id and the snippet to paste
// A record the caller may not see answers 404. Handlers run on worker threads.
#ifndef BADGEWATCH_API_SERVICE_DOMAIN_ROUTES_H_
#define BADGEWATCH_API_SERVICE_DOMAIN_ROUTES_H_

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"

namespace badgewatch::api {

// Registers the routes on `router`; `access` must outlive it.
void AddDomainRoutes(RequestRouter& router, const RegistryAccess& access);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_DOMAIN_ROUTES_H_
