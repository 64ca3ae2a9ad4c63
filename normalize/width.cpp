// Width and invisible characters. Only what matching needs is folded:
// full-width digits, Latin letters and '%' become ASCII; Chinese punctuation
// stays Chinese (never NFKC wholesale, which would turn ① into 1 and ，into ,).
#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

bool IsInvisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

bool IsOddSpace(char32_t c) {
  return c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

MappedText FoldWidth(const MappedText& in, RepairLog* log, bool keep_tabs) {
  TextBuilder b(in);
  const std::string& s = in.text;
  size_t copied = 0;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    std::string repl;
    const char* kind = nullptr;
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A) || c == 0xFF05) {
      repl = utf8::Encode(c - 0xFEE0);
      kind = "width_folded";
    } else if (IsOddSpace(c) && !(keep_tabs && c == '\t')) {
      repl = " ";
      kind = "space_normalized";
    } else if (IsInvisible(c)) {
      kind = "invisible_removed";
    }
    if (kind != nullptr) {
      b.Copy(copied, i);
      // Tabs and ideographic spaces are layout (indentation); the spaces pass
      // logs their removal where they stood inside text.
      b.Replace(i, i + len, repl, c == '\t' || c == '\r' || c == 0x3000 ? "" : kind, log);
      copied = i + len;
    }
    i += len;
  }
  b.Copy(copied, s.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
