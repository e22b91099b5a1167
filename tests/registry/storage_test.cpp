// The storage core: open settings, migrations and the schema version guard,
// transactions, readers beside the writer, backups, the audit chain.
#include <sqlite3.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "registry/audit_log.h"
#include "registry/migrations.h"
#include "registry/registry.h"
#include "registry/transaction.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::DropMigration12;
using testing::RegistryFixture;

std::int64_t CountRows(Database& db, std::string_view sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  Result<bool> row = s->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return s->Int(0);
}

std::string PragmaText(Database& db, std::string_view sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->Step().value());
  return s->Text(0);
}

TEST_CASE("Registry: opens in WAL with foreign keys, full sync and the latest schema",
          "[registry]") {
  RegistryFixture f;
  Database& db = f.registry->writer();
  CHECK(PragmaText(db, "PRAGMA journal_mode") == "wal");
  CHECK(CountRows(db, "PRAGMA foreign_keys") == 1);
  CHECK(CountRows(db, "PRAGMA synchronous") == 2);  // FULL
  CHECK(db.UserVersion().value() == LatestSchemaVersion());
  CHECK(CountRows(db, "SELECT count(*) FROM regions") == 32);
  CHECK(CountRows(db, "SELECT count(*) FROM regions WHERE code = '33' AND name = '浙江省'") == 1);
  CHECK(CountRows(db, "SELECT count(*) FROM system_categories") > 5);
}

TEST_CASE("Registry: a database from a newer badgewatch is refused", "[registry]") {
  RegistryFixture f;
  REQUIRE(f.registry->writer().Exec("PRAGMA user_version = 999").ok());
  f.registry.reset();
  Result<std::unique_ptr<Registry>> opened = Registry::Open(f.path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == StatusCode::kSchemaTooNew);
  CHECK_THAT(opened.status().message(),
             Catch::Contains("schema version 999") && Catch::Contains("newer badgewatch"));
}

TEST_CASE("Registry: a version-1 file is migrated to the latest schema, data kept", "[registry]") {
  RegistryFixture f;
  Database& db = f.registry->writer();
  REQUIRE(db.Exec("INSERT INTO scans (kind, started_at) VALUES ('nightly', 7)").ok());
  // Back to version 1: without the columns migrations 2 and 3 add ...
  REQUIRE(db.Exec("ALTER TABLE sms_verifications DROP COLUMN used_at").ok());
  for (const char* column :
       {"resolved_addresses", "home_title", "crawl_started_at", "crawl_finished_at"}) {
    REQUIRE(db.Exec(("ALTER TABLE compliance_records DROP COLUMN " + std::string(column)).c_str())
                .ok());
  }
  // ... and without what migration 4 adds.
  for (const char* sql :
       {"DROP TABLE web_sessions", "ALTER TABLE accounts DROP COLUMN password_hash",
        "ALTER TABLE accounts DROP COLUMN password_set_at",
        "ALTER TABLE api_tokens DROP COLUMN revoked_at",
        "ALTER TABLE sms_verifications DROP COLUMN account_id",
        "ALTER TABLE scans DROP COLUMN sites_due", "ALTER TABLE scans DROP COLUMN requested_by"}) {
    REQUIRE(db.Exec(sql).ok());
  }
  // ... and without what migration 5 adds.
  for (const char* sql :
       {"DROP TABLE scan_summaries", "ALTER TABLE compliance_records DROP COLUMN unreachable",
        "ALTER TABLE compliance_records DROP COLUMN change"}) {
    REQUIRE(db.Exec(sql).ok());
  }
  // ... and without what migration 6 adds.
  REQUIRE(db.Exec("ALTER TABLE compliance_records DROP COLUMN dead_links").ok());
  // ... and without what migration 12 adds.
  DropMigration12(db);
  // ... and without what migration 11 adds (its rebuilt tables keep their shape).
  for (const char* sql : {"DROP TABLE domain_revisions", "ALTER TABLE domains DROP COLUMN reason",
                          "ALTER TABLE domains DROP COLUMN submitted_at"}) {
    REQUIRE(db.Exec(sql).ok());
  }
  // ... and without what migration 10 adds.
  REQUIRE(db.Exec("DROP TABLE office_contacts").ok());
  // ... and without what migrations 9 and 8 add.
  REQUIRE(db.Exec("ALTER TABLE accounts DROP COLUMN disabled_at").ok());
  REQUIRE(db.Exec("ALTER TABLE accounts DROP COLUMN office_code").ok());
  // ... and without what migration 7 adds.
  for (const char* sql : {"ALTER TABLE units DROP COLUMN division_code",
                          "DROP INDEX divisions_by_parent", "DROP TABLE divisions"}) {
    REQUIRE(db.Exec(sql).ok());
  }
  REQUIRE(db.Exec("PRAGMA user_version = 1").ok());
  f.Reopen();
  Database& reopened = f.registry->writer();
  CHECK(reopened.UserVersion().value() == LatestSchemaVersion());
  // Migration 12 indexed the names already there.
  CHECK(CountRows(reopened,
                  "SELECT (SELECT count(*) FROM unit_name_search_docsize) = "
                  "(SELECT count(*) FROM units)") == 1);
  CHECK(CountRows(reopened,
                  "SELECT count(*) FROM pragma_table_info('accounts') "
                  "WHERE name IN ('password_hash', 'password_set_at')") == 2);
  CHECK(CountRows(reopened, "SELECT count(*) FROM sqlite_schema WHERE name = 'web_sessions'") == 1);
  CHECK(CountRows(reopened, "SELECT count(*) FROM divisions WHERE code = '330102'") == 1);
  CHECK(CountRows(
            reopened,
            "SELECT count(*) FROM pragma_table_info('accounts') WHERE name = 'office_code'") == 1);
  CHECK(CountRows(reopened,
                  "SELECT count(*) FROM pragma_table_info('units') WHERE name = 'division_code'") ==
        1);
  CHECK(CountRows(reopened,
                  "SELECT count(*) FROM pragma_table_info('compliance_records') "
                  "WHERE name = 'dead_links'") == 1);
  CHECK(CountRows(reopened,
                  "SELECT count(*) FROM pragma_table_info('sms_verifications') "
                  "WHERE name = 'used_at'") == 1);
  CHECK(CountRows(reopened,
                  "SELECT count(*) FROM pragma_table_info('compliance_records') "
                  "WHERE name IN ('resolved_addresses', 'home_title', 'crawl_started_at', "
                  "'crawl_finished_at')") == 4);
  CHECK(CountRows(reopened,
                  "SELECT count(*) FROM pragma_table_info('compliance_records') "
                  "WHERE name IN ('unreachable', 'change')") == 2);
  CHECK(CountRows(reopened, "SELECT count(*) FROM sqlite_schema WHERE name = 'scan_summaries'") ==
        1);
  CHECK(CountRows(reopened, "SELECT count(*) FROM scans WHERE started_at = 7") == 1);
}

