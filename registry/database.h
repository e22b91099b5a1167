// One SQLite connection (sqlite3 owned through unique_ptr) opened with the
// registry's settings: WAL, foreign keys, synchronous=FULL, a busy timeout.
// A connection belongs to one thread at a time; open one per reader thread.
#ifndef BADGEWATCH_REGISTRY_DATABASE_H_
#define BADGEWATCH_REGISTRY_DATABASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "foundation/status.h"
#include "registry/statement.h"

struct sqlite3;

namespace badgewatch::registry {

enum class ConnectionRole {
  kWriter,  // creates the file, switches it to WAL; the one connection that writes
  kReader,  // opens an existing file read-only, never writes it or beside it
};

class Database {
 public:
  // How long a connection waits for a lock before SQLITE_BUSY.
  static constexpr int kBusyTimeoutMs = 10'000;

  // Opens `path`. A writer creates the file when missing and sets
  // journal_mode=WAL; both roles set foreign_keys=ON, synchronous=FULL and
  // the busy timeout. A reader reads the schema once to prove the file
  // readable; when SQLite cannot set up the WAL index because this process
  // may not write the file's directory (a read-only copy, a chmod'ed file)
  // and no write-ahead log holds changes, it reads the file as immutable.
  // Fails with kStorage and SQLite's message (e.g. a file that is not a
  // database, or a reader on a missing file).
  [[nodiscard]] static Result<Database> Open(const std::string& path, ConnectionRole role);

  // Compiles one statement. SQL comes from constexpr strings with `?`
  // placeholders; kStorage with SQLite's message when it does not compile.
  [[nodiscard]] Result<Statement> Prepare(std::string_view sql);

  // Runs constant SQL without parameters (pragmas, migrations), possibly
  // several statements separated by ';'.
  [[nodiscard]] Status Exec(const char* sql);

  // PRAGMA user_version: the schema version of the file.
  [[nodiscard]] Result<std::int64_t> UserVersion();

  // Rowid of the last successful INSERT on this connection.
  [[nodiscard]] std::int64_t LastInsertId() const;
  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  [[nodiscard]] std::int64_t Changes() const;

  [[nodiscard]] sqlite3* handle() const { return db_.get(); }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(std::string path, sqlite3* db);
  // sqlite3_open_v2 of `filename` (a path, or a file: URI) with `flags`, then
  // the settings of `role`.
  static Result<Database> OpenConnection(const std::string& path, const std::string& filename,
                                         int flags, ConnectionRole role);

  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DATABASE_H_
