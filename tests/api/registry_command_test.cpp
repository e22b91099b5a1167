// `badgewatch registry ...` through the real command-line parser, in process:
// every subcommand's --help, exit codes 0/1/2, the import report, tokens,
// the audit check and the demo.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "registry/accounts.h"
#include "registry/domains.h"
#include "registry/migrations.h"
#include "registry/outbox.h"
#include "registry/passwords.h"
#include "registry/registry.h"
#include "registry/transaction.h"
#include "tests/registry/registry_fixture.h"
#include "tests/registry/workflow_fixture.h"
#include "tests/support/cli_run.h"
#include "tests/support/http_receiver.h"
#include "tests/support/smtp_sink.h"

namespace badgewatch::api {
namespace {

using badgewatch::testing::RunCli;
using registry::testing::TempDir;

constexpr char kHeader[] =
    "kind,region,system_category,unit_name,address,handler_name,mobile,email,unit_number,"
    "site_name,english_domain,chinese_domain,hosted_on_platform,ips,introduction,badge_id\n";

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TEST_CASE("registry CLI: every subcommand has --help", "[api][registry]") {
  for (const char* sub : {"init", "import", "export", "backup", "audit-verify", "create-account",
                          "create-token", "list-tokens", "revoke-token", "set-password",
                          "list-applications", "send-notifications", "queue-reminders", "demo"}) {
    INFO(sub);
    badgewatch::testing::CliRun run = RunCli({"registry", sub, "--help"});
    CHECK(run.code == 0);
    CHECK_THAT(run.out, Catch::Contains("--db"));
  }
  CHECK(RunCli({"registry"}).code == 2);
  CHECK(RunCli({"registry", "import"}).code == 2);  // FILE is required
}

TEST_CASE("registry CLI: init, import, export, backup, audit-verify", "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  CHECK(RunCli({"registry", "init", "--db", db}).out ==
        db + ": registry schema version " + std::to_string(registry::LatestSchemaVersion()) + "\n");

  const std::string good = dir.File("good.csv");
  const std::string csv = std::string(kHeader) +
                          "党政机关,33,政府,杭州市教育局,杭州市解放东路18号,王敏,13805710001,"
                          "edu@hangzhou.gov.cn,60433378,杭州市教育局,edu.hangzhou.gov.cn,,0,"
                          "127.0.0.1,介绍,CA330000000604333780001\n";
  WriteFile(good, csv);
  badgewatch::testing::CliRun imported = RunCli({"registry", "import", "--db", db, good});
  CHECK(imported.code == 0);
  CHECK(imported.out == "imported 1 rows: 1 new units, 1 sites\n");

  const std::string bad = dir.File("bad.csv");
  WriteFile(bad, std::string(kHeader) +
                     "党政机关,33,政府,某局,地址,张三,123,a@b.cn,,网站,x.gov.cn,,0,1.2.3.4,介绍,\n"
                     "党政机关,33,政府,某局2,地址,张三,13800138000,a@b.cn,,网站,x.gov.cn,,0,"
                     "1.2.3.999,介绍,\n");
  badgewatch::testing::CliRun refused = RunCli({"registry", "import", "--db", db, bad});
  CHECK(refused.code == 2);
  CHECK(refused.err ==
        bad + ":2: mobile '123' is not a mainland mobile number (11 digits starting with 13-19)\n" +
            bad +
            ":3: IP address '1.2.3.999' is neither IPv4 nor IPv6\n"
            "badgewatch registry: 2 of 2 rows are invalid; nothing was imported\n");
  CHECK(RunCli({"registry", "import", "--db", db, dir.File("missing.csv")}).code == 2);

  CHECK(RunCli({"registry", "export", "--db", db}).out == csv);
  const std::string copy = dir.File("copy.db");
  CHECK(RunCli({"registry", "backup", "--db", db, copy}).code == 0);
  CHECK(RunCli({"registry", "export", "--db", copy}).out == csv);

