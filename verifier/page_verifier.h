// The verifier's entry point: one page's bytes in, its PageReport out. Decodes
// (charset_decoding.h), parses once with Gumbo, and judges the badge, its
// placement and id, and the title (DESIGN.md, "Failure codes" and "Rules").
// No I/O. A PageVerifier reuses its parse memory and the normal forms of the
// links it has resolved between pages: keep one per thread; it is not
// thread-safe.
//
// Example:
//   PageVerifier verifier;
//   PageReport report = verifier.Verify(bytes, {.registered_name = "杭州市教育局",
//                                                .badge_id = "CA330000000604333780001",
//                                                .url = "https://jyj.hangzhou.gov.cn/"});
//   if (report.verdict == Verdict::kFail) { ... report.problems ... }
#ifndef BADGEWATCH_VERIFIER_PAGE_VERIFIER_H_
#define BADGEWATCH_VERIFIER_PAGE_VERIFIER_H_

#include <memory>
#include <string_view>

#include "verifier/page_report.h"

namespace badgewatch::verifier {

namespace detail {
class GumboArena;
}
class NormalizedUrlCache;

class PageVerifier {
 public:
  PageVerifier();
  ~PageVerifier();
  PageVerifier(const PageVerifier&) = delete;
  PageVerifier& operator=(const PageVerifier&) = delete;

  // Never fails: any byte string gets a report (an empty or binary page is a
  // page without badge and title). Cost is linear in the page size.
  [[nodiscard]] PageReport Verify(std::string_view bytes, const PageExpectation& expectation);

 private:
  std::unique_ptr<detail::GumboArena> arena_;
  std::unique_ptr<NormalizedUrlCache> urls_;
};

// One-off convenience: a fresh PageVerifier for a single page.
[[nodiscard]] PageReport VerifyPage(std::string_view bytes, const PageExpectation& expectation);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_PAGE_VERIFIER_H_
