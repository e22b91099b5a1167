#include "api/cli/shipped_data.h"

#include <filesystem>
#include <system_error>

namespace badgewatch::api {

std::string ShippedDataDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory("data/demo/registry", ec)) return "data";
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = executable.parent_path().parent_path() / "share" / "badgewatch";
    if (fs::is_directory(installed / "demo" / "registry", ec)) return installed.string();
  }
  return "data";
}

}  // namespace badgewatch::api
