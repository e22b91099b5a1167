#include "registry/badges.h"

#include <fmt/format.h>

#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

constexpr char kSelectBadge[] = "SELECT id FROM badges WHERE site_id = ?";
constexpr char kSelectSiteUnit[] =
    "SELECT u.region_code, u.unit_number, s.sequence FROM sites AS s "
    "JOIN units AS u ON u.id = s.unit_id WHERE s.id = ?";
constexpr char kInsertBadge[] =
    "INSERT INTO badges (id, site_id, application_id, issued_at) VALUES (?, ?, ?, ?)";

bool AllDigits(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Status InsertBadge(Database& db, std::string_view id, std::int64_t site_id, SqlValue application,
                   std::int64_t now) {
  Result<Statement> insert = db.Prepare(kInsertBadge);
  if (!insert) return insert.status();
  if (Status b = insert->Bind({id, site_id, application, now}); !b.ok()) return b;
  Status s = insert->Run();
  if (s.code() == StatusCode::kAlreadyExists) {
    return Error<errors::kBadgeIdIssued>(id);
  }
  return s;
}

}  // namespace

Result<std::string> ComposeBadgeId(const BadgeIdParts& p) {
  if (!AllDigits(p.region, 2) || !AllDigits(p.level, 3) || !AllDigits(p.district, 4) ||
      !AllDigits(p.unit_number, 8) || p.sequence < 1 || p.sequence > 9999) {
    return Error<errors::kBadgeIdUncomposable>(p.region, p.level, p.district, p.unit_number,
                                               p.sequence);
  }
  return fmt::format("CA{}{}{}{}{:04d}", p.region, p.level, p.district, p.unit_number, p.sequence);
}

Result<BadgeIdParts> ParseBadgeId(std::string_view id) {
  if (id.size() != 23 || id.substr(0, 2) != "CA" || !AllDigits(id.substr(2), 21) ||
      id.substr(19) == "0000") {
    return Error<errors::kBadgeIdMalformed>(id);
  }
  BadgeIdParts p;
  p.region = std::string(id.substr(2, 2));
  p.level = std::string(id.substr(4, 3));
  p.district = std::string(id.substr(7, 4));
  p.unit_number = std::string(id.substr(11, 8));
  p.sequence = std::stoi(std::string(id.substr(19, 4)));
  return p;
}

std::string BadgeSnippet(std::string_view id) {
  return fmt::format(
      "<span id=\"_ideConac\"></span><script type=\"text/javascript\" "
      "src=\"https://dcs.conac.cn/js/{}/{}/{}/{}/{}.js\"></script>",
      id.substr(2, 2), id.substr(4, 3), id.substr(7, 4), id.substr(11, 8), id);
}

Result<std::string> IssueBadge(Database& db, std::int64_t site_id,
                               std::optional<std::int64_t> application_id, std::int64_t now) {
  Result<Statement> existing = db.Prepare(kSelectBadge);
  if (!existing) return existing.status();
  if (Status b = existing->Bind({site_id}); !b.ok()) return b;
  Result<bool> found = existing->Step();
  if (!found) return found.status();
  if (*found) return existing->Text(0);

  Result<Statement> site = db.Prepare(kSelectSiteUnit);
  if (!site) return site.status();
  if (Status b = site->Bind({site_id}); !b.ok()) return b;
  Result<bool> row = site->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kSiteNotFound>(site_id);
  Result<std::string> id = ComposeBadgeId({site->Text(0), std::string(kProvinceLevelDigits),
                                           std::string(kProvinceDistrictDigits), site->Text(1),
                                           static_cast<int>(site->Int(2))});
  if (!id) return id.status();
  SqlValue application = nullptr;
  if (application_id) application = *application_id;
  if (Status s = InsertBadge(db, *id, site_id, application, now); !s.ok()) return s;
  return id;
}

Status RecordExistingBadge(Database& db, std::int64_t site_id, std::string_view badge_id,
                           std::int64_t now) {
  if (Result<BadgeIdParts> parts = ParseBadgeId(badge_id); !parts) return parts.status();
  return InsertBadge(db, badge_id, site_id, nullptr, now);
}

}  // namespace badgewatch::registry