TEST_CASE("Registry: a file that is not a database is refused with SQLite's reason", "[registry]") {
  testing::TempDir dir;
  const std::string path = dir.File("garbage.db");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fputs("this is not an sqlite database, not even close; padding padding padding", f);
    std::fclose(f);
  }
  Result<std::unique_ptr<Registry>> opened = Registry::Open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == StatusCode::kStorage);
  CHECK_THAT(opened.status().message(), Catch::Contains("not a database"));
}

TEST_CASE("Transaction: rolls back unless committed, data persists across reopen", "[registry]") {
  RegistryFixture f;
  Database& db = f.registry->writer();
  {
    Result<Transaction> txn = Transaction::Begin(db);
    REQUIRE(txn.ok());
    REQUIRE(db.Exec("INSERT INTO scans (kind, started_at) VALUES ('nightly', 1)").ok());
  }
  CHECK(CountRows(db, "SELECT count(*) FROM scans") == 0);
  {
    Result<Transaction> txn = Transaction::Begin(db);
    REQUIRE(txn.ok());
    REQUIRE(db.Exec("INSERT INTO scans (kind, started_at) VALUES ('nightly', 2)").ok());
    REQUIRE(txn->Commit().ok());
  }
  f.Reopen();
  CHECK(CountRows(f.registry->writer(), "SELECT count(*) FROM scans") == 1);
}

TEST_CASE("Statement: constraint violations map to status codes", "[registry]") {
  RegistryFixture f;
  Database& db = f.registry->writer();
  Result<Statement> insert = db.Prepare("INSERT INTO regions (code, name) VALUES (?, ?)");
  REQUIRE(insert.ok());
  REQUIRE(insert->Bind({std::string_view("33"), std::string_view("again")}).ok());
  CHECK(insert->Run().code() == StatusCode::kAlreadyExists);
  REQUIRE(insert->Bind({std::string_view("333"), std::string_view("too long")}).ok());
  CHECK(insert->Run().code() == StatusCode::kFailedPrecondition);
  CHECK(db.Prepare("SELECT nothing FROM nowhere").status().code() == StatusCode::kStorage);
}

TEST_CASE("Registry: readers during a writer's batch never see SQLITE_BUSY", "[registry]") {
  RegistryFixture f;
  std::atomic<bool> writing{true};
  std::atomic<int> reader_errors{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) {
    readers.emplace_back([&] {
      Result<Database> reader = f.registry->OpenReader();
      if (!reader) {
        ++reader_errors;
        return;
      }
      Result<Statement> count = reader->Prepare("SELECT count(*) FROM scans");
      if (!count) {
        ++reader_errors;
        return;
      }
      while (writing.load() || reads.load() < 10) {
        if (!count->Bind({}).ok()) ++reader_errors;
        Result<bool> row = count->Step();
        if (!row || !*row) ++reader_errors;
        // A reader sees whole batches: 0, 1000, 2000 ... never a part.
        if (row && *row && count->Int(0) % 1000 != 0) ++reader_errors;
        ++reads;
      }
    });
  }
  Database& db = f.registry->writer();
  Result<Statement> insert = db.Prepare("INSERT INTO scans (kind, started_at) VALUES (?, ?)");
  REQUIRE(insert.ok());
  for (int batch = 0; batch < 5; ++batch) {
    Result<Transaction> txn = Transaction::Begin(db);
    REQUIRE(txn.ok());
    for (int i = 0; i < 1000; ++i) {
      REQUIRE(insert->Bind({std::string_view("nightly"), std::int64_t{i}}).ok());
      REQUIRE(insert->Run().ok());
    }
    REQUIRE(txn->Commit().ok());
  }
  writing = false;
  for (std::thread& t : readers) t.join();
  CHECK(reader_errors.load() == 0);
  CHECK(reads.load() >= 10);
}

