#include "crawler/site_crawl.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstdint>
#include <map>
#include <unordered_set>
#include <utility>

#include "crawler/callback_guard.h"
#include "crawler/content_kind.h"
#include "crawler/detail/host_table.h"
#include "crawler/frontier.h"
#include "crawler/host_name.h"
#include "crawler/robots_rules.h"
#include "crawler/site_scope.h"
#include "crawler/sitemap.h"
#include "crawler/url_parts.h"

namespace badgewatch::crawler {
namespace {

enum class VisitKind { kPage, kRobots, kSitemap };

// One URL on its way through redirects and retries.
struct Visit {
  VisitKind kind = VisitKind::kPage;
  std::string queued_url;     // as taken from the frontier
  std::string frontier_host;  // whose slot it holds (kPage only)
  std::string url;            // the current hop
  UrlParts parts;
  std::string origin;  // robots/sitemap: the origin they belong to
  int hops = 0;
  int attempt = 1;
  std::vector<std::string> chain;  // every hop so far, for loop detection
  bool is_home = false;
  long last_status = 0;
  std::string referrer;  // the page whose link queued it
};

// The URL with "http://" added when it has no scheme and its host converted
// with HostToAscii, so an invalid name fails with the IDNA reason.
Result<std::string> UrlWithAsciiHost(std::string_view url) {
  std::string text(url);
  if (text.find("://") == std::string::npos) text = "http://" + text;
  const std::size_t host_start = text.find("://") + 3;
  std::size_t host_end = text.find_first_of("/?#", host_start);
  if (host_end == std::string::npos) host_end = text.size();
  std::string_view authority = std::string_view(text).substr(host_start, host_end - host_start);
  authority = authority.substr(
      authority.rfind('@') == std::string_view::npos ? 0 : authority.rfind('@') + 1);
  const std::size_t authority_start = host_end - authority.size();
  std::size_t port_at = authority.front() == '[' ? authority.find(']') : authority.rfind(':');
  if (authority.front() == '[')
    port_at = port_at == std::string_view::npos ? port_at : authority.find(':', port_at);
  const std::string_view host = authority.substr(0, port_at);
  Result<std::string> ascii = HostToAscii(host);
  if (!ascii.ok()) return ascii.status();
  return text.substr(0, authority_start) + ascii.value() +
         text.substr(authority_start + host.size());
}

bool Retryable(long status) { return status == 408 || status == 429 || status >= 500; }

// RFC 9309 2.3.1.2: a robots.txt reached within five redirects applies; after
// more it may be taken as unavailable.
constexpr int kMaxRobotsRedirects = 5;

}  // namespace

std::string_view UrlOutcomeName(UrlOutcome outcome) {
  switch (outcome) {
    case UrlOutcome::kFailed:
      return "failed";
    case UrlOutcome::kNotPage:
      return "not-page";
    case UrlOutcome::kRedirected:
      return "redirected";
    case UrlOutcome::kOutOfScope:
      return "out-of-scope";
    case UrlOutcome::kRobots:
      return "robots";
    case UrlOutcome::kTrap:
      return "trap";
    case UrlOutcome::kPageLimit:
      return "page-limit";
    case UrlOutcome::kTimeBudget:
      return "time-budget";
  }
  return "failed";
}

class SiteCrawl::Impl {
 public:
  Impl(boost::asio::io_context& io, CrawlConfig config, PageHandler& handler, SiteScope scope,
       std::unique_ptr<DnsResolver> resolver, std::unique_ptr<HttpFetcher> fetcher,
       std::string start_origin, std::string start_origin_url)
      : start_origin_(std::move(start_origin)),
        start_origin_url_(std::move(start_origin_url)),
        io_(io),
        config_(std::move(config)),
        handler_(handler),
        scope_(std::move(scope)),
        resolver_(std::move(resolver)),
        fetcher_(std::move(fetcher)),
        hosts_(io, *resolver_, AddressPolicy(config_.allow_private, config_.allowed_addresses)),
        frontier_({config_.max_pages, config_.per_host, config_.delay, config_.max_remembered_urls},
                  [] { return std::chrono::steady_clock::now(); }),
        pump_timer_(io),
        budget_timer_(io),
        pool_(config_.workers == 0 ? 1 : config_.workers) {}

