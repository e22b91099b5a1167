#include "api/verify_command.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "api/badge_id_option.h"
#include "api/page_report_json.h"
#include "api/page_report_text.h"
#include "verifier/page_verifier.h"

namespace badgewatch::api {
namespace {

// A saved page larger than this is refused rather than read into memory.
constexpr std::size_t kMaxPageBytes = 64 * 1024 * 1024;

struct ReadResult {
  std::string bytes;
  std::string error;  // empty on success
};

ReadResult ReadAll(std::istream& in, std::string_view name) {
  ReadResult result;
  char buffer[64 * 1024];
  while (in) {
    in.read(buffer, sizeof buffer);
    result.bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (result.bytes.size() > kMaxPageBytes) {
      result.error = fmt::format("'{}' is larger than {} MiB; not a web page", name,
                                 kMaxPageBytes / (1024 * 1024));
      return result;
    }
  }
  if (in.bad()) result.error = fmt::format("cannot read '{}': {}", name, std::strerror(errno));
  return result;
}

ReadResult ReadPage(const std::string& file) {
  if (file == "-") return ReadAll(std::cin, "standard input");
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    return {{}, fmt::format("cannot read '{}': it is a directory", file)};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return {{}, fmt::format("cannot open '{}': {}", file, std::strerror(errno))};
  return ReadAll(in, file);
}

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
  const ReadResult page = ReadPage(options.file);
  if (!page.error.empty()) {
    fmt::print(err, "badgewatch verify: {}\n", page.error);
    return 2;
  }
  options.expectation.role =
      options.page_role == "inner" ? verifier::PageRole::kInner : verifier::PageRole::kHome;
  const verifier::PageReport report = verifier::VerifyPage(page.bytes, options.expectation);
  if (options.json) {
    fmt::print(
        out, "{}\n",
        PageReportToJson(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  } else {
    fmt::print(out, "{}", PageReportToText(options.file, options.expectation, report));
  }
  std::fflush(out);
  return report.verdict == verifier::Verdict::kPass ? 0 : 1;
}

}  // namespace badgewatch::api
