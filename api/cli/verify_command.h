// `badgewatch verify FILE ...`: analyses one saved page and prints its report
// (DESIGN.md, "Command-line contract"). Runs on the calling thread.
#ifndef BADGEWATCH_API_CLI_VERIFY_COMMAND_H_
#define BADGEWATCH_API_CLI_VERIFY_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "verifier/page_report.h"

namespace badgewatch::api {

struct VerifyOptions {
  std::string file;  // a path, or "-" for standard input
  verifier::PageExpectation expectation;
  std::string page_role = "home";
  bool json = false;
};

// Adds the `verify` subcommand and its options to `app`, filling `options`.
CLI::App* AddVerifyCommand(CLI::App& app, VerifyOptions& options);

// Reads the page and prints the report to `out`. Returns the process exit
// code: 0 the page passes, 1 it fails, 2 the input could not be read (the
// reason printed to `err`).
[[nodiscard]] int RunVerify(VerifyOptions options, std::FILE* out, std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_VERIFY_COMMAND_H_
