// badgewatch: the one executable. Everything lives in the libraries; main only
// hands over the command line and turns an escaping exception (a bug or a
// fatal start-up error) into a message and exit code 2.
#include <curl/curl.h>

#include <cstdio>
#include <exception>

#include "api/cli_app.h"

int main(int argc, char** argv) {
  // libcurl's global set-up is not thread-safe: do it once, before any thread
  // (the server's workers, the crawler's pool, the notification sender) starts.
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    std::fprintf(stderr, "badgewatch: fatal: libcurl could not be initialised\n");
    return 2;
  }
  try {
    return badgewatch::api::RunCommandLine(argc, argv, stdout, stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "badgewatch: fatal: %s\n", e.what());
    return 2;
  }
}
