// The registry database: the one writer connection (migrated on open), new
// reader connections on demand, the clock every workflow reads, backups.
// The Registry object and its writer belong to one thread at a time; each
// reader connection from OpenReader belongs to the thread that uses it.
//
// Example:
//   Result<std::unique_ptr<Registry>> registry = Registry::Open("badgewatch.db");
//   if (!registry) return registry.status();
#ifndef BADGEWATCH_REGISTRY_REGISTRY_H_
#define BADGEWATCH_REGISTRY_REGISTRY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "foundation/status.h"
#include "registry/audit_log.h"
#include "registry/database.h"
#include "registry/domain_terms.h"

namespace badgewatch::registry {

struct RegistryOptions {
  // Unix seconds (UTC). Defaults to the system clock; tests pass a fake.
  std::function<std::int64_t()> clock;
  // The fee, grace period and bank account of Chinese domains (badgewatch.toml's [domains]).
  DomainTerms domain_terms;
};

class Registry {
 public:
  // Opens (creating when missing) the database at `path` as the writer and
  // applies pending migrations. kSchemaTooNew for a file from a newer build,
  // kStorage for anything SQLite refuses.
  [[nodiscard]] static Result<std::unique_ptr<Registry>> Open(const std::string& path,
                                                              RegistryOptions options = {});

  // The writer connection: the only one that writes, always inside a
  // Transaction (BEGIN IMMEDIATE).
  [[nodiscard]] Database& writer() { return writer_; }

  // A new read-only connection to the same file, for another thread. In WAL
  // mode it reads the last committed state and never waits for the writer.
  [[nodiscard]] Result<Database> OpenReader() const;

  [[nodiscard]] std::int64_t Now() const;
  // What every fee and expiry step reads.
  [[nodiscard]] const DomainTerms& domain_terms() const { return options_.domain_terms; }
  [[nodiscard]] const std::string& path() const { return writer_.path(); }

  // Appends an audit entry stamped Now(); inside the caller's transaction.
  [[nodiscard]] Status Audit(const AuditEntry& entry);

  // Copies the whole database to `destination` with SQLite's online backup
  // API (a consistent snapshot even while readers run). Overwrites the file.
  [[nodiscard]] Status Backup(const std::string& destination);

  // Whether an outbox row was added through this writer since the last call
  // (Enqueue notes it; true even when its transaction rolled back). Lets the
  // holder of the writer wake a sender after the step that committed it.
  void NoteOutboxRowAdded() { outbox_row_added_ = true; }
  [[nodiscard]] bool TakeOutboxRowAdded() { return std::exchange(outbox_row_added_, false); }

 private:
  Registry(Database writer, RegistryOptions options);

  Database writer_;
  RegistryOptions options_;
  bool outbox_row_added_ = false;
};

// Opens the registry at `path` for a command that only reads (report,
// export, audit-verify, the lists): a reader connection (it never creates,
// migrates or writes the file, and reads one it may not write) whose schema
// is this build's. Fails with a sentence naming the file: kNotFound for no
// file, kInvalidArgument for an empty file or one that is not a registry,
// and CheckSchemaReadable's refusals for an older or newer schema.
[[nodiscard]] Result<Database> OpenRegistryReadOnly(const std::string& path);

// Registry::Backup from any connection to the file, a reader included.
[[nodiscard]] Status BackupDatabase(Database& source, const std::string& destination);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_REGISTRY_H_
