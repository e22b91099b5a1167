#include "registry/review_queue.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <span>
#include <string_view>
#include <utility>

#include "registry/detail/name_search_sql.h"
#include "registry/detail/office_scope_sql.h"
#include "registry/name_search.h"
#include "registry/statement.h"

namespace badgewatch::registry {

namespace {

// Every statement binds ?1 unit, ?2 region, ?3 office subtree prefix, ?4 the
// office whose own units alone count ('' for any), ?5 and ?6 the submission
// times (inclusive), ?7 the search as an FTS5 phrase and ?8 as a LIKE
// pattern (registry/name_search.h), ?9 and ?10 the applications' states,
// ?11 the domains', ?12 the payments', ?13 the renewals' (NULL: not that
// kind), then ?14 limit and ?15 offset for a page.
//
// Each kind is one arm of a UNION ALL. A queue of waiting rows compares the
// state for equality, so that an arm reads its newest rows from its
// (state, time) index and the merge of the arms stops after the page; the
// list of every state ('' binds any) reads each arm by its time index. A
// search is a statement of its own, whose arms read the ids the name
// indexes find. A kind left out binds NULL, a constant condition that
// empties the arm before it reads a row.
// clang-format off
#define BADGEWATCH_IN_UNIT_SCOPE(t)                                                       \
  t ".unit_id IN (SELECT u.id FROM units AS u WHERE u.region_code = ?2 AND (?3 = '' OR "   \
  BADGEWATCH_UNIT_IN_OFFICE_SQL("?3") ") AND (?4 = '' OR " BADGEWATCH_UNIT_DIVISION_SQL("u.") " = ?4))"
#define BADGEWATCH_ANY_UNITS(t) "(?2 = '' OR " BADGEWATCH_IN_UNIT_SCOPE(t) ")"
#define BADGEWATCH_SCOPED_UNITS(t) "?2 <> '' AND " BADGEWATCH_IN_UNIT_SCOPE(t)
#define BADGEWATCH_QUEUE_SCOPE(t, time, units)                                            \
  " AND (?1 = 0 OR " t ".unit_id = ?1) AND " units(t) " AND " time " BETWEEN ?5 AND ?6 "
#define BADGEWATCH_UNITS_NAMED BADGEWATCH_UNITS_NAMED_SQL("?7", "?8")
#define BADGEWATCH_APPLICATIONS_SEARCHED                                                  \
  " AND a.id IN (" BADGEWATCH_SITES_NAMED_SQL("?7", "?8") " UNION ALL SELECT aa.id FROM "  \
  "applications AS aa WHERE aa.unit_id IN (" BADGEWATCH_UNITS_NAMED "))"
#define BADGEWATCH_DOMAINS_SEARCHED \
  " AND d.id IN (" BADGEWATCH_DOMAIN_ROWS_SEARCHED_SQL("?7", "?8") ")"
#define BADGEWATCH_PAYMENTS_SEARCHED " AND p.unit_id IN (" BADGEWATCH_UNITS_NAMED ")"
#define BADGEWATCH_RENEWALS_SEARCHED                                                      \
  " AND r.id IN (SELECT rd.renewal_id FROM renewal_domains AS rd WHERE rd.domain_id IN ("  \
  BADGEWATCH_DOMAINS_NAMED_SQL("?7", "?8") ") UNION ALL SELECT rr.id FROM renewals AS rr " \
  "WHERE rr.unit_id IN (" BADGEWATCH_UNITS_NAMED "))"
#define BADGEWATCH_NOT_SEARCHED " AND ?7 = '' AND ?8 = ''"

#define BADGEWATCH_APPLICATION_ARM(units, state, searched)                                        \
  "SELECT 'application' AS kind, a.id AS id, a.unit_id AS unit_id, a.created_at AS "       \
  "submitted_at, a.state AS state, (SELECT json_extract(ar.form_json, '$.site_name') FROM " \
  "application_revisions AS ar WHERE ar.application_id = a.id AND ar.revision = a.revision) " \
  "AS asked, 0 AS amount_fen FROM applications AS a WHERE ?9 IS NOT NULL AND " state       \
  BADGEWATCH_QUEUE_SCOPE("a", "a.created_at", units) searched
#define BADGEWATCH_DOMAIN_ARM(units, state, searched)                                             \
  "SELECT 'domain', d.id, d.unit_id, d.created_at, d.state, d.name, 0 FROM domains AS d "  \
  "WHERE ?11 IS NOT NULL AND " state BADGEWATCH_QUEUE_SCOPE("d", "d.created_at", units) searched
#define BADGEWATCH_PAYMENT_ARM(units, state, searched)                                            \
  "SELECT 'payment', p.id, p.unit_id, p.recorded_at, p.state, CAST(p.amount_fen AS TEXT), " \
  "p.amount_fen FROM payments AS p WHERE ?12 IS NOT NULL AND " state                        \
  BADGEWATCH_QUEUE_SCOPE("p", "p.recorded_at", units) searched
#define BADGEWATCH_RENEWAL_ARM(units, state, searched)                                            \
  "SELECT 'renewal', r.id, r.unit_id, r.created_at, r.state, CAST(r.years AS TEXT), "      \
  "r.fee_fen FROM renewals AS r WHERE ?13 IS NOT NULL AND " state                           \
  BADGEWATCH_QUEUE_SCOPE("r", "r.created_at", units) searched

#define BADGEWATCH_QUEUE_ARMS(arm, units, app, domain, payment, renewal, a_s, d_s, p_s, r_s) \
  arm(BADGEWATCH_APPLICATION_ARM(units, app, a_s)) " UNION ALL "                           \
  arm(BADGEWATCH_DOMAIN_ARM(units, domain, d_s)) " UNION ALL "                             \
  arm(BADGEWATCH_PAYMENT_ARM(units, payment, p_s)) " UNION ALL "                           \
  arm(BADGEWATCH_RENEWAL_ARM(units, renewal, r_s))
#define BADGEWATCH_AS_IS(arm) arm
#define BADGEWATCH_COUNTED(arm) "SELECT count(*) AS n FROM (" arm ") AS c"
#define BADGEWATCH_QUEUE_PAGE(...)                                                         \
  "SELECT q.kind, q.id, q.unit_id, u.name, u.region_code, " BADGEWATCH_UNIT_DIVISION_SQL("u.") \
  ", q.submitted_at, q.state, q.asked, q.amount_fen FROM ("                                \
  BADGEWATCH_QUEUE_ARMS(BADGEWATCH_AS_IS, BADGEWATCH_ANY_UNITS, __VA_ARGS__)                                     \
  " ORDER BY submitted_at DESC, id DESC, kind LIMIT ?14 OFFSET ?15) AS q "                 \
  "JOIN units AS u ON u.id = q.unit_id ORDER BY q.submitted_at DESC, q.id DESC, q.kind"
#define BADGEWATCH_QUEUE_COUNT(units, ...) \
  "SELECT sum(n) FROM (" BADGEWATCH_QUEUE_ARMS(BADGEWATCH_COUNTED, units, __VA_ARGS__) ") AS counts"

#define BADGEWATCH_WAITING_STATES \
  "a.state IN (?9, ?10)", "d.state = ?11", "p.state = ?12", "r.state = ?13"
#define BADGEWATCH_ANY_STATES                                                   \
  "(?9 = '' OR a.state IN (?9, ?10))", "(?11 = '' OR d.state = ?11)",           \
  "(?12 = '' OR p.state = ?12)", "(?13 = '' OR r.state = ?13)"
#define BADGEWATCH_SEARCHED                                                     \
  BADGEWATCH_APPLICATIONS_SEARCHED, BADGEWATCH_DOMAINS_SEARCHED,                \
  BADGEWATCH_PAYMENTS_SEARCHED, BADGEWATCH_RENEWALS_SEARCHED
#define BADGEWATCH_UNSEARCHED \
  BADGEWATCH_NOT_SEARCHED, BADGEWATCH_NOT_SEARCHED, BADGEWATCH_NOT_SEARCHED, BADGEWATCH_NOT_SEARCHED
#define BADGEWATCH_EXPAND(macro, ...) macro(__VA_ARGS__)
// clang-format on

// By [searched][waiting]: the statements of a page and of a count.
constexpr const char* kQueuePages[2][2] = {
    {BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_PAGE, BADGEWATCH_ANY_STATES, BADGEWATCH_UNSEARCHED),
     BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_PAGE, BADGEWATCH_WAITING_STATES, BADGEWATCH_UNSEARCHED)},
    {BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_PAGE, BADGEWATCH_ANY_STATES, BADGEWATCH_SEARCHED),
     BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_PAGE, BADGEWATCH_WAITING_STATES, BADGEWATCH_SEARCHED)}};
