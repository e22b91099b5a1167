// Hostile sites of the project's own, for the memory and time tests and the
// hostile-site benchmark; served through TestWebServer::ServeGenerated.
//   - link flood: every page carries `links` links to pages never linked
//     before (<a href=1a2b3></a>: 250,000 of them fit in 5 MiB);
//   - tarpit: every page answers after `delay` and links two new pages.
// Every page is otherwise right: the registered title and the unit's badge,
// so whatever fails is the crawl, not the page.
#ifndef BADGEWATCH_TESTS_SUPPORT_HOSTILE_SITE_H_
#define BADGEWATCH_TESTS_SUPPORT_HOSTILE_SITE_H_

#include <chrono>
#include <cstddef>
#include <string>

#include "tests/support/test_web_server.h"

namespace badgewatch::testing {

inline constexpr char kHostileSiteName[] = "恶意测试网站";
inline constexpr char kHostileSiteBadgeId[] = "CA330000000604333780001";

struct HostileSite {
  std::size_t links = 250000;          // new links per page
  std::chrono::milliseconds delay{0};  // before each answer
};

// The page at `target` (any path: every link leads to another page of the
// site's root); robots.txt and sitemap.xml are 404.
[[nodiscard]] TestResponse HostileSitePage(const HostileSite& site, const std::string& target);

// A 250,000-link flood and a 10 s tarpit.
[[nodiscard]] inline HostileSite LinkFlood(std::size_t links = 250000) { return {links, {}}; }
[[nodiscard]] inline HostileSite Tarpit(std::chrono::milliseconds delay) { return {2, delay}; }

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_HOSTILE_SITE_H_
