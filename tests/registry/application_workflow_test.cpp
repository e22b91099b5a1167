// Site-opening review and badge application as state machines: every action
// from every state by every role, legal or refused; scope, reasons, history,
// badges, notifications and the audit trail.
#include <catch2/catch.hpp>
#include <string>

#include "registry/audit_log.h"
#include "registry/badges.h"
#include "registry/domain_expiry.h"
#include "registry/outbox.h"
#include "registry/print_forms.h"
#include "registry/site_applications.h"
#include "tests/registry/workflow_fixture.h"
#include "verifier/badge_snippet.h"

namespace badgewatch::registry {
namespace {

using testing::WorkflowFixture;

// Drives a new application of `unit` along the legal path to `state`.
std::int64_t ApplicationIn(WorkflowFixture& f, const Actor& unit, std::string_view state) {
  const std::int64_t id =
      SubmitApplication(*f.registry, unit, f.ValidForm(unit, "杭州市教育局")).value();
  const bool opening = unit.unit_id == f.agency.unit_id;
  auto step = [&](const Actor& actor, WorkflowAction action, const std::string& reason = "") {
    Status s = DecideApplication(*f.registry, actor, id, action, reason);
    if (!s.ok()) FAIL(s.ToString());
  };
  if (state == "submitted") return id;
  if (state == "withdrawn") {
    step(unit, WorkflowAction::kWithdraw);
    return id;
  }
  if (state == "rejected") {
    step(f.reviewer33, WorkflowAction::kRegionalReject, "名称与首页不一致");
    return id;
  }
  step(f.reviewer33, WorkflowAction::kRegionalPass);
  if (state == "initial-passed" || state == "regional-passed") return id;
  if (opening) {
    step(f.reviewer33, WorkflowAction::kMaterialsReceived);
    if (state == "materials-received") return id;
    step(f.conac, WorkflowAction::kIssueBadge);
  } else {
    step(f.conac, WorkflowAction::kConacPass);
  }
  return id;
}

TEST_CASE("Applications: every action from every state by every role", "[registry]") {
  struct Machine {
    Workflow workflow;
    bool opening;
    std::vector<std::string_view> states;
  };
  const Machine machines[] = {
      {Workflow::kSiteOpening,
       true,
       {"submitted", "rejected", "initial-passed", "materials-received", "badge-issued",
        "withdrawn"}},
      {Workflow::kBadge,
       false,
       {"submitted", "rejected", "regional-passed", "badge-issued", "withdrawn"}},
  };
  const WorkflowAction actions[] = {
      WorkflowAction::kResubmit,        WorkflowAction::kRegionalPass,
      WorkflowAction::kRegionalReject,  WorkflowAction::kMaterialsReceived,
      WorkflowAction::kMaterialsReject, WorkflowAction::kIssueBadge,
      WorkflowAction::kConacPass,       WorkflowAction::kConacReject,
      WorkflowAction::kRegister,        WorkflowAction::kWithdraw,
  };
  int legal = 0;
  int refused = 0;
  for (const Machine& m : machines) {
    WorkflowFixture f;  // one registry, a fresh application for each case
    for (std::string_view state : m.states) {
      for (WorkflowAction action : actions) {
        for (Role role : {Role::kUnit, Role::kRegional, Role::kConac}) {
          const Actor& unit = m.opening ? f.agency : f.institution;
          const Actor& actor = role == Role::kUnit       ? unit
                               : role == Role::kRegional ? f.reviewer33
                                                         : f.conac;
          const std::int64_t id = ApplicationIn(f, unit, state);
          Result<Transition> expected = FindTransition(m.workflow, state, action, role);
          Status got =
              action == WorkflowAction::kResubmit
                  ? ResubmitApplication(*f.registry, actor, id, f.ValidForm(unit, "杭州市教育局"))
                  : DecideApplication(*f.registry, actor, id, action, "理由");
          const std::string after = LoadApplication(f.registry->writer(), id)->state;
          INFO(WorkflowName(m.workflow) << " " << state << " " << ActionName(action) << " by "
                                        << RoleName(role) << ": " << got.ToString());
          if (expected) {
            ++legal;
            CHECK(got.ok());
            CHECK(after == expected->to);
          } else {
            ++refused;
            CHECK(got.code() == expected.status().code());
            CHECK(got.message() == expected.status().message());
            CHECK(after == state);
          }
        }
      }
    }
  }
  // The table's transitions other than the first submissions: site opening 13
  // (4 of them withdrawals), badge 7 (3 withdrawals).
  CHECK(legal == 20);
  CHECK(refused == (6 + 5) * 10 * 3 - 20);
}

TEST_CASE("Applications: refusals name the reason", "[registry]") {
  WorkflowFixture f;
  const std::int64_t id = ApplicationIn(f, f.agency, "submitted");
  SECTION("a reviewer of another region") {
    Status s = DecideApplication(*f.registry, f.reviewer11, id, WorkflowAction::kRegionalPass, "");
    CHECK(s.code() == StatusCode::kPermissionDenied);
    CHECK(s.message() == "the reviewer of region 11 may not act on unit " +
                             std::to_string(f.agency.unit_id) + " of region 33");
  }
  SECTION("another unit") {
    const std::int64_t rejected = ApplicationIn(f, f.agency, "rejected");
    Status s = ResubmitApplication(*f.registry, f.institution, rejected,
                                   f.ValidForm(f.institution, "浙江大学"));
    CHECK(s.code() == StatusCode::kPermissionDenied);
  }
  SECTION("a rejection without a reason") {
    Status s =
        DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalReject, "  ");
    CHECK(s.message() == "a rejection reason is required");
    CHECK(LoadApplication(f.registry->writer(), id)->state == "submitted");
  }
  SECTION("the wrong state") {
    Status s = DecideApplication(*f.registry, f.conac, id, WorkflowAction::kIssueBadge, "");
    CHECK(s.code() == StatusCode::kFailedPrecondition);
    CHECK(s.message() ==
          "'issue-badge' is not possible in state 'submitted' (only from: "
          "materials-received)");
  }
  SECTION("the wrong role") {
    Status s = DecideApplication(*f.registry, f.conac, id, WorkflowAction::kRegionalPass, "");
    CHECK(s.message() ==
          "'regional-pass' in state 'submitted' is for the regional role, not conac");
  }
  SECTION("staff cannot submit for a unit") {
    CHECK(
        SubmitApplication(*f.registry, f.reviewer33, f.ValidForm(f.agency, "x")).status().code() ==
        StatusCode::kPermissionDenied);
  }
}

TEST_CASE("Applications: reject, edit, resubmit keeps every revision and step", "[registry]") {
  WorkflowFixture f;
  const std::int64_t id = ApplicationIn(f, f.agency, "rejected");
  SiteForm edited = f.ValidForm(f.agency, "杭州教育网");
  REQUIRE(ResubmitApplication(*f.registry, f.agency, id, edited).ok());
  Database& db = f.registry->writer();
  CHECK(LoadApplication(db, id)->state == "submitted");
  CHECK(LoadApplication(db, id)->revision == 2);
  CHECK(LoadApplicationForm(db, id, 1)->site.name == "杭州市教育局");
  CHECK(LoadApplicationForm(db, id, 2)->site.name == "杭州教育网");
  std::vector<ApplicationStep> steps = ApplicationHistory(db, id).value();
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].action == "submit");
  CHECK(steps[1].action == "regional-reject");
  CHECK(steps[1].reason == "名称与首页不一致");
  CHECK(steps[1].actor_account_id == f.reviewer33.account_id);
  CHECK(steps[2].action == "resubmit");
  CHECK(ListApplications(db, "submitted")->size() == 1);
  CHECK(ListApplications(db, "rejected")->empty());
}

