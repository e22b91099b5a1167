#include "scan/site_check.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "verifier/badge_snippet.h"
#include "verifier/page_verifier.h"
#include "verifier/parse_budget.h"
#include "verifier/problem_codes.h"

namespace badgewatch::scan {
namespace {

namespace codes = verifier::codes;

// problem_codes.h order: the order codes appear in a report.
constexpr std::array<std::string_view, 14> kCodeOrder = {
    codes::kBadgeMissing,    codes::kBadgeMisplaced,  codes::kBadgeIdMismatch,
    codes::kBadgeMalformed,  codes::kBadgeStaticCopy, codes::kBadgeMixedContent,
    codes::kTitleMissing,    codes::kTitleMismatch,   codes::kFetchFailed,
    codes::kCharsetMismatch, codes::kIpMismatch,      codes::kBadgeInjected,
    codes::kDeadLink,        codes::kTimeBudget,
};

// An inner page that does not exist: its link is dead, the site is not at fault
// for a badge. Other failures (timeouts, 5xx after retries, TLS) stay fetch-failed.
bool IsDeadLink(const crawler::UrlRecord& record) {
  return record.outcome == crawler::UrlOutcome::kFailed && !record.is_home &&
         (record.status == 404 || record.status == 410);
}

std::size_t CodeRank(std::string_view code) {
  const auto it = std::find(kCodeOrder.begin(), kCodeOrder.end(), code);
  return static_cast<std::size_t>(it - kCodeOrder.begin());
}

void AddCodes(std::vector<std::string>& into, const std::vector<std::string>& codes_to_add) {
  for (const std::string& code : codes_to_add) {
    if (std::find(into.begin(), into.end(), code) == into.end()) into.push_back(code);
  }
}

void SortCodes(std::vector<std::string>& list) {
  std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
    return CodeRank(a) < CodeRank(b);
  });
}

}  // namespace

void AddIpMismatchWarning(std::vector<std::string>& warnings,
                          const std::map<std::string, std::vector<std::string>>& addresses,
                          const std::vector<std::string>& registered_ips) {
  if (registered_ips.empty() || addresses.empty()) return;
  for (const auto& [host, resolved] : addresses) {
    for (const std::string& address : resolved) {
      if (std::find(registered_ips.begin(), registered_ips.end(), address) !=
          registered_ips.end()) {
        return;
      }
    }
  }
  AddCodes(warnings, {std::string(codes::kIpMismatch)});
  SortCodes(warnings);
}

SiteCheckReport UncrawlableSiteReport(const std::string& start_url, const std::string& reason) {
  SiteCheckReport report;
  report.start_url = start_url;
  report.verdict = verifier::Verdict::kFail;
  report.problems = {std::string(codes::kFetchFailed)};
  report.pages.push_back(CheckedPage{start_url,
                                     0,
                                     verifier::Verdict::kFail,
                                     {std::string(codes::kFetchFailed)},
                                     {},
                                     reason,
                                     std::nullopt,
                                     true,
                                     {}});
  report.pages_total = 1;
  report.pages_failed = 1;
  return report;
}

SiteCheck::SiteCheck(std::string registered_name, std::string badge_id, std::size_t max_links)
    : registered_name_(std::move(registered_name)),
      badge_id_(std::move(badge_id)),
      max_links_(max_links) {}

crawler::PageLinks SiteCheck::OnPage(const crawler::FetchedPage& page) {
  thread_local verifier::PageVerifier page_verifier;  // one per crawl worker
  // The parse holds its share of the process's parse budget, and only the parse.
  const verifier::PageReport report = [&] {
    const verifier::ParseBudget::Ticket parsing =
        verifier::SharedParseBudget().Acquire(page.body.size());
    return page_verifier.Verify(
        page.body, {.registered_name = registered_name_,
                    .badge_id = badge_id_,
                    .role = page.is_home ? verifier::PageRole::kHome : verifier::PageRole::kInner,
                    .url = page.url,
                    .content_type = page.content_type,
                    .max_links = max_links_});
  }();
  CheckedPage checked{page.url,        page.status,     report.verdict,
                      report.problems, report.warnings, {},
                      report.title,    page.is_home,    {}};
  const bool badgeless = std::find(report.problems.begin(), report.problems.end(),
                                   codes::kBadgeMissing) != report.problems.end();
  {
    std::lock_guard lock(mutex_);
    pages_.push_back(std::move(checked));
    if (badgeless && !report.scripts.empty())
      scripts_of_badgeless_pages_[page.url] = report.scripts;
    if (report.links_over_limit > 0)
      skipped_counts_[std::string(kLinkLimitReason)] += report.links_over_limit;
  }
  return {report.links, report.scripts};
}

