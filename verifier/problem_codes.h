// The failure and warning codes of DESIGN.md, as the strings reports carry.
// A page or a site may carry several; their order in a report is this order.
#ifndef BADGEWATCH_VERIFIER_PROBLEM_CODES_H_
#define BADGEWATCH_VERIFIER_PROBLEM_CODES_H_

#include <string_view>

namespace badgewatch::verifier::codes {

// Failures (`problems`): the page or site does not pass.
inline constexpr std::string_view kBadgeMissing = "badge-missing";
inline constexpr std::string_view kBadgeMisplaced = "badge-misplaced";
inline constexpr std::string_view kBadgeIdMismatch = "badge-id-mismatch";
inline constexpr std::string_view kBadgeMalformed = "badge-malformed";
inline constexpr std::string_view kBadgeStaticCopy = "badge-static-copy";
inline constexpr std::string_view kBadgeMixedContent = "badge-mixed-content";
inline constexpr std::string_view kTitleMissing = "title-missing";
inline constexpr std::string_view kTitleMismatch = "title-mismatch";
inline constexpr std::string_view kFetchFailed = "fetch-failed";

// Warnings (`warnings`): reported, never failing. title-mismatch is a warning
// on inner pages.
inline constexpr std::string_view kCharsetMismatch = "charset-mismatch";
inline constexpr std::string_view kIpMismatch = "ip-mismatch";
inline constexpr std::string_view kBadgeInjected = "badge-injected";
// A link of the site to an inner page answering 404 or 410 (链接可用性): on the
// linking page, counted per site; never a failure of the badge check.
inline constexpr std::string_view kDeadLink = "dead-link";
// A site whose crawl ran out of its time budget: the verdict stands on the
// pages checked before it did.
inline constexpr std::string_view kTimeBudget = "time-budget";

}  // namespace badgewatch::verifier::codes

#endif  // BADGEWATCH_VERIFIER_PROBLEM_CODES_H_
