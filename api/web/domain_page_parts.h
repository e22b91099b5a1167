// What the domain, fee and review-queue pages all show: the states of
// renewals and payments as pills and labels. Pure; any thread.
#ifndef BADGEWATCH_API_WEB_DOMAIN_PAGE_PARTS_H_
#define BADGEWATCH_API_WEB_DOMAIN_PAGE_PARTS_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "api/web/page.h"

namespace badgewatch::api {

// The renewal (submitted, completed, withdrawn) or payment (recorded,
// confirmed) state as a pill, in the viewer's language.
[[nodiscard]] std::string RenewalStatePill(const PageViewer& viewer, std::string_view state);
[[nodiscard]] std::string PaymentStatePill(const PageViewer& viewer, std::string_view state);
// <section id=ID><h2>TITLE</h2> with a table of `headers` over `rows_html`
// (its <tr>s), or `empty` in a <p class="empty"> when there are no rows. The
// texts are escaped here; the rows are markup.
[[nodiscard]] std::string TableSection(std::string_view id, std::string_view title,
                                       std::string_view empty,
                                       std::initializer_list<std::string_view> headers,
                                       const std::string& rows_html);

// A form of one button that posts to `action` (with the CSRF token):
// withdraw a renewal, confirm a payment's funds. `button_class` may be empty.
[[nodiscard]] std::string ButtonForm(const PageViewer& viewer, std::string_view action,
                                     std::string_view label, std::string_view button_class = "");

// The label of a state of `kind` (application, domain, payment, renewal).
[[nodiscard]] std::string WorkStateLabel(const PageViewer& viewer, std::string_view kind,
                                         std::string_view state);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_DOMAIN_PAGE_PARTS_H_
