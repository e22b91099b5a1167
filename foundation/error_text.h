// The error catalogs' entry and the one way to make a Status from it. Every
// error the registry or the API returns is an ErrorText in its module's
// catalog (registry/registry_errors.h, api/service/api_errors.h): a status
// code, a stable reason the API sends as `reason`, and the text in Simplified
// Chinese and English as fmt format strings with the same fields. Error<>
// checks at compile time that the call gives each text exactly its fields.
// The test `Error catalogs: …` walks every catalog; scripts/check-error-catalogs
// refuses a Status made from a literal message in those modules.
//
// Example:
//   inline constexpr ErrorText kNoSuchSite{StatusCode::kNotFound, "site-not-found",
//                                          "没有编号为 {} 的网站", "no site {}"};
//   if (!*row) return Error<kNoSuchSite>(site_id);
//   // A word that is itself in two languages (a field's label) is Localized:
//   return Error<kFieldRequired>(Localized{"网站名称", "website name"});
//   // An error that explains another keeps its code and shows it:
//   return ErrorCausedBy<kAtLine>(s, file, line, s);
#ifndef BADGEWATCH_FOUNDATION_ERROR_TEXT_H_
#define BADGEWATCH_FOUNDATION_ERROR_TEXT_H_

#include <fmt/format.h>

#include <cstddef>
#include <string_view>

#include "foundation/language.h"
#include "foundation/status.h"

namespace badgewatch {

struct ErrorText {
  StatusCode code;
  std::string_view reason;   // "sms-code-wrong": lower case, digits and '-'; unique
  std::string_view chinese;  // written Chinese, for the person who reads it
  std::string_view english;
};

namespace detail {

// How many replacement fields `{…}` a format string has ("{{" is a brace).
constexpr std::size_t CountFormatFields(std::string_view text) {
  std::size_t fields = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    ++fields;
  }
  return fields;
}

template <typename T>
constexpr const T& InLanguage(const T& field, Language) {
  return field;
}
constexpr std::string_view InLanguage(const Localized& field, Language language) {
  return field.In(language);
}
// A Status as a field: the error it explains, in the same language.
inline const std::string& InLanguage(const Status& cause, Language language) {
  return cause.message(language);
}

}  // namespace detail

// The Status of catalog entry kText with `fields` in its texts.
template <const ErrorText& kText, typename... Fields>
[[nodiscard]] Status Error(const Fields&... fields) {
  static_assert(detail::CountFormatFields(kText.chinese) == sizeof...(Fields),
                "the Chinese text of this error has another number of fields");
  static_assert(detail::CountFormatFields(kText.english) == sizeof...(Fields),
                "the English text of this error has another number of fields");
  return Status(kText.code, kText.reason,
                fmt::format(kText.chinese, detail::InLanguage(fields, Language::kChinese)...),
                fmt::format(kText.english, detail::InLanguage(fields, Language::kEnglish)...));
}

// The same with the status code of `cause`, the error this one explains
// (which is usually one of the fields too): "第 3 行：<cause>".
template <const ErrorText& kText, typename... Fields>
[[nodiscard]] Status ErrorCausedBy(const Status& cause, const Fields&... fields) {
  const Status status = Error<kText>(fields...);
  return Status(cause.code(), status.reason(), status.message(Language::kChinese),
                status.message(Language::kEnglish));
}

}  // namespace badgewatch

#endif  // BADGEWATCH_FOUNDATION_ERROR_TEXT_H_
