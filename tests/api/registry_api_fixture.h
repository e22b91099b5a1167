// The registry's JSON API on a real registry file, for route tests: the
// workflow fixture's actors (an agency and reviewers in region 33, a reviewer
// in region 11, CONAC) plus an agency of region 11, each with an API token,
// and the application and domain routes on one router. One test thread.
#ifndef BADGEWATCH_TESTS_API_REGISTRY_API_FIXTURE_H_
#define BADGEWATCH_TESTS_API_REGISTRY_API_FIXTURE_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "api/http/request_router.h"
#include "api/service/caller_scope.h"
#include "api/service/reader_pool.h"
#include "api/service/registry_writer.h"
#include "tests/registry/workflow_fixture.h"

namespace badgewatch::api::testing {

struct RegistryApi : registry::testing::WorkflowFixture {
  RegistryApi();

  // `who` ("agency", "other_agency", "institution", "reviewer33", "reviewer11",
  // "conac")
  // calls `method target` with a JSON `body` when one is given.
  HttpResponse Call(const std::string& who, http::verb method, const std::string& target,
                    const std::string& body = "",
                    const std::string& content_type = "application/json");
  // The same, sent from `client`.
  HttpResponse CallFrom(const boost::asio::ip::address& client, const std::string& who,
                        http::verb method, const std::string& target, const std::string& body);
  // A valid application form of the agency (or `unit`), its mobile confirmed.
  nlohmann::json FormJson(const std::string& site_name);
  nlohmann::json FormJson(const registry::Actor& unit, const std::string& site_name);
  // The agency submits FormJson(site_name); returns the application id.
  std::int64_t Submit(const std::string& site_name);

  registry::Actor other_agency;
  std::map<std::string, std::string> tokens;
  ReaderPool readers{path, 2};
  RegistryWriter writer{*registry};
  RegistryAccess access{&readers, &writer};
  RequestRouter router;
  // What Call and CallFrom go through: `router`, or a fixture's whole server.
  RequestRouter* serving = &router;
};

}  // namespace badgewatch::api::testing

#endif  // BADGEWATCH_TESTS_API_REGISTRY_API_FIXTURE_H_
