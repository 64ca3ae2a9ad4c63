#include "util/deadline.h"

#include <chrono>

namespace gongwen::deadline {
namespace {

using Clock = std::chrono::steady_clock;

thread_local long long deadline_ns = 0;  // 0: none
thread_local unsigned calls = 0;

long long NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

}  // namespace

Scope::Scope(double seconds) : previous_ns_(deadline_ns) {
  deadline_ns = seconds > 0 ? NowNs() + static_cast<long long>(seconds * 1e9) : 0;
  calls = 0;
}

Scope::~Scope() { deadline_ns = previous_ns_; }

void Check() {
  if (deadline_ns == 0 || (++calls & 255u) != 0) return;
  if (NowNs() > deadline_ns) throw Expired("the document took longer than its time budget");
}

}  // namespace gongwen::deadline
