// `badgewatch scan`: the nightly compliance scan of every site with an issued
// badge (or one site, or one region), resumable after a kill with --resume;
// progress on a terminal, a summary at the end, optional Prometheus metrics
// file. Runs the crawl loop on the calling thread; SIGINT/SIGTERM interrupt it
// (the scan stays resumable).
#ifndef BADGEWATCH_API_CLI_SCAN_COMMAND_H_
#define BADGEWATCH_API_CLI_SCAN_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <string>

#include "scan/scan_files.h"
#include "scan/scan_runner.h"

namespace badgewatch::api {

struct ScanOptions {
  std::string db = "badgewatch.db";
  std::string config;        // badgewatch.toml; its values are the defaults of the options
  scan::ScanFiles files;     // the metrics file and the report directory
  std::int64_t site_id = 0;  // 0: every due site
  scan::ScanSettings settings;
  const CLI::App* command = nullptr;  // set by AddScanCommand: which options were given
};

// Adds the `scan` subcommand and its options to `app`, filling `options`.
CLI::App* AddScanCommand(CLI::App& app, ScanOptions& options);

// Exit code: 0 when the scan ran to the end (whatever the sites' verdicts;
// a metrics file or report that cannot be written is reported on `err` but
// leaves the scan finished), 2 for bad options, an unreadable registry or
// config, or an interrupted scan (the message says to --resume).
[[nodiscard]] int RunScan(ScanOptions options, std::FILE* out, std::FILE* err);

}  // namespace badgewatch::api

#endif  // BADGEWATCH_API_CLI_SCAN_COMMAND_H_
