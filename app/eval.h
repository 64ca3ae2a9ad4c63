// `gongwen eval`: scores a run's documents.jsonl against a folder of gold
// files (format gongwen-gold/1, samples/gold/README.md).
//
// The rules are those of the workplace's reference scorer
// (../shared/tools/score.py), so both print the same numbers on the same
// inputs:
//   - a gold file names its document by "source" (or each of "sources"); a
//     run record is found by the base name of its source.path (the last
//     record wins when two share a name). A source with no record is scored
//     as all misses and listed in `missing`.
//   - clauses are keyed by (part, *path) (part null/0 is 1); amounts are
//     (clause key, value) pairs: money rounded to the yuan (half to even),
//     percent exactly, ratio as "%g" terms joined by ':'; bureaus per gold
//     clause, responsible ones only, a gold entry may list alternatives.
//     These five fields are counted tp/fp/fn over all documents (micro).
//   - metadata fields (title … effective_until) and clause headings are
//     accuracies: a metadata field counts where the gold or the run states
//     it; a heading where the gold gives one and the run has the clause.
//   - text is compared after Norm(): NFKC, curly quotes and 「」 as straight
//     quotes, whitespace (Python's str.isspace) dropped.
//   - overall F1 is the mean of the field scores (each metadata field only
//     when it had something to score), lowest field their minimum.
//
// Not thread-safe to share a Report while writing it; Evaluate itself keeps
// no state. Bad input is a list of located problems, never an exception.
#ifndef GONGWEN_APP_EVAL_H_
#define GONGWEN_APP_EVAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::eval {

struct FieldScore {
  std::string name;       // clauses, money, percent, ratio, bureaus, meta.<key>, heading
  bool accuracy = false;  // true: correct/total; false: tp/fp/fn
  int64_t tp = 0, fp = 0, fn = 0;
  int64_t correct = 0, total = 0;
  double precision = 1.0, recall = 1.0, f1 = 1.0;  // set for tp/fp/fn fields
  // F1, or the accuracy: what enters the overall mean and the lowest field.
  double score = 1.0;
};

struct Report {
  std::string gold_dir, run_path;
  int gold_files = 0;                // *.json files read
  int documents = 0;                 // gold sources scored (a file may name several)
  int run_records = 0;               // records in the run
  std::vector<FieldScore> fields;    // in score.py's order
  std::vector<std::string> missing;  // gold sources with no record, in order
  std::vector<std::string> misses;   // every miss, one line each, sorted
  double overall = 0.0;
  double lowest = 0.0;
  std::string lowest_field;
};

// A problem with the inputs, located: "path: error: message (byte N)".
// byte is a 0-based offset in the file.
struct Problem {
  std::string path;
  std::string message;
  std::optional<int64_t> byte;
  std::string Describe() const;
};

struct Outcome {
  std::vector<Problem> problems;  // when not empty, report is not meaningful
  Report report;
  bool ok() const { return problems.empty(); }
};

// Reads every *.json in gold_dir (not recursive, sorted by name) and the run
// (JSON Lines, blank lines skipped) and scores them. Every unreadable or
// malformed file is a Problem (all of them, not just the first); an absent or
// empty gold folder too.
Outcome Evaluate(const std::string& gold_dir, const std::string& run_path);

// The table score.py prints (same lines, same rounding), with the missing
// documents listed in full and the lowest field named.
std::string FormatText(const Report& report);

// Machine-readable report: unrounded scores, counts, missing documents,
// misses, and the thresholds' verdict.
std::string FormatJson(const Report& report, double min_f1, double min_field);

// True when overall >= min_f1 and lowest >= min_field.
bool Passes(const Report& report, double min_f1, double min_field);

// score.py's norm() on a string: NFKC, “”‘’「」 to straight quotes,
// whitespace removed.
std::string Norm(std::string_view text);

}  // namespace gongwen::eval

#endif  // GONGWEN_APP_EVAL_H_
