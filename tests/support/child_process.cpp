#include "tests/support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace badgewatch::testing {

void TieToTestProcess(pid_t test_process) {
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != test_process) _exit(127);
}

pid_t StartChild(const std::vector<std::string>& argv, const std::string& out_file,
                 const std::string& err_file) {
  std::fflush(nullptr);  // nothing buffered may be written twice by the child
  const pid_t parent = getpid();
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    TieToTestProcess(parent);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int out_fd = out_file.empty()
                           ? open("/dev/null", O_WRONLY)
                           : open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out_fd >= 0) dup2(out_fd, STDOUT_FILENO);
    if (!err_file.empty()) {
      const int err_fd = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (err_fd >= 0) dup2(err_fd, STDERR_FILENO);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  return child;
}

}  // namespace badgewatch::testing