  ~Impl() {
    stopped_ = true;
    pool_.join();
  }

  void Start(DoneCallback done) {
    done_ = std::move(done);
    summary_.start_url = config_.start_url;
    if (config_.time_budget.count() > 0) {
      budget_timer_.expires_after(config_.time_budget);
      budget_timer_.async_wait(guard_.Bind([this](const boost::system::error_code& ec) {
        if (!ec) ExhaustTimeBudget();
      }));
    }
    ++active_;  // held until the start URL is queued
    Enqueue(config_.start_url, /*script=*/false);
    --active_;
    if (config_.ignore_robots) {
      sitemaps_seeded_ = true;
      FetchSitemap(start_origin_url_ + "/sitemap.xml");
    }
    Pump();
  }

  Progress progress() const {
    return {summary_.pages + summary_.scripts, frontier_.queued(), summary_.failed};
  }

 private:
  struct WaitingUrl {
    std::string url;
    bool script = false;
    std::string referrer;
  };
  struct Origin {
    bool known = false;
    bool fetching = false;
    RobotsRules rules;
    // Why robots.txt could not be read (RFC 9309 "unreachable": 5xx or a
    // network failure after the retries); the rules then disallow everything.
    std::string unreachable;
    std::vector<WaitingUrl> waiting;
  };

  // --- admission: scope, limits, robots, frontier ---
  void Enqueue(const std::string& url, bool script, const std::string& referrer = {}) {
    // Most links of a page were met on earlier pages: the hash look-up comes
    // before the parse.
    if (frontier_.Seen(url)) return;
    if (summary_.time_budget_exhausted) {
      RecordOnce(url, UrlOutcome::kTimeBudget, TimeBudgetDetail());
      return;
    }
    Result<UrlParts> parts = ParseUrl(url);
    if (!parts.ok()) return;
    if (!scope_.Contains(parts.value().host)) {
      RecordOnce(url, UrlOutcome::kOutOfScope, "off the site");
      return;
    }
    if (!scope_.ContainsPort(parts.value().port)) {
      RecordOnce(url, UrlOutcome::kOutOfScope, "another port of the site's host: another server");
      return;
    }
    const Status limits = CheckUrlLimits(url, config_.url_limits);
    if (!limits.ok()) {
      RecordOnce(url, UrlOutcome::kTrap, limits.message());
      return;
    }
    const std::string origin = parts.value().Origin();
    if (!config_.ignore_robots) {
      Origin& state = origins_[origin];
      if (!state.known) {
        // Waiting URLs are bounded like the frontier: one page cannot park a
        // million links of an origin whose robots.txt is still being read.
        if (state.waiting.size() >= config_.max_pages) {
          RecordOnce(url, UrlOutcome::kPageLimit, PageLimitDetail());
          return;
        }
        state.waiting.push_back({url, script, referrer});
        if (!state.fetching) FetchRobots(origin, parts.value());
        return;
      }
      if (!state.rules.Allows(parts.value().PathAndQuery())) {
        RecordOnce(url, UrlOutcome::kRobots, RobotsRefusal(state), IsHome(url));
        return;
      }
    }
    Admit(url, parts.value().host, script, referrer);
  }

  static std::string RobotsRefusal(const Origin& origin) {
    return origin.unreachable.empty() ? "disallowed by robots.txt" : origin.unreachable;
  }

  bool IsHome(const std::string& url) const {
    return url == config_.start_url || url == home_target_;
  }

  void Admit(const std::string& url, const std::string& host, bool script,
             const std::string& referrer) {
    switch (frontier_.Add(url, host, referrer)) {
      case Frontier::AddOutcome::kAdded:
        if (script) script_urls_.insert(url);
        break;
      case Frontier::AddOutcome::kDuplicate:
        break;
      case Frontier::AddOutcome::kLimitReached:
        RecordOnce(url, UrlOutcome::kPageLimit, PageLimitDetail());
        break;
    }
  }

  std::string PageLimitDetail() const {
    return "over the limit of " + std::to_string(config_.max_pages) + " pages";
  }

