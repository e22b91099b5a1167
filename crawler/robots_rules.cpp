#include "crawler/robots_rules.h"

#include <charconv>
#include <cmath>

#include "foundation/ascii.h"

namespace badgewatch::crawler {
namespace {

constexpr std::size_t kMaxRobotsBytes = 500 * 1024;  // RFC 9309: parse at least 500 KiB

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

using foundation::EqualsIgnoreCase;

constexpr bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

void AppendEscape(unsigned char byte, std::string& out) {
  constexpr char kHex[] = "0123456789ABCDEF";
  out.push_back('%');
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 0x0F]);
}

// The form in which RFC 9309 2.2.2 compares paths: bytes outside printable
// US-ASCII (UTF-8 text, spaces, controls) percent-encoded, every %xx escape
// upper-case, and escapes of printable ASCII decoded, so "/新闻/",
// "/%e6%96%b0%e9%97%bb/" and "/%E6%96%B0%E9%97%BB/" compare equal, as do
// "/%62az" and "/baz". `%`, and in a pattern the wildcards `*` and `$`, stay
// escaped, so "%2A" in a rule is a literal star. In a path (`is_pattern`
// false) a literal `*` or `$` is escaped so that it can only match an escaped
// one in a rule; so is a `$` that does not end a pattern.
std::string CanonicalRobotsPath(std::string_view s, bool is_pattern) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte == '%' && i + 2 < s.size() && IsHexDigit(s[i + 1]) && IsHexDigit(s[i + 2])) {
      const auto value = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
      if (value > 0x20 && value < 0x7F && value != '%' && value != '*' && value != '$') {
        out.push_back(static_cast<char>(value));
      } else {
        AppendEscape(value, out);
      }
    } else if (byte <= 0x20 || byte >= 0x7F || (!is_pattern && (byte == '*' || byte == '$')) ||
               (byte == '$' && i + 1 != s.size())) {
      AppendEscape(byte, out);
    } else {
      out.push_back(static_cast<char>(byte));
    }
  }
  return out;
}

// The next line of robots.txt: lines end at CR, LF or CRLF (RFC 9309 2.2).
std::string_view NextLine(std::string_view& text) {
  const std::size_t eol = std::min(text.find_first_of("\r\n"), text.size());
  const std::string_view line = text.substr(0, eol);
  std::size_t skip = eol;
  if (skip < text.size()) {
    skip += (text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') ? 2 : 1;
  }
  text.remove_prefix(skip);
  return line;
}

// The rules of one group as read.
struct Group {
  bool ours = false;
  bool star = false;
};

std::optional<std::chrono::milliseconds> ParseDelay(std::string_view value) {
  double seconds = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || !std::isfinite(seconds) || seconds < 0) return std::nullopt;
  (void)end;
  return std::chrono::milliseconds(static_cast<long long>(std::min(seconds, 86400.0) * 1000));
}

}  // namespace

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Iterative wildcard match with backtracking to the last '*'.
  std::size_t p = 0;
  std::size_t s = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.rules_.push_back({"/", false});
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view user_agent) {
  if (text.size() > kMaxRobotsBytes) text = text.substr(0, kMaxRobotsBytes);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  RobotsRules ours;
  RobotsRules star;
  bool have_ours = false;
  Group group;
  bool in_agent_lines = false;
  RobotsRules sitemaps;
  while (!text.empty()) {
    std::string_view line = NextLine(text);
    line = line.substr(0, line.find('#'));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(key, "user-agent")) {
      if (!in_agent_lines) group = Group{};
      in_agent_lines = true;
      // The product token: up to the first '/' or space.
      const std::string_view token = value.substr(0, value.find_first_of("/ "));
      if (token == "*") group.star = true;
      if (EqualsIgnoreCase(token, user_agent)) {
        group.ours = true;
        have_ours = true;
      }
      continue;
    }
    if (EqualsIgnoreCase(key, "sitemap")) {
      if (!value.empty()) sitemaps.sitemaps_.emplace_back(value);
      continue;
    }
    const bool allow = EqualsIgnoreCase(key, "allow");
    const bool disallow = EqualsIgnoreCase(key, "disallow");
    const bool delay = EqualsIgnoreCase(key, "crawl-delay");
    if (!allow && !disallow && !delay) continue;
    in_agent_lines = false;
    std::vector<RobotsRules*> targets;
    if (group.ours) targets.push_back(&ours);
    if (group.star) targets.push_back(&star);
    for (RobotsRules* target : targets) {
      if (delay) {
        if (!target->crawl_delay_) target->crawl_delay_ = ParseDelay(value);
      } else if (!value.empty()) {  // an empty Disallow allows everything
        target->rules_.push_back({CanonicalRobotsPath(value, true), allow});
      }
    }
  }
  RobotsRules result = have_ours ? std::move(ours) : std::move(star);
  result.sitemaps_ = std::move(sitemaps.sitemaps_);
  return result;
}

bool RobotsRules::Allows(std::string_view path_and_query) const {
  if (path_and_query == "/robots.txt") return true;
  const std::string path = CanonicalRobotsPath(path_and_query, false);
  std::size_t best_length = 0;
  bool best_allow = true;
  bool matched = false;
  for (const Rule& rule : rules_) {
    if (!RobotsPatternMatches(rule.pattern, path)) continue;
    const std::size_t length = rule.pattern.size();
    if (!matched || length > best_length || (length == best_length && rule.allow)) {
      best_length = length;
      best_allow = rule.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

}  // namespace badgewatch::crawler
