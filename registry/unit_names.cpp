#include "registry/unit_names.h"

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace badgewatch::registry {
namespace {

constexpr char kFindExact[] = "SELECT id FROM units WHERE region_code = ? AND name = ?";
constexpr char kRegionNames[] = "SELECT id, name FROM units WHERE region_code = ? ORDER BY id";
constexpr char kCreateIndex[] =
    "CREATE TEMP TABLE unit_name_keys (region_code TEXT NOT NULL, name_key TEXT NOT NULL, "
    "unit_id INTEGER NOT NULL, PRIMARY KEY (region_code, name_key)) WITHOUT ROWID";
constexpr char kAllNames[] = "SELECT id, region_code, name FROM units ORDER BY id";
constexpr char kInsertKey[] =
    "INSERT OR IGNORE INTO temp.unit_name_keys (region_code, name_key, unit_id) VALUES (?, ?, ?)";
constexpr char kFindKey[] =
    "SELECT unit_id FROM temp.unit_name_keys WHERE region_code = ? AND name_key = ?";
constexpr char kDropIndex[] = "DROP TABLE IF EXISTS temp.unit_name_keys";

bool IsZeroWidth(UChar32 c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }

// Whether IndexUnitNames is in force on `db`: a look at the connection's
// schema, no statement (it is asked several times a row of an import).
bool IndexInForce(Database& db) {
  return sqlite3_table_column_metadata(db.handle(), "temp", "unit_name_keys", nullptr, nullptr,
                                       nullptr, nullptr, nullptr, nullptr) == SQLITE_OK;
}

Status InsertKey(Database& db, std::int64_t unit_id, std::string_view region_code,
                 std::string_view name) {
  Result<Statement> insert = db.Prepare(kInsertKey);
  if (!insert) return insert.status();
  if (Status b = insert->Bind({region_code, UnitNameKey(name), unit_id}); !b.ok()) return b;
  return insert->Run();
}

// The id the one-row query `sql` with `region_code` and `name` answers.
Result<std::optional<std::int64_t>> FindOne(Database& db, const char* sql,
                                            std::string_view region_code, std::string_view name) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind({region_code, name}); !b.ok()) return b;
  return FirstRow(*s, FirstColumnInt);
}

}  // namespace

std::string UnitNameKey(std::string_view name) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (text.indexOf(static_cast<UChar>(0xFFFD)) >= 0) return std::string(name);  // not UTF-8
  icu::UnicodeString visible;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (!IsZeroWidth(c)) visible.append(c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString normal = visible;
  if (U_SUCCESS(status) && nfkc != nullptr) {
    icu::UnicodeString normalized = nfkc->normalize(visible, status);
    if (U_SUCCESS(status)) normal = normalized;
  }
  icu::UnicodeString folded;
  for (int32_t i = 0; i < normal.length();) {
    const UChar32 c = normal.char32At(i);
    i += U16_LENGTH(c);
    if (IsZeroWidth(c)) continue;  // NFKC can make none, but stay sure
    folded.append(u_charType(c) == U_SPACE_SEPARATOR ? UChar32{0x20} : c);
  }
  std::string key;
  folded.toUTF8String(key);
  return key;
}

Result<std::optional<std::int64_t>> FindUnitByName(Database& db, std::string_view region_code,
                                                   std::string_view name) {
  Result<std::optional<std::int64_t>> exact = FindOne(db, kFindExact, region_code, name);
  if (!exact || *exact) return exact;
  const std::string key = UnitNameKey(name);
  if (IndexInForce(db)) return FindOne(db, kFindKey, region_code, key);
  Result<Statement> names = db.Prepare(kRegionNames);
  if (!names) return names.status();
  if (Status b = names->Bind({region_code}); !b.ok()) return b;
  for (;;) {
    Result<bool> row = names->Step();
    if (!row) return row.status();
    if (!*row) return std::optional<std::int64_t>();
    if (UnitNameKey(names->Text(1)) == key) return std::optional<std::int64_t>(names->Int(0));
  }
}

Status IndexUnitNames(Database& db) {
  if (Status s = db.Exec(kCreateIndex); !s.ok()) return s;
  Result<Statement> all = db.Prepare(kAllNames);
  if (!all) return all.status();
  for (;;) {
    Result<bool> row = all->Step();
    if (!row) return row.status();
    if (!*row) return Status::Ok();
    if (Status s = InsertKey(db, all->Int(0), all->Text(1), all->Text(2)); !s.ok()) return s;
  }
}

Status DropUnitNameIndex(Database& db) { return db.Exec(kDropIndex); }

Status NoteUnitName(Database& db, std::int64_t unit_id, std::string_view region_code,
                    std::string_view name) {
  if (!IndexInForce(db)) return Status::Ok();
  return InsertKey(db, unit_id, region_code, name);
}

}  // namespace badgewatch::registry
