// 待审核, /review: every kind of work waiting for the viewer's level in one
// list — site applications, Chinese domains, payments whose funds CONAC
// confirms, renewals awaiting payment — each row with the unit, its region,
// when it was submitted and what is asked, linked to the page where it is
// done. Filters (kind of work, state, region, submitted between, a search by
// unit, site or domain name, every state) and pages read the query exactly as
// GET /api/review-queue does, so a bad value is the same 400. Units get 403.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/service/review_queue_routes.h"
#include "api/web/domain_page_parts.h"
#include "api/web/pages.h"
#include "foundation/beijing_time.h"
#include "foundation/html_markup.h"
#include "registry/divisions.h"
#include "registry/review_queue.h"
#include "registry/site_applications.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;
using registry::Role;

constexpr std::int64_t kRowsPerScreen = 50;

// The filters the form sends, in its order (empty values are not filters).
constexpr std::string_view kFilterNames[] = {"kind", "state", "region", "from", "to", "q", "all"};

WebText KindText(std::string_view kind) {
  if (kind == "domain") return WebText::kQueueKindDomain;
  if (kind == "payment") return WebText::kQueueKindPayment;
  if (kind == "renewal") return WebText::kQueueKindRenewal;
  return WebText::kQueueKindApplication;
}

// A state as people read it, whichever kind of work it belongs to.
std::string StateText(const PageViewer& viewer, std::string_view kind, std::string_view state) {
  if (kind == "payment") return PaymentStatePill(viewer, state);
  if (kind == "renewal") return RenewalStatePill(viewer, state);
  const std::string_view tone = state == "badge-issued" || state == "registered" ? "pass"
                                : state == "rejected"                            ? "fail"
                                                                                 : "neutral";
  return fmt::format("<span class=\"pill {}\" data-state=\"{}\">{}</span>", tone, HtmlEscape(state),
                     HtmlEscape(StateLabel(state, viewer.language)));
}

// The query without its empty fields: what a submitted filter form means.
FormFields GivenFilters(const FormFields& query) {
  FormFields given;
  for (const auto& [name, value] : query.fields()) {
    if (!value.empty()) given.Add(name, value);
  }
  return given;
}

// "kind=domain&q=..." of the filters in force, for the pager's links.
std::string FilterQuery(const FormFields& given) {
  std::string query;
  for (std::string_view name : kFilterNames) {
    if (const auto value = given.Get(name)) {
      query += fmt::format("{}{}={}", query.empty() ? "" : "&", name, PercentEncode(*value));
    }
  }
  return query;
}

std::string Option(std::string_view value, std::string_view label, std::string_view chosen) {
  return fmt::format("<option value=\"{}\"{}>{}</option>", HtmlEscape(value),
                     value == chosen ? " selected" : "", HtmlEscape(label));
}

