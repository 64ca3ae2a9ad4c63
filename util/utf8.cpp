#include "util/utf8.h"

#include <cctype>

namespace gongwen::utf8 {


void Append(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Encode(char32_t cp) {
  std::string s;
  Append(&s, cp);
  return s;
}

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int len;
    out.push_back(Decode(s, i, &len));
    i += len;
  }
  return out;
}

std::string FromU32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) Append(&out, c);
  return out;
}

int64_t CountCodePoints(std::string_view s) {
  int64_t n = 0;
  for (size_t i = 0; i < s.size();) {
    int len;
    Decode(s, i, &len);
    i += len;
    ++n;
  }
  return n;
}

size_t PrevStart(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return j;
}

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int len;
  return Decode(s, 0, &len);
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int len;
  return Decode(s, PrevStart(s, s.size()), &len);
}

int64_t CountHan(std::string_view s) {
  int64_t n = 0;
  for (size_t i = 0; i < s.size();) {
    int len;
    n += IsHan(Decode(s, i, &len));
    i += len;
  }
  return n;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

bool IsCjkPunct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F && c != 0x3000 && c != 0x3007) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0x2014 ||
         c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x00B7;
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsLatinLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

CodePointIndex::CodePointIndex(std::string_view s) : cp_of_byte_(s.size() + 1) {
  uint32_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    int len;
    Decode(s, i, &len);
    byte_of_cp_.push_back(static_cast<uint32_t>(i));
    for (int k = 0; k < len; ++k) cp_of_byte_[i + k] = cp;
    i += len;
    ++cp;
  }
  cp_of_byte_[s.size()] = cp;
  byte_of_cp_.push_back(static_cast<uint32_t>(s.size()));
}

int64_t CodePointIndex::ToCodePoint(size_t byte_offset) const {
  if (byte_offset >= cp_of_byte_.size()) return cp_of_byte_.back();
  return cp_of_byte_[byte_offset];
}

size_t CodePointIndex::ToByte(int64_t cp) const {
  if (cp < 0) return 0;
  if (static_cast<size_t>(cp) >= byte_of_cp_.size()) return byte_of_cp_.back();
  return byte_of_cp_[cp];
}

bool IsValid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    if (Decode(s, i, &len) == 0xFFFD && len == 1) return false;
    i += len;
  }
  return true;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  auto is_space_at_front = [&](size_t* len) {
    if (s.empty()) return false;
    int l;
    char32_t c = Decode(s, 0, &l);
    *len = l;
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 ||
           c == '\f' || c == '\v';
  };
  size_t l;
  while (is_space_at_front(&l)) s.remove_prefix(l);
  while (!s.empty()) {
    size_t j = PrevStart(s, s.size());
    int len;
    char32_t c = Decode(s, j, &len);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 ||
        c == '\f' || c == '\v') {
      s.remove_suffix(s.size() - j);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace gongwen::utf8

namespace gongwen::utf8 {

std::string EscapeInvalid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int len = 0;
    const char32_t c = Decode(s, i, &len);
    if (!(c == 0xFFFD && len == 1) && s[i] != '\\') {  // not a stray byte, not the escape itself
      out.append(s, i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
      continue;
    }
    static const char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(s[i]);
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
    ++i;
  }
  return out;
}

std::string UnescapeInvalid(std::string_view s) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x' && hex(s[i + 2]) && hex(s[i + 3])) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 2, 2)), nullptr, 16)));
      i += 3;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace gongwen::utf8
