#include "registry/csv_table.h"

#include <fmt/format.h>

namespace badgewatch::registry {

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<CsvTable> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row{1, {}};
  std::string field;
  std::size_t line = 1;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field started with a quote
  bool row_has_data = false;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    const bool blank = row.fields.size() == 1 && row.fields[0].empty() && !row_has_data;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{line + 1, {}};
    row_has_data = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || was_quoted) {
        return Status(StatusCode::kInvalidArgument,
                      fmt::format("line {}: a quote inside an unquoted field", line));
      }
      quoted = was_quoted = row_has_data = true;
    } else if (c == ',') {
      row_has_data = true;
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_row();
      ++line;
    } else {
      field += c;
    }
  }
  if (quoted) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("line {}: a quoted field is never closed", row.line));
  }
  if (!field.empty() || !row.fields.empty() || was_quoted) end_row();
  CsvTable table;
  if (rows.empty()) return Status(StatusCode::kInvalidArgument, "the CSV has no header line");
  table.header = std::move(rows.front().fields);
  rows.erase(rows.begin());
  table.rows = std::move(rows);
  return table;
}

std::string CsvField(std::string_view value) {
  const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!needs_quotes) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace badgewatch::registry
