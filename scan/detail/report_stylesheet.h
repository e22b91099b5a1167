// The inline stylesheet of the HTML compliance report (report_html.cpp):
// screen and print (A4), CJK fonts first, the chart colour classes of
// report_charts.h. A constant; any thread.
#ifndef BADGEWATCH_SCAN_DETAIL_REPORT_STYLESHEET_H_
#define BADGEWATCH_SCAN_DETAIL_REPORT_STYLESHEET_H_

#include <string_view>

namespace badgewatch::scan::detail {

inline constexpr std::string_view kReportStylesheet = R"css(
:root { --good: #2e7d32; --fair: #ef8f00; --poor: #c62828; --warn: #ef8f00;
        --neutral: #1f5fa8; --ink: #1d2433; --muted: #5d6678; --line: #dfe3ea;
        --paper: #ffffff; --wash: #f3f5f9; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--wash); color: var(--ink); line-height: 1.5;
       font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
             "Microsoft YaHei", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
header.report { background: #16325c; color: #fff; padding: 22px 28px; }
header.report .inner { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
header.report h1 { margin: 0 0 6px; font-size: 24px; font-weight: 700; letter-spacing: .5px; }
header.report .meta { color: #c9d6ea; font-size: 13px; }
header.report .meta span + span::before { content: "·"; margin: 0 8px; color: #8ea4c6; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
          padding: 18px 20px; margin: 18px 0; break-inside: avoid; }
h2 { font-size: 17px; margin: 0 0 12px; padding-left: 10px; border-left: 4px solid var(--neutral); }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin: 18px 0;
        background: none; border: none; padding: 0; }
.kpi { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.kpi .name { color: var(--muted); font-size: 13px; }
.kpi .figure { font-size: 30px; font-weight: 700; line-height: 1.2; margin-top: 4px;
               font-variant-numeric: tabular-nums; }
.kpi .note { color: var(--muted); font-size: 12px; margin-top: 2px; }
.kpi.good .figure { color: var(--good); } .kpi.fair .figure { color: var(--fair); }
.kpi.poor .figure { color: var(--poor); }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.charts section { margin: 0; }
.charts section.wide { grid-column: 1 / -1; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-size: 12px; fill: var(--ink); font-family: inherit; }
svg.chart text.value, svg.chart text.axis { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart text.point { font-size: 11px; font-weight: 600; }
svg.chart .track { fill: #eef1f6; }
svg.chart .good { fill: var(--good); } svg.chart .fair { fill: var(--fair); }
svg.chart .poor { fill: var(--poor); } svg.chart .warn { fill: var(--warn); }
svg.chart .neutral { fill: var(--neutral); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .trend { fill: none; stroke: var(--neutral); stroke-width: 2.5; }
p.empty { color: var(--muted); margin: 4px 0; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f6f8fb; color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafbfd; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 12px;
        font-weight: 600; white-space: nowrap; }
.pill.pass { background: #e5f3e6; color: var(--good); }
.pill.fail { background: #fbe7e7; color: var(--poor); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px;
       background: #f0f2f6; padding: 1px 5px; border-radius: 4px; white-space: nowrap; }
code.problem { background: #fbe7e7; color: #8e1b1b; }
code.warning { background: #fff3df; color: #8a5300; }
span.problem, span.warning { padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
span.problem { background: #fbe7e7; color: #8e1b1b; }
span.warning { background: #fff3df; color: #8a5300; }
small.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11px;
             color: var(--muted); white-space: nowrap; }
.site { border-top: 1px solid var(--line); padding: 14px 0 6px; break-inside: avoid; }
.site:first-of-type { border-top: none; padding-top: 0; }
.site h3 { margin: 0 0 4px; font-size: 15px; }
.site .facts { color: var(--muted); font-size: 12.5px; margin-bottom: 6px; }
.site .facts span + span::before { content: "|"; margin: 0 8px; color: var(--line); }
.site ul.codes { margin: 4px 0 8px; padding-left: 0; list-style: none; }
.site ul.codes li { margin: 3px 0; }
.site table.pages td.url { word-break: break-all; }
.site .more { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; }
a { color: var(--neutral); text-decoration: none; }
a:hover { text-decoration: underline; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media (max-width: 800px) {
  .kpis { grid-template-columns: 1fr 1fr; } .charts { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  header.report { padding: 0 0 8px; background: #fff; color: var(--ink);
                  border-bottom: 2px solid #16325c; }
  header.report .inner { padding: 0; }
  header.report .meta { color: var(--muted); }
  .kpis { grid-template-columns: repeat(4, 1fr); gap: 8px; }
  .kpi { padding: 8px 10px; }
  .kpi .figure { font-size: 22px; }
  section, .kpi { border-color: #c9ced8; }
  .charts { grid-template-columns: 1fr 1fr; }
  a { color: var(--ink); }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
)css";

}  // namespace badgewatch::scan::detail

#endif  // BADGEWATCH_SCAN_DETAIL_REPORT_STYLESHEET_H_
