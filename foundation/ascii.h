// ASCII-only character tests and case folding, locale-free: HTML, URLs, host
// names, robots.txt keys and media types are case-insensitive only over ASCII.
// Header-only, pure; any thread.
#ifndef BADGEWATCH_FOUNDATION_ASCII_H_
#define BADGEWATCH_FOUNDATION_ASCII_H_

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace badgewatch::foundation {

[[nodiscard]] constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
[[nodiscard]] constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
[[nodiscard]] constexpr bool IsAsciiHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
[[nodiscard]] constexpr int HexDigitValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
[[nodiscard]] constexpr char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

[[nodiscard]] constexpr std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

[[nodiscard]] constexpr bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

[[nodiscard]] constexpr bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// Position of `needle` (which must be lower-case) in `haystack` ignoring ASCII
// case, from `from`; npos when absent.
[[nodiscard]] inline std::size_t FindIgnoreCase(std::string_view haystack, std::string_view needle,
                                                std::size_t from = 0) {
  if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  if (from >= haystack.size()) return std::string_view::npos;
  auto it =
      std::search(haystack.begin() + static_cast<std::ptrdiff_t>(from), haystack.end(),
                  needle.begin(), needle.end(), [](char h, char n) { return AsciiLower(h) == n; });
  return it == haystack.end() ? std::string_view::npos
                              : static_cast<std::size_t>(it - haystack.begin());
}

}  // namespace badgewatch::foundation

#endif  // BADGEWATCH_FOUNDATION_ASCII_H_