  badgewatch::testing::CliRun audit = RunCli({"registry", "audit-verify", "--db", db});
  CHECK(audit.code == 0);
  CHECK_THAT(audit.out, Catch::StartsWith("audit log intact: "));
  {
    auto opened = registry::Registry::Open(db);
    REQUIRE(opened.ok());
    registry::Database& w = (*opened)->writer();
    REQUIRE(w.Exec("DROP TRIGGER audit_log_no_update").ok());
    REQUIRE(w.Exec("UPDATE audit_log SET actor = 'someone else' WHERE id = 1").ok());
  }
  badgewatch::testing::CliRun broken = RunCli({"registry", "audit-verify", "--db", db});
  CHECK(broken.code == 1);
  CHECK(broken.out ==
        "audit log BROKEN at entry 1: entry 1 was altered: its fields no longer match its hash\n");
}

TEST_CASE("registry CLI: an import with bytes that are not UTF-8 exits 2 naming the line",
          "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  const std::string gbk = dir.File("gbk.csv");
  WriteFile(gbk, std::string(kHeader) +
                     "党政机关,33,政府,杭州市教育局,杭州市解放东路18号,王敏,13805710001,"
                     "edu@hangzhou.gov.cn,60433378,杭州市教育局,edu.hangzhou.gov.cn,,0,"
                     "127.0.0.1,介绍,CA330000000604333780001\n"
                     "党政机关,33,政府,\xD5\xE3\xBD\xAD,地址,王敏,13805710001,a@b.cn,,网站,"
                     "x.hangzhou.gov.cn,,0,127.0.0.1,介绍,\n");
  badgewatch::testing::CliRun refused = RunCli({"registry", "import", "--db", db, gbk});
  CHECK(refused.code == 2);
  CHECK(refused.err == "badgewatch registry: " + gbk +
                           ": line 3: bytes that are not UTF-8 (the file must be UTF-8 text); "
                           "nothing was imported\n");
  CHECK(RunCli({"registry", "export", "--db", db}).out == kHeader);
}

TEST_CASE("registry CLI: a missing database is not created by a reading command",
          "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("typo.db");
  badgewatch::testing::CliRun run = RunCli({"registry", "list-applications", "--db", db});
  CHECK(run.code == 2);
  CHECK(run.err == "badgewatch registry: no registry at '" + db +
                       "' (create one with 'badgewatch registry init --db " + db + "')\n");
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("registry CLI: a database from a newer build is refused", "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  {
    auto opened = registry::Registry::Open(db);
    REQUIRE(opened.ok());
    REQUIRE((*opened)->writer().Exec("PRAGMA user_version = 42").ok());
  }
  badgewatch::testing::CliRun run = RunCli({"registry", "list-applications", "--db", db});
  CHECK(run.code == 2);
  CHECK_THAT(run.err, Catch::Contains("schema version 42, written by a newer badgewatch"));
}

// The permissions of a file or directory, put back when it goes.
class ModeChange {
 public:
  ModeChange(std::string path, std::filesystem::perms mode)
      : path_(std::move(path)), previous_(std::filesystem::status(path_).permissions()) {
    std::filesystem::permissions(path_, mode);
  }
  ~ModeChange() {
    std::error_code ignored;
    std::filesystem::permissions(path_, previous_, ignored);
  }
  ModeChange(const ModeChange&) = delete;
  ModeChange& operator=(const ModeChange&) = delete;

