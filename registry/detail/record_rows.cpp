#include "registry/detail/record_rows.h"

#include "registry/detail/stored_codes.h"

namespace badgewatch::registry::detail {

void ReadRecordColumns(const Statement& s, int first, SiteRecord& record) {
  record.verdict = s.Text(first);
  record.problems = SplitStoredCodes(s.Text(first + 1));
  record.warnings = SplitStoredCodes(s.Text(first + 2));
  record.pages_total = static_cast<int>(s.Int(first + 3));
  record.pages_failed = static_cast<int>(s.Int(first + 4));
}

FailingPage ReadFailingPage(const Statement& s, int first) {
  FailingPage page;
  page.url = s.Text(first);
  if (!s.IsNull(first + 1)) page.http_status = static_cast<int>(s.Int(first + 1));
  page.problems = SplitStoredCodes(s.Text(first + 2));
  page.detail = s.Text(first + 3);
  return page;
}

SiteComplianceRow ReadSiteComplianceRow(const Statement& s, int first) {
  SiteComplianceRow row;
  row.site_id = s.Int(first);
  row.site_name = s.Text(first + 1);
  row.chinese_domain = s.Text(first + 2);
  row.english_domain = s.Text(first + 3);
  row.badge_id = s.OptText(first + 4);
  row.unit_id = s.Int(first + 5);
  row.unit_name = s.Text(first + 6);
  row.region_code = s.Text(first + 7);
  row.region_name = s.Text(first + 8);
  row.record.site_id = row.site_id;
  ReadRecordColumns(s, first + 9, row.record);
  return row;
}

}  // namespace badgewatch::registry::detail
