#include "scan/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "foundation/html_markup.h"
#include "scan/detail/report_stylesheet.h"
#include "scan/report_charts.h"

namespace badgewatch::scan {
namespace {

using foundation::HtmlEscape;
using Row = registry::SiteComplianceRow;

// Codes by their names, one a line.
std::string CodeNamesHtml(const std::vector<std::string>& codes, ReportLanguage language,
                          bool warning) {
  std::string names;
  for (const std::string& code : codes) {
    if (!names.empty()) names += "<br>";
    names += CodeNameHtml(code, language, warning);
  }
  return names;
}

// Renders one report; holds the options so that every part reads the same
// language.
class HtmlReportWriter {
 public:
  HtmlReportWriter(const ComplianceReport& report, const HtmlReportOptions& options)
      : report_(report), options_(options) {}

  std::string Render() {
    Head();
    html_ += "<main>\n";
    AppendSections();
    html_ += fmt::format("<footer>{} · badgewatch</footer>\n</main>\n</body>\n</html>\n",
                         Fact(ReportText::kGeneratedAt, FormatBeijingTime(report_.generated_at)));
    return std::move(html_);
  }

  // Only the content between the header and the footer.
  std::string Sections() {
    AppendSections();
    return std::move(html_);
  }

 private:
  void AppendSections() {
    Figures();
    Charts();
    RegionTable();
    CodeTable();
    FailingSites();
    if (options_.list_all_sites) AllSites();
  }

  std::string_view T(ReportText text) const { return Message(text, options_.language); }

  // A message with "{}" placeholders, filled.
  template <typename... Args>
  std::string F(ReportText text, const Args&... args) const {
    return fmt::format(fmt::runtime(T(text)), args...);
  }

  bool Chinese() const { return options_.language == ReportLanguage::kChinese; }

  // "<span>名称：值</span>" or "<span>Name: value</span>"; `value_html` is
  // already escaped.
  std::string Fact(ReportText name, std::string_view value_html) const {
    return fmt::format("<span>{}{}{}</span>", T(name), Chinese() ? "：" : ": ", value_html);
  }

  std::string ScanTitle() const {
    const std::string_view kind = report_.scan.kind == "self-check"
                                      ? T(ReportText::kScanKindSelfCheck)
                                      : T(ReportText::kScanKindNightly);
    const std::string number = F(ReportText::kScanNumber, report_.scan.id);
    return Chinese() ? fmt::format("{}（{}）", number, kind) : fmt::format("{} ({})", number, kind);
  }

  std::string RegionTitle() const {
    if (report_.region_code.empty()) return std::string(T(ReportText::kAllRegions));
    return fmt::format("{} {}", report_.region_name, report_.region_code);
  }

  void Head() {
    html_ += fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{} · {}</title>\n<style>{}</style>\n</head>\n<body>\n",
        LanguageTag(options_.language), T(ReportText::kReportTitle), HtmlEscape(ScanTitle()),
        detail::kReportStylesheet);
    const registry::ScanOverview& scan = report_.scan;
    const std::string finished = scan.finished_at ? FormatBeijingTime(*scan.finished_at)
                                                  : std::string(T(ReportText::kNotFinished));
    html_ += fmt::format(
        "<header class=\"report\"><div class=\"inner\">\n<h1>{}</h1>\n<div class=\"meta\">"
        "<span>{}</span>{}{}{}<span>{}</span></div>\n</div></header>\n",
        T(ReportText::kReportTitle), HtmlEscape(ScanTitle()),
        Fact(ReportText::kRegion, HtmlEscape(RegionTitle())),
        Fact(ReportText::kStartedAt, FormatBeijingTime(scan.started_at)),
        Fact(ReportText::kFinishedAt, finished), T(ReportText::kTimeZoneNote));
  }

  void Figure(ReportText name, const std::string& figure, const std::string& note,
              std::string_view tone) {
    html_ += fmt::format(
        "<div class=\"kpi {}\"><div class=\"name\">{}</div><div class=\"figure\">{}</div>"
        "<div class=\"note\">{}</div></div>\n",
        tone, T(name), figure, note);
  }

