// 域名缴费管理 as a web page, /payments, for each role of 附件二 第三步 and
// 附件三 第三步: the unit sees what it owes per domain and renewal, CONAC's
// bank account (right of it, as the procedure says), its balance and what it
// still needs, its payments and invoices; the regional admin records a
// payment received from a unit of its office (the invoice goes to the unit's
// registered address); CONAC confirms the funds, which pays what the balance
// covers. The same registry calls and authorisation as the JSON API.
#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/service/list_page.h"
#include "api/web/domain_messages.h"
#include "api/web/domain_page_parts.h"
#include "api/web/pages.h"
#include "foundation/beijing_time.h"
#include "foundation/html_markup.h"
#include "registry/domain_account.h"
#include "registry/domain_queries.h"
#include "registry/domain_terms.h"
#include "registry/domains.h"
#include "registry/units.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using registry::Actor;
using registry::Role;

// Rows of the staff's payment list per screen.
constexpr std::int64_t kPaymentsPerScreen = 50;
// The most due rows read to offer the units that owe in the record form.
constexpr std::int64_t kMostOwingRows = 2'000;

std::string_view P(const PageViewer& viewer, DomainText text) {
  return DomainMessage(text, viewer.language);
}

std::string YuanHtml(const PageViewer& viewer, std::int64_t fen) {
  return fmt::format("<span class=\"amount\">{}</span>",
                     viewer.Fill(P(viewer, DomainText::kYuan), registry::YuanText(fen)).html());
}

// "300", "300.5", "300.50" as fen; nullopt for anything else or not above 0.
std::optional<std::int64_t> ParseYuan(std::string_view text) {
  std::int64_t fen = 0;
  int decimals = -1;
  for (char c : text) {
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9' || decimals >= 2 || fen > 100'000'000'00) return std::nullopt;
    fen = fen * 10 + (c - '0');
    if (decimals >= 0) ++decimals;
  }
  if (text.empty() || decimals == 0) return std::nullopt;
  for (int d = std::max(decimals, 0); d < 2; ++d) fen *= 10;
  if (fen <= 0) return std::nullopt;
  return fen;
}

// ---- the unit ----

std::string BankAccountAside(const PageViewer& viewer, const registry::DomainTerms& terms,
                             const registry::Unit& unit) {
  std::string html = fmt::format("<aside class=\"bank\" id=\"bank-account\">\n<h2>{}</h2>\n",
                                 P(viewer, DomainText::kBankAccountTitle));
  const registry::BankAccount& bank = terms.bank_account;
  if (!bank.configured()) {
    html += fmt::format("<p class=\"message warning\">{}</p>\n",
                        P(viewer, DomainText::kBankNotConfigured));
  } else {
    html += fmt::format(
        "<dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt>"
        "<dd class=\"account-number\">{}</dd></dl>\n",
        P(viewer, DomainText::kAccountName), HtmlEscape(bank.account_name),
        P(viewer, DomainText::kBank), HtmlEscape(bank.bank), P(viewer, DomainText::kAccountNumber),
        HtmlEscape(bank.account_number));
  }
  html += fmt::format(
      "<p class=\"muted\">{}</p>\n<p class=\"muted\">{}</p>\n</aside>\n",
      viewer.Fill(P(viewer, DomainText::kFeePerYear), registry::YuanText(terms.fee_per_year_fen))
          .html(),
      viewer.Fill(P(viewer, DomainText::kTransferNote), unit.fields.address).html());
  return html;
}

std::string DueTable(const PageViewer& viewer, const registry::DomainAccount& account) {
  std::string html = fmt::format(
      "<section id=\"due\">\n<h2>{}</h2>\n<p>{}</p>\n", P(viewer, DomainText::kDueTitle),
      viewer
          .Fill(P(viewer, DomainText::kBalance),
                foundation::Markup::Trusted(YuanHtml(viewer, account.balance_fen)))
          .html());
  if (account.due.empty()) {
    return html + fmt::format("<p class=\"empty\">{}</p>\n</section>\n",
                              P(viewer, DomainText::kNothingDue));
  }
  std::string rows;
  for (const registry::DueItem& item : account.due) {
    std::string names;
    for (const std::string& name : item.domain_names) {
      if (!names.empty()) names += "、";
      names += HtmlEscape(name);
    }
    rows += fmt::format(
        "<tr data-due=\"{}-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        HtmlEscape(item.kind), item.id,
        P(viewer, item.kind == "renewal" ? DomainText::kDueRenewal : DomainText::kDueDomain), names,
        viewer.Fill(P(viewer, DomainText::kYearsOption), item.years).html(),
        YuanHtml(viewer, item.fee_fen), HtmlEscape(foundation::FormatBeijingTime(item.created_at)));
  }
  html += fmt::format(
      "<table>\n<thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n"
      "<tbody>\n{}</tbody>\n<tfoot><tr><th colspan=\"3\">{}</th><th>{}</th><th></th></tr>"
      "</tfoot>\n</table>\n",
      P(viewer, DomainText::kDomains), P(viewer, DomainText::kYears), P(viewer, DomainText::kFee),
      P(viewer, DomainText::kSubmittedAt), rows, P(viewer, DomainText::kDueTotal),
      YuanHtml(viewer, account.due_fen));
  if (account.shortfall_fen > 0) {
    html += fmt::format(
        "<p class=\"message warning\" id=\"shortfall\">{}</p>\n",
        viewer.Fill(P(viewer, DomainText::kShortfall), registry::YuanText(account.shortfall_fen))
            .html());
  }
  return html + "</section>\n";
}

