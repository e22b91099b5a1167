// Registration (附件一) as a whole form: every field's error at once, the
// bounds the form states, the administrative divisions a unit registers in
// (GB/T 2260, data/administrative_divisions.csv), and units registered before
// the divisions existed standing at their province.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "registry/accounts.h"
#include "registry/divisions.h"
#include "registry/migrations.h"
#include "registry/office_contacts.h"
#include "registry/outbox.h"
#include "registry/print_forms.h"
#include "registry/registration_form.h"
#include "registry/site_applications.h"
#include "registry/workflow.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::ValidUnit;
using testing::WorkflowFixture;

std::string Repeated(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

std::set<std::string> FieldsOf(const std::vector<FieldError>& errors) {
  std::set<std::string> fields;
  for (const FieldError& e : errors) fields.insert(e.field);
  return fields;
}

TEST_CASE("Registration form: five bad fields give five field errors at once", "[registry]") {
  WorkflowFixture f;
  UnitFields fields = ValidUnit(UnitKind::kPublicInstitution, "", "");
  fields.division_code = "330102";
  fields.name = Repeated("名", 101);
  fields.mobile = "1380013800";
  fields.email = "no-at-sign";
  fields.system_category = "火星";
  const RegistrationCheck check =
      CheckRegistrationForm(f.registry->writer(), fields, "a b", "long enough password").value();
  REQUIRE(check.errors.size() == 5);
  CHECK(FieldsOf(check.errors) ==
        std::set<std::string>{"name", "mobile", "email", "system_category", "login"});
  CHECK(check.taken == 0);
  for (const FieldError& e : check.errors) {
    CAPTURE(e.field);
    // A catalog entry: a reason and its text in both languages.
    CHECK_FALSE(e.error.reason().empty());
    CHECK_FALSE(e.error.message(Language::kChinese).empty());
    CHECK(e.error.message(Language::kEnglish) != e.error.message(Language::kChinese));
  }
  CHECK(check.errors[0].error.message(Language::kChinese) ==
        "单位名称最多 100 个字符（现为 101 个）。");
  CHECK(check.errors[0].error.message(Language::kEnglish) ==
        "the unit name may have at most 100 characters (101 given)");
  CHECK(check.errors[0].error.reason() == "field-too-long");

  // The workflow refuses the same form with every message, and writes nothing.
  Result<Actor> registered = RegisterUnit(*f.registry, fields, "good-login");
  REQUIRE_FALSE(registered.ok());
  CHECK(registered.status().code() == StatusCode::kInvalidArgument);
  // One sentence in each language.
  CHECK(registered.status().message(Language::kChinese) ==
        "单位名称最多 100 个字符（现为 101 个）；手机号“1380013800”不是有效的大陆手机号码（以 "
        "13-19 开头的 11 位数字）；电子邮箱“no-at-sign”不是有效的邮箱地址；系统类别“火星”不在"
        "类别列表中。");
  CHECK(registered.status().message(Language::kEnglish) ==
        "the unit name may have at most 100 characters (101 given); mobile '1380013800' is not a "
        "mainland mobile number (11 digits starting with 13-19); e-mail 'no-at-sign' is not an "
        "e-mail address; system category '火星' is not in the category list");
}

TEST_CASE("Registration form: taken names and logins, the password policy", "[registry]") {
  WorkflowFixture f;
  UnitFields fields = ValidUnit(UnitKind::kPartyGovernment, "33", "杭州市教育局");
  const RegistrationCheck taken =
      CheckRegistrationForm(f.registry->writer(), fields, "hz-edu", "long enough password").value();
  CHECK(FieldsOf(taken.errors) == std::set<std::string>{"name", "login"});
  CHECK(taken.taken == 2);
  fields.name = "杭州市新单位";
  const RegistrationCheck weak =
      CheckRegistrationForm(f.registry->writer(), fields, "new-unit", "short").value();
  REQUIRE(weak.errors.size() == 1);
  CHECK(weak.errors[0].field == "password");
  CHECK(weak.errors[0].error.message(Language::kChinese) == "密码至少需要 10 个字符");
  CHECK(CheckRegistrationForm(f.registry->writer(), fields, "new-unit", "long enough password")
            ->errors.empty());
}

TEST_CASE("Registration: a unit name of 100 characters registers, 101 do not", "[registry]") {
  WorkflowFixture f;
  const UnitFields hundred = ValidUnit(UnitKind::kSocialOrganisation, "33", Repeated("会", 100));
  CHECK(RegisterUnit(*f.registry, hundred, "hundred").ok());
  const UnitFields more = ValidUnit(UnitKind::kSocialOrganisation, "33", Repeated("协", 101));
  CHECK(RegisterUnit(*f.registry, more, "hundred-one").status().code() ==
        StatusCode::kInvalidArgument);
  UnitFields long_address = ValidUnit(UnitKind::kSocialOrganisation, "33", "某协会");
  long_address.address = Repeated("路", 201);
  CHECK(RegisterUnit(*f.registry, long_address, "long-address")
            .status()
            .message(Language::kChinese) == "单位地址最多 200 个字符（现为 201 个）。");
}

TEST_CASE("Divisions: provinces, cities and counties of GB/T 2260 with their full names",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  CHECK(DivisionFullName(db, "330102").value() == "浙江省杭州市上城区");
  CHECK(DivisionFullName(db, "330100").value() == "浙江省杭州市");
  CHECK(DivisionFullName(db, "110101").value() == "北京市东城区");  // no 市辖区 between
  CHECK(DivisionFullName(db, "999999").status().code() == StatusCode::kNotFound);
  CHECK(OfficeName(db, "330102").value() == "浙江省杭州市上城区机构编制委员会办公室");
  CHECK(OfficeName(db, "330000").value() == "浙江省机构编制委员会办公室");
  CHECK(DivisionLevelOf("330000") == DivisionLevel::kProvince);
  CHECK(DivisionLevelOf("330100") == DivisionLevel::kCity);
  CHECK(DivisionLevelOf("330102") == DivisionLevel::kCounty);
  const std::vector<Division> provinces = ListChildDivisions(db, "").value();
  CHECK(provinces.size() == 32);  // every region of data/regions.csv
  auto region = db.Prepare(
      "SELECT count(*) FROM regions WHERE code || '0000' NOT IN "
      "(SELECT code FROM divisions)");
  REQUIRE(region->Step().value());
  CHECK(region->Int(0) == 0);
  const std::vector<Division> hangzhou = ListChildDivisions(db, "330100").value();
  CHECK(hangzhou.size() >= 10);
  CHECK(hangzhou.front().code == "330102");
  CHECK(hangzhou.front().name == "上城区");
  CHECK(ListDivisions(db)->size() > 3000);
  const std::vector<std::string> categories = ListSystemCategories(db).value();
  REQUIRE_FALSE(categories.empty());
  CHECK(categories.back() == "其他");
}

TEST_CASE("Registration: a unit registers in a county, its region the province", "[registry]") {
  WorkflowFixture f;
  UnitFields fields = ValidUnit(UnitKind::kPartyGovernment, "", "杭州市上城区教育局");
  fields.division_code = "330102";
  const Actor actor = RegisterUnit(*f.registry, fields, "sc-edu", std::nullopt, true).value();
  const Unit unit = LoadUnit(f.registry->writer(), actor.unit_id).value();
  CHECK(unit.fields.region_code == "33");
  CHECK(unit.fields.division_code == "330102");
  // Units registered with a province stand at the province's level.
  CHECK(LoadUnit(f.registry->writer(), f.agency.unit_id)->fields.division_code == "330000");
  // A county of another province than the one named is refused.
  UnitFields mismatch = ValidUnit(UnitKind::kPartyGovernment, "11", "某局");
  mismatch.division_code = "330102";
  CHECK(RegisterUnit(*f.registry, mismatch, "mismatch").status().message(Language::kChinese) ==
        "所属区域“330102”不在行政区划列表中。");
  // `confirm`: the new unit is told by SMS and e-mail.
  const std::vector<OutboxRow> rows = ListOutbox(f.registry->writer()).value();
  REQUIRE(rows.size() >= 2);
  CHECK(rows[rows.size() - 2].notification.channel == Channel::kSms);
  CHECK(rows.back().notification.recipient == fields.email);
  CHECK_THAT(rows.back().notification.body, Catch::Contains("登录名为 sc-edu"));
  // Its letter goes to the office at its own level.
  SiteForm form = f.ValidForm(actor, "上城区教育网");
  form.site.english_domain = "edu.sc.hangzhou.gov.cn";
  const std::int64_t id = SubmitApplication(*f.registry, actor, form).value();
  // The county's office reviews first; the province's only looks.
  const Status by_province =
      DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalPass, "");
  CHECK(by_province.code() == StatusCode::kPermissionDenied);
  CHECK(by_province.reason() == "review-at-units-own-office");
  const Actor county =
      CreateStaffAccount(*f.registry, "sc-office", Role::kRegional, "330102").value();
  CHECK(county.region_code == "33");
  CHECK(county.office_code == "330102");
  REQUIRE(DecideApplication(*f.registry, county, id, WorkflowAction::kRegionalPass, "").ok());
  CHECK_THAT(RenderApplicationLetter(f.registry->writer(), id).value(),
             Catch::Contains("<p>浙江省杭州市上城区机构编制委员会办公室：</p>") &&
                 Catch::Contains("报送浙江省杭州市上城区机构编制委员会办公室。"));
  // Once the office keeps its address, the letter says where to take it.
  const OfficeContact contact{"杭州市上城区解放路 8 号 302 室", "0571-87000000"};
  REQUIRE(UpdateOfficeContact(*f.registry, county, "330102", contact).value().empty());
  CHECK_THAT(
      RenderApplicationLetter(f.registry->writer(), id).value(),
      Catch::Contains("报送浙江省杭州市上城区机构编制委员会办公室（地址：杭州市上城区解放路 8 "
                      "号 302 室；电话：0571-87000000）。"));
}

