// db: the policy database that `gongwen run` keeps current (README, "The
// policy database").
//
//   Policy + its JSON record ──Upsert──▶ policies / versions / sources /
//                                        clauses / amounts / bureaus / warnings
//   a failed input ──RecordFailure──▶ failures (per run)
//
// In:  a target, either a file name (SQLite, the default OUT/gongwen.db) or a
//      postgresql:// URL (libpq), and the documents of one run. Open() creates
//      the schema or migrates it (table schema_version); a database made by a
//      newer gongwen is refused, never rewritten.
// Out: one row per policy (policy_key), one per distinct normalized text
//      (version), one per input path (source, with the bytes' sha256 and the
//      JSON record written for it), and the clause rows under each version.
// Incremental: Lookup() tells whether a path was already processed with the
//      same bytes and the same gongwen build and options (its fingerprint);
//      the caller then skips the work and reuses the stored record.
// Matching: a new text joins the live policy (one some source points at)
//      with the same 发文字号 and a compatible issuer, else the one with the
//      same title and no conflicting 文号, all compared as util/ids.h keys. When the identifiers
//      disagree (same 文号, different titles; same title, different 文号;
//      a title several policies share) it is not merged: it becomes its own
//      policy and the disagreement is recorded (table conflicts, one row per
//      policy) and returned, never silent.
// A policy's columns come from its current version: of the versions its
//      sources point at, the newest document (published, else signed date),
//      then the smallest version id; a column that version lacks is taken
//      from the next. So they do not depend on the order inputs arrived in.
// Crash safety: writes happen between BeginBatch() and CommitBatch(); a
//      process killed in between leaves the last committed batch, and the
//      next run redoes the rest (its sources are not yet recorded).
// Failure: every call returns a Result; an Error has code kDatabase and the
//      backend's message.
// Thread-safety: one Store per thread.
#ifndef GONGWEN_DB_DB_H_
#define GONGWEN_DB_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/result.h"

namespace gongwen::db {

namespace internal {
class Connection;
}

// 1: the tables of a run's documents; 2: failures.
inline constexpr int kSchemaVersion = 2;

// Whether `target` names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUrl(const std::string& target);

// What the database holds of one input path.
struct KnownSource {
  std::string path;         // as stored (StoredPath)
  std::string policy_key;
  std::string sha256;       // of the bytes last processed
  std::string fingerprint;  // gongwen build + output options they were processed with
  std::string version_id;
  std::string record;       // the gongwen/1 JSON line written for them
  bool shared = false;      // other sources have the same version (text)
};

struct Upserted {
  std::string policy_key;  // the policy the document now belongs to
  std::vector<std::string> conflicts;  // why it was not merged with a policy
};

struct RunCounts {
  int64_t new_sources = 0;  // paths never seen before
  int64_t changed = 0;      // seen, with other bytes
  int64_t unchanged = 0;    // same bytes, build and options: skipped
  int64_t reprocessed = 0;  // same bytes, processed again (another build or options, --reprocess)
  int64_t failed = 0;
};

// A query's answer, values as text (NULL as nullopt).
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

class Store {
 public:
  enum class Mode {
    kWrite,  // create or migrate the schema (gongwen run)
    kRead,   // an existing gongwen database, as it is (gongwen db); SQLite opens it read-only
  };
  static Result<std::unique_ptr<Store>> Open(const std::string& target, Mode mode = Mode::kWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& target() const { return target_; }

  // Records a run (table runs) stamped `now` (ISO 8601 UTC); every row this
  // run writes or sees carries the stamp as first_seen / last_seen.
  Result<int64_t> BeginRun(const std::string& gongwen_version, const std::string& as_of,
                           const std::string& now);
  Result<bool> FinishRun(const RunCounts& counts, const std::string& finished_at);

  Result<bool> BeginBatch();
  Result<bool> CommitBatch();

  Result<std::optional<KnownSource>> Lookup(const std::string& path);
  // The source Lookup() found was seen again, unchanged.
  Result<bool> Touch(const KnownSource& source);
  // Writes the document processed from `policy.source.path`.
  Result<Upserted> Upsert(const Policy& policy, const std::string& record,
                          const std::string& fingerprint, const std::string& gongwen_version);

  // Records that this run failed on `path` (a file, or FILE#KEY / FILE#N for
  // a record of a container) with `error`: a row of table failures, in the
  // open batch, the path stored as StoredPath, in the order of the calls.
  Result<bool> RecordFailure(const std::string& path, const Error& error);

  // Any SQL statement, $1 … bound to `args` (for `gongwen db query`).
  Result<Table> Query(const std::string& sql, const std::vector<std::string>& args = {});

 private:
  Store(std::string target, std::unique_ptr<internal::Connection> conn);
  Result<bool> Migrate();
  Result<int> SchemaVersion();
  struct Conflict {
    std::string other;   // the policy it was kept apart from
    std::string reason;
  };
  // `path` is the document's stored path (StoredPath).
  Result<std::string> MatchPolicy(const Policy& policy, const std::string& path, std::vector<Conflict>* conflicts);
  // Sets a policy's current version and columns from its versions; `seen`
  // also stamps last_seen.
  Result<bool> RefreshPolicy(const std::string& key, bool seen);
  Result<bool> WriteVersionRows(const Policy& policy);

  std::string target_;
  std::unique_ptr<internal::Connection> conn_;
  int64_t run_id_ = 0;
  int failures_ = 0;  // this run's failures recorded so far
  std::string now_;
  std::vector<std::string> pending_fts_;  // versions whose clauses await the full-text index
};

// Input paths are stored as valid UTF-8: a byte that is not UTF-8 (a GBK
// file name) is written \xCB, and a backslash \x5C, so both backends
// accept and show it and two names never share a spelling.
std::string StoredPath(const std::string& path);

// Named queries of `gongwen db query NAME` (README, "Asking the database").
struct Recipe {
  std::string name;
  std::string description;
  int parameters;    // how many of ($1 the day, $2 the horizon) the SQL uses
  std::string sql;
};
const std::vector<Recipe>& Recipes();

}  // namespace gongwen::db

#endif  // GONGWEN_DB_DB_H_
