// Reads "base<TAB>href" lines on stdin and prints, for each, the URL our
// WHATWG parser makes of the href against the base, or "FAIL". The
// differential test (whatwg_url_differential.js) compares the output with
// Node.js's URL class.
#include <iostream>
#include <optional>
#include <string>

#include "foundation/whatwg_url.h"

int main() {
  using badgewatch::foundation::HttpUrl;
  using badgewatch::foundation::ParseHttpUrl;
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cout << "FAIL\n";
      continue;
    }
    const std::optional<HttpUrl> base = ParseHttpUrl(line.substr(0, tab));
    const std::optional<HttpUrl> url = ParseHttpUrl(line.substr(tab + 1), base ? &*base : nullptr);
    std::cout << (url ? url->Serialize() : std::string("FAIL")) << '\n';
  }
  return 0;
}
