// sitemap.xml (sitemaps.org protocol): the <loc> URLs of a URL set or of a
// sitemap index. A small scanner, not a validating XML parser. Pure; any thread.
#ifndef BADGEWATCH_CRAWLER_SITEMAP_H_
#define BADGEWATCH_CRAWLER_SITEMAP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace badgewatch::crawler {

struct Sitemap {
  bool is_index = false;          // <sitemapindex>: locs are further sitemaps
  std::vector<std::string> locs;  // entity-decoded, trimmed, in document order
};

// Never fails: a document without <loc> elements gives an empty list. At most
// `max_locs` entries are read (the protocol allows 50,000 per file).
[[nodiscard]] Sitemap ParseSitemap(std::string_view xml, std::size_t max_locs = 50000);

}  // namespace badgewatch::crawler

#endif  // BADGEWATCH_CRAWLER_SITEMAP_H_
