// The fields of the account pages' forms as markup: each input or select in
// its label with its help text, and its error (if any) right beside it, tied
// to it by aria-describedby; a summary above the form saying how many fields
// need correcting. Every text given is escaped here. Pure; any thread.
#ifndef BADGEWATCH_API_WEB_FORM_FIELD_HTML_H_
#define BADGEWATCH_API_WEB_FORM_FIELD_HTML_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/web/page.h"
#include "registry/account_care.h"
#include "registry/field_validation.h"

namespace badgewatch::api {

// A field's error as the viewer reads it: the catalog entry's text in the
// page's language, or a page's own text (two passwords that differ).
struct ShownFieldError {
  std::string field;
  std::string message;
};
using FieldErrors = std::vector<ShownFieldError>;

// The registry's field errors in `language`, in their order.
[[nodiscard]] FieldErrors InLanguage(const std::vector<registry::FieldError>& errors,
                                     Language language);

struct InputSpec {
  std::string_view name;   // the form field's name; errors are matched by it
  std::string_view label;  // shown; a required field gets " *"
  std::string_view value;
  std::string_view type = "text";
  std::string_view help;          // may be empty
  std::string_view autocomplete;  // may be empty
  bool required = true;
  int max_length = 0;  // > 0: maxlength
};

// <label>LABEL *<input ...><small>HELP</small><span class="field-error">…</span></label>
[[nodiscard]] std::string InputField(const InputSpec& spec, const FieldErrors& errors);

struct SelectSpec {
  std::string_view name;
  std::string_view label;
  std::string_view selected;
  std::string_view placeholder;                              // the first, empty option
  std::vector<std::pair<std::string, std::string>> options;  // value, text
  std::string_view help;
  bool required = true;
};

[[nodiscard]] std::string SelectField(const SelectSpec& spec, const FieldErrors& errors);

// The unit's contact fields as registration and 账号管理 both ask for them:
// address, handler_name, mobile, email, with their bounds and help.
[[nodiscard]] std::string UnitContactFields(const PageViewer& viewer,
                                            const registry::UnitContact& values,
                                            const FieldErrors& errors);

// The division chosen in the province → city → county pickers (codes; each
// may be empty).
struct DivisionChoice {
  std::string province, city, county;
  // The most specific one chosen: county, else city, else province.
  [[nodiscard]] const std::string& Chosen() const {
    return !county.empty() ? county : !city.empty() ? city : province;
  }
};

// The 所属区域 fieldset: province, city and county selects (fields "province",
// "city", "county"; ids field-…) filled from the divisions under the ones
// chosen, with `help` and the "region" error beside them; /static/register.js
// refills the lower ones when a higher one changes.
[[nodiscard]] std::string DivisionPickers(const PageViewer& viewer, registry::Database& db,
                                          const DivisionChoice& chosen, std::string_view help,
                                          const FieldErrors& errors);

// The error of `field` as the span beside it, or "".
[[nodiscard]] std::string FieldErrorSpan(const FieldErrors& errors, std::string_view field);

// "有 N 处需要修改…" above a form, or "" without errors.
[[nodiscard]] std::string ErrorSummary(const PageViewer& viewer, const FieldErrors& errors);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_WEB_FORM_FIELD_HTML_H_