  std::string TimeBudgetDetail() const {
    return "not fetched: the site's time budget of " +
           std::to_string(config_.time_budget.count() / 1000) + " s ran out";
  }

  // The budget is spent: what is queued is recorded, not fetched; visits in
  // flight finish (a retry or a redirect hop is not started) and the crawl
  // ends with what it checked.
  void ExhaustTimeBudget() {
    summary_.time_budget_exhausted = true;
    pump_timer_.cancel();
    for (const std::string& url : frontier_.TakeQueued())
      Record(url, UrlOutcome::kTimeBudget, 0, TimeBudgetDetail(), IsHome(url));
    for (auto& [origin, state] : origins_) {
      for (const WaitingUrl& queued : state.waiting) {
        RecordOnce(queued.url, UrlOutcome::kTimeBudget, TimeBudgetDetail(), IsHome(queued.url));
      }
      state.waiting.clear();
    }
    MaybeFinish();
  }

  void FetchRobots(const std::string& origin, const UrlParts& parts) {
    origins_[origin].fetching = true;
    Visit visit;
    visit.kind = VisitKind::kRobots;
    visit.origin = origin;
    visit.url = parts.scheme + "://" + HostPort(parts) + "/robots.txt";
    visit.queued_url = visit.url;
    StartVisit(std::move(visit));
  }

  static std::string HostPort(const UrlParts& parts) {
    const bool default_port = (parts.scheme == "http" && parts.port == 80) ||
                              (parts.scheme == "https" && parts.port == 443);
    return default_port ? parts.host : parts.host + ":" + std::to_string(parts.port);
  }

  // `unreachable`: why robots.txt could not be read, with `rules` disallowing all.
  void OnRobots(const std::string& origin, RobotsRules rules, std::string unreachable = {}) {
    Origin& state = origins_[origin];
    state.known = true;
    state.fetching = false;
    state.rules = std::move(rules);
    state.unreachable = std::move(unreachable);
    const Result<UrlParts> parts = ParseUrl(origin + "/");
    if (parts.ok() && state.rules.crawl_delay()) {
      frontier_.SetHostDelay(parts.value().host,
                             std::min(*state.rules.crawl_delay(), config_.max_crawl_delay));
    }
    // An unreachable robots.txt disallows the sitemap too.
    if (parts.ok() && !sitemaps_seeded_ && origin == start_origin_ && state.unreachable.empty()) {
      sitemaps_seeded_ = true;
      std::vector<std::string> sitemaps = state.rules.sitemaps();
      if (sitemaps.empty())
        sitemaps.push_back(parts.value().scheme + "://" + HostPort(parts.value()) + "/sitemap.xml");
      for (const std::string& sitemap : sitemaps) FetchSitemap(sitemap);
    }
    std::vector<WaitingUrl> waiting;
    waiting.swap(state.waiting);
    for (const WaitingUrl& queued : waiting) Enqueue(queued.url, queued.script, queued.referrer);
  }

  void FetchSitemap(const std::string& url) {
    const auto normalized = config_.normalize_url(url);
    if (!normalized || !scope_.ContainsUrl(*normalized) ||
        sitemaps_fetched_ >= config_.max_sitemaps)
      return;
    if (!sitemap_urls_.insert(*normalized).second) return;
    ++sitemaps_fetched_;
    Visit visit;
    visit.kind = VisitKind::kSitemap;
    visit.url = *normalized;
    visit.queued_url = visit.url;
    StartVisit(std::move(visit));
  }

  // --- fetching ---
  void Pump() {
    while (CanTakePage()) {
      auto entry = frontier_.Next();
      if (!entry) break;
      Visit visit;
      visit.kind = VisitKind::kPage;
      visit.queued_url = entry->url;
      visit.frontier_host = entry->host;
      visit.url = entry->url;
      visit.is_home = IsHome(entry->url);
      visit.referrer = std::move(entry->referrer);
      StartVisit(std::move(visit));
    }
    if (const auto ready = frontier_.NextReadyTime();
        ready && frontier_.queued() > 0 && CanTakePage()) {
      pump_timer_.expires_at(*ready);
      pump_timer_.async_wait(guard_.Bind([this](const boost::system::error_code& ec) {
        if (!ec) Pump();
      }));
    }
    MaybeFinish();
  }

