#include "crawler/frontier.h"

#include <catch2/catch.hpp>
#include <chrono>

using badgewatch::crawler::Frontier;
using badgewatch::crawler::FrontierLimits;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
  std::chrono::steady_clock::time_point now{std::chrono::seconds(1000)};
};

}  // namespace

TEST_CASE("Frontier: each URL is accepted once", "[crawler]") {
  FakeClock clock;
  Frontier frontier({}, [&] { return clock.now; });
  CHECK(frontier.Add("https://a.cn/", "a.cn") == Frontier::AddOutcome::kAdded);
  CHECK(frontier.Add("https://a.cn/", "a.cn") == Frontier::AddOutcome::kDuplicate);
  CHECK(frontier.queued() == 1);
  CHECK_FALSE(frontier.MarkSeen("https://a.cn/"));
  CHECK(frontier.MarkSeen("https://a.cn/b"));
  CHECK(frontier.Add("https://a.cn/b", "a.cn") == Frontier::AddOutcome::kDuplicate);
}

TEST_CASE("Frontier: stops accepting at the page limit", "[crawler]") {
  FakeClock clock;
  Frontier frontier({.max_urls = 2}, [&] { return clock.now; });
  CHECK(frontier.Add("https://a.cn/1", "a.cn") == Frontier::AddOutcome::kAdded);
  CHECK(frontier.Add("https://a.cn/2", "a.cn") == Frontier::AddOutcome::kAdded);
  CHECK(frontier.Add("https://a.cn/3", "a.cn") == Frontier::AddOutcome::kLimitReached);
}

TEST_CASE("Frontier: at most per_host transfers per host", "[crawler]") {
  FakeClock clock;
  Frontier frontier({.per_host = 2}, [&] { return clock.now; });
  for (int i = 0; i < 4; ++i) (void)frontier.Add("https://a.cn/" + std::to_string(i), "a.cn");
  (void)frontier.Add("https://b.cn/", "b.cn");
  int a = 0;
  int b = 0;
  while (auto entry = frontier.Next()) (entry->host == "a.cn" ? a : b)++;
  CHECK(a == 2);
  CHECK(b == 1);
  frontier.Release("a.cn");
  const auto next = frontier.Next();
  REQUIRE(next);
  CHECK(next->host == "a.cn");
}

TEST_CASE("Frontier: delays second URL on same host", "[crawler]") {
  FakeClock clock;
  Frontier frontier({.per_host = 2, .delay = 500ms}, [&] { return clock.now; });
  (void)frontier.Add("https://a.cn/1", "a.cn");
  (void)frontier.Add("https://a.cn/2", "a.cn");
  REQUIRE(frontier.Next());
  CHECK_FALSE(frontier.Next());
  REQUIRE(frontier.NextReadyTime());
  CHECK(*frontier.NextReadyTime() == clock.now + 500ms);
  clock.now += 499ms;
  CHECK_FALSE(frontier.Next());
  clock.now += 1ms;
  CHECK(frontier.Next());

  SECTION("a crawl delay lengthens it") {
    frontier.SetHostDelay("a.cn", 2s);
    (void)frontier.Add("https://a.cn/3", "a.cn");
    frontier.Release("a.cn");
    clock.now += 1s;
    CHECK_FALSE(frontier.Next());
    clock.now += 1s;
    CHECK(frontier.Next());
  }
}

TEST_CASE("Frontier: URLs recorded as not fetched are remembered up to a bound", "[crawler]") {
  FakeClock clock;
  Frontier frontier({.max_urls = 2, .max_remembered = 3}, [&] { return clock.now; });
  CHECK(frontier.MarkSeen("https://off.cn/1"));
  CHECK_FALSE(frontier.MarkSeen("https://off.cn/1"));  // remembered: recorded once
  CHECK(frontier.MarkSeen("https://off.cn/2"));
  CHECK(frontier.MarkSeen("https://off.cn/3"));
  // Past the bound nothing more is remembered: a new URL reads as new each
  // time, and the ones remembered before still read as seen.
  CHECK(frontier.MarkSeen("https://off.cn/4"));
  CHECK(frontier.MarkSeen("https://off.cn/4"));
  CHECK_FALSE(frontier.Seen("https://off.cn/4"));
  CHECK_FALSE(frontier.MarkSeen("https://off.cn/2"));
  // Accepted URLs are bounded by max_urls, not by the remembered ones.
  CHECK(frontier.Add("https://a.cn/1", "a.cn") == Frontier::AddOutcome::kAdded);
  CHECK(frontier.Add("https://a.cn/1", "a.cn") == Frontier::AddOutcome::kDuplicate);
}

TEST_CASE("Frontier: TakeQueued empties the queue and leaves the URLs seen", "[crawler]") {
  FakeClock clock;
  Frontier frontier({.per_host = 1}, [&] { return clock.now; });
  (void)frontier.Add("https://a.cn/1", "a.cn");
  (void)frontier.Add("https://a.cn/2", "a.cn");
  (void)frontier.Add("https://b.cn/1", "b.cn");
  REQUIRE(frontier.Next());  // one in flight stays in flight
  const std::vector<std::string> taken = frontier.TakeQueued();
  CHECK(taken.size() == 2);
  CHECK(frontier.queued() == 0);
  CHECK(frontier.in_flight() == 1);
  CHECK_FALSE(frontier.Next());
  CHECK(frontier.Seen("https://a.cn/2"));
}