 private:
  std::string path_;
  std::filesystem::perms previous_;
};

constexpr auto kReadOnlyFile = std::filesystem::perms::owner_read |
                               std::filesystem::perms::group_read |
                               std::filesystem::perms::others_read;
constexpr auto kReadOnlyDirectory = kReadOnlyFile | std::filesystem::perms::owner_exec |
                                    std::filesystem::perms::group_exec |
                                    std::filesystem::perms::others_exec;

TEST_CASE(
    "registry CLI: a read-only registry is reported, exported, backed up, verified and "
    "listed",
    "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  const std::string csv = std::string(kHeader) +
                          "党政机关,33,政府,杭州市教育局,杭州市解放东路18号,王敏,13805710001,"
                          "edu@hangzhou.gov.cn,60433378,杭州市教育局,edu.hangzhou.gov.cn,,0,"
                          "127.0.0.1,介绍,CA330000000604333780001\n";
  WriteFile(dir.File("good.csv"), csv);
  REQUIRE(RunCli({"registry", "import", "--db", db, dir.File("good.csv")}).code == 0);
  TempDir backups;
  const ModeChange writable_by_all(backups.File(""), std::filesystem::perms::all);
  const std::string copy = backups.File("copy.db");

  const std::vector<std::string> files = registry::testing::FileNamesIn(dir.File(""));
  {
    // A copy on read-only media, or a file the operator may only read: its
    // directory cannot take the WAL index SQLite would make beside it.
    const ModeChange read_only_file(db, kReadOnlyFile);
    const ModeChange read_only_directory(dir.File(""), kReadOnlyDirectory);
    using badgewatch::testing::RunCliAsOrdinaryUser;
    badgewatch::testing::CliRun exported = RunCliAsOrdinaryUser({"registry", "export", "--db", db});
    CHECK(exported.err == "");
    CHECK(exported.code == 0);
    CHECK(exported.out == csv);
    badgewatch::testing::CliRun audit =
        RunCliAsOrdinaryUser({"registry", "audit-verify", "--db", db});
    CHECK(audit.err == "");
    CHECK_THAT(audit.out, Catch::StartsWith("audit log intact: "));
    CHECK(RunCliAsOrdinaryUser({"registry", "list-applications", "--db", db}).out ==
          "0 applications\n");
    badgewatch::testing::CliRun backup =
        RunCliAsOrdinaryUser({"registry", "backup", "--db", db, copy});
    CHECK(backup.err == "");
    CHECK(backup.code == 0);
    badgewatch::testing::CliRun report =
        RunCliAsOrdinaryUser({"report", "--db", db, "--list-scans"});
    CHECK(report.err == "");
    CHECK(report.code == 0);
  }
  CHECK(registry::testing::FileNamesIn(dir.File("")) == files);  // nothing written beside it
  CHECK(RunCli({"registry", "export", "--db", copy}).out == csv);
}

TEST_CASE("registry CLI: a reading command refuses an older schema and leaves it as it is",
          "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  {
    auto writer = registry::Database::Open(db, registry::ConnectionRole::kWriter);
    REQUIRE(writer.ok());
    REQUIRE(registry::ApplyMigrations(*writer, registry::LatestSchemaVersion() - 1).ok());
  }
  const std::string message =
      "'" + db + "' has schema version " + std::to_string(registry::LatestSchemaVersion() - 1) +
      ", older than this build's " + std::to_string(registry::LatestSchemaVersion()) +
      "; migrate it first with 'badgewatch registry init --db " + db + "'\n";
  badgewatch::testing::CliRun exported = RunCli({"registry", "export", "--db", db});
  CHECK(exported.code == 2);
  CHECK(exported.err == "badgewatch registry: " + message);
  badgewatch::testing::CliRun report = RunCli({"report", "--db", db, "--format", "csv"});
  CHECK(report.code == 2);
  CHECK(report.err == "badgewatch report: " + message);
  auto reader = registry::Database::Open(db, registry::ConnectionRole::kReader);
  REQUIRE(reader.ok());
  CHECK(reader->UserVersion().value() == registry::LatestSchemaVersion() - 1);
}

