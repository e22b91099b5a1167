#include "registry/statement.h"

#include <sqlite3.h>

#include <string>

#include "registry/detail/sqlite_error.h"

namespace badgewatch::registry {

SqlValue OptionalText(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return std::string_view(*text);
}

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

Status Statement::Bind(std::initializer_list<SqlValue> values) {
  // Reset's return code repeats the last step's error, already reported there.
  (void)sqlite3_reset(stmt_.get());
  if (int rc = sqlite3_clear_bindings(stmt_.get()); rc != SQLITE_OK) {
    return detail::SqliteStatus(db_, rc, "clear bindings");
  }
  int index = 1;
  for (const SqlValue& value : values) {
    int rc = SQLITE_OK;
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(stmt_.get(), index, *number);
    } else if (const auto* text = std::get_if<std::string_view>(&value)) {
      rc = sqlite3_bind_text64(stmt_.get(), index, text->data(), text->size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt_.get(), index);
    }
    if (rc != SQLITE_OK) return detail::SqliteStatus(db_, rc, "bind");
    ++index;
  }
  return Status::Ok();
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return detail::SqliteStatus(db_, rc, "step");
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row) return row.status();
    if (!*row) return Status::Ok();
  }
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  const int bytes = sqlite3_column_bytes(stmt_.get(), column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::optional<std::string> Statement::OptText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<std::int64_t> Statement::OptInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

}  // namespace badgewatch::registry
