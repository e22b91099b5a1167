// Validation of the registry's form fields, each with the exact message shown
// to the applicant (kInvalidArgument, from registry/registry_errors.h). Pure functions, any thread.
#ifndef BADGEWATCH_REGISTRY_FIELD_VALIDATION_H_
#define BADGEWATCH_REGISTRY_FIELD_VALIDATION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foundation/status.h"

namespace badgewatch::registry {

// One problem of a form, for the field it belongs to: `field` is the field's
// name in the form and the API ("name", "mobile", ...), `error` a catalog
// entry (registry_errors.h) with the sentence shown beside it in both
// languages.
struct FieldError {
  std::string field;
  Status error;
};

// The messages of `errors` joined ("；" in Chinese, "; " in English) as one
// kInvalidArgument (OK when there are none): how a workflow that takes a
// whole form refuses it.
[[nodiscard]] Status FieldErrorsStatus(const std::vector<FieldError>& errors);

// Unicode code points in `utf8`; -1 when it is not valid UTF-8.
[[nodiscard]] long CountCodePoints(std::string_view utf8);

// The most characters (Unicode code points) a site introduction may hold.
inline constexpr std::size_t kMaxIntroductionChars = 500;

// A required text (RequireText) of valid UTF-8 and at most `max`
// characters, for the form field `field`: its error, or nullopt.
[[nodiscard]] std::optional<FieldError> CheckBoundedText(std::string_view field, Localized label,
                                                         std::string_view value, std::size_t max);

// `value` must not be empty or only whitespace: "请填写<label>。" /
// "<label> is required".
[[nodiscard]] Status RequireText(Localized label, std::string_view value);

// A mainland China mobile number: 11 digits starting with 1 then 3-9.
[[nodiscard]] Status ValidateMobile(std::string_view mobile);

// An e-mail address: one '@', a non-empty local part, a dotted domain, no
// spaces or control characters.
[[nodiscard]] Status ValidateEmail(std::string_view email);

// An IPv4 (dotted quad) or IPv6 address, as inet_pton reads them.
[[nodiscard]] Status ValidateIpAddress(std::string_view ip);

// At most kMaxIntroductionChars code points of valid UTF-8.
[[nodiscard]] Status ValidateIntroduction(std::string_view introduction);

// An English domain: a valid host name (LDH labels, at most 253 characters);
// with `require_gov_cn` (party and government agencies) it must end in
// ".gov.cn".
[[nodiscard]] Status ValidateEnglishDomain(std::string_view domain, bool require_gov_cn);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_FIELD_VALIDATION_H_
