#include "api/cli/registry_command.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "api/cli/shipped_data.h"
#include "api/delivery/notification_sender.h"
#include "api/service/application_json.h"
#include "registry/accounts.h"
#include "registry/audit_log.h"
#include "registry/demo_registry.h"
#include "registry/domain_expiry.h"
#include "registry/domains.h"
#include "registry/migrations.h"
#include "registry/passwords.h"
#include "registry/registry.h"
#include "registry/site_applications.h"
#include "registry/site_import.h"
#include "scan/service_config.h"

namespace badgewatch::api {
namespace {

using registry::Registry;

// Prints `status` as the command's error and returns exit code 2.
int Fail(std::FILE* err, const Status& status) {
  fmt::print(err, "badgewatch registry: {}\n", status.message());
  return 2;
}

Result<std::unique_ptr<Registry>> OpenRegistry(const RegistryCommandOptions& o,
                                               const registry::DomainTerms& terms) {
  registry::RegistryOptions options;
  options.domain_terms = terms;
  return Registry::Open(o.db, options);
}

int RunInit(const RegistryCommandOptions& o, Registry& registry, std::FILE* out) {
  Result<std::int64_t> version = registry.writer().UserVersion();
  fmt::print(out, "{}: registry schema version {}\n", o.db, version.ok() ? *version : 0);
  return 0;
}

int RunImport(const RegistryCommandOptions& o, Registry& registry, std::FILE* out, std::FILE* err) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) {
    return Fail(err, Status(StatusCode::kInvalidArgument,
                            fmt::format("cannot open '{}': {}", o.file, std::strerror(errno))));
  }
  Result<registry::ImportReport> report = registry::ImportUnitsAndSites(registry, in);
  if (!report) {
    if (report.status().code() == StatusCode::kStorage) return Fail(err, report.status());
    fmt::print(err, "badgewatch registry: {}: {}; nothing was imported\n", o.file,
               report.status().message());
    return 2;
  }
  if (!report->committed) {
    for (const registry::ImportRowError& e : report->errors) {
      fmt::print(err, "{}:{}: {}\n", o.file, e.line, e.message);
    }
    if (report->invalid_rows > report->errors.size()) {
      fmt::print(err, "{}: {} more invalid rows not listed\n", o.file,
                 report->invalid_rows - report->errors.size());
    }
    fmt::print(err, "badgewatch registry: {} of {} rows are invalid; nothing was imported\n",
               report->invalid_rows, report->rows);
    return 2;
  }
  fmt::print(out, "imported {} rows: {} new units, {} sites\n", report->rows, report->units_created,
             report->sites_created);
  return 0;
}

int RunExport(const RegistryCommandOptions& o, registry::Database& db, std::FILE* out,
              std::FILE* err) {
  Result<std::string> csv = registry::ExportUnitsAndSites(db);
  if (!csv) return Fail(err, csv.status());
  if (o.file.empty() || o.file == "-") {
    fmt::print(out, "{}", *csv);
    return 0;
  }
  std::ofstream file(o.file, std::ios::binary | std::ios::trunc);
  file << *csv;
  file.close();
  if (!file) {
    return Fail(err, Status(StatusCode::kInvalidArgument,
                            fmt::format("cannot write '{}': {}", o.file, std::strerror(errno))));
  }
  return 0;
}

int RunAuditVerify(registry::Database& db, std::FILE* out, std::FILE* err) {
  Result<registry::AuditCheck> check = registry::VerifyAuditLog(db);
  if (!check) return Fail(err, check.status());
  if (!check->intact) {
    fmt::print(out, "audit log BROKEN at entry {}: {}\n", check->first_bad_id, check->problem);
    return 1;
  }
  fmt::print(out, "audit log intact: {} entries, head {}\n", check->entries, check->head_hash);
  return 0;
}