void SiteCheck::OnScript(const crawler::FetchedPage& script) {
  const std::optional<std::string> id = verifier::FindInjectedBadgeId(script.body);
  if (!id || (!badge_id_.empty() && *id != badge_id_)) return;
  std::lock_guard lock(mutex_);
  injecting_scripts_.insert(script.url);
  injecting_scripts_.insert(script.requested_url);
}

void SiteCheck::CountInjectedBadges() {
  if (injecting_scripts_.empty()) return;
  for (CheckedPage& page : pages_) {
    const auto loads = scripts_of_badgeless_pages_.find(page.url);
    if (loads == scripts_of_badgeless_pages_.end()) continue;
    const bool injected =
        std::any_of(loads->second.begin(), loads->second.end(),
                    [this](const std::string& url) { return injecting_scripts_.count(url) != 0; });
    if (!injected) continue;
    page.problems.erase(
        std::remove(page.problems.begin(), page.problems.end(), codes::kBadgeMissing),
        page.problems.end());
    AddCodes(page.warnings, {std::string(codes::kBadgeInjected)});
    SortCodes(page.warnings);
    if (page.problems.empty()) page.verdict = verifier::Verdict::kPass;
  }
}

void SiteCheck::MarkDeadLinks() {
  std::sort(dead_links_.begin(), dead_links_.end(),
            [](const DeadLink& a, const DeadLink& b) { return a.url < b.url; });
  std::map<std::string_view, CheckedPage*> pages_by_url;
  for (CheckedPage& page : pages_) pages_by_url.emplace(page.url, &page);
  for (const DeadLink& dead : dead_links_) {
    const auto it = pages_by_url.find(dead.referrer);
    if (it == pages_by_url.end()) continue;
    CheckedPage& page = *it->second;
    page.dead_links.push_back(dead.url);
    AddCodes(page.warnings, {std::string(codes::kDeadLink)});
    SortCodes(page.warnings);
  }
}

void SiteCheck::OnRecord(const crawler::UrlRecord& record) {
  std::lock_guard lock(mutex_);
  if (IsDeadLink(record)) {
    dead_links_.push_back({record.url, record.status, record.referrer});
    return;
  }
  // A home page robots.txt kept the crawler from (disallowed, or robots.txt
  // unreachable) was never checked: the site fails with the reason shown.
  const bool home_not_fetched =
      record.is_home && (record.outcome == crawler::UrlOutcome::kRobots ||
                         record.outcome == crawler::UrlOutcome::kTimeBudget);
  if (record.outcome == crawler::UrlOutcome::kFailed || home_not_fetched) {
    pages_.push_back(CheckedPage{record.url,
                                 record.status,
                                 verifier::Verdict::kFail,
                                 {std::string(codes::kFetchFailed)},
                                 {},
                                 home_not_fetched ? "not fetched: " + record.detail : record.detail,
                                 std::nullopt,
                                 record.is_home,
                                 {}});
    return;
  }
  std::string reason(crawler::UrlOutcomeName(record.outcome));
  ++skipped_counts_[reason];
  if (skipped_.size() < kSkippedExamples)
    skipped_.push_back({record.url, std::move(reason), record.detail});
}

SiteCheckReport SiteCheck::Finish(const crawler::SiteCrawlSummary& summary) {
  std::lock_guard lock(mutex_);
  CountInjectedBadges();
  MarkDeadLinks();
  SiteCheckReport report;
  report.start_url = summary.start_url;
  report.home_url = summary.home_url;
  report.addresses = summary.addresses;
  report.pages = std::move(pages_);
  report.skipped = std::move(skipped_);
  report.skipped_counts = std::move(skipped_counts_);
  if (summary.time_budget_exhausted) AddCodes(report.warnings, {std::string(codes::kTimeBudget)});
  report.dead_links = std::move(dead_links_);
  std::stable_sort(report.pages.begin(), report.pages.end(),
                   [](const CheckedPage& a, const CheckedPage& b) {
                     if (a.is_home != b.is_home) return a.is_home;
                     return a.url < b.url;
                   });
  bool home_checked = false;
  for (const CheckedPage& page : report.pages) {
    AddCodes(report.problems, page.problems);
    AddCodes(report.warnings, page.warnings);
    if (page.verdict == verifier::Verdict::kFail) ++report.pages_failed;
    if (page.is_home && page.detail.empty()) home_checked = true;
  }
  if (!home_checked) AddCodes(report.problems, {std::string(codes::kFetchFailed)});
  if (!report.dead_links.empty()) AddCodes(report.warnings, {std::string(codes::kDeadLink)});
  SortCodes(report.problems);
  SortCodes(report.warnings);
  report.pages_total = report.pages.size();
  report.verdict = report.problems.empty() ? verifier::Verdict::kPass : verifier::Verdict::kFail;
  return report;
}

}  // namespace badgewatch::scan
