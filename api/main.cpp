// badgewatch: the one executable. Everything lives in the libraries; main only
// hands over the command line and turns an escaping exception (a bug or a
// fatal start-up error) into a message and exit code 2.
#include <cstdio>
#include <exception>

#include "api/cli_app.h"

int main(int argc, char** argv) {
  try {
    return badgewatch::api::RunCommandLine(argc, argv, stdout, stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "badgewatch: fatal: %s\n", e.what());
    return 2;
  }
}
