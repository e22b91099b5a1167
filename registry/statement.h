// A prepared SQLite statement (sqlite3_stmt owned through unique_ptr): bind
// `?` parameters, step through rows, read columns. Used on the thread that
// owns its Database; never shared between threads.
//
// Example:
//   Result<Statement> s = db.Prepare(kSelectUnitName);
//   if (!s) return s.status();
//   if (Status b = s->Bind({unit_id}); !b.ok()) return b;
//   Result<bool> row = s->Step();  // true: a row is ready; false: done
#ifndef BADGEWATCH_REGISTRY_STATEMENT_H_
#define BADGEWATCH_REGISTRY_STATEMENT_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "foundation/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace badgewatch::registry {

// One bound parameter: NULL, an integer or text.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string_view>;

// An optional text as a parameter: NULL when absent.
[[nodiscard]] SqlValue OptionalText(const std::optional<std::string>& text);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt);

  // Binds `values` to parameters 1..n after resetting the statement and its
  // previous bindings. Fails with kStorage (SQLite's message) on a bad index.
  [[nodiscard]] Status Bind(std::initializer_list<SqlValue> values);

  // Steps once: true when a row is ready, false when the statement is done.
  // Constraint violations come back as kAlreadyExists (UNIQUE) or
  // kFailedPrecondition (other constraints); anything else as kStorage.
  [[nodiscard]] Result<bool> Step();

  // Steps to completion, for statements that return no rows.
  [[nodiscard]] Status Run();

  // Column readers for the current row (0-based). NULL reads as 0 / "".
  [[nodiscard]] std::int64_t Int(int column) const;
  [[nodiscard]] std::string Text(int column) const;
  [[nodiscard]] bool IsNull(int column) const;
  [[nodiscard]] std::optional<std::string> OptText(int column) const;
  [[nodiscard]] std::optional<std::int64_t> OptInt(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// Steps `statement` to the end: read(statement) of every row, in order.
template <typename Read, typename Row = std::invoke_result_t<Read, const Statement&>>
Result<std::vector<Row>> CollectRows(Statement& statement, Read read) {
  std::vector<Row> rows;
  for (;;) {
    Result<bool> row = statement.Step();
    if (!row) return row.status();
    if (!*row) return rows;
    rows.push_back(read(statement));
  }
}

// Steps `statement` once, for queries of at most one row: read(statement) of
// that row, or nullopt when there is none.
template <typename Read, typename Row = std::invoke_result_t<Read, const Statement&>>
Result<std::optional<Row>> FirstRow(Statement& statement, Read read) {
  Result<bool> row = statement.Step();
  if (!row) return row.status();
  if (!*row) return std::optional<Row>();
  return std::optional<Row>(read(statement));
}

// The first column as an integer: a row reader for ids and counts.
[[nodiscard]] inline std::int64_t FirstColumnInt(const Statement& s) { return s.Int(0); }

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_STATEMENT_H_