TEST_CASE("registry CLI: accounts and tokens", "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  CHECK(RunCli({"registry", "create-account", "--db", db, "--login", "zj-review", "--role",
                "regional", "--region", "33"})
            .out == "account 1 'zj-review' (regional, region 33, office 330000)\n");
  CHECK(RunCli({"registry", "create-account", "--db", db, "--login", "boss", "--role", "conac"})
            .code == 0);
  badgewatch::testing::CliRun unit = RunCli({"registry",   "create-account",
                                             "--db",       db,
                                             "--login",    "hz-edu",
                                             "--role",     "unit",
                                             "--kind",     "党政机关",
                                             "--region",   "33",
                                             "--category", "政府",
                                             "--name",     "杭州市教育局",
                                             "--address",  "杭州市解放东路18号",
                                             "--handler",  "王敏",
                                             "--mobile",   "13805710001",
                                             "--email",    "edu@hangzhou.gov.cn"});
  CHECK(unit.code == 0);
  CHECK(unit.out == "account 3 'hz-edu' (unit, unit 1)\n");
  badgewatch::testing::CliRun bad_mobile = RunCli(
      {"registry", "create-account", "--db",      db,         "--login",   "unit-2",     "--role",
       "unit",     "--kind",         "事业单位",  "--region", "33",        "--category", "教育",
       "--name",   "某大学",         "--address", "地址",     "--handler", "李",         "--mobile",
       "110",      "--email",        "a@b.cn"});
  CHECK(bad_mobile.code == 2);
  CHECK(bad_mobile.err ==
        "badgewatch registry: mobile '110' is not a mainland mobile number (11 digits starting "
        "with 13-19)\n");
  CHECK(RunCli({"registry", "create-account", "--db", db, "--login", "x1", "--role", "king"}).err ==
        "badgewatch registry: --role 'king' is not unit, regional or conac\n");

  badgewatch::testing::CliRun token =
      RunCli({"registry", "create-token", "--db", db, "--login", "zj-review", "--label", "ci"});
  REQUIRE(token.code == 0);
  const std::string secret = token.out.substr(0, token.out.size() - 1);
  CHECK_THAT(secret, Catch::StartsWith("bwt_"));
  auto opened = registry::Registry::Open(db);
  REQUIRE(opened.ok());
  Result<registry::Actor> actor = registry::AuthenticateToken((*opened)->writer(), secret);
  REQUIRE(actor.ok());
  CHECK(actor->region_code == "33");
  CHECK(registry::AuthenticateToken((*opened)->writer(), secret + "x").status().code() ==
        StatusCode::kPermissionDenied);
  CHECK(RunCli({"registry", "create-token", "--db", db, "--login", "nobody"}).err ==
        "badgewatch registry: no account with login 'nobody'\n");
}

// Standard input reads `text` while it lives.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& text) : buffer_(text), saved_(std::cin.rdbuf(&buffer_)) {}
  ~StdinFrom() { std::cin.rdbuf(saved_); }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  std::stringbuf buffer_;
  std::streambuf* saved_;
};

TEST_CASE("registry CLI: set-password reads standard input, tokens are listed and revoked",
          "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  REQUIRE(RunCli({"registry", "create-account", "--db", db, "--login", "zj-review", "--role",
                  "regional", "--region", "33"})
              .code == 0);

  SECTION("set-password") {
    CHECK(RunCli({"registry", "set-password", "--db", db, "--login", "zj-review"}).err ==
          "badgewatch registry: give the password on standard input with --password-stdin (it "
          "is never taken from the command line, where other users can see it)\n");
    {
      StdinFrom in("short\n");
      CHECK(RunCli({"registry", "set-password", "--db", db, "--login", "zj-review",
                    "--password-stdin"})
                .err == "badgewatch registry: the password must have at least 10 characters\n");
    }
    {
      StdinFrom in("浙江 review 2026\r\n");
      badgewatch::testing::CliRun set = RunCli(
          {"registry", "set-password", "--db", db, "--login", "zj-review", "--password-stdin"});
      CHECK(set.code == 0);
      CHECK(set.out == "password of 'zj-review' set; its web sessions were ended\n");
    }
    auto opened = registry::Registry::Open(db);
    REQUIRE(opened.ok());
    // The line end is not part of the password.
    CHECK(registry::VerifyLogin((*opened)->writer(), "zj-review", "浙江 review 2026").ok());
    CHECK(RunCli({"registry", "set-password", "--db", db, "--login", "nobody", "--password-stdin"})
              .err == "badgewatch registry: no account with login 'nobody'\n");
  }
  SECTION("list-tokens and revoke-token") {
    const std::string secret =
        RunCli({"registry", "create-token", "--db", db, "--login", "zj-review", "--label", "ci"})
            .out;
    badgewatch::testing::CliRun listed =
        RunCli({"registry", "list-tokens", "--db", db, "--login", "zj-review"});
    CHECK(listed.code == 0);
    CHECK_THAT(listed.out, Catch::Matches("    1  created 2\\d{3}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ  "
                                          "active +ci\n1 tokens\n"));
    CHECK_THAT(listed.out, !Catch::Contains("bwt_"));
    CHECK(RunCli({"registry", "revoke-token", "--db", db, "--id", "1"}).out ==
          "API token 1 revoked\n");
    CHECK_THAT(RunCli({"registry", "list-tokens", "--db", db, "--login", "zj-review"}).out,
               Catch::Contains("revoked 2"));
    auto opened = registry::Registry::Open(db);
    REQUIRE(opened.ok());
    CHECK(registry::AuthenticateToken((*opened)->writer(), secret.substr(0, secret.size() - 1))
              .status()
              .code() == StatusCode::kPermissionDenied);
    badgewatch::testing::CliRun again =
        RunCli({"registry", "revoke-token", "--db", db, "--id", "1"});
    CHECK(again.code == 2);
    CHECK(again.err == "badgewatch registry: API token 1 is revoked already\n");
    CHECK(RunCli({"registry", "revoke-token", "--db", db, "--id", "9"}).err ==
          "badgewatch registry: no API token 9\n");
    CHECK(RunCli({"registry", "revoke-token", "--db", db, "--id", "0"}).code == 2);
  }
}

