// One plain-language sentence per failure and warning code of
// verifier/problem_codes.h, in English and in Simplified Chinese, kept side by
// side so that both stay complete. Pure; any thread.
#ifndef BADGEWATCH_VERIFIER_PROBLEM_DESCRIPTIONS_H_
#define BADGEWATCH_VERIFIER_PROBLEM_DESCRIPTIONS_H_

#include <optional>
#include <string_view>

namespace badgewatch::verifier {

struct ProblemDescription {
  std::string_view code;
  std::string_view english;
  std::string_view chinese;
};

// The description of `code`; nullopt for an unknown code.
[[nodiscard]] std::optional<ProblemDescription> FindProblemDescription(std::string_view code);

}  // namespace badgewatch::verifier

#endif  // BADGEWATCH_VERIFIER_PROBLEM_DESCRIPTIONS_H_