int RunCreateAccount(const RegistryCommandOptions& o, Registry& registry, std::FILE* out,
                     std::FILE* err) {
  const std::optional<registry::Role> role = registry::ParseRole(o.role);
  if (!role) {
    return Fail(err, Status(StatusCode::kInvalidArgument,
                            fmt::format("--role '{}' is not unit, regional or conac", o.role)));
  }
  Result<registry::Actor> actor = Status(StatusCode::kInvalidArgument, "no account");
  if (*role == registry::Role::kUnit) {
    const std::optional<registry::UnitKind> kind = registry::ParseUnitKind(o.kind);
    if (!kind) {
      return Fail(err,
                  Status(StatusCode::kInvalidArgument,
                         fmt::format("--kind '{}' is not 党政机关, 事业单位 or 社会组织", o.kind)));
    }
    registry::UnitFields unit{*kind,     o.region, o.category, o.name,       o.address,
                              o.handler, o.mobile, o.email,    std::nullopt, ""};
    actor = registry::RegisterUnit(registry, unit, o.login);
  } else {
    actor = registry::CreateStaffAccount(registry, o.login, *role, o.region);
  }
  if (!actor) return Fail(err, actor.status());
  fmt::print(out, "account {} '{}' ({}{})\n", actor->account_id, o.login,
             registry::RoleName(actor->role),
             actor->role == registry::Role::kUnit ? fmt::format(", unit {}", actor->unit_id)
             : actor->role == registry::Role::kRegional
                 ? fmt::format(", region {}, office {}", actor->region_code, actor->office_code)
                 : "");
  return 0;
}

int RunCreateToken(const RegistryCommandOptions& o, Registry& registry, std::FILE* out,
                   std::FILE* err) {
  Result<registry::Actor> actor = registry::LoadActorByLogin(registry.writer(), o.login);
  if (!actor) return Fail(err, actor.status());
  Result<std::string> token = registry::CreateApiToken(registry, actor->account_id, o.label);
  if (!token) return Fail(err, token.status());
  fmt::print(out, "{}\n", *token);
  return 0;
}

int RunListTokens(const RegistryCommandOptions& o, registry::Database& db, std::FILE* out,
                  std::FILE* err) {
  Result<registry::Actor> actor = registry::LoadActorByLogin(db, o.login);
  if (!actor) return Fail(err, actor.status());
  Result<std::vector<registry::ApiTokenSummary>> tokens =
      registry::ListApiTokens(db, actor->account_id);
  if (!tokens) return Fail(err, tokens.status());
  for (const registry::ApiTokenSummary& t : *tokens) {
    fmt::print(out, "{:>5}  created {:%Y-%m-%d %H:%M}Z  {:<24}  {}\n", t.id,
               fmt::gmtime(static_cast<std::time_t>(t.created_at)),
               t.revoked_at ? fmt::format("revoked {:%Y-%m-%d %H:%M}Z",
                                          fmt::gmtime(static_cast<std::time_t>(*t.revoked_at)))
                            : "active",
               t.label);
  }
  fmt::print(out, "{} tokens\n", tokens->size());
  return 0;
}

int RunRevokeToken(const RegistryCommandOptions& o, Registry& registry, std::FILE* out,
                   std::FILE* err) {
  if (Status s = registry::RevokeApiToken(registry, o.token_id); !s.ok()) return Fail(err, s);
  fmt::print(out, "API token {} revoked\n", o.token_id);
  return 0;
}

