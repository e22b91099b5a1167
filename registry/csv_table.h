// RFC 4180 CSV: parse a whole text into rows (quoted fields may hold commas,
// quotes and newlines), and quote one field for output. Pure functions, any
// thread.
#ifndef BADGEWATCH_REGISTRY_CSV_TABLE_H_
#define BADGEWATCH_REGISTRY_CSV_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "registry/status.h"

namespace badgewatch::registry {

struct CsvRow {
  std::size_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // without the header; blank lines skipped

  // Index of `name` in the header, or -1.
  [[nodiscard]] int Column(std::string_view name) const;
};

// Parses `text` (UTF-8, optional BOM, LF or CRLF). The first row is the
// header. Fails with kInvalidArgument naming the line for an unterminated
// quote or a stray quote inside an unquoted field.
[[nodiscard]] Result<CsvTable> ParseCsv(std::string_view text);

// The field as written in a CSV file: quoted when it holds a comma, a quote,
// CR or LF, or leading/trailing spaces.
[[nodiscard]] std::string CsvField(std::string_view value);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_CSV_TABLE_H_
