// The text of compliance reports in Simplified Chinese (the default) and
// English: one table of messages, problem-code explanations from
// verifier/problem_descriptions.h, and report times. Pure; any thread.
#ifndef BADGEWATCH_SCAN_REPORT_MESSAGES_H_
#define BADGEWATCH_SCAN_REPORT_MESSAGES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "foundation/beijing_time.h"
#include "foundation/language.h"

namespace badgewatch::scan {

// The project's two languages (foundation/language.h: ParseLanguage,
// LanguageTag).
using ReportLanguage = Language;

enum class ReportText {
  kReportTitle,
  kScanNumber,  // "{}" = scan id
  kScanKindNightly,
  kScanKindSelfCheck,
  kStartedAt,
  kFinishedAt,
  kNotFinished,
  kRegion,
  kAllRegions,
  kSitesScanned,
  kComplianceRate,
  kPagesChecked,
  kFailingSites,
  kFailingPages,
  kSitesPassedOf,  // "{}" passed, "{}" total
  kShareOfSites,   // "{}" = a rate
  kSiteCount,      // "{}" = a number of sites
  kRateByRegion,
  kProblemsByKind,
  kTrend,
  kTrendSingleScan,
  kFailingSitesDetail,
  kAllSites,
  kNoFailingSites,
  kMoreFailingPages,  // "{}" = pages not listed
  kSiteId,
  kWebsite,
  kUnit,
  kRegionCode,
  kBadgeId,
  kDomains,
  kVerdict,
  kProblems,
  kWarnings,
  kPagesTotal,
  kPagesFailed,
  kDeadLinks,
  kFailingPageUrls,
  kProblemExplanations,
  kCode,
  kExplanation,
  kSites,
  kPages,
  kHttpStatus,
  kDetail,
  kWarningTag,
  kVerdictPass,
  kVerdictFail,
  kNone,
  kGeneratedAt,
  kTimeZoneNote,
  kCount,  // not a message: the number of messages
};

// The message in `language`; never empty.
[[nodiscard]] std::string_view Message(ReportText text, ReportLanguage language);

// "合规"/"不合规" or "pass"/"fail"; other verdicts as given.
[[nodiscard]] std::string_view VerdictLabel(std::string_view verdict, ReportLanguage language);

// The explanation of a failure or warning code; the code itself when unknown.
[[nodiscard]] std::string_view ExplainCode(std::string_view code, ReportLanguage language);

// The short name of a failure or warning code ("缺少网站标识"), for lists,
// tables and charts; the code itself when unknown.
[[nodiscard]] std::string_view NameCode(std::string_view code, ReportLanguage language);

// A code as people read it in HTML: its name, the code itself small beside it
// (`<span class="problem">缺少网站标识</span> <small class="code">badge-missing</small>`);
// `warning` picks the warning colour.
[[nodiscard]] std::string CodeNameHtml(std::string_view code, ReportLanguage language,
                                       bool warning = false);

// Unix seconds as Beijing time (UTC+8, no daylight saving): "2026-01-01 08:00".
using foundation::FormatBeijingTime;

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_REPORT_MESSAGES_H_
