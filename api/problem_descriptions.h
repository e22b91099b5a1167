// One plain-language English sentence per failure and warning code, for readable
// reports (the table, with Chinese, is verifier/problem_descriptions.h). Pure;
// any thread.
#ifndef BADGEWATCH_API_PROBLEM_DESCRIPTIONS_H_
#define BADGEWATCH_API_PROBLEM_DESCRIPTIONS_H_

#include <string_view>

namespace badgewatch::api {

// The sentence for a code of verifier/problem_codes.h; the code itself for an
// unknown one.
[[nodiscard]] std::string_view DescribeProblem(std::string_view code);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_PROBLEM_DESCRIPTIONS_H_