  // Whether fetched pages waiting for the handler leave room for another.
  bool CanTakePage() const {
    return unhandled_pages_ == 0 || (unhandled_pages_ < config_.max_unhandled_pages &&
                                     unhandled_bytes_ < config_.max_unhandled_bytes);
  }

  void StartVisit(Visit visit) {
    if (summary_.time_budget_exhausted && visit.kind == VisitKind::kPage) {
      ++active_;
      Done(visit, UrlOutcome::kTimeBudget, TimeBudgetDetail());
      return;
    }
    Result<UrlParts> parts = ParseUrl(visit.url);
    if (!parts.ok()) {
      ++active_;
      Fail(std::move(visit), parts.status().message());
      return;
    }
    visit.parts = std::move(parts).value();
    visit.chain.push_back(visit.url);
    ++active_;
    const std::string host = visit.parts.host;
    hosts_.Pin(
        host,
        guard_.Bind([this, visit = std::move(visit)](const detail::PinnedAddress& pinned) mutable {
          if (!pinned.ok()) {
            Fail(std::move(visit), pinned.status().message());
            return;
          }
          FetchRequest request{visit.url, visit.parts.host, visit.parts.port, pinned.value()};
          fetcher_->Fetch(std::move(request),
                          guard_.Bind([this, visit = std::move(visit)](FetchResult result) mutable {
                            OnFetched(std::move(visit), std::move(result));
                          }));
        }));
  }

  void OnFetched(Visit visit, FetchResult result) {
    if (!result.ok()) {
      const FetchFailure failure = result.failure;
      const std::string& message = result.response.status().message();
      const bool transient = failure == FetchFailure::kConnect || failure == FetchFailure::kRefused;
      if (transient && visit.attempt < config_.max_attempts) {
        Retry(std::move(visit), std::nullopt);
        return;
      }
      if (visit.kind == VisitKind::kRobots) {
        EndRobots(
            visit, RobotsRules::DisallowAll(),
            "robots.txt unreachable: " + std::string(FetchFailureName(failure)) + ": " + message);
        return;
      }
      Fail(std::move(visit), std::string(FetchFailureName(failure)) + ": " + message);
      return;
    }
    FetchResponse& response = result.response.value();
    visit.last_status = response.status;
    if (response.status >= 300 && response.status < 400 && !response.redirect_url.empty()) {
      FollowRedirect(std::move(visit), response.redirect_url);
      return;
    }
    if (Retryable(response.status) && visit.attempt < config_.max_attempts) {
      Retry(std::move(visit), response.retry_after);
      return;
    }
    switch (visit.kind) {
      case VisitKind::kRobots:
        FinishRobots(visit, response);
        return;
      case VisitKind::kSitemap:
        FinishSitemap(std::move(visit), response);
        return;
      case VisitKind::kPage:
        FinishPage(std::move(visit), std::move(response));
        return;
    }
  }

  void Retry(Visit visit, std::optional<std::chrono::seconds> retry_after) {
    std::chrono::milliseconds wait = config_.retry_backoff * (1 << (visit.attempt - 1));
    if (retry_after) {
      wait = std::max(wait,
                      std::min<std::chrono::milliseconds>(*retry_after, config_.max_crawl_delay));
    }
    ++visit.attempt;
    visit.chain.pop_back();  // StartVisit pushes the hop again
    // The crawl owns its retry timers: destroying it cancels them.
    const std::uint64_t id = next_retry_timer_++;
    boost::asio::steady_timer& timer = retry_timers_.try_emplace(id, io_, wait).first->second;
    timer.async_wait(guard_.Bind(
        [this, id, visit = std::move(visit)](const boost::system::error_code& ec) mutable {
          if (ec) return;
          retry_timers_.erase(id);
          --active_;
          StartVisit(std::move(visit));
        }));
  }

  enum class Robots { kAllowed, kDisallowed, kUnknown };

