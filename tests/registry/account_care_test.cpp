// An account's care of itself: the unit corrects its contact details (the old
// values kept in the audit log), a password is reset by an SMS code to the
// registered mobile (the same refusal for every wrong case), staff give a
// unit a new password that only the unit receives.
#include "registry/account_care.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "registry/accounts.h"
#include "registry/outbox.h"
#include "registry/passwords.h"
#include "registry/sms_verification.h"
#include "registry/web_sessions.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::kCheapPasswordCost;
using testing::WorkflowFixture;

std::int64_t AuditCount(Registry& registry) {
  auto s = registry.writer().Prepare("SELECT count(*) FROM audit_log");
  REQUIRE(s->Step().value());
  return s->Int(0);
}

TEST_CASE("Account care: a unit corrects its contact details, audited with the old values",
          "[registry]") {
  WorkflowFixture f;
  const UnitContact contact{"浙江省杭州市上城区解放路 1 号", "王经办", "13900139000",
                            "new@hz.example.gov.cn"};
  const std::vector<FieldError> errors =
      UpdateUnitContact(*f.registry, f.agency, f.agency.unit_id, contact).value();
  CHECK(errors.empty());
  const Unit unit = LoadUnit(f.registry->writer(), f.agency.unit_id).value();
  CHECK(unit.fields.address == contact.address);
  CHECK(unit.fields.mobile == "13900139000");
  CHECK(unit.fields.email == contact.email);
  auto audit = f.registry->writer().Prepare(
      "SELECT actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT 1");
  REQUIRE(audit->Step().value());
  CHECK(audit->Text(0) == ActorLabel(f.agency));
  CHECK(audit->Text(1) == "unit.update");
  CHECK(audit->Text(2) == "unit:" + std::to_string(f.agency.unit_id));
  CHECK(audit->Text(3) ==
        "单位地址：浙江省杭州市解放东路18号 → 浙江省杭州市上城区解放路 1 号；经办人手机："
        "13800138000 → 13900139000；电子邮箱：handler@example.gov.cn → new@hz.example.gov.cn");

  SECTION("every bad field at once, nothing written") {
    const std::int64_t audits = AuditCount(*f.registry);
    const std::vector<FieldError> bad =
        UpdateUnitContact(*f.registry, f.agency, f.agency.unit_id, {"", "", "123", "x"}).value();
    CHECK(bad.size() == 4);
    CHECK(LoadUnit(f.registry->writer(), f.agency.unit_id)->fields.address == contact.address);
    CHECK(AuditCount(*f.registry) == audits);
  }
  SECTION("only the unit's own account") {
    CHECK(
        UpdateUnitContact(*f.registry, f.institution, f.agency.unit_id, contact).status().code() ==
        StatusCode::kPermissionDenied);
    CHECK(UpdateUnitContact(*f.registry, f.reviewer33, f.agency.unit_id, contact).status().code() ==
          StatusCode::kPermissionDenied);
  }
}

TEST_CASE("Account care: a password is reset by an SMS code to the registered mobile",
          "[registry]") {
  WorkflowFixture f;
  const std::string mobile = LoadUnit(f.registry->writer(), f.agency.unit_id)->fields.mobile;
  Database& db = f.registry->writer();
  CHECK(FindResettableAccount(db, "hz-edu", mobile).value() == f.agency.account_id);
  CHECK_FALSE(FindResettableAccount(db, "hz-edu", "13999999999").value());
  CHECK_FALSE(FindResettableAccount(db, "nobody", mobile).value());
  CHECK_FALSE(FindResettableAccount(db, "zj-reviewer", mobile).value());  // staff: no SMS reset

  const std::string record = HashPassword("a brand new password", kCheapPasswordCost).value();
  // No code asked for yet, an unknown login, a wrong code: one refusal.
  CHECK(ResetPasswordBySms(*f.registry, "hz-edu", "123456", record)
            .message(badgewatch::Language::kChinese) == kResetRefusedMessage);
  CHECK(ResetPasswordBySms(*f.registry, "nobody", "123456", record)
            .message(badgewatch::Language::kChinese) == kResetRefusedMessage);
  REQUIRE(RequestSmsCode(*f.registry, f.agency.account_id, mobile).ok());
  const std::string code = f.LastSmsCode(mobile);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  CHECK(ResetPasswordBySms(*f.registry, "hz-edu", wrong, record)
            .message(badgewatch::Language::kChinese) == kResetRefusedMessage);
  REQUIRE(ResetPasswordBySms(*f.registry, "hz-edu", code, record).ok());
  CHECK(VerifyLogin(db, "hz-edu", "a brand new password", kCheapPasswordCost).ok());
  // The code served once.
  CHECK(ResetPasswordBySms(*f.registry, "hz-edu", code, record)
            .message(badgewatch::Language::kChinese) == kResetRefusedMessage);
  auto audit = db.Prepare("SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1");
  REQUIRE(audit->Step().value());
  CHECK(audit->Text(0) == "password-reset");
  CHECK(audit->Text(1) == "account.password-reset");
}

