// Domain registration and renewal: reviews per role, fees recorded and
// confirmed, the balance consumed, expiry moved from the old expiry, and
// reminders 30 and 7 days before expiry.
#include <catch2/catch.hpp>
#include <string>

#include "foundation/beijing_time.h"
#include "registry/domains.h"
#include "registry/outbox.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

constexpr std::int64_t kDay = 86'400;

std::int64_t Count(Database& db, const char* sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->Step().value());
  return s->Int(0);
}

std::int64_t DomainIn(WorkflowFixture& f, std::string_view state, const std::string& name) {
  const std::int64_t id = SubmitDomain(*f.registry, f.agency, name, 1).value();
  if (state == "submitted") return id;
  if (state == "rejected") {
    REQUIRE(
        DecideDomain(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalReject, "重名").ok());
    return id;
  }
  REQUIRE(DecideDomain(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalPass, "").ok());
  if (state == "regional-passed") return id;
  REQUIRE(DecideDomain(*f.registry, f.conac, id, WorkflowAction::kConacPass, "").ok());
  return id;
}

TEST_CASE("Domains: every review action from every state by every role", "[registry]") {
  WorkflowFixture f;  // the agency's balance stays 0: a CONAC pass waits for the fee
  const WorkflowAction actions[] = {WorkflowAction::kRegionalPass, WorkflowAction::kRegionalReject,
                                    WorkflowAction::kConacPass, WorkflowAction::kConacReject,
                                    WorkflowAction::kMaterialsReceived};
  int n = 0;
  int legal = 0;
  for (std::string_view state : {"submitted", "rejected", "regional-passed", "conac-passed"}) {
    for (WorkflowAction action : actions) {
      for (Role role : {Role::kUnit, Role::kRegional, Role::kConac}) {
        const Actor& actor = role == Role::kUnit       ? f.agency
                             : role == Role::kRegional ? f.reviewer33
                                                       : f.conac;
        const std::int64_t id = DomainIn(f, state, "域名" + std::to_string(++n) + ".政务");
        Result<Transition> expected = FindTransition(Workflow::kDomain, state, action, role);
        Status got = DecideDomain(*f.registry, actor, id, action, "理由");
        const std::string after = LoadDomain(f.registry->writer(), id)->state;
        INFO(state << " " << ActionName(action) << " by " << RoleName(role) << ": "
                   << got.ToString());
        if (expected) {
          ++legal;
          CHECK(got.ok());
          CHECK(after == expected->to);
        } else {
          CHECK(got.code() == expected.status().code());
          CHECK(got.message() == expected.status().message());
          CHECK(after == state);
        }
      }
    }
  }
  CHECK(legal == 4);
  CHECK(DecideDomain(*f.registry, f.conac, DomainIn(f, "conac-passed", "甲.政务"),
                     WorkflowAction::kRegister, "")
            .message() == "'register' is not a review decision");
}

TEST_CASE("Domains: suffix by unit kind, uniqueness, reviewer scope", "[registry]") {
  WorkflowFixture f;
  CHECK(SubmitDomain(*f.registry, f.agency, "教育局.公益", 1).status().message() ==
        "Chinese domain '教育局.公益' must end in .政务 (or .政务.cn) for a 党政机关");
  CHECK(SubmitDomain(*f.registry, f.institution, "浙江大学.政务", 1).status().message() ==
        "Chinese domain '浙江大学.政务' must end in .公益 (or .公益.cn) for a 事业单位");
  CHECK(SubmitDomain(*f.registry, f.institution, "浙江大学.公益", 1).ok());
  CHECK(SubmitDomain(*f.registry, f.agency, "教育局.政务", 11).status().message() ==
        "years must be between 1 and 10 (got 11)");
  const std::int64_t id = SubmitDomain(*f.registry, f.agency, "教育局.政务", 1).value();
  CHECK(SubmitDomain(*f.registry, f.agency, "教育局.政务", 1).status().message() ==
        "domain '教育局.政务' is already registered or applied for");
  CHECK(DecideDomain(*f.registry, f.reviewer11, id, WorkflowAction::kRegionalPass, "").code() ==
        StatusCode::kPermissionDenied);
  REQUIRE(
      DecideDomain(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalReject, "重名").ok());
  CHECK(SubmitDomain(*f.registry, f.agency, "教育局.政务", 1).ok());  // a rejected name is free
}

