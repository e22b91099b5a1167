// Replacing a file so that a reader never sees half of it: the text goes to a
// temporary file beside the target (its name starts with '.' and ends in
// random characters, so collectors and globs skip it), is flushed to disk,
// then renamed over the target. Blocking file I/O; any thread, one writer per
// path.
//
// Example:
//   Status written = WriteFileAtomically("/var/lib/badgewatch/reports/x.html", html);
//   if (!written.ok()) spdlog::error("{}", written.message());
#ifndef BADGEWATCH_SCAN_ATOMIC_FILE_H_
#define BADGEWATCH_SCAN_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "foundation/status.h"

namespace badgewatch::scan {

// Writes `text` to `path` atomically (mode 0644). Fails naming the file and
// the system error; the target is then untouched and no temporary file is
// left behind.
[[nodiscard]] Status WriteFileAtomically(const std::string& path, std::string_view text);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_ATOMIC_FILE_H_