TEST_CASE("Account care: staff give a unit a new password sent to the unit only", "[registry]") {
  WorkflowFixture f;
  CHECK(ResetUnitPasswordByStaff(*f.registry, f.agency, f.agency.unit_id, kCheapPasswordCost)
            .status()
            .code() == StatusCode::kPermissionDenied);
  const std::string sent_to =
      ResetUnitPasswordByStaff(*f.registry, f.reviewer33, f.agency.unit_id, kCheapPasswordCost)
          .value();
  CHECK(sent_to == "138****8000");
  const std::vector<OutboxRow> rows = ListOutbox(f.registry->writer()).value();
  REQUIRE(rows.size() >= 2);
  const std::string& body = rows.back().notification.body;
  const std::string marker = "新密码为 ";
  const std::size_t at = body.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string password = body.substr(at + marker.size(), 12);
  CHECK(VerifyLogin(f.registry->writer(), "hz-edu", password, kCheapPasswordCost).ok());
  auto audit =
      f.registry->writer().Prepare("SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1");
  REQUIRE(audit->Step().value());
  CHECK(audit->Text(0) == ActorLabel(f.reviewer33));
  CHECK(audit->Text(1) == "account.password-reset-by-staff");
  CHECK(MaskedMobile("13800138000") == "138****8000");
}

TEST_CASE("Reviewer accounts: CONAC manages every office, an office only those below it",
          "[registry]") {
  WorkflowFixture f;
  const std::string record = HashPassword("an office password", kCheapPasswordCost).value();
  const Actor city =
      CreateReviewerAccount(*f.registry, f.conac, "hz-office", "330100", record).value();
  CHECK(city.office_code == "330100");
  CHECK(city.region_code == "33");
  // The province's office creates below it; the city below it, never at its level or above.
  const Actor county =
      CreateReviewerAccount(*f.registry, f.reviewer33, "sc-office", "330102", record).value();
  CHECK(CreateReviewerAccount(*f.registry, city, "hz-2", "330100", record).status().reason() ==
        "office-not-below-yours");
  CHECK(CreateReviewerAccount(*f.registry, city, "zj-2", "330000", record).status().reason() ==
        "office-not-below-yours");
  CHECK(CreateReviewerAccount(*f.registry, city, "nb-1", "330203", record).status().reason() ==
        "office-not-below-yours");
  CHECK(CreateReviewerAccount(*f.registry, f.agency, "u-1", "330102", record).status().code() ==
        StatusCode::kPermissionDenied);
  CHECK(CreateReviewerAccount(*f.registry, f.conac, "x-1", "339999", record).status().code() ==
        StatusCode::kNotFound);
  CHECK(
      CreateReviewerAccount(*f.registry, f.conac, "sc-office", "330102", record).status().code() ==
      StatusCode::kAlreadyExists);
  // What each lists: CONAC every reviewer, the city only the county below it.
  const std::vector<ReviewerAccount> by_city =
      ListReviewerAccounts(f.registry->writer(), city).value();
  REQUIRE(by_city.size() == 1);
  CHECK(by_city[0].login == "sc-office");
  CHECK(ListReviewerAccounts(f.registry->writer(), f.conac)->size() == 4);  // with zj and bj
  CHECK(ListReviewerAccounts(f.registry->writer(), county)->empty());
  // The city disables its county's account: no login, no token, no session; then back.
  const std::string token = CreateApiToken(*f.registry, county.account_id, "test").value();
  const WebSession session = StartWebSession(*f.registry, county, std::chrono::hours(1)).value();
  CHECK(SetReviewerEnabled(*f.registry, county, county.account_id, false).reason() ==
        "office-not-below-yours");  // its own level: not its to manage
  CHECK(SetReviewerEnabled(*f.registry, city, f.reviewer11.account_id, false).reason() ==
        "reviewer-account-not-found");  // outside its offices: as if absent
  REQUIRE(SetReviewerEnabled(*f.registry, city, county.account_id, false).ok());
  CHECK(SetReviewerEnabled(*f.registry, city, county.account_id, false).code() ==
        StatusCode::kFailedPrecondition);
  Database& db = f.registry->writer();
  CHECK(VerifyLogin(db, "sc-office", "an office password", kCheapPasswordCost).status().reason() ==
        "account-disabled");
  CHECK(AuthenticateToken(db, token).status().reason() == "account-disabled");
  CHECK(FindWebSession(db, session.token, f.registry->Now()).status().code() ==
        StatusCode::kPermissionDenied);
  CHECK_FALSE(ListReviewerAccounts(db, city).value()[0].enabled);
  REQUIRE(SetReviewerEnabled(*f.registry, f.conac, county.account_id, true).ok());
  CHECK(VerifyLogin(db, "sc-office", "an office password", kCheapPasswordCost).ok());
  CHECK(AuthenticateToken(db, token).ok());
  auto audit = db.Prepare("SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 2");
  REQUIRE(audit->Step().value());
  CHECK(audit->Text(0) == ActorLabel(f.conac));
  CHECK(audit->Text(1) == "account.enable");
  REQUIRE(audit->Step().value());
  CHECK(audit->Text(0) == ActorLabel(city));
  CHECK(audit->Text(1) == "account.disable");
}

}  // namespace
}  // namespace badgewatch::registry