// The password on standard input, without the line end that `echo` or a
// terminal adds.
std::string ReadPasswordLine(std::istream& in) {
  std::string password((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!password.empty() && password.back() == '\n') password.pop_back();
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int RunSetPassword(const RegistryCommandOptions& o, Registry& registry, std::FILE* out,
                   std::FILE* err) {
  if (!o.password_stdin) {
    return Fail(err, Status(StatusCode::kInvalidArgument,
                            "give the password on standard input with --password-stdin (it is "
                            "never taken from the command line, where other users can see it)"));
  }
  Result<registry::Actor> actor = registry::LoadActorByLogin(registry.writer(), o.login);
  if (!actor) return Fail(err, actor.status());
  const std::string password = ReadPasswordLine(std::cin);
  if (Status s = registry::SetPassword(registry, actor->account_id, password); !s.ok()) {
    return Fail(err, s);
  }
  fmt::print(out, "password of '{}' set; its web sessions were ended\n", o.login);
  return 0;
}

int RunListApplications(const RegistryCommandOptions& o, registry::Database& db, std::FILE* out,
                        std::FILE* err) {
  Result<std::vector<registry::ApplicationSummary>> list = registry::ListApplications(db, o.state);
  if (!list) return Fail(err, list.status());
  if (o.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const registry::ApplicationSummary& a : *list) rows.push_back(ApplicationSummaryJson(a));
    fmt::print(out, "{}\n", rows.dump(2));
    return 0;
  }
  for (const registry::ApplicationSummary& a : *list) {
    fmt::print(out, "{:>5}  {:<12} {:<19} {}  {} / {}\n", a.id, registry::WorkflowName(a.workflow),
               a.state, a.region_code, a.unit_name, a.site_name);
  }
  fmt::print(out, "{} applications\n", list->size());
  return 0;
}

int RunSendNotifications(const RegistryCommandOptions& o, Registry& registry, std::FILE* out,
                         std::FILE* err) {
  SenderConfig config{o.smtp_url, o.mail_from, o.sms_gateway, o.timeout_ms};
  Result<DeliveryReport> report = DeliverDueNotifications(registry, config, o.limit);
  if (!report) return Fail(err, report.status());
  fmt::print(out, "sent {}, failed attempts {}\n", report->sent, report->failed_attempts);
  return 0;
}

// --config: [database] path, [mail] and [sms] for what the command line left
// out; the [domains] terms go to the registry.
Status ApplyConfig(RegistryCommandOptions& o, registry::DomainTerms& terms) {
  Result<scan::ServiceConfig> config = scan::LoadServiceConfig(o.config);
  if (!config) return config.status();
  terms = scan::DomainTermsFrom(*config);
  const CLI::App* command = o.chosen == "queue-reminders" ? o.sweep_command : o.send_command;
  const auto unset = [command](const char* name) {
    return command == nullptr || command->count(name) == 0;
  };
  if (unset("--db")) o.db = config->database.path;
  if (command != o.send_command) return Status::Ok();  // the rest is send-notifications'
  if (unset("--smtp")) o.smtp_url = config->mail.smtp_url;
  if (unset("--mail-from")) o.mail_from = config->mail.from;
  if (unset("--sms-gateway")) o.sms_gateway = config->sms.gateway_url;
  if (unset("--timeout-ms")) o.timeout_ms = config->mail.timeout_ms;
  return Status::Ok();
}

int RunQueueReminders(Registry& registry, std::FILE* out, std::FILE* err) {
  Result<int> notices = registry::SweepDomainExpiry(registry);
  if (!notices) return Fail(err, notices.status());
  fmt::print(out, "{} domain notices queued (expiry reminders, expired, lapsed)\n", *notices);
  return 0;
}

// The subcommands that only read: on a reader connection, so a registry
// this process may not write (a read-only copy) is read all the same, and
// one of another schema is refused rather than migrated.
int RunReadOnly(const RegistryCommandOptions& o, std::FILE* out, std::FILE* err) {
  Result<registry::Database> db = registry::OpenRegistryReadOnly(o.db);
  if (!db) return Fail(err, db.status());
  if (o.chosen == "export") return RunExport(o, *db, out, err);
  if (o.chosen == "backup") {
    if (Status s = registry::BackupDatabase(*db, o.file); !s.ok()) return Fail(err, s);
    fmt::print(out, "{} backed up to {}\n", o.db, o.file);
    return 0;
  }
  if (o.chosen == "audit-verify") return RunAuditVerify(*db, out, err);
  if (o.chosen == "list-tokens") return RunListTokens(o, *db, out, err);
  return RunListApplications(o, *db, out, err);
}

int RunDemo(const RegistryCommandOptions& o, Registry& registry, std::FILE* out, std::FILE* err) {
  const std::string data_dir =
      o.data_dir.empty() ? ShippedDataDir() + "/demo/registry" : o.data_dir;
  Result<registry::DemoSummary> demo = registry::BuildDemoRegistry(registry, data_dir);
  if (!demo) return Fail(err, demo.status());
  fmt::print(out,
             "{}: demo registry with {} badged sites, {} unit accounts, {} domains, {} "
             "renewals, {} applications\n",
             o.db, demo->badged_sites, demo->unit_accounts, demo->domains, demo->renewals,
             demo->applications);
  return 0;
}

CLI::App* Subcommand(CLI::App& parent, RegistryCommandOptions& o, const std::string& name,
                     const std::string& description) {
  CLI::App* sub = parent.add_subcommand(name, description);
  sub->add_option("--db", o.db, "The registry database file")->capture_default_str();
  sub->callback([&o, name] { o.chosen = name; });
  return sub;
}

}  // namespace

