// The crawl frontier of one site: the URLs still to fetch, each accepted once
// (de-duplicated by a hash of the normalised URL), handed out host by host
// under the politeness rules: at most N transfers in flight per host and a
// minimum delay between starts on one host. The clock is injected for tests.
// Not thread-safe: owned by the io_context thread.
#ifndef BADGEWATCH_CRAWLER_FRONTIER_H_
#define BADGEWATCH_CRAWLER_FRONTIER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace badgewatch::crawler {

using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;

struct FrontierLimits {
  std::size_t max_urls = 10000;        // URLs accepted in total (pages per site)
  std::size_t per_host = 2;            // transfers in flight per host
  std::chrono::milliseconds delay{0};  // minimum gap between starts on one host
  // URLs remembered without being queued (MarkSeen), beyond the accepted ones:
  // past this many, MarkSeen no longer remembers, so a page of a million new
  // off-site links costs no memory (such a URL met again is recorded again).
  std::size_t max_remembered = 100000;
};

struct FrontierEntry {
  std::string url;
  std::string host;
  std::string referrer;  // the page whose link queued it; empty for the start URL and sitemaps
};

class Frontier {
 public:
  enum class AddOutcome { kAdded, kDuplicate, kLimitReached };

  Frontier(FrontierLimits limits, SteadyClock clock);

  // Accepts `url` (normalised) for `host` unless seen before or over the limit;
  // `referrer` comes back with it from Next().
  [[nodiscard]] AddOutcome Add(std::string url, std::string host, std::string referrer = {});
  // Marks `url` seen without queueing it (a redirect target fetched in place,
  // a URL recorded as not fetched). Returns false when it was seen already.
  [[nodiscard]] bool MarkSeen(std::string_view url);
  [[nodiscard]] bool Seen(std::string_view url) const;

  // Removes and returns every queued URL (the crawl is stopping early).
  [[nodiscard]] std::vector<std::string> TakeQueued();

  // The next URL whose host has a free slot and whose delay has passed; its
  // host's slot is taken until Release(host).
  [[nodiscard]] std::optional<FrontierEntry> Next();
  void Release(const std::string& host);

  // A longer delay for one host (robots Crawl-delay); the larger one counts.
  void SetHostDelay(const std::string& host, std::chrono::milliseconds delay);

  // When a queued URL waits only for a host delay: the earliest time Next()
  // can return it. nullopt when nothing waits on a delay.
  [[nodiscard]] std::optional<std::chrono::steady_clock::time_point> NextReadyTime() const;

  [[nodiscard]] std::size_t queued() const { return queued_; }
  [[nodiscard]] std::size_t accepted() const { return accepted_; }
  [[nodiscard]] std::size_t in_flight() const { return in_flight_; }

 private:
  struct QueuedUrl {
    std::string url;
    std::string referrer;
  };
  struct HostQueue {
    std::deque<QueuedUrl> urls;
    std::size_t in_flight = 0;
    std::chrono::milliseconds delay{0};
    std::optional<std::chrono::steady_clock::time_point> last_start;
  };

  [[nodiscard]] static std::uint64_t Hash(std::string_view url);
  [[nodiscard]] std::chrono::steady_clock::time_point ReadyAt(const HostQueue& q) const;

  FrontierLimits limits_;
  SteadyClock clock_;
  std::unordered_set<std::uint64_t> seen_;
  std::map<std::string, HostQueue> hosts_;
  std::string last_host_;  // round-robin position
  std::size_t queued_ = 0;
  std::size_t accepted_ = 0;
  std::size_t remembered_ = 0;  // MarkSeen insertions
  std::size_t in_flight_ = 0;
};

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_FRONTIER_H_
