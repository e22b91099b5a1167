// Per failure and warning code of verifier/problem_codes.h: a short name for
// lists, tables and charts, and one plain-language sentence, each in English
// and in Simplified Chinese, kept side by side so that all stay complete.
// Pure; any thread.
#ifndef BADGEWATCH_VERIFIER_PROBLEM_DESCRIPTIONS_H_
#define BADGEWATCH_VERIFIER_PROBLEM_DESCRIPTIONS_H_

#include <optional>
#include <string_view>

namespace badgewatch::verifier {

struct ProblemDescription {
  std::string_view code;
  std::string_view english;  // the sentence
  std::string_view chinese;
  std::string_view english_name;  // a few words: "badge missing"
  std::string_view chinese_name;  // "缺少网站标识";
};

// The description of `code`; nullopt for an unknown code.
[[nodiscard]] std::optional<ProblemDescription> FindProblemDescription(std::string_view code);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_PROBLEM_DESCRIPTIONS_H_
