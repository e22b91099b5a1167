// The two languages badgewatch speaks to people: Simplified Chinese, the
// default, and English. How a language is named in a query (`?lang=`), a
// cookie (`bw_lang`) or an HTTP Accept-Language header. Pure; any thread.
#ifndef BADGEWATCH_FOUNDATION_LANGUAGE_H_
#define BADGEWATCH_FOUNDATION_LANGUAGE_H_

#include <optional>
#include <string_view>

namespace badgewatch {

enum class Language { kChinese, kEnglish };

// A text in both languages (a label, a word inside an error's text).
struct Localized {
  std::string_view chinese;
  std::string_view english;

  [[nodiscard]] constexpr std::string_view In(Language language) const {
    return language == Language::kChinese ? chinese : english;
  }
};

// "zh", "zh-CN" or "cn" → Chinese; "en" → English; anything else → none.
[[nodiscard]] std::optional<Language> ParseLanguage(std::string_view text);

// "zh-CN" or "en", for lang= attributes and Content-Language.
[[nodiscard]] std::string_view LanguageTag(Language language);

// The language an Accept-Language header (RFC 9110 §12.5.4) prefers of the
// two: the highest q-value among zh* and en* ranges, the first on a tie;
// none when it names neither (or only with q=0).
// Example: "en-US,en;q=0.9,zh-CN;q=0.8" → English; "fr, zh;q=0.5" → Chinese.
[[nodiscard]] std::optional<Language> PreferredLanguage(std::string_view accept_language);

}  // namespace badgewatch

#endif  // BADGEWATCH_FOUNDATION_LANGUAGE_H_