// By [scoped to a region's units][searched][waiting]: the statements of a
// count. A scoped count reads the units' rows from the (unit, time) and
// (state, unit, time) indexes alone.
#define BADGEWATCH_QUEUE_COUNTS(units)                                                \
  {                                                                                   \
    {BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_COUNT, units, BADGEWATCH_ANY_STATES,          \
                       BADGEWATCH_UNSEARCHED),                                        \
     BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_COUNT, units, BADGEWATCH_WAITING_STATES,      \
                       BADGEWATCH_UNSEARCHED)},                                       \
    {                                                                                 \
      BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_COUNT, units, BADGEWATCH_ANY_STATES,         \
                        BADGEWATCH_SEARCHED),                                         \
          BADGEWATCH_EXPAND(BADGEWATCH_QUEUE_COUNT, units, BADGEWATCH_WAITING_STATES, \
                            BADGEWATCH_SEARCHED)                                      \
    }                                                                                 \
  }
constexpr const char* kQueueCounts[2][2][2] = {BADGEWATCH_QUEUE_COUNTS(BADGEWATCH_ANY_UNITS),
                                               BADGEWATCH_QUEUE_COUNTS(BADGEWATCH_SCOPED_UNITS)};
#undef BADGEWATCH_QUEUE_COUNTS

