#include "registry/site_applications.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "foundation/beijing_time.h"
#include "registry/badges.h"
#include "registry/chinese_domain_names.h"
#include "registry/detail/office_scope_sql.h"
#include "registry/detail/workflow_step.h"
#include "registry/field_validation.h"
#include "registry/outbox.h"
#include "registry/registry_errors.h"
#include "registry/sms_verification.h"
#include "registry/transaction.h"
#include "registry/workflow_labels.h"

namespace badgewatch::registry {
namespace {

constexpr char kChoosableDomains[] =
    "SELECT name, ascii_name FROM domains WHERE unit_id = ? AND state = 'registered' "
    "AND (expires_at IS NULL OR expires_at > ?) ORDER BY id";
constexpr char kExpiredDomainOfUnit[] =
    "SELECT expires_at FROM domains WHERE unit_id = ? AND ascii_name = ? "
    "AND state IN ('registered', 'expired', 'lapsed') AND expires_at <= ? ORDER BY id DESC";
constexpr char kInsertApplication[] =
    "INSERT INTO applications (kind, opening_type, unit_id, state, revision, created_at, "
    "updated_at) VALUES (?, ?, ?, 'submitted', 1, ?, ?)";
constexpr char kInsertRevision[] =
    "INSERT INTO application_revisions (application_id, revision, form_json, submitted_at) "
    "VALUES (?, ?, ?, ?)";
constexpr char kUpdateState[] =
    "UPDATE applications SET state = ?, revision = ?, updated_at = ? WHERE id = ?";
constexpr char kSetSite[] = "UPDATE applications SET site_id = ? WHERE id = ?";
constexpr char kSelectApplications[] =
    "SELECT a.id, a.kind, a.state, a.unit_id, u.name, u.region_code, a.revision, a.site_id, "
    "r.form_json, a.opening_type, " BADGEWATCH_UNIT_DIVISION_SQL("u.") " "
    "FROM applications AS a JOIN units AS u ON u.id = a.unit_id "
    "JOIN application_revisions AS r ON r.application_id = a.id AND r.revision = a.revision "
    "WHERE (a.id = ? OR ?) AND (a.state = ? OR ? = '') ORDER BY a.id";
constexpr char kSelectRevision[] =
    "SELECT form_json FROM application_revisions WHERE application_id = ? AND revision = ?";

Workflow WorkflowOf(const Unit& unit) {
  return unit.fields.kind == UnitKind::kPartyGovernment ? Workflow::kSiteOpening : Workflow::kBadge;
}

// The form as `workflow` keeps it: a badge application has no application
// type (new or recheck is a site-opening distinction), so it is always "new".
SiteForm FormOfWorkflow(Workflow workflow, SiteForm form) {
  if (workflow == Workflow::kBadge) form.opening_type = OpeningType::kNew;
  return form;
}

std::string FormJson(const SiteForm& form) {
  nlohmann::json j;
  j["opening_type"] = form.opening_type == OpeningType::kRecheck ? "recheck" : "new";
  j["site_name"] = form.site.name;
  j["chinese_domain"] = form.site.chinese_domain ? nlohmann::json(*form.site.chinese_domain)
                                                 : nlohmann::json(nullptr);
  j["english_domain"] = form.site.english_domain ? nlohmann::json(*form.site.english_domain)
                                                 : nlohmann::json(nullptr);
  j["hosted_on_platform"] = form.site.hosted_on_platform;
  j["ips"] = form.site.ips;
  j["introduction"] = form.site.introduction;
  j["handler_mobile"] = form.handler_mobile;
  j["sms_verification_id"] = form.sms_verification_id;
  return j.dump();
}

Result<SiteForm> ParseFormJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Error<errors::kApplicationFormDamaged>();
  SiteForm form;
  form.opening_type =
      j.value("opening_type", "new") == "recheck" ? OpeningType::kRecheck : OpeningType::kNew;
  form.site.name = j.value("site_name", "");
  if (j.contains("chinese_domain") && j["chinese_domain"].is_string()) {
    form.site.chinese_domain = j["chinese_domain"].get<std::string>();
  }
  if (j.contains("english_domain") && j["english_domain"].is_string()) {
    form.site.english_domain = j["english_domain"].get<std::string>();
  }
  form.site.hosted_on_platform = j.value("hosted_on_platform", false);
  if (j.contains("ips") && j["ips"].is_array()) {
    for (const auto& ip : j["ips"]) {
      if (ip.is_string()) form.site.ips.push_back(ip.get<std::string>());
    }
  }
  form.site.introduction = j.value("introduction", "");
  form.handler_mobile = j.value("handler_mobile", "");
  form.sms_verification_id = j.value("sms_verification_id", std::int64_t{0});
  return form;
}

Status CheckDomainOwned(Database& db, const Unit& unit, const std::string& name,
                        const std::string& ascii, std::int64_t now) {
  Result<std::vector<ChoosableDomain>> owned = ChoosableChineseDomains(db, unit.id, now);
  if (!owned) return owned.status();
  for (const ChoosableDomain& domain : *owned) {
    if (domain.ascii_name == ascii) return Status::Ok();
  }
  // The unit's own domain past its expiry: say so, not that it is someone else's.
  Result<Statement> expired = db.Prepare(kExpiredDomainOfUnit);
  if (!expired) return expired.status();
  if (Status b = expired->Bind({unit.id, ascii, now}); !b.ok()) return b;
  Result<std::optional<std::int64_t>> expiry = FirstRow(*expired, FirstColumnInt);
  if (!expiry) return expiry.status();
  if (*expiry) {
    const std::string chinese = foundation::BeijingDate(**expiry);
    const std::string english = foundation::BeijingIsoDate(**expiry);
    return Error<errors::kChineseDomainExpired>(name, Localized{chinese, english});
  }
  return Error<errors::kChineseDomainNotTheUnits>(name);
}

Status InsertRevision(Registry& registry, std::int64_t id, int revision, const SiteForm& form) {
  Result<Statement> insert = registry.writer().Prepare(kInsertRevision);
  if (!insert) return insert.status();
  if (Status b = insert->Bind({id, std::int64_t{revision}, FormJson(form), registry.Now()});
      !b.ok()) {
    return b;
  }
  return insert->Run();
}

Status UpdateState(Registry& registry, std::int64_t id, std::string_view state, int revision) {
  Result<Statement> update = registry.writer().Prepare(kUpdateState);
  if (!update) return update.status();
  Status bound = update->Bind({state, std::int64_t{revision}, registry.Now(), id});
  if (!bound.ok()) return bound;
  return update->Run();
}

Result<std::vector<ApplicationSummary>> SelectApplications(Database& db, std::int64_t id,
                                                           const std::string& state) {
  Result<Statement> s = db.Prepare(kSelectApplications);
  if (!s) return s.status();
  Status bound = s->Bind({id, std::int64_t{id == 0 ? 1 : 0}, state, state});
  if (!bound.ok()) return bound;
  std::vector<ApplicationSummary> list;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) return list;
    ApplicationSummary a;
    a.id = s->Int(0);
    a.workflow = s->Text(1) == "badge" ? Workflow::kBadge : Workflow::kSiteOpening;
    a.state = s->Text(2);
    a.unit_id = s->Int(3);
    a.unit_name = s->Text(4);
    a.region_code = s->Text(5);
    a.division_code = s->Text(10);
    a.revision = static_cast<int>(s->Int(6));
    a.site_id = s->OptInt(7);
    a.opening_type = s->Text(9) == "recheck" ? OpeningType::kRecheck : OpeningType::kNew;
    Result<SiteForm> form = ParseFormJson(s->Text(8));
    if (!form) return form.status();
    a.site_name = form->site.name;
    list.push_back(std::move(a));
  }
}

