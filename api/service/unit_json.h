// The JSON of a unit as it registered: what GET /api/units/{id} shows and what
// an application's view carries for its reviewers. Pure; any thread.
#ifndef BADGEWATCH_API_SERVICE_UNIT_JSON_H_
#define BADGEWATCH_API_SERVICE_UNIT_JSON_H_

#include <nlohmann/json.hpp>

#include "registry/units.h"

namespace badgewatch::api {

// id, name, kind, region, system_category, address, handler_name, mobile,
// email, division.
[[nodiscard]] nlohmann::json UnitJson(const registry::Unit& unit);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_SERVICE_UNIT_JSON_H_
