// The documents' charts, drawn as inline SVG: scores by unit as bars, and
// one unit's rank over the months as a line. Labels come from the caller
// (the phrases), numbers are written without the host's locale.
#ifndef CHUANGWEN_SRC_REPORT_CHARTS_H_
#define CHUANGWEN_SRC_REPORT_CHARTS_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace chuangwen::internal {

// One bar per (label, score), green for `good` labels, red for `bad` ones.
std::string BarChartSvg(const std::vector<std::pair<std::string, double>>& bars,
                        const std::set<std::string>& good,
                        const std::set<std::string>& bad,
                        const std::string& title);

// (label, rank) points; rank 1 at the top of `units`.
std::string RankLineSvg(const std::vector<std::pair<std::string, int>>& points,
                        int units, const std::string& title);

// Text escaped for XML and HTML.
std::string XmlEscape(const std::string& s);

}  // namespace chuangwen::internal

#endif  // CHUANGWEN_SRC_REPORT_CHARTS_H_
