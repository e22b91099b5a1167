#include "api/web/static_assets.h"

#include <string>
#include <string_view>

#include "scan/report_html.h"

namespace badgewatch::api {

namespace {

// The pages' layout on top of the report's stylesheet (its colours, tables,
// sections, pills and charts).
constexpr std::string_view kAppStylesheet = R"css(
header.site { background: #16325c; color: #fff; }
header.site .inner { max-width: 1180px; margin: 0 auto; padding: 10px 28px; display: flex;
                     flex-wrap: wrap; align-items: center; gap: 6px 22px; }
header.site a { color: #fff; }
header.site .brand { font-size: 18px; font-weight: 700; letter-spacing: .5px; }
header.site nav { display: flex; gap: 4px; flex: 1; flex-wrap: wrap; }
header.site nav a { padding: 6px 12px; border-radius: 6px; color: #dbe5f4; }
header.site nav a[aria-current="page"], header.site nav a:hover { background: #234a80;
                                                                   color: #fff; text-decoration: none; }
header.site nav .menu { display: flex; gap: 4px; align-items: center; padding-left: 8px;
  border-left: 1px solid #3a5f94; }
header.site nav .menu-name { color: #9fb4d3; font-size: 13px; padding-right: 4px; }
header.site .who { display: flex; align-items: center; gap: 14px; color: #c9d6ea; font-size: 13px; }
header.site .who button.link { color: #fff; }
main h1 { font-size: 22px; margin: 4px 0 16px; }
form.inline { display: inline; margin: 0; }
button.link { background: none; border: none; padding: 0; font: inherit; cursor: pointer;
              color: var(--neutral); }
button.link:hover { text-decoration: underline; }
form.stack { display: grid; gap: 14px; max-width: 640px; }
form.stack label { display: grid; gap: 4px; font-weight: 600; }
form.stack label.check { display: flex; gap: 8px; align-items: center; font-weight: 400; }
form.stack small { color: var(--muted); font-weight: 400; }
input[type=text], input[type=password], input[type=tel], select, textarea {
  font: inherit; padding: 7px 9px; border: 1px solid #b9c2d0; border-radius: 6px; background: #fff; }
textarea { min-height: 90px; }
.row { display: flex; gap: 10px; align-items: end; flex-wrap: wrap; }
.row label { flex: 1; }
button, .button { font: inherit; padding: 7px 16px; border-radius: 6px; border: 1px solid #1f5fa8;
                  background: #1f5fa8; color: #fff; cursor: pointer; display: inline-block; }
button.secondary { background: #fff; color: #1f5fa8; }
button.danger { background: #fff; color: var(--poor); border-color: var(--poor); }
.message { padding: 10px 14px; border-radius: 6px; margin: 0 0 14px; }
.message.error { background: #fbe7e7; color: #8e1b1b; }
.message.info { background: #e8f0fb; color: #16325c; }
.message.ok { background: #e5f3e6; color: #1d5e21; }
.message.warning { background: #fdf3dc; color: #6b4a00; }
pre.snippet { background: #f0f2f6; padding: 10px; border-radius: 6px; white-space: pre-wrap;
              word-break: break-all; font-size: 12px; margin: 6px 0; }
.decision { display: flex; gap: 10px; flex-wrap: wrap; align-items: end; margin: 8px 0; }
.decision input[type=text] { min-width: 280px; }
ol.pages { padding-left: 0; list-style: none; }
ol.pages li { border-left: 4px solid var(--poor); background: #fff; padding: 8px 12px;
              margin: 8px 0; border-radius: 0 6px 6px 0; }
ol.pages li.pass { border-left-color: var(--good); }
ol.pages .url { word-break: break-all; font-size: 12.5px; color: var(--muted); }
ol.pages .says { font-weight: 600; }
.muted { color: var(--muted); }
.pill.neutral { background: #e8f0fb; color: var(--neutral); }
section.login { max-width: 420px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
input[type=email] { font: inherit; padding: 7px 9px; border: 1px solid #b9c2d0; border-radius: 6px;
  background: #fff; }
.field-error { color: #8e1b1b; font-weight: 600; font-size: 13px; }
label.invalid input, label.invalid select, fieldset.invalid select { border-color: #c62828;
  background: #fff7f7; }
.required { color: #c62828; }
fieldset.region { border: 1px solid #d5dbe5; border-radius: 6px; padding: 8px 12px 10px;
  display: grid; gap: 6px; }
fieldset.region legend { font-weight: 600; padding: 0 4px; }
section.register { max-width: 680px; }
section.register h2, main section h2 { font-size: 17px; margin: 18px 0 4px; }
.login-links { display: flex; gap: 18px; margin-top: 12px; }
.pill.warn { background: #fdf3dc; color: #6b4a00; }
progress { width: 120px; height: 10px; vertical-align: middle; accent-color: #1f5fa8; }
.split { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 20px; align-items: start; }
@media (max-width: 860px) { .split { grid-template-columns: 1fr; } }
aside.bank { background: #fff; border: 1px solid #d5dbe5; border-left: 4px solid #1f5fa8;
  border-radius: 6px; padding: 12px 16px; }
aside.bank h2 { margin-top: 0; }
aside.bank dl.facts { grid-template-columns: max-content minmax(0, 1fr); }
aside.bank dd { overflow-wrap: anywhere; }
.account-number { font-variant-numeric: tabular-nums; }
.amount { font-variant-numeric: tabular-nums; white-space: nowrap; }
form.filters { display: flex; gap: 10px; flex-wrap: wrap; align-items: end; margin: 0 0 14px; }
form.filters label { display: grid; gap: 4px; font-size: 13px; color: var(--muted); }
input[type=date], input[type=search] { font: inherit; padding: 6px 8px; border: 1px solid #b9c2d0;
  border-radius: 6px; background: #fff; }
)css";

// The copy buttons: <button data-copy="ELEMENT-ID" data-copied="LABEL">.
constexpr std::string_view kAppScript = R"js('use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      var text = source.textContent;
      var done = function () {
        button.textContent = button.getAttribute('data-copied');
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (document.execCommand('copy')) done();
      }
    });
  });
});
)js";

RouteHandler StaticFile(std::string_view content_type, std::string_view body) {
  return [content_type, body](const RouteRequest& route) {
    HttpResponse response =
        TextResponse(route.request, http::status::ok, content_type, std::string(body));
    response.set(http::field::cache_control, "public, max-age=3600");
    return response;
  };
}

}  // namespace

void AddWebStaticRoutes(RequestRouter& router) {
  router.Add(http::verb::get, "/static/report.css",
             StaticFile("text/css; charset=utf-8", scan::ReportStylesheet()));
  router.Add(http::verb::get, "/static/app.css",
             StaticFile("text/css; charset=utf-8", kAppStylesheet));
  router.Add(http::verb::get, "/static/app.js",
             StaticFile("text/javascript; charset=utf-8", kAppScript));
}

}  // namespace badgewatch::api
