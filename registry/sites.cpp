#include "registry/sites.h"

#include <fmt/format.h>

#include "foundation/ascii.h"
#include "registry/detail/stored_codes.h"
#include "registry/registry_errors.h"
#include "registry/statement.h"

namespace badgewatch::registry {
namespace {

constexpr char kNextSequence[] =
    "SELECT coalesce(max(sequence), 0) + 1 FROM sites WHERE unit_id = ?";
constexpr char kInsertSite[] =
    "INSERT INTO sites (unit_id, sequence, name, chinese_domain, english_domain, "
    "hosted_on_platform, ips, introduction, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kFindSite[] =
    "SELECT id FROM sites WHERE unit_id = ? AND name = ? AND "
    "coalesce(english_domain, '') = ? AND hosted_on_platform = ? ORDER BY id LIMIT 1";
constexpr char kUpdateSite[] =
    "UPDATE sites SET name = ?, chinese_domain = ?, english_domain = ?, hosted_on_platform = ?, "
    "ips = ?, introduction = ? WHERE id = ?";
constexpr char kSelectSites[] =
    "SELECT s.id, s.unit_id, s.sequence, s.name, s.chinese_domain, s.english_domain, "
    "s.hosted_on_platform, s.ips, s.introduction, b.id FROM sites AS s "
    "LEFT JOIN badges AS b ON b.site_id = s.id WHERE s.id = ? OR ? ORDER BY s.id";
constexpr char kSelectDomainHolders[] =
    "SELECT s.id, s.name, s.unit_id, u.name, u.region_code, s.english_domain, s.chinese_domain, "
    "b.id FROM sites AS s JOIN units AS u ON u.id = s.unit_id "
    "LEFT JOIN badges AS b ON b.site_id = s.id WHERE s.unit_id <> ? AND "
    "((? <> '' AND lower(coalesce(s.english_domain, '')) = lower(?)) OR "
    "(? <> '' AND coalesce(s.chinese_domain, '') = ?)) ORDER BY s.id";

Site ReadSite(const Statement& s) {
  Site site;
  site.id = s.Int(0);
  site.unit_id = s.Int(1);
  site.sequence = static_cast<int>(s.Int(2));
  site.fields.name = s.Text(3);
  site.fields.chinese_domain = s.OptText(4);
  site.fields.english_domain = s.OptText(5);
  site.fields.hosted_on_platform = s.Int(6) != 0;
  site.fields.ips = SplitIps(s.Text(7));
  site.fields.introduction = s.Text(8);
  site.badge_id = s.OptText(9);
  return site;
}

}  // namespace

std::string JoinIps(const std::vector<std::string>& ips) { return detail::JoinStoredCodes(ips); }

std::vector<std::string> SplitIps(const std::string& text) {
  std::vector<std::string> ips;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == ';' || c == ',') {
      if (!current.empty()) ips.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) ips.push_back(std::move(current));
  return ips;
}

Result<std::int64_t> InsertSite(Database& db, std::int64_t unit_id, const SiteFields& f,
                                std::optional<int> sequence, std::int64_t now) {
  std::int64_t seq = sequence.value_or(0);
  if (!sequence) {
    Result<Statement> next = db.Prepare(kNextSequence);
    if (!next) return next.status();
    if (Status b = next->Bind({unit_id}); !b.ok()) return b;
    Result<bool> row = next->Step();
    if (!row) return row.status();
    seq = next->Int(0);
  }
  Result<Statement> insert = db.Prepare(kInsertSite);
  if (!insert) return insert.status();
  Status bound = insert->Bind(
      {unit_id, seq, f.name, OptionalText(f.chinese_domain), OptionalText(f.english_domain),
       std::int64_t{f.hosted_on_platform ? 1 : 0}, JoinIps(f.ips), f.introduction, now});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) {
      return Error<errors::kSiteNumberTaken>(unit_id, seq);
    }
    if (s.code() == StatusCode::kFailedPrecondition) {
      return Error<errors::kSiteNumberInvalid>(seq, unit_id);
    }
    return s;
  }
  return db.LastInsertId();
}

Result<std::optional<std::int64_t>> FindUnitSite(Database& db, std::int64_t unit_id,
                                                 const SiteFields& f) {
  Result<Statement> find = db.Prepare(kFindSite);
  if (!find) return find.status();
  Status bound = find->Bind(
      {unit_id, f.name, f.english_domain.value_or(""), std::int64_t{f.hosted_on_platform ? 1 : 0}});
  if (!bound.ok()) return bound;
  return FirstRow(*find, FirstColumnInt);
}

Status UpdateSite(Database& db, std::int64_t site_id, const SiteFields& f) {
  Result<Statement> update = db.Prepare(kUpdateSite);
  if (!update) return update.status();
  Status bound = update->Bind(
      {f.name, OptionalText(f.chinese_domain), OptionalText(f.english_domain),
       std::int64_t{f.hosted_on_platform ? 1 : 0}, JoinIps(f.ips), f.introduction, site_id});
  if (!bound.ok()) return bound;
  return update->Run();
}

Result<std::vector<DomainHolder>> OtherUnitsHoldingDomains(Database& db, std::int64_t unit_id,
                                                           const SiteFields& f) {
  const std::string english = f.hosted_on_platform ? "" : f.english_domain.value_or("");
  const std::string chinese = f.chinese_domain.value_or("");
  Result<Statement> s = db.Prepare(kSelectDomainHolders);
  if (!s) return s.status();
  if (Status b = s->Bind({unit_id, english, english, chinese, chinese}); !b.ok()) return b;
  return CollectRows(*s, [&english](const Statement& row) {
    DomainHolder h;
    h.site_id = row.Int(0);
    h.site_name = row.Text(1);
    h.unit_id = row.Int(2);
    h.unit_name = row.Text(3);
    h.region_code = row.Text(4);
    const std::optional<std::string> held_english = row.OptText(5);
    const bool english_shared =
        !english.empty() && held_english && foundation::EqualsIgnoreCase(*held_english, english);
    h.domain = english_shared ? *held_english : row.OptText(6).value_or("");
    h.badge_id = row.OptText(7);
    return h;
  });
}

Result<Site> LoadSite(Database& db, std::int64_t site_id) {
  Result<Statement> s = db.Prepare(kSelectSites);
  if (!s) return s.status();
  if (Status b = s->Bind({site_id, std::int64_t{0}}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kSiteNotFound>(site_id);
  return ReadSite(*s);
}

Result<std::vector<Site>> ListSites(Database& db) {
  Result<Statement> s = db.Prepare(kSelectSites);
  if (!s) return s.status();
  if (Status b = s->Bind({std::int64_t{0}, std::int64_t{1}}); !b.ok()) return b;
  std::vector<Site> sites;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) return sites;
    sites.push_back(ReadSite(*s));
  }
}

}  // namespace badgewatch::registry
