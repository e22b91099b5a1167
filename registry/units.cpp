#include "registry/units.h"

#include <fmt/format.h>

#include "registry/field_validation.h"
#include "registry/registry_errors.h"
#include "registry/unit_names.h"

namespace badgewatch::registry {
namespace {

constexpr char kRegionExists[] = "SELECT count(*) FROM regions WHERE code = ?";
constexpr char kCategoryExists[] = "SELECT count(*) FROM system_categories WHERE name = ?";
constexpr char kNextUnitNumber[] =
    "SELECT coalesce(max(CAST(unit_number AS INTEGER)), 89999999) + 1 FROM units "
    "WHERE unit_number >= '90000000'";
constexpr char kInsertUnit[] =
    "INSERT INTO units (kind, region_code, system_category, name, address, handler_name, "
    "mobile, email, unit_number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectUnit[] =
    "SELECT kind, region_code, system_category, name, address, handler_name, mobile, email, "
    "unit_number, balance_fen FROM units WHERE id = ?";

Result<bool> Exists(Database& db, const char* sql, std::string_view value) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind({value}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  return *row && s->Int(0) > 0;
}

// Checks every field (required text, mobile, e-mail, region and category in
// the lists, unit number of 8 digits) with the exact message of the first
// failure.
Status ValidateUnitFields(Database& db, const UnitFields& f) {
  if (Status s = RequireText(Localized{"单位名称", "unit name"}, f.name); !s.ok()) return s;
  if (Status s = RequireText(Localized{"单位地址", "address"}, f.address); !s.ok()) return s;
  if (Status s = RequireText(Localized{"经办人姓名", "handler name"}, f.handler_name); !s.ok())
    return s;
  if (Status s = RequireText(Localized{"经办人手机号", "mobile"}, f.mobile); !s.ok()) return s;
  if (Status s = ValidateMobile(f.mobile); !s.ok()) return s;
  if (Status s = RequireText(Localized{"电子邮箱", "e-mail"}, f.email); !s.ok()) return s;
  if (Status s = ValidateEmail(f.email); !s.ok()) return s;
  Result<bool> region = Exists(db, kRegionExists, f.region_code);
  if (!region) return region.status();
  if (!*region) return Error<errors::kRegionUnknown>(f.region_code);
  Result<bool> category = Exists(db, kCategoryExists, f.system_category);
  if (!category) return category.status();
  if (!*category) {
    return Error<errors::kCategoryUnknown>(f.system_category);
  }
  if (f.unit_number) {
    bool digits = f.unit_number->size() == 8;
    for (char c : *f.unit_number) digits = digits && c >= '0' && c <= '9';
    if (!digits) return Error<errors::kUnitNumberInvalid>(*f.unit_number);
  }
  return Status::Ok();
}

}  // namespace

Result<std::int64_t> InsertUnit(Database& db, const UnitFields& f, std::int64_t now) {
  if (Status s = ValidateUnitFields(db, f); !s.ok()) return s;
  Result<std::optional<std::int64_t>> same = FindUnitByName(db, f.region_code, f.name);
  if (!same) return same.status();
  if (*same) {
    Result<Unit> existing = LoadUnit(db, **same);
    if (!existing) return existing.status();
    return Error<errors::kUnitNameTaken>(existing->fields.name, f.region_code);
  }
  std::string unit_number;
  if (f.unit_number) {
    unit_number = *f.unit_number;
  } else {
    Result<Statement> next = db.Prepare(kNextUnitNumber);
    if (!next) return next.status();
    Result<bool> row = next->Step();
    if (!row) return row.status();
    unit_number = fmt::format("{:08d}", next->Int(0));
  }
  Result<Statement> insert = db.Prepare(kInsertUnit);
  if (!insert) return insert.status();
  Status bound = insert->Bind({UnitKindName(f.kind), f.region_code, f.system_category, f.name,
                               f.address, f.handler_name, f.mobile, f.email, unit_number, now});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) {
    if (s.code() == StatusCode::kAlreadyExists) {
      return Error<errors::kUnitNameOrNumberTaken>(f.name, f.region_code, unit_number);
    }
    return s;
  }
  const std::int64_t unit_id = db.LastInsertId();
  if (Status s = NoteUnitName(db, unit_id, f.region_code, f.name); !s.ok()) return s;
  return unit_id;
}

Result<Unit> LoadUnit(Database& db, std::int64_t unit_id) {
  Result<Statement> s = db.Prepare(kSelectUnit);
  if (!s) return s.status();
  if (Status b = s->Bind({unit_id}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) return Error<errors::kUnitNotFound>(unit_id);
  Unit unit;
  unit.id = unit_id;
  unit.fields.kind = ParseUnitKind(s->Text(0)).value_or(UnitKind::kPartyGovernment);
  unit.fields.region_code = s->Text(1);
  unit.fields.system_category = s->Text(2);
  unit.fields.name = s->Text(3);
  unit.fields.address = s->Text(4);
  unit.fields.handler_name = s->Text(5);
  unit.fields.mobile = s->Text(6);
  unit.fields.email = s->Text(7);
  unit.unit_number = s->Text(8);
  unit.fields.unit_number = unit.unit_number;
  unit.balance_fen = s->Int(9);
  return unit;
}

}  // namespace badgewatch::registry