TEST_CASE("Applications: issuing the badge creates the site, a stable id and notices",
          "[registry]") {
  WorkflowFixture f;
  const std::int64_t id = ApplicationIn(f, f.agency, "badge-issued");
  Database& db = f.registry->writer();
  ApplicationSummary app = LoadApplication(db, id).value();
  REQUIRE(app.site_id);
  Site site = LoadSite(db, *app.site_id).value();
  REQUIRE(site.badge_id);
  const std::string badge = *site.badge_id;
  Unit unit = LoadUnit(db, f.agency.unit_id).value();
  CHECK(badge == "CA330000000" + unit.unit_number + "0001");

  // The snippet is one the verifier recognises as well formed, with this id.
  const std::string snippet = BadgeSnippet(badge);
  const std::size_t src = snippet.find("src=\"") + 5;
  std::optional<verifier::BadgeScriptUrl> url =
      verifier::ParseBadgeScriptUrl(snippet.substr(src, snippet.find('"', src) - src));
  REQUIRE(url);
  CHECK(url->well_formed);
  CHECK(url->id == badge);

  SECTION("a recheck of the same site keeps its badge") {
    SiteForm recheck = f.ValidForm(f.agency, "杭州市教育局");
    recheck.opening_type = OpeningType::kRecheck;
    const std::int64_t second = SubmitApplication(*f.registry, f.agency, recheck).value();
    REQUIRE(DecideApplication(*f.registry, f.reviewer33, second, WorkflowAction::kRegionalPass, "")
                .ok());
    REQUIRE(
        DecideApplication(*f.registry, f.reviewer33, second, WorkflowAction::kMaterialsReceived, "")
            .ok());
    REQUIRE(DecideApplication(*f.registry, f.conac, second, WorkflowAction::kIssueBadge, "").ok());
    CHECK(LoadApplication(db, second)->site_id == app.site_id);
    CHECK(LoadSite(db, *app.site_id)->badge_id == badge);
  }
  SECTION("a second site of the unit gets sequence 0002") {
    const std::int64_t other =
        SubmitApplication(*f.registry, f.agency, f.ValidForm(f.agency, "杭州教育考试网")).value();
    REQUIRE(DecideApplication(*f.registry, f.reviewer33, other, WorkflowAction::kRegionalPass, "")
                .ok());
    REQUIRE(
        DecideApplication(*f.registry, f.reviewer33, other, WorkflowAction::kMaterialsReceived, "")
            .ok());
    REQUIRE(DecideApplication(*f.registry, f.conac, other, WorkflowAction::kIssueBadge, "").ok());
    CHECK(LoadSite(db, *LoadApplication(db, other)->site_id)->badge_id ==
          "CA330000000" + unit.unit_number + "0002");
  }
  SECTION("the unit was told by SMS and e-mail of the pass and the badge") {
    int sms = 0;
    int email = 0;
    for (const OutboxRow& row : ListOutbox(db).value()) {
      if (row.notification.body.find(badge) == std::string::npos) continue;
      (row.notification.channel == Channel::kSms ? sms : email) += 1;
      CHECK_THAT(row.notification.body, Catch::Contains("dcs.conac.cn/js/33/000/0000/"));
    }
    CHECK(sms == 1);
    CHECK(email == 1);
  }
  SECTION("every step is in the audit log, and the chain holds") {
    Result<Statement> s = db.Prepare("SELECT action FROM audit_log WHERE subject = ? ORDER BY id");
    REQUIRE(s.ok());
    const std::string subject = "application:" + std::to_string(id);
    REQUIRE(s->Bind({std::string_view(subject)}).ok());
    std::vector<std::string> actions;
    while (s->Step().value()) actions.push_back(s->Text(0));
    CHECK(actions == std::vector<std::string>{"site-opening.submit", "site-opening.regional-pass",
                                              "site-opening.materials-received",
                                              "site-opening.issue-badge"});
    CHECK(VerifyAuditLog(db)->intact);
  }
}

