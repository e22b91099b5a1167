// robots.txt (RFC 9309) for one origin as seen by one user agent: the group
// that applies, Allow/Disallow matching with `*` and `$` (longest match wins,
// Allow wins a tie), Crawl-delay and Sitemap lines. Immutable once parsed;
// any thread.
//
// Example:
//   RobotsRules rules = RobotsRules::Parse(text, "badgewatch");
//   if (!rules.Allows("/private/a.html?x=1")) { ... }
#ifndef BADGEWATCH_CRAWLER_ROBOTS_RULES_H_
#define BADGEWATCH_CRAWLER_ROBOTS_RULES_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::crawler {

class RobotsRules {
 public:
  // Everything allowed (robots.txt absent: 4xx).
  [[nodiscard]] static RobotsRules AllowAll();
  // Nothing allowed (robots.txt unreachable: 5xx or network failure).
  [[nodiscard]] static RobotsRules DisallowAll();
  // Never fails: unknown lines are ignored. `user_agent` is the crawler's
  // product token, matched case-insensitively; without a group naming it, the
  // `*` group applies.
  [[nodiscard]] static RobotsRules Parse(std::string_view text, std::string_view user_agent);

  // `path_and_query` starts with '/'.
  [[nodiscard]] bool Allows(std::string_view path_and_query) const;
  // Crawl-delay of the applying group.
  [[nodiscard]] std::optional<std::chrono::milliseconds> crawl_delay() const {
    return crawl_delay_;
  }
  // Sitemap URLs (they apply regardless of groups).
  [[nodiscard]] const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };

  std::vector<Rule> rules_;
  std::optional<std::chrono::milliseconds> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

// True when `pattern` (robots syntax: `*` any run, trailing `$` the end)
// matches a prefix of `path`, or all of it with `$`. Exposed for tests.
[[nodiscard]] bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_ROBOTS_RULES_H_