TEST_CASE("Offices: an office keeps its own address, those above it may too, nobody else",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const Actor county =
      CreateStaffAccount(*f.registry, "sc-office", Role::kRegional, "330102").value();
  const Actor other =
      CreateStaffAccount(*f.registry, "hs-office", Role::kRegional, "330203").value();
  CHECK(LoadOfficeContact(db, "330102").value() == std::nullopt);
  // Every field error at once: no address, a phone with letters.
  const std::vector<FieldError> errors =
      UpdateOfficeContact(*f.registry, county, "330102", {"  ", "call 110"}).value();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].field == "address");
  CHECK(errors[1].field == "phone");
  CHECK(errors[1].error.reason() == "office-phone-invalid");
  CHECK(LoadOfficeContact(db, "330102").value() == std::nullopt);
  // The county's own office, then the province above it, then CONAC.
  REQUIRE(UpdateOfficeContact(*f.registry, county, "330102", {"上城区某路 1 号", ""})->empty());
  CHECK(LoadOfficeContact(db, "330102").value()->address == "上城区某路 1 号");
  REQUIRE(UpdateOfficeContact(*f.registry, f.reviewer33, "330102", {"上城区某路 2 号", "110"})
              ->empty());
  REQUIRE(UpdateOfficeContact(*f.registry, f.conac, "330102", {"上城区某路 3 号", "(0571) 1"})
              ->empty());
  const OfficeContact now = LoadOfficeContact(db, "330102").value().value();
  CHECK(now.address == "上城区某路 3 号");
  CHECK(now.phone == "(0571) 1");
  // A county of another city, a county for its city, a unit: refused, nothing stored.
  for (const Actor* refused : std::vector<const Actor*>{&other, &county, &f.agency}) {
    const std::string code = refused == &county ? "330100" : "330102";
    const Result<std::vector<FieldError>> r =
        UpdateOfficeContact(*f.registry, *refused, code, {"别处", ""});
    CHECK(r.status().code() == StatusCode::kPermissionDenied);
  }
  CHECK(LoadOfficeContact(db, "330102").value()->address == "上城区某路 3 号");
  CHECK(UpdateOfficeContact(*f.registry, f.conac, "999999", {"某地", ""}).status().code() ==
        StatusCode::kNotFound);
  // Each change is audited with the old and the new address.
  auto audit = db.Prepare(
      "SELECT count(*) FROM audit_log WHERE action = 'office.contact' AND subject = "
      "'office:330102' AND detail LIKE '%上城区某路 2 号%上城区某路 3 号%'");
  REQUIRE(audit->Step().value());
  CHECK(audit->Int(0) == 1);
}