TEST_CASE("registry CLI: queue-reminders --config sweeps with the [domains] grace period",
          "[api][registry]") {
  registry::testing::WorkflowFixture f;
  const std::int64_t id = f.RegisteredDomain(f.agency, "教育局.政务");
  // Expired ten days ago by the system clock the command reads.
  const std::int64_t ten_days_ago = std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count() -
                                    10 * 86'400;
  auto backdate = f.registry->writer().Prepare("UPDATE domains SET expires_at = ? WHERE id = ?");
  REQUIRE(backdate->Bind({ten_days_ago, id}).ok());
  REQUIRE(backdate->Run().ok());
  const std::string config = f.dir.File("badgewatch.toml");
  WriteFile(config, "[database]\npath = \"" + f.path + "\"\n[domains]\ngrace_days = 5\n");
  badgewatch::testing::CliRun swept = RunCli({"registry", "queue-reminders", "--config", config});
  INFO(swept.err);
  REQUIRE(swept.code == 0);
  // With 30 days' grace it would only have expired.
  CHECK(swept.out == "2 domain notices queued (expiry reminders, expired, lapsed)\n");
  CHECK(registry::LoadDomain(f.registry->writer(), id)->state == "lapsed");
  CHECK(RunCli({"registry", "queue-reminders", "--config", f.dir.File("missing.toml")}).code == 2);
}

TEST_CASE("registry CLI: the demo, listed by state", "[api][registry]") {
  TempDir dir;
  const std::string db = dir.File("demo.db");
  badgewatch::testing::CliRun demo =
      RunCli({"registry", "demo", "--db", db, "--data", BADGEWATCH_DEMO_REGISTRY_DIR});
  INFO(demo.err);
  REQUIRE(demo.code == 0);
  badgewatch::testing::CliRun listed =
      RunCli({"registry", "list-applications", "--db", db, "--state", "rejected", "--json"});
  REQUIRE(listed.code == 0);
  nlohmann::json rows = nlohmann::json::parse(listed.out);
  REQUIRE(rows.size() == 2);
  for (const auto& row : rows) CHECK(row["state"] == "rejected");
  CHECK(RunCli({"registry", "demo", "--db", db, "--data", BADGEWATCH_DEMO_REGISTRY_DIR}).code == 2);
  CHECK(RunCli({"registry", "queue-reminders", "--db", db}).out ==
        "0 domain notices queued (expiry reminders, expired, lapsed)\n");
}

}  // namespace
}  // namespace badgewatch::api

