// bench_verify: pages/s and MB/s of the verifier's full analysis against
// Gumbo's own gumbo_parse alone, on the same corpus, on one core.
//
//   bench_verify CORPUS_DIR [--rounds N]
//
// CORPUS_DIR holds *.html pages (bench/verify/run makes one: UTF-8 and GBK
// pages of 20-60 KB from the shared farm generator). Each round runs three
// passes over every page (Gumbo's defaults, Gumbo as the verifier calls it,
// the full analysis); the best round of each is reported, so one slow round
// (another process on the core) does not skew the ratios.
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "verifier/detail/gumbo_arena.h"
#include "verifier/page_verifier.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Page {
  std::string bytes;
  std::string content_type;
};

std::vector<Page> LoadCorpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Page> pages;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    pages.push_back(
        {std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
         "text/html"});
  }
  return pages;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_verify CORPUS_DIR [--rounds N]\n");
    return 2;
  }
  int rounds = 5;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  const std::vector<Page> pages = LoadCorpus(argv[1]);
  if (pages.empty()) {
    std::fprintf(stderr, "bench_verify: no .html pages under %s\n", argv[1]);
    return 2;
  }
  std::size_t total_bytes = 0;
  for (const Page& page : pages) total_bytes += page.bytes.size();

  badgewatch::verifier::PageVerifier verifier;
  badgewatch::verifier::PageExpectation expectation;
  expectation.registered_name = "杭州市教育局";
  expectation.badge_id = "CA330000000604333780001";
  expectation.url = "https://www.example.gov.cn/col/index.html";

  double best_gumbo = 1e300;
  double best_arena = 1e300;
  double best_verify = 1e300;
  badgewatch::verifier::detail::GumboArena arena;
  std::size_t checksum = 0;  // keeps the work observable
  for (int round = 0; round < rounds; ++round) {
    auto start = Clock::now();
    for (const Page& page : pages) {
      GumboOutput* output =
          gumbo_parse_with_options(&kGumboDefaultOptions, page.bytes.data(), page.bytes.size());
      checksum += output->root->v.element.children.length;
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
    best_gumbo = std::min(best_gumbo, Seconds(Clock::now() - start));

    // The parse exactly as the verifier runs it (arena, max_errors = 0), on the
    // raw bytes: the analysis's own cost is the full pass minus this one.
    start = Clock::now();
    for (const Page& page : pages) {
      checksum += arena.Parse(page.bytes)->root->v.element.children.length;
      arena.Reset();
    }
    best_arena = std::min(best_arena, Seconds(Clock::now() - start));

    start = Clock::now();
    for (const Page& page : pages) {
      expectation.content_type = page.content_type;
      const auto report = verifier.Verify(page.bytes, expectation);
      checksum += report.links.size() + report.problems.size();
    }
    best_verify = std::min(best_verify, Seconds(Clock::now() - start));
  }

  const double mb = static_cast<double>(total_bytes) / 1e6;
  const double n = static_cast<double>(pages.size());
  std::printf("corpus: %zu pages, %.1f MB, mean %.1f KB\n", pages.size(), mb,
              static_cast<double>(total_bytes) / n / 1024.0);
  std::printf("%-28s %10.0f pages/s %8.1f MB/s\n", "gumbo_parse alone", n / best_gumbo,
              mb / best_gumbo);
  std::printf("%-28s %10.0f pages/s %8.1f MB/s\n", "gumbo_parse, verifier's way", n / best_arena,
              mb / best_arena);
  std::printf("%-28s %10.0f pages/s %8.1f MB/s\n", "badgewatch verify (full)", n / best_verify,
              mb / best_verify);
  std::printf("analysis cost / parse cost: %.3f  (target <= 1.25)\n", best_verify / best_gumbo);
  std::printf("full verify / verifier's own parse: %.3f  (what decoding, the walk and links add)\n",
              best_verify / best_arena);
  std::printf("(best of %d rounds; checksum %zu)\n", rounds, checksum);
  return 0;
}
