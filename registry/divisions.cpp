#include "registry/divisions.h"

#include <fmt/format.h>

#include "registry/registry_errors.h"
#include "registry/statement.h"

namespace badgewatch::registry {
namespace {

constexpr char kSelectDivisions[] =
    "SELECT code, name, coalesce(parent_code, '') FROM divisions ORDER BY code";
constexpr char kSelectChildren[] =
    "SELECT code, name, coalesce(parent_code, '') FROM divisions "
    "WHERE coalesce(parent_code, '') = ? ORDER BY code";
constexpr char kSelectDivision[] =
    "SELECT code, name, coalesce(parent_code, '') FROM divisions WHERE code = ?";
// 其他 ("other") last, as forms list it.
constexpr char kSelectCategories[] =
    "SELECT name FROM system_categories ORDER BY name = '其他', name";

Division ReadDivision(const Statement& s) { return {s.Text(0), s.Text(1), s.Text(2)}; }

}  // namespace

DivisionLevel DivisionLevelOf(std::string_view code) {
  if (code.size() == 6 && code.substr(2) == "0000") return DivisionLevel::kProvince;
  if (code.size() == 6 && code.substr(4) == "00") return DivisionLevel::kCity;
  return DivisionLevel::kCounty;
}

std::string_view DivisionLevelName(DivisionLevel level) {
  switch (level) {
    case DivisionLevel::kProvince:
      return "province";
    case DivisionLevel::kCity:
      return "city";
    case DivisionLevel::kCounty:
      break;
  }
  return "county";
}

std::string RegionOfDivision(std::string_view code) { return std::string(code.substr(0, 2)); }

bool BelowProvince(std::string_view subtree_prefix) { return subtree_prefix.size() > 2; }

std::string OfficeSubtreePrefix(std::string_view office_code) {
  switch (DivisionLevelOf(office_code)) {
    case DivisionLevel::kProvince:
      return std::string(office_code.substr(0, 2));
    case DivisionLevel::kCity:
      return std::string(office_code.substr(0, 4));
    case DivisionLevel::kCounty:
      break;
  }
  return std::string(office_code);
}

bool OfficeCovers(std::string_view office_code, std::string_view division_code) {
  if (office_code.size() != 6 || division_code.size() != 6) return false;
  return division_code.substr(0, OfficeSubtreePrefix(office_code).size()) ==
         OfficeSubtreePrefix(office_code);
}

Result<std::vector<Division>> ListDivisions(Database& db) {
  Result<Statement> s = db.Prepare(kSelectDivisions);
  if (!s) return s.status();
  return CollectRows(*s, ReadDivision);
}

Result<std::vector<Division>> ListChildDivisions(Database& db, std::string_view parent_code) {
  Result<Statement> s = db.Prepare(kSelectChildren);
  if (!s) return s.status();
  if (Status b = s->Bind({parent_code}); !b.ok()) return b;
  return CollectRows(*s, ReadDivision);
}

Result<std::optional<Division>> FindDivision(Database& db, std::string_view code) {
  Result<Statement> s = db.Prepare(kSelectDivision);
  if (!s) return s.status();
  if (Status b = s->Bind({code}); !b.ok()) return b;
  return FirstRow(*s, ReadDivision);
}

Result<std::string> DivisionFullName(Database& db, std::string_view code) {
  std::string name;
  std::string next(code);
  // Three levels at most; the bound keeps a damaged parent chain finite.
  for (int level = 0; level < 3 && !next.empty(); ++level) {
    Result<std::optional<Division>> division = FindDivision(db, next);
    if (!division) return division.status();
    if (!*division) {
      return Error<errors::kDivisionUnknown>(next);
    }
    name = (*division)->name + name;
    next = (*division)->parent_code;
  }
  return name;
}

Result<std::string> OfficeName(Database& db, std::string_view code) {
  Result<std::string> name = DivisionFullName(db, code);
  if (!name) return name.status();
  return *name + "机构编制委员会办公室";
}

Result<std::vector<std::string>> ListSystemCategories(Database& db) {
  Result<Statement> s = db.Prepare(kSelectCategories);
  if (!s) return s.status();
  return CollectRows(*s, [](const Statement& row) { return row.Text(0); });
}

}  // namespace badgewatch::registry