#undef BADGEWATCH_EXPAND
#undef BADGEWATCH_UNSEARCHED
#undef BADGEWATCH_SEARCHED
#undef BADGEWATCH_ANY_STATES
#undef BADGEWATCH_WAITING_STATES
#undef BADGEWATCH_QUEUE_COUNT
#undef BADGEWATCH_QUEUE_PAGE
#undef BADGEWATCH_COUNTED
#undef BADGEWATCH_AS_IS
#undef BADGEWATCH_QUEUE_ARMS
#undef BADGEWATCH_RENEWAL_ARM
#undef BADGEWATCH_PAYMENT_ARM
#undef BADGEWATCH_DOMAIN_ARM
#undef BADGEWATCH_APPLICATION_ARM
#undef BADGEWATCH_NOT_SEARCHED
#undef BADGEWATCH_RENEWALS_SEARCHED
#undef BADGEWATCH_PAYMENTS_SEARCHED
#undef BADGEWATCH_DOMAINS_SEARCHED
#undef BADGEWATCH_APPLICATIONS_SEARCHED
#undef BADGEWATCH_UNITS_NAMED
#undef BADGEWATCH_QUEUE_SCOPE
#undef BADGEWATCH_SCOPED_UNITS
#undef BADGEWATCH_ANY_UNITS
#undef BADGEWATCH_IN_UNIT_SCOPE

// The states an arm binds: up to two for applications, one for the others;
// nullopt leaves the kind out, "" (listing every state) takes any.
struct ArmStates {
  std::array<std::optional<std::string>, 2> application;
  std::optional<std::string> domain, payment, renewal;
};

// The states waiting for `role` (header comment).
ArmStates WaitingFor(Role role) {
  switch (role) {
    case Role::kRegional:
      return {{"submitted", "initial-passed"}, "submitted", std::nullopt, std::nullopt};
    case Role::kConac:
      return {
          {"materials-received", "regional-passed"}, "regional-passed", "recorded", "submitted"};
    case Role::kUnit:
      return {{"rejected", std::nullopt}, "rejected", std::nullopt, "submitted"};
  }
  return {};
}

bool Knows(std::span<const char* const> states, const std::string& state) {
  return std::find(states.begin(), states.end(), state) != states.end();
}

// Narrows one arm's states to `state` ("" keeps them).
std::optional<std::string> OnlyState(const std::optional<std::string>& arm,
                                     const std::string& state) {
  if (!arm || state.empty()) return arm;
  if (arm->empty() || *arm == state) return state;
  return std::nullopt;
}

ArmStates StatesOf(const QueueFilter& f) {
  ArmStates arms;
  if (f.awaiting_only) {
    arms = WaitingFor(f.role);
  } else {
    arms = {{"", std::nullopt}, "", "", ""};
    // A state names the kinds that have it; the others are left out.
    if (!f.state.empty()) {
      if (!Knows(kApplicationStates, f.state)) arms.application[0].reset();
      if (!Knows(kDomainStates, f.state)) arms.domain.reset();
      if (!Knows(kPaymentStates, f.state)) arms.payment.reset();
      if (!Knows(kRenewalStates, f.state)) arms.renewal.reset();
    }
  }
  if (!f.state.empty()) {
    // The second application state survives only when it is the one asked.
    std::optional<std::string> first = OnlyState(arms.application[0], f.state);
    std::optional<std::string> second = OnlyState(arms.application[1], f.state);
    arms.application = {first ? first : second, std::nullopt};
    arms.domain = OnlyState(arms.domain, f.state);
    arms.payment = OnlyState(arms.payment, f.state);
    arms.renewal = OnlyState(arms.renewal, f.state);
  }
  if (!f.kind.empty()) {
    if (f.kind != "application") arms.application = {std::nullopt, std::nullopt};
    if (f.kind != "domain") arms.domain.reset();
    if (f.kind != "payment") arms.payment.reset();
    if (f.kind != "renewal") arms.renewal.reset();
  }
  return arms;
}

