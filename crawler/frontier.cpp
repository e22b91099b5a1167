#include "crawler/frontier.h"

#include <algorithm>

namespace badgewatch::crawler {

Frontier::Frontier(FrontierLimits limits, SteadyClock clock)
    : limits_(limits), clock_(std::move(clock)) {}

std::uint64_t Frontier::Hash(std::string_view url) {
  // FNV-1a, 64 bits: stable across runs, collisions negligible per site.
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : url) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

Frontier::AddOutcome Frontier::Add(std::string url, std::string host, std::string referrer) {
  if (Seen(url)) return AddOutcome::kDuplicate;
  if (accepted_ >= limits_.max_urls) return AddOutcome::kLimitReached;
  seen_.insert(Hash(url));
  ++accepted_;
  ++queued_;
  HostQueue& queue = hosts_[std::move(host)];
  if (queue.delay < limits_.delay) queue.delay = limits_.delay;
  queue.urls.push_back({std::move(url), std::move(referrer)});
  return AddOutcome::kAdded;
}

bool Frontier::MarkSeen(std::string_view url) {
  if (remembered_ >= limits_.max_remembered) return !Seen(url);
  const bool added = seen_.insert(Hash(url)).second;
  remembered_ += added;
  return added;
}

std::vector<std::string> Frontier::TakeQueued() {
  std::vector<std::string> urls;
  urls.reserve(queued_);
  for (auto& [host, q] : hosts_) {
    for (QueuedUrl& queued : q.urls) urls.push_back(std::move(queued.url));
    q.urls.clear();
  }
  queued_ = 0;
  return urls;
}

bool Frontier::Seen(std::string_view url) const { return seen_.count(Hash(url)) != 0; }

std::chrono::steady_clock::time_point Frontier::ReadyAt(const HostQueue& q) const {
  if (!q.last_start) return std::chrono::steady_clock::time_point::min();
  return *q.last_start + q.delay;
}

std::optional<FrontierEntry> Frontier::Next() {
  if (queued_ == 0) return std::nullopt;
  const auto now = clock_();
  // Round robin: start after the host served last.
  auto start = hosts_.upper_bound(last_host_);
  for (std::size_t i = 0; i < hosts_.size(); ++i, ++start) {
    if (start == hosts_.end()) start = hosts_.begin();
    HostQueue& q = start->second;
    if (q.urls.empty() || q.in_flight >= limits_.per_host || ReadyAt(q) > now) continue;
    FrontierEntry entry{std::move(q.urls.front().url), start->first,
                        std::move(q.urls.front().referrer)};
    q.urls.pop_front();
    ++q.in_flight;
    q.last_start = now;
    --queued_;
    ++in_flight_;
    last_host_ = start->first;
    return entry;
  }
  return std::nullopt;
}

void Frontier::Release(const std::string& host) {
  const auto it = hosts_.find(host);
  if (it == hosts_.end() || it->second.in_flight == 0) return;
  --it->second.in_flight;
  --in_flight_;
}

void Frontier::SetHostDelay(const std::string& host, std::chrono::milliseconds delay) {
  HostQueue& q = hosts_[host];
  q.delay = std::max({q.delay, delay, limits_.delay});
}

std::optional<std::chrono::steady_clock::time_point> Frontier::NextReadyTime() const {
  std::optional<std::chrono::steady_clock::time_point> earliest;
  for (const auto& [host, q] : hosts_) {
    if (q.urls.empty() || q.in_flight >= limits_.per_host) continue;
    const auto at = ReadyAt(q);
    if (!earliest || at < *earliest) earliest = at;
  }
  return earliest;
}

}  // namespace badgewatch::crawler
