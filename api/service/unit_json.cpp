#include "api/service/unit_json.h"

namespace badgewatch::api {

nlohmann::json UnitJson(const registry::Unit& unit) {
  const registry::UnitFields& u = unit.fields;
  return {{"id", unit.id},
          {"name", u.name},
          {"kind", registry::UnitKindName(u.kind)},
          {"region", u.region_code},
          {"system_category", u.system_category},
          {"address", u.address},
          {"handler_name", u.handler_name},
          {"mobile", u.mobile},
          {"email", u.email},
          {"division", u.division_code}};
}

}  // namespace badgewatch::api
