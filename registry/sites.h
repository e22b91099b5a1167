// Registered websites of units: the fields of the site form, insertion with
// the unit's next sequence number (the last 4 digits of the site's badge id),
// and reading them back. Writer thread for Insert (inside the caller's
// transaction); any connection for reads.
#ifndef BADGEWATCH_REGISTRY_SITES_H_
#define BADGEWATCH_REGISTRY_SITES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

struct SiteFields {
  std::string name;                           // the registered name = the page <title>
  std::optional<std::string> chinese_domain;  // 教育局.政务
  std::optional<std::string> english_domain;  // edu.hangzhou.gov.cn
  bool hosted_on_platform = false;            // built on CONAC's hosting platform (网络红页)
  std::vector<std::string> ips;
  std::string introduction;
};

struct Site {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  int sequence = 0;
  SiteFields fields;
  std::optional<std::string> badge_id;
};

// IP lists are stored as one text, addresses separated by single spaces.
[[nodiscard]] std::string JoinIps(const std::vector<std::string>& ips);
[[nodiscard]] std::vector<std::string> SplitIps(const std::string& text);

// Inserts a site of `unit_id` with `sequence`, or the unit's next one when
// absent. kAlreadyExists when the sequence is taken.
[[nodiscard]] Result<std::int64_t> InsertSite(Database& db, std::int64_t unit_id,
                                              const SiteFields& fields, std::optional<int> sequence,
                                              std::int64_t now);

// The unit's site with this name and the same English domain (or the same
// hosting flag), which a recheck application updates; nullopt when none.
[[nodiscard]] Result<std::optional<std::int64_t>> FindUnitSite(Database& db, std::int64_t unit_id,
                                                               const SiteFields& fields);

// A site of another unit that already carries a domain an application names.
struct DomainHolder {
  std::string domain;  // the shared domain, as the holder's site writes it
  std::int64_t site_id = 0;
  std::string site_name;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string region_code;
  std::optional<std::string> badge_id;  // when the holder's badge is issued
};

// The sites of units other than `unit_id` whose English domain (letter case
// ignored) or Chinese domain is one of `fields`', in site id order; empty
// when none.
[[nodiscard]] Result<std::vector<DomainHolder>> OtherUnitsHoldingDomains(Database& db,
                                                                         std::int64_t unit_id,
                                                                         const SiteFields& fields);

// Rewrites the fields of an existing site (a recheck), keeping its sequence.
[[nodiscard]] Status UpdateSite(Database& db, std::int64_t site_id, const SiteFields& fields);

// kNotFound when absent.
[[nodiscard]] Result<Site> LoadSite(Database& db, std::int64_t site_id);
// Every site, in id order, with its badge id when issued.
[[nodiscard]] Result<std::vector<Site>> ListSites(Database& db);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_SITES_H_
