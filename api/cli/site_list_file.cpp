#include "api/cli/site_list_file.h"

#include <fmt/format.h>

#include <optional>

#include "api/cli/badge_id_option.h"
#include "crawler/host_name.h"
#include "registry/csv_table.h"
#include "registry/field_validation.h"
#include "registry/site_import.h"
#include "registry/sites.h"

namespace badgewatch::api {
namespace {

// One row's fields by column name; "" for a column the file does not have.
class RowFields {
 public:
  RowFields(const registry::CsvTable& table, const registry::CsvRow& row)
      : table_(table), row_(row) {}
  [[nodiscard]] std::string Get(std::string_view column) const {
    const int at = table_.Column(column);
    return at < 0 ? std::string() : row_.fields[static_cast<std::size_t>(at)];
  }

 private:
  const registry::CsvTable& table_;
  const registry::CsvRow& row_;
};

Result<std::optional<ListedSite>> NothingToCrawl() { return std::optional<ListedSite>(); }

// The site of one row, nullopt for a row with nothing to crawl; or what is wrong.
Result<std::optional<ListedSite>> SiteOfRow(const RowFields& row, std::size_t line,
                                            unsigned short port) {
  registry::SiteFields site;
  site.name = row.Get("site_name");
  const std::string english = row.Get("english_domain");
  const std::string chinese = row.Get("chinese_domain");
  if (!english.empty()) site.english_domain = english;
  if (!chinese.empty()) site.chinese_domain = chinese;
  if (site.name.empty() && english.empty() && chinese.empty()) return NothingToCrawl();  // no site
  if (english.empty() && chinese.empty() && row.Get("hosted_on_platform") == "1") {
    return NothingToCrawl();  // on CONAC's platform: no domain of its own to crawl
  }
  if (site.name.empty()) return InvalidArgument("site_name is empty");
  for (const std::string& host : {english, chinese}) {
    if (host.empty()) continue;
    if (auto ascii = crawler::HostToAscii(host); !ascii.ok()) return ascii.status();
  }
  std::optional<scan::CrawlTarget> target = scan::CrawlTargetOf(site, port);
  if (!target) return InvalidArgument("neither english_domain nor chinese_domain is given");
  const std::string badge_id = row.Get("badge_id");
  if (!badge_id.empty()) {
    if (std::string error = BadgeIdFormError(badge_id); !error.empty()) {
      return InvalidArgument(fmt::format("badge_id '{}': {}", badge_id, error));
    }
  }
  std::vector<std::string> ips = registry::SplitIps(row.Get("ips"));
  for (const std::string& ip : ips) {
    if (Status s = registry::ValidateIpAddress(ip); !s.ok()) return s;
  }
  return std::optional<ListedSite>(
      ListedSite{line, site.name, badge_id, std::move(ips), std::move(*target)});
}

}  // namespace

Result<std::vector<ListedSite>> ParseCheckSiteList(std::string_view csv, unsigned short port) {
  Result<registry::CsvTable> table = registry::ParseCsv(csv);
  if (!table) return table.status();
  for (const std::string& column : table->header) {
    // Any column of the registry's import format; those a check does not use are ignored.
    if (!registry::IsImportColumn(column)) {
      return InvalidArgument(fmt::format(
          "unknown column '{}' (a site list has site_name, english_domain, chinese_domain, "
          "badge_id and ips; the other columns of 'registry export' are ignored)",
          column));
    }
  }
  if (table->Column("site_name") < 0) return InvalidArgument("the CSV has no 'site_name' column");
  if (table->Column("english_domain") < 0 && table->Column("chinese_domain") < 0) {
    return InvalidArgument("the CSV has neither an 'english_domain' nor a 'chinese_domain' column");
  }
  std::vector<ListedSite> sites;
  std::string errors;
  for (const registry::CsvRow& row : table->rows) {
    if (row.fields.size() != table->header.size()) {
      errors += fmt::format("\nline {}: {} fields, the header has {}", row.line, row.fields.size(),
                            table->header.size());
      continue;
    }
    auto site = SiteOfRow(RowFields(*table, row), row.line, port);
    if (!site) {
      errors += fmt::format("\nline {}: {}", row.line, site.status().message());
    } else if (*site) {
      sites.push_back(std::move(**site));
    }
  }
  if (!errors.empty())
    return InvalidArgument(fmt::format("bad rows, nothing was checked:{}", errors));
  if (sites.empty()) return InvalidArgument("the list has no site to check");
  return sites;
}

}  // namespace badgewatch::api