  // What the robots.txt of the URL's origin, if already read, says about it;
  // `*refusal` says why when it disallows.
  Robots RobotsFor(const std::string& url, std::string* refusal) const {
    if (config_.ignore_robots) return Robots::kAllowed;
    const Result<UrlParts> parts = ParseUrl(url);
    if (!parts.ok()) return Robots::kAllowed;
    const auto it = origins_.find(parts.value().Origin());
    if (it == origins_.end() || !it->second.known) return Robots::kUnknown;
    if (it->second.rules.Allows(parts.value().PathAndQuery())) return Robots::kAllowed;
    *refusal = RobotsRefusal(it->second);
    return Robots::kDisallowed;
  }

  // RFC 9309 2.3.1.2: up to five hops, across authorities too (the address
  // policy still applies to each); the rules found apply to the first origin.
  // More hops, a loop or an unusable target: robots.txt is unavailable.
  void FollowRobotsRedirect(Visit visit, const std::string& location) {
    const auto target = config_.normalize_url(location);
    const bool loop =
        target && std::find(visit.chain.begin(), visit.chain.end(), *target) != visit.chain.end();
    if (!target || loop || ++visit.hops > kMaxRobotsRedirects) {
      EndRobots(visit, RobotsRules::AllowAll());
      return;
    }
    visit.url = *target;
    visit.attempt = 1;
    --active_;
    StartVisit(std::move(visit));
  }

  void FollowRedirect(Visit visit, const std::string& location) {
    if (visit.kind == VisitKind::kRobots) {
      FollowRobotsRedirect(std::move(visit), location);
      return;
    }
    const auto target = config_.normalize_url(location);
    if (!target) {
      Fail(std::move(visit), "redirect to an unusable URL '" + location + "'");
      return;
    }
    if (++visit.hops > config_.max_redirects) {
      Fail(std::move(visit), "more than " + std::to_string(config_.max_redirects) + " redirects");
      return;
    }
    for (const std::string& hop : visit.chain) {
      if (hop == *target) {
        Fail(std::move(visit), "redirect loop at " + *target);
        return;
      }
    }
    if (!scope_.ContainsUrl(*target)) {
      if (visit.kind == VisitKind::kPage && !visit.is_home) {
        Done(visit, UrlOutcome::kOutOfScope, "redirects off the site to " + *target);
      } else {
        Fail(std::move(visit), "redirects off the site to " + *target);
      }
      return;
    }
    if (visit.kind == VisitKind::kPage) {
      // A target fetched (or queued) under its own name is not fetched again.
      if (!visit.is_home && frontier_.Seen(*target)) {
        Done(visit, UrlOutcome::kRedirected, "redirects to " + *target);
        return;
      }
      std::string refusal;
      const Robots robots = RobotsFor(*target, &refusal);
      if (robots == Robots::kDisallowed) {
        Done(visit, UrlOutcome::kRobots, "redirects to " + *target + ", not fetched: " + refusal);
        return;
      }
      if (robots == Robots::kUnknown) {
        // That origin's robots.txt comes first: queue the target as a URL of
        // its own (the home page moves with it).
        if (visit.is_home) home_target_ = *target;
        Enqueue(*target, false, visit.referrer);  // before Done: the crawl must not look finished
        Done(visit, UrlOutcome::kRedirected, "redirects to " + *target);
        return;
      }
      (void)frontier_.MarkSeen(*target);  // fetched here, in place
    }
    visit.url = *target;
    visit.attempt = 1;
    --active_;
    StartVisit(std::move(visit));
  }

  // RFC 9309 2.3.1: 2xx is read; 4xx (and anything else below 500) is
  // "unavailable": everything allowed; 5xx after the retries is "unreachable":
  // everything disallowed.
  void FinishRobots(const Visit& visit, const FetchResponse& response) {
    if (response.status >= 200 && response.status < 300) {
      EndRobots(visit, RobotsRules::Parse(response.body, config_.robots_agent));
    } else if (response.status >= 500) {
      EndRobots(visit, RobotsRules::DisallowAll(),
                "robots.txt unreachable: HTTP " + std::to_string(response.status));
    } else {
      EndRobots(visit, RobotsRules::AllowAll());
    }
  }

  void EndRobots(const Visit& visit, RobotsRules rules, std::string unreachable = {}) {
    const std::string origin = visit.origin;
    --active_;
    OnRobots(origin, std::move(rules), std::move(unreachable));
    Pump();
  }