namespace badgewatch::api {
namespace {

// Queues one outbox row in the registry at `db` (created when missing).
void Queue(const std::string& db, const registry::Notification& notification) {
  auto opened = registry::Registry::Open(db);
  REQUIRE(opened.ok());
  Result<registry::Transaction> txn = registry::Transaction::Begin((*opened)->writer());
  REQUIRE(txn.ok());
  REQUIRE(registry::Enqueue(**opened, notification).ok());
  REQUIRE(txn->Commit().ok());
}

std::vector<registry::OutboxRow> Outbox(const std::string& db) {
  auto opened = registry::Registry::Open(db);
  REQUIRE(opened.ok());
  return registry::ListOutbox((*opened)->writer()).value();
}

TEST_CASE("registry CLI: send-notifications --config delivers through [mail] and [sms]",
          "[api][registry][network]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  Queue(db, {registry::Channel::kEmail, "handler@example.gov.cn", "网站标识", "标识已下发"});
  Queue(db, {registry::Channel::kSms, "13800138000", "", "您的标识已下发"});
  registry::testing::SmtpSink smtp(dir.File("smtp.log"));
  registry::testing::HttpReceiver gateway(200);
  const std::string config = dir.File("badgewatch.toml");
  WriteFile(config, "[database]\npath = \"" + db + "\"\n[mail]\nsmtp_url = \"" + smtp.url() +
                        "\"\nfrom = \"badge-noreply@example.gov.cn\"\ntimeout_ms = 5000\n"
                        "[sms]\ngateway_url = \"" +
                        gateway.url() + "\"\n");

  badgewatch::testing::CliRun sent = RunCli({"registry", "send-notifications", "--config", config});
  INFO(sent.err);
  CHECK(sent.code == 0);
  CHECK(sent.out == "sent 2, failed attempts 0\n");
  CHECK(smtp.WaitFor("From: <badge-noreply@example.gov.cn>"));
  CHECK(smtp.WaitFor("handler@example.gov.cn"));
  REQUIRE(gateway.bodies().size() == 1);
  CHECK(nlohmann::json::parse(gateway.bodies()[0])["mobile"] == "13800138000");

  // The command line wins over the file: a refused SMTP port fails the attempt.
  Queue(db, {registry::Channel::kEmail, "other@example.gov.cn", "s", "b"});
  const std::string refused =
      "smtp://127.0.0.1:" + std::to_string(registry::testing::FreeLoopbackPort());
  badgewatch::testing::CliRun overridden =
      RunCli({"registry", "send-notifications", "--config", config, "--smtp", refused});
  CHECK(overridden.code == 0);
  CHECK(overridden.out == "sent 0, failed attempts 1\n");
}

TEST_CASE("registry CLI: send-notifications --config gives the sender [mail] timeout_ms",
          "[api][registry][network]") {
  TempDir dir;
  const std::string db = dir.File("r.db");
  Queue(db, {registry::Channel::kEmail, "handler@example.gov.cn", "s", "b"});
  // Accepts connections (the kernel's backlog) and never sends the SMTP greeting.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const std::string config = dir.File("badgewatch.toml");
  WriteFile(config, "[database]\npath = \"" + db + "\"\n[mail]\nsmtp_url = \"smtp://127.0.0.1:" +
                        std::to_string(silent.local_endpoint().port()) + "\"\ntimeout_ms = 200\n");

  badgewatch::testing::CliRun run = RunCli({"registry", "send-notifications", "--config", config});
  CHECK(run.code == 0);
  CHECK(run.out == "sent 0, failed attempts 1\n");
  const std::vector<registry::OutboxRow> rows = Outbox(db);
  REQUIRE(rows.size() == 1);
  // curl says how long it waited: the file's 200 ms, not the default 15 s.
  const std::string& error = rows[0].last_error;
  INFO(error);
  const std::size_t after = error.find("timed out after ");
  REQUIRE(after != std::string::npos);
  CHECK(std::stol(error.substr(after + 16)) < 15'000);
}

TEST_CASE("registry CLI: send-notifications --config with a bad file exits 2 naming it",
          "[api][registry]") {
  TempDir dir;
  const std::string config = dir.File("badgewatch.toml");
  WriteFile(config, "[mail]\ntimeout_ms = \"soon\"\n");
  badgewatch::testing::CliRun run = RunCli({"registry", "send-notifications", "--config", config});
  CHECK(run.code == 2);
  CHECK(run.err == "badgewatch registry: " + config +
                       ":2: 'mail.timeout_ms' must be an integer, not a string\n");
}

}  // namespace
}  // namespace badgewatch::api
