#include "api/cli/input_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>

namespace badgewatch::api {
namespace {

InputFile ReadAll(std::istream& in, std::string_view name, std::size_t max_bytes,
                  const std::string& what) {
  InputFile result;
  char buffer[64 * 1024];
  while (in) {
    in.read(buffer, sizeof buffer);
    result.bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (result.bytes.size() > max_bytes) {
      result.error =
          fmt::format("'{}' is larger than {} MiB; not {}", name, max_bytes / (1024 * 1024), what);
      return result;
    }
  }
  if (in.bad()) result.error = fmt::format("cannot read '{}': {}", name, std::strerror(errno));
  return result;
}

}  // namespace

InputFile ReadInputFile(const std::string& file, std::size_t max_bytes, const std::string& what) {
  if (file == "-") return ReadAll(std::cin, "standard input", max_bytes, what);
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    return {{}, fmt::format("cannot read '{}': it is a directory", file)};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return {{}, fmt::format("cannot open '{}': {}", file, std::strerror(errno))};
  return ReadAll(in, file, max_bytes, what);
}

}  // namespace badgewatch::api
