// `gongwen show` and `gongwen report`: the audit pages of audit/ written
// for a document or a run (README, "Auditing a run").
//
// show: the record to show is picked among `records` (JSON lines: a file
//       processed on the spot, or every record of a run or database) by
//       `doc`: its source path (or PATH#KEY for a record of a container),
//       its id, its policy key, or the end of its path (a file name). An
//       empty `doc` takes the first record. The page goes to `out_file`
//       (written atomically) or to `out`.
// report: every record and failure of a run folder or database, as a site
//       in `out_dir` (default RUN/report), index.html first.
// Failure: a located message on `err` and exit status 1 (nothing matched,
//       a file that cannot be written), 3 (a run that cannot be read).
#ifndef GONGWEN_APP_AUDIT_H_
#define GONGWEN_APP_AUDIT_H_

#include <ostream>
#include <string>
#include <vector>

namespace gongwen::audit_cli {

int Show(const std::vector<std::string>& records, const std::string& doc, const std::string& out_file,
         std::ostream& out, std::ostream& err);

// `run`: a run folder, a documents.jsonl, a database file or postgresql:// URL.
int Report(const std::string& run, const std::string& out_dir, std::ostream& out, std::ostream& err);

// The records of a run folder, documents.jsonl or database; false (and a
// located message on `err`) when it cannot be read.
bool LoadRecords(const std::string& run, std::vector<std::string>* records, std::ostream& err);

}  // namespace gongwen::audit_cli

#endif  // GONGWEN_APP_AUDIT_H_
