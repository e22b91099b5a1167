// The one rule for how a compliance record stands: whether its site was
// unreachable, and how it compares with the site's previous record. The
// registry applies it when it writes a record (and stores the result); the
// scan and the API read it from there (scan/compliance_record_builder.h
// re-exports these names). Pure; any thread.
//
// Example:
//   SiteChange change = CompareWithPrevious(previous, current);
//   std::string_view name = SiteChangeName(change);   // "newly-failing", ...
#ifndef BADGEWATCH_REGISTRY_SITE_CHANGE_H_
#define BADGEWATCH_REGISTRY_SITE_CHANGE_H_

#include <optional>
#include <string_view>

#include "registry/compliance_records.h"

namespace badgewatch::registry {

// The failure code of a page that could not be fetched (DNS, connect, TLS,
// HTTP error, timeout); equal to verifier::codes::kFetchFailed, which the
// registry does not include (scan checks the two agree at compile time).
inline constexpr std::string_view kFetchFailedCode = "fetch-failed";

// A site none of whose pages could be fetched: it fails with fetch-failed and
// every page it counted failed.
[[nodiscard]] bool IsUnreachable(const SiteRecord& record);

enum class SiteChange {
  kFirstRecord,  // no previous record
  kStillPassing,
  kFixed,             // failed last time, passes now
  kNewlyFailing,      // passed last time, fails now (reachable)
  kStillFailing,      // failed before and now
  kNewlyUnreachable,  // reachable last time, unreachable now
};

// What a record is compared by: its verdict and whether it was unreachable.
struct RecordStanding {
  bool passed = false;
  bool unreachable = false;
};

[[nodiscard]] RecordStanding StandingOf(const SiteRecord& record);

// "first-record", "still-passing", "fixed", "newly-failing", "still-failing",
// "newly-unreachable" (the stored and the API's spelling).
[[nodiscard]] std::string_view SiteChangeName(SiteChange change);

// The change named `name`; nullopt for any other text.
[[nodiscard]] std::optional<SiteChange> ParseSiteChange(std::string_view name);

[[nodiscard]] SiteChange CompareStandings(const std::optional<RecordStanding>& previous,
                                          const RecordStanding& current);

[[nodiscard]] SiteChange CompareWithPrevious(const std::optional<SiteRecord>& previous,
                                             const SiteRecord& current);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_SITE_CHANGE_H_
