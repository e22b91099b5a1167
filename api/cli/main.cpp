// badgewatch: the one executable. Everything lives in the libraries; main only
// hands over the command line and turns an escaping exception (a bug or a
// fatal start-up error) into a message and exit code 2.
#include <curl/curl.h>
#include <malloc.h>

#include <cstdio>
#include <exception>

#include "api/cli/cli_app.h"

int main(int argc, char** argv) {
  // Pages of up to 5 MiB and the parser's blocks come and go on several
  // threads. glibc would raise its mmap threshold after the first large free
  // and keep such blocks in per-thread heaps it never gives back (55 MB more
  // at peak on a crawl of 5 MiB pages); a fixed threshold maps them and
  // returns them to the system when freed.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
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
