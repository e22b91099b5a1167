#include "verifier/detail/nesting_guard.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>

#include "foundation/ascii.h"

namespace badgewatch::verifier::detail {
namespace {

using foundation::IsAsciiSpace;
using foundation::IsAsciiAlpha;
using foundation::AsciiLower;
using foundation::EqualsIgnoreCase;

// What the guard needs to know about an element, by its lower-case name.
enum TagTrait : unsigned {
  // Never holds children, or its end tag may be left out (the parser closes
  // it itself), or it merges into one: none of these deepens.
  kDoesNotNest = 1U << 0U,
  kRawText = 1U << 1U,           // content is text up to its own end tag
  kNeverNeutralised = 1U << 2U,  // never turned into text, however deep
  kNeverDropped = 1U << 3U,      // never turned into text, however many elements
};

struct TagTraits {
  std::string_view name;
  unsigned traits;
};

// Sorted by name, for a binary search once per tag.
constexpr TagTraits kTagTraits[] = {
    {"a", kDoesNotNest | kNeverNeutralised},
    {"area", kDoesNotNest | kNeverNeutralised},
    {"base", kDoesNotNest | kNeverNeutralised | kNeverDropped},
    {"basefont", kDoesNotNest},
    {"bgsound", kDoesNotNest},
    {"body", kDoesNotNest | kNeverDropped},
    {"br", kDoesNotNest},
    {"caption", kDoesNotNest},
    {"col", kDoesNotNest},
    {"colgroup", kDoesNotNest},
    {"dd", kDoesNotNest},
    {"dt", kDoesNotNest},
    {"embed", kDoesNotNest},
    {"frame", kDoesNotNest | kNeverNeutralised | kNeverDropped},
    {"head", kDoesNotNest | kNeverDropped},
    {"hr", kDoesNotNest},
    {"html", kDoesNotNest | kNeverDropped},
    {"iframe", kRawText | kNeverNeutralised | kNeverDropped},
    {"img", kDoesNotNest},
    {"input", kDoesNotNest},
    {"keygen", kDoesNotNest},
    {"li", kDoesNotNest},
    {"link", kDoesNotNest},
    {"meta", kDoesNotNest | kNeverNeutralised | kNeverDropped},
    {"noembed", kRawText},
    {"noframes", kRawText},
    {"noscript", kNeverDropped},
    {"optgroup", kDoesNotNest},
    {"option", kDoesNotNest},
    {"p", kDoesNotNest},
    {"param", kDoesNotNest},
    {"rb", kDoesNotNest},
    {"rp", kDoesNotNest},
    {"rt", kDoesNotNest},
    {"rtc", kDoesNotNest},
    {"script", kRawText | kNeverNeutralised | kNeverDropped},
    {"source", kDoesNotNest},
    {"style", kRawText},
    {"tbody", kDoesNotNest},
    {"td", kDoesNotNest},
    {"template", kNeverDropped},
    {"textarea", kRawText},
    {"tfoot", kDoesNotNest},
    {"th", kDoesNotNest},
    {"thead", kDoesNotNest},
    {"title", kRawText | kNeverNeutralised | kNeverDropped},
    {"tr", kDoesNotNest},
    {"track", kDoesNotNest},
    {"wbr", kDoesNotNest},
    {"xmp", kRawText},
};
static_assert(std::is_sorted(std::begin(kTagTraits), std::end(kTagTraits),
                             [](const TagTraits& a, const TagTraits& b) {
                               return a.name < b.name;
                             }));

unsigned TraitsOf(std::string_view name) {
  const auto* it = std::lower_bound(
      std::begin(kTagTraits), std::end(kTagTraits), name,
      [](const TagTraits& entry, std::string_view key) { return entry.name < key; });
  return it != std::end(kTagTraits) && it->name == name ? it->traits : 0U;
}

}  // namespace

bool CapNestingDepth(std::string& html, std::size_t max_depth) {
  return CapMarkup(html, {.max_depth = max_depth, .max_elements = SIZE_MAX}).depth_capped;
}

CappedMarkup CapMarkup(std::string& html, MarkupLimits limits) {
  const std::size_t n = html.size();
  std::size_t depth = 0;
  std::size_t elements = 0;
  CappedMarkup capped;
  std::size_t i = 0;
  std::array<char, 16> name_buf{};
  while (true) {
    const void* lt = i < n ? std::memchr(html.data() + i, '<', n - i) : nullptr;
    if (lt == nullptr) break;
    const std::size_t tag_start =
        static_cast<std::size_t>(static_cast<const char*>(lt) - html.data());
    i = tag_start + 1;
    if (i >= n) break;
    if (html[i] == '!' && html.compare(i, 3, "!--") == 0) {
      const std::size_t end = html.find("-->", i + 3);
      i = end == std::string::npos ? n : end + 3;
      continue;
    }
    const bool end_tag = html[i] == '/';
    if (end_tag) ++i;
    if (i >= n || !IsAsciiAlpha(html[i])) {
      if (!end_tag && (html[i] == '!' || html[i] == '?')) {
        const std::size_t end = html.find('>', i);
        i = end == std::string::npos ? n : end + 1;
      }
      continue;
    }
    std::size_t len = 0;
    while (i < n && !IsAsciiSpace(html[i]) && html[i] != '/' && html[i] != '>') {
      if (len < name_buf.size()) name_buf[len] = AsciiLower(html[i]);
      ++len;
      ++i;
    }
    const std::string_view name(name_buf.data(), len <= name_buf.size() ? len : 0);
    // Find the end of the tag, skipping quoted attribute values. `previous`
    // is the last non-space character before i.
    char previous = 0;
    while (i < n) {
      const char c = html[i];
      if (c == '>') break;
      if ((c == '"' || c == '\'') && (previous == '=' || IsAsciiSpace(previous))) {
        const void* close = std::memchr(html.data() + i + 1, c, n - i - 1);
        if (close == nullptr) {
          // Unclosed: the value runs to the end of the input.
          std::size_t last = n - 1;
          while (IsAsciiSpace(html[last])) --last;  // stops at the quote at i at the latest
          previous = html[last];
          i = n;
          break;
        }
        i = static_cast<std::size_t>(static_cast<const char*>(close) - html.data()) + 1;
        previous = c;
        continue;
      }
      if (!IsAsciiSpace(c)) previous = c;
      ++i;
    }
    const bool self_closing = previous == '/';
    if (i < n) ++i;  // past '>'
    const unsigned traits = TraitsOf(name);
    if (end_tag) {
      if ((traits & kDoesNotNest) == 0 && depth > 0) --depth;
      continue;
    }
    if ((traits & kRawText) != 0) {
      std::string closing = "</";
      closing.append(name);
      std::size_t search = i;
      while (true) {
        const std::size_t lt2 = html.find("</", search);
        if (lt2 == std::string::npos) {
          i = n;
          break;
        }
        if (EqualsIgnoreCase(std::string_view(html).substr(lt2, closing.size()), closing)) {
          i = lt2;
          break;
        }
        search = lt2 + 2;
      }
      continue;
    }
    if (name == "plaintext") break;
    if (++elements > limits.max_elements && (traits & kNeverDropped) == 0) {
      html[tag_start] = ' ';
      ++capped.elements_dropped;
      capped.links_dropped += name == "a" || name == "area";
      continue;
    }
    if (self_closing || (traits & kDoesNotNest) != 0) continue;
    if (depth >= limits.max_depth && (traits & kNeverNeutralised) == 0) {
      html[tag_start] = ' ';
      capped.depth_capped = true;
      continue;
    }
    ++depth;
  }
  return capped;
}

}  // namespace badgewatch::verifier::detail
