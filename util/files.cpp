#include "util/files.h"

#include <fnmatch.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unordered_set>

namespace gongwen::files {

namespace fs = std::filesystem;

namespace {

Error TooLarge(int64_t size, int64_t max_bytes, bool at_least) {
  return Error{ErrorCode::kLimit, std::string(at_least ? "more than " : "") + std::to_string(size) +
                                      " bytes, over --max-bytes " + std::to_string(max_bytes),
               max_bytes};
}

// Reads fd to its end, or to max_bytes + 1 (then: too large).
Result<std::string> ReadCapped(int fd, int64_t max_bytes, int64_t size_hint) {
  std::string data;
  if (size_hint > 0) data.reserve(static_cast<size_t>(size_hint));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{ErrorCode::kIo, std::string("read error: ") + std::strerror(errno),
                   static_cast<int64_t>(data.size())};
    }
    if (n == 0) return data;
    if (max_bytes >= 0 && static_cast<int64_t>(data.size()) + n > max_bytes) {
      return TooLarge(static_cast<int64_t>(data.size()) + n, max_bytes, true);
    }
    data.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

Result<std::string> Read(const std::string& path, int64_t max_bytes) {
  if (path == "-") return ReadCapped(STDIN_FILENO, max_bytes, 0);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Error{ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno)};
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Error{ErrorCode::kIo, std::string("cannot stat: ") + std::strerror(errno)};
  if (S_ISDIR(st.st_mode)) return Error{ErrorCode::kIo, "is a folder, not a file"};
  if (!S_ISREG(st.st_mode)) {
    return Error{ErrorCode::kIo, "not a regular file (a device, FIFO or socket may never end); not read"};
  }
  if (max_bytes >= 0 && st.st_size > max_bytes) return TooLarge(st.st_size, max_bytes, false);
  // Back to blocking reads: O_NONBLOCK only kept open() from hanging on a FIFO.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return ReadCapped(fd, max_bytes, st.st_size);
}

Result<std::unique_ptr<DirLock>> DirLock::Acquire(const std::string& dir, bool wait) {
  const std::string path = dir + "/.lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error{ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK || !wait) {
      char holder[32] = {0};
      const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
      ::close(fd);
      std::string pid = n > 0 ? std::string(holder, static_cast<size_t>(n)) : std::string("?");
      while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
      return Error{ErrorCode::kIo, "another gongwen run (pid " + pid +
                                       ") is writing to " + dir + "; use --wait to wait for it"};
    }
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno != EINTR) {
        ::close(fd);
        return Error{ErrorCode::kIo, "cannot lock " + path + ": " + std::strerror(errno)};
      }
    }
  }
  const std::string me = std::to_string(getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, me.data(), me.size(), 0);
  return std::unique_ptr<DirLock>(new DirLock(fd));
}

DirLock::~DirLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

Result<bool> WriteAtomic(const std::string& path, std::string_view data, bool durable) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.error();
  if (auto w = file.value()->Write(data); !w.ok()) return w.error();
  return file.value()->Commit(durable);
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Error{ErrorCode::kIo, "cannot create " + tmp + ": " + std::strerror(errno)};
  return std::unique_ptr<AtomicFile>(new AtomicFile(path, std::move(tmp), f));
}

AtomicFile::AtomicFile(std::string path, std::string tmp, std::FILE* file)
    : path_(std::move(path)), tmp_(std::move(tmp)), file_(file) {}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  if (file_ != nullptr) std::fclose(file_);
  std::remove(tmp_.c_str());
}

Result<bool> AtomicFile::Write(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    return Error{ErrorCode::kIo, "cannot write " + path_ + ": " + std::strerror(errno)};
  }
  return true;
}

Result<bool> AtomicFile::Commit(bool durable) {
  bool ok = std::fflush(file_) == 0;
  if (durable) ok = fsync(fileno(file_)) == 0 && ok;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (!ok || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    return Error{ErrorCode::kIo, "cannot write " + path_ + ": " + std::strerror(errno)};
  }
  committed_ = true;
  return true;
}

int RemoveStaleTemps(const std::string& dir) {
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const size_t at = name.rfind(".tmp.");
    if (at == std::string::npos || at + 5 >= name.size()) continue;
    const std::string pid = name.substr(at + 5);
    if (pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
    // A writer that is still running keeps its file.
    if (kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (fs::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

namespace {

// The name ends in one of the extensions (".warc.gz" as well as ".txt").
bool HasExtension(const std::string& name, const std::vector<std::string>& extensions) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const std::string& ext : extensions) {
    if (lower.size() > ext.size() + 1 && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0 &&
        lower[lower.size() - ext.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

// The path, or its last name, matches one of the globs (fnmatch, '*' also
// across '/').
bool Excluded(const fs::path& path, const std::vector<std::string>& excludes) {
  const std::string whole = path.lexically_normal().string();
  std::string trimmed = whole;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const std::string name = fs::path(trimmed).filename().string();
  for (const std::string& glob : excludes) {
    if (fnmatch(glob.c_str(), trimmed.c_str(), 0) == 0 || fnmatch(glob.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

// Whether a folder can be listed and entered.
bool Readable(const fs::path& dir) { return ::access(dir.c_str(), R_OK | X_OK) == 0; }

void WalkFolder(const std::string& root, const std::vector<std::string>& extensions,
                const std::vector<std::string>& excludes, std::vector<std::string>* out,
                std::vector<std::string>* unreadable) {
  std::vector<std::string> found;
  std::error_code ec;
  if (!Readable(root)) {
    if (unreadable) unreadable->push_back(root);
    return;
  }
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    std::string name = path.filename().string();
    const bool skip = (!name.empty() && name[0] == '.') || Excluded(path, excludes);
    if (skip) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    // A folder that cannot be read is said, never skipped in silence.
    if (it->is_directory(ec) && !Readable(path)) {
      if (unreadable) unreadable->push_back(path.string());
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (HasExtension(name, extensions)) found.push_back(path.string());
  }
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace

std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    const std::vector<std::string>& extensions,
                                    std::vector<std::string>* missing,
                                    const std::vector<std::string>& excludes,
                                    std::vector<std::string>* unreadable) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    if (Excluded(fs::path(p), excludes)) continue;
    if (fs::is_directory(p, ec)) {
      WalkFolder(p, extensions, excludes, &out, unreadable);
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else if (missing != nullptr) {
      missing->push_back(p);
    }
  }
  // One spelling per file (./a/../b.txt is b.txt), each file once.
  std::vector<std::string> unique;
  std::unordered_set<std::string> seen;
  for (const std::string& p : out) {
    std::string normal = p == "-" ? p : fs::path(p).lexically_normal().string();
    if (seen.insert(normal).second) unique.push_back(std::move(normal));
  }
  return unique;
}

Result<std::vector<std::string>> ReadPathList(const std::string& list, bool nul_separated) {
  auto bytes = Read(list);
  if (!bytes.ok()) return bytes.error();
  std::vector<std::string> paths;
  const std::string& s = bytes.value();
  const char sep = nul_separated ? '\0' : '\n';
  size_t i = 0;
  while (i < s.size()) {
    size_t end = s.find(sep, i);
    if (end == std::string::npos) end = s.size();
    std::string path = s.substr(i, end - i);
    if (!nul_separated && !path.empty() && path.back() == '\r') path.pop_back();
    if (!path.empty()) paths.push_back(std::move(path));
    i = end + 1;
  }
  return paths;
}

}  // namespace gongwen::files
