// The one Catch2 v2 main shared by every test executable. Like badgewatch's
// own main, it sets libcurl up once before any test starts a thread.
#define CATCH_CONFIG_RUNNER
#include <curl/curl.h>

#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char** argv) {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    std::fprintf(stderr, "libcurl could not be initialised\n");
    return 2;
  }
  const int result = Catch::Session().run(argc, argv);
  curl_global_cleanup();
  return result;
}
