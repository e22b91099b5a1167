#include "registry/print_forms.h"

#include <fmt/format.h>

#include "foundation/html_markup.h"
#include "registry/divisions.h"
#include "registry/office_contacts.h"
#include "registry/registry_errors.h"
#include "registry/site_applications.h"
#include "registry/units.h"
#include "registry/workflow_labels.h"

namespace badgewatch::registry {
namespace {

using foundation::HtmlEscape;

constexpr char kPageStart[] = R"html(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 25mm 20mm; }}
  body {{ font-family: "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.8; }}
  h1 {{ text-align: center; font-size: 18pt; margin-bottom: 1.5em; }}
  table {{ width: 100%; border-collapse: collapse; }}
  th, td {{ border: 1px solid #000; padding: 6px 8px; vertical-align: top; text-align: left; }}
  th {{ width: 28%; font-weight: normal; }}
  .signature {{ margin-top: 3em; text-align: right; }}
  .note {{ font-size: 10pt; }}
  @media print {{ .note {{ display: none; }} }}
</style>
</head>
<body>
)html";

struct Filled {
  ApplicationSummary app;
  SiteForm form;
  Unit unit;
};

Result<Filled> Load(Database& db, std::int64_t id) {
  Result<ApplicationSummary> app = LoadApplication(db, id);
  if (!app) return app.status();
  if (app->workflow != Workflow::kSiteOpening) {
    return Error<errors::kNoPaperMaterials>(id);
  }
  if (app->state == "submitted" || app->state == "rejected") {
    return Error<errors::kMaterialsBeforeInitialPass>(id, StateInError(app->state));
  }
  Result<SiteForm> form = LoadApplicationForm(db, id, app->revision);
  if (!form) return form.status();
  Result<Unit> unit = LoadUnit(db, app->unit_id);
  if (!unit) return unit.status();
  return Filled{*app, *form, *unit};
}

std::string Row(std::string_view label, std::string_view value) {
  return fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", label, HtmlEscape(value));
}

std::string Ips(const SiteForm& form) {
  std::string text;
  for (const std::string& ip : form.site.ips) text += (text.empty() ? "" : "，") + ip;
  return text;
}

std::string EnglishDomain(const SiteForm& form) {
  if (form.site.hosted_on_platform) return "（利用政务和公益机构建站平台建设）";
  return form.site.english_domain.value_or("");
}

// "浙江省…办公室（地址：…；电话：…）" when the office keeps its contact.
std::string OfficeWithContact(Database& db, std::string_view division_code,
                              const std::string& office_name) {
  Result<std::optional<OfficeContact>> contact = LoadOfficeContact(db, division_code);
  if (!contact || !*contact) return office_name;
  if ((*contact)->phone.empty())
    return fmt::format("{}（地址：{}）", office_name, (*contact)->address);
  return fmt::format("{}（地址：{}；电话：{}）", office_name, (*contact)->address,
                     (*contact)->phone);
}

}  // namespace

Result<std::string> RenderApplicationLetter(Database& db, std::int64_t application_id) {
  Result<Filled> f = Load(db, application_id);
  if (!f) return f.status();
  const bool recheck = f->form.opening_type == OpeningType::kRecheck;
  std::string html =
      fmt::format(kPageStart, fmt::arg("title", "关于申请对网站开办审核和资格复核的函"));
  html += "<h1>关于申请对网站开办审核和资格复核的函</h1>\n";
  // Addressed to the office at the unit's own level, by name.
  Result<std::string> office = OfficeName(db, f->unit.fields.division_code);
  const std::string office_name = office ? *office : "同级机构编制部门";
  html += fmt::format("<p>{}：</p>\n", HtmlEscape(office_name));
  html += fmt::format(
      "<p>根据《关于加强党政机关网站安全管理的通知》（中网办发文〔2014〕1号）和《关于做好党政机关"
      "网站开办审核、资格复核和网站标识管理工作的通知》（中央编办发〔2014〕69号）要求，"
      "{}现申请对网站“{}”进行{}。网站英文域名：{}；中文域名：{}；IP地址：{}。</p>\n",
      HtmlEscape(f->unit.fields.name), HtmlEscape(f->form.site.name),
      recheck ? "资格复核" : "开办审核", HtmlEscape(EnglishDomain(f->form)),
      HtmlEscape(f->form.site.chinese_domain.value_or("无")), HtmlEscape(Ips(f->form)));
  html += fmt::format("<p>经办人：{}，联系电话：{}。</p>\n<p>特此函告。</p>\n",
                      HtmlEscape(f->unit.fields.handler_name), HtmlEscape(f->form.handler_mobile));
  html += fmt::format(
      "<p class=\"signature\">{}（盖章）<br>年　　月　　日</p>\n"
      "<p class=\"note\">申请编号 {}。请加盖单位公章，连同申请表（一式三份）和经办人身份证复印件"
      "报送{}。咨询电话：010-52035000。</p>\n</body>\n</html>\n",
      HtmlEscape(f->unit.fields.name), application_id,
      HtmlEscape(OfficeWithContact(db, f->unit.fields.division_code, office_name)));
  return html;
}

Result<std::string> RenderApplicationForm(Database& db, std::int64_t application_id) {
  Result<Filled> f = Load(db, application_id);
  if (!f) return f.status();
  const bool recheck = f->form.opening_type == OpeningType::kRecheck;
  std::string html =
      fmt::format(kPageStart, fmt::arg("title", "党政机关网站开办审核和资格复核申请表"));
  html += "<h1>党政机关网站开办审核和资格复核申请表</h1>\n<table>\n";
  html += Row("申请类型", recheck ? "已开办网站复核" : "新开办网站申请");
  html += Row("申请单位", f->unit.fields.name);
  html += Row("单位地址", f->unit.fields.address);
  html += Row("系统类别", f->unit.fields.system_category);
  html += Row("网站名称", f->form.site.name);
  html += Row("中文域名", f->form.site.chinese_domain.value_or(""));
  html += Row("英文域名", EnglishDomain(f->form));
  html += Row("IP地址", Ips(f->form));
  html += Row("网站介绍", f->form.site.introduction);
  html += Row("经办人", f->unit.fields.handler_name);
  html += Row("经办人手机", f->form.handler_mobile);
  html += Row("电子邮箱", f->unit.fields.email);
  html += Row("申请编号", std::to_string(application_id));
  html +=
      "<tr><th>申请单位意见</th><td><p class=\"signature\">（盖章）<br>年　　月　　日</p></td>"
      "</tr>\n<tr><th>机构编制部门审核意见</th><td><p class=\"signature\">（盖章）<br>年　　月"
      "　　日</p></td></tr>\n</table>\n";
  html += "<p class=\"note\">本表一式三份，加盖单位公章。</p>\n</body>\n</html>\n";
  return html;
}

}  // namespace badgewatch::registry