std::string UnitPaymentsTable(const PageViewer& viewer,
                              const std::vector<registry::PaymentRow>& payments) {
  std::string rows;
  for (const registry::PaymentRow& p : payments) {
    rows += fmt::format(
        "<tr data-payment=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        p.id, YuanHtml(viewer, p.amount_fen), HtmlEscape(p.bank_reference),
        PaymentStatePill(viewer, p.state), HtmlEscape(foundation::FormatBeijingTime(p.recorded_at)),
        p.confirmed_at ? HtmlEscape(foundation::FormatBeijingTime(*p.confirmed_at)) : "—");
  }
  return TableSection("payments", P(viewer, DomainText::kPaymentsList),
                      P(viewer, DomainText::kNoPayments),
                      {P(viewer, DomainText::kAmount), P(viewer, DomainText::kBankReference),
                       viewer.T(WebText::kState), P(viewer, DomainText::kRecordedOn),
                       P(viewer, DomainText::kConfirmedOn)},
                      rows);
}

std::string InvoicesTable(const PageViewer& viewer,
                          const std::vector<registry::InvoiceRow>& invoices) {
  std::string rows;
  for (const registry::InvoiceRow& i : invoices) {
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        YuanHtml(viewer, i.amount_fen), HtmlEscape(i.mailing_address),
                        HtmlEscape(foundation::FormatBeijingTime(i.mailed_at)));
  }
  return TableSection("invoices", P(viewer, DomainText::kInvoices),
                      P(viewer, DomainText::kNoInvoices),
                      {P(viewer, DomainText::kAmount), P(viewer, DomainText::kMailingAddress),
                       P(viewer, DomainText::kMailedOn)},
                      rows);
}

HttpResponse UnitFeesPage(const PageViewer& viewer, const RegistryAccess& access,
                          registry::Database& db) {
  Result<registry::Unit> unit = registry::LoadUnit(db, viewer.actor->unit_id);
  if (!unit) return ErrorPage(viewer, http::status::internal_server_error);
  const registry::DomainTerms& terms = DomainTermsOf(access);
  Result<registry::DomainAccount> account = registry::LoadDomainAccount(db, terms, unit->id);
  if (!account) return ErrorPage(viewer, http::status::internal_server_error);
  const std::string body =
      fmt::format("<div class=\"split\">\n<div>\n{}{}{}</div>\n{}</div>\n",
                  DueTable(viewer, *account), UnitPaymentsTable(viewer, account->payments),
                  InvoicesTable(viewer, account->invoices), BankAccountAside(viewer, terms, *unit));
  return HtmlPage(viewer, http::status::ok,
                  {std::string(P(viewer, DomainText::kPaymentsTitle)), body});
}

// ---- the offices and CONAC ----

// The units of the viewer's scope with something due, and how much, by name.
Result<std::map<std::int64_t, std::pair<std::string, std::int64_t>>> UnitsOwing(
    registry::Database& db, const registry::WorkFilter& scope, const registry::DomainTerms& terms) {
  std::map<std::int64_t, std::pair<std::string, std::int64_t>> owing;
  registry::WorkFilter filter = scope;
  filter.state = "conac-passed";
  Result<std::vector<registry::DomainRow>> domains =
      registry::ListDomainRows(db, filter, {0, kMostOwingRows});
  if (!domains) return domains.status();
  for (const registry::DomainRow& row : *domains) {
    auto& [name, fen] = owing[row.unit.id];
    name = row.unit.name;
    fen += terms.fee_per_year_fen * row.domain.years;
  }
  filter.state = "submitted";
  Result<std::vector<registry::RenewalRow>> renewals =
      registry::ListRenewalRows(db, filter, {0, kMostOwingRows});
  if (!renewals) return renewals.status();
  for (const registry::RenewalRow& row : *renewals) {
    auto& [name, fen] = owing[row.unit.id];
    name = row.unit.name;
    fen += row.fee_fen;
  }
  return owing;
}

