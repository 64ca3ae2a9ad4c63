// Small UTF-8 helpers shared by every stage. Input is assumed to be valid
// UTF-8 (extract guarantees it); invalid bytes decode as U+FFFD, one byte at a
// time, so no loop can stall.
#ifndef GONGWEN_UTIL_UTF8_H_
#define GONGWEN_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::utf8 {

// Decodes the code point at s[i]; stores its byte length in *len.
char32_t Decode(std::string_view s, size_t i, int* len);
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

 private:
  std::vector<uint32_t> cp_of_byte_;
  std::vector<uint32_t> byte_of_cp_;
};

// Strips leading and trailing ASCII whitespace, ideographic spaces and NBSP.
std::string_view Trim(std::string_view s);

}  // namespace gongwen::utf8

#endif  // GONGWEN_UTIL_UTF8_H_
