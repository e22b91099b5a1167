#include "registry/domain_account.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "registry/statement.h"
#include "registry/units.h"

namespace badgewatch::registry {
namespace {

constexpr char kDueDomains[] =
    "SELECT id, name, years, submitted_at FROM domains "
    "WHERE unit_id = ? AND state = 'conac-passed' ORDER BY id";
constexpr char kDueRenewals[] =
    "SELECT id, years, fee_fen, created_at FROM renewals "
    "WHERE unit_id = ? AND state = 'submitted' ORDER BY id";
constexpr char kDueRenewalNames[] =
    "SELECT d.name FROM renewal_domains AS rd JOIN domains AS d ON d.id = rd.domain_id "
    "WHERE rd.renewal_id = ? ORDER BY d.id";
constexpr char kUnitInvoices[] =
    "SELECT id, payment_id, amount_fen, mailing_address, mailed_at FROM invoices "
    "WHERE unit_id = ? ORDER BY id DESC";

template <typename Read>
auto RowsOfUnit(Database& db, const char* sql, std::int64_t unit_id, Read read)
    -> decltype(CollectRows(std::declval<Statement&>(), read)) {
  Result<Statement> s = db.Prepare(sql);
  if (!s) return s.status();
  if (Status b = s->Bind({unit_id}); !b.ok()) return b;
  return CollectRows(*s, read);
}

}  // namespace

Result<DomainAccount> LoadDomainAccount(Database& db, const DomainTerms& terms,
                                        std::int64_t unit_id) {
  Result<Unit> unit = LoadUnit(db, unit_id);
  if (!unit) return unit.status();
  DomainAccount account;
  account.balance_fen = unit->balance_fen;
  Result<std::vector<DueItem>> domains =
      RowsOfUnit(db, kDueDomains, unit_id, [&terms](const Statement& s) {
        const int years = static_cast<int>(s.Int(2));
        return DueItem{"domain", s.Int(0), {s.Text(1)}, years, terms.fee_per_year_fen * years,
                       s.Int(3)};
      });
  if (!domains) return domains.status();
  Result<std::vector<DueItem>> renewals =
      RowsOfUnit(db, kDueRenewals, unit_id, [](const Statement& s) {
        return DueItem{"renewal", s.Int(0), {}, static_cast<int>(s.Int(1)), s.Int(2), s.Int(3)};
      });
  if (!renewals) return renewals.status();
  for (DueItem& renewal : *renewals) {
    Result<std::vector<std::string>> names =
        RowsOfUnit(db, kDueRenewalNames, renewal.id, [](const Statement& s) { return s.Text(0); });
    if (!names) return names.status();
    renewal.domain_names = std::move(names).value();
  }
  account.due = std::move(domains).value();
  account.due.insert(account.due.end(), renewals->begin(), renewals->end());
  std::stable_sort(account.due.begin(), account.due.end(), [](const DueItem& a, const DueItem& b) {
    return std::tie(a.created_at, a.kind, a.id) < std::tie(b.created_at, b.kind, b.id);
  });
  for (const DueItem& item : account.due) account.due_fen += item.fee_fen;
  account.shortfall_fen = std::max<std::int64_t>(0, account.due_fen - account.balance_fen);
  WorkFilter filter;
  filter.unit_id = unit_id;
  Result<std::vector<PaymentRow>> payments = ListPaymentRows(db, filter, RowWindow{});
  if (!payments) return payments.status();
  account.payments = std::move(payments).value();
  Result<std::vector<InvoiceRow>> invoices =
      RowsOfUnit(db, kUnitInvoices, unit_id, [](const Statement& s) {
        return InvoiceRow{s.Int(0), s.Int(1), s.Int(2), s.Text(3), s.Int(4)};
      });
  if (!invoices) return invoices.status();
  account.invoices = std::move(invoices).value();
  return account;
}

}  // namespace badgewatch::registry
