// `gongwen diff A B`: what changed between two runs, document by document
// (README, "Comparing runs: gongwen diff").
//
// In:  A and B, each a run folder (its documents.jsonl), a documents.jsonl
//      file, a gongwen database file (SQLite: the record stored for each
//      source) or a postgresql:// URL. Load() reads one side.
// Out: a Report: documents only in A or only in B, and for each matched pair
//      the clauses added / removed / renumbered / changed, the amounts
//      added / removed / changed, the bureaus added / removed / renamed /
//      changed and the metadata values changed, each with both values and
//      the text it stands in.
// Matching: documents by source (source.path, plus source.record.key for a
//      record of a container), else by the same file name (the longest
//      common path tail, when one is best: two runs over folders with other
//      names), else by id. Clauses by their own text without the marker,
//      aligned in order (a longest common subsequence), so a clause removed
//      in the middle is one removal and the later clauses renumbered; what
//      is left between two aligned clauses is paired by similar text (the
//      same clause edited), else added or removed. Amounts and bureaus within
//      a pair of clauses by their text, then in order.
// Failure: Load() returns a located problem ("where: reason"), never throws.
// Thread-safety: no shared state.
#ifndef GONGWEN_APP_DIFF_H_
#define GONGWEN_APP_DIFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongwen::diff {

// One side: the gongwen/1 records it holds, as JSON lines (each one valid
// JSON: Load checks).
struct Side {
  std::string name;                  // as given on the command line
  std::vector<std::string> records;
};

struct LoadProblem {
  std::string where;   // a file, "FILE:LINE" or the database target
  std::string reason;
};

// Reads a run folder, a documents.jsonl, a database file or URL. On failure
// `problem` is set and the Side is empty.
Side Load(const std::string& target, std::optional<LoadProblem>* problem);

// One change. `a` and `b` are JSON objects (as text) describing the item on
// each side, or "null" when it is on one side only.
struct Change {
  std::string kind;    // clause | amount | bureau | metadata
  std::string change;  // added | removed | renumbered | changed | renamed
  std::string a, b;    // JSON
};

struct DocumentDiff {
  std::string key;         // what matched them: the source path (#record key)
  std::string matched_by;  // path | name | id
  std::string a_path, b_path, a_id, b_id, title;
  std::vector<Change> changes;
  bool text_changed = false;  // the normalized text differs (another id)
  bool Same() const { return changes.empty() && !text_changed; }
};

struct OneSided {
  std::string key, id, title;
};

struct Counts {
  int64_t documents_a = 0, documents_b = 0, matched = 0, changed = 0, only_in_a = 0, only_in_b = 0;
  int64_t clauses_added = 0, clauses_removed = 0, clauses_renumbered = 0, clauses_changed = 0;
  int64_t amounts_added = 0, amounts_removed = 0, amounts_changed = 0;
  int64_t bureaus_added = 0, bureaus_removed = 0, bureaus_renamed = 0, bureaus_changed = 0;
  int64_t metadata_changed = 0;
};

struct Report {
  std::string a, b;  // the sides' names
  Counts counts;
  std::vector<OneSided> only_in_a, only_in_b;
  std::vector<DocumentDiff> documents;  // the matched pairs that differ, in A's order
  bool Identical() const;
};

Report Compare(const Side& a, const Side& b);

// Summary counts first, then each document's changes.
std::string FormatText(const Report& report);
// One JSON object, "schema": "gongwen-diff/1" (README documents it).
std::string FormatJson(const Report& report);

}  // namespace gongwen::diff

#endif  // GONGWEN_APP_DIFF_H_
