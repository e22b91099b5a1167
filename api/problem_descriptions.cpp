#include "api/problem_descriptions.h"

#include <array>
#include <utility>

#include "verifier/problem_codes.h"

namespace badgewatch::api {

std::string_view DescribeProblem(std::string_view code) {
  namespace codes = verifier::codes;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kDescriptions = {{
      {codes::kBadgeMissing, "no live CONAC badge script in the page"},
      {codes::kBadgeMisplaced, "the badge is not inside <body> before </body>"},
      {codes::kBadgeIdMismatch, "the badge carries another unit's badge id"},
      {codes::kBadgeMalformed, "the badge script path and its file-name id disagree"},
      {codes::kBadgeStaticCopy, "a pasted copy of the rendered badge, not CONAC's live script"},
      {codes::kBadgeMixedContent, "an http: badge script on an https: page; browsers block it"},
      {codes::kTitleMissing, "the page has no <title>"},
      {codes::kTitleMismatch, "the title does not match the registered website name"},
      {codes::kFetchFailed, "the page could not be fetched"},
      {codes::kCharsetMismatch, "the declared charset is contradicted by the bytes"},
      {codes::kIpMismatch, "the site resolves to none of its registered IP addresses"},
      {codes::kBadgeInjected, "the badge is added by the site's own script, not the HTML"},
  }};
  for (const auto& [known, description] : kDescriptions) {
    if (known == code) return description;
  }
  return code;
}

}  // namespace badgewatch::api
