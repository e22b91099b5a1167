// Where the data/ folder the project ships (the demo registry and demo pages)
// is found at run time: ./data in a source tree, else the installed copy
// beside the binary (<bin>/../share/badgewatch, /usr/share/badgewatch for the
// .deb). Any thread.
#ifndef BADGEWATCH_API_CLI_SHIPPED_DATA_H_
#define BADGEWATCH_API_CLI_SHIPPED_DATA_H_

#include <string>

namespace badgewatch::api {

// "data" when ./data/demo/registry exists; else the installed data directory
// beside the running executable when that exists; else "data" (so a message
// about a missing file names the path a user of the source tree expects).
[[nodiscard]] std::string ShippedDataDir();

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_SHIPPED_DATA_H_
