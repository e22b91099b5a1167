#include "verifier/page_verdict.h"

#include <algorithm>
#include <string>

#include "foundation/ascii.h"
#include "verifier/problem_codes.h"
#include "verifier/title_matching.h"

namespace badgewatch::verifier {
namespace {

bool IsLive(const FoundBadge& badge) {
  return badge.form == BadgeForm::kScript || badge.form == BadgeForm::kDocumentWrite;
}

template <typename Predicate>
bool AnyBadge(const std::vector<const FoundBadge*>& badges, Predicate predicate) {
  return std::any_of(badges.begin(), badges.end(),
                     [&](const FoundBadge* badge) { return predicate(*badge); });
}

void JudgeBadges(const PageExpectation& expectation, PageReport& report) {
  std::vector<const FoundBadge*> good;  // live and well-formed
  std::vector<const FoundBadge*> placed;
  bool any_malformed = false;
  bool any_copy = false;
  for (const FoundBadge& badge : report.badges) {
    if (!IsLive(badge)) {
      any_copy = true;
    } else if (!badge.well_formed) {
      any_malformed = true;
    } else {
      good.push_back(&badge);
      if (badge.placement == PagePlacement::kBody) placed.push_back(&badge);
    }
  }
  auto add = [&](std::string_view code) { report.problems.emplace_back(code); };
  if (good.empty()) {
    add(any_malformed ? codes::kBadgeMalformed
        : any_copy    ? codes::kBadgeStaticCopy
                      : codes::kBadgeMissing);
    return;
  }
  if (placed.empty()) add(codes::kBadgeMisplaced);
  if (!expectation.badge_id.empty() && AnyBadge(good, [&](const FoundBadge& badge) {
        return !foundation::EqualsIgnoreCase(badge.id, expectation.badge_id);
      })) {
    add(codes::kBadgeIdMismatch);
  }
  const bool https_page =
      foundation::StartsWithIgnoreCase(foundation::TrimAsciiSpace(expectation.url), "https:");
  const auto& counted = placed.empty() ? good : placed;
  if (https_page && AnyBadge(counted, [](const FoundBadge& badge) {
        return badge.scheme == BadgeScheme::kHttp;
      })) {
    add(codes::kBadgeMixedContent);
  }
}

void JudgeTitle(const PageExpectation& expectation, PageReport& report) {
  if (!report.title || report.title->empty()) {
    report.problems.emplace_back(codes::kTitleMissing);
    return;
  }
  const TitleMatch match = MatchTitle(*report.title, NormalizeTitle(expectation.registered_name));
  if (expectation.role == PageRole::kHome) {
    if (match != TitleMatch::kEqual) report.problems.emplace_back(codes::kTitleMismatch);
  } else if (match == TitleMatch::kMismatch) {
    report.warnings.emplace_back(codes::kTitleMismatch);
  }
}

}  // namespace

void JudgePage(const PageExpectation& expectation, bool charset_mismatch, PageReport& report) {
  report.problems.clear();
  report.warnings.clear();
  JudgeBadges(expectation, report);
  JudgeTitle(expectation, report);
  if (charset_mismatch) report.warnings.emplace_back(codes::kCharsetMismatch);
  report.verdict = report.problems.empty() ? Verdict::kPass : Verdict::kFail;
}

}  // namespace badgewatch::verifier