TEST_CASE("Registry: backup copies a consistent, openable database", "[registry]") {
  RegistryFixture f;
  {
    Result<Transaction> txn = Transaction::Begin(f.registry->writer());
    REQUIRE(txn.ok());
    REQUIRE(f.registry->Audit({"cli", "test.write", "scan:1", "one"}).ok());
    REQUIRE(txn->Commit().ok());
  }
  const std::string copy = f.dir.File("copy.db");
  REQUIRE(f.registry->Backup(copy).ok());
  Result<std::unique_ptr<Registry>> reopened = Registry::Open(copy);
  REQUIRE(reopened.ok());
  CHECK(CountRows((*reopened)->writer(), "SELECT count(*) FROM audit_log") == 1);
  CHECK(CountRows((*reopened)->writer(), "SELECT count(*) FROM regions") == 32);
}

TEST_CASE("AuditLog: the chain verifies and finds an edited, removed or inserted row",
          "[registry]") {
  RegistryFixture f;
  Database& db = f.registry->writer();
  {
    Result<Transaction> txn = Transaction::Begin(db);
    REQUIRE(txn.ok());
    for (int i = 1; i <= 4; ++i) {
      REQUIRE(f.registry->Audit({"cli", "test.step", "scan:" + std::to_string(i), "d"}).ok());
    }
    REQUIRE(txn->Commit().ok());
  }
  Result<AuditCheck> clean = VerifyAuditLog(db);
  REQUIRE(clean.ok());
  CHECK(clean->intact);
  CHECK(clean->entries == 4);
  CHECK(clean->head_hash.size() == 64);
  CHECK(clean->head_hash != kAuditGenesisHash);

  SECTION("the triggers refuse updates and deletes") {
    CHECK(db.Exec("UPDATE audit_log SET detail = 'x' WHERE id = 2").code() ==
          StatusCode::kFailedPrecondition);
    CHECK(db.Exec("DELETE FROM audit_log WHERE id = 2").code() == StatusCode::kFailedPrecondition);
  }
  SECTION("an edited row, with the triggers dropped") {
    REQUIRE(db.Exec("DROP TRIGGER audit_log_no_update").ok());
    REQUIRE(db.Exec("UPDATE audit_log SET detail = 'forged' WHERE id = 2").ok());
    Result<AuditCheck> check = VerifyAuditLog(db);
    REQUIRE(check.ok());
    CHECK_FALSE(check->intact);
    CHECK(check->first_bad_id == 2);
    CHECK_THAT(check->problem, Catch::Contains("altered"));
  }
  SECTION("a removed row") {
    REQUIRE(db.Exec("DROP TRIGGER audit_log_no_delete").ok());
    REQUIRE(db.Exec("DELETE FROM audit_log WHERE id = 3").ok());
    Result<AuditCheck> check = VerifyAuditLog(db);
    REQUIRE(check.ok());
    CHECK_FALSE(check->intact);
    CHECK(check->first_bad_id == 4);
  }
  SECTION("a re-hashed row breaks the link of the next one") {
    REQUIRE(db.Exec("DROP TRIGGER audit_log_no_update").ok());
    REQUIRE(db.Exec("UPDATE audit_log SET hash = lower(hex(randomblob(32))) WHERE id = 2").ok());
    Result<AuditCheck> check = VerifyAuditLog(db);
    REQUIRE(check.ok());
    CHECK_FALSE(check->intact);
    CHECK(check->first_bad_id == 2);
  }
}

TEST_CASE("Storage: a read-only registry connection cannot write and never migrates",
          "[registry]") {
  RegistryFixture f;
  Result<Database> reader = OpenRegistryReadOnly(f.path);
  REQUIRE(reader.ok());
  CHECK(sqlite3_db_readonly(reader->handle(), "main") == 1);
  CHECK_FALSE(reader->Exec("INSERT INTO regions (code, name) VALUES ('98', '某地')").ok());

  REQUIRE(f.registry->writer().Exec("PRAGMA user_version = 3").ok());
  Result<Database> older = OpenRegistryReadOnly(f.path);
  REQUIRE_FALSE(older.ok());
  CHECK(older.status().code() == StatusCode::kFailedPrecondition);
  CHECK(f.registry->writer().UserVersion().value() == 3);
}

}  // namespace
}  // namespace badgewatch::registry
