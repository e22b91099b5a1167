// Waiting on a condition in tests without sleeping for a guessed time: polls
// until it holds or a deadline passes. Any test thread.
#ifndef BADGEWATCH_TESTS_SUPPORT_POLL_UNTIL_H_
#define BADGEWATCH_TESTS_SUPPORT_POLL_UNTIL_H_

#include <chrono>
#include <functional>
#include <thread>

namespace badgewatch::testing {

// True once `done` holds; false when `limit` passed first.
inline bool PollUntil(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_POLL_UNTIL_H_
