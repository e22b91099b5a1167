// The server-rendered web pages of `badgewatch serve`, by group; each group
// answers exactly as the JSON API would authorise it (a record the viewer may
// not see is a 404 page, a step its role may not take a 403 page), and every
// form that posts carries the session's CSRF token. The access structs must
// outlive the router. Handlers run on any worker thread.
//   /                      a unit's sites, latest verdicts and badge code
//   /applications[/new|/{id}]  applications, the form (with the SMS code step),
//                          one application with its history, decisions
//   /review                the work waiting for the viewer's level (review_queue_pages.cpp)
//   /dashboard             compliance of the latest scan, scoped to the region
//   /self-checks[/{id}]    start a self-check of a site; its page-by-page result
//   /login, /logout        (web_login_pages.cpp)
#ifndef BADGEWATCH_API_WEB_PAGES_H_
#define BADGEWATCH_API_WEB_PAGES_H_

#include <string>
#include <string_view>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/login.h"
#include "api/service/registration_routes.h"
#include "api/service/self_check_routes.h"
#include "api/web/page.h"

namespace badgewatch::api {

// Every page and static file.
void AddWebPages(RequestRouter& router, const SelfCheckAccess& access, const WebLoginAccess& login);

// The groups, for AddWebPages and tests.
void AddSitePages(RequestRouter& router, const RegistryAccess& access);
// /sites/{id}: a site's latest compliance record with every failing page.
void AddSiteRecordPages(RequestRouter& router, const RegistryAccess& access);
void AddApplicationPages(RequestRouter& router, const RegistryAccess& access);
// 域名申请 and 域名业务管理 (domain_pages.cpp): /domains[/new|/{id}], renewals.
void AddDomainPages(RequestRouter& router, const RegistryAccess& access);
// 域名缴费管理 (payment_pages.cpp): /payments for the unit, its office and CONAC.
void AddPaymentPages(RequestRouter& router, const RegistryAccess& access);
// 待审核 (review_queue_pages.cpp): /review, every kind of work for the viewer's level.
void AddReviewQueuePages(RequestRouter& router, const RegistryAccess& access);
void AddSelfCheckPages(RequestRouter& router, const SelfCheckAccess& access);
void AddLoginPages(RequestRouter& router, const WebLoginAccess& access);

// The registration, password-reset and account pages (registration_pages.cpp,
// password_reset_pages.cpp, account_pages.cpp): /register, /password-reset,
// /account; AddAccountPages adds all three groups.
void AddAccountPages(RequestRouter& router, const RegistrationAccess& access);
void AddRegistrationPages(RequestRouter& router, const RegistrationAccess& access);
void AddPasswordResetPages(RequestRouter& router, const RegistrationAccess& access);
// 审核员账号 (office_account_pages.cpp): /offices/accounts, staff only.
void AddOfficeAccountPages(RequestRouter& router, const RegistrationAccess& access);
// 本部门信息 (office_contact_pages.cpp): /offices/contact, staff only.
void AddOfficeContactPages(RequestRouter& router, const RegistryAccess& access);

// A badge's code in a <pre> with a copy button (web_site_pages.cpp).
[[nodiscard]] std::string BadgeSnippetHtml(const PageViewer& viewer, std::string_view badge_id);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_PAGES_H_