SqlValue Bound(const std::optional<std::string>& state) {
  return state ? SqlValue(std::string_view(*state)) : SqlValue(nullptr);
}

// The statement for the filter, with everything bound (and the window, for a
// page).
Result<Statement> QueueStatement(Database& db, const QueueFilter& f, const RowWindow* window) {
  // Offices lie in their region: the unit scope is read from the region's
  // units. A regional office's waiting rows are those of its own level.
  const std::string region =
      f.region_code.empty()
          ? f.office_prefix.substr(0, std::min<std::size_t>(2, f.office_prefix.size()))
          : f.region_code;
  const int scoped = region.empty() ? 0 : 1;
  const int searched = f.search.empty() ? 0 : 1;
  const int waiting = f.awaiting_only ? 1 : 0;
  Result<Statement> s =
      db.Prepare(window ? kQueuePages[searched][waiting] : kQueueCounts[scoped][searched][waiting]);
  if (!s) return s.status();
  const ArmStates arms = StatesOf(f);
  const NameSearch search = NameSearchOf(f.search);
  std::string own_office;
  if (f.awaiting_only && f.role == Role::kRegional && !f.office_prefix.empty()) {
    own_office = f.office_prefix;
    own_office.resize(6, '0');
  }
  const std::int64_t from = f.submitted_from.value_or(std::numeric_limits<std::int64_t>::min());
  const std::int64_t to = f.submitted_to.value_or(std::numeric_limits<std::int64_t>::max());
  const std::int64_t limit = window ? window->limit : 0;
  const std::int64_t offset = window ? window->offset : 0;
  Status bound =
      window ? s->Bind({f.unit_id, std::string_view(region), std::string_view(f.office_prefix),
                        std::string_view(own_office), from, to, std::string_view(search.fts_phrase),
                        std::string_view(search.like_pattern), Bound(arms.application[0]),
                        Bound(arms.application[1]), Bound(arms.domain), Bound(arms.payment),
                        Bound(arms.renewal), limit, offset})
             : s->Bind({f.unit_id, std::string_view(region), std::string_view(f.office_prefix),
                        std::string_view(own_office), from, to, std::string_view(search.fts_phrase),
                        std::string_view(search.like_pattern), Bound(arms.application[0]),
                        Bound(arms.application[1]), Bound(arms.domain), Bound(arms.payment),
                        Bound(arms.renewal)});
  if (!bound.ok()) return bound;
  return s;
}

// "3 years: a.政务, b.政务" for a renewal of `years` of those domains.
std::string RenewalAsked(const std::string& years, const std::vector<std::string>& domains) {
  return fmt::format("{} {}: {}", years, years == "1" ? "year" : "years", fmt::join(domains, ", "));
}

}  // namespace

Result<std::int64_t> CountQueueRows(Database& db, const QueueFilter& filter) {
  Result<Statement> s = QueueStatement(db, filter, nullptr);
  if (!s) return s.status();
  Result<std::optional<std::int64_t>> count = FirstRow(*s, FirstColumnInt);
  if (!count) return count.status();
  return count->value_or(0);
}

Result<std::vector<QueueRow>> ListQueueRows(Database& db, const QueueFilter& filter,
                                            const RowWindow& window) {
  Result<Statement> s = QueueStatement(db, filter, &window);
  if (!s) return s.status();
  Result<std::vector<QueueRow>> rows = CollectRows(*s, [](const Statement& row) {
    return QueueRow{row.Text(0),
                    row.Int(1),
                    {row.Int(2), row.Text(3), row.Text(4)},
                    row.Text(5),
                    row.Int(6),
                    row.Text(7),
                    row.OptText(8).value_or(""),
                    row.Int(9),
                    0,
                    {}};
  });
  if (!rows) return rows;
  // A renewal asks for its years of its domains.
  std::vector<std::int64_t> renewals;
  for (const QueueRow& row : *rows) {
    if (row.kind == "renewal") renewals.push_back(row.id);
  }
  Result<std::vector<std::vector<std::string>>> names = RenewedDomainNames(db, renewals);
  if (!names) return names.status();
  std::size_t next = 0;
  for (QueueRow& row : *rows) {
    if (row.kind != "renewal") continue;
    row.renewal_years = std::atoi(row.asked.c_str());
    row.renewed_domains = (*names)[next++];
    row.asked = RenewalAsked(row.asked, row.renewed_domains);
  }
  return rows;
}

}  // namespace badgewatch::registry
