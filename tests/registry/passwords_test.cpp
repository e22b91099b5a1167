// Account passwords: the scrypt record's round trip and tamper checks, the
// password policy, SetPassword's effects and VerifyLogin's refusals.
#include "registry/passwords.h"

#include <catch2/catch.hpp>
#include <string>

#include "registry/audit_log.h"
#include "registry/web_sessions.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::kCheapPasswordCost;
using testing::RegistryFixture;

std::int64_t CountRows(Database& db, std::string_view sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->Step().value());
  return s->Int(0);
}

TEST_CASE("Passwords: a record matches its password and no other", "[registry]") {
  const std::string record = HashPassword("correct horse battery", kCheapPasswordCost).value();
  CHECK_THAT(record, Catch::StartsWith("scrypt$ln=10,r=8,p=1$"));
  CHECK(PasswordMatches(record, "correct horse battery").value());
  CHECK_FALSE(PasswordMatches(record, "correct horse batterY").value());
  CHECK_FALSE(PasswordMatches(record, "").value());
  // A fresh salt each time: the same password gives another record.
  CHECK(HashPassword("correct horse battery", kCheapPasswordCost).value() != record);

  SECTION("the default cost is scrypt N=2^15, r=8, p=1") {
    const std::string strong = HashPassword("correct horse battery").value();
    CHECK_THAT(strong, Catch::StartsWith("scrypt$ln=15,r=8,p=1$"));
    CHECK(PasswordMatches(strong, "correct horse battery").value());
  }
}

TEST_CASE("Passwords: a tampered record is refused or no longer matches", "[registry]") {
  const std::string record = HashPassword("correct horse battery", kCheapPasswordCost).value();
  const std::size_t key_at = record.rfind('$') + 1;
  const std::size_t salt_at = record.find('$', record.find('$') + 1) + 1;

  SECTION("a changed key digit or salt digit no longer matches") {
    std::string key_changed = record;
    key_changed[key_at] = key_changed[key_at] == '0' ? '1' : '0';
    CHECK_FALSE(PasswordMatches(key_changed, "correct horse battery").value());
    std::string salt_changed = record;
    salt_changed[salt_at] = salt_changed[salt_at] == '0' ? '1' : '0';
    CHECK_FALSE(PasswordMatches(salt_changed, "correct horse battery").value());
    std::string cost_changed = record;
    cost_changed.replace(cost_changed.find("ln=10"), 5, "ln=11");
    CHECK_FALSE(PasswordMatches(cost_changed, "correct horse battery").value());
  }
  SECTION("a malformed record is an error, not a match") {
    for (const std::string& bad : {
             std::string("plain text password"),
             "pbkdf2" + record.substr(6),                              // another algorithm
             record.substr(0, record.size() - 2),                      // key cut short
             record + "00",                                            // key too long
             std::string(record).replace(key_at, 1, "g"),              // not hex
             std::string(record).replace(7, 5, "ln=40"),               // cost out of bounds
             std::string(record).replace(7, 5, "ln=xx"),               // not a number
             record.substr(0, salt_at) + "$" + record.substr(key_at),  // no salt
         }) {
      INFO(bad);
      Result<bool> matches = PasswordMatches(bad, "correct horse battery");
      REQUIRE_FALSE(matches.ok());
      CHECK(matches.status().code() == StatusCode::kInvalidArgument);
    }
  }
}

TEST_CASE("Passwords: the policy names what is wrong", "[registry]") {
  struct Case {
    std::string password;
    std::string message;  // empty: accepted
  };
  for (const Case& c : std::initializer_list<Case>{
           {"short", "至少需要 10 个字符"},
           {"密码太短了八个字", "至少需要 10 个字符"},  // 8 characters, 24 bytes
           {"aaaaaaaaaaaa", "同一个字符"},
           {"验验验验验验验验验验", "同一个字符"},
           {"Reviewer.ZJ", "不能与登录名相同"},
           {std::string(257, 'x') + "y", "最多 256 个字符"},
           {"浙江省网站标识审核员", ""},
           {"correct horse", ""},
       }) {
    INFO(c.password);
    const Status s = CheckPasswordPolicy("reviewer.zj", c.password);
    if (c.message.empty()) {
      CHECK(s.ok());
    } else {
      CHECK(s.code() == StatusCode::kInvalidArgument);
      CHECK_THAT(s.message(badgewatch::Language::kChinese), Catch::Contains(c.message));
    }
  }
}

