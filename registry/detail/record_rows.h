// Reading the rows of the compliance-record queries (compliance_report_queries,
// compliance_record_queries): a record's verdict, codes and page counts, a
// site with its unit and region and record, and a failing page.
// Same thread rule as the Statement read.
#ifndef BADGEWATCH_REGISTRY_DETAIL_RECORD_ROWS_H_
#define BADGEWATCH_REGISTRY_DETAIL_RECORD_ROWS_H_

#include <vector>

#include "registry/compliance_records.h"
#include "registry/compliance_report_queries.h"
#include "registry/statement.h"

namespace badgewatch::registry::detail {

// verdict, problems, warnings, pages_total, pages_failed from column `first` on.
void ReadRecordColumns(const Statement& s, int first, SiteRecord& record);

// url, http_status (NULL: none), problems, detail from column `first` on.
[[nodiscard]] FailingPage ReadFailingPage(const Statement& s, int first);

// s.id, s.name, chinese and english domain (''-coalesced), b.id, u.id, u.name,
// r.code, r.name, then the record columns, from column `first` on.
[[nodiscard]] SiteComplianceRow ReadSiteComplianceRow(const Statement& s, int first);

}  // namespace badgewatch::registry::detail

#endif  // BADGEWATCH_REGISTRY_DETAIL_RECORD_ROWS_H_
