#include "registry/site_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <sstream>

#include "registry/audit_log.h"
#include "registry/badges.h"
#include "registry/chinese_domain_names.h"
#include "registry/csv_table.h"
#include "registry/field_validation.h"
#include "registry/registry_errors.h"
#include "registry/sites.h"
#include "registry/transaction.h"
#include "registry/unit_names.h"
#include "registry/units.h"

namespace badgewatch::registry {
namespace {

enum Column {
  kKind,
  kRegion,
  kCategory,
  kUnitName,
  kAddress,
  kHandlerName,
  kMobile,
  kEmail,
  kUnitNumber,
  kSiteName,
  kEnglishDomain,
  kChineseDomain,
  kHostedOnPlatform,
  kIps,
  kIntroduction,
  kBadgeId,
  kColumnCount,
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "kind",
    "region",
    "system_category",
    "unit_name",
    "address",
    "handler_name",
    "mobile",
    "email",
    "unit_number",
    "site_name",
    "english_domain",
    "chinese_domain",
    "hosted_on_platform",
    "ips",
    "introduction",
    "badge_id",
};

constexpr char kExport[] =
    "SELECT u.kind, u.region_code, u.system_category, u.name, u.address, u.handler_name, "
    "u.mobile, u.email, u.unit_number, s.name, s.english_domain, s.chinese_domain, "
    "s.hosted_on_platform, s.ips, s.introduction, b.id FROM units AS u "
    "LEFT JOIN sites AS s ON s.unit_id = u.id LEFT JOIN badges AS b ON b.site_id = s.id "
    "ORDER BY u.id, s.id";

std::optional<std::string> Optional(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// The column positions of the header; kInvalidArgument for a missing or
// unknown column.
Result<std::array<std::size_t, kColumnCount>> MapColumns(const std::vector<std::string>& header) {
  std::array<std::size_t, kColumnCount> positions{};
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    const auto at = std::find(header.begin(), header.end(), kColumnNames[c]);
    if (at == header.end()) {
      return Error<errors::kCsvMissingColumn>(kColumnNames[c]);
    }
    positions[c] = static_cast<std::size_t>(at - header.begin());
  }
  for (const std::string& name : header) {
    if (!IsImportColumn(name)) {
      return Error<errors::kCsvUnknownColumn>(name);
    }
  }
  return positions;
}

class RowImporter {
 public:
  RowImporter(Registry& registry, ImportReport& report) : registry_(registry), report_(report) {}

  // Writes one row; an error is a message for the report.
  Status Import(const std::vector<std::string>& row) {
    Database& db = registry_.writer();
    const std::optional<UnitKind> kind = ParseUnitKind(row[kKind]);
    if (!kind) {
      return Error<errors::kImportKindUnknown>(row[kKind]);
    }
    UnitFields unit{*kind,
                    row[kRegion],
                    row[kCategory],
                    row[kUnitName],
                    row[kAddress],
                    row[kHandlerName],
                    row[kMobile],
                    row[kEmail],
                    Optional(row[kUnitNumber]),
                    ""};
    std::optional<BadgeIdParts> badge;
    if (!row[kBadgeId].empty()) {
      Result<BadgeIdParts> parts = ParseBadgeId(row[kBadgeId]);
      if (!parts) return parts.status();
      if (parts->region != unit.region_code) {
        return Error<errors::kImportBadgeRegion>(row[kBadgeId], parts->region, unit.region_code);
      }
      if (!unit.unit_number) unit.unit_number = parts->unit_number;
      if (parts->unit_number != *unit.unit_number) {
        return Error<errors::kImportBadgeUnit>(row[kBadgeId], parts->unit_number,
                                               *unit.unit_number);
      }
      badge = *parts;
    }
    Result<std::int64_t> unit_id = FindOrInsertUnit(db, unit);
    if (!unit_id) return unit_id.status();
    if (row[kSiteName].empty()) {
      if (badge) return Error<errors::kImportBadgeNeedsSite>();
      return Status::Ok();
    }
    Result<SiteFields> site = SiteOf(row, *kind);
    if (!site) return site.status();
    std::optional<int> sequence;
    if (badge) sequence = badge->sequence;
    Result<std::int64_t> site_id = InsertSite(db, *unit_id, *site, sequence, registry_.Now());
    if (!site_id) return site_id.status();
    ++report_.sites_created;
    if (badge) return RecordExistingBadge(db, *site_id, row[kBadgeId], registry_.Now());
    return Status::Ok();
  }

 private:
  Result<std::int64_t> FindOrInsertUnit(Database& db, const UnitFields& unit) {
    Result<std::optional<std::int64_t>> found = FindUnitByName(db, unit.region_code, unit.name);
    if (!found) return found.status();
    if (*found) return **found;
    Result<std::int64_t> id = InsertUnit(db, unit, registry_.Now());
    if (id) ++report_.units_created;
    return id;
  }

