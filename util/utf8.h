// Small UTF-8 helpers shared by every stage. Input is assumed to be valid
// UTF-8 (extract guarantees it); invalid bytes decode as U+FFFD, one byte at a
// time, so no loop can stall.
#ifndef GONGWEN_UTIL_UTF8_H_
#define GONGWEN_UTIL_UTF8_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/span.h"

namespace gongwen::utf8 {

// Decodes the code point at s[i]; stores its byte length in *len.
inline char32_t Decode(std::string_view s, size_t i, int* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2) {
    int c1 = cont(1);
    if (c1 >= 0) {
      *len = 2;
      return ((b0 & 0x1F) << 6) | c1;
    }
  } else if ((b0 & 0xF0) == 0xE0) {
    int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      char32_t cp = ((b0 & 0x0F) << 12) | (c1 << 6) | c2;
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        *len = 3;
        return cp;
      }
    }
  } else if ((b0 & 0xF8) == 0xF0 && b0 <= 0xF4) {
    int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      char32_t cp = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        *len = 4;
        return cp;
      }
    }
  }
  *len = 1;
  return 0xFFFD;
}
// The code point of a three-byte UTF-8 sequence b0 b1 b2 (all of CJK is
// there); 0 when the bytes are not one.
inline char32_t DecodeThree(int b0, int b1, int b2) {
  if (b0 < 0xE0 || b0 > 0xEF || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
  return c >= 0x800 && (c < 0xD800 || c > 0xDFFF) ? c : 0;
}
void Append(std::string* out, char32_t cp);
std::string Encode(char32_t cp);
std::u32string ToU32(std::string_view s);
std::string FromU32(std::u32string_view s);
int64_t CountCodePoints(std::string_view s);
// Byte offset of the code point that ends just before byte i.
size_t PrevStart(std::string_view s, size_t i);

// The first / last code point of s (0 when empty).
char32_t FirstCodePoint(std::string_view s);
char32_t LastCodePoint(std::string_view s);
// Number of Han characters in s.
int64_t CountHan(std::string_view s);

// CJK Unified Ideographs (all planes' main blocks) and 〇.
bool IsHan(char32_t c);
// Chinese punctuation: 、。，：；！？“”‘’《》〔〕【】（）…— and full-width forms.
bool IsCjkPunct(char32_t c);
bool IsAsciiDigit(char32_t c);
bool IsLatinLetter(char32_t c);

// Maps byte offsets of one string to code point offsets in O(1) after an
// O(n) build. Offsets must fall on code point boundaries (or the end).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view s);
  int64_t ToCodePoint(size_t byte_offset) const;
  size_t ToByte(int64_t cp) const;
  CodePointSpan ToCodePoints(ByteSpan s) const {
    return {ToCodePoint(static_cast<size_t>(s.begin)), ToCodePoint(static_cast<size_t>(s.end))};
  }
  ByteSpan ToBytes(CodePointSpan s) const {
    return {static_cast<int64_t>(ToByte(s.begin)), static_cast<int64_t>(ToByte(s.end))};
  }

 private:
  std::vector<uint32_t> cp_of_byte_;
  std::vector<uint32_t> byte_of_cp_;
};

// Strips leading and trailing ASCII whitespace, ideographic spaces and NBSP.
std::string_view Trim(std::string_view s);

// Whether s is well-formed UTF-8 throughout (what Decode reads without a
// stray byte).
bool IsValid(std::string_view s);

// s with each byte that is not part of valid UTF-8 written as \xHH, and a
// backslash as \x5C so the form reads back without doubt: a file name in
// one text form, the same in JSON and in the database (names on Linux are
// bytes; 名\xFF.txt and 名\xFE.txt stay two names).
std::string EscapeInvalid(std::string_view s);
// The inverse: each \xHH back to its byte.
std::string UnescapeInvalid(std::string_view s);

// s with ASCII A-Z as a-z, every other byte as it is: names that are
// compared without case (file extensions, HTTP headers, SQL keywords).
std::string AsciiLower(std::string_view s);

// Whether s holds any of the needles.
inline bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (s.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// Whether s has a comma, 。 or semicolon (ASCII or full-width): a sentence,
// not a title, label, cell or keyword list.
inline bool HasSentencePunct(std::string_view s) { return ContainsAny(s, {"。", "，", ",", "；", ";"}); }

}  // namespace gongwen::utf8

#endif  // GONGWEN_UTIL_UTF8_H_