  void FinishSitemap(Visit visit, const FetchResponse& response) {
    if (response.status >= 200 && response.status < 300) {
      const Sitemap sitemap = ParseSitemap(response.body);
      for (const std::string& loc : sitemap.locs) {
        if (sitemap.is_index) {
          FetchSitemap(loc);
        } else if (const auto url = config_.normalize_url(loc)) {
          Enqueue(*url, false);
        }
      }
    }
    (void)visit;
    --active_;
    Pump();
  }

  void FinishPage(Visit visit, FetchResponse response) {
    if (response.status < 200 || response.status >= 300) {
      Fail(std::move(visit), "HTTP " + std::to_string(response.status));
      return;
    }
    if (visit.is_home) summary_.home_url = visit.url;
    const ContentKind kind = ClassifyContent(response.content_type, response.body);
    const bool script = script_urls_.count(visit.queued_url) != 0;
    if (kind == ContentKind::kOther || (kind == ContentKind::kScript && !script)) {
      Done(visit, UrlOutcome::kNotPage,
           response.content_type.empty() ? "not HTML" : "not HTML: " + response.content_type);
      return;
    }
    FetchedPage page{visit.url,
                     visit.queued_url,
                     response.status,
                     std::move(response.content_type),
                     std::move(response.body),
                     visit.is_home};
    frontier_.Release(visit.frontier_host);
    Pump();
    const bool html = kind == ContentKind::kHtml && !script;
    if (html) {
      ++summary_.pages;
    } else {
      ++summary_.scripts;
    }
    ++unhandled_pages_;
    const std::size_t bytes = page.body.size();
    unhandled_bytes_ += bytes;
    // Bound here, on the loop: the links come back only while the crawl lives.
    auto deliver = guard_.Bind([this, bytes, referrer = visit.url](PageLinks& links) {
      for (const std::string& link : links.links) Enqueue(link, false, referrer);
      for (const std::string& src : links.scripts) Enqueue(src, true, referrer);
      --unhandled_pages_;
      unhandled_bytes_ -= bytes;
      --active_;
      Pump();
    });
    // The work guard keeps io_context::run() from returning while the page is
    // parsed on the pool and nothing else is pending on the loop.
    boost::asio::post(pool_, [this, html, page = std::move(page), deliver = std::move(deliver),
                              work = boost::asio::make_work_guard(io_)]() mutable {
      if (stopped_) return;
      PageLinks links;
      if (html) {
        links = handler_.OnPage(page);
      } else {
        handler_.OnScript(page);
      }
      boost::asio::post(io_, [deliver = std::move(deliver), links = std::move(links)]() mutable {
        deliver(links);
      });
    });
  }

  // --- endings ---
  void Fail(Visit visit, std::string detail) {
    if (visit.kind == VisitKind::kRobots) {
      // No request left: the host does not resolve or its address is
      // refused. Its pages fail with that same reason, and no server is asked.
      EndRobots(visit, RobotsRules::AllowAll());
      return;
    }
    if (visit.kind == VisitKind::kSitemap) {
      --active_;
      Pump();
      return;
    }
    ++summary_.failed;
    Done(visit, UrlOutcome::kFailed, std::move(detail));
  }

  void Done(const Visit& visit, UrlOutcome outcome, std::string detail) {
    Record(visit.queued_url, outcome, visit.last_status, std::move(detail), visit.is_home,
           visit.referrer);
    if (visit.kind == VisitKind::kPage) frontier_.Release(visit.frontier_host);
    --active_;
    Pump();
  }

  // A URL met but not fetched, recorded the first time it is met (while the
  // frontier remembers it).
  void RecordOnce(const std::string& url, UrlOutcome outcome, std::string detail,
                  bool is_home = false) {
    if (frontier_.MarkSeen(url)) Record(url, outcome, 0, std::move(detail), is_home);
  }

  void Record(const std::string& url, UrlOutcome outcome, long status, std::string detail,
              bool is_home = false, std::string referrer = {}) {
    handler_.OnRecord(
        UrlRecord{url, outcome, status, std::move(detail), is_home, std::move(referrer)});
  }

