#include "api/cli/cli_app.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <sstream>
#include <string>

#include "api/cli/check_command.h"
#include "api/cli/registry_command.h"
#include "api/cli/report_command.h"
#include "api/cli/scan_command.h"
#include "api/cli/serve_command.h"
#include "api/cli/verify_command.h"
#include "build_version.h"  // generated: kBuildVersion, from git describe

namespace badgewatch::api {

int RunCommandLine(int argc, const char* const* argv, std::FILE* out, std::FILE* err) {
  CLI::App app{
      "badgewatch: the CONAC website-badge service. Checks that every page of a registered "
      "site carries the unit's badge before </body> and the registered name as its title.",
      "badgewatch"};
  app.set_version_flag("--version", std::string("badgewatch ") + kBuildVersion);
  app.require_subcommand(1);

  VerifyOptions verify_options;
  CLI::App* verify = AddVerifyCommand(app, verify_options);
  CheckOptions check_options;
  CLI::App* check = AddCheckCommand(app, check_options);
  RegistryCommandOptions registry_options;
  CLI::App* registry = AddRegistryCommand(app, registry_options);
  ServeOptions serve_options;
  CLI::App* serve = AddServeCommand(app, serve_options);
  ReportOptions report_options;
  CLI::App* report = AddReportCommand(app, report_options);
  ScanOptions scan_options;
  CLI::App* scan = AddScanCommand(app, scan_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out_text;
    std::ostringstream err_text;
    const int code = app.exit(e, out_text, err_text);
    fmt::print(out, "{}", out_text.str());
    fmt::print(err, "{}", err_text.str());
    if (code != 0) {
      fmt::print(err, "Run 'badgewatch --help' or 'badgewatch SUBCOMMAND --help' for usage.\n");
    }
    return code == 0 ? 0 : 2;
  }
  if (verify->parsed()) return RunVerify(verify_options, out, err);
  if (check->parsed()) return RunCheck(check_options, out, err);
  if (registry->parsed()) return RunRegistry(registry_options, out, err);
  if (serve->parsed()) return RunServe(serve_options, out, err);
  if (report->parsed()) return RunReport(report_options, out, err);
  if (scan->parsed()) return RunScan(std::move(scan_options), out, err);
  return 2;
}

}  // namespace badgewatch::api
