#include "crawler/robots_rules.h"

#include <charconv>
#include <cmath>

#include "crawler/detail/ascii.h"

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

using detail::EqualsIgnoringCase;

// Upper-cases %xx escapes so "%7e" in a rule matches "%7E" in a URL.
std::string NormalizeEscapes(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i + 2 < out.size(); ++i) {
    if (out[i] != '%') continue;
    for (std::size_t j = i + 1; j <= i + 2; ++j) {
      if (out[j] >= 'a' && out[j] <= 'f') out[j] = static_cast<char>(out[j] - 'a' + 'A');
    }
  }
  return out;
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
    const std::size_t eol = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    line = line.substr(0, line.find('#'));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoringCase(key, "user-agent")) {
      if (!in_agent_lines) group = Group{};
      in_agent_lines = true;
      // The product token: up to the first '/' or space.
      const std::string_view token = value.substr(0, value.find_first_of("/ "));
      if (token == "*") group.star = true;
      if (EqualsIgnoringCase(token, user_agent)) {
        group.ours = true;
        have_ours = true;
      }
      continue;
    }
    if (EqualsIgnoringCase(key, "sitemap")) {
      if (!value.empty()) sitemaps.sitemaps_.emplace_back(value);
      continue;
    }
    const bool allow = EqualsIgnoringCase(key, "allow");
    const bool disallow = EqualsIgnoringCase(key, "disallow");
    const bool delay = EqualsIgnoringCase(key, "crawl-delay");
    if (!allow && !disallow && !delay) continue;
    in_agent_lines = false;
    std::vector<RobotsRules*> targets;
    if (group.ours) targets.push_back(&ours);
    if (group.star) targets.push_back(&star);
    for (RobotsRules* target : targets) {
      if (delay) {
        if (!target->crawl_delay_) target->crawl_delay_ = ParseDelay(value);
      } else if (!value.empty()) {  // an empty Disallow allows everything
        target->rules_.push_back({NormalizeEscapes(value), allow});
      }
    }
  }
  RobotsRules result = have_ours ? std::move(ours) : std::move(star);
  result.sitemaps_ = std::move(sitemaps.sitemaps_);
  return result;
}

bool RobotsRules::Allows(std::string_view path_and_query) const {
  if (path_and_query == "/robots.txt") return true;
  const std::string path = NormalizeEscapes(path_and_query);
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
