// The JSON of a site application's summary, as the HTTP API and
// `badgewatch registry list-applications --json` both show it. Pure; any thread.
#ifndef BADGEWATCH_API_SERVICE_APPLICATION_JSON_H_
#define BADGEWATCH_API_SERVICE_APPLICATION_JSON_H_

#include <nlohmann/json.hpp>

#include "registry/site_applications.h"

namespace badgewatch::api {

// id, workflow, state, unit_id, unit_name, region, site_name, revision,
// site_id (null until the site exists).
[[nodiscard]] nlohmann::json ApplicationSummaryJson(const registry::ApplicationSummary& a);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_APPLICATION_JSON_H_
