// RFC 4180 CSV: read a stream row by row, or parse a whole text into rows
// (quoted fields may hold commas, quotes and newlines), and quote one field
// for output. The text must be UTF-8 without NUL bytes. Pure functions, any
// thread; a CsvReader belongs to one thread.
#ifndef BADGEWATCH_REGISTRY_CSV_TABLE_H_
#define BADGEWATCH_REGISTRY_CSV_TABLE_H_

#include <array>
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"

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

// Reads rows from a stream (UTF-8, optional BOM, LF or CRLF), holding only
// the row being read, whatever the size of the file.
//
// Example:
//   CsvReader reader(file);
//   CsvRow row;
//   for (Result<bool> more = reader.Next(row); more && *more; more = reader.Next(row)) ...
class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // The next row into `row` (blank lines are skipped): true, or false at the
  // end. Fails with kInvalidArgument naming the line for an unterminated
  // quote, a stray quote inside an unquoted field, a NUL byte or bytes that
  // are not UTF-8; the reader is then spent.
  [[nodiscard]] Result<bool> Next(CsvRow& row);

 private:
  // The next byte, or -1 at the end of the stream.
  int Get();
  int Peek();
  // Refuses NUL and what is not UTF-8, byte by byte.
  Status CheckByte(unsigned char byte);

  std::istream& in_;
  std::array<char, 65536> buffer_{};
  std::size_t size_ = 0;
  std::size_t at_ = 0;
  bool started_ = false;
  std::size_t line_ = 1;
  int continuation_bytes_ = 0;              // still to come in this UTF-8 sequence
  unsigned char low_ = 0x80, high_ = 0xBF;  // the range the next continuation byte may take
  Status failed_;
};

// Parses `text` with a CsvReader. The first row is the header; fails like
// CsvReader::Next, or when there is no header row.
[[nodiscard]] Result<CsvTable> ParseCsv(std::string_view text);

// The field as written in a CSV file: quoted when it holds a comma, a quote,
// CR or LF, or leading/trailing spaces.
[[nodiscard]] std::string CsvField(std::string_view value);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_CSV_TABLE_H_
