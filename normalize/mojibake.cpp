// UTF-8 that an earlier system decoded as Latin-1 / Windows-1252 and stored
// again as UTF-8 ("è¿žäº‘æ¸¯" for 连云港). Runs of Latin-1/CP1252 characters
// are mapped back to the bytes they stood for; a stretch of those bytes that
// decodes as UTF-8 to two or more Chinese characters is the repair. Like
// ftfy, only strong evidence is acted on: café, Müller or a lone “ never
// decode to Chinese, so clean text is never touched.
#include <map>

#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

// A three-byte UTF-8 sequence (all CJK lives there) starting at bytes[i].
char32_t DecodeThree(const std::vector<int>& bytes, size_t i) {
  return i + 2 < bytes.size() ? utf8::DecodeThree(bytes[i], bytes[i + 1], bytes[i + 2]) : 0;
}

bool IsPinyinLetter(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// `bytes` decoded as UTF-8, when every byte belongs to a sequence of two or
// three bytes and each character is Chinese, CJK punctuation or a Latin
// letter with a diacritic (pinyin tones). *han: whether one is Chinese
// (a character or punctuation: ã€‚ is 。).
bool DecodeWhole(const std::vector<int>& bytes, std::string* out, bool* han) {
  std::string decoded;
  for (size_t i = 0; i < bytes.size();) {
    const int b0 = bytes[i];
    char32_t c = 0;
    size_t len = 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      c = DecodeThree(bytes, i);
      len = 3;
    } else if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < bytes.size() && (bytes[i + 1] & 0xC0) == 0x80) {
      c = ((b0 & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
      len = 2;
    }
    if (c == 0 || !(utf8::IsHan(c) || utf8::IsCjkPunct(c) || IsPinyinLetter(c))) return false;
    *han |= utf8::IsHan(c) || utf8::IsCjkPunct(c);
    utf8::Append(&decoded, c);
    i += len;
  }
  if (decoded.empty()) return false;
  *out = std::move(decoded);
  return true;
}

// Whether the run is inside a parenthesised pinyin syllable, `(yÃ¨)`: a
// Latin letter or '(' before it and a Latin letter or ')' after it. A lone
// `Ã©` is left alone: without Chinese around it nothing proves the damage.
template <typename Cps>
bool InPinyinSyllable(const std::string& s, const Cps& cps, size_t k, size_t end) {
  auto latin = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const size_t b = cps[k].begin, e = cps[end - 1].end;
  return b > 0 && (latin(s[b - 1]) || s[b - 1] == '(') && e < s.size() &&
         (latin(s[e]) || s[e] == ')');
}

// One character decoded right after a Latin letter is more likely the
// letter's accent and the punctuation after the word (Café…… -> Caf酅).
bool AfterLatinLetter(const std::string& s, size_t b) {
  if (b == 0) return false;
  const char c = s[b - 1];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

int Cp1252Byte(char32_t c) {
  if (c >= 0x80 && c <= 0xFF) return static_cast<int>(c);
  static const std::map<char32_t, int> kHigh = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F}};
  auto it = kHigh.find(c);
  return it == kHigh.end() ? -1 : it->second;
}

MappedText RepairLatin1Mojibake(const MappedText& in, RepairLog* log) {
  const std::string& s = in.text;
  // Cheap test first: every Chinese character's UTF-8 lead byte (E3-E9)
  // read as Latin-1 is one of ã..é, encoded C3 A3..C3 A9.
  bool maybe = false;
  for (size_t i = 0; i + 1 < s.size() && !maybe; ++i) {
    // ... and a pinyin vowel's lead byte (C3-C7) reads as Ã Ä Å Æ Ç (C3 83-87).
    maybe = static_cast<unsigned char>(s[i]) == 0xC3 &&
            ((static_cast<unsigned char>(s[i + 1]) >= 0xA2 &&
              static_cast<unsigned char>(s[i + 1]) <= 0xAF) ||
             (static_cast<unsigned char>(s[i + 1]) >= 0x83 &&
              static_cast<unsigned char>(s[i + 1]) <= 0x87));
  }
  if (!maybe) return in;
  // Code points with their byte offsets and CP1252 bytes.
  struct Cp {
    size_t begin, end;
    int byte;
  };
  std::vector<Cp> cps;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    cps.push_back(Cp{i, i + len, Cp1252Byte(c)});
    i += len;
  }
  TextBuilder b(in);
  size_t copied = 0;
  bool changed = false;
  for (size_t k = 0; k < cps.size();) {
    if (cps[k].byte < 0) {
      ++k;
      continue;
    }
    // A run of characters that all stand for high bytes.
    size_t run_end = k;
    std::vector<int> bytes;
    while (run_end < cps.size() && cps[run_end].byte >= 0) bytes.push_back(cps[run_end++].byte);
    // The whole run is UTF-8 for Chinese, or for the toned letters of pinyin
    // (2025å¹´ -> 2025年, (yÃ¨) -> (yè)): no legitimate Latin text is.
    std::string whole;
    bool han = false;
    if (DecodeWhole(bytes, &whole, &han) && (han || InPinyinSyllable(s, cps, k, run_end)) &&
        !(utf8::CountCodePoints(whole) == 1 && han && AfterLatinLetter(s, cps[k].begin))) {
      b.Copy(copied, cps[k].begin);
      b.Replace(cps[k].begin, cps[run_end - 1].end, whole, RepairKind::kMojibakeLatin1, log);
      copied = cps[run_end - 1].end;
      changed = true;
      k = run_end;
      continue;
    }
    // Inside the run, stretches of whole three-byte sequences that decode to
    // Chinese characters or punctuation.
    for (size_t i = 0; i < bytes.size();) {
      size_t j = i;
      std::string decoded;
      int han = 0;
      while (char32_t c = DecodeThree(bytes, j)) {
        if (!utf8::IsHan(c) && !utf8::IsCjkPunct(c)) break;
        han += utf8::IsHan(c);
        utf8::Append(&decoded, c);
        j += 3;
      }
      if (han >= 2) {
        size_t from = cps[k + i].begin, to = cps[k + j - 1].end;
        b.Copy(copied, from);
        b.Replace(from, to, decoded, RepairKind::kMojibakeLatin1, log);
        copied = to;
        changed = true;
        i = j;
      } else {
        ++i;
      }
    }
    k = run_end;
  }
  if (!changed) return in;
  b.Copy(copied, s.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
