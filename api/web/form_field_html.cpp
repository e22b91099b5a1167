#include "api/web/form_field_html.h"

#include <fmt/format.h>

#include <algorithm>

#include "api/web/account_messages.h"
#include "foundation/html_markup.h"
#include "registry/divisions.h"

namespace badgewatch::api {

namespace {

using foundation::HtmlEscape;

const ShownFieldError* ErrorOf(const FieldErrors& errors, std::string_view field) {
  const auto found = std::find_if(errors.begin(), errors.end(),
                                  [field](const ShownFieldError& e) { return e.field == field; });
  return found == errors.end() ? nullptr : &*found;
}

// The attributes tying a control to its help and error.
std::string DescribedBy(std::string_view name, bool help, bool error) {
  std::string ids;
  if (help) ids += fmt::format("help-{}", name);
  if (error) ids += fmt::format("{}error-{}", ids.empty() ? "" : " ", name);
  std::string attributes;
  if (!ids.empty()) attributes += fmt::format(" aria-describedby=\"{}\"", ids);
  if (error) attributes += " aria-invalid=\"true\"";
  return attributes;
}

std::string LabelText(std::string_view label, bool required) {
  // One grid item of the label: the star stays beside its text.
  return "<span>" + HtmlEscape(label) + (required ? "<span class=\"required\"> *</span>" : "") +
         "</span>";
}

std::string HelpSmall(std::string_view name, std::string_view help) {
  return help.empty() ? ""
                      : fmt::format("<small id=\"help-{}\">{}</small>", name, HtmlEscape(help));
}

}  // namespace

FieldErrors InLanguage(const std::vector<registry::FieldError>& errors, Language language) {
  FieldErrors shown;
  shown.reserve(errors.size());
  for (const registry::FieldError& error : errors) {
    shown.push_back({error.field, error.error.message(language)});
  }
  return shown;
}

std::string FieldErrorSpan(const FieldErrors& errors, std::string_view field) {
  const ShownFieldError* error = ErrorOf(errors, field);
  if (error == nullptr) return "";
  return fmt::format("<span class=\"field-error\" id=\"error-{}\">{}</span>", field,
                     HtmlEscape(error->message));
}

std::string InputField(const InputSpec& spec, const FieldErrors& errors) {
  const bool error = ErrorOf(errors, spec.name) != nullptr;
  std::string attributes = DescribedBy(spec.name, !spec.help.empty(), error);
  if (spec.required) attributes += " required";
  if (spec.max_length > 0) attributes += fmt::format(" maxlength=\"{}\"", spec.max_length);
  if (!spec.autocomplete.empty()) {
    attributes += fmt::format(" autocomplete=\"{}\"", HtmlEscape(spec.autocomplete));
  }
  return fmt::format(
      "<label{}>{}<input type=\"{}\" name=\"{}\" id=\"field-{}\" value=\"{}\"{}>{}{}</label>\n",
      error ? " class=\"invalid\"" : "", LabelText(spec.label, spec.required),
      HtmlEscape(spec.type), spec.name, spec.name,
      spec.type == "password" ? "" : HtmlEscape(spec.value), attributes,
      HelpSmall(spec.name, spec.help), FieldErrorSpan(errors, spec.name));
}

std::string SelectField(const SelectSpec& spec, const FieldErrors& errors) {
  const bool error = ErrorOf(errors, spec.name) != nullptr;
  std::string options = fmt::format("<option value=\"\">{}</option>", HtmlEscape(spec.placeholder));
  for (const auto& [value, text] : spec.options) {
    options += fmt::format("<option value=\"{}\"{}>{}</option>", HtmlEscape(value),
                           value == spec.selected ? " selected" : "", HtmlEscape(text));
  }
  std::string attributes = DescribedBy(spec.name, !spec.help.empty(), error);
  if (spec.required) attributes += " required";
  return fmt::format("<label{}>{}<select name=\"{}\" id=\"field-{}\"{}>{}</select>{}{}</label>\n",
                     error ? " class=\"invalid\"" : "", LabelText(spec.label, spec.required),
                     spec.name, spec.name, attributes, options, HelpSmall(spec.name, spec.help),
                     FieldErrorSpan(errors, spec.name));
}

std::string UnitContactFields(const PageViewer& viewer, const registry::UnitContact& values,
                              const FieldErrors& errors) {
  const auto text = [&viewer](AccountText t) { return AccountMessage(t, viewer.language); };
  return InputField({"address", text(AccountText::kAddress), values.address, "text",
                     text(AccountText::kAddressHelp), "street-address", true, 200},
                    errors) +
         InputField({"handler_name", text(AccountText::kHandlerName), values.handler_name, "text",
                     text(AccountText::kHandlerNameHelp), "name", true, 50},
                    errors) +
         InputField({"mobile", text(AccountText::kMobile), values.mobile, "tel",
                     text(AccountText::kMobileHelp), "tel", true, 11},
                    errors) +
         InputField(
             {"email", text(AccountText::kEmail), values.email, "email", "", "email", true, 254},
             errors);
}

std::string ErrorSummary(const PageViewer& viewer, const FieldErrors& errors) {
  if (errors.empty()) return "";
  const std::string text = fmt::format(
      fmt::runtime(AccountMessage(AccountText::kFormHasErrors, viewer.language)), errors.size());
  return fmt::format("<p class=\"message error\" role=\"alert\" id=\"form-errors\">{}</p>\n",
                     HtmlEscape(text));
}

namespace {

std::vector<std::pair<std::string, std::string>> DivisionOptions(registry::Database& db,
                                                                 std::string_view parent) {
  std::vector<std::pair<std::string, std::string>> options;
  Result<std::vector<registry::Division>> divisions = registry::ListChildDivisions(db, parent);
  if (!divisions) return options;
  for (registry::Division& division : *divisions) {
    options.emplace_back(std::move(division.code), std::move(division.name));
  }
  return options;
}

}  // namespace

std::string DivisionPickers(const PageViewer& viewer, registry::Database& db,
                            const DivisionChoice& in, std::string_view help,
                            const FieldErrors& errors) {
  SelectSpec province{"province",
                      AccountMessage(AccountText::kProvince, viewer.language),
                      in.province,
                      AccountMessage(AccountText::kPickProvince, viewer.language),
                      DivisionOptions(db, ""),
                      "",
                      true};
  SelectSpec city{"city",  AccountMessage(AccountText::kCity, viewer.language),
                  in.city, AccountMessage(AccountText::kPickCity, viewer.language),
                  {},      "",
                  false};
  if (!in.province.empty()) city.options = DivisionOptions(db, in.province);
  SelectSpec county{"county",  AccountMessage(AccountText::kCounty, viewer.language),
                    in.county, AccountMessage(AccountText::kPickCounty, viewer.language),
                    {},        "",
                    false};
  if (!in.city.empty()) county.options = DivisionOptions(db, in.city);
  return fmt::format(
      "<fieldset class=\"region{}\" id=\"field-region\"><legend>{}<span class=\"required\"> "
      "*</span></legend><div class=\"row\">{}{}{}</div><small id=\"help-region\">{}</small>{}"
      "</fieldset>\n",
      FieldErrorSpan(errors, "region").empty() ? "" : " invalid",
      HtmlEscape(AccountMessage(AccountText::kRegion, viewer.language)), SelectField(province, {}),
      SelectField(city, {}), SelectField(county, {}), HtmlEscape(help),
      FieldErrorSpan(errors, "region"));
}

}  // namespace badgewatch::api