// A step on an existing application, authorised and inside its open
// transaction: the application, its unit and the transition to make.
struct ApplicationStepInProgress {
  Transaction txn;
  ApplicationSummary app;
  Unit unit;
  Transition transition;
};

// Begins the transaction, loads the application and its unit, and checks
// that `actor` may take `action` from the application's state.
Result<ApplicationStepInProgress> BeginStep(Registry& registry, const Actor& actor,
                                            std::int64_t application_id, WorkflowAction action) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  Result<ApplicationSummary> app = LoadApplication(db, application_id);
  if (!app) return app.status();
  Result<Unit> unit = LoadUnit(db, app->unit_id);
  if (!unit) return unit.status();
  Result<Transition> t = FindTransition(app->workflow, app->state, action, actor.role);
  if (!t) return t.status();
  if (Status s = CheckScope(actor, *unit); !s.ok()) return s;
  return ApplicationStepInProgress{std::move(txn).value(), *app, *unit, *t};
}

// The refusal of a badge while another unit's site carries the domain.
Status DomainConflictRefusal(const DomainHolder& holder) {
  return Error<errors::kDomainHeldByOtherUnit>(holder.domain, holder.unit_name, holder.region_code,
                                               holder.site_name);
}

// Creates the site (or updates the one a recheck names) and issues its badge;
// refused while a site of another unit carries one of its domains.
Result<std::string> IssueApplicationBadge(Registry& registry, const ApplicationSummary& app,
                                          const Unit& unit) {
  Database& db = registry.writer();
  Result<SiteForm> form = LoadApplicationForm(db, app.id, app.revision);
  if (!form) return form.status();
  Result<std::vector<DomainHolder>> holders = OtherUnitsHoldingDomains(db, unit.id, form->site);
  if (!holders) return holders.status();
  if (!holders->empty()) return DomainConflictRefusal(holders->front());
  Result<std::optional<std::int64_t>> existing = FindUnitSite(db, unit.id, form->site);
  if (!existing) return existing.status();
  std::int64_t site_id = 0;
  if (*existing) {
    site_id = **existing;
    if (Status s = UpdateSite(db, site_id, form->site); !s.ok()) return s;
  } else {
    Result<std::int64_t> inserted =
        InsertSite(db, unit.id, form->site, std::nullopt, registry.Now());
    if (!inserted) return inserted.status();
    site_id = *inserted;
  }
  Result<Statement> set_site = db.Prepare(kSetSite);
  if (!set_site) return set_site.status();
  if (Status b = set_site->Bind({site_id, app.id}); !b.ok()) return b;
  if (Status s = set_site->Run(); !s.ok()) return s;
  return IssueBadge(db, site_id, app.id, registry.Now());
}

