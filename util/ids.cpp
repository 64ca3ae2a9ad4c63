#include "util/ids.h"

#include "util/grammar.h"
#include "util/utf8.h"

namespace gongwen::ids {
namespace {

// Full-width ASCII (U+FF01..FF5E) as ASCII, the ideographic space as a space.
char32_t Fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x3000) return U' ';
  return c;
}

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0; }

}  // namespace

std::string DocNumberText(std::string_view doc_number) {
  std::string out;
  bool in_year = false;
  for (size_t i = 0; i < doc_number.size();) {
    int len = 0;
    const char32_t c = utf8::Decode(doc_number, i, &len);
    i += len;
    if (c == U' ') continue;
    // The bracket that precedes the four-digit year opens it; the next closes.
    if (!in_year && grammar::IsYearOpen(c)) {
      out += grammar::CanonicalYearOpen();
      in_year = true;
      continue;
    }
    if (in_year && grammar::IsYearClose(c)) {
      out += grammar::CanonicalYearClose();
      in_year = false;
      continue;
    }
    utf8::Append(&out, c);
  }
  return out;
}

std::string DocNumberKey(std::string_view doc_number) {
  std::string folded;
  for (size_t i = 0; i < doc_number.size();) {
    int len = 0;
    char32_t c = Fold(utf8::Decode(doc_number, i, &len));
    i += len;
    if (IsSpace(c)) continue;
    if (c == U'〖' || c == U'{') c = U'[';
    if (c == U'〗' || c == U'}') c = U']';
    utf8::Append(&folded, c);
  }
  std::string out = DocNumberText(folded);
  // Leading zeros of the serial number: 〔2025〕05号 is 〔2025〕5号.
  static constexpr std::string_view kClose = "〕";
  const size_t close = out.rfind(kClose);
  if (close != std::string::npos) {
    const size_t at = close + kClose.size();
    size_t zeros = 0;
    while (at + zeros + 1 < out.size() && out[at + zeros] == '0' && out[at + zeros + 1] >= '0' &&
           out[at + zeros + 1] <= '9') {
      ++zeros;
    }
    out.erase(at, zeros);
  }
  return out;
}

std::string NameKey(std::string_view name) {
  static constexpr std::u32string_view kDrop = U"\"'“”‘’「」『』《》〈〉、，,。.：:；;·—–-()（）[]【】!！?？";
  std::string out;
  for (size_t i = 0; i < name.size();) {
    int len = 0;
    const char32_t c = Fold(utf8::Decode(name, i, &len));
    i += len;
    if (IsSpace(c) || kDrop.find(c) != std::u32string_view::npos) continue;
    utf8::Append(&out, c);
  }
  return out;
}

}  // namespace gongwen::ids
