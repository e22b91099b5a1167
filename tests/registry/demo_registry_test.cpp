// The shipped demo registry builds, and holds applications and domains in
// every workflow state, badged sites in several regions, an intact audit log.
#include "registry/demo_registry.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "registry/audit_log.h"
#include "registry/passwords.h"
#include "registry/site_applications.h"
#include "registry/sites.h"
#include "registry/workflow.h"
#include "tests/registry/registry_fixture.h"

namespace badgewatch::registry {
namespace {

using testing::RegistryFixture;

std::set<std::string> Column(Database& db, const char* sql) {
  Result<Statement> s = db.Prepare(sql);
  REQUIRE(s.ok());
  std::set<std::string> values;
  while (s->Step().value()) values.insert(s->Text(0));
  return values;
}

TEST_CASE("LegalPathTo: the shortest legal path from a new subject", "[registry]") {
  std::vector<Transition> path = LegalPathTo(Workflow::kSiteOpening, "badge-issued");
  REQUIRE(path.size() == 4);
  CHECK(path[0].action == WorkflowAction::kSubmit);
  CHECK(path[3].action == WorkflowAction::kIssueBadge);
  CHECK(LegalPathTo(Workflow::kBadge, "rejected").size() == 2);
  CHECK(LegalPathTo(Workflow::kDomain, "registered").back().action == WorkflowAction::kRegister);
  CHECK(LegalPathTo(Workflow::kBadge, "materials-received").empty());
}

TEST_CASE("DemoRegistry: every workflow state, several regions, intact audit", "[registry]") {
  RegistryFixture f;
  Result<DemoSummary> demo = BuildDemoRegistry(*f.registry, BADGEWATCH_DEMO_REGISTRY_DIR);
  INFO(demo.status().ToString());
  REQUIRE(demo.ok());
  CHECK(demo->badged_sites >= 20);
  CHECK(demo->applications >= 10);
  Database& db = f.registry->writer();
  CHECK(Column(db,
               "SELECT DISTINCT state FROM applications WHERE kind = 'site-opening' "
               "ORDER BY state") == std::set<std::string>{"badge-issued", "initial-passed",
                                                          "materials-received", "rejected",
                                                          "submitted"});
  CHECK(Column(db,
               "SELECT DISTINCT state FROM applications WHERE kind = 'badge' "
               "ORDER BY state") ==
        std::set<std::string>{"badge-issued", "regional-passed", "rejected", "submitted"});
  CHECK(Column(db, "SELECT DISTINCT state FROM domains ORDER BY state") ==
        std::set<std::string>{"conac-passed", "registered", "regional-passed", "rejected",
                              "submitted"});
  CHECK(Column(db, "SELECT DISTINCT region_code FROM units ORDER BY region_code").size() >= 5);
  CHECK(Column(db, "SELECT DISTINCT state FROM renewals ORDER BY state") ==
        std::set<std::string>{"completed", "submitted"});
  std::set<std::string> hosts =
      Column(db, "SELECT english_domain FROM sites WHERE english_domain IS NOT NULL ORDER BY id");
  CHECK(hosts.count("edu.hangzhou.gov.cn") == 1);
  CHECK(Column(db, "SELECT id FROM badges ORDER BY id").count("CA330000000604333780001") == 1);
  CHECK(Column(db, "SELECT chinese_domain FROM sites WHERE chinese_domain IS NOT NULL ORDER BY id")
            .count("教育局.政务") == 1);
  CHECK(VerifyAuditLog(db)->intact);
  // Every demo account can log in to the web pages with the documented password.
  CHECK(Column(db, "SELECT login FROM accounts WHERE password_hash IS NULL ORDER BY id").empty());
  for (const char* login : {"conac", "reviewer-33"}) {
    INFO(login);
    CHECK(VerifyLogin(db, login, kDemoPassword).ok());
  }
  CHECK(BuildDemoRegistry(*f.registry, BADGEWATCH_DEMO_REGISTRY_DIR).status().code() ==
        StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace badgewatch::registry
