#include "scan/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace badgewatch::scan {
namespace {

Status SystemError(std::string_view action, const std::string& path) {
  return Status(StatusCode::kStorage,
                fmt::format("cannot {} '{}': {}", action, path, std::strerror(errno)));
}

// Writes all of `text` to `fd`, retrying short writes and EINTR.
bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view text) {
  const std::filesystem::path target(path);
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string temporary = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return SystemError("create a temporary file for", path);
  const bool written = WriteAll(fd, text) && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
  const int saved_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    errno = written ? errno : saved_errno;
    Status failed = SystemError("write", temporary);
    ::unlink(temporary.c_str());
    return failed;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    Status failed = SystemError("rename the temporary file onto", path);
    ::unlink(temporary.c_str());
    return failed;
  }
  return Status::Ok();
}

}  // namespace badgewatch::scan
