// How many bytes of pages are being parsed at once, in the whole process. A
// parse costs ~14 times its page in memory (the decoded copy, Gumbo's tree,
// the walk), so a crawl's workers — or a scan's many sites — parsing 5 MiB
// pages side by side would multiply that; under the budget, large pages wait
// for each other while ordinary pages (tens of KB) never wait. A page larger
// than the whole budget is parsed alone. Thread-safe.
//
// Example:
//   const ParseBudget::Ticket ticket = SharedParseBudget().Acquire(body.size());
//   report = verifier.Verify(body, expectation);  // the ticket is given back at scope end
#ifndef BADGEWATCH_VERIFIER_PARSE_BUDGET_H_
#define BADGEWATCH_VERIFIER_PARSE_BUDGET_H_

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace badgewatch::verifier {

class ParseBudget {
 public:
  explicit ParseBudget(std::size_t bytes) : budget_(bytes) {}
  ParseBudget(const ParseBudget&) = delete;
  ParseBudget& operator=(const ParseBudget&) = delete;

  // Bytes held until destroyed.
  class Ticket {
   public:
    Ticket(ParseBudget* budget, std::size_t bytes) : budget_(budget), bytes_(bytes) {}
    Ticket(Ticket&& other) noexcept : budget_(other.budget_), bytes_(other.bytes_) {
      other.budget_ = nullptr;
    }
    Ticket& operator=(Ticket&&) = delete;
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    ~Ticket() {
      if (budget_ != nullptr) budget_->Release(bytes_);
    }

   private:
    ParseBudget* budget_;
    std::size_t bytes_;
  };

  // Waits until `bytes` fit beside the parses in progress (or none is in
  // progress), then holds them.
  [[nodiscard]] Ticket Acquire(std::size_t bytes);

  [[nodiscard]] std::size_t in_use() const;

 private:
  void Release(std::size_t bytes);

  const std::size_t budget_;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  std::size_t in_use_ = 0;
};

// The process's budget: 6 MiB of page bytes parsed at once (one page at the
// 5 MiB limit, or any number of ordinary ones).
[[nodiscard]] ParseBudget& SharedParseBudget();

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_PARSE_BUDGET_H_
