// Caps how deep markup may nest before Gumbo sees it. Gumbo's tree builder
// scans the open-element stack on most start tags, so 100,000 nested <div>s
// take minutes; browsers cap the depth too (Blink at 512). Pure, any thread.
#ifndef BADGEWATCH_VERIFIER_DETAIL_NESTING_GUARD_H_
#define BADGEWATCH_VERIFIER_DETAIL_NESTING_GUARD_H_

#include <cstddef>
#include <string>

namespace badgewatch::verifier::detail {

inline constexpr std::size_t kMaxNestingDepth = 512;

// Tracks the nesting of container elements with a light tokenizer (comments,
// raw-text elements and quoted attribute values are skipped; void elements,
// self-closing tags and elements whose end tag is optional do not nest) and
// turns the '<' of every start tag that would open deeper than `max_depth`
// into a space, so the parser reads it as text. <script>, <a>, <title>,
// <meta>, <base> and frames are never touched. The length of `html` and every
// byte offset stay the same. Returns true when anything was changed.
bool CapNestingDepth(std::string& html, std::size_t max_depth = kMaxNestingDepth);

}  // namespace badgewatch::verifier::detail

#endif  // BADGEWATCH_VERIFIER_DETAIL_NESTING_GUARD_H_