  void Figures() {
    const registry::ScanOverview& scan = report_.scan;
    const std::optional<double> rate = ComplianceRate(scan.sites, scan.sites_failed);
    std::string_view tone = "neutral";
    if (rate) {
      const ChartTone t = RateTone(*rate);
      tone = t == ChartTone::kGood ? "good" : t == ChartTone::kFair ? "fair" : "poor";
    }
    html_ += "<div class=\"kpis\">\n";
    Figure(ReportText::kSitesScanned, FormatCount(scan.sites), HtmlEscape(RegionTitle()),
           "neutral");
    Figure(ReportText::kComplianceRate, FormatRate(rate),
           F(ReportText::kSitesPassedOf, FormatCount(scan.sites - scan.sites_failed),
             FormatCount(scan.sites)),
           tone);
    Figure(ReportText::kPagesChecked, FormatCount(scan.pages_total),
           fmt::format("{} {}", T(ReportText::kFailingPages), FormatCount(scan.pages_failed)),
           "neutral");
    const std::optional<double> failing_share =
        rate ? std::optional<double>(1.0 - *rate) : std::nullopt;
    Figure(ReportText::kFailingSites, FormatCount(scan.sites_failed),
           F(ReportText::kShareOfSites, FormatRate(failing_share)),
           scan.sites_failed > 0 ? "poor" : "good");
    html_ += "</div>\n";
  }

