// One iterative walk over a Gumbo tree that collects every fact the verifier
// judges: title, site meta, base and raw links, badge candidates with their
// tree context, the offsets of real </body> and </html> end tags, and the
// visible text. Pure; no recursion (depth is bounded only by memory).
#ifndef BADGEWATCH_VERIFIER_DETAIL_PAGE_WALK_H_
#define BADGEWATCH_VERIFIER_DETAIL_PAGE_WALK_H_

#include <gumbo.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verifier/page_report.h"

namespace badgewatch::verifier::detail {

struct BadgeCandidate {
  FoundBadge badge;      // placement not yet decided
  bool in_head = false;  // an ancestor is <head>
  bool in_body = false;  // an ancestor is <body>
};

struct PageFacts {
  std::optional<std::string> raw_title;  // text of the first HTML <title>, not normalised
  SiteMeta site_meta;
  std::string_view base_href;                 // first <base href>; points into the parse tree
  std::vector<std::string_view> hrefs;        // a/area href, frame/iframe src, meta refresh url
  std::vector<std::string_view> script_srcs;  // src of executable scripts other than badges
  std::vector<BadgeCandidate> badges;
  std::string visible_text;                // text of the body, outside scripts and styles
  std::vector<std::size_t> body_end_tags;  // byte offsets of real </body> tags, ascending
  std::vector<std::size_t> html_end_tags;  // byte offsets of real </html> tags, ascending
};

// `html` is the exact buffer `output` was parsed from. The string_views in
// the result point into the tree or into `html`.
[[nodiscard]] PageFacts WalkPage(const GumboOutput& output, std::string_view html);

// Decides where a candidate sits from its tree context and the real end tags.
[[nodiscard]] PagePlacement PlaceBadge(const BadgeCandidate& candidate, const PageFacts& facts);

}  // namespace badgewatch::verifier::detail

#endif  // BADGEWATCH_VERIFIER_DETAIL_PAGE_WALK_H_
