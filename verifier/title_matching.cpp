// Title normalisation (ICU NFKC plus whitespace folding) and the home/inner page
// title rule of DESIGN.md.
#include "verifier/title_matching.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace badgewatch::verifier {
namespace {

// The whitespace DESIGN.md folds that is not ASCII, as UTF-8.
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";          // U+00A0
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

// Segment separators, as they stand after NFKC ('｜' is '|' by then, '－' is
// '-', '：：' is '::'). The em dash also covers '——'. A single ':' is no
// separator, nor are '–' (U+2013) and '·'.
constexpr std::array<std::string_view, 5> kSeparators = {"-", "_", "|",
                                                         "\xE2\x80\x94" /* — U+2014 */, "::"};

// ICU's shared NFKC instance, or nullptr when ICU cannot load its data. ICU owns
// the instance; the static's initialiser runs once, thread-safely.
const icu::Normalizer2* NfkcNormalizer() {
  static const icu::Normalizer2* const kNfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? nfkc : nullptr;
  }();
  return kNfkc;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Byte length of the foldable whitespace character at `pos`, or 0 if there is none.
std::size_t WhitespaceLengthAt(std::string_view text, std::size_t pos) {
  switch (text[pos]) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\f':
      return 1;
    default:
      break;
  }
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
  if (rest.starts_with(kIdeographicSpace)) return kIdeographicSpace.size();
  return 0;
}

// Replaces each run of foldable whitespace by one ASCII space and drops the
// leading and trailing runs.
std::string FoldWhitespace(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  bool space_pending = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (const std::size_t length = WhitespaceLengthAt(text, pos); length > 0) {
      space_pending = !folded.empty();
      pos += length;
      continue;
    }
    if (space_pending) {
      folded.push_back(' ');
      space_pending = false;
    }
    folded.push_back(text[pos]);
    ++pos;
  }
  return folded;
}

// Decodes UTF-8 (ill-formed sequences become U+FFFD), applies NFKC and encodes
// the result as UTF-8 again. Without a usable normaliser the text is only
// re-encoded, so that the caller still gets well-formed UTF-8.
std::string NfkcUtf8(std::string_view utf8) {
  // A title never comes near 2 GiB; cutting there keeps the length cast exact.
  const auto length =
      static_cast<int32_t>(std::min<std::size_t>(utf8.size(), std::numeric_limits<int32_t>::max()));
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), length));
  if (const icu::Normalizer2* nfkc = NfkcNormalizer(); nfkc != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = std::move(normalized);
  }
  std::string result;
  text.toUTF8String(result);
  return result;
}

bool IsSegmentStart(std::string_view before) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty()) return true;
  return std::any_of(kSeparators.begin(), kSeparators.end(),
                     [before](std::string_view separator) { return before.ends_with(separator); });
}

bool IsSegmentEnd(std::string_view after) {
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (after.empty()) return true;
  return std::any_of(kSeparators.begin(), kSeparators.end(),
                     [after](std::string_view separator) { return after.starts_with(separator); });
}

}  // namespace

std::string NormalizeTitle(std::string_view utf8) {
  // NFKC leaves ASCII unchanged, so ASCII titles skip ICU altogether.
  if (IsAscii(utf8)) return FoldWhitespace(utf8);
  return FoldWhitespace(NfkcUtf8(utf8));
}

TitleMatch MatchTitle(std::string_view normalized_title, std::string_view normalized_name) {
  if (normalized_name.empty()) return TitleMatch::kMismatch;
  if (normalized_title == normalized_name) return TitleMatch::kEqual;
  // Every occurrence is tried: "杭州市教育局 - 教育局" holds "教育局" unbounded
  // first and as a segment second. Both strings are well-formed UTF-8, so a
  // byte-wise hit always starts on a character boundary.
  for (std::size_t pos = normalized_title.find(normalized_name); pos != std::string_view::npos;
       pos = normalized_title.find(normalized_name, pos + 1)) {
    if (IsSegmentStart(normalized_title.substr(0, pos)) &&
        IsSegmentEnd(normalized_title.substr(pos + normalized_name.size()))) {
      return TitleMatch::kSegment;
    }
  }
  return TitleMatch::kMismatch;
}

}  // namespace badgewatch::verifier
