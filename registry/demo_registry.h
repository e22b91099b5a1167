// Builds the demo registry from data/demo/registry/: badged units and sites
// imported from sites.csv; units registered from accounts.csv; domains and
// applications from domains.csv and applications.csv driven along the legal
// workflow paths to every state; renewals (paid or waiting) from renewals.csv. Staff accounts:
// "conac" and "reviewer-RR" for each region used. Every account's web login
// password is kDemoPassword (a demo only: never for real data). Writer thread.
#ifndef BADGEWATCH_REGISTRY_DEMO_REGISTRY_H_
#define BADGEWATCH_REGISTRY_DEMO_REGISTRY_H_

#include <cstddef>
#include <string>

#include "foundation/status.h"
#include "registry/registry.h"

namespace badgewatch::registry {

// The password of every demo account, as the README's quick start says.
inline constexpr char kDemoPassword[] = "badgewatch-demo";

struct DemoSummary {
  std::size_t badged_sites = 0;   // imported with their badges
  std::size_t unit_accounts = 0;  // registered units with a login
  std::size_t domains = 0;
  std::size_t applications = 0;
  std::size_t renewals = 0;
};

// Builds into an empty registry (kFailedPrecondition when it holds units).
// kInvalidArgument naming the file and line of a bad data row.
[[nodiscard]] Result<DemoSummary> BuildDemoRegistry(Registry& registry,
                                                    const std::string& data_dir);

}  // namespace badgewatch::registry

#endif  // BADGEWATCH_REGISTRY_DEMO_REGISTRY_H_
