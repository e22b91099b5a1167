#include "scan/crawl_target.h"

#include "verifier/link_resolution.h"

namespace badgewatch::scan {

std::optional<CrawlTarget> CrawlTargetOf(const registry::SiteFields& site, unsigned short port) {
  const std::optional<std::string>& primary =
      site.english_domain ? site.english_domain : site.chinese_domain;
  if (!primary || primary->empty()) return std::nullopt;
  CrawlTarget target;
  target.start_url = "http://" + *primary;
  if (port != 0) target.start_url += ":" + std::to_string(port);
  target.start_url += "/";
  if (site.english_domain && site.chinese_domain) target.aliases.push_back(*site.chinese_domain);
  return target;
}

crawler::CrawlConfig CheckCrawlConfig(const CrawlTarget& target) {
  crawler::CrawlConfig config;
  config.start_url = target.start_url;
  config.aliases = target.aliases;
  config.normalize_url = [](std::string_view url) { return verifier::NormalizeHttpUrl(url); };
  return config;
}

}  // namespace badgewatch::scan
