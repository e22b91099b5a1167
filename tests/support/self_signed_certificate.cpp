#include "tests/support/self_signed_certificate.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

extern char** environ;

namespace badgewatch::testing {

SelfSignedCertificate::SelfSignedCertificate(const std::vector<std::string>& hosts) {
  std::string dir_template = (std::filesystem::temp_directory_path() / "badgewatch-tls.XXXXXX");
  if (mkdtemp(dir_template.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = dir_template;
  std::string names;
  for (const std::string& host : hosts) names += (names.empty() ? "DNS:" : ",DNS:") + host;
  std::vector<std::string> args = {"openssl",
                                   "req",
                                   "-x509",
                                   "-newkey",
                                   "ec",
                                   "-pkeyopt",
                                   "ec_paramgen_curve:prime256v1",
                                   "-nodes",
                                   "-days",
                                   "1",
                                   "-subj",
                                   "/CN=" + hosts.front(),
                                   "-addext",
                                   "subjectAltName=" + names,
                                   "-keyout",
                                   key(),
                                   "-out",
                                   certificate()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const int rc = posix_spawnp(&pid, "openssl", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (rc != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    std::filesystem::remove_all(dir_);
    throw std::runtime_error("openssl could not make a test certificate");
  }
}

SelfSignedCertificate::~SelfSignedCertificate() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace badgewatch::testing
