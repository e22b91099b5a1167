// Title normalisation and the rule that compares a page title with the site's
// registered name (DESIGN.md): NFKC, whitespace folding, trimming; equality on
// the home page, equality or one '-'/'_'/'|'/'—'/'——'/'::'-separated segment on
// inner pages. Pure functions, safe on any thread.
//
// Example:
//   std::string title = NormalizeTitle(" 通知公告\u3000-　杭州市教育局 ");
//   MatchTitle(title, NormalizeTitle("杭州市教育局")) == TitleMatch::kSegment
#ifndef BADGEWATCH_VERIFIER_TITLE_MATCHING_H_
#define BADGEWATCH_VERIFIER_TITLE_MATCHING_H_

#include <string>
#include <string_view>

namespace badgewatch::verifier {

// Unicode NFKC, then every run of ASCII whitespace (space, tab, CR, LF, FF),
// U+00A0 and U+3000 becomes one ASCII space, then leading/trailing spaces are
// trimmed. Input that is not valid UTF-8 is decoded with U+FFFD replacements.
[[nodiscard]] std::string NormalizeTitle(std::string_view utf8);

enum class TitleMatch {
  kEqual,     // the title is the registered name
  kSegment,   // the name stands as one whole segment ("文章 - 名称", "名称|栏目")
  kMismatch,  // neither
};

// Compares two already-normalised strings. A segment match needs the name to be
// bounded on each side by the start/end of the title or by a separator
// ('-', '_', '|', '—', '——', '::'), optional spaces around the separator
// allowed; so names that themselves contain a separator still match. An empty
// name never matches.
[[nodiscard]] TitleMatch MatchTitle(std::string_view normalized_title,
                                    std::string_view normalized_name);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_TITLE_MATCHING_H_
