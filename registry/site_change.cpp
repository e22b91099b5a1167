#include "registry/site_change.h"

#include <algorithm>
#include <array>

namespace badgewatch::registry {
namespace {

constexpr std::array kChanges = {SiteChange::kFirstRecord,  SiteChange::kStillPassing,
                                 SiteChange::kFixed,        SiteChange::kNewlyFailing,
                                 SiteChange::kStillFailing, SiteChange::kNewlyUnreachable};

}  // namespace

bool IsUnreachable(const SiteRecord& record) {
  // No page could be fetched at all: every page failed, and each only because
  // it could not be fetched. A page that was fetched and failed on its badge
  // or title shows the site answers.
  const bool fetch_failed = std::find(record.problems.begin(), record.problems.end(),
                                      kFetchFailedCode) != record.problems.end();
  if (!fetch_failed || record.pages_failed != record.pages_total) return false;
  return std::all_of(
      record.failing_pages.begin(), record.failing_pages.end(), [](const FailingPage& page) {
        return page.problems.size() == 1 && page.problems.front() == kFetchFailedCode;
      });
}

RecordStanding StandingOf(const SiteRecord& record) {
  return {record.verdict == "pass", IsUnreachable(record)};
}

std::string_view SiteChangeName(SiteChange change) {
  switch (change) {
    case SiteChange::kFirstRecord:
      return "first-record";
    case SiteChange::kStillPassing:
      return "still-passing";
    case SiteChange::kFixed:
      return "fixed";
    case SiteChange::kNewlyFailing:
      return "newly-failing";
    case SiteChange::kStillFailing:
      return "still-failing";
    case SiteChange::kNewlyUnreachable:
      return "newly-unreachable";
  }
  return "unknown";
}

std::optional<SiteChange> ParseSiteChange(std::string_view name) {
  for (const SiteChange change : kChanges) {
    if (SiteChangeName(change) == name) return change;
  }
  return std::nullopt;
}

SiteChange CompareStandings(const std::optional<RecordStanding>& previous,
                            const RecordStanding& current) {
  if (!previous) return SiteChange::kFirstRecord;
  if (current.passed) return previous->passed ? SiteChange::kStillPassing : SiteChange::kFixed;
  if (current.unreachable && !previous->unreachable) return SiteChange::kNewlyUnreachable;
  return previous->passed ? SiteChange::kNewlyFailing : SiteChange::kStillFailing;
}

SiteChange CompareWithPrevious(const std::optional<SiteRecord>& previous,
                               const SiteRecord& current) {
  std::optional<RecordStanding> before;
  if (previous) before = StandingOf(*previous);
  return CompareStandings(before, StandingOf(current));
}

}  // namespace badgewatch::registry
