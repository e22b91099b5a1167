// The registry's schema as numbered migrations, applied in order on the
// writer connection; PRAGMA user_version records how far a file has come.
// Call from the writer's thread.
#ifndef BADGEWATCH_REGISTRY_MIGRATIONS_H_
#define BADGEWATCH_REGISTRY_MIGRATIONS_H_

#include <cstdint>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

// The newest schema this build knows.
[[nodiscard]] std::int64_t LatestSchemaVersion();

// Applies every migration above the file's user_version, each in its own
// BEGIN IMMEDIATE transaction together with its user_version bump. A file
// whose user_version is above LatestSchemaVersion() is refused with
// kSchemaTooNew ("... written by a newer badgewatch ...") and left untouched.
[[nodiscard]] Status ApplyMigrations(Database& db);

// For a connection that only reads (it cannot migrate): Ok when the file's
// schema is exactly LatestSchemaVersion(). Otherwise a sentence naming the
// file: kSchemaTooNew for a newer schema (the message ApplyMigrations
// gives), kFailedPrecondition for an older one (migrate it with `registry
// init`), kInvalidArgument for a database that is no registry (user_version
// 0: empty, or another program's).
[[nodiscard]] Status CheckSchemaReadable(Database& db);

// The same, stopping at `up_to_version` (a file that is already further is
// left as it is): a file of an older schema, for migration tests.
[[nodiscard]] Status ApplyMigrations(Database& db, std::int64_t up_to_version);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_MIGRATIONS_H_
