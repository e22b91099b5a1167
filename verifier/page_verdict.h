// The rules that turn what was found on a page into failure and warning codes
// and a verdict (DESIGN.md, "Failure codes"). Pure.
#ifndef BADGEWATCH_VERIFIER_PAGE_VERDICT_H_
#define BADGEWATCH_VERIFIER_PAGE_VERDICT_H_

#include "verifier/page_report.h"

namespace badgewatch::verifier {

// Fills report.problems, report.warnings and report.verdict from the badges,
// title and encoding already in `report`. `charset_mismatch` comes from
// decoding. Rules:
// - no well-formed live badge (script or document.write form): badge-malformed
//   if a malformed one exists, else badge-static-copy if a static or mirror
//   copy exists, else badge-missing;
// - well-formed live badges but none inside the body before </body>:
//   badge-misplaced;
// - an expected id and any well-formed live badge with another id:
//   badge-id-mismatch;
// - an https page (from the URL) whose counted badge loads over http:
//   badge-mixed-content;
// - no title or an empty one: title-missing; otherwise the title rule of
//   title_matching.h (a failure on the home page, a warning on inner pages).
void JudgePage(const PageExpectation& expectation, bool charset_mismatch, PageReport& report);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_PAGE_VERDICT_H_
