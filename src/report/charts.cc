#include "report/charts.h"

#include <algorithm>
#include <cmath>

#include "common/numbers.h"

namespace chuangwen::internal {
namespace {

std::string Fixed(double v, int decimals = 2) {
  return FormatFixed(v, decimals);
}

}  // namespace

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// Scores by unit, one horizontal bar each.
std::string BarChartSvg(const std::vector<std::pair<std::string, double>>& bars,
                        const std::set<std::string>& good,
                        const std::set<std::string>& bad,
                        const std::string& title) {
  const int label_w = 150, bar_w = 420, row_h = 26, top = 30;
  const int height = top + row_h * static_cast<int>(bars.size()) + 10;
  double max = 0;
  for (const auto& [label, v] : bars) max = std::max(max, v);
  if (max <= 0) max = 1;
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"" +
      std::to_string(height) + "\" viewBox=\"0 0 640 " +
      std::to_string(height) + "\" role=\"img\" aria-label=\"" +
      XmlEscape(title) + "\">";
  svg +=
      "<text x=\"0\" y=\"18\" font-size=\"15\" "
      "font-weight=\"bold\">" +
      XmlEscape(title) + "</text>";
  int y = top;
  for (const auto& [label, v] : bars) {
    const int w = static_cast<int>(std::lround(v / max * bar_w));
    const char* color = good.count(label)  ? "#2e7d32"
                        : bad.count(label) ? "#c62828"
                                           : "#4a6fa5";
    svg += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" +
           std::to_string(y + 17) + "\" font-size=\"13\" text-anchor=\"end\">" +
           XmlEscape(label) + "</text>";
    svg += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" +
           std::to_string(y + 4) + "\" width=\"" +
           std::to_string(std::max(w, 1)) + "\" height=\"18\" fill=\"" + color +
           "\"/>";
    svg += "<text x=\"" + std::to_string(label_w + w + 6) + "\" y=\"" +
           std::to_string(y + 17) + "\" font-size=\"12\">" + Fixed(v) +
           "</text>";
    y += row_h;
  }
  return svg + "</svg>";
}

// A unit's rank over the months (1 at the top).
std::string RankLineSvg(const std::vector<std::pair<std::string, int>>& points,
                        int units, const std::string& title) {
  const int w = 620, h = 240, left = 40, right = 20, top = 30, bottom = 40;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(w) + "\" height=\"" + std::to_string(h) +
                    "\" viewBox=\"0 0 " + std::to_string(w) + " " +
                    std::to_string(h) + "\" role=\"img\" aria-label=\"" +
                    XmlEscape(title) + "\">";
  svg +=
      "<text x=\"0\" y=\"18\" font-size=\"15\" "
      "font-weight=\"bold\">" +
      XmlEscape(title) + "</text>";
  if (points.empty() || units < 1) return svg + "</svg>";
  const double plot_w = w - left - right, plot_h = h - top - bottom;
  auto x_of = [&](size_t i) {
    return left + (points.size() == 1
                       ? plot_w / 2
                       : plot_w * static_cast<double>(i) /
                             static_cast<double>(points.size() - 1));
  };
  auto y_of = [&](int rank) {
    return top + (units == 1
                      ? 0
                      : plot_h * (rank - 1) / static_cast<double>(units - 1));
  };
  for (int r = 1; r <= units; ++r) {
    svg += "<line x1=\"" + std::to_string(left) + "\" x2=\"" +
           std::to_string(w - right) + "\" y1=\"" + Fixed(y_of(r), 1) +
           "\" y2=\"" + Fixed(y_of(r), 1) + "\" stroke=\"#ddd\"/><text x=\"" +
           std::to_string(left - 8) + "\" y=\"" + Fixed(y_of(r) + 4, 1) +
           "\" font-size=\"11\" text-anchor=\"end\">" + std::to_string(r) +
           "</text>";
  }
  std::string path;
  for (size_t i = 0; i < points.size(); ++i) {
    path += (i ? " L" : "M") + Fixed(x_of(i), 1) + " " +
            Fixed(y_of(points[i].second), 1);
    svg += "<text x=\"" + Fixed(x_of(i), 1) + "\" y=\"" +
           std::to_string(h - 14) +
           "\" font-size=\"11\" text-anchor=\"middle\">" +
           XmlEscape(points[i].first) + "</text>";
  }
  svg += "<path d=\"" + path +
         "\" fill=\"none\" stroke=\"#b00\" stroke-width=\"2\"/>";
  for (size_t i = 0; i < points.size(); ++i) {
    svg += "<circle cx=\"" + Fixed(x_of(i), 1) + "\" cy=\"" +
           Fixed(y_of(points[i].second), 1) + "\" r=\"4\" fill=\"#b00\"/>";
  }
  return svg + "</svg>";
}

}  // namespace chuangwen::internal
