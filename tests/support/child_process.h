// Starts another program as a child process for tests that run the real
// executable (a scan to be killed, a command whose peak memory is read):
// standard output to a file or /dev/null, standard error to a file or
// inherited. Test threads only.
#ifndef BADGEWATCH_TESTS_SUPPORT_CHILD_PROCESS_H_
#define BADGEWATCH_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace badgewatch::testing {

// `argv[0]` is the program's path. `out_file` empty: /dev/null; `err_file`
// empty: this process's standard error. Throws std::runtime_error when fork
// fails; an exec failure is the child's exit code 127.
[[nodiscard]] pid_t StartChild(const std::vector<std::string>& argv,
                               const std::string& out_file = "", const std::string& err_file = "");

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_CHILD_PROCESS_H_
