// Inline SVG charts for the HTML report: horizontal bars (compliance rate by
// region, problems by kind) and a line over time (the trend). Self-contained
// markup, no scripts; every label is HTML-escaped here. Pure; any thread.
#ifndef BADGEWATCH_SCAN_REPORT_CHARTS_H_
#define BADGEWATCH_SCAN_REPORT_CHARTS_H_

#include <string>
#include <vector>

namespace badgewatch::scan {

// The colour classes the report's stylesheet defines.
enum class ChartTone { kGood, kFair, kPoor, kWarning, kNeutral };

struct ChartBar {
  std::string label;        // left of the bar
  double value = 0;         // 0..scale_max
  std::string value_label;  // right of the bar, e.g. "92.3%  12/13"
  ChartTone tone = ChartTone::kNeutral;
};

struct ChartPoint {
  std::string label;        // under the x axis, e.g. "11-28"
  double value = 0;         // 0..1
  std::string value_label;  // above the point
};

// One bar per row, scaled to `scale_max` (> 0). `title` names the chart for
// screen readers. Empty rows give an empty chart of zero height.
[[nodiscard]] std::string HorizontalBarChart(const std::vector<ChartBar>& bars, double scale_max,
                                             const std::string& title);

// A line through the points (0..1 on a 0-100% axis with grid lines), oldest
// on the left.
[[nodiscard]] std::string RateLineChart(const std::vector<ChartPoint>& points,
                                        const std::string& title);

// The tone of a compliance rate: good from 95%, fair from 80%, else poor.
[[nodiscard]] ChartTone RateTone(double rate);

}  // namespace badgewatch::scan

#endif  // BADGEWATCH_SCAN_REPORT_CHARTS_H_