std::string RecordPaymentForm(const PageViewer& viewer, registry::Database& db,
                              const registry::WorkFilter& scope, const registry::DomainTerms& terms,
                              const FormFields& values) {
  std::string html = fmt::format(
      "<section id=\"record-payment\">\n<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
      P(viewer, DomainText::kRecordPaymentTitle), P(viewer, DomainText::kRecordPaymentHelp));
  Result<std::map<std::int64_t, std::pair<std::string, std::int64_t>>> owing =
      UnitsOwing(db, scope, terms);
  if (!owing) return html + "</section>\n";
  if (owing->empty()) {
    return html + fmt::format("<p class=\"empty\">{}</p>\n</section>\n",
                              P(viewer, DomainText::kNoUnitsOwing));
  }
  const std::string_view chosen = values.Get("unit_id").value_or("");
  std::string options =
      fmt::format("<option value=\"\">{}</option>", P(viewer, DomainText::kPickUnit));
  for (const auto& [id, owed] : *owing) {
    const std::string value = std::to_string(id);
    options += fmt::format(
        "<option value=\"{}\"{}>{}</option>", value, value == chosen ? " selected" : "",
        viewer.Fill(P(viewer, DomainText::kUnitOwes), owed.first, registry::YuanText(owed.second))
            .html());
  }
  return html + fmt::format(
                    "<form method=\"post\" action=\"/payments\" class=\"stack\">{}"
                    "<label>{}<select name=\"unit_id\" required>{}</select></label>"
                    "<div class=\"row\"><label>{}<input type=\"text\" name=\"amount\" value=\"{}\" "
                    "required inputmode=\"decimal\" maxlength=\"14\"></label>"
                    "<label>{}<input type=\"text\" name=\"bank_reference\" value=\"{}\" required "
                    "maxlength=\"64\"></label></div>"
                    "<div><button type=\"submit\">{}</button></div></form>\n</section>\n",
                    CsrfField(viewer), P(viewer, DomainText::kPayingUnit), options,
                    P(viewer, DomainText::kAmount), HtmlEscape(values.Get("amount").value_or("")),
                    P(viewer, DomainText::kBankReference),
                    HtmlEscape(values.Get("bank_reference").value_or("")),
                    P(viewer, DomainText::kRecordPaymentButton));
}

std::string StaffPaymentsTable(const PageViewer& viewer,
                               const std::vector<registry::PaymentRow>& payments) {
  std::string rows;
  const bool conac = viewer.actor->role == Role::kConac;
  for (const registry::PaymentRow& p : payments) {
    const std::string confirm =
        conac && p.state == "recorded"
            ? ButtonForm(viewer, fmt::format("/payments/{}/confirmation", p.id),
                         P(viewer, DomainText::kConfirmFundsButton))
            : "";
    rows += fmt::format(
        "<tr data-payment=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td></tr>\n",
        p.id, HtmlEscape(p.unit.name), YuanHtml(viewer, p.amount_fen), HtmlEscape(p.bank_reference),
        PaymentStatePill(viewer, p.state), HtmlEscape(foundation::FormatBeijingTime(p.recorded_at)),
        p.confirmed_at ? HtmlEscape(foundation::FormatBeijingTime(*p.confirmed_at)) : "—", confirm);
  }
  return fmt::format(
      "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th></th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
      viewer.T(WebText::kUnit), P(viewer, DomainText::kAmount),
      P(viewer, DomainText::kBankReference), viewer.T(WebText::kState),
      P(viewer, DomainText::kRecordedOn), P(viewer, DomainText::kConfirmedOn), rows);
}

