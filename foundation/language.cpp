#include "foundation/language.h"

#include "foundation/ascii.h"

namespace badgewatch {

using foundation::AsciiLower;
using foundation::EqualsIgnoreCase;
using foundation::IsAsciiDigit;
using foundation::TrimAsciiSpace;

std::optional<Language> ParseLanguage(std::string_view text) {
  if (text == "zh" || text == "zh-CN" || text == "cn") return Language::kChinese;
  if (text == "en") return Language::kEnglish;
  return std::nullopt;
}

std::string_view LanguageTag(Language language) {
  return language == Language::kChinese ? "zh-CN" : "en";
}

namespace {

// The primary subtag's language ("zh-Hans-CN" → Chinese), if one of ours.
std::optional<Language> RangeLanguage(std::string_view range) {
  const std::string_view primary = range.substr(0, range.find('-'));
  if (EqualsIgnoreCase(primary, "zh")) return Language::kChinese;
  if (EqualsIgnoreCase(primary, "en")) return Language::kEnglish;
  return std::nullopt;
}

// The weight of one "range;q=0.8;…" element in thousandths: 1000 without a
// q parameter, 0 for one that is malformed (RFC 9110 qvalue: 0, 1 or 0.ddd).
int Weight(std::string_view parameters) {
  while (!parameters.empty()) {
    const std::size_t semicolon = parameters.find(';');
    std::string_view parameter = TrimAsciiSpace(parameters.substr(0, semicolon));
    parameters =
        semicolon == parameters.npos ? std::string_view() : parameters.substr(semicolon + 1);
    if (parameter.size() < 2 || AsciiLower(parameter[0]) != 'q' || parameter[1] != '=') continue;
    std::string_view value = parameter.substr(2);
    if (value.empty() || (value[0] != '0' && value[0] != '1')) return 0;
    int thousandths = (value[0] - '0') * 1000;
    if (value.size() > 1) {
      if (value[1] != '.' || value.size() > 5) return 0;
      int scale = 100;
      for (const char c : value.substr(2)) {
        if (!IsAsciiDigit(c)) return 0;
        thousandths += (c - '0') * scale;
        scale /= 10;
      }
    }
    return thousandths > 1000 ? 0 : thousandths;
  }
  return 1000;
}

}  // namespace

std::optional<Language> PreferredLanguage(std::string_view accept_language) {
  std::optional<Language> best;
  int best_weight = 0;
  while (!accept_language.empty()) {
    const std::size_t comma = accept_language.find(',');
    const std::string_view element = accept_language.substr(0, comma);
    accept_language =
        comma == accept_language.npos ? std::string_view() : accept_language.substr(comma + 1);
    const std::size_t semicolon = element.find(';');
    const std::optional<Language> language =
        RangeLanguage(TrimAsciiSpace(element.substr(0, semicolon)));
    if (!language) continue;
    const int weight = semicolon == element.npos ? 1000 : Weight(element.substr(semicolon + 1));
    if (weight > best_weight) {
      best = language;
      best_weight = weight;
    }
  }
  return best;
}

}  // namespace badgewatch
