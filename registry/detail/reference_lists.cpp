#include "registry/detail/reference_lists.h"

#include <string>

#include "registry/csv_table.h"
#include "registry/detail/reference_lists_data.h"  // generated from data/*.csv
#include "registry/registry_errors.h"

namespace badgewatch::registry::detail {
namespace {

constexpr char kInsertRegion[] = "INSERT OR IGNORE INTO regions (code, name) VALUES (?, ?)";
constexpr char kInsertCategory[] = "INSERT OR IGNORE INTO system_categories (name) VALUES (?)";
constexpr char kInsertDivision[] =
    "INSERT OR IGNORE INTO divisions (code, name, parent_code) VALUES (?, ?, ?)";

// Inserts the first `columns` fields of every row of `csv` with `sql`.
Status InsertRows(Database& db, const char* csv, const char* sql, std::size_t columns) {
  Result<CsvTable> table = ParseCsv(csv);
  if (!table) return table.status();
  Result<Statement> insert = db.Prepare(sql);
  if (!insert) return insert.status();
  for (const CsvRow& row : table->rows) {
    if (row.fields.size() < columns) {
      return Error<errors::kReferenceRowShort>();
    }
    Status bound =
        columns == 2 ? insert->Bind({row.fields[0], row.fields[1]}) : insert->Bind({row.fields[0]});
    if (!bound.ok()) return bound;
    if (Status s = insert->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status SeedDivisions(Database& db) {
  std::string csv;
  for (const char* part : kDivisionsCsvParts) csv += part;
  Result<CsvTable> table = ParseCsv(csv);
  if (!table) return table.status();
  Result<Statement> insert = db.Prepare(kInsertDivision);
  if (!insert) return insert.status();
  for (const CsvRow& row : table->rows) {
    if (row.fields.size() < 3) return Error<errors::kDivisionRowShort>();
    const SqlValue parent =
        row.fields[2].empty() ? SqlValue(nullptr) : SqlValue(std::string_view(row.fields[2]));
    if (Status b = insert->Bind({row.fields[0], row.fields[1], parent}); !b.ok()) return b;
    if (Status s = insert->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status SeedReferenceLists(Database& db) {
  if (Status s = InsertRows(db, kRegionsCsv, kInsertRegion, 2); !s.ok()) return s;
  return InsertRows(db, kSystemCategoriesCsv, kInsertCategory, 1);
}

}  // namespace badgewatch::registry::detail
