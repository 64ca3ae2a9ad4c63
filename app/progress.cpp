#include "app/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace gongwen::cli {

// Forwards to stderr's buffer; the first character after the status line
// was drawn erases it first ("\r", clear to the end of the line).
class Progress::ClearingBuf : public std::streambuf {
 public:
  explicit ClearingBuf(std::streambuf* to) : to_(to) {}
  bool drawn = false;
  std::streambuf* to() { return to_; }
  void Clear() {
    if (!drawn) return;
    drawn = false;
    to_->sputn("\r\033[K", 4);
  }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    Clear();
    return to_->sputc(traits_type::to_char_type(c));
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    Clear();
    return to_->sputn(s, n);
  }
  int sync() override { return to_->pubsync(); }

 private:
  std::streambuf* to_;
};

Progress::Progress(std::ostream& err, bool status, bool verbose)
    : status_(status && &err == &std::cerr && isatty(STDERR_FILENO) == 1),
      verbose_(verbose),
      out_(&err),
      start_(std::chrono::steady_clock::now()) {
  if (status_) {
    buf_ = std::make_unique<ClearingBuf>(err.rdbuf());
    wrapped_ = std::make_unique<std::ostream>(buf_.get());
    out_ = wrapped_.get();
  }
}

Progress::~Progress() { Finish(); }

void Progress::Reading(const std::string& path) {
  current_ = path;
  Tick();
}

void Progress::Document(const std::string& source, bool ok) {
  ++documents_;
  if (verbose_) *out_ << source << (ok ? ": ok\n" : ": failed\n");
  Tick();
}

void Progress::FileDone() {
  ++files_;
  Tick();
}

void Progress::Tick() {
  if (!status_) return;
  const auto now = std::chrono::steady_clock::now();
  if (buf_->drawn && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw();
}

void Progress::Draw() {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char head[160];
  int n = std::snprintf(head, sizeof head, "%lld/%lld files, %lld docs", static_cast<long long>(files_),
                        static_cast<long long>(total_), static_cast<long long>(documents_));
  if (seconds >= 0.5 && documents_ > 0) {
    n += std::snprintf(head + n, sizeof head - n, ", %.1f docs/s", documents_ / seconds);
  }
  if (files_ > 0 && total_ > files_ && seconds >= 1) {
    const long long eta = static_cast<long long>(seconds / files_ * (total_ - files_) + 0.5);
    n += std::snprintf(head + n, sizeof head - n, ", ETA %lld:%02lld", eta / 60, eta % 60);
  }
  std::string line(head);
  winsize ws{};
  const size_t columns = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
  if (!current_.empty() && line.size() + 8 < columns) {
    // The end of the path, cut at a character boundary; a byte is at most
    // one column, so the line fits.
    const size_t room = columns - line.size() - 5;  // " | …" is 4 columns, and one to spare
    size_t from = current_.size() > room ? current_.size() - room : 0;
    while (from < current_.size() && (static_cast<unsigned char>(current_[from]) & 0xC0) == 0x80) ++from;
    line += (from > 0 ? " | \u2026" : " | ") + current_.substr(from);
  }
  line = "\r" + line + "\033[K";
  buf_->to()->sputn(line.data(), static_cast<std::streamsize>(line.size()));
  buf_->to()->pubsync();
  buf_->drawn = true;
}

void Progress::Finish() {
  if (!status_) return;
  buf_->Clear();
  buf_->to()->pubsync();
}

}  // namespace gongwen::cli