  static Result<SiteFields> SiteOf(const std::vector<std::string>& row, UnitKind kind) {
    SiteFields site;
    site.name = row[kSiteName];
    site.english_domain = Optional(row[kEnglishDomain]);
    site.chinese_domain = Optional(row[kChineseDomain]);
    const std::string& hosted = row[kHostedOnPlatform];
    if (hosted != "" && hosted != "0" && hosted != "1") {
      return Error<errors::kImportHostedFlag>(hosted);
    }
    site.hosted_on_platform = hosted == "1";
    site.ips = SplitIps(row[kIps]);
    site.introduction = row[kIntroduction];
    if (!site.hosted_on_platform || site.english_domain) {
      Status english = ValidateEnglishDomain(site.english_domain.value_or(""),
                                             kind == UnitKind::kPartyGovernment);
      if (!english.ok()) return english;
    }
    if (site.chinese_domain) {
      if (Result<std::string> a = ValidateChineseDomain(*site.chinese_domain, kind); !a) {
        return a.status();
      }
    }
    for (const std::string& ip : site.ips) {
      if (Status s = ValidateIpAddress(ip); !s.ok()) return s;
    }
    if (Status s = ValidateIntroduction(site.introduction); !s.ok()) return s;
    return site;
  }

  Registry& registry_;
  ImportReport& report_;
};

}  // namespace

bool IsImportColumn(std::string_view name) {
  return std::find(kColumnNames.begin(), kColumnNames.end(), name) != kColumnNames.end();
}

Result<ImportReport> ImportUnitsAndSites(Registry& registry, std::istream& csv,
                                         const ImportProgress& progress) {
  CsvReader reader(csv);
  CsvRow csv_row;
  Result<bool> has_header = reader.Next(csv_row);
  if (!has_header) return has_header.status();
  if (!*has_header) return Error<errors::kCsvNoHeader>();
  const std::vector<std::string> header = std::move(csv_row.fields);
  Result<std::array<std::size_t, kColumnCount>> columns = MapColumns(header);
  if (!columns) return columns.status();
  ImportReport report;
  Database& db = registry.writer();
  Result<Transaction> txn = Transaction::Begin(db);
  if (!txn) return txn.status();
  // Every row looks its unit up by name: by an index of the names' keys, not
  // by reading the region's names each time. Gone with a rollback.
  if (Status s = IndexUnitNames(db); !s.ok()) return s;
  RowImporter importer(registry, report);
  const auto record_error = [&report](std::size_t line, std::string message) {
    ++report.invalid_rows;
    if (report.errors.size() < kMaxReportedErrors) report.errors.push_back({line, message});
  };
  std::vector<std::string> row(kColumnCount);
  for (;;) {
    Result<bool> more = reader.Next(csv_row);
    if (!more) return more.status();  // the transaction rolls back
    if (!*more) break;
    ++report.rows;
    if (csv_row.fields.size() != header.size()) {
      record_error(csv_row.line, fmt::format("{} fields, the header has {}", csv_row.fields.size(),
                                             header.size()));
      continue;
    }
    for (std::size_t c = 0; c < kColumnCount; ++c) row[c] = csv_row.fields[(*columns)[c]];
    Status s = importer.Import(row);
    if (s.code() == StatusCode::kStorage) return s;
    if (!s.ok()) record_error(csv_row.line, s.message());
    if (progress) progress(report.rows);
  }
  if (report.invalid_rows > 0) {
    report.units_created = report.sites_created = 0;
    return report;  // the transaction rolls back
  }
  Status audited = registry.Audit({"cli", "registry.import", "registry",
                                   fmt::format("{} rows, {} units, {} sites", report.rows,
                                               report.units_created, report.sites_created)});
  if (!audited.ok()) return audited;
  if (Status s = DropUnitNameIndex(db); !s.ok()) return s;
  if (Status s = txn->Commit(); !s.ok()) return s;
  report.committed = true;
  return report;
}

Result<ImportReport> ImportUnitsAndSites(Registry& registry, std::string_view csv,
                                         const ImportProgress& progress) {
  std::istringstream in{std::string(csv)};
  return ImportUnitsAndSites(registry, in, progress);
}

Result<std::string> ExportUnitsAndSites(Database& db) {
  std::string out;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    if (c > 0) out += ',';
    out += kColumnNames[c];
  }
  out += '\n';
  Result<Statement> s = db.Prepare(kExport);
  if (!s) return s.status();
  for (;;) {
    Result<bool> row = s->Step();
    if (!row) return row.status();
    if (!*row) return out;
    for (int c = 0; c < kColumnCount; ++c) {
      if (c > 0) out += ',';
      std::string value = s->Text(c);
      if (c == kKind) value = std::string(UnitKindLabel(ParseUnitKind(value).value()));
      if (c == kHostedOnPlatform && s->IsNull(c)) value.clear();
      out += CsvField(value);
    }
    out += '\n';
  }
}

}  // namespace badgewatch::registry