CLI::App* AddRegistryCommand(CLI::App& app, RegistryCommandOptions& o) {
  CLI::App* registry = app.add_subcommand("registry",
                                          "Manage the registry database: units, sites, accounts, "
                                          "applications, audit log, notifications.");
  registry->require_subcommand(1);
  Subcommand(*registry, o, "init", "Create the database (or migrate it to this build's schema)");
  Subcommand(*registry, o, "import",
             "Import units and their badged sites from CSV, all rows or none")
      ->add_option("FILE", o.file, "CSV with the columns of 'registry export'")
      ->required();
  Subcommand(*registry, o, "export", "Export units and sites as CSV")
      ->add_option("FILE", o.file, "Output file (default: standard output)");
  Subcommand(*registry, o, "backup", "Copy the database with SQLite's online backup")
      ->add_option("FILE", o.file, "Destination file (overwritten)")
      ->required();
  Subcommand(*registry, o, "audit-verify",
             "Recompute the audit log's hash chain (exit 1 when an entry was altered)");
  CLI::App* account = Subcommand(*registry, o, "create-account",
                                 "Create a staff account, or register a unit with its account");
  account->add_option("--login", o.login, "Login name")->required();
  account->add_option("--role", o.role, "unit, regional or conac")->required();
  account->add_option("--region", o.region,
                      "Region code (units; a reviewer's: its province's office), or a reviewer's "
                      "office as a division code (330100, 330102)");
  account->add_option("--kind", o.kind, "Unit kind: 党政机关, 事业单位 or 社会组织");
  account->add_option("--category", o.category, "Unit's system category");
  account->add_option("--name", o.name, "Unit name");
  account->add_option("--address", o.address, "Unit address (invoices are mailed here)");
  account->add_option("--handler", o.handler, "Handler's name");
  account->add_option("--mobile", o.mobile, "Handler's mainland mobile number");
  account->add_option("--email", o.email, "Handler's e-mail");
  CLI::App* token = Subcommand(*registry, o, "create-token",
                               "Create an API token for an account (printed once, stored hashed)");
  token->add_option("--login", o.login, "The account's login")->required();
  token->add_option("--label", o.label, "What the token is for");
  CLI::App* tokens =
      Subcommand(*registry, o, "list-tokens", "List an account's API tokens (ids, never secrets)");
  tokens->add_option("--login", o.login, "The account's login")->required();
  CLI::App* revoke =
      Subcommand(*registry, o, "revoke-token", "Revoke an API token for good (see list-tokens)");
  revoke->add_option("--id", o.token_id, "The token's id")->required()->check(CLI::PositiveNumber);
  CLI::App* password = Subcommand(*registry, o, "set-password",
                                  "Set an account's web login password, read from standard input");
  password->add_option("--login", o.login, "The account's login")->required();
  password->add_flag("--password-stdin", o.password_stdin,
                     "Read the password from standard input (one line)");
  CLI::App* list =
      Subcommand(*registry, o, "list-applications", "List site and badge applications");
  list->add_option("--state", o.state, "Only this state (submitted, rejected, ...)");
  list->add_flag("--json", o.json, "Print JSON");
  CLI::App* send =
      Subcommand(*registry, o, "send-notifications",
                 "Deliver due outbox rows by e-mail (SMTP) and SMS (HTTP gateway) once "
                 "(serve delivers them itself when its [mail]/[sms] are set)");
  send->add_option("--config", o.config,
                   "badgewatch.toml; its [database] path, [mail] and [sms] values are the "
                   "defaults of the options");
  send->add_option("--smtp", o.smtp_url, "SMTP server URL, e.g. smtp://127.0.0.1:25");
  send->add_option("--mail-from", o.mail_from, "Sender address")->capture_default_str();
  send->add_option("--sms-gateway", o.sms_gateway, "SMS gateway URL (JSON POST)");
  send->add_option("--timeout-ms", o.timeout_ms, "Time allowed for one delivery (e-mail or SMS)")
      ->check(CLI::Range(1, 600'000))
      ->capture_default_str();
  send->add_option("--limit", o.limit, "Rows per run")->capture_default_str();
  o.send_command = send;
  CLI::App* sweep = Subcommand(
      *registry, o, "queue-reminders",
      "Sweep the domains' expiry once (serve does it hourly): reminders 30 and 7 days before "
      "expiry, expired at expiry, lapsed after the grace period");
  sweep->add_option("--config", o.config,
                    "badgewatch.toml; its [database] path is the default of --db, its "
                    "[domains] grace_days the grace period");
  o.sweep_command = sweep;
  Subcommand(*registry, o, "demo", "Build the demo registry into a new database")
      ->add_option("--data", o.data_dir,
                   "Directory of the demo CSV files (default: data/demo/registry, or the "
                   "installed /usr/share/badgewatch/demo/registry)");
  return registry;
}

int RunRegistry(const RegistryCommandOptions& options, std::FILE* out, std::FILE* err) {
  RegistryCommandOptions o = options;
  registry::DomainTerms terms;
  if (!o.config.empty()) {
    if (Status s = ApplyConfig(o, terms); !s.ok()) return Fail(err, s);
  }
  // Only the commands that fill a registry may create one: a mistyped --db is an error.
  const bool creates = o.chosen == "init" || o.chosen == "import" || o.chosen == "demo" ||
                       o.chosen == "create-account";
  std::error_code ec;
  if (!creates && !std::filesystem::exists(o.db, ec)) {
    return Fail(err, Status(StatusCode::kNotFound,
                            fmt::format("no registry at '{}' (create one with 'badgewatch "
                                        "registry init --db {}')",
                                        o.db, o.db)));
  }
  if (o.chosen == "export" || o.chosen == "backup" || o.chosen == "audit-verify" ||
      o.chosen == "list-tokens" || o.chosen == "list-applications") {
    return RunReadOnly(o, out, err);
  }
  Result<std::unique_ptr<Registry>> opened = OpenRegistry(o, terms);
  if (!opened) return Fail(err, opened.status());
  Registry& registry = **opened;
  if (o.chosen == "init") return RunInit(o, registry, out);
  if (o.chosen == "import") return RunImport(o, registry, out, err);
  if (o.chosen == "create-account") return RunCreateAccount(o, registry, out, err);
  if (o.chosen == "create-token") return RunCreateToken(o, registry, out, err);
  if (o.chosen == "revoke-token") return RunRevokeToken(o, registry, out, err);
  if (o.chosen == "set-password") return RunSetPassword(o, registry, out, err);
  if (o.chosen == "send-notifications") return RunSendNotifications(o, registry, out, err);
  if (o.chosen == "queue-reminders") return RunQueueReminders(registry, out, err);
  if (o.chosen == "demo") return RunDemo(o, registry, out, err);
  fmt::print(err, "badgewatch registry: no subcommand\n");
  return 2;
}

}  // namespace badgewatch::api
