// The whole of a file named on the command line ("-": standard input), read
// with a size cap so a wrong argument (a disk image, /dev/zero) is refused
// instead of filling memory. Any thread (standard input: one reader).
#ifndef BADGEWATCH_API_CLI_INPUT_FILE_H_
#define BADGEWATCH_API_CLI_INPUT_FILE_H_

#include <cstddef>
#include <string>

namespace badgewatch::api {

struct InputFile {
  std::string bytes;
  std::string error;  // empty on success; else "cannot open 'x': No such file or directory" ...
};

// Reads `file`; an error for a missing or unreadable file, a directory, or
// more than `max_bytes` (`what` names the expected content in that message:
// "'x' is larger than 64 MiB; not a web page").
[[nodiscard]] InputFile ReadInputFile(const std::string& file, std::size_t max_bytes,
                                      const std::string& what);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_INPUT_FILE_H_
