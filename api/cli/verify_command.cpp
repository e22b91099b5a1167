#include "api/cli/verify_command.h"

#include <fmt/format.h>

#include <iterator>
#include <optional>

#include "api/cli/badge_id_option.h"
#include "api/cli/input_file.h"
#include "scan/page_report_json.h"
#include "scan/page_report_text.h"
#include "verifier/page_verifier.h"

namespace badgewatch::api {
namespace {

// A saved page larger than this is refused rather than read into memory.
constexpr std::size_t kMaxPageBytes = 64 * 1024 * 1024;

}  // namespace

CLI::App* AddVerifyCommand(CLI::App& app, VerifyOptions& options) {
  CLI::App* verify = app.add_subcommand(
      "verify",
      "Check one saved page: is the CONAC badge before </body> with the right id, and does the "
      "title match the registered name? Exit 0 pass, 1 fail, 2 bad input.");
  verify->add_option("file", options.file, "The saved page; - reads standard input")->required();
  verify
      ->add_option("--name", options.expectation.registered_name,
                   "The site's registered name (网站名称)")
      ->required();
  verify
      ->add_option("--badge-id", options.expectation.badge_id,
                   "The unit's own badge id (CA + 21 digits); another id fails the page")
      ->check(BadgeIdValidator());
  verify->add_option("--url", options.expectation.url,
                     "The page's URL: resolves relative links, enables the mixed-content check");
  verify->add_option("--content-type", options.expectation.content_type,
                     "The HTTP Content-Type the page was served with (its charset counts)");
  verify->add_option("--page", options.page_role, "home (title must equal the name) or inner")
      ->check(CLI::IsMember({"home", "inner"}));
  verify->add_flag("--json", options.json, "Print the machine-readable report");
  return verify;
}

int RunVerify(VerifyOptions options, std::FILE* out, std::FILE* err) {
  const InputFile page = ReadInputFile(options.file, kMaxPageBytes, "a web page");
  if (!page.error.empty()) {
    fmt::print(err, "badgewatch verify: {}\n", page.error);
    return 2;
  }
  options.expectation.role =
      options.page_role == "inner" ? verifier::PageRole::kInner : verifier::PageRole::kHome;
  const verifier::PageReport report = verifier::VerifyPage(page.bytes, options.expectation);
  if (options.json) {
    fmt::print(out, "{}\n",
               scan::PageReportToJson(report).dump(2, ' ', false,
                                                   nlohmann::json::error_handler_t::replace));
  } else {
    fmt::print(out, "{}", scan::PageReportToText(options.file, options.expectation, report));
  }
  std::fflush(out);
  return report.verdict == verifier::Verdict::kPass ? 0 : 1;
}

}  // namespace badgewatch::api
