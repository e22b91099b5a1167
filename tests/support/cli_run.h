// Runs the `badgewatch` command line in process, as main does, capturing what
// it prints. Test threads only.
#ifndef BADGEWATCH_TESTS_SUPPORT_CLI_RUN_H_
#define BADGEWATCH_TESTS_SUPPORT_CLI_RUN_H_

#include <string>
#include <vector>

namespace badgewatch::testing {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// `args` without the program name.
[[nodiscard]] CliRun RunCli(std::vector<std::string> args);

// RunCli in a child process that has an ordinary user's rights (uid and gid
// 65534, "nobody", when the tests run as root, who ignores file modes), so a
// chmod'ed file or directory is as read-only to it as to any user. The files
// it reads must be readable by others.
[[nodiscard]] CliRun RunCliAsOrdinaryUser(std::vector<std::string> args);

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_CLI_RUN_H_
