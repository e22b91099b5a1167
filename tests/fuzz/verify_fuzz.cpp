// libFuzzer target over the whole `verify` path: decoding, the nesting guard,
// the Gumbo parse, the walk, badge and title rules, link resolution. The first
// input byte picks the expectation (Content-Type, page URL and role), so the
// charset and mixed-content paths are reached too; the rest is the page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "verifier/page_verifier.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using badgewatch::verifier::PageExpectation;
  using badgewatch::verifier::PageRole;
  static constexpr std::string_view kContentTypes[] = {"",
                                                       "text/html; charset=utf-8",
                                                       "text/html; charset=gbk",
                                                       "text/html;charset=\"big5\"",
                                                       "text/html; charset=bogus",
                                                       "text/html; charset=utf-16le",
                                                       "text/html; charset=iso-2022-jp",
                                                       "text/html; charset=x-user-defined"};
  static constexpr std::string_view kUrls[] = {"", "https://www.example.gov.cn/a/b.html",
                                               "http://政务.cn/", "not a url"};
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  PageExpectation expectation;
  expectation.registered_name = "杭州市教育局";
  expectation.badge_id = (selector & 0x80) != 0 ? "CA330000000604333780001" : "";
  expectation.role = (selector & 0x40) != 0 ? PageRole::kInner : PageRole::kHome;
  expectation.content_type = kContentTypes[selector & 0x07];
  expectation.url = kUrls[(selector >> 3) & 0x03];
  const std::string_view page(reinterpret_cast<const char*>(data + 1), size - 1);
  // One verifier per process, as a crawler worker keeps one: exercises arena reuse.
  static badgewatch::verifier::PageVerifier verifier;
  const auto report = verifier.Verify(page, expectation);
  // The report must be consistent whatever the bytes: a page passes exactly when it has no
  // problem. A broken invariant is a crash the fuzzer keeps.
  if (report.problems.empty() != (report.verdict == badgewatch::verifier::Verdict::kPass)) {
    std::abort();
  }
  return 0;
}
