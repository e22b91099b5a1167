#include "api/service/domain_json.h"

#include <string>

#include "foundation/beijing_time.h"
#include "registry/workflow_labels.h"

namespace badgewatch::api {

nlohmann::json TimeJson(std::int64_t unix_seconds) {
  return foundation::BeijingRfc3339(unix_seconds);
}

nlohmann::json TimeJson(const std::optional<std::int64_t>& unix_seconds) {
  return unix_seconds ? TimeJson(*unix_seconds) : nlohmann::json(nullptr);
}

nlohmann::json DomainJson(const registry::Domain& d) {
  return {{"id", d.id},
          {"unit_id", d.unit_id},
          {"name", d.name},
          {"ascii_name", d.ascii_name},
          {"state", d.state},
          {"state_label", std::string(registry::StateWords(d.state).chinese)},
          {"years", d.years},
          {"submitted_at", TimeJson(d.submitted_at)},
          {"registered_at", TimeJson(d.registered_at)},
          {"expires_at", TimeJson(d.expires_at)},
          {"reason", d.reason}};
}

nlohmann::json RowUnitJson(const registry::RowUnit& unit) {
  return {{"id", unit.id}, {"name", unit.name}, {"region_code", unit.region_code}};
}

nlohmann::json PaymentJson(const registry::PaymentRow& row) {
  return {{"id", row.id},
          {"amount_fen", row.amount_fen},
          {"bank_reference", row.bank_reference},
          {"state", row.state},
          {"recorded_at", TimeJson(row.recorded_at)},
          {"confirmed_at", TimeJson(row.confirmed_at)},
          {"unit", RowUnitJson(row.unit)}};
}

nlohmann::json RenewalJson(const registry::Renewal& renewal) {
  nlohmann::json domains = nlohmann::json::array();
  for (const registry::RenewedDomain& d : renewal.domains) {
    domains.push_back({{"id", d.id},
                       {"name", d.name},
                       {"old_expires_at", TimeJson(d.old_expires_at)},
                       {"new_expires_at", TimeJson(d.new_expires_at)}});
  }
  return {{"id", renewal.id},
          {"unit_id", renewal.unit_id},
          {"years", renewal.years},
          {"fee_fen", renewal.fee_fen},
          {"state", renewal.state},
          {"submitted_at", TimeJson(renewal.created_at)},
          {"completed_at", TimeJson(renewal.completed_at)},
          {"domains", domains}};
}

nlohmann::json DomainRevisionsJson(const std::vector<registry::DomainRevision>& revisions) {
  nlohmann::json items = nlohmann::json::array();
  for (const registry::DomainRevision& r : revisions) {
    items.push_back({{"revision", r.revision},
                     {"name", r.name},
                     {"years", r.years},
                     {"reason", r.reason},
                     {"submitted_at", TimeJson(r.at)}});
  }
  return items;
}

nlohmann::json StepsJson(const std::vector<registry::ReviewStep>& steps) {
  nlohmann::json items = nlohmann::json::array();
  for (const registry::ReviewStep& s : steps) {
    items.push_back(
        {{"action", s.action},
         {"from_state", s.from_state},
         {"to_state", s.to_state},
         {"actor_account_id",
          s.actor_account_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.actor_account_id)},
         {"reason", s.reason},
         {"at", TimeJson(s.decided_at)}});
  }
  return items;
}

nlohmann::json DomainAccountJson(const registry::DomainAccount& account,
                                 const registry::DomainTerms& terms) {
  nlohmann::json due = nlohmann::json::array();
  for (const registry::DueItem& item : account.due) {
    due.push_back({{"kind", item.kind},
                   {"id", item.id},
                   {"domains", item.domain_names},
                   {"years", item.years},
                   {"fee_fen", item.fee_fen},
                   {"submitted_at", TimeJson(item.created_at)}});
  }
  nlohmann::json payments = nlohmann::json::array();
  for (const registry::PaymentRow& row : account.payments) payments.push_back(PaymentJson(row));
  nlohmann::json invoices = nlohmann::json::array();
  for (const registry::InvoiceRow& row : account.invoices) {
    invoices.push_back({{"id", row.id},
                        {"payment_id", row.payment_id},
                        {"amount_fen", row.amount_fen},
                        {"mailing_address", row.mailing_address},
                        {"mailed_at", TimeJson(row.mailed_at)}});
  }
  const registry::BankAccount& bank = terms.bank_account;
  return {
      {"balance_fen", account.balance_fen},
      {"due", due},
      {"due_fen", account.due_fen},
      {"shortfall_fen", account.shortfall_fen},
      {"payments", payments},
      {"invoices", invoices},
      {"fee_per_year_fen", terms.fee_per_year_fen},
      {"grace_days", terms.grace_days},
      {"bank_account", bank.configured() ? nlohmann::json{{"account_name", bank.account_name},
                                                          {"bank", bank.bank},
                                                          {"account_number", bank.account_number}}
                                         : nlohmann::json(nullptr)}};
}

}  // namespace badgewatch::api
