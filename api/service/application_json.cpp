#include "api/service/application_json.h"

namespace badgewatch::api {

nlohmann::json ApplicationSummaryJson(const registry::ApplicationSummary& a) {
  nlohmann::json json = {{"id", a.id},
                         {"workflow", registry::WorkflowName(a.workflow)},
                         {"state", a.state},
                         {"unit_id", a.unit_id},
                         {"unit_name", a.unit_name},
                         {"region", a.region_code},
                         {"site_name", a.site_name},
                         {"revision", a.revision}};
  json["site_id"] = a.site_id ? nlohmann::json(*a.site_id) : nlohmann::json(nullptr);
  // new or recheck for a site-opening application; a badge application has no type.
  json["opening_type"] =
      a.workflow == registry::Workflow::kBadge
          ? nlohmann::json(nullptr)
          : nlohmann::json(a.opening_type == registry::OpeningType::kRecheck ? "recheck" : "new");
  return json;
}

}  // namespace badgewatch::api
