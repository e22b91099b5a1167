#include "scan/page_report_json.h"

namespace badgewatch::scan {
namespace {

using nlohmann::ordered_json;

ordered_json OptionalString(const std::optional<std::string>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

}  // namespace

ordered_json PageReportToJson(const verifier::PageReport& report) {
  ordered_json badges = ordered_json::array();
  for (const verifier::FoundBadge& badge : report.badges) {
    badges.push_back({
        {"id", badge.id.empty() ? ordered_json(nullptr) : ordered_json(badge.id)},
        {"form", verifier::BadgeFormName(badge.form)},
        {"scheme", verifier::BadgeSchemeName(badge.scheme)},
        {"placement", verifier::PagePlacementName(badge.placement)},
        {"well_formed", badge.well_formed},
        {"source_offset", badge.source_offset},
        {"line", badge.line},
        {"column", badge.column},
    });
  }
  ordered_json json;
  json["verdict"] = verifier::VerdictName(report.verdict);
  json["problems"] = report.problems;
  json["warnings"] = report.warnings;
  json["encoding"] = report.encoding;
  json["encoding_source"] = report.encoding_source;
  json["title"] = OptionalString(report.title);
  json["badge_ids"] = report.badge_ids;
  json["badges"] = std::move(badges);
  json["links"] = report.links;
  json["scripts"] = report.scripts;
  json["site_meta"] = {{"SiteName", OptionalString(report.site_meta.site_name)},
                       {"SiteDomain", OptionalString(report.site_meta.site_domain)},
                       {"SiteIDCode", OptionalString(report.site_meta.site_id_code)}};
  json["identifiers"] = {{"icp", report.identifiers.icp},
                         {"public_security", report.identifiers.public_security},
                         {"site_id_code", report.identifiers.site_id_codes}};
  json["nesting_truncated"] = report.nesting_truncated;
  json["elements_truncated"] = report.elements_truncated;
  json["links_over_limit"] = report.links_over_limit;
  return json;
}

}  // namespace badgewatch::scan
