#include "tests/registry/registry_fixture.h"

#include <stdlib.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace badgewatch::registry::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "badgewatch-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> FileNamesIn(const std::string& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

RegistryFixture::RegistryFixture() : path(dir.File("registry.db")) { Reopen(); }

void RegistryFixture::Reopen() {
  registry.reset();
  RegistryOptions options;
  options.clock = [clock = now] { return *clock; };
  options.domain_terms = terms;
  Result<std::unique_ptr<Registry>> opened = Registry::Open(path, options);
  if (!opened) throw std::runtime_error(opened.status().ToString());
  registry = std::move(opened).value();
}

void DropMigration12(Database& db) {
  for (const char* name :
       {"applications_by_state_time", "domains_by_state_time", "domains_by_time",
        "domains_by_state_unit", "payments_by_state_time", "payments_by_time",
        "payments_by_state_unit", "renewals_by_state_time", "renewals_by_time",
        "renewals_by_state_unit", "units_by_region_division", "applications_by_unit",
        "domains_by_unit", "payments_by_unit", "renewals_by_unit"}) {
    REQUIRE(db.Exec(("DROP INDEX " + std::string(name)).c_str()).ok());
  }
  for (const char* name : {"unit_name_search", "domain_name_search"}) {
    for (const char* event : {"insert", "delete", "update"}) {
      REQUIRE(db.Exec(("DROP TRIGGER " + std::string(name) + "_" + event).c_str()).ok());
    }
    REQUIRE(db.Exec(("DROP TABLE " + std::string(name)).c_str()).ok());
  }
  REQUIRE(db.Exec("DROP TRIGGER application_site_search_revision").ok());
  REQUIRE(db.Exec("DROP TABLE application_site_search").ok());
}

}  // namespace badgewatch::registry::testing
