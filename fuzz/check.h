// Invariants a harness checks on a stage's output; a broken one aborts, and
// libFuzzer saves the input as a crash.
#ifndef GONGWEN_FUZZ_CHECK_H_
#define GONGWEN_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#include "model/model.h"
#include "util/utf8.h"

namespace gongwen::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

// Decoded text is UTF-8 and every block lies inside it.
inline void CheckExtracted(const Extracted& ex) {
  if (!utf8::IsValid(ex.text)) Fail("Extracted::text is not UTF-8");
  for (const Block& b : ex.blocks) {
    if (b.begin < 0 || b.begin > b.end || b.end > static_cast<int64_t>(ex.text.size())) {
      Fail("block outside Extracted::text");
    }
  }
}

// Normalized text is UTF-8 and every paragraph lies inside it.
inline void CheckNormalized(const Normalized& n) {
  if (!utf8::IsValid(n.text)) Fail("Normalized::text is not UTF-8");
  for (const Paragraph& p : n.paragraphs) {
    if (p.begin < 0 || p.begin > p.end || p.end > static_cast<int64_t>(n.text.size())) {
      Fail("paragraph outside Normalized::text");
    }
  }
  if (n.origin.size() != n.text.size() + 1) Fail("Normalized::origin is not one per byte + 1");
  for (uint32_t o : n.origin) {
    if (o > n.extracted_text.size()) Fail("Normalized::origin past the extracted text");
  }
}

// Clause spans lie inside Policy::text (code points); parents come first.
inline void CheckPolicy(const Policy& p) {
  const int64_t cps = utf8::CountCodePoints(p.text);
  for (size_t i = 0; i < p.clauses.size(); ++i) {
    const Clause& c = p.clauses[i];
    if (c.span.begin < 0 || c.span.begin > c.span.end || c.span.end > cps) Fail("clause span outside text");
    if (c.parent && (*c.parent < 0 || *c.parent >= static_cast<int>(i))) Fail("clause parent not before it");
  }
}

}  // namespace gongwen::fuzz

#endif  // GONGWEN_FUZZ_CHECK_H_
