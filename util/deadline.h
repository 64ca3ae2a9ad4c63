// A time budget per document. Pipeline::Process opens a Scope for the
// document on its thread; loops that can run long (PDF pages, table
// expansion, the lost-bytes search, the structure passes) call Check(),
// which throws Expired once the budget is spent. The pipeline turns that
// into the document's `limit` error; the batch goes on.
#ifndef GONGWEN_UTIL_DEADLINE_H_
#define GONGWEN_UTIL_DEADLINE_H_

#include <stdexcept>

namespace gongwen::deadline {

class Expired : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sets this thread's deadline, `seconds` from now, for the scope's life
// (seconds <= 0: none); restores the previous one when it ends.
class Scope {
 public:
  explicit Scope(double seconds);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  long long previous_ns_;
};

// Throws Expired when this thread's deadline has passed. Reads the clock
// once every 256 calls, so inner loops may call it freely.
void Check();

}  // namespace gongwen::deadline

#endif  // GONGWEN_UTIL_DEADLINE_H_