  // Regions worst first: lowest rate, then most failing sites, then code.
  std::vector<registry::RegionCompliance> RegionsWorstFirst() const {
    std::vector<registry::RegionCompliance> regions = report_.regions;
    std::stable_sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) {
      const double rate_a = ComplianceRate(a.sites, a.sites_failed).value_or(1.0);
      const double rate_b = ComplianceRate(b.sites, b.sites_failed).value_or(1.0);
      if (rate_a != rate_b) return rate_a < rate_b;
      return a.sites_failed > b.sites_failed;
    });
    return regions;
  }

  void Charts() {
    html_ += "<div class=\"charts\">\n";
    std::vector<ChartBar> region_bars;
    for (const registry::RegionCompliance& r : RegionsWorstFirst()) {
      const double rate = ComplianceRate(r.sites, r.sites_failed).value_or(0.0);
      region_bars.push_back(
          {r.region_name, rate,
           fmt::format("{}  {}/{}", FormatRate(rate), r.sites - r.sites_failed, r.sites),
           RateTone(rate)});
    }
    ChartSection(ReportText::kRateByRegion,
                 HorizontalBarChart(region_bars, 1.0, std::string(T(ReportText::kRateByRegion))),
                 region_bars.empty(), "");

    std::vector<ChartBar> code_bars;
    std::int64_t most_sites = 1;
    for (const registry::CodeTally& tally : report_.codes) {
      most_sites = std::max(most_sites, tally.sites);
    }
    for (const registry::CodeTally& tally : report_.codes) {
      code_bars.push_back({std::string(NameCode(tally.code, options_.language)),
                           static_cast<double>(tally.sites),
                           F(ReportText::kSiteCount, FormatCount(tally.sites)),
                           tally.is_warning ? ChartTone::kWarning : ChartTone::kPoor});
    }
    ChartSection(ReportText::kProblemsByKind,
                 HorizontalBarChart(code_bars, static_cast<double>(most_sites),
                                    std::string(T(ReportText::kProblemsByKind))),
                 code_bars.empty(), T(ReportText::kNoFailingSites));

    std::vector<ChartPoint> points;
    for (const registry::ScanOverview& scan : report_.trend) {
      const double rate = ComplianceRate(scan.sites, scan.sites_failed).value_or(0.0);
      points.push_back({FormatBeijingTime(scan.started_at).substr(5, 5), rate, FormatRate(rate)});
    }
    std::string trend = RateLineChart(points, std::string(T(ReportText::kTrend)));
    if (points.size() < 2) {
      trend += fmt::format("<p class=\"empty\">{}</p>\n", T(ReportText::kTrendSingleScan));
    }
    ChartSection(ReportText::kTrend, trend, false, "", "wide");
    html_ += "</div>\n";
  }

  void ChartSection(ReportText title, const std::string& chart, bool empty,
                    std::string_view empty_note, std::string_view css_class = "") {
    html_ += fmt::format("<section class=\"{}\">\n<h2>{}</h2>\n", css_class, T(title));
    if (empty) {
      html_ += fmt::format("<p class=\"empty\">{}</p>\n",
                           empty_note.empty() ? T(ReportText::kNone) : empty_note);
    } else {
      html_ += chart;
    }
    html_ += "</section>\n";
  }

  // <th> cells; numeric columns right-aligned.
  void TableHead(std::initializer_list<std::pair<ReportText, bool>> columns) {
    html_ += "<table>\n<thead><tr>";
    for (const auto& [text, numeric] : columns) {
      html_ += fmt::format("<th{}>{}</th>", numeric ? " class=\"num\"" : "", T(text));
    }
    html_ += "</tr></thead>\n<tbody>\n";
  }

  void RegionTable() {
    html_ += fmt::format("<section id=\"regions\">\n<h2>{}</h2>\n", T(ReportText::kRateByRegion));
    TableHead({{ReportText::kRegion, false},
               {ReportText::kRegionCode, false},
               {ReportText::kSites, true},
               {ReportText::kFailingSites, true},
               {ReportText::kComplianceRate, true},
               {ReportText::kPagesChecked, true},
               {ReportText::kFailingPages, true}});
    for (const registry::RegionCompliance& r : RegionsWorstFirst()) {
      html_ += fmt::format(
          "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
          HtmlEscape(r.region_name), HtmlEscape(r.region_code), FormatCount(r.sites),
          FormatCount(r.sites_failed), FormatRate(ComplianceRate(r.sites, r.sites_failed)),
          FormatCount(r.pages_total), FormatCount(r.pages_failed));
    }
    html_ += "</tbody>\n</table>\n</section>\n";
  }

  void CodeTable() {
    html_ += fmt::format("<section id=\"codes\">\n<h2>{}</h2>\n", T(ReportText::kProblemsByKind));
    if (report_.codes.empty()) {
      html_ +=
          fmt::format("<p class=\"empty\">{}</p>\n</section>\n", T(ReportText::kNoFailingSites));
      return;
    }
    TableHead({{ReportText::kProblems, false},
               {ReportText::kExplanation, false},
               {ReportText::kSites, true},
               {ReportText::kFailingPages, true}});
    for (const registry::CodeTally& tally : report_.codes) {
      html_ += fmt::format(
          "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
          CodeChip(tally.code, tally.is_warning),
          HtmlEscape(ExplainCode(tally.code, options_.language)), tally.sites, tally.pages);
    }
    html_ += "</tbody>\n</table>\n</section>\n";
  }

  // The code's name with the code itself small beside it.
  std::string CodeChip(std::string_view code, bool warning) const {
    std::string chip = CodeNameHtml(code, options_.language, warning);
    if (warning) chip += fmt::format(" <small>({})</small>", T(ReportText::kWarningTag));
    return chip;
  }

  std::string CodeChips(const std::vector<std::string>& codes, bool warning) const {
    return CodeNamesHtml(codes, options_.language, warning);
  }

  static std::string Domains(const Row& site) {
    std::string domains = site.chinese_domain;
    if (!site.english_domain.empty()) {
      if (!domains.empty()) domains += " / ";
      domains += site.english_domain;
    }
    return domains;
  }

  void FailingSite(const Row& site) {
    const registry::SiteRecord& record = site.record;
    html_ += fmt::format("<div class=\"site\">\n<h3>{} <span class=\"pill fail\">{}</span></h3>\n",
                         HtmlEscape(site.site_name), T(ReportText::kVerdictFail));
    html_ += fmt::format("<div class=\"facts\">{}{}{}{}{}{}</div>\n",
                         Fact(ReportText::kUnit, HtmlEscape(site.unit_name)),
                         Fact(ReportText::kRegion,
                              HtmlEscape(fmt::format("{} {}", site.region_name, site.region_code))),
                         Fact(ReportText::kDomains, HtmlEscape(Domains(site))),
                         Fact(ReportText::kBadgeId, HtmlEscape(site.badge_id.value_or("—"))),
                         Fact(ReportText::kFailingPages,
                              fmt::format("{} / {}", record.pages_failed, record.pages_total)),
                         Fact(ReportText::kDeadLinks, FormatCount(record.dead_links)));
    html_ += "<ul class=\"codes\">\n";
    for (const std::string& code : record.problems) {
      html_ += fmt::format("<li>{} {}</li>\n", CodeChip(code, false),
                           HtmlEscape(ExplainCode(code, options_.language)));
    }
    for (const std::string& code : record.warnings) {
      html_ += fmt::format("<li>{} {}</li>\n", CodeChip(code, true),
                           HtmlEscape(ExplainCode(code, options_.language)));
    }
    html_ += "</ul>\n";
    const std::size_t shown = std::min<std::size_t>(
        record.failing_pages.size(),
        static_cast<std::size_t>(std::max(0, options_.failing_pages_per_site)));
    if (shown > 0) {
      html_ +=
          FailingPagesTableHtml(std::span(record.failing_pages).first(shown), options_.language);
    }
    const std::int64_t unlisted =
        std::int64_t{record.pages_failed} - static_cast<std::int64_t>(shown);
    if (unlisted > 0) {
      html_ +=
          fmt::format("<p class=\"more\">{}</p>\n", F(ReportText::kMoreFailingPages, unlisted));
    }
    html_ += "</div>\n";
  }

  void FailingSites() {
    std::vector<const Row*> failing;
    for (const Row& site : report_.sites) {
      if (site.record.verdict != "pass") failing.push_back(&site);
    }
    // By region, then the most failing pages first, then by name.
    std::stable_sort(failing.begin(), failing.end(), [](const Row* a, const Row* b) {
      if (a->region_code != b->region_code) return a->region_code < b->region_code;
      return a->record.pages_failed > b->record.pages_failed;
    });
    html_ += fmt::format("<section id=\"failing\">\n<h2>{} ({})</h2>\n",
                         T(ReportText::kFailingSitesDetail), failing.size());
    if (failing.empty()) {
      html_ += fmt::format("<p class=\"empty\">{}</p>\n", T(ReportText::kNoFailingSites));
    }
    for (const Row* site : failing) FailingSite(*site);
    html_ += "</section>\n";
  }

  void AllSites() {
    std::vector<const Row*> sites;
    for (const Row& site : report_.sites) sites.push_back(&site);
    // Failing sites first; within each, the query's order (region, name).
    std::stable_sort(sites.begin(), sites.end(), [](const Row* a, const Row* b) {
      return (a->record.verdict != "pass") > (b->record.verdict != "pass");
    });
    html_ += fmt::format("<section id=\"sites\">\n<h2>{} ({})</h2>\n", T(ReportText::kAllSites),
                         sites.size());
    TableHead({{ReportText::kWebsite, false},
               {ReportText::kUnit, false},
               {ReportText::kRegion, false},
               {ReportText::kVerdict, false},
               {ReportText::kProblems, false},
               {ReportText::kPagesTotal, true},
               {ReportText::kPagesFailed, true},
               {ReportText::kDeadLinks, true}});
    for (const Row* site : sites) {
      const bool pass = site->record.verdict == "pass";
      std::string codes = CodeChips(site->record.problems, false);
      const std::string warnings = CodeChips(site->record.warnings, true);
      if (!codes.empty() && !warnings.empty()) codes += "<br>";
      html_ += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td><span class=\"pill {}\">{}</span></td>"
          "<td>{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
          "<td class=\"num\">{}</td></tr>\n",
          HtmlEscape(site->site_name), HtmlEscape(site->unit_name), HtmlEscape(site->region_name),
          pass ? "pass" : "fail", VerdictLabel(site->record.verdict, options_.language), codes,
          warnings, FormatCount(site->record.pages_total), FormatCount(site->record.pages_failed),
          FormatCount(site->record.dead_links));
    }
    html_ += "</tbody>\n</table>\n</section>\n";
  }

  const ComplianceReport& report_;
  const HtmlReportOptions& options_;
  std::string html_;
};

}  // namespace

