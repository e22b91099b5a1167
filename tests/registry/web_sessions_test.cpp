// Web sessions on a real registry file: tokens stored hashed, found until they
// expire or end, ended by logout and by a password change.
#include "registry/web_sessions.h"

#include <catch2/catch.hpp>
#include <string>

#include "registry/audit_log.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::registry {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using testing::RegistryFixture;

std::int64_t CountRows(Database& db, std::string_view sql, std::string_view text) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->Bind({text}).ok());
  REQUIRE(s->Step().value());
  return s->Int(0);
}

struct SessionFixture : RegistryFixture {
  Actor staff = CreateStaffAccount(*registry, "reviewer.zj", Role::kRegional, "33").value();
  Database reader = registry->OpenReader().value();
};

TEST_CASE("WebSessions: a new session is found with its actor and CSRF token", "[registry]") {
  SessionFixture f;
  const WebSession session = StartWebSession(*f.registry, f.staff, hours(8)).value();
  CHECK_THAT(session.token, Catch::Matches("bws_[0-9a-f]{64}"));
  CHECK_THAT(session.csrf_token, Catch::Matches("[0-9a-f]{64}"));
  CHECK(session.expires_at == *f.now + 8 * 3600);

  const ActiveWebSession found = FindWebSession(f.reader, session.token, *f.now).value();
  CHECK(found.actor.account_id == f.staff.account_id);
  CHECK(found.actor.role == Role::kRegional);
  CHECK(found.actor.region_code == "33");
  CHECK(found.csrf_token == session.csrf_token);
  CHECK(found.expires_at == session.expires_at);

  // Only the hash is stored.
  CHECK(CountRows(f.reader, "SELECT count(*) FROM web_sessions WHERE token_sha256 = ?",
                  session.token) == 0);
  CHECK(CountRows(f.reader, "SELECT count(*) FROM web_sessions WHERE token_sha256 LIKE ?",
                  "%" + session.token.substr(4, 16) + "%") == 0);
  CHECK(CountRows(f.reader, "SELECT count(*) FROM audit_log WHERE action = ?", "session.start") ==
        1);
  // Two sessions never share a token.
  CHECK(StartWebSession(*f.registry, f.staff, hours(8)).value().token != session.token);
}

TEST_CASE("WebSessions: unknown, expired and ended sessions are refused", "[registry]") {
  SessionFixture f;
  const WebSession session = StartWebSession(*f.registry, f.staff, seconds(600)).value();
  const auto refused = [&](std::string_view token, std::int64_t now) {
    Result<ActiveWebSession> found = FindWebSession(f.reader, token, now);
    return !found.ok() && found.status().code() == StatusCode::kPermissionDenied;
  };
  SECTION("unknown") {
    CHECK(refused("bws_" + std::string(64, '0'), *f.now));
    CHECK(refused("", *f.now));
    CHECK(refused(session.token + "0", *f.now));
  }
  SECTION("expired at expires_at, valid a second before") {
    CHECK_FALSE(refused(session.token, session.expires_at - 1));
    CHECK(refused(session.token, session.expires_at));
  }
  SECTION("ended by logout; a second logout is no error") {
    REQUIRE(EndWebSession(*f.registry, session.token).ok());
    CHECK(refused(session.token, *f.now));
    CHECK(EndWebSession(*f.registry, session.token).ok());
    CHECK(EndWebSession(*f.registry, "bws_unknown").ok());
    CHECK(CountRows(f.reader, "SELECT count(*) FROM audit_log WHERE action = ?", "session.end") ==
          1);
    CHECK(VerifyAuditLog(f.reader).value().intact);
  }
  SECTION("another session of the account stays valid after a logout") {
    const WebSession other = StartWebSession(*f.registry, f.staff, seconds(600)).value();
    REQUIRE(EndWebSession(*f.registry, session.token).ok());
    CHECK_FALSE(refused(other.token, *f.now));
  }
  SECTION("a lifetime under a second is refused") {
    CHECK(StartWebSession(*f.registry, f.staff, seconds(0)).status().code() ==
          StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace badgewatch::registry
