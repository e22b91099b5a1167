// The static files of the web pages, compiled into the binary:
// /static/report.css (the compliance report's stylesheet, shared), and
// /static/app.css and /static/app.js (the pages' own layout and the copy
// button; no inline script anywhere, so the CSP can forbid it). Any thread.
#ifndef BADGEWATCH_API_WEB_STATIC_ASSETS_H_
#define BADGEWATCH_API_WEB_STATIC_ASSETS_H_

#include "api/http/request_router.h"

namespace badgewatch::api {

// Registers GET /static/report.css, /static/app.css and /static/app.js.
void AddWebStaticRoutes(RequestRouter& router);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_STATIC_ASSETS_H_