// The SMS/e-mail the procedure promises after a decision: the subject names
// the application and its new state in words (未通过, 已通过初审, ...); a
// reason that ends in its own full stop gets no second one.
Status NotifyDecision(Registry& registry, const Unit& unit, const ApplicationSummary& app,
                      const Transition& t, const std::string& reason, const std::string& badge_id) {
  std::string body;
  std::string_view outcome;
  if (t.to == "rejected") {
    outcome = "未通过审核";
    body = fmt::format("您的网站“{}”申请（编号{}）未通过审核，原因：{}。请修改后重新提交。",
                       app.site_name, app.id, ReasonClause(reason));
  } else if (t.to == "initial-passed") {
    outcome = "已通过初审";
    body = fmt::format(
        "您的网站“{}”开办审核申请（编号{}）已通过初审。请打印申请函和申请表（一式三份）并加盖"
        "公章，连同经办人身份证复印件报送同级机构编制部门。",
        app.site_name, app.id);
  } else if (t.to == "badge-issued") {
    outcome = "已下发网站标识";
    body = fmt::format(
        "您的网站“{}”的网站标识已下发，标识编号{}。请将标识代码粘贴到网站所有页面的</body>前：{}",
        app.site_name, badge_id, BadgeSnippet(badge_id));
  } else if (t.to == "regional-passed") {
    outcome = "已通过同级机构编制部门审核";
    body = fmt::format("您的网站“{}”标识申请（编号{}）已通过同级机构编制部门审核，等待CONAC复审。",
                       app.site_name, app.id);
  } else {
    return Status::Ok();  // materials received: no message in the procedure
  }
  return NotifyUnit(registry, unit,
                    fmt::format("网站“{}”的申请（编号{}）{}", app.site_name, app.id, outcome),
                    body);
}

