#include "registry/database.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cctype>
#include <filesystem>

#include "registry/detail/sqlite_error.h"
#include "registry/registry_errors.h"

namespace badgewatch::registry {
namespace {

constexpr char kWriterPragmas[] =
    "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
constexpr char kReaderPragmas[] = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
constexpr char kSelectUserVersion[] = "PRAGMA user_version";
constexpr char kReadSchema[] = "SELECT count(*) FROM sqlite_schema";

// `path` as a file: URI that opens it immutable (no locks, no WAL index).
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", u);
    }
  }
  return uri + "?immutable=1";
}

// Whether `path`'s write-ahead log holds changes not yet in the file.
bool HasLoggedChanges(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path + "-wal", ec);
  return !ec && size > 0;
}

struct SchemaRead {
  Status status;
  int primary_code = SQLITE_OK;  // SQLite's primary result code when status failed
};

// Reads the schema table on `db`, the first read of a connection.
SchemaRead ReadSchema(Database& db) {
  Result<Statement> probe = db.Prepare(kReadSchema);
  Result<bool> read = probe ? probe->Step() : Result<bool>(probe.status());
  if (read) return {};
  return {read.status(), sqlite3_extended_errcode(db.handle()) & 0xff};
}

}  // namespace

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Database::Database(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

Result<Database> Database::Open(const std::string& path, ConnectionRole role) {
  const int flags = role == ConnectionRole::kWriter
                        ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                        : SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
  return OpenConnection(path, path, flags, role);
}

Result<Database> Database::OpenConnection(const std::string& path, const std::string& filename,
                                          int flags, ConnectionRole role) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(filename.c_str(), &raw, flags, nullptr);
  Database db(path, raw);  // owns the handle even when open failed
  if (rc != SQLITE_OK) {
    Status status = detail::SqliteStatus(raw, rc, "open");
    return ErrorCausedBy<errors::kRegistryUnopenable>(status, path, status);
  }
  if (int ext = sqlite3_extended_result_codes(raw, 1); ext != SQLITE_OK) {
    return detail::SqliteStatus(raw, ext, "extended result codes");
  }
  if (int busy = sqlite3_busy_timeout(raw, kBusyTimeoutMs); busy != SQLITE_OK) {
    return detail::SqliteStatus(raw, busy, "busy timeout");
  }
  if (role == ConnectionRole::kReader) {
    const SchemaRead read = ReadSchema(db);
    if (!read.status.ok()) {
      const bool no_wal_index =
          read.primary_code == SQLITE_READONLY || read.primary_code == SQLITE_CANTOPEN;
      if (!no_wal_index || (flags & SQLITE_OPEN_URI) != 0 || HasLoggedChanges(path)) {
        return ErrorCausedBy<errors::kRegistryUnreadable>(read.status, path, read.status);
      }
      // No WAL index can be made here and none is needed: nothing is logged.
      return OpenConnection(path, ImmutableUri(path), flags | SQLITE_OPEN_URI, role);
    }
  }
  Status pragmas = db.Exec(role == ConnectionRole::kWriter ? kWriterPragmas : kReaderPragmas);
  if (!pragmas.ok()) {
    return ErrorCausedBy<errors::kRegistryUnopenable>(pragmas, path, pragmas);
  }
  return db;
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return detail::SqliteStatus(db_.get(), rc, "prepare");
  }
  return Statement(db_.get(), stmt);
}

Status Database::Exec(const char* sql) {
  const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return detail::SqliteStatus(db_.get(), rc, "exec");
  return Status::Ok();
}

Result<std::int64_t> Database::UserVersion() {
  Result<Statement> stmt = Prepare(kSelectUserVersion);
  if (!stmt) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row) return row.status();
  return *row ? stmt->Int(0) : 0;
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }

std::int64_t Database::Changes() const { return sqlite3_changes64(db_.get()); }

}  // namespace badgewatch::registry
