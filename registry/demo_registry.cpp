#include "registry/demo_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "registry/accounts.h"
#include "registry/csv_table.h"
#include "registry/domains.h"
#include "registry/outbox.h"
#include "registry/passwords.h"
#include "registry/registry_errors.h"
#include "registry/site_applications.h"
#include "registry/site_import.h"
#include "registry/sms_verification.h"

namespace badgewatch::registry {
namespace {

constexpr char kCountUnits[] = "SELECT count(*) FROM units";

struct DemoCast {
  Actor conac;
  std::map<std::string, Actor> reviewers;  // by region code
  std::map<std::string, Actor> units;      // by login
  int next_payment = 1;
};

// Every demo account logs in to the web pages with kDemoPassword.
Status SetDemoPasswords(Registry& registry, const DemoCast& cast) {
  std::vector<std::int64_t> accounts = {cast.conac.account_id};
  for (const auto& [region, reviewer] : cast.reviewers) accounts.push_back(reviewer.account_id);
  for (const auto& [login, unit] : cast.units) accounts.push_back(unit.account_id);
  for (std::int64_t account_id : accounts) {
    if (Status s = SetPassword(registry, account_id, kDemoPassword); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<CsvTable> ReadTable(const std::string& dir, const char* name) {
  const std::string path = dir + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error<errors::kDemoFileUnreadable>(path);
  std::ostringstream text;
  text << in.rdbuf();
  Result<CsvTable> table = ParseCsv(text.str());
  if (!table) return ErrorCausedBy<errors::kDemoTable>(table.status(), path, table.status());
  return table;
}

// The field `column` of `row`, or "" when the file lacks that column.
std::string Field(const CsvTable& table, const CsvRow& row, std::string_view column) {
  const int c = table.Column(column);
  if (c < 0 || static_cast<std::size_t>(c) >= row.fields.size()) return {};
  return row.fields[static_cast<std::size_t>(c)];
}

Status AtLine(const char* file, const CsvRow& row, const Status& s) {
  return ErrorCausedBy<errors::kDemoAtLine>(s, file, row.line, s);
}

// The code the handler's phone receives: the newest SMS to `mobile`.
Result<std::string> ReceivedCode(Registry& registry, const std::string& mobile) {
  Result<std::vector<OutboxRow>> rows = ListOutbox(registry.writer());
  if (!rows) return rows.status();
  for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
    if (it->notification.channel != Channel::kSms || it->notification.recipient != mobile) continue;
    const std::size_t at = it->notification.body.find_first_of("0123456789");
    if (at != std::string::npos) return it->notification.body.substr(at, 6);
  }
  return Error<errors::kDemoNoSmsCode>(mobile);
}

Result<std::int64_t> ConfirmedMobile(Registry& registry, const Actor& unit,
                                     const std::string& mobile) {
  // The demo's history confirms a mobile for each of its forms at once.
  constexpr SmsCodeLimits kDemoLimits{1'000, 1'000, 1'000, 1'000, 1'000'000};
  Result<std::int64_t> id = RequestSmsCode(registry, unit.account_id, mobile, kDemoLimits);
  if (!id) return id.status();
  Result<std::string> code = ReceivedCode(registry, mobile);
  if (!code) return code.status();
  if (Status s = ConfirmSmsCode(registry, unit.account_id, *id, *code); !s.ok()) return s;
  return id;
}

const Actor& Performer(const DemoCast& cast, const Actor& unit, Role role,
                       const std::string& region) {
  if (role == Role::kUnit) return unit;
  if (role == Role::kRegional) return cast.reviewers.at(region);
  return cast.conac;
}

Status RegisterAccounts(Registry& registry, const std::string& dir, DemoCast& cast,
                        DemoSummary& summary) {
  Result<CsvTable> table = ReadTable(dir, "accounts.csv");
  if (!table) return table.status();
  for (const CsvRow& row : table->rows) {
    const std::optional<UnitKind> kind = ParseUnitKind(Field(*table, row, "kind"));
    if (!kind) return AtLine("accounts.csv", row, Error<errors::kDemoBadValue>("kind"));
    UnitFields unit{*kind,
                    Field(*table, row, "region"),
                    Field(*table, row, "system_category"),
                    Field(*table, row, "unit_name"),
                    Field(*table, row, "address"),
                    Field(*table, row, "handler_name"),
                    Field(*table, row, "mobile"),
                    Field(*table, row, "email"),
                    std::nullopt,
                    ""};
    const std::string login = Field(*table, row, "login");
    if (!cast.reviewers.count(unit.region_code)) {
      Result<Actor> reviewer = CreateStaffAccount(registry, "reviewer-" + unit.region_code,
                                                  Role::kRegional, unit.region_code);
      if (!reviewer) return AtLine("accounts.csv", row, reviewer.status());
      cast.reviewers[unit.region_code] = *reviewer;
    }
    Result<Actor> actor = RegisterUnit(registry, unit, login);
    if (!actor) return AtLine("accounts.csv", row, actor.status());
    cast.units[login] = *actor;
    ++summary.unit_accounts;
  }
  return Status::Ok();
}

Result<const Actor*> UnitOf(const DemoCast& cast, const std::string& login) {
  auto it = cast.units.find(login);
  if (it == cast.units.end()) {
    return Error<errors::kDemoUnknownLogin>(login);
  }
  return &it->second;
}

Status BuildDomains(Registry& registry, const std::string& dir, DemoCast& cast,
                    DemoSummary& summary) {
  Result<CsvTable> table = ReadTable(dir, "domains.csv");
  if (!table) return table.status();
  for (const CsvRow& row : table->rows) {
    Result<const Actor*> unit = UnitOf(cast, Field(*table, row, "login"));
    if (!unit) return AtLine("domains.csv", row, unit.status());
    Result<Unit> fields = LoadUnit(registry.writer(), (*unit)->unit_id);
    if (!fields) return fields.status();
    const std::string region = fields->fields.region_code;
    const std::string target = Field(*table, row, "target_state");
    const std::vector<Transition> path = LegalPathTo(Workflow::kDomain, target);
    if (path.empty()) {
      return AtLine("domains.csv", row, Error<errors::kDemoBadValue>("target_state"));
    }
    const int years = std::atoi(Field(*table, row, "years").c_str());
    Result<std::int64_t> id = SubmitDomain(registry, **unit, Field(*table, row, "name"), years);
    if (!id) return AtLine("domains.csv", row, id.status());
    for (std::size_t i = 1; i < path.size(); ++i) {
      Status s;
      if (path[i].action == WorkflowAction::kRegister) {
        // The fee: recorded by the regional admin, confirmed by CONAC, which registers.
        Result<std::int64_t> payment =
            RecordPayment(registry, cast.reviewers.at(region), (*unit)->unit_id,
                          registry.domain_terms().fee_per_year_fen * years,
                          fmt::format("DEMO-{:04d}", cast.next_payment++));
        if (!payment) return AtLine("domains.csv", row, payment.status());
        s = ConfirmPayment(registry, cast.conac, *payment);
      } else {
        s = DecideDomain(registry, Performer(cast, **unit, path[i].role, region), *id,
                         path[i].action, path[i].needs_reason ? "演示：名称不符合要求" : "");
      }
      if (!s.ok()) return AtLine("domains.csv", row, s);
    }
    ++summary.domains;
  }
  return Status::Ok();
}

// Renewals of registered domains: paid ones complete (expiry moved), unpaid ones wait.
Status BuildRenewals(Registry& registry, const std::string& dir, DemoCast& cast,
                     DemoSummary& summary) {
  Result<CsvTable> table = ReadTable(dir, "renewals.csv");
  if (!table) return table.status();
  for (const CsvRow& row : table->rows) {
    Result<const Actor*> unit = UnitOf(cast, Field(*table, row, "login"));
    if (!unit) return AtLine("renewals.csv", row, unit.status());
    Result<std::vector<Domain>> domains = ListUnitDomains(registry.writer(), (*unit)->unit_id);
    if (!domains) return domains.status();
    const std::string name = Field(*table, row, "domain");
    const auto domain = std::find_if(domains->begin(), domains->end(),
                                     [&](const Domain& d) { return d.name == name; });
    if (domain == domains->end()) {
      return AtLine("renewals.csv", row, Error<errors::kDemoNoDomain>());
    }
    const int years = std::atoi(Field(*table, row, "years").c_str());
    if (Field(*table, row, "paid") == "1") {
      Result<Unit> fields = LoadUnit(registry.writer(), (*unit)->unit_id);
      if (!fields) return fields.status();
      Result<std::int64_t> payment =
          RecordPayment(registry, cast.reviewers.at(fields->fields.region_code), (*unit)->unit_id,
                        registry.domain_terms().fee_per_year_fen * years,
                        fmt::format("DEMO-{:04d}", cast.next_payment++));
      if (!payment) return AtLine("renewals.csv", row, payment.status());
      if (Status s = ConfirmPayment(registry, cast.conac, *payment); !s.ok()) {
        return AtLine("renewals.csv", row, s);
      }
    }
    Result<std::int64_t> renewal = SubmitRenewal(registry, **unit, {domain->id}, years);
    if (!renewal) return AtLine("renewals.csv", row, renewal.status());
    ++summary.renewals;
  }
  return Status::Ok();
}

Status BuildApplications(Registry& registry, const std::string& dir, DemoCast& cast,
                         DemoSummary& summary) {
  Result<CsvTable> table = ReadTable(dir, "applications.csv");
  if (!table) return table.status();
  for (const CsvRow& row : table->rows) {
    Result<const Actor*> unit = UnitOf(cast, Field(*table, row, "login"));
    if (!unit) return AtLine("applications.csv", row, unit.status());
    Result<Unit> fields = LoadUnit(registry.writer(), (*unit)->unit_id);
    if (!fields) return fields.status();
    const Workflow workflow = fields->fields.kind == UnitKind::kPartyGovernment
                                  ? Workflow::kSiteOpening
                                  : Workflow::kBadge;
    std::string target = Field(*table, row, "target_state");
    const bool resubmitted = target == "resubmitted";
    if (resubmitted) target = "rejected";
    const std::vector<Transition> path = LegalPathTo(workflow, target);
    if (path.empty()) {
      return AtLine("applications.csv", row, Error<errors::kDemoBadValue>("target_state"));
    }
    SiteForm form;
    form.site.name = Field(*table, row, "site_name");
    const std::string english = Field(*table, row, "english_domain");
    const std::string chinese = Field(*table, row, "chinese_domain");
    if (!english.empty()) form.site.english_domain = english;
    if (!chinese.empty()) form.site.chinese_domain = chinese;
    form.site.hosted_on_platform = Field(*table, row, "hosted_on_platform") == "1";
    form.site.ips = SplitIps(Field(*table, row, "ips"));
    form.site.introduction = Field(*table, row, "introduction");
    form.handler_mobile = fields->fields.mobile;
    Result<std::int64_t> sms = ConfirmedMobile(registry, **unit, form.handler_mobile);
    if (!sms) return AtLine("applications.csv", row, sms.status());
    form.sms_verification_id = *sms;
    Result<std::int64_t> id = SubmitApplication(registry, **unit, form);
    if (!id) return AtLine("applications.csv", row, id.status());
    const std::string reason = Field(*table, row, "reason");
    for (std::size_t i = 1; i < path.size(); ++i) {
      Status s = DecideApplication(
          registry, Performer(cast, **unit, path[i].role, fields->fields.region_code), *id,
          path[i].action, path[i].needs_reason ? reason : "");
      if (!s.ok()) return AtLine("applications.csv", row, s);
    }
    if (resubmitted) {
      Result<std::int64_t> again = ConfirmedMobile(registry, **unit, form.handler_mobile);
      if (!again) return again.status();
      form.sms_verification_id = *again;
      form.site.introduction += "（已按审核意见修改）";
      if (Status s = ResubmitApplication(registry, **unit, *id, form); !s.ok()) {
        return AtLine("applications.csv", row, s);
      }
    }
    ++summary.applications;
  }
  return Status::Ok();
}

}  // namespace

Result<DemoSummary> BuildDemoRegistry(Registry& registry, const std::string& data_dir) {
  {
    Result<Statement> count = registry.writer().Prepare(kCountUnits);
    if (!count) return count.status();
    Result<bool> row = count->Step();
    if (!row) return row.status();
    if (count->Int(0) > 0) {
      return Error<errors::kDemoNotEmpty>(registry.path());
    }
  }
  DemoSummary summary;
  std::ifstream sites(data_dir + "/sites.csv", std::ios::binary);
  if (!sites) {
    return Error<errors::kDemoFileUnreadable>(data_dir + "/sites.csv");
  }
  Result<ImportReport> imported = ImportUnitsAndSites(registry, sites);
  if (!imported) return imported.status();
  if (!imported->committed) {
    const ImportRowError& e = imported->errors.front();
    return Error<errors::kDemoSitesLine>(e.line, e.message);
  }
  summary.badged_sites = imported->sites_created;

  DemoCast cast;
  Result<Actor> conac = CreateStaffAccount(registry, "conac", Role::kConac, "");
  if (!conac) return conac.status();
  cast.conac = *conac;
  if (Status s = RegisterAccounts(registry, data_dir, cast, summary); !s.ok()) return s;
  if (Status s = BuildDomains(registry, data_dir, cast, summary); !s.ok()) return s;
  if (Status s = BuildRenewals(registry, data_dir, cast, summary); !s.ok()) return s;
  if (Status s = BuildApplications(registry, data_dir, cast, summary); !s.ok()) return s;
  if (Status s = SetDemoPasswords(registry, cast); !s.ok()) return s;
  return summary;
}

}  // namespace badgewatch::registry
