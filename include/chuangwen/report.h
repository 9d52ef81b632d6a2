// The documents officials read (文书), in Chinese, from a campaign and its
// ledger: the monthly bulletin (月度通报: ranking with grades, commended and
// criticised units, overdue rectifications, repeated problems, 约谈
// recommendations, missing evidence), a rectification notice (整改通知书) for
// a ledger item, and a unit's dossier (tasks, duties coming due, open items,
// scores and rank over the months). Markdown, CSV (the main table) or one
// self-contained printable HTML page with its charts drawn as inline SVG.
//
// The wording comes from templates (template.h) an integrator can replace
// per request; the defaults are the project's own (DefaultReportTemplate).
// Thread safety: reentrant.
#ifndef CHUANGWEN_REPORT_H_
#define CHUANGWEN_REPORT_H_

#include <string>
#include <vector>

#include "chuangwen/campaign.h"
#include "chuangwen/status.h"
#include "chuangwen/v1/report.pb.h"

namespace chuangwen {

class Ledger;
class EvidenceBook;

struct ReportSources {
  const Campaign* campaign = nullptr;
  const Ledger* ledger = nullptr;          // Optional: overdue, notices …
  const EvidenceBook* evidence = nullptr;  // Optional: missing evidence.
};

Status RenderReport(const ReportSources& sources,
                    const v1::ReportDocumentRequest& request,
                    v1::ReportDocument* out);

// The default template `name` ("monthly.html" …), or "" if none.
const std::string& DefaultReportTemplate(const std::string& name);
std::vector<std::string> ReportTemplateNames();

}  // namespace chuangwen

#endif  // CHUANGWEN_REPORT_H_