TEST_CASE(
    "Applications: paper materials found incomplete after the initial pass are rejected, "
    "resubmitted and the badge issued",
    "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  const std::int64_t id = ApplicationIn(f, f.agency, "initial-passed");
  SECTION("a rejection after the initial pass needs a reason") {
    Status s =
        DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kMaterialsReject, "");
    CHECK(s.message() == "a rejection reason is required");
    CHECK(LoadApplication(db, id)->state == "initial-passed");
  }
  SECTION("incomplete materials: rejected, edited, resubmitted, passed, issued") {
    REQUIRE(DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kMaterialsReject,
                              "材料不全：缺少经办人身份证复印件")
                .ok());
    CHECK(LoadApplication(db, id)->state == "rejected");
    REQUIRE(
        ResubmitApplication(*f.registry, f.agency, id, f.ValidForm(f.agency, "杭州市教育局")).ok());
    for (const auto& [actor, action] :
         {std::pair{&f.reviewer33, WorkflowAction::kRegionalPass},
          std::pair{&f.reviewer33, WorkflowAction::kMaterialsReceived},
          std::pair{&f.conac, WorkflowAction::kIssueBadge}}) {
      REQUIRE(DecideApplication(*f.registry, *actor, id, action, "").ok());
    }
    CHECK(LoadApplication(db, id)->state == "badge-issued");
    std::vector<std::string> actions;
    std::string reason;
    for (const ApplicationStep& step : ApplicationHistory(db, id).value()) {
      actions.push_back(step.action);
      if (step.action == "materials-reject") reason = step.reason;
    }
    CHECK(actions == std::vector<std::string>{"submit", "regional-pass", "materials-reject",
                                              "resubmit", "regional-pass", "materials-received",
                                              "issue-badge"});
    CHECK(reason == "材料不全：缺少经办人身份证复印件");
  }
  SECTION("materials received, then CONAC refuses to issue, with a reason") {
    REQUIRE(DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kMaterialsReceived, "")
                .ok());
    CHECK(DecideApplication(*f.registry, f.conac, id, WorkflowAction::kConacReject, "").message() ==
          "a rejection reason is required");
    REQUIRE(DecideApplication(*f.registry, f.conac, id, WorkflowAction::kConacReject,
                              "网站名称与首页头部图片不一致")
                .ok());
    CHECK(LoadApplication(db, id)->state == "rejected");
    CHECK_FALSE(LoadApplication(db, id)->site_id);
  }
}

