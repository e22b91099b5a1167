#include "api/web/domain_page_parts.h"

#include <fmt/format.h>

#include "api/web/domain_messages.h"
#include "foundation/html_markup.h"

namespace badgewatch::api {

namespace {

std::string Pill(std::string_view tone, std::string_view state, std::string_view label) {
  return fmt::format("<span class=\"pill {}\" data-state=\"{}\">{}</span>", tone,
                     foundation::HtmlEscape(state), foundation::HtmlEscape(label));
}

}  // namespace

std::string TableSection(std::string_view id, std::string_view title, std::string_view empty,
                         std::initializer_list<std::string_view> headers,
                         const std::string& rows_html) {
  std::string html = fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", foundation::HtmlEscape(id),
                                 foundation::HtmlEscape(title));
  if (rows_html.empty()) {
    return html +
           fmt::format("<p class=\"empty\">{}</p>\n</section>\n", foundation::HtmlEscape(empty));
  }
  html += "<table>\n<thead><tr>";
  for (std::string_view header : headers) {
    html += fmt::format("<th>{}</th>", foundation::HtmlEscape(header));
  }
  return html + "</tr></thead>\n<tbody>\n" + rows_html + "</tbody>\n</table>\n</section>\n";
}

std::string ButtonForm(const PageViewer& viewer, std::string_view action, std::string_view label,
                       std::string_view button_class) {
  return fmt::format(
      "<form method=\"post\" action=\"{}\" class=\"inline\">{}<button type=\"submit\"{}>{}"
      "</button></form>",
      foundation::HtmlEscape(action), CsrfField(viewer),
      button_class.empty() ? "" : fmt::format(" class=\"{}\"", button_class),
      foundation::HtmlEscape(label));
}

std::string RenewalStatePill(const PageViewer& viewer, std::string_view state) {
  const std::string_view tone = state == "completed"   ? "pass"
                                : state == "withdrawn" ? "neutral"
                                                       : "warn";
  return Pill(tone, state, WorkStateLabel(viewer, "renewal", state));
}

std::string PaymentStatePill(const PageViewer& viewer, std::string_view state) {
  return Pill(state == "confirmed" ? "pass" : "warn", state,
              WorkStateLabel(viewer, "payment", state));
}

std::string WorkStateLabel(const PageViewer& viewer, std::string_view kind,
                           std::string_view state) {
  const auto text = [&viewer](DomainText t) {
    return std::string(DomainMessage(t, viewer.language));
  };
  if (kind == "payment") {
    return text(state == "confirmed" ? DomainText::kPaymentConfirmedState
                                     : DomainText::kPaymentRecordedState);
  }
  if (kind == "renewal" && state == "completed") return text(DomainText::kRenewalCompletedState);
  if (kind == "renewal" && state == "submitted") return text(DomainText::kRenewalSubmittedState);
  if (kind == "renewal" && state == "withdrawn") return text(DomainText::kRenewalWithdrawnState);
  return std::string(StateLabel(state, viewer.language));
}

}  // namespace badgewatch::api