std::string FilterForm(const PageViewer& viewer, registry::Database& db, const FormFields& given) {
  const auto value = [&given](std::string_view name) { return given.Get(name).value_or(""); };
  std::string kinds = Option("", viewer.T(WebText::kQueueAllKinds), value("kind"));
  for (const char* kind : registry::kQueueKinds) {
    kinds += Option(kind, viewer.T(KindText(kind)), value("kind"));
  }
  std::string states = Option("", viewer.T(WebText::kQueueAllStates), value("state"));
  std::vector<std::string_view> seen;
  const auto add_states = [&](std::string_view kind, std::span<const char* const> list) {
    for (const char* state : list) {
      if (std::find(seen.begin(), seen.end(), state) != seen.end()) continue;
      seen.push_back(state);
      states += Option(state, WorkStateLabel(viewer, kind, state), value("state"));
    }
  };
  add_states("application", registry::kApplicationStates);
  add_states("domain", registry::kDomainStates);
  add_states("payment", registry::kPaymentStates);
  add_states("renewal", registry::kRenewalStates);
  std::string regions;
  // Only CONAC chooses a province; an office's queue is its own already.
  if (viewer.actor->role == Role::kConac) {
    regions = Option("", viewer.T(WebText::kQueueAllRegions), value("region"));
    if (Result<std::vector<registry::Division>> provinces = registry::ListChildDivisions(db, "")) {
      for (const registry::Division& p : *provinces) {
        regions += Option(p.code.substr(0, 2), p.name, value("region"));
      }
    }
    regions = fmt::format("<label>{}<select name=\"region\">{}</select></label>",
                          viewer.T(WebText::kRegion), regions);
  }
  return fmt::format(
      "<form method=\"get\" action=\"/review\" class=\"filters\" id=\"queue-filters\">"
      "<label>{}<select name=\"kind\">{}</select></label>"
      "<label>{}<select name=\"state\">{}</select></label>{}"
      "<label>{}<input type=\"date\" name=\"from\" value=\"{}\"></label>"
      "<label>{}<input type=\"date\" name=\"to\" value=\"{}\"></label>"
      "<label>{}<input type=\"search\" name=\"q\" value=\"{}\" maxlength=\"100\"></label>"
      "<label class=\"check\"><span><input type=\"checkbox\" name=\"all\" value=\"true\"{}> {}"
      "</span></label><button type=\"submit\">{}</button> <a href=\"/review\">{}</a></form>\n",
      viewer.T(WebText::kQueueKind), kinds, viewer.T(WebText::kState), states, regions,
      viewer.T(WebText::kQueueFrom), HtmlEscape(value("from")), viewer.T(WebText::kQueueTo),
      HtmlEscape(value("to")), viewer.T(WebText::kQueueSearch), HtmlEscape(value("q")),
      value("all") == "true" ? " checked" : "", viewer.T(WebText::kQueueShowAll),
      viewer.T(WebText::kQueueFilterButton), viewer.T(WebText::kQueueClear));
}

// Where the row's work is done.
std::string RowLink(const PageViewer& viewer, const registry::QueueRow& row) {
  if (row.kind == "application") {
    return fmt::format("<a href=\"/applications/{}\">{}</a>", row.id, viewer.T(WebText::kOpen));
  }
  if (row.kind == "domain") {
    return fmt::format("<a href=\"/domains/{}\">{}</a>", row.id, viewer.T(WebText::kOpen));
  }
  return fmt::format("<a href=\"/payments\">{}</a>", viewer.T(WebText::kOpen));
}

// What the row asks for, with the 域名冲突 mark on an application whose
// domain another unit's site carries.
std::string AskedHtml(const PageViewer& viewer, registry::Database& db,
                      const registry::QueueRow& row) {
  if (row.kind == "payment") {
    return fmt::format("<span class=\"amount\">{}</span>",
                       viewer.F(WebText::kQueueAmount, registry::YuanText(row.amount_fen)).html());
  }
  std::string html = HtmlEscape(row.asked);
  if (row.kind == "renewal") {
    std::string names;
    for (const std::string& name : row.renewed_domains) {
      names += (names.empty()                                 ? ""
                : viewer.language == ReportLanguage::kChinese ? "、"
                                                              : ", ") +
               HtmlEscape(name);
    }
    html =
        viewer.F(WebText::kQueueRenewalAsked, row.renewal_years, foundation::Markup::Trusted(names))
            .html();
    html += fmt::format(" <span class=\"amount muted\">{}</span>",
                        viewer.F(WebText::kQueueAmount, registry::YuanText(row.amount_fen)).html());
  }
  if (row.kind == "application" && row.state != "badge-issued") {
    if (Result<registry::ApplicationSummary> a = registry::LoadApplication(db, row.id)) {
      if (Result<std::vector<registry::DomainHolder>> holders =
              registry::ApplicationDomainConflicts(db, *a);
          holders && !holders->empty()) {
        html += fmt::format(" <span class=\"pill fail\" data-conflict=\"{}\">{}</span>", row.id,
                            viewer.T(WebText::kDomainConflictTitle));
      }
    }
  }
  return html;
}

