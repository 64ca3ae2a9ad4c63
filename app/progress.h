// What `gongwen run` says while it works, on stderr:
//  - on a terminal (isatty(2), not -q): one status line redrawn in place at
//    most 10 times a second (files done / total, documents per second, ETA,
//    the current file), cleared before any other line and at the end;
//  - with -v: one line per document, "SOURCE: ok" or "SOURCE: failed";
//  - otherwise nothing (a log file gets no status line).
// All other stderr text of the run goes through out(), which clears the
// status line before it writes. Main thread only.
#ifndef GONGWEN_APP_PROGRESS_H_
#define GONGWEN_APP_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace gongwen::cli {

class Progress {
 public:
  // `status`: draw the status line if `err` is std::cerr and stderr a
  // terminal. `verbose`: -v.
  Progress(std::ostream& err, bool status, bool verbose);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  std::ostream& out() { return *out_; }
  bool drawing() const { return status_; }

  void Expect(int64_t files) { total_ = files; }
  // The file being read (shown as current until the next).
  void Reading(const std::string& path);
  // A document (or a failed input) written, in input order.
  void Document(const std::string& source, bool ok);
  // An input file done (all its records written).
  void FileDone();
  // Redraws if the line is due (called while waiting too).
  void Tick();
  // Clears the status line for good.
  void Finish();

 private:
  class ClearingBuf;
  void Draw();

  bool status_, verbose_;
  std::unique_ptr<ClearingBuf> buf_;
  std::unique_ptr<std::ostream> wrapped_;
  std::ostream* out_;
  int64_t total_ = 0, files_ = 0, documents_ = 0;
  std::string current_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace gongwen::cli

#endif  // GONGWEN_APP_PROGRESS_H_
