#include "registry/registry.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <memory>
#include <string_view>

#include "registry/detail/sqlite_error.h"
#include "registry/migrations.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

struct BackupFinisher {
  void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};

// The first bytes of every SQLite database file.
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

Status NotARegistry(const std::string& path, std::string_view why) {
  return Error<errors::kNotARegistry>(path, why);
}

std::int64_t SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Registry::Registry(Database writer, RegistryOptions options)
    : writer_(std::move(writer)), options_(std::move(options)) {
  if (!options_.clock) options_.clock = SystemNow;
}

Result<std::unique_ptr<Registry>> Registry::Open(const std::string& path, RegistryOptions options) {
  Result<Database> writer = Database::Open(path, ConnectionRole::kWriter);
  if (!writer) return writer.status();
  if (Status s = ApplyMigrations(*writer); !s.ok()) return s;
  return std::unique_ptr<Registry>(new Registry(std::move(writer).value(), std::move(options)));
}

Result<Database> OpenRegistryReadOnly(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Error<errors::kRegistryUnreadable>(path, std::strerror(errno));
  }
  std::string magic(kSqliteMagic.size(), '\0');
  file.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  magic.resize(static_cast<std::size_t>(file.gcount()));
  if (magic.empty()) return NotARegistry(path, "the file is empty");
  if (magic != kSqliteMagic) return NotARegistry(path, "not an SQLite database");
  Result<Database> db = Database::Open(path, ConnectionRole::kReader);
  if (!db) return db.status();
  if (Status s = CheckSchemaReadable(*db); !s.ok()) return s;
  return db;
}

Result<Database> Registry::OpenReader() const {
  return Database::Open(writer_.path(), ConnectionRole::kReader);
}

std::int64_t Registry::Now() const { return options_.clock(); }

Status Registry::Audit(const AuditEntry& entry) { return AppendAudit(writer_, Now(), entry); }

Status Registry::Backup(const std::string& destination) {
  return BackupDatabase(writer_, destination);
}

Status BackupDatabase(Database& source, const std::string& destination) {
  Result<Database> target = Database::Open(destination, ConnectionRole::kWriter);
  if (!target) return target.status();
  std::unique_ptr<sqlite3_backup, BackupFinisher> backup(
      sqlite3_backup_init(target->handle(), "main", source.handle(), "main"));
  if (!backup) return detail::SqliteStatus(target->handle(), SQLITE_ERROR, "backup init");
  const int rc = sqlite3_backup_step(backup.get(), -1);
  if (rc != SQLITE_DONE) return detail::SqliteStatus(target->handle(), rc, "backup step");
  const int finish = sqlite3_backup_finish(backup.release());
  if (finish != SQLITE_OK) return detail::SqliteStatus(target->handle(), finish, "backup finish");
  return Status::Ok();
}

}  // namespace badgewatch::registry
