#include "api/problem_descriptions.h"

#include <optional>

#include "verifier/problem_descriptions.h"

namespace badgewatch::api {

std::string_view DescribeProblem(std::string_view code) {
  const std::optional<verifier::ProblemDescription> found = verifier::FindProblemDescription(code);
  return found ? found->english : code;
}

}  // namespace badgewatch::api