  void MaybeFinish() {
    if (finished_ || active_ != 0 || frontier_.queued() != 0 || !done_) return;
    for (const auto& [origin, state] : origins_) {
      if (state.fetching) return;
    }
    finished_ = true;
    budget_timer_.cancel();
    summary_.addresses = hosts_.ResolvedAddresses();
    boost::asio::post(
        io_, guard_.Bind([done = std::move(done_), summary = summary_]() { done(summary); }));
  }

  const std::string start_origin_;      // "https://host:443", the robots key
  const std::string start_origin_url_;  // "https://host", for /sitemap.xml
  boost::asio::io_context& io_;
  CrawlConfig config_;
  PageHandler& handler_;
  SiteScope scope_;
  std::unique_ptr<DnsResolver> resolver_;
  std::unique_ptr<HttpFetcher> fetcher_;
  detail::HostTable hosts_;
  Frontier frontier_;
  boost::asio::steady_timer pump_timer_;
  boost::asio::steady_timer budget_timer_;  // CrawlConfig::time_budget
  std::map<std::uint64_t, boost::asio::steady_timer> retry_timers_;
  std::uint64_t next_retry_timer_ = 0;
  std::map<std::string, Origin> origins_;
  std::unordered_set<std::string> script_urls_;
  std::unordered_set<std::string> sitemap_urls_;
  std::size_t sitemaps_fetched_ = 0;
  bool sitemaps_seeded_ = false;
  std::size_t active_ = 0;           // visits and handler jobs under way
  std::size_t unhandled_pages_ = 0;  // posted to the pool, not yet back
  std::size_t unhandled_bytes_ = 0;  // their bodies
  std::string home_target_;          // where the start URL redirected, when queued anew
  bool finished_ = false;
  std::atomic<bool> stopped_{false};  // read by the pool: the loop's handlers have guard_
  DoneCallback done_;
  SiteCrawlSummary summary_;
  // Every handler the crawl posts or waits on is bound to this guard: once the
  // crawl is destroyed, answers, transfers and timers still queued do nothing.
  CallbackGuard guard_;
  boost::asio::thread_pool pool_;  // last: joined first
};

Result<std::unique_ptr<SiteCrawl>> SiteCrawl::Create(boost::asio::io_context& io,
                                                     CrawlConfig config, PageHandler& handler) {
  if (!config.normalize_url) return Status(StatusCode::kInvalidArgument, "no URL normaliser");
  Result<std::string> ascii = UrlWithAsciiHost(config.start_url);
  if (!ascii.ok()) return ascii.status();
  const auto start = config.normalize_url(ascii.value());
  if (!start)
    return Status(StatusCode::kInvalidArgument, "not an http(s) URL: '" + config.start_url + "'");
  Result<UrlParts> parts = ParseUrl(*start);
  if (!parts.ok()) return parts.status();
  Result<SiteScope> scope =
      SiteScope::Create(parts.value().host, config.aliases, parts.value().port, config.extra_ports);
  if (!scope.ok()) return scope.status();
  config.start_url = *start;
  config.fetch.max_host_connections = static_cast<long>(config.per_host);
  Result<std::unique_ptr<DnsResolver>> resolver = DnsResolver::Create(io, config.dns);
  if (!resolver.ok()) return resolver.status();
  Result<std::unique_ptr<HttpFetcher>> fetcher = HttpFetcher::Create(
      io, config.fetch, AddressPolicy(config.allow_private, config.allowed_addresses));
  if (!fetcher.ok()) return fetcher.status();
  const std::string origin = parts.value().Origin();
  const std::string origin_url = start->substr(0, start->find('/', start->find("://") + 3));
  auto impl = std::make_unique<Impl>(io, std::move(config), handler, std::move(scope).value(),
                                     std::move(resolver).value(), std::move(fetcher).value(),
                                     origin, origin_url);
  return std::make_unique<SiteCrawl>(std::move(impl));
}

SiteCrawl::SiteCrawl(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SiteCrawl::~SiteCrawl() = default;

void SiteCrawl::Start(DoneCallback done) { impl_->Start(std::move(done)); }

SiteCrawl::Progress SiteCrawl::progress() const { return impl_->progress(); }

}  // namespace badgewatch::crawler
