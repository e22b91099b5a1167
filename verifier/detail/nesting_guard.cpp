#include "verifier/detail/nesting_guard.h"

#include <array>
#include <cstring>
#include <string_view>

#include "verifier/detail/ascii.h"

namespace badgewatch::verifier::detail {
namespace {

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// Elements that never hold children, or whose end tag may be left out (the
// parser closes them itself), or that merge into one: none of them deepens.
bool DoesNotNest(std::string_view name) {
  return IsOneOf(
      name, {"area",     "base",    "br",    "col",    "embed", "hr",    "img",      "input",
             "link",     "meta",    "param", "source", "track", "wbr",   "keygen",   "frame",
             "basefont", "bgsound", "p",     "li",     "dt",    "dd",    "option",   "optgroup",
             "tr",       "td",      "th",    "thead",  "tbody", "tfoot", "colgroup", "caption",
             "rb",       "rt",      "rtc",   "rp",     "html",  "head",  "body",     "a"});
}

// Elements whose content is text up to their own end tag.
bool IsRawText(std::string_view name) {
  return IsOneOf(name,
                 {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

bool NeverNeutralised(std::string_view name) {
  return IsOneOf(name, {"script", "a", "title", "meta", "base", "frame", "iframe", "area"});
}

}  // namespace

bool CapNestingDepth(std::string& html, std::size_t max_depth) {
  const std::size_t n = html.size();
  std::size_t depth = 0;
  bool changed = false;
  std::size_t i = 0;
  std::array<char, 16> name_buf{};
  while (true) {
    const void* lt = i < n ? std::memchr(html.data() + i, '<', n - i) : nullptr;
    if (lt == nullptr) break;
    const std::size_t tag_start =
        static_cast<std::size_t>(static_cast<const char*>(lt) - html.data());
    i = tag_start + 1;
    if (i >= n) break;
    if (html.compare(i, 3, "!--") == 0) {
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
    // Find the end of the tag, skipping quoted attribute values.
    char quote = 0;
    char previous = 0;
    while (i < n) {
      const char c = html[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        if (previous == '=' || IsAsciiSpace(previous)) quote = c;
      } else if (c == '>') {
        break;
      }
      if (!IsAsciiSpace(c)) previous = c;
      ++i;
    }
    const bool self_closing = previous == '/';
    if (i < n) ++i;  // past '>'
    if (end_tag) {
      if (!DoesNotNest(name) && depth > 0) --depth;
      continue;
    }
    if (IsRawText(name)) {
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
    if (self_closing || DoesNotNest(name)) continue;
    if (depth >= max_depth && !NeverNeutralised(name)) {
      html[tag_start] = ' ';
      changed = true;
      continue;
    }
    ++depth;
  }
  return changed;
}

}  // namespace badgewatch::verifier::detail