HttpResponse StaffFeesPage(const PageViewer& viewer, const RegistryAccess& access,
                           registry::Database& db, http::status status, std::string notice_html,
                           const FormFields& values) {
  registry::WorkFilter scope;
  if (!NarrowToScope(*viewer.actor, scope.unit_id, scope.region_code, scope.office_prefix)) {
    return ErrorPage(viewer, http::status::not_found);
  }
  ListPage screen = ReadListPage(viewer.route->query);
  if (!screen.error.ok()) {
    return ErrorPage(viewer, http::status::bad_request,
                     HtmlEscape(screen.error.message(viewer.language)));
  }
  screen.per_page = kPaymentsPerScreen;
  if (notice_html.empty() && viewer.route->query.Has("recorded")) {
    notice_html = StatusMessageHtml("ok", HtmlEscape(P(viewer, DomainText::kPaymentRecorded)));
  }
  if (notice_html.empty() && viewer.route->query.Has("confirmed")) {
    notice_html = StatusMessageHtml("ok", HtmlEscape(P(viewer, DomainText::kFundsConfirmed)));
  }
  std::string body = notice_html;
  if (viewer.actor->role == Role::kRegional) {
    body += RecordPaymentForm(viewer, db, scope, DomainTermsOf(access), values);
  }
  Result<std::int64_t> total = registry::CountPaymentRows(db, scope);
  if (!total) return ErrorPage(viewer, http::status::internal_server_error);
  Result<std::vector<registry::PaymentRow>> payments =
      registry::ListPaymentRows(db, scope, {screen.Offset(), screen.per_page});
  if (!payments) return ErrorPage(viewer, http::status::internal_server_error);
  const std::int64_t screens =
      std::max<std::int64_t>(1, (*total + kPaymentsPerScreen - 1) / kPaymentsPerScreen);
  body +=
      fmt::format("<section id=\"payments\">\n<h2>{}</h2>\n", P(viewer, DomainText::kAllPayments));
  body += payments->empty()
              ? fmt::format("<p class=\"empty\">{}</p>\n", P(viewer, DomainText::kNoPayments))
              : StaffPaymentsTable(viewer, *payments) +
                    PagerHtml(viewer, "/payments?", screen.page, screens);
  body += "</section>\n";
  return HtmlPage(viewer, status, {std::string(P(viewer, DomainText::kPaymentsTitle)), body});
}

HttpResponse FeesPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role == Role::kUnit) return UnitFeesPage(viewer, access, db);
    return StaffFeesPage(viewer, access, db, http::status::ok, "", {});
  });
}

HttpResponse RecordPaymentPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role != Role::kRegional) return ErrorPage(viewer, http::status::forbidden);
    const FormFields posted = ParseFormFields(route.request.body());
    const std::optional<std::int64_t> unit_id = ParseRecordId(posted.Get("unit_id").value_or(""));
    const std::optional<std::int64_t> fen = ParseYuan(posted.Get("amount").value_or(""));
    if (!unit_id) return ErrorPage(viewer, http::status::bad_request);
    if (!fen) {
      return StaffFeesPage(
          viewer, access, db, http::status::bad_request,
          StatusMessageHtml("error", HtmlEscape(P(viewer, DomainText::kAmountInvalid))), posted);
    }
    // A unit outside the office's subtree is as absent as one that does not exist.
    Result<registry::Unit> unit = registry::LoadUnit(db, *unit_id);
    if (!unit || !MaySeeUnit(*viewer.actor, unit->id, unit->fields.division_code)) {
      return ErrorPage(viewer, http::status::not_found);
    }
    RegistryWriter::Lease writer = access.writer->Acquire();
    Result<std::int64_t> id =
        registry::RecordPayment(writer.registry(), *viewer.actor, unit->id, *fen,
                                std::string(posted.Get("bank_reference").value_or("")));
    if (id) return SeeOther(route, fmt::format("/payments?recorded={}", *id));
    if (id.status().code() == StatusCode::kStorage) {
      return ErrorPage(viewer, http::status::internal_server_error);
    }
    return StaffFeesPage(
        viewer, access, writer.registry().writer(), HttpStatusFor(id.status().code()),
        StatusMessageHtml("error", HtmlEscape(id.status().message(viewer.language))), posted);
  });
}

HttpResponse ConfirmFundsPage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database&) {
    if (viewer.actor->role != Role::kConac) return ErrorPage(viewer, http::status::forbidden);
    const std::optional<std::int64_t> id = ParseRecordId(route.PathParam("id"));
    if (!id) return ErrorPage(viewer, http::status::not_found);
    RegistryWriter::Lease writer = access.writer->Acquire();
    const Status s = registry::ConfirmPayment(writer.registry(), *viewer.actor, *id);
    if (s.ok()) return SeeOther(route, fmt::format("/payments?confirmed={}", *id));
    if (s.code() == StatusCode::kStorage) {
      return ErrorPage(viewer, http::status::internal_server_error);
    }
    return StaffFeesPage(viewer, access, writer.registry().writer(), HttpStatusFor(s.code()),
                         StatusMessageHtml("error", HtmlEscape(s.message(viewer.language))), {});
  });
}

}  // namespace

void AddPaymentPages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/payments", BindRegistryRoute(access, &FeesPage));
  router.Add(http::verb::post, "/payments", BindRegistryRoute(access, &RecordPaymentPage));
  router.Add(http::verb::post, "/payments/{id}/confirmation",
             BindRegistryRoute(access, &ConfirmFundsPage));
}

}  // namespace badgewatch::api
