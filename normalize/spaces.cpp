// Spaces next to Chinese text are layout (justification, PDF and CMS
// artefacts: `200 万元`, `索 引 号`), not content: Chinese does not separate
// words. Spaces between Latin words or numbers are content and are kept,
// collapsed to one.
#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

bool IsCjk(char32_t c) { return utf8::IsHan(c) || utf8::IsCjkPunct(c); }

}  // namespace

MappedText CollapseLayoutSpaces(const MappedText& in, RepairLog* log) {
  const std::string& s = in.text;
  TextBuilder b(in);
  size_t copied = 0;
  size_t i = 0;
  char32_t prev = 0;  // last non-space code point, 0 at the start
  while (i < s.size()) {
    if (s[i] != ' ') {
      int len;
      prev = utf8::Decode(s, i, &len);
      i += len;
      continue;
    }
    size_t run_end = i;
    while (run_end < s.size() && s[run_end] == ' ') ++run_end;
    char32_t next = 0;
    if (run_end < s.size()) {
      int len;
      next = utf8::Decode(s, run_end, &len);
    }
    b.Copy(copied, i);
    if (prev == 0 || next == 0) {
      b.Remove(i, run_end, std::nullopt, log);  // leading/trailing indentation
    } else if (IsCjk(prev) || IsCjk(next)) {
      b.Remove(i, run_end, RepairKind::kLayoutSpace, log);
    } else {
      b.Copy(i, i + 1);
      if (run_end > i + 1) b.Remove(i + 1, run_end, std::nullopt, log);
    }
    copied = run_end;
    i = run_end;
  }
  b.Copy(copied, s.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
