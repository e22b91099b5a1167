// The append-only, hash-chained audit log: every workflow step appends one
// entry inside its own transaction; VerifyAuditLog recomputes the chain so an
// edited, deleted or inserted row is found. Writer thread for Append; any
// connection for Verify.
#ifndef BADGEWATCH_REGISTRY_AUDIT_LOG_H_
#define BADGEWATCH_REGISTRY_AUDIT_LOG_H_

#include <cstdint>
#include <string>

#include "foundation/status.h"
#include "registry/database.h"

namespace badgewatch::registry {

struct AuditEntry {
  std::string actor;    // "account:12 (conac)", "system", "cli"
  std::string action;   // "application.reject", "unit.register", ...
  std::string subject;  // "application:7", "unit:3"
  std::string detail;   // free text: the reason, the new state, a count
};

// The prev_hash of the first entry.
inline constexpr char kAuditGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Appends `entry` at time `at`, chaining it to the last entry's hash. Must run
// inside the caller's write transaction so the entry commits with the change.
[[nodiscard]] Status AppendAudit(Database& db, std::int64_t at, const AuditEntry& entry);

struct AuditCheck {
  std::int64_t entries = 0;       // rows read
  bool intact = true;             // every hash and link holds
  std::int64_t first_bad_id = 0;  // the first row whose hash or link fails (0 when intact)
  std::string problem;            // what failed there
  // The hash of the last entry (the genesis hash for an empty log). Removing
  // entries from the end leaves a valid shorter chain: record this value
  // elsewhere to detect that.
  std::string head_hash = kAuditGenesisHash;
};

// Walks the log in id order, recomputing each hash from the row's fields and
// the previous row's hash. kStorage only when the log cannot be read.
[[nodiscard]] Result<AuditCheck> VerifyAuditLog(Database& db);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_AUDIT_LOG_H_
