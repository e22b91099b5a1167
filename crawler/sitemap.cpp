#include "crawler/sitemap.h"

#include <array>
#include <utility>

namespace badgewatch::crawler {
namespace {

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// The five predefined XML entities; a CDATA section is taken as it is.
std::string DecodeText(std::string_view text) {
  text = Trim(text);
  if (text.substr(0, 9) == "<![CDATA[" && text.size() >= 12 &&
      text.substr(text.size() - 3) == "]]>") {
    return std::string(Trim(text.substr(9, text.size() - 12)));
  }
  constexpr std::array<std::pair<std::string_view, char>, 5> kEntities{
      {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          out.push_back(c);
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i]);
  }
  return out;
}

}  // namespace

Sitemap ParseSitemap(std::string_view xml, std::size_t max_locs) {
  Sitemap sitemap;
  const std::size_t root = xml.find("<sitemapindex");
  sitemap.is_index = root != std::string_view::npos && root < xml.find("<urlset");
  std::size_t pos = 0;
  while (sitemap.locs.size() < max_locs) {
    const std::size_t open = xml.find("<loc>", pos);
    if (open == std::string_view::npos) break;
    const std::size_t start = open + 5;
    const std::size_t close = xml.find("</loc>", start);
    if (close == std::string_view::npos) break;
    std::string loc = DecodeText(xml.substr(start, close - start));
    if (!loc.empty()) sitemap.locs.push_back(std::move(loc));
    pos = close + 6;
  }
  return sitemap;
}

}  // namespace badgewatch::crawler