std::string QueueTable(const PageViewer& viewer, registry::Database& db,
                       const std::vector<registry::QueueRow>& rows) {
  std::string html = fmt::format(
      "<table id=\"review-queue\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th><th></th></tr></thead>\n<tbody>\n",
      viewer.T(WebText::kQueueKind), viewer.T(WebText::kUnit), viewer.T(WebText::kRegion),
      viewer.T(WebText::kQueueSubmitted), viewer.T(WebText::kState),
      viewer.T(WebText::kQueueAsked));
  for (const registry::QueueRow& row : rows) {
    Result<std::string> region = registry::DivisionFullName(db, row.division_code);
    html += fmt::format(
        "<tr data-kind=\"{}\" data-id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
        HtmlEscape(row.kind), row.id, viewer.T(KindText(row.kind)), HtmlEscape(row.unit.name),
        HtmlEscape(region ? *region : row.unit.region_code),
        HtmlEscape(foundation::FormatBeijingTime(row.submitted_at)),
        StateText(viewer, row.kind, row.state), AskedHtml(viewer, db, row), RowLink(viewer, row));
  }
  return html + "</tbody>\n</table>\n";
}

HttpResponse ReviewQueuePage(const RouteRequest& route, const RegistryAccess& access) {
  return WithSignedInViewer(route, access, [&](const PageViewer& viewer, registry::Database& db) {
    if (viewer.actor->role == Role::kUnit) return ErrorPage(viewer, http::status::forbidden);
    // The filters as the JSON API reads them, 50 rows a screen.
    RouteRequest filtered = route;
    filtered.query = GivenFilters(route.query);
    const std::string filters = FilterQuery(filtered.query);
    if (!filtered.query.Has("per_page")) {
      filtered.query.Add("per_page", std::to_string(kRowsPerScreen));
    }
    const QueueQuery parsed = ReadQueueQuery(filtered, *viewer.actor);
    std::string body = "<section>\n" + FilterForm(viewer, db, filtered.query);
    if (parsed.refusal) {
      body += fmt::format("<p class=\"message error\" role=\"alert\">{}</p>\n</section>\n",
                          HtmlEscape(parsed.refusal->message(viewer.language)));
      return HtmlPage(viewer, http::status::bad_request,
                      {std::string(viewer.T(WebText::kReviewQueue)), body});
    }
    std::int64_t total = 0;
    std::vector<registry::QueueRow> rows;
    if (!parsed.work.nothing_visible) {
      Result<std::int64_t> counted = registry::CountQueueRows(db, parsed.filter);
      if (!counted) return ErrorPage(viewer, http::status::internal_server_error);
      total = *counted;
      const ListPage& page = parsed.work.page;
      Result<std::vector<registry::QueueRow>> listed =
          registry::ListQueueRows(db, parsed.filter, {page.Offset(), page.per_page});
      if (!listed) return ErrorPage(viewer, http::status::internal_server_error);
      rows = std::move(listed).value();
    }
    if (rows.empty()) {
      body += fmt::format(
          "<p class=\"empty\">{}</p>\n",
          viewer.T(filters.empty() ? WebText::kReviewQueueEmpty : WebText::kQueueNoMatch));
    } else {
      const std::int64_t screens =
          std::max<std::int64_t>(1, (total + kRowsPerScreen - 1) / kRowsPerScreen);
      body += fmt::format("<p class=\"muted\">{} {}</p>\n", viewer.T(WebText::kReviewQueueHelp),
                          viewer.F(WebText::kQueueCount, total).html()) +
              QueueTable(viewer, db, rows) +
              PagerHtml(viewer, filters.empty() ? "/review?" : "/review?" + filters + "&",
                        parsed.work.page.page, screens);
    }
    return HtmlPage(viewer, http::status::ok,
                    {std::string(viewer.T(WebText::kReviewQueue)), body + "</section>\n"});
  });
}

}  // namespace

void AddReviewQueuePages(RequestRouter& router, const RegistryAccess& access) {
  router.Add(http::verb::get, "/review", BindRegistryRoute(access, &ReviewQueuePage));
}

}  // namespace badgewatch::api
