#include "registry/domain_queries.h"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "registry/detail/name_search_sql.h"
#include "registry/detail/office_scope_sql.h"
#include "registry/name_search.h"
#include "registry/statement.h"

namespace badgewatch::registry {

namespace {

// Every list binds ?1 state, ?2 unit, ?3 region, ?4 and ?6 the search
// (domains only: an FTS5 phrase and a LIKE pattern, registry/name_search.h),
// ?5 office subtree prefix, then ?7 limit and ?8 offset; an empty or zero
// filter does not narrow. The unit conditions are uncorrelated subqueries,
// read once per statement, so counting needs no join and a list joins units
// only for the rows it shows. A search of the domains is a statement of its
// own, reading the ids the name indexes find.
// clang-format off
#define BADGEWATCH_IN_UNITS(table, where) \
  " " table ".unit_id IN (SELECT u.id FROM units AS u WHERE " where ")"
#define BADGEWATCH_UNIT_SCOPE(table)                                               \
  "(?1 = '' OR " table ".state = ?1) AND (?2 = 0 OR " table ".unit_id = ?2) "      \
  "AND (?3 = '' OR" BADGEWATCH_IN_UNITS(table, "u.region_code = ?3") ") "         \
  "AND (?5 = '' OR" BADGEWATCH_IN_UNITS(table, BADGEWATCH_UNIT_IN_OFFICE_SQL("?5")) ") "
#define BADGEWATCH_WORK_SCOPE(table) BADGEWATCH_UNIT_SCOPE(table) "AND ?4 = '' AND ?6 = '' "
#define BADGEWATCH_SEARCHED_SCOPE(table) \
  BADGEWATCH_UNIT_SCOPE(table) "AND d.id IN (" BADGEWATCH_DOMAIN_ROWS_SEARCHED_SQL("?4", "?6") ") "
#define BADGEWATCH_DOMAIN_LIST(scope)                                                  \
  "SELECT d.id, d.unit_id, d.name, d.ascii_name, d.state, d.years, d.registered_at, "  \
  "d.expires_at, d.created_at, u.name, u.region_code, d.submitted_at, d.reason "       \
  "FROM domains AS d "                                                                 \
  "JOIN units AS u ON u.id = d.unit_id WHERE " scope "ORDER BY d.id DESC LIMIT ?7 OFFSET ?8"
// clang-format on

// By searched (0, 1).
constexpr const char* kCountDomains[2] = {
    "SELECT count(*) FROM domains AS d WHERE " BADGEWATCH_WORK_SCOPE("d"),
    "SELECT count(*) FROM domains AS d WHERE " BADGEWATCH_SEARCHED_SCOPE("d")};
constexpr const char* kListDomains[2] = {BADGEWATCH_DOMAIN_LIST(BADGEWATCH_WORK_SCOPE("d")),
                                         BADGEWATCH_DOMAIN_LIST(BADGEWATCH_SEARCHED_SCOPE("d"))};

// Payments and renewals have no name of their own: the search ?4 and ?6 are
// named only to keep the numbering (any text passes).
#define BADGEWATCH_NAMELESS_SCOPE(table) \
  BADGEWATCH_UNIT_SCOPE(table) "AND ?4 IS NOT NULL AND ?6 IS NOT NULL "

constexpr char kCountPayments[] =
    "SELECT count(*) FROM payments AS p WHERE " BADGEWATCH_NAMELESS_SCOPE("p");
constexpr char kListPayments[] =
    "SELECT p.id, p.unit_id, u.name, u.region_code, p.amount_fen, p.bank_reference, p.state, "
    "p.recorded_at, p.confirmed_at FROM payments AS p JOIN units AS u ON u.id = p.unit_id "
    "WHERE " BADGEWATCH_NAMELESS_SCOPE("p") "ORDER BY p.id DESC LIMIT ?7 OFFSET ?8";

constexpr char kCountRenewals[] =
    "SELECT count(*) FROM renewals AS r WHERE " BADGEWATCH_NAMELESS_SCOPE("r");
constexpr char kListRenewals[] =
    "SELECT r.id, r.unit_id, u.name, u.region_code, r.years, r.fee_fen, r.state, r.created_at, "
    "r.completed_at FROM renewals AS r JOIN units AS u ON u.id = r.unit_id "
    "WHERE " BADGEWATCH_NAMELESS_SCOPE("r") "ORDER BY r.id DESC LIMIT ?7 OFFSET ?8";
constexpr char kRenewedDomains[] =
    "SELECT d.name FROM renewal_domains AS rd JOIN domains AS d ON d.id = rd.domain_id "
    "WHERE rd.renewal_id = ? ORDER BY d.id";

#undef BADGEWATCH_DOMAIN_LIST
#undef BADGEWATCH_SEARCHED_SCOPE
#undef BADGEWATCH_WORK_SCOPE
#undef BADGEWATCH_UNIT_SCOPE
#undef BADGEWATCH_NAMELESS_SCOPE
#undef BADGEWATCH_IN_UNITS

// The statement with the filter (and the window, for a list) bound.
Result<Statement> Filtered(Database& db, const char* sql, const WorkFilter& f,
                           const RowWindow* window) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  const NameSearch search = NameSearchOf(f.search);
  Status bound =
      window == nullptr
          ? s->Bind({std::string_view(f.state), f.unit_id, std::string_view(f.region_code),
                     std::string_view(search.fts_phrase), std::string_view(f.office_prefix),
                     std::string_view(search.like_pattern)})
          : s->Bind({std::string_view(f.state), f.unit_id, std::string_view(f.region_code),
                     std::string_view(search.fts_phrase), std::string_view(f.office_prefix),
                     std::string_view(search.like_pattern), window->limit, window->offset});
  if (!bound.ok()) return bound;
  return s;
}

Result<std::int64_t> Count(Database& db, const char* sql, const WorkFilter& filter) {
  Result<Statement> s = Filtered(db, sql, filter, nullptr);
  if (!s) return s.status();
  Result<std::optional<std::int64_t>> count = FirstRow(*s, FirstColumnInt);
  if (!count) return count.status();
  return count->value_or(0);
}

// Every row of a list, each read by `read(statement)`.
template <typename Read>
auto Rows(Database& db, const char* sql, const WorkFilter& filter, const RowWindow& window,
          Read read) -> decltype(CollectRows(std::declval<Statement&>(), read)) {
  Result<Statement> s = Filtered(db, sql, filter, &window);
  if (!s) return s.status();
  return CollectRows(*s, read);
}

}  // namespace

