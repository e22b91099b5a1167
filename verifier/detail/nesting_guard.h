// Caps how deep markup may nest, and how many elements it may open, before
// Gumbo sees it. Gumbo's tree builder scans the open-element stack on most
// start tags, so 100,000 nested <div>s take minutes (browsers cap the depth
// too: Blink at 512); and its tree costs ~400 bytes an element, so a 5 MiB
// page of 250,000 links would cost 100 MB a parse. Pure, any thread.
#ifndef BADGEWATCH_VERIFIER_DETAIL_NESTING_GUARD_H_
#define BADGEWATCH_VERIFIER_DETAIL_NESTING_GUARD_H_

#include <cstddef>
#include <string>

namespace badgewatch::verifier::detail {

inline constexpr std::size_t kMaxNestingDepth = 512;
// Far above real pages (a large government list page opens ~20,000).
inline constexpr std::size_t kMaxElements = 50000;

struct MarkupLimits {
  std::size_t max_depth = kMaxNestingDepth;
  std::size_t max_elements = kMaxElements;
};

struct CappedMarkup {
  bool depth_capped = false;         // a start tag deeper than max_depth was read as text
  std::size_t elements_dropped = 0;  // start tags past max_elements read as text
  std::size_t links_dropped = 0;     // of which <a>/<area> (links not followed)
};

// Tracks the nesting of container elements with a light tokenizer (comments,
// raw-text elements and quoted attribute values are skipped; void elements,
// self-closing tags and elements whose end tag is optional do not nest) and
// turns the '<' of every start tag that would open deeper than `max_depth`
// into a space, so the parser reads it as text. <script>, <a>, <title>,
// <meta>, <base> and frames are never touched. The length of `html` and every
// byte offset stay the same. Returns true when anything was changed.
bool CapNestingDepth(std::string& html, std::size_t max_depth = kMaxNestingDepth);

// The same, and past `max_elements` start tags every further start tag is
// read as text too, except those of <script>, <title>, <meta>, <base>, frames
// and the document's own <html>/<head>/<body> (the badge and the title are
// found in any page, however long).
CappedMarkup CapMarkup(std::string& html, MarkupLimits limits = {});

}  // namespace badgewatch::verifier::detail

#endif  // BADGEWATCH_VERIFIER_DETAIL_NESTING_GUARD_H_