// Checks the form for `unit` with the exact message of the first failure:
// site name required; a Chinese domain, when given, ends in the unit kind's
// suffix, passes IDNA and is a registered, unexpired domain of the unit; an English
// domain (unless hosted on the platform) is a host name, under .gov.cn for
// 党政机关; at least one IP, each IPv4 or IPv6; introduction required and at
// most 500 characters; the handler mobile confirmed by SMS.
Status ValidateSiteForm(Database& db, const Unit& unit, const SiteForm& form, std::int64_t now) {
  const SiteFields& site = form.site;
  const bool agency = unit.fields.kind == UnitKind::kPartyGovernment;
  if (Status s = RequireText(Localized{"网站名称", "website name"}, site.name); !s.ok()) return s;
  if (site.chinese_domain && !site.chinese_domain->empty()) {
    Result<std::string> ascii = ValidateChineseDomain(*site.chinese_domain, unit.fields.kind);
    if (!ascii) return ascii.status();
    if (Status s = CheckDomainOwned(db, unit, *site.chinese_domain, *ascii, now); !s.ok()) {
      return s;
    }
  }
  if (site.hosted_on_platform) {
    if (site.english_domain && !site.english_domain->empty()) {
      return Error<errors::kEnglishDomainOnPlatform>();
    }
  } else if (Status s = ValidateEnglishDomain(site.english_domain.value_or(""), agency); !s.ok()) {
    return s;
  }
  if (site.ips.empty()) return Error<errors::kIpRequired>();
  for (const std::string& ip : site.ips) {
    if (Status s = ValidateIpAddress(ip); !s.ok()) return s;
  }
  if (Status s = RequireText(Localized{"网站简介", "introduction"}, site.introduction); !s.ok())
    return s;
  if (Status s = ValidateIntroduction(site.introduction); !s.ok()) return s;
  if (Status s = ValidateMobile(form.handler_mobile); !s.ok()) return s;
  return CheckMobileConfirmed(db, form.sms_verification_id, form.handler_mobile);
}

}  // namespace

Result<std::int64_t> SubmitApplication(Registry& registry, const Actor& actor,
                                       const SiteForm& submitted) {
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  if (actor.role != Role::kUnit) {
    return Error<errors::kSubmitIsForUnits>(RoleInError(actor.role));
  }
  Result<Unit> unit = LoadUnit(db, actor.unit_id);
  if (!unit) return unit.status();
  const Workflow workflow = WorkflowOf(*unit);
  const SiteForm form = FormOfWorkflow(workflow, submitted);
  Result<Transition> t = FindTransition(workflow, "", WorkflowAction::kSubmit, actor.role);
  if (!t) return t.status();
  if (Status s = ValidateSiteForm(db, *unit, form, registry.Now()); !s.ok()) return s;
  if (Status s = UseConfirmedMobile(db, actor.account_id, form.sms_verification_id, registry.Now());
      !s.ok()) {
    return s;
  }
  Result<Statement> insert = db.Prepare(kInsertApplication);
  if (!insert) return insert.status();
  Status bound = insert->Bind({WorkflowName(workflow),
                               form.opening_type == OpeningType::kRecheck ? "recheck" : "new",
                               unit->id, registry.Now(), registry.Now()});
  if (!bound.ok()) return bound;
  if (Status s = insert->Run(); !s.ok()) return s;
  const std::int64_t id = db.LastInsertId();
  if (Status s = InsertRevision(registry, id, 1, form); !s.ok()) return s;
  if (Status s = detail::RecordStep(registry, actor, "application", id, *t, ""); !s.ok()) return s;
  if (Status s = txn->Commit(); !s.ok()) return s;
  return id;
}

