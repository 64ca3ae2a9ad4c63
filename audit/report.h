// audit/report: a static site over a whole run, the review queue an auditor
// works through first (README, "Auditing a run").
//
//   records + failures ──BuildReport──▶ index.html: one row per document
//   (and per failed input), sortable by warnings, repairs and missing
//   fields (no title, no 文号, no clauses, money outside any clause…), worst
//   first; docs/<id>.html: each document's show page (audit/show.h).
//
// Pure: returns the files to write (paths relative to the report folder);
// the caller writes them. Deterministic: the same records give the same
// bytes. No network, no external file: the site works from file://.
#ifndef GONGWEN_AUDIT_REPORT_H_
#define GONGWEN_AUDIT_REPORT_H_

#include <string>
#include <vector>

namespace gongwen::audit {

struct ReportInput {
  std::string run;                    // the run's name, for the page title
  std::vector<std::string> records;   // gongwen/1 JSON lines
  std::vector<std::string> failures;  // errors.jsonl lines: {"path","code","byte","page","message"}
};

struct ReportFile {
  std::string path;  // relative: index.html, docs/<id>.html
  std::string content;
};

std::vector<ReportFile> BuildReport(const ReportInput& input);

// What a reviewer should look at in one record: the fields it lacks and
// the counts the index sorts by.
struct Findings {
  int warnings = 0;
  int repairs = 0;  // repair items
  int clauses = 0;
  int amounts = 0;
  std::vector<std::string> missing;  // no_title, no_doc_number, no_issuer, no_date, no_clauses, …
};
Findings Review(const std::string& record_line);

}  // namespace gongwen::audit

#endif  // GONGWEN_AUDIT_REPORT_H_