Result<std::int64_t> CountDomainRows(Database& db, const WorkFilter& filter) {
  return Count(db, kCountDomains[filter.search.empty() ? 0 : 1], filter);
}

Result<std::vector<DomainRow>> ListDomainRows(Database& db, const WorkFilter& filter,
                                              const RowWindow& window) {
  return Rows(db, kListDomains[filter.search.empty() ? 0 : 1], filter, window,
              [](const Statement& s) {
                DomainRow row;
                row.domain.id = s.Int(0);
                row.domain.unit_id = s.Int(1);
                row.domain.name = s.Text(2);
                row.domain.ascii_name = s.Text(3);
                row.domain.state = s.Text(4);
                row.domain.years = static_cast<int>(s.Int(5));
                row.domain.registered_at = s.OptInt(6);
                row.domain.expires_at = s.OptInt(7);
                row.created_at = s.Int(8);
                row.unit = {s.Int(1), s.Text(9), s.Text(10)};
                row.domain.submitted_at = s.Int(11);
                row.domain.reason = s.Text(12);
                return row;
              });
}

Result<std::int64_t> CountPaymentRows(Database& db, const WorkFilter& filter) {
  return Count(db, kCountPayments, filter);
}

Result<std::vector<PaymentRow>> ListPaymentRows(Database& db, const WorkFilter& filter,
                                                const RowWindow& window) {
  return Rows(db, kListPayments, filter, window, [](const Statement& s) {
    return PaymentRow{
        s.Int(0),   {s.Int(1), s.Text(2), s.Text(3)}, s.Int(4), s.Text(5), s.Text(6), s.Int(7),
        s.OptInt(8)};
  });
}

Result<std::int64_t> CountRenewalRows(Database& db, const WorkFilter& filter) {
  return Count(db, kCountRenewals, filter);
}

Result<std::vector<RenewalRow>> ListRenewalRows(Database& db, const WorkFilter& filter,
                                                const RowWindow& window) {
  Result<std::vector<RenewalRow>> rows =
      Rows(db, kListRenewals, filter, window, [](const Statement& s) {
        return RenewalRow{s.Int(0),
                          {s.Int(1), s.Text(2), s.Text(3)},
                          static_cast<int>(s.Int(4)),
                          s.Int(5),
                          s.Text(6),
                          s.Int(7),
                          s.OptInt(8),
                          {}};
      });
  if (!rows) return rows;
  std::vector<std::int64_t> ids;
  for (const RenewalRow& row : *rows) ids.push_back(row.id);
  Result<std::vector<std::vector<std::string>>> names = RenewedDomainNames(db, ids);
  if (!names) return names.status();
  for (std::size_t i = 0; i < rows->size(); ++i) (*rows)[i].domains = std::move((*names)[i]);
  return rows;
}

Result<std::vector<std::vector<std::string>>> RenewedDomainNames(
    Database& db, const std::vector<std::int64_t>& renewal_ids) {
  std::vector<std::vector<std::string>> all;
  if (renewal_ids.empty()) return all;
  Result<Statement> names = db.Prepare(kRenewedDomains);
  if (!names) return names.status();
  for (std::int64_t id : renewal_ids) {
    if (Status b = names->Bind({id}); !b.ok()) return b;
    Result<std::vector<std::string>> renewed =
        CollectRows(*names, [](const Statement& s) { return s.Text(0); });
    if (!renewed) return renewed.status();
    all.push_back(std::move(renewed).value());
  }
  return all;
}

}  // namespace badgewatch::registry
