// `gongwen load`: the single writer of a distributed run (README, "Past one
// machine"). Reads what `gongwen map` wrote — gongwen/1 lines and
// gongwen-error/1 lines, from files or stdin — and keeps the policy
// database as `gongwen run` would over the same inputs: a source whose
// sha256 and fingerprint the database already holds is unchanged (touched,
// not written again); others are upserted with the same matching rules; a
// failure is a row of the run's failures. Commits every `batch` lines, so a
// killed load leaves the last committed batch and the next one does the rest.
// In:  files of lines (`-`: `in`). Lines of another shape are errors that
//      stop nothing: reported as FILE:LINE, counted as failed.
// The fingerprint is that of the options map ran with (the caller computes
// it from the same document options), so a later `gongwen run` with them
// sees the sources as unchanged.
#ifndef GONGWEN_APP_LOAD_H_
#define GONGWEN_APP_LOAD_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace gongwen::load_cli {

struct LoadOptions {
  std::vector<std::string> files;
  std::string db;           // a SQLite file or postgresql:// URL
  std::string fingerprint;  // of the build and the options map ran with
  std::string version;      // the gongwen build
  std::string as_of;        // the run's day
  std::string now;          // the run's stamp (ISO 8601 UTC)
  int batch = 200;
  bool quiet = false;
};

// 0 every line loaded; 1 some lines were failures or unreadable; 3 the
// database or a file could not be opened or written.
int Load(const LoadOptions& options, std::istream& in, std::ostream& err);

}  // namespace gongwen::load_cli

#endif  // GONGWEN_APP_LOAD_H_
