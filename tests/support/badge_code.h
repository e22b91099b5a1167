// The badge code of the fixture unit, as CONAC issues it and a unit pastes it
// before </body>: the tests that serve compliant pages share it.
#ifndef BADGEWATCH_TESTS_SUPPORT_BADGE_CODE_H_
#define BADGEWATCH_TESTS_SUPPORT_BADGE_CODE_H_

#include <string>

namespace badgewatch::testing {

inline constexpr const char* kTestBadgeId = "CA330000000604333780001";
inline const std::string kTestBadgeCode =
    "<span id=\"_ideConac\"></span><script type=\"text/javascript\" "
    "src=\"https://dcs.conac.cn/js/33/000/0000/60433378/CA330000000604333780001.js\"></script>";

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_BADGE_CODE_H_
