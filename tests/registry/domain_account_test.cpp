// Renewals (one open per domain, withdrawn while unpaid), a rejected domain
// edited and resubmitted with its revisions kept, the unit's domain account
// (due, balance, shortfall, payments, invoices) under configured terms, and
// the notices each step sends.
#include "registry/domain_account.h"

#include <catch2/catch.hpp>
#include <string>

#include "foundation/beijing_time.h"
#include "registry/domain_queries.h"
#include "registry/domains.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

std::int64_t AccountOutbox(Database& db, const std::string& body) {
  Result<Statement> s = db.Prepare("SELECT count(*) FROM outbox WHERE body = ?");
  REQUIRE(s.ok());
  REQUIRE(s->Bind({std::string_view(body)}).ok());
  REQUIRE(s->Step().value());
  return s->Int(0);
}

TEST_CASE("Renewals: one open renewal per domain, the unit withdraws an unpaid one", "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = f.RegisteredDomain(f.agency, "教育局.政务");
  const std::int64_t other = f.RegisteredDomain(f.agency, "第二.政务");
  const std::int64_t first = SubmitRenewal(*f.registry, f.agency, {id}, 3).value();
  Status twice = SubmitRenewal(*f.registry, f.agency, {other, id}, 1).status();
  CHECK(twice.code() == StatusCode::kFailedPrecondition);
  CHECK(twice.message() == "domain '教育局.政务' is in the open renewal " + std::to_string(first) +
                               " already: pay it, or withdraw it and submit again");
  CHECK(ListUnitRenewals(db, f.agency.unit_id)->size() == 1);  // nothing of the refused one

  CHECK(WithdrawRenewal(*f.registry, f.conac, first).code() == StatusCode::kPermissionDenied);
  CHECK(WithdrawRenewal(*f.registry, f.institution, first).message() ==
        "renewal " + std::to_string(first) + " belongs to another unit");
  CHECK(WithdrawRenewal(*f.registry, f.agency, 999).code() == StatusCode::kNotFound);
  REQUIRE(WithdrawRenewal(*f.registry, f.agency, first).ok());
  CHECK(WithdrawRenewal(*f.registry, f.agency, first).message() ==
        "renewal " + std::to_string(first) +
            " is 'withdrawn': only a submitted, unpaid renewal can be withdrawn");

  // Withdrawn, the domain may be renewed again; a paid renewal cannot be withdrawn.
  const std::int64_t second = SubmitRenewal(*f.registry, f.agency, {id, other}, 1).value();
  const std::int64_t payment =
      RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 2 * 300'00, "R-1").value();
  REQUIRE(ConfirmPayment(*f.registry, f.conac, payment).ok());
  CHECK(WithdrawRenewal(*f.registry, f.agency, second).code() == StatusCode::kFailedPrecondition);

  const std::vector<Renewal> renewals = ListUnitRenewals(db, f.agency.unit_id).value();
  REQUIRE(renewals.size() == 2);
  CHECK(renewals[0].id == second);  // newest first
  CHECK(renewals[0].state == "completed");
  CHECK(renewals[0].fee_fen == 2 * 300'00);
  REQUIRE(renewals[0].domains.size() == 2);
  CHECK(renewals[0].domains[0].name == "教育局.政务");
  CHECK(renewals[0].domains[0].new_expires_at ==
        AddYears(*renewals[0].domains[0].old_expires_at, 1));
  CHECK(renewals[1].state == "withdrawn");
  CHECK(renewals[1].completed_at.has_value());
  WorkFilter withdrawn;
  withdrawn.state = "withdrawn";
  CHECK(CountRenewalRows(db, withdrawn).value() == 1);
}

TEST_CASE("Domains: a rejected domain edited and resubmitted, its revisions kept", "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = SubmitDomain(*f.registry, f.agency, "教育局.政务", 1).value();
  REQUIRE(SubmitDomain(*f.registry, f.agency, "已占用.政务", 1).ok());
  CHECK(ResubmitDomain(*f.registry, f.agency, id, "新名.政务", 2).code() ==
        StatusCode::kFailedPrecondition);  // not rejected
  REQUIRE(DecideDomain(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalReject, "名称不规范")
              .ok());
  CHECK(LoadDomain(db, id)->reason == "名称不规范");
  CHECK(AccountOutbox(
            db, "您的域名申请“教育局.政务”未通过审核，原因：名称不规范。请修改后重新提交。") == 2);

  CHECK(ResubmitDomain(*f.registry, f.institution, id, "新名.政务", 2).code() ==
        StatusCode::kPermissionDenied);
  CHECK(ResubmitDomain(*f.registry, f.agency, id, "新名.公益", 2).message() ==
        "Chinese domain '新名.公益' must end in .政务 (or .政务.cn) for a 党政机关");
  CHECK(ResubmitDomain(*f.registry, f.agency, id, "新名.政务", 11).message() ==
        "years must be between 1 and 10 (got 11)");
  CHECK(ResubmitDomain(*f.registry, f.agency, id, "已占用.政务", 2).message() ==
        "domain '已占用.政务' is already registered or applied for");
  CHECK(ListDomainRevisions(db, id)->empty());  // the refusals kept nothing

  const std::int64_t submitted_first = LoadDomain(db, id)->submitted_at;
  *f.now += 3600;
  REQUIRE(ResubmitDomain(*f.registry, f.agency, id, "教育局2.政务", 2).ok());
  Domain d = LoadDomain(db, id).value();
  CHECK(d.state == "submitted");
  CHECK(d.name == "教育局2.政务");
  CHECK(d.years == 2);
  CHECK(d.reason.empty());
  CHECK(d.submitted_at == *f.now);
  const std::vector<DomainRevision> revisions = ListDomainRevisions(db, id).value();
  REQUIRE(revisions.size() == 1);
  CHECK(revisions[0].revision == 1);
  CHECK(revisions[0].name == "教育局.政务");
  CHECK(revisions[0].years == 1);
  CHECK(revisions[0].reason == "名称不规范");
  CHECK(revisions[0].at == submitted_first);

  // Rejected again by CONAC, resubmitted again: two revisions, and the history of steps.
  REQUIRE(DecideDomain(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalPass, "").ok());
  REQUIRE(DecideDomain(*f.registry, f.conac, id, WorkflowAction::kConacReject, "材料不全").ok());
  REQUIRE(
      ResubmitDomain(*f.registry, f.agency, id, "教育局.政务", 1).ok());  // its old name is free
  CHECK(ListDomainRevisions(db, id)->size() == 2);
  CHECK(ListDomainRevisions(db, id)->back().reason == "材料不全");
  std::vector<std::string> actions;
  for (const ReviewStep& step : DomainHistory(db, id).value()) actions.push_back(step.action);
  CHECK(actions == std::vector<std::string>{"submit", "regional-reject", "resubmit",
                                            "regional-pass", "conac-reject", "resubmit"});
}

TEST_CASE(
    "Domain account: due, balance, shortfall, payments, invoices, and the notices that say what "
    "happened",
    "[registry]") {
  WorkflowFixture f;
  f.terms.fee_per_year_fen = 500'00;
  f.terms.bank_account = {"政务和公益机构域名注册管理中心", "中国工商银行北京分行", "0200001234"};
  f.Reopen();
  Database& db = f.registry->writer();
  const std::int64_t id = SubmitDomain(*f.registry, f.agency, "教育局.政务", 2).value();
  REQUIRE(DecideDomain(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalPass, "").ok());
  CHECK(AccountOutbox(db, "您的域名申请“教育局.政务”已通过初审，待CONAC审核。") == 2);
  REQUIRE(DecideDomain(*f.registry, f.conac, id, WorkflowAction::kConacPass, "").ok());
  CHECK(
      AccountOutbox(db,
                    "您的域名申请“教育局.政务”CONAC审核通过。请缴纳注册费1000元（2年，每年500元）。"
                    "汇款账户：户名 政务和公益机构域名注册管理中心，开户行 中国工商银行北京分行，"
                    "账号 0200001234。") == 2);

  DomainAccount account =
      LoadDomainAccount(db, f.registry->domain_terms(), f.agency.unit_id).value();
  REQUIRE(account.due.size() == 1);
  CHECK(account.due[0].kind == "domain");
  CHECK(account.due[0].domain_names == std::vector<std::string>{"教育局.政务"});
  CHECK(account.due[0].fee_fen == 1000'00);
  CHECK(account.due_fen == 1000'00);
  CHECK(account.shortfall_fen == 1000'00);

  // 200 元 covers nothing yet: the unit is told what is missing.
  const std::int64_t p1 =
      RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 200'00, "ICBC-1").value();
  CHECK(AccountOutbox(
            db,
            "已收到您的汇款200元（银行流水号ICBC-1），发票将邮寄至：浙江省杭州市解放东路18号。"
            "CONAC确认到账后，将自动办理域名注册或续费。") == 2);
  REQUIRE(ConfirmPayment(*f.registry, f.conac, p1).ok());
  CHECK(AccountOutbox(db, "您的汇款200元已确认到账，当前余额200元。余额不足，还需800元。") == 2);
  account = LoadDomainAccount(db, f.registry->domain_terms(), f.agency.unit_id).value();
  CHECK(account.balance_fen == 200'00);
  CHECK(account.shortfall_fen == 800'00);
  REQUIRE(account.payments.size() == 1);
  CHECK(account.payments[0].state == "confirmed");
  REQUIRE(account.invoices.size() == 1);
  CHECK(account.invoices[0].payment_id == p1);
  CHECK(account.invoices[0].mailing_address == "浙江省杭州市解放东路18号");

  const std::int64_t p2 =
      RecordPayment(*f.registry, f.reviewer33, f.agency.unit_id, 850'50, "ICBC-2").value();
  REQUIRE(ConfirmPayment(*f.registry, f.conac, p2).ok());
  const Domain registered = LoadDomain(db, id).value();
  CHECK(registered.state == "registered");
  CHECK(AccountOutbox(db, "您的域名“教育局.政务”已注册成功，有效期至" +
                              foundation::BeijingDate(*registered.expires_at) + "。") == 2);
  CHECK(AccountOutbox(db, "您的域名“教育局.政务”已注册成功，有效期至2028年1月1日。") == 2);
  account = LoadDomainAccount(db, f.registry->domain_terms(), f.agency.unit_id).value();
  CHECK(account.due.empty());
  CHECK(account.balance_fen == 50'50);
  CHECK(account.shortfall_fen == 0);
  CHECK(account.payments.size() == 2);
  CHECK(account.payments[0].id == p2);  // newest first

  // A renewal is due at the configured fee, oldest first after older dues.
  const std::int64_t renewal = SubmitRenewal(*f.registry, f.agency, {id}, 1).value();
  account = LoadDomainAccount(db, f.registry->domain_terms(), f.agency.unit_id).value();
  REQUIRE(account.due.size() == 1);
  CHECK(account.due[0].kind == "renewal");
  CHECK(account.due[0].id == renewal);
  CHECK(account.due[0].fee_fen == 500'00);
  CHECK(account.shortfall_fen == 500'00 - 50'50);
  CHECK(YuanText(account.shortfall_fen) == "449.50");
  CHECK(LoadDomainAccount(db, f.registry->domain_terms(), 999).status().code() ==
        StatusCode::kNotFound);
}

TEST_CASE("Migrations: v11 keeps renewals and review steps, backfills a rejection's reason",
          "[registry]") {
  WorkflowFixture f;
  const std::int64_t registered = f.RegisteredDomain(f.agency, "教育局.政务");
  const std::int64_t renewal = SubmitRenewal(*f.registry, f.agency, {registered}, 2).value();
  const std::int64_t rejected = SubmitDomain(*f.registry, f.agency, "驳回.政务", 1).value();
  REQUIRE(DecideDomain(*f.registry, f.reviewer33, rejected, WorkflowAction::kRegionalReject, "重名")
              .ok());
  const std::size_t steps = DomainHistory(f.registry->writer(), registered)->size();
  // Back to version 10: without what migrations 12 and 11 add.
  Database& db = f.registry->writer();
  testing::DropMigration12(db);
  for (const char* sql :
       {"DROP TABLE domain_revisions", "ALTER TABLE domains DROP COLUMN reason",
        "ALTER TABLE domains DROP COLUMN submitted_at", "PRAGMA user_version = 10"}) {
    REQUIRE(db.Exec(sql).ok());
  }
  f.Reopen();
  Database& migrated = f.registry->writer();
  CHECK(LoadDomain(migrated, rejected)->reason == "重名");
  CHECK(LoadDomain(migrated, registered)->reason.empty());
  CHECK(LoadDomain(migrated, registered)->submitted_at == testing::kFakeEpoch);
  CHECK(DomainHistory(migrated, registered)->size() == steps);
  const std::vector<Renewal> renewals = ListUnitRenewals(migrated, f.agency.unit_id).value();
  REQUIRE(renewals.size() == 1);
  CHECK(renewals[0].id == renewal);
  CHECK(renewals[0].domains.size() == 1);
  REQUIRE(WithdrawRenewal(*f.registry, f.agency, renewal).ok());  // the new state is accepted
}

TEST_CASE("Domain terms: yuan with two decimals only when needed", "[registry]") {
  CHECK(YuanText(300'00) == "300");
  CHECK(YuanText(123'45) == "123.45");
  CHECK(YuanText(5) == "0.05");
  CHECK(YuanText(0) == "0");
  CHECK(DomainTerms{}.fee_per_year_fen == 300'00);
  CHECK(DomainTerms{}.grace_days == 30);
  CHECK_FALSE(DomainTerms{}.bank_account.configured());
  CHECK_FALSE(BankAccount{"户名", "", "123"}.configured());
  CHECK(BankAccount{"户名", "银行", "123"}.configured());
}

}  // namespace
}  // namespace badgewatch::registry
