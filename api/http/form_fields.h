// Fields of an `application/x-www-form-urlencoded` string: a URL's query or a
// posted web form. Values are percent-decoded (libcurl) with `+` as space.
// Pure; any thread.
//
// Example:
//   const FormFields query = ParseFormFields("region=33&verdict=fail");
//   query.Get("region");  // "33"
#ifndef BADGEWATCH_API_HTTP_FORM_FIELDS_H_
#define BADGEWATCH_API_HTTP_FORM_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace badgewatch::api {

class FormFields {
 public:
  // The first value of `name`, or nullopt when absent.
  [[nodiscard]] std::optional<std::string_view> Get(std::string_view name) const;
  // Every value of `name`, in order (`?alias=a&alias=b`).
  [[nodiscard]] std::vector<std::string_view> GetAll(std::string_view name) const;
  [[nodiscard]] bool Has(std::string_view name) const { return Get(name).has_value(); }
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const {
    return fields_;
  }
  void Add(std::string name, std::string value);

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Splits on `&`, then each field on its first `=`; empty fields are skipped.
// Never fails: a malformed escape (`%zz`) is kept as written.
[[nodiscard]] FormFields ParseFormFields(std::string_view encoded);

// Percent-encodes one URL component: every byte but A-Z a-z 0-9 - . _ ~.
[[nodiscard]] std::string PercentEncode(std::string_view component);

// Percent-decodes one URL component (`+` is kept: paths do not use it for space).
[[nodiscard]] std::string PercentDecode(std::string_view component);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_HTTP_FORM_FIELDS_H_
