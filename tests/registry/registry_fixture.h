// Test fixtures for the registry: a fresh database file in a temporary
// directory (removed afterwards) and a settable fake clock. One test thread.
#ifndef BADGEWATCH_TESTS_REGISTRY_REGISTRY_FIXTURE_H_
#define BADGEWATCH_TESTS_REGISTRY_REGISTRY_FIXTURE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "registry/passwords.h"
#include "registry/registry.h"

namespace badgewatch::registry::testing {

// A unique directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The bytes of the file at `path`; empty when it cannot be read.
[[nodiscard]] std::string ReadFileBytes(const std::string& path);

// The names of the entries of `directory`, sorted; throws when it cannot be listed.
[[nodiscard]] std::vector<std::string> FileNamesIn(const std::string& directory);

// 2026-01-01T00:00:00Z, where every fake clock starts.
inline constexpr std::int64_t kFakeEpoch = 1767225600;

// A registry in a temp dir whose clock is `now` (move it with `now += ...`).
// Takes back what migration 12 adds (the review queue's indexes, the trigram
// name searches and their triggers), for tests that migrate an older file.
void DropMigration12(Database& db);

struct RegistryFixture {
  RegistryFixture();
  // Closes and reopens the registry on the same file.
  void Reopen();

  TempDir dir;
  std::string path;
  std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(kFakeEpoch);
  DomainTerms terms;  // what the registry opens with (change, then Reopen)
  std::unique_ptr<Registry> registry;
};

// scrypt parameters small enough for tests that set many passwords (the
// default costs ~100 ms each).
inline constexpr PasswordCost kCheapPasswordCost{10, 8, 1};

}  // namespace badgewatch::registry::testing

#endif  // BADGEWATCH_TESTS_REGISTRY_REGISTRY_FIXTURE_H_
