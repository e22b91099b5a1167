// The `badgewatch` command line: builds the CLI11 application with every
// subcommand and runs the one chosen. Called from main on the main thread.
#ifndef BADGEWATCH_API_CLI_CLI_APP_H_
#define BADGEWATCH_API_CLI_CLI_APP_H_

#include <cstdio>

namespace badgewatch::api {

// Parses argv and runs the subcommand. Returns the process exit code: the
// subcommand's own, 0 for --help/--version, 2 for a usage error (message on
// `err`).
[[nodiscard]] int RunCommandLine(int argc, const char* const* argv, std::FILE* out, std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_CLI_APP_H_