std::string FailingPagesTableHtml(std::span<const registry::FailingPage> pages,
                                  ReportLanguage language, std::string_view id) {
  const auto text = [language](ReportText t) { return Message(t, language); };
  std::string html = fmt::format(
      "<table class=\"pages\"{}>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th>"
      "<th>{}</th></tr></thead>\n<tbody>\n",
      id.empty() ? "" : fmt::format(" id=\"{}\"", HtmlEscape(id)),
      text(ReportText::kFailingPageUrls), text(ReportText::kHttpStatus),
      text(ReportText::kProblems), text(ReportText::kDetail));
  for (const registry::FailingPage& page : pages) {
    html += fmt::format(
        "<tr><td class=\"url\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
        foundation::UrlLinkHtml(page.url),
        page.http_status ? std::to_string(*page.http_status) : "—",
        CodeNamesHtml(page.problems, language, false), HtmlEscape(page.detail));
  }
  return html + "</tbody>\n</table>\n";
}

std::string RenderReportHtml(const ComplianceReport& report, const HtmlReportOptions& options) {
  return HtmlReportWriter(report, options).Render();
}

std::string RenderReportSections(const ComplianceReport& report, const HtmlReportOptions& options) {
  return HtmlReportWriter(report, options).Sections();
}

std::string_view ReportStylesheet() { return detail::kReportStylesheet; }

}  // namespace badgewatch::scan