TEST_CASE("Applications: the unit withdraws before the badge is issued, not after", "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  for (std::string_view state : {"submitted", "rejected", "initial-passed", "materials-received"}) {
    const std::int64_t id = ApplicationIn(f, f.agency, state);
    INFO(state);
    REQUIRE(DecideApplication(*f.registry, f.agency, id, WorkflowAction::kWithdraw, "").ok());
    CHECK(LoadApplication(db, id)->state == "withdrawn");
  }
  const std::int64_t passed = ApplicationIn(f, f.institution, "regional-passed");
  SECTION("only the unit itself withdraws") {
    CHECK(DecideApplication(*f.registry, f.reviewer33, passed, WorkflowAction::kWithdraw, "")
              .code() == StatusCode::kPermissionDenied);
    CHECK(DecideApplication(*f.registry, f.agency, passed, WorkflowAction::kWithdraw, "").code() ==
          StatusCode::kPermissionDenied);
  }
  SECTION("a withdrawn application takes no further step") {
    REQUIRE(
        DecideApplication(*f.registry, f.institution, passed, WorkflowAction::kWithdraw, "").ok());
    CHECK(DecideApplication(*f.registry, f.conac, passed, WorkflowAction::kConacPass, "").code() ==
          StatusCode::kFailedPrecondition);
    CHECK(ResubmitApplication(*f.registry, f.institution, passed,
                              f.ValidForm(f.institution, "浙江大学"))
              .code() == StatusCode::kFailedPrecondition);
  }
  SECTION("an issued badge is not withdrawn") {
    const std::int64_t issued = ApplicationIn(f, f.institution, "badge-issued");
    CHECK(DecideApplication(*f.registry, f.institution, issued, WorkflowAction::kWithdraw, "")
              .code() == StatusCode::kFailedPrecondition);
    CHECK(LoadApplication(db, issued)->state == "badge-issued");
  }
}