TEST_CASE("Offices: a division oversees itself and the divisions below it", "[registry]") {
  CHECK(OfficeCovers("330000", "330000"));
  CHECK(OfficeCovers("330000", "330102"));
  CHECK(OfficeCovers("330100", "330102"));
  CHECK(OfficeCovers("330100", "330105"));
  CHECK(OfficeCovers("330102", "330102"));
  CHECK_FALSE(OfficeCovers("330102", "330105"));  // another county of the same city
  CHECK_FALSE(OfficeCovers("330100", "330203"));  // a county of another city
  CHECK_FALSE(OfficeCovers("330102", "330100"));  // the city above
  CHECK_FALSE(OfficeCovers("330000", "110101"));
  CHECK_FALSE(OfficeCovers("", "330102"));
  CHECK(OfficeSubtreePrefix("330000") == "33");
  CHECK(OfficeSubtreePrefix("330100") == "3301");
  CHECK(OfficeSubtreePrefix("330102") == "330102");
}

TEST_CASE("Schema v8: a province reviewer of an older registry is its province's office",
          "[registry]") {
  testing::TempDir dir;
  const std::string path = dir.File("v7.db");
  {
    Result<Database> db = Database::Open(path, ConnectionRole::kWriter);
    REQUIRE(db.ok());
    REQUIRE(ApplyMigrations(*db, 7).ok());
    REQUIRE(db->Exec("INSERT INTO accounts (login, role, region_code, created_at) "
                     "VALUES ('zj-old', 'regional', '33', 0)")
                .ok());
  }
  Result<std::unique_ptr<Registry>> registry = Registry::Open(path);
  REQUIRE(registry.ok());
  const Actor reviewer = LoadActorByLogin((*registry)->writer(), "zj-old").value();
  CHECK(reviewer.role == Role::kRegional);
  CHECK(reviewer.region_code == "33");
  CHECK(reviewer.office_code == "330000");
  CHECK(ActorLabel(reviewer) == "account:1 (regional 33)");
  // It still reviews its province's units first.
  const Actor unit =
      RegisterUnit(**registry, ValidUnit(UnitKind::kPartyGovernment, "33", "浙江省某厅"), "zj-unit")
          .value();
  const Unit loaded = LoadUnit((*registry)->writer(), unit.unit_id).value();
  CHECK(CheckScope(reviewer, loaded).ok());
  UnitFields county = ValidUnit(UnitKind::kPartyGovernment, "", "杭州市上城区某局");
  county.division_code = "330102";
  const Actor county_unit = RegisterUnit(**registry, county, "sc-unit").value();
  CHECK(CheckScope(reviewer, LoadUnit((*registry)->writer(), county_unit.unit_id).value()).code() ==
        StatusCode::kPermissionDenied);
}

TEST_CASE("Schema v7: units registered before stand at their province's division", "[registry]") {
  testing::TempDir dir;
  const std::string path = dir.File("v6.db");
  {
    Result<Database> db = Database::Open(path, ConnectionRole::kWriter);
    REQUIRE(db.ok());
    REQUIRE(ApplyMigrations(*db, 6).ok());
    auto insert = db->Prepare(
        "INSERT INTO units (kind, region_code, system_category, name, address, handler_name, "
        "mobile, email, unit_number, created_at) VALUES ('public-institution', '44', '教育', "
        "'广东省某学院', '广州', '李', '13800138000', 'a@b.cn', '90000001', 0)");
    REQUIRE(insert->Run().ok());
  }
  Result<std::unique_ptr<Registry>> registry = Registry::Open(path);
  REQUIRE(registry.ok());
  auto unit = (*registry)->writer().Prepare("SELECT division_code FROM units");
  REQUIRE(unit->Step().value());
  CHECK(unit->Text(0) == "440000");
}

}  // namespace
}  // namespace badgewatch::registry
