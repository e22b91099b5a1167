#include "registry/csv_table.h"

#include <fmt/format.h>

#include <sstream>

#include "registry/registry_errors.h"

namespace badgewatch::registry {

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

int CsvReader::Peek() {
  if (at_ == size_) {
    if (!in_) return -1;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    size_ = static_cast<std::size_t>(in_.gcount());
    at_ = 0;
    if (size_ == 0) return -1;
  }
  return static_cast<unsigned char>(buffer_[at_]);
}

int CsvReader::Get() {
  const int c = Peek();
  if (c >= 0) ++at_;
  return c;
}

Status CsvReader::CheckByte(unsigned char byte) {
  const auto refuse = [this](Localized what) { return Error<errors::kCsvNotUtf8>(line_, what); };
  if (continuation_bytes_ > 0) {
    if (byte < low_ || byte > high_)
      return refuse(Localized{"含有不是 UTF-8 的字节", "bytes that are not UTF-8"});
    --continuation_bytes_;
    low_ = 0x80;
    high_ = 0xBF;
    return Status::Ok();
  }
  if (byte == 0) return refuse(Localized{"含有 NUL 字节", "a NUL byte"});
  if (byte < 0x80) return Status::Ok();
  // The lead byte says how many continuation bytes follow and, for the first
  // of them, the range that keeps the sequence shortest and off surrogates.
  if (byte >= 0xC2 && byte <= 0xDF) {
    continuation_bytes_ = 1;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    continuation_bytes_ = 2;
    if (byte == 0xE0) low_ = 0xA0;
    if (byte == 0xED) high_ = 0x9F;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    continuation_bytes_ = 3;
    if (byte == 0xF0) low_ = 0x90;
    if (byte == 0xF4) high_ = 0x8F;
  } else {
    return refuse(Localized{"含有不是 UTF-8 的字节", "bytes that are not UTF-8"});
  }
  return Status::Ok();
}

Result<bool> CsvReader::Next(CsvRow& row) {
  if (!failed_.ok()) return failed_;
  const auto fail = [this](Status status) -> Result<bool> {
    failed_ = status;
    return status;
  };
  if (!started_) {
    started_ = true;
    if (Peek() == 0xEF && at_ + 3 <= size_ && buffer_[at_ + 1] == '\xBB' &&
        buffer_[at_ + 2] == '\xBF') {
      at_ += 3;
    }
  }
  row.line = line_;
  row.fields.clear();
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field started with a quote
  bool row_has_data = false;
  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  // Ends the row; true when it is not blank.
  const auto end_row = [&] {
    end_field();
    if (row.fields.size() == 1 && row.fields[0].empty() && !row_has_data) {
      row.fields.clear();
      row_has_data = false;
      return false;
    }
    return true;
  };
  for (int c = Get(); c >= 0; c = Get()) {
    if (Status s = CheckByte(static_cast<unsigned char>(c)); !s.ok()) return fail(s);
    if (quoted) {
      if (c == '"') {
        if (Peek() == '"') {
          field += '"';
          Get();
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || was_quoted) {
        return fail(Error<errors::kCsvStrayQuote>(line_));
      }
      quoted = was_quoted = row_has_data = true;
    } else if (c == ',') {
      row_has_data = true;
      end_field();
    } else if (c == '\r' && Peek() == '\n') {
      continue;
    } else if (c == '\n') {
      ++line_;
      if (end_row()) return true;
      row.line = line_;
    } else {
      field += static_cast<char>(c);
    }
  }
  if (continuation_bytes_ > 0) {
    return fail(Error<errors::kCsvBytesNotUtf8>(line_));
  }
  if (quoted) {
    return fail(Error<errors::kCsvUnclosedQuote>(row.line));
  }
  if (!field.empty() || !row.fields.empty() || was_quoted) {
    end_field();
    return true;
  }
  return false;
}

Result<CsvTable> ParseCsv(std::string_view text) {
  std::istringstream in{std::string(text)};
  CsvReader reader(in);
  CsvTable table;
  CsvRow row;
  Result<bool> header = reader.Next(row);
  if (!header) return header.status();
  if (!*header) return Error<errors::kCsvNoHeader>();
  table.header = std::move(row.fields);
  for (;;) {
    Result<bool> more = reader.Next(row);
    if (!more) return more.status();
    if (!*more) return table;
    table.rows.push_back(std::move(row));
  }
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
