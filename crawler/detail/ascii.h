// ASCII case folding for the crawler's protocol text (host names, robots.txt
// keys, media types). Locale-free; pure; any thread.
#ifndef BADGEWATCH_CRAWLER_DETAIL_ASCII_H_
#define BADGEWATCH_CRAWLER_DETAIL_ASCII_H_

#include <string>
#include <string_view>

namespace badgewatch::crawler::detail {

[[nodiscard]] constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

[[nodiscard]] constexpr bool StartsWithIgnoringCase(std::string_view text,
                                                    std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(text[i]) != AsciiLower(prefix[i])) return false;
  }
  return true;
}

[[nodiscard]] constexpr bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWithIgnoringCase(a, b);
}

}  // namespace badgewatch::crawler::detail

#endif  // BADGEWATCH_CRAWLER_DETAIL_ASCII_H_
