#include "tests/support/cli_run.h"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "api/cli/cli_app.h"
#include "tests/support/child_process.h"

namespace badgewatch::testing {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string text;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  return text;
}

constexpr uid_t kNobody = 65534;

bool WriteAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// "<size>\n<bytes>" for each of out and err, then the exit code.
std::string Encode(const CliRun& run) {
  return std::to_string(run.out.size()) + "\n" + run.out + std::to_string(run.err.size()) + "\n" +
         run.err + std::to_string(run.code);
}

CliRun Decode(const std::string& bytes) {
  CliRun run;
  std::size_t at = 0;
  for (std::string* part : {&run.out, &run.err}) {
    const std::size_t newline = bytes.find('\n', at);
    if (newline == std::string::npos) throw std::runtime_error("the child's output was cut");
    const std::size_t size = std::stoul(bytes.substr(at, newline - at));
    *part = bytes.substr(newline + 1, size);
    at = newline + 1 + size;
  }
  run.code = std::stoi(bytes.substr(at));
  return run;
}

}  // namespace

CliRun RunCliAsOrdinaryUser(std::vector<std::string> args) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(nullptr);
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    TieToTestProcess(parent);
    ::close(pipe_fds[0]);
    if (::geteuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) {
      ::_exit(127);
    }
    const bool sent = WriteAll(pipe_fds[1], Encode(RunCli(std::move(args))));
    ::_exit(sent ? 0 : 127);
  }
  ::close(pipe_fds[1]);
  std::string bytes;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("the child running as an ordinary user failed");
  }
  return Decode(bytes);
}

CliRun RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "badgewatch");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  File out(std::tmpfile());
  File err(std::tmpfile());
  CliRun run;
  run.code = api::RunCommandLine(static_cast<int>(argv.size()), argv.data(), out.get(), err.get());
  run.out = Contents(out.get());
  run.err = Contents(err.get());
  return run;
}

}  // namespace badgewatch::testing
