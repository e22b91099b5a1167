#include "registry/units.h"

#include <fmt/format.h>

#include <optional>

#include "registry/detail/office_scope_sql.h"
#include "registry/field_validation.h"
#include "registry/registry_errors.h"
#include "registry/unit_names.h"

namespace badgewatch::registry {
namespace {

constexpr char kRegionExists[] = "SELECT count(*) FROM regions WHERE code = ?";
constexpr char kDivisionExists[] = "SELECT count(*) FROM divisions WHERE code = ?";
constexpr char kCategoryExists[] = "SELECT count(*) FROM system_categories WHERE name = ?";
constexpr char kNextUnitNumber[] =
    "SELECT coalesce(max(CAST(unit_number AS INTEGER)), 89999999) + 1 FROM units "
    "WHERE unit_number >= '90000000'";
constexpr char kInsertUnit[] =
    "INSERT INTO units (kind, region_code, system_category, name, address, handler_name, "
    "mobile, email, unit_number, created_at, division_code) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectUnit[] =
    "SELECT kind, region_code, system_category, name, address, handler_name, mobile, email, "
    "unit_number, balance_fen, " BADGEWATCH_UNIT_DIVISION_SQL("") " FROM units "
    "WHERE id = ?";

Result<bool> Exists(Database& db, const char* sql, std::string_view value) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind({value}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  return *row && s->Int(0) > 0;
}

}  // namespace

UnitFields WithDivision(UnitFields fields) {
  if (fields.division_code.empty() && fields.region_code.size() == 2) {
    fields.division_code = fields.region_code + "0000";
  } else if (fields.region_code.empty() && fields.division_code.size() == 6) {
    fields.region_code = fields.division_code.substr(0, 2);
  }
  return fields;
}

Result<std::vector<FieldError>> CheckUnitFields(Database& db, const UnitFields& f) {
  std::vector<FieldError> errors;
  const auto note = [&errors](std::optional<FieldError> error) {
    if (error) errors.push_back(std::move(*error));
  };
  note(CheckBoundedText("name", {"单位名称", "unit name"}, f.name, kMaxUnitNameChars));
  note(CheckBoundedText("address", {"单位地址", "unit address"}, f.address, kMaxUnitAddressChars));
  note(CheckBoundedText("handler_name", {"经办人姓名", "handler's name"}, f.handler_name,
                        kMaxHandlerNameChars));
  if (Status required = RequireText({"经办人手机号", "handler's mobile"}, f.mobile);
      !required.ok()) {
    errors.push_back({"mobile", std::move(required)});
  } else if (Status mobile = ValidateMobile(f.mobile); !mobile.ok()) {
    errors.push_back({"mobile", std::move(mobile)});
  }
  if (Status required = RequireText({"电子邮箱", "e-mail"}, f.email); !required.ok()) {
    errors.push_back({"email", std::move(required)});
  } else if (f.email.size() > kMaxEmailChars) {
    errors.push_back({"email", Error<errors::kEmailTooLong>(kMaxEmailChars)});
  } else if (Status email = ValidateEmail(f.email); !email.ok()) {
    errors.push_back({"email", std::move(email)});
  }
  if (f.region_code.empty() && f.division_code.empty()) {
    errors.push_back({"region", Error<errors::kFieldNotChosen>(Localized{"所属区域", "region"})});
  } else {
    Result<bool> region = Exists(db, kRegionExists, f.region_code);
    if (!region) return region.status();
    Result<bool> division = Exists(db, kDivisionExists, f.division_code);
    if (!division) return division.status();
    if (!*region || !*division || f.division_code.substr(0, 2) != f.region_code) {
      // The code as the form gave it: a province's 2 digits, or the division's 6.
      const bool province_given = f.division_code == f.region_code + "0000";
      errors.push_back({"region", Error<errors::kRegionUnknown>(province_given ? f.region_code
                                                                               : f.division_code)});
    }
  }
  if (!RequireText({"系统类别", "system category"}, f.system_category).ok()) {
    errors.push_back({"system_category",
                      Error<errors::kFieldNotChosen>(Localized{"系统类别", "system category"})});
  } else {
    Result<bool> category = Exists(db, kCategoryExists, f.system_category);
    if (!category) return category.status();
    if (!*category) {
      errors.push_back({"system_category", Error<errors::kCategoryUnknown>(f.system_category)});
    }
  }
  if (f.unit_number) {
    bool digits = f.unit_number->size() == 8;
    for (char c : *f.unit_number) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      errors.push_back({"unit_number", Error<errors::kUnitNumberInvalid>(*f.unit_number)});
    }
  }
  return errors;
}

Result<std::int64_t> InsertUnit(Database& db, const UnitFields& given, std::int64_t now) {
  const UnitFields f = WithDivision(given);
  Result<std::vector<FieldError>> errors = CheckUnitFields(db, f);
  if (!errors) return errors.status();
  if (Status s = FieldErrorsStatus(*errors); !s.ok()) return s;
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
  Status bound =
      insert->Bind({UnitKindName(f.kind), f.region_code, f.system_category, f.name, f.address,
                    f.handler_name, f.mobile, f.email, unit_number, now, f.division_code});
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
  unit.fields.division_code = s->Text(10);
  return unit;
}

}  // namespace badgewatch::registry
