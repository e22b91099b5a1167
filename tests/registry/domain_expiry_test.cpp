// The expiry of Chinese domains on a real registry file with a fake clock:
// reminders 30 and 7 days before expiry and on expiry, each sent once;
// registered -> expired -> lapsed, audited; renewal within the grace period
// brings the domain back with its expiry moved from the old one; after the
// grace period renewal is refused with the date it ended.
#include "registry/domain_expiry.h"

#include <catch2/catch.hpp>
#include <string>

#include "foundation/beijing_time.h"
#include "registry/domains.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

constexpr std::int64_t kDay = 86'400;

std::int64_t ExpiryCount(Database& db, const std::string& sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->Step().value());
  return s->Int(0);
}

std::int64_t ExpiryOutbox(Database& db, const std::string& subject) {
  return ExpiryCount(db, "SELECT count(*) FROM outbox WHERE subject = '" + subject + "'");
}

std::int64_t ExpirySteps(Database& db, std::int64_t domain_id, const std::string& action) {
  return ExpiryCount(db,
                     "SELECT count(*) FROM review_steps WHERE subject_kind = 'domain' AND "
                     "subject_id = " +
                         std::to_string(domain_id) + " AND action = '" + action + "'");
}

TEST_CASE("Domain expiry: reminders once each, expired, renewed in the grace period, lapsed",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = f.RegisteredDomain(f.agency, "教育局.政务");
  const std::int64_t expiry = *LoadDomain(db, id)->expires_at;
  REQUIRE(expiry == AddYears(testing::kFakeEpoch, 1));  // 2027-01-01 08:00 in Beijing
  auto state = [&] { return LoadDomain(db, id)->state; };
  auto sweep = [&] { return SweepDomainExpiry(*f.registry).value(); };

  *f.now = expiry - 31 * kDay;
  CHECK(sweep() == 0);
  CHECK(ExpiryOutbox(db, "域名即将到期") == 0);
  *f.now = expiry - 30 * kDay;
  CHECK(sweep() == 1);
  CHECK(sweep() == 0);                           // once
  CHECK(ExpiryOutbox(db, "域名即将到期") == 2);  // SMS and e-mail
  CHECK(ExpiryCount(db,
                    "SELECT count(*) FROM outbox WHERE body = "
                    "'您的域名“教育局.政务”将于2027年1月1日到期（30天后），请及时续费。'") == 2);
  *f.now = expiry - 8 * kDay;
  CHECK(sweep() == 0);
  *f.now = expiry - 7 * kDay;
  CHECK(sweep() == 1);
  CHECK(sweep() == 0);
  CHECK(ExpiryOutbox(db, "域名即将到期") == 4);
  CHECK(state() == "registered");

  *f.now = expiry;  // the day it expires
  CHECK(sweep() == 1);
  CHECK(sweep() == 0);
  CHECK(state() == "expired");
  CHECK(ExpiryOutbox(db, "域名已到期") == 2);
  CHECK(ExpiryCount(
            db,
            "SELECT count(*) FROM outbox WHERE body = '您的域名“教育局.政务”已于"
            "2027年1月1日到期。2027年1月31日前续费，域名恢复正常；逾期未续费，域名将失效。'") == 2);
  CHECK(ExpirySteps(db, id, "expire") == 1);
  CHECK(ExpiryCount(db,
                    "SELECT count(*) FROM review_steps WHERE action = 'expire' AND "
                    "actor_account_id IS NULL") == 1);
  CHECK(ExpiryCount(db,
                    "SELECT count(*) FROM audit_log WHERE actor = 'system' AND action = "
                    "'domain.expire' AND subject = 'domain:" +
                        std::to_string(id) + "'") == 1);
  CHECK(ExpiryOutbox(db, "域名即将到期") == 4);  // no reminder on top of the expiry notice

  SECTION("renewed within the grace period: registered again, expiry from the old one") {
    *f.now = expiry + 10 * kDay;
    const std::int64_t renewal = SubmitRenewal(*f.registry, f.agency, {id}, 2).value();
    CHECK(state() == "expired");  // not paid yet
    const std::int64_t fee = 2 * f.registry->domain_terms().fee_per_year_fen;
    const std::int64_t payment =
        RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, fee, "GRACE-1").value();
    REQUIRE(ConfirmPayment(*f.registry, f.conac, payment).ok());
    const Domain renewed = LoadDomain(db, id).value();
    CHECK(renewed.state == "registered");
    CHECK(renewed.expires_at == AddYears(expiry, 2));
    CHECK(ExpirySteps(db, id, "renew") == 1);
    CHECK(ExpiryCount(db, "SELECT count(*) FROM renewals WHERE state = 'completed' AND id = " +
                              std::to_string(renewal)) == 1);
    *f.now = expiry + 40 * kDay;  // past the old grace period: nothing happens now
    CHECK(sweep() == 0);
    CHECK(state() == "registered");
    // The new expiry has its own reminders.
    *f.now = *renewed.expires_at - 30 * kDay;
    CHECK(sweep() == 1);
    CHECK(ExpiryOutbox(db, "域名即将到期") == 6);
  }
  SECTION("past the grace period: lapsed, renewal refused with the date") {
    *f.now = expiry + 30 * kDay;
    const std::string refusal =
        "the grace period of domain '教育局.政务' ended on 2027-01-31: it has lapsed and can no "
        "longer be renewed";
    CHECK(SubmitRenewal(*f.registry, f.agency, {id}, 1).status().message() ==
          refusal);  // before the sweep noticed
    CHECK(sweep() == 1);
    CHECK(sweep() == 0);
    CHECK(state() == "lapsed");
    CHECK(ExpirySteps(db, id, "lapse") == 1);
    CHECK(ExpiryOutbox(db, "域名已失效") == 2);
    Status refused = SubmitRenewal(*f.registry, f.agency, {id}, 1).status();
    CHECK(refused.code() == StatusCode::kFailedPrecondition);
    CHECK(refused.message() == refusal);
    CHECK(SubmitDomain(*f.registry, f.agency, "教育局.政务", 1).ok());  // the name is free again
  }
  SECTION("renewed in the grace period but paid after it: not settled, can be withdrawn") {
    *f.now = expiry + 29 * kDay;
    const std::int64_t renewal = SubmitRenewal(*f.registry, f.agency, {id}, 1).value();
    *f.now = expiry + 31 * kDay;
    CHECK(sweep() == 1);
    const std::int64_t payment =
        RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id,
                      f.registry->domain_terms().fee_per_year_fen, "LATE-1")
            .value();
    REQUIRE(ConfirmPayment(*f.registry, f.conac, payment).ok());
    CHECK(state() == "lapsed");
    CHECK(LoadUnit(db, f.agency.unit_id)->balance_fen ==
          f.registry->domain_terms().fee_per_year_fen);  // kept, not spent
    CHECK(WithdrawRenewal(*f.registry, f.agency, renewal).ok());
  }
}

TEST_CASE("Domain expiry: a domain first seen inside 7 days gets one reminder, not two",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = f.RegisteredDomain(f.agency, "第二.政务");
  *f.now = *LoadDomain(db, id)->expires_at - 5 * kDay;
  CHECK(SweepDomainExpiry(*f.registry).value() == 1);
  CHECK(SweepDomainExpiry(*f.registry).value() == 0);
  CHECK(ExpiryOutbox(db, "域名即将到期") == 2);
}

TEST_CASE("Domain expiry: the grace period comes from the terms", "[registry]") {
  WorkflowFixture f;
  f.terms.grace_days = 0;
  f.Reopen();
  Database& db = f.registry->writer();
  const std::int64_t id = f.RegisteredDomain(f.agency, "教育局.政务");
  *f.now = *LoadDomain(db, id)->expires_at;
  CHECK(SweepDomainExpiry(*f.registry).value() == 2);  // expired and lapsed at once
  CHECK(LoadDomain(db, id)->state == "lapsed");
}

}  // namespace
}  // namespace badgewatch::registry