TEST_CASE("Passwords: SetPassword stores a record, audits and ends web sessions", "[registry]") {
  RegistryFixture f;
  const Actor staff = CreateStaffAccount(*f.registry, "reviewer.zj", Role::kRegional, "33").value();
  Database& db = f.registry->writer();

  const Status weak = SetPassword(*f.registry, staff.account_id, "reviewer.zj", kCheapPasswordCost);
  CHECK(weak.code() == StatusCode::kInvalidArgument);
  CHECK(CountRows(db, "SELECT count(*) FROM accounts WHERE password_hash IS NOT NULL") == 0);
  CHECK(SetPassword(*f.registry, 4242, "long enough pass", kCheapPasswordCost).code() ==
        StatusCode::kNotFound);

  const WebSession before = StartWebSession(*f.registry, staff, std::chrono::hours(1)).value();
  REQUIRE(SetPassword(*f.registry, staff.account_id, "long enough pass", kCheapPasswordCost).ok());
  CHECK(CountRows(db,
                  "SELECT count(*) FROM accounts WHERE password_set_at IS NOT NULL AND "
                  "password_hash LIKE 'scrypt$%'") == 1);
  CHECK(CountRows(db, "SELECT count(*) FROM audit_log WHERE action = 'account.password'") == 1);
  CHECK(FindWebSession(db, before.token, *f.now).status().code() == StatusCode::kPermissionDenied);
  CHECK(VerifyAuditLog(db).value().intact);
  // Not the password in the clear anywhere.
  CHECK(CountRows(db, "SELECT count(*) FROM accounts WHERE password_hash LIKE '%long enough%'") ==
        0);
}

TEST_CASE("Passwords: VerifyLogin refuses unknown logins, unset and wrong passwords alike",
          "[registry]") {
  RegistryFixture f;
  const Actor staff = CreateStaffAccount(*f.registry, "reviewer.zj", Role::kRegional, "33").value();
  REQUIRE(CreateStaffAccount(*f.registry, "no.password", Role::kConac, "").ok());
  REQUIRE(SetPassword(*f.registry, staff.account_id, "long enough pass", kCheapPasswordCost).ok());
  Database reader = f.registry->OpenReader().value();

  Result<Actor> ok = VerifyLogin(reader, "reviewer.zj", "long enough pass", kCheapPasswordCost);
  REQUIRE(ok.ok());
  CHECK(ok->account_id == staff.account_id);
  CHECK(ok->role == Role::kRegional);
  CHECK(ok->region_code == "33");

  const Status unknown =
      VerifyLogin(reader, "nobody", "long enough pass", kCheapPasswordCost).status();
  const Status unset =
      VerifyLogin(reader, "no.password", "long enough pass", kCheapPasswordCost).status();
  const Status wrong =
      VerifyLogin(reader, "reviewer.zj", "long enough pasS", kCheapPasswordCost).status();
  for (const Status& s : {unknown, unset, wrong}) {
    CHECK(s.code() == StatusCode::kPermissionDenied);
    CHECK(s.message() == kBadLoginMessage);
  }

  SECTION("a damaged record is a storage error, not a refusal or a match") {
    REQUIRE(f.registry->writer()
                .Exec("UPDATE accounts SET password_hash = 'scrypt$garbage' "
                      "WHERE login = 'reviewer.zj'")
                .ok());
    CHECK(VerifyLogin(reader, "reviewer.zj", "long enough pass", kCheapPasswordCost)
              .status()
              .code() == StatusCode::kStorage);
  }
}

}  // namespace
}  // namespace badgewatch::registry