Status ResubmitApplication(Registry& registry, const Actor& actor, std::int64_t application_id,
                           const SiteForm& submitted) {
  Result<ApplicationStepInProgress> step =
      BeginStep(registry, actor, application_id, WorkflowAction::kResubmit);
  if (!step) return step.status();
  const SiteForm form = FormOfWorkflow(step->app.workflow, submitted);
  Database& db = registry.writer();
  const ApplicationSummary* app = &step->app;
  const Transition* t = &step->transition;
  if (Status s = ValidateSiteForm(db, step->unit, form, registry.Now()); !s.ok()) return s;
  if (Status s = UseConfirmedMobile(db, actor.account_id, form.sms_verification_id, registry.Now());
      !s.ok()) {
    return s;
  }
  const int revision = app->revision + 1;
  if (Status s = InsertRevision(registry, application_id, revision, form); !s.ok()) return s;
  if (Status s = UpdateState(registry, application_id, t->to, revision); !s.ok()) return s;
  Status recorded = detail::RecordStep(registry, actor, "application", application_id, *t,
                                       fmt::format("第 {} 版申请", revision));
  if (!recorded.ok()) return recorded;
  return step->txn.Commit();
}

Status DecideApplication(Registry& registry, const Actor& actor, std::int64_t application_id,
                         WorkflowAction action, const std::string& reason) {
  if (action == WorkflowAction::kSubmit || action == WorkflowAction::kResubmit) {
    return Error<errors::kActionCarriesForm>(ActionInError(action));
  }
  Result<ApplicationStepInProgress> step = BeginStep(registry, actor, application_id, action);
  if (!step) return step.status();
  const ApplicationSummary* app = &step->app;
  const Unit* unit = &step->unit;
  const Transition* t = &step->transition;
  if (Status s = detail::CheckReason(*t, reason); !s.ok()) return s;
  if (Status s = UpdateState(registry, application_id, t->to, app->revision); !s.ok()) return s;
  std::string badge_id;
  if (t->to == "badge-issued") {
    Result<std::string> issued = IssueApplicationBadge(registry, *app, *unit);
    if (!issued) return issued.status();
    badge_id = *issued;
  }
  const std::string detail = badge_id.empty() ? reason : "标识编号 " + badge_id;
  Status recorded = detail::RecordStep(registry, actor, "application", application_id, *t, detail);
  if (!recorded.ok()) return recorded;
  if (Status s = NotifyDecision(registry, *unit, *app, *t, reason, badge_id); !s.ok()) return s;
  return step->txn.Commit();
}

Result<std::vector<ApplicationSummary>> ListApplications(Database& db, const std::string& state) {
  return SelectApplications(db, 0, state);
}

Result<ApplicationSummary> LoadApplication(Database& db, std::int64_t id) {
  Result<std::vector<ApplicationSummary>> found = SelectApplications(db, id, "");
  if (!found) return found.status();
  if (found->empty()) return Error<errors::kApplicationNotFound>(id);
  return found->front();
}

Result<SiteForm> LoadApplicationForm(Database& db, std::int64_t id, int revision) {
  Result<Statement> s = db.Prepare(kSelectRevision);
  if (!s) return s.status();
  if (Status b = s->Bind({id, std::int64_t{revision}}); !b.ok()) return b;
  Result<bool> row = s->Step();
  if (!row) return row.status();
  if (!*row) {
    return Error<errors::kRevisionNotFound>(id, revision);
  }
  return ParseFormJson(s->Text(0));
}

Result<std::vector<ApplicationStep>> ApplicationHistory(Database& db, std::int64_t id) {
  return detail::ReviewHistory(db, "application", id);
}

Result<std::vector<ChoosableDomain>> ChoosableChineseDomains(Database& db, std::int64_t unit_id,
                                                             std::int64_t now) {
  Result<Statement> s = db.Prepare(kChoosableDomains);
  if (!s) return s.status();
  if (Status b = s->Bind({unit_id, now}); !b.ok()) return b;
  return CollectRows(*s, [](const Statement& row) {
    return ChoosableDomain{row.Text(0), row.Text(1)};
  });
}

Result<std::vector<DomainHolder>> ApplicationDomainConflicts(
    Database& db, const ApplicationSummary& application) {
  Result<SiteForm> form = LoadApplicationForm(db, application.id, application.revision);
  if (!form) return form.status();
  return OtherUnitsHoldingDomains(db, application.unit_id, form->site);
}

}  // namespace badgewatch::registry
