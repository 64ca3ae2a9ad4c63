// File helpers for the command line: reading, atomic writing, walking inputs.
#ifndef GONGWEN_UTIL_FILES_H_
#define GONGWEN_UTIL_FILES_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace gongwen::files {

// Whole file ("-" is stdin), read up to `max_bytes`: a larger file, or a
// device, FIFO or socket (which may never end), is an error and nothing of
// it is kept in memory.
constexpr int64_t kNoLimit = -1;
Result<std::string> Read(const std::string& path, int64_t max_bytes = kNoLimit);

// One writer per output folder: an exclusive lock (flock) on DIR/.lock,
// held while the object lives and released by the kernel if the process
// dies. With `wait`, blocks until the other writer is done; without, a
// held lock is an error naming the holder's pid.
class DirLock {
 public:
  static Result<std::unique_ptr<DirLock>> Acquire(const std::string& dir, bool wait);
  ~DirLock();
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_;
};

// Writes to PATH.tmp.<pid> then renames over PATH, so readers never see a
// half-written file and a crash leaves the old file intact. `durable`
// also syncs the data to disk before the rename (survives power loss, at
// the price of a disk flush per file).
Result<bool> WriteAtomic(const std::string& path, std::string_view data, bool durable = true);

// A file written in pieces and put in place at once: the pieces go to
// PATH.tmp.<pid>, Commit() renames it over PATH (after syncing it to disk
// when `durable`). Destroyed without a successful Commit(), it removes the
// temp file and PATH is as it was. WriteAtomic is one Write and a Commit.
class AtomicFile {
 public:
  static Result<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  Result<bool> Write(std::string_view data);
  Result<bool> Commit(bool durable = true);

 private:
  AtomicFile(std::string path, std::string tmp, std::FILE* file);
  std::string path_, tmp_;
  std::FILE* file_;
  bool committed_ = false;
};

// Removes the PATH.tmp.<pid> files in `dir` that a killed writer left (its
// pid no longer runs). Returns how many.
int RemoveStaleTemps(const std::string& dir);

// Expands directories recursively (sorted, hidden entries skipped) into the
// files whose extension is in `extensions` (lower case, without dot). Paths
// given explicitly are kept whatever their extension. Paths come out
// lexically normalized (./a/../b.txt as b.txt), each file once. Missing
// paths are returned in `missing`. A path, or a file or folder found in a
// folder, whose path or name matches one of `excludes` (shell globs, '*'
// also across '/') is left out; an excluded folder is not entered.
// Extensions may have dots ("warc.gz"). Folders that cannot be listed or
// entered are returned in `unreadable` (when given), never skipped in silence.
std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    const std::vector<std::string>& extensions,
                                    std::vector<std::string>* missing,
                                    const std::vector<std::string>& excludes = {},
                                    std::vector<std::string>* unreadable = nullptr);

// The paths listed in a file ("-": stdin), one per line (CR LF too), or
// NUL-separated as `find -print0` writes them; empty entries are skipped.
Result<std::vector<std::string>> ReadPathList(const std::string& list, bool nul_separated);

}  // namespace gongwen::files

#endif  // GONGWEN_UTIL_FILES_H_
