#include "tests/support/cli_run.h"

#include <cstdio>
#include <memory>

#include "api/cli_app.h"

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

}  // namespace

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