TEST_CASE("Applications: a domain another unit's site carries is a conflict, refused at issuance",
          "[registry]") {
  WorkflowFixture f;
  Database& db = f.registry->writer();
  // The institution of region 33 holds www.zju.edu.cn with an issued badge.
  const std::int64_t first = ApplicationIn(f, f.institution, "badge-issued");
  const std::int64_t held_site = LoadApplication(db, first)->site_id.value();
  const Actor guangdong =
      RegisterUnit(*f.registry,
                   testing::ValidUnit(UnitKind::kSocialOrganisation, "44", "广东省某学会"),
                   "gd-society")
          .value();
  const Actor reviewer44 =
      CreateStaffAccount(*f.registry, "gd-reviewer", Role::kRegional, "44").value();
  SiteForm form = f.ValidForm(guangdong, "广东省某学会网");
  form.site.english_domain = "WWW.ZJU.EDU.CN";  // letter case does not tell domains apart
  const std::int64_t id = SubmitApplication(*f.registry, guangdong, form).value();

  std::vector<DomainHolder> conflicts =
      ApplicationDomainConflicts(db, LoadApplication(db, id).value()).value();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].domain == "www.zju.edu.cn");
  CHECK(conflicts[0].site_id == held_site);
  CHECK(conflicts[0].unit_name == "浙江大学");
  CHECK(conflicts[0].region_code == "33");
  CHECK(conflicts[0].badge_id == LoadSite(db, held_site)->badge_id);
  // The holder's own application does not conflict with its own site.
  CHECK(ApplicationDomainConflicts(db, LoadApplication(db, first).value())->empty());

  REQUIRE(DecideApplication(*f.registry, reviewer44, id, WorkflowAction::kRegionalPass, "").ok());
  Status refused = DecideApplication(*f.registry, f.conac, id, WorkflowAction::kConacPass, "");
  CHECK(refused.code() == StatusCode::kFailedPrecondition);
  CHECK(refused.message(badgewatch::Language::kChinese) ==
        "域名“www.zju.edu.cn”已由其他单位（浙江大学，所属区域 33）的网站“杭州市教育局”使用，不能为"
        "本申请发放网站标识。请核实域名归属，或驳回申请。");
  CHECK(LoadApplication(db, id)->state == "regional-passed");
  CHECK(ListSites(db)->size() == 1);
  // CONAC rejects it instead; a corrected domain is issued.
  REQUIRE(DecideApplication(*f.registry, f.conac, id, WorkflowAction::kConacReject,
                            "域名已被其他单位使用")
              .ok());
  form = f.ValidForm(guangdong, "广东省某学会网");
  form.site.english_domain = "www.gdsociety.org.cn";
  REQUIRE(ResubmitApplication(*f.registry, guangdong, id, form).ok());
  CHECK(ApplicationDomainConflicts(db, LoadApplication(db, id).value())->empty());
  REQUIRE(DecideApplication(*f.registry, reviewer44, id, WorkflowAction::kRegionalPass, "").ok());
  REQUIRE(DecideApplication(*f.registry, f.conac, id, WorkflowAction::kConacPass, "").ok());
  CHECK(LoadApplication(db, id)->state == "badge-issued");
}

TEST_CASE("Applications: a badge application has no application type", "[registry]") {
  WorkflowFixture f;
  SiteForm form = f.ValidForm(f.institution, "浙江大学");
  form.opening_type = OpeningType::kRecheck;
  const std::int64_t id = SubmitApplication(*f.registry, f.institution, form).value();
  Database& db = f.registry->writer();
  CHECK(LoadApplication(db, id)->opening_type == OpeningType::kNew);
  CHECK(LoadApplicationForm(db, id, 1)->opening_type == OpeningType::kNew);
  SiteForm recheck = f.ValidForm(f.agency, "杭州市教育局");
  recheck.opening_type = OpeningType::kRecheck;
  const std::int64_t agency = SubmitApplication(*f.registry, f.agency, recheck).value();
  CHECK(LoadApplication(db, agency)->opening_type == OpeningType::kRecheck);
}

