#include "tests/registry/registry_fixture.h"

#include <stdlib.h>

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

}  // namespace badgewatch::registry::testing
