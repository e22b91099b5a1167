// Starts another program as a child process for tests that run the real
// executable (a scan to be killed, a command whose peak memory is read):
// standard output to a file or /dev/null, standard error to a file or
// inherited. Test threads only.
//
// Every child a test starts dies with the test process (TieToTestProcess):
// a test that aborts (a sanitizer report, a failed assertion in a fixture)
// leaves no server behind, and no orphan holding the output pipe that ctest
// waits on until it closes.
#ifndef BADGEWATCH_TESTS_SUPPORT_CHILD_PROCESS_H_
#define BADGEWATCH_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace badgewatch::testing {

// `argv[0]` is the program's path. `out_file` empty: /dev/null; `err_file`
// empty: this process's standard error. Throws std::runtime_error when fork
// fails; an exec failure is the child's exit code 127.
// In a child just forked from `test_process`, before exec: SIGKILL when the
// thread that forked it ends, however it ends; exits at once (127) when the
// test process is already gone.
void TieToTestProcess(pid_t test_process);

[[nodiscard]] pid_t StartChild(const std::vector<std::string>& argv,
                               const std::string& out_file = "", const std::string& err_file = "");

}  // namespace badgewatch::testing

#endif  // BADGEWATCH_TESTS_SUPPORT_CHILD_PROCESS_H_
