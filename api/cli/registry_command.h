// `badgewatch registry ...`: the registry's command line — init, import,
// export, backup, audit-verify, create-account, create-token, list-tokens,
// revoke-token, set-password, list-applications, send-notifications,
// queue-reminders, demo. Each opens the
// database given by --db (default badgewatch.db) on the calling thread: the
// commands that only read (export, backup, audit-verify, list-tokens,
// list-applications) on a read-only connection of this build's schema, the
// others as the one writer (creating or migrating the file).
#ifndef BADGEWATCH_API_CLI_REGISTRY_COMMAND_H_
#define BADGEWATCH_API_CLI_REGISTRY_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <string>

namespace badgewatch::api {

struct RegistryCommandOptions {
  std::string db = "badgewatch.db";
  std::string file;  // import: CSV in; export: CSV out ("-" stdout); backup: destination
  // create-account / create-token
  std::string login;
  std::string role;    // unit, regional, conac
  std::string region;  // 2-digit code
  std::string label;
  // revoke-token
  std::int64_t token_id = 0;
  // set-password: the password is read from standard input, never from argv
  bool password_stdin = false;
  // create-account --role unit: the registration form
  std::string kind;  // 党政机关 / 事业单位 / 社会组织 (or party-government, ...)
  std::string category;
  std::string name;
  std::string address;
  std::string handler;
  std::string mobile;
  std::string email;
  // list-applications
  std::string state;
  bool json = false;
  // send-notifications and queue-reminders: --config fills what the command
  // line leaves out
  std::string config;  // badgewatch.toml: [database] path, [mail], [sms], [domains]
  std::string smtp_url;
  std::string mail_from = "badge@conac.cn";
  std::string sms_gateway;
  int timeout_ms = 15'000;  // per delivery, e-mail and SMS alike
  int limit = 100;
  const CLI::App* send_command = nullptr;   // set by AddRegistryCommand: which options were given
  const CLI::App* sweep_command = nullptr;  // queue-reminders, likewise
  // demo: empty means <ShippedDataDir()>/demo/registry
  std::string data_dir;

  std::string chosen;  // the subcommand that was parsed
};

// Adds `registry` and its subcommands to `app`, filling `options`.
CLI::App* AddRegistryCommand(CLI::App& app, RegistryCommandOptions& options);

// Runs the chosen subcommand. Returns the exit code: 0 done; 1 audit-verify
// found the chain broken; 2 bad input, a refused step or a storage error (the
// reason on `err`; an import prints every bad row; an unreadable --config
// names its file and line).
[[nodiscard]] int RunRegistry(const RegistryCommandOptions& options, std::FILE* out,
                              std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_REGISTRY_COMMAND_H_