TEST_CASE("Applications: the Chinese domain is one of the unit's registered, unexpired ones",
          "[registry]") {
  WorkflowFixture f;
  (void)f.RegisteredDomain(f.institution, "浙江大学.公益");
  SiteForm form = f.ValidForm(f.institution, "浙江大学");
  form.site.chinese_domain = "浙江大学.公益";
  form.sms_verification_id = f.ConfirmedMobile(f.institution, form.handler_mobile);
  CHECK(SubmitApplication(*f.registry, f.institution, form).ok());
  *f.now += 2 * 366 * 24 * 3600;  // past the one year registered
  form.sms_verification_id = f.ConfirmedMobile(f.institution, form.handler_mobile);
  CHECK(SubmitApplication(*f.registry, f.institution, form).status().message() ==
        "Chinese domain '浙江大学.公益' expired on 2027-01-01: renew it before choosing it");
  REQUIRE(SweepDomainExpiry(*f.registry).ok());  // expired, then lapsed: refused all the same
  form.sms_verification_id = f.ConfirmedMobile(f.institution, form.handler_mobile);
  Status refused = SubmitApplication(*f.registry, f.institution, form).status();
  CHECK(refused.code() == StatusCode::kInvalidArgument);
  CHECK(refused.message() ==
        "Chinese domain '浙江大学.公益' expired on 2027-01-01: renew it before choosing it");
  form.site.chinese_domain = "别人的.公益";
  form.sms_verification_id = f.ConfirmedMobile(f.institution, form.handler_mobile);
  CHECK(SubmitApplication(*f.registry, f.institution, form).status().message() ==
        "Chinese domain '别人的.公益' is not a registered domain of this unit");
}

TEST_CASE("Print forms: letter and form filled from the application, escaped", "[registry]") {
  WorkflowFixture f;
  SiteForm form = f.ValidForm(f.agency, "杭州<教育>网");
  const std::int64_t id = SubmitApplication(*f.registry, f.agency, form).value();
  Database& db = f.registry->writer();
  CHECK(RenderApplicationLetter(db, id).status().message() ==
        "application " + std::to_string(id) +
            " is 'submitted': the materials are printed after the initial review has passed");
  REQUIRE(DecideApplication(*f.registry, f.reviewer33, id, WorkflowAction::kRegionalPass, "").ok());
  const std::string letter = RenderApplicationLetter(db, id).value();
  CHECK_THAT(letter,
             Catch::Contains("<h1>关于申请对网站开办审核和资格复核的函</h1>") &&
                 Catch::Contains("杭州市教育局现申请对网站“杭州&lt;教育&gt;网”进行开办审核") &&
                 Catch::Contains("edu.hangzhou.gov.cn") && Catch::Contains("@page") &&
                 Catch::Contains("<p>浙江省机构编制委员会办公室：</p>"));
  const std::string table = RenderApplicationForm(db, id).value();
  CHECK_THAT(table, Catch::Contains("<tr><th>网站名称</th><td>杭州&lt;教育&gt;网</td></tr>") &&
                        Catch::Contains("<tr><th>IP地址</th><td>10.0.0.1，2001:db8::1</td></tr>") &&
                        Catch::Contains("一式三份"));
  const std::int64_t badge_app =
      SubmitApplication(*f.registry, f.institution, f.ValidForm(f.institution, "浙江大学")).value();
  CHECK(RenderApplicationForm(db, badge_app).status().code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("Badge ids: composed and parsed", "[registry]") {
  CHECK(ComposeBadgeId({"33", "000", "0000", "60433378", 1}).value() == "CA330000000604333780001");
  CHECK_FALSE(ComposeBadgeId({"33", "000", "0000", "6043337", 1}).ok());
  CHECK_FALSE(ComposeBadgeId({"33", "000", "0000", "60433378", 10000}).ok());
  BadgeIdParts parts = ParseBadgeId("CA330000000604333780012").value();
  CHECK(parts.unit_number == "60433378");
  CHECK(parts.sequence == 12);
  CHECK_FALSE(ParseBadgeId("CA33000000060433378001").ok());
  CHECK_FALSE(ParseBadgeId("CA330000000604333780000").ok());
}

}  // namespace
}  // namespace badgewatch::registry
