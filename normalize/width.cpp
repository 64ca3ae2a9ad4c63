// Width and invisible characters. Only what matching needs is folded:
// full-width digits, Latin letters and '%' become ASCII; Chinese punctuation
// stays Chinese (never NFKC wholesale, which would turn ① into 1 and ，into ,).
#include <optional>

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

// PDFs set checkboxes and bullets in Wingdings or Symbol, whose glyphs come
// out in the private use area at U+F000 + the font's code: the character
// each one draws.
std::optional<char32_t> SymbolGlyph(char32_t c) {
  switch (c) {
    case 0xF06C: return U'●';
    case 0xF06E: return U'■';
    case 0xF06F: case 0xF0A8: return U'□';
    case 0xF071: return U'❑';
    case 0xF075: return U'◆';
    case 0xF076: return U'❖';
    case 0xF09F: case 0xF0B7: return U'•';
    case 0xF0A1: return U'○';
    case 0xF0A7: return U'▪';
    case 0xF0D8: return U'➢';
    case 0xF0FC: return U'✓';
    case 0xF0FE: return U'☑';
    default: return std::nullopt;
  }
}

bool IsDigitLike(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// Whether s[b, e) stands between two digits (ASCII or full-width).
bool BetweenDigits(const std::string& s, size_t b, size_t e) {
  if (b == 0 || e >= s.size()) return false;
  int len;
  const char32_t next = utf8::Decode(s, e, &len);
  const char32_t prev = utf8::Decode(s, utf8::PrevStart(s, b), &len);
  return IsDigitLike(prev) && IsDigitLike(next);
}

bool IsSpaceLike(char32_t c) { return c == ' ' || IsOddSpace(c); }

// Whether the space-like run around s[b, e) stands between two characters
// that are neither Chinese nor space: the spaces pass keeps such a space.
bool BetweenWords(const std::string& s, size_t b, size_t e) {
  char32_t prev = 0, next = 0;
  // A run of more than 8 spaces is layout whatever is around it; looking no
  // further keeps a long run linear.
  for (size_t i = b, n = 0; i > 0 && n < 8; ++n) {
    i = utf8::PrevStart(s, i);
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (!IsSpaceLike(c)) {
      prev = c;
      break;
    }
  }
  for (size_t i = e, n = 0; i < s.size() && n < 8; ++n) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (!IsSpaceLike(c)) {
      next = c;
      break;
    }
    i += len;
  }
  auto cjk = [](char32_t c) { return utf8::IsHan(c) || utf8::IsCjkPunct(c); };
  return prev != 0 && next != 0 && !cjk(prev) && !cjk(next);
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
    std::optional<RepairKind> kind;
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A) || c == 0xFF05) {
      repl = utf8::Encode(c - 0xFEE0);
      kind = RepairKind::kWidthFolded;
    } else if ((c == 0x2236 || c == 0xFF1A || c == 0xFF0E) && BetweenDigits(s, i, i + len)) {
      // 1∶1, 1：0.5, １２．５％: a ratio colon or a decimal point between
      // digits is ASCII, like the digits (a colon elsewhere stays Chinese).
      repl = c == 0xFF0E ? "." : ":";
      kind = RepairKind::kWidthFolded;
    } else if (IsOddSpace(c) && !(keep_tabs && c == '\t')) {
      repl = " ";
      kind = RepairKind::kSpaceNormalized;
    } else if (IsInvisible(c)) {
      kind = RepairKind::kInvisibleRemoved;
    } else if (auto glyph = SymbolGlyph(c)) {
      repl = utf8::Encode(*glyph);
      kind = RepairKind::kSymbolGlyph;
    }
    if (kind) {
      b.Copy(copied, i);
      // Tabs and ideographic spaces are layout (indentation) where the spaces
      // pass removes them, and it logs that; between two Latin words or
      // numbers they stay as a space, and that change is logged here.
      const bool layout = (c == '\t' || c == '\r' || c == 0x3000) && !BetweenWords(s, i, i + len);
      b.Replace(i, i + len, repl, layout ? std::nullopt : kind, log);
      copied = i + len;
    }
    i += len;
  }
  b.Copy(copied, s.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