TEST_CASE("Domains: fee recorded, funds confirmed, balance consumed", "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = DomainIn(f, "conac-passed", "教育局.政务");
  CHECK(LoadDomain(db, id)->state == "conac-passed");

  SECTION("only the regional admin records, only CONAC confirms") {
    CHECK(RecordPayment(*f.registry, f.conac, f.agency.unit_id, 30000, "B1").status().code() ==
          StatusCode::kPermissionDenied);
    CHECK(RecordPayment(*f.registry, f.reviewer11, f.agency.unit_id, 30000, "B1").status().code() ==
          StatusCode::kPermissionDenied);
    const std::int64_t p =
        RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 30000, "B1").value();
    CHECK(ConfirmPayment(*f.registry, f.reviewer33, p).code() == StatusCode::kPermissionDenied);
    CHECK(RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 30000, "B1")
              .status()
              .message() == "bank reference 'B1' is already recorded");
  }
  SECTION("an invoice is mailed to the unit's address; confirmation registers the domain") {
    const std::int64_t p =
        RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 50000, "B2").value();
    CHECK(Count(db,
                "SELECT count(*) FROM invoices WHERE mailing_address = "
                "'浙江省杭州市解放东路18号' AND amount_fen = 50000") == 1);
    CHECK(LoadDomain(db, id)->state == "conac-passed");  // recorded is not yet confirmed
    REQUIRE(ConfirmPayment(*f.registry, f.conac, p).ok());
    Domain d = LoadDomain(db, id).value();
    CHECK(d.state == "registered");
    CHECK(d.registered_at == *f.now);
    CHECK(d.expires_at == AddYears(*f.now, 1));
    CHECK(LoadUnit(db, f.agency.unit_id)->balance_fen ==
          50000 - f.registry->domain_terms().fee_per_year_fen);
    CHECK(ConfirmPayment(*f.registry, f.conac, p).message() ==
          "payment " + std::to_string(p) + " is already confirmed");
  }
  SECTION("too little money leaves the domain waiting, a later payment completes it") {
    const std::int64_t p1 =
        RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 10000, "B3").value();
    REQUIRE(ConfirmPayment(*f.registry, f.conac, p1).ok());
    CHECK(LoadDomain(db, id)->state == "conac-passed");
    const std::int64_t p2 =
        RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 20000, "B4").value();
    REQUIRE(ConfirmPayment(*f.registry, f.conac, p2).ok());
    CHECK(LoadDomain(db, id)->state == "registered");
    CHECK(LoadUnit(db, f.agency.unit_id)->balance_fen == 0);
  }
}

TEST_CASE("Renewal: expiry moves from the old expiry by the years bought", "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = f.RegisteredDomain(f.agency, "教育局.政务");
  const std::int64_t old_expiry = *LoadDomain(db, id)->expires_at;
  *f.now += 300 * kDay;  // renew two months before expiry

  CHECK(SubmitRenewal(*f.registry, f.institution, {id}, 2).status().code() ==
        StatusCode::kPermissionDenied);
  CHECK(SubmitRenewal(*f.registry, f.agency, {}, 2).status().message() ==
        "select at least one domain to renew");
  const std::int64_t renewal = SubmitRenewal(*f.registry, f.agency, {id}, 2).value();
  CHECK(*LoadDomain(db, id)->expires_at == old_expiry);  // not paid yet
  const std::int64_t p = RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id,
                                       2 * f.registry->domain_terms().fee_per_year_fen, "RENEW-1")
                             .value();
  REQUIRE(ConfirmPayment(*f.registry, f.conac, p).ok());
  CHECK(*LoadDomain(db, id)->expires_at == AddYears(old_expiry, 2));
  CHECK(*LoadDomain(db, id)->expires_at != AddYears(*f.now, 2));
  CHECK(Count(db, "SELECT count(*) FROM renewals WHERE state = 'completed'") == 1);
  CHECK(Count(db, "SELECT count(*) FROM outbox WHERE body LIKE '%已续费2年%'") ==
        2);  // SMS, e-mail
  const std::string new_expiry = foundation::BeijingDate(AddYears(old_expiry, 2));
  CHECK(
      Count(db,
            ("SELECT count(*) FROM outbox WHERE body = '您的域名已续费2年：“教育局.政务”有效期至" +
             new_expiry + "。'")
                .c_str()) == 2);
  (void)renewal;

  const std::int64_t pending = SubmitDomain(*f.registry, f.agency, "未注册.政务", 1).value();
  CHECK(SubmitRenewal(*f.registry, f.agency, {pending}, 1).status().message() ==
        "domain '未注册.政务' is 'submitted', not registered; only registered domains (or expired "
        "ones within the grace period) are renewed");
}

TEST_CASE("AddYears: calendar years, 29 February clamps", "[registry]") {
  CHECK(AddYears(1767225600, 1) == 1798761600);  // 2026-01-01 -> 2027-01-01
  CHECK(AddYears(1709164800, 1) == 1740700800);  // 2024-02-29 -> 2025-02-28
}

}  // namespace
}  // namespace badgewatch::registry
