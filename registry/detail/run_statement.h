// Runs one statement that returns no rows with its parameters bound, on the
// caller's connection (inside the caller's transaction when it writes).
#ifndef BADGEWATCH_REGISTRY_DETAIL_RUN_STATEMENT_H_
#define BADGEWATCH_REGISTRY_DETAIL_RUN_STATEMENT_H_

#include <initializer_list>

#include "foundation/status.h"
#include "registry/database.h"
#include "registry/statement.h"

namespace badgewatch::registry::detail {

[[nodiscard]] inline Status RunStatement(Database& db, const char* sql,
                                         std::initializer_list<SqlValue> values) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind(values); !b.ok()) return b;
  return s->Run();
}

}  // namespace badgewatch::registry::detail

#endif  // BADGEWATCH_REGISTRY_DETAIL_RUN_STATEMENT_H_
