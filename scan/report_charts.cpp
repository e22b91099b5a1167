#include "scan/report_charts.h"

#include <fmt/format.h>

#include <algorithm>

#include "foundation/html_markup.h"

namespace badgewatch::scan {
namespace {

using foundation::HtmlEscape;

// Bar chart geometry (SVG user units; the chart scales to its container,
// about 520 px wide in the report's half-width sections, so text stays 12 px).
constexpr int kBarWidth = 520;
constexpr int kBarLabelWidth = 140;
constexpr int kBarValueWidth = 110;
constexpr int kBarRowHeight = 26;
constexpr int kBarThickness = 16;

// Line chart geometry: a full-width section, about 1080 px.
constexpr int kLineWidth = 1080;
constexpr int kLineHeight = 260;
constexpr int kLineLeft = 52;
constexpr int kLineRight = 16;
constexpr int kLineTop = 28;
constexpr int kLineBottom = 36;
constexpr int kLineInset = 36;  // keeps the first and last points off the axes

std::string_view ToneClass(ChartTone tone) {
  switch (tone) {
    case ChartTone::kGood:
      return "good";
    case ChartTone::kFair:
      return "fair";
    case ChartTone::kPoor:
      return "poor";
    case ChartTone::kWarning:
      return "warn";
    case ChartTone::kNeutral:
      break;
  }
  return "neutral";
}

}  // namespace

ChartTone RateTone(double rate) {
  if (rate >= 0.95) return ChartTone::kGood;
  if (rate >= 0.80) return ChartTone::kFair;
  return ChartTone::kPoor;
}

std::string HorizontalBarChart(const std::vector<ChartBar>& bars, double scale_max,
                               const std::string& title) {
  const int height = static_cast<int>(bars.size()) * kBarRowHeight + 4;
  const int track = kBarWidth - kBarLabelWidth - kBarValueWidth;
  std::string svg = fmt::format(
      "<svg class=\"chart bars\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">\n",
      kBarWidth, height, HtmlEscape(title));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    const int y = static_cast<int>(i) * kBarRowHeight + 4;
    const double share = scale_max > 0 ? std::clamp(bar.value / scale_max, 0.0, 1.0) : 0.0;
    const double length = std::max(share * track, bar.value > 0 ? 2.0 : 0.0);
    const int text_y = y + kBarThickness - 3;
    svg += fmt::format(
        "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
        "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>"
        "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"3\"/>"
        "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
        kBarLabelWidth - 8, text_y, HtmlEscape(bar.label), kBarLabelWidth, y, track, kBarThickness,
        ToneClass(bar.tone), kBarLabelWidth, y, length, kBarThickness, kBarLabelWidth + track + 8,
        text_y, HtmlEscape(bar.value_label));
  }
  svg += "</svg>\n";
  return svg;
}

std::string RateLineChart(const std::vector<ChartPoint>& points, const std::string& title) {
  const int plot_width = kLineWidth - kLineLeft - kLineRight;
  const int plot_height = kLineHeight - kLineTop - kLineBottom;
  std::string svg = fmt::format(
      "<svg class=\"chart line\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">\n",
      kLineWidth, kLineHeight, HtmlEscape(title));
  for (int percent = 0; percent <= 100; percent += 25) {
    const double y = kLineTop + plot_height * (1.0 - percent / 100.0);
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
        "<text class=\"axis\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>\n",
        kLineLeft, y, kLineWidth - kLineRight, y, kLineLeft - 6, y + 4, percent);
  }
  // One point sits in the middle; more spread over the whole width.
  const auto x_of = [&](std::size_t i) {
    const double inner = plot_width - 2.0 * kLineInset;
    if (points.size() < 2) return kLineLeft + plot_width / 2.0;
    return kLineLeft + kLineInset +
           inner * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  const auto y_of = [&](double value) {
    return kLineTop + plot_height * (1.0 - std::clamp(value, 0.0, 1.0));
  };
  std::string path;
  for (std::size_t i = 0; i < points.size(); ++i) {
    path += fmt::format("{}{:.1f},{:.1f}", i == 0 ? "M" : " L", x_of(i), y_of(points[i].value));
  }
  if (points.size() > 1) svg += fmt::format("<path class=\"trend\" d=\"{}\"/>\n", path);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double x = x_of(i);
    const double y = y_of(points[i].value);
    svg += fmt::format(
        "<circle class=\"dot {}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\"/>"
        "<text class=\"point\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>"
        "<text class=\"axis\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
        ToneClass(RateTone(points[i].value)), x, y, x, y - 9, HtmlEscape(points[i].value_label), x,
        kLineHeight - kLineBottom + 18, HtmlEscape(points[i].label));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace badgewatch::scan
