// Mojibake of the GBK family. Two kinds of damage, both left by a decoder
// that used the wrong charset or lost its place in the bytes:
//
// `mojibake_gbk`: UTF-8 bytes decoded as GBK (连云港市 -> 杩炰簯娓競). The
//   characters are rare in policy text; their GBK bytes are valid UTF-8 that
//   decodes to common Chinese. A stretch is repaired only when both hold.
//
// `mojibake_lost_bytes`: GBK text that lost bytes. A '?' stands where bytes
//   were dropped, and what follows may have been decoded one byte out of
//   step until an ASCII byte resynchronised the decoder (seed 003:
//   待遇?！笆奈濉逼陂g for 待遇。“十四五”期間, 東??h for 東海縣). The bytes after
//   the gap are known, the lost ones are not. Each hypothesis about how many
//   bytes were lost is decoded again; the unknown characters are filled from
//   the policy lexicon (data/lexicon.txt, with the place names of
//   data/places.tsv) and sentence punctuation, and a
//   filling is accepted only when it is the single best by lexicon coverage.
//   Anything less certain is left for the `mojibake_unrepaired` warning.
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "data/data.h"
#include "util/deadline.h"
#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

// ---- the two-byte GB18030 table (GBK is its two-byte part) ----

constexpr int kLeadMin = 0x81, kLeadMax = 0xFE, kTrailMin = 0x40, kTrailMax = 0xFE;

bool IsPrivateUse(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

class GbkTable {
 public:
  static const GbkTable& Get() {
    static const GbkTable table;
    return table;
  }
  // The character of a two-byte code; 0 when none (or private use).
  char32_t Decode(int lead, int trail) const {
    if (lead < kLeadMin || lead > kLeadMax || trail < kTrailMin || trail > kTrailMax) return 0;
    return decode_[(lead - kLeadMin) * kTrails + (trail - kTrailMin)];
  }
  // The two-byte code of c (lead << 8 | trail); 0 when c has none.
  uint16_t Encode(char32_t c) const { return c < encode_.size() ? encode_[c] : 0; }
  // Characters (not private use) whose code ends in `trail`.
  const std::vector<char32_t>& WithTrail(int trail) const {
    static const std::vector<char32_t> none;
    return trail >= kTrailMin && trail <= kTrailMax ? by_trail_[trail - kTrailMin] : none;
  }

 private:
  static constexpr int kTrails = kTrailMax - kTrailMin + 1;

  GbkTable()
      : decode_((kLeadMax - kLeadMin + 1) * kTrails, 0), encode_(0x10000, 0), by_trail_(kTrails) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open("GB18030", &err);
    if (U_FAILURE(err)) return;  // no table: nothing is ever repaired
    for (int lead = kLeadMin; lead <= kLeadMax; ++lead) {
      for (int trail = kTrailMin; trail <= kTrailMax; ++trail) {
        if (trail == 0x7F) continue;
        const char bytes[2] = {static_cast<char>(lead), static_cast<char>(trail)};
        UChar out[4];
        err = U_ZERO_ERROR;
        ucnv_reset(cnv);
        int32_t n = ucnv_toUChars(cnv, out, 4, bytes, 2, &err);
        if (U_FAILURE(err) || n != 1 || out[0] == 0xFFFD || out[0] == 0x1A ||
            U16_IS_SURROGATE(out[0])) {
          continue;
        }
        char32_t c = out[0];
        if (IsPrivateUse(c)) {
          encode_[c] = static_cast<uint16_t>(lead << 8 | trail);
          continue;  // decodes to nothing a repair may write
        }
        decode_[(lead - kLeadMin) * kTrails + (trail - kTrailMin)] = c;
        encode_[c] = static_cast<uint16_t>(lead << 8 | trail);
        by_trail_[trail - kTrailMin].push_back(c);
      }
    }
    ucnv_close(cnv);
  }

  std::vector<char32_t> decode_;
  std::vector<uint16_t> encode_;  // by code point (two-byte codes are all in the BMP)
  std::vector<std::vector<char32_t>> by_trail_;
};

// How usual a character is in Chinese text, from where its simplified form
// sits in GB2312: 2 for level 1 (the 3,755 common characters) and the
// punctuation rows, 1 for level 2, 0 for everything else.
int Commonness(char32_t c, const ScriptConverter& script) {
  uint16_t code = GbkTable::Get().Encode(script.Simplify(c));
  int lead = code >> 8, trail = code & 0xFF;
  if (code == 0 || trail < 0xA1) return 0;
  if ((lead >= 0xA1 && lead <= 0xA3) || (lead >= 0xB0 && lead <= 0xD7)) return 2;
  if (lead >= 0xD8 && lead <= 0xF7) return 1;
  return 0;
}

// ---- places (data/places.tsv) ----

struct Places {
  std::map<std::u32string, std::vector<std::u32string>> cities;    // name -> its cities
  std::map<std::u32string, std::vector<std::u32string>> divisions;  // city -> its names

  static const Places& Get() {
    static const Places places = [] {
      Places p;
      for (std::string_view line : data::Lines(data::Places())) {
        auto f = data::Fields(line);
        if (f.size() != 3) continue;
        std::u32string name = utf8::ToU32(f[0]), city = utf8::ToU32(f[1]);
        p.cities[name].push_back(city);
        if (name != city) p.divisions[city].push_back(name);
      }
      return p;
    }();
    return places;
  }
};

// ---- the lexicon ----

struct Lexicon {
  std::vector<std::u32string> words;
  std::unordered_set<std::u32string> set;
  size_t max_len = 0;
  // Character -> (word, offset) of every place it has in a word, so a search
  // starts from the known characters instead of trying every word.
  std::unordered_map<char32_t, std::vector<std::pair<uint32_t, uint32_t>>> by_char;

  static const Lexicon& Get() {
    static const Lexicon lexicon = [] {
      Lexicon l;
      auto add = [&l](std::string_view word) {
        std::u32string w = utf8::ToU32(word);
        if (w.size() < 2 || !l.set.insert(w).second) return;
        l.max_len = std::max(l.max_len, w.size());
        l.words.push_back(std::move(w));
      };
      for (std::string_view line : data::Lines(data::Lexicon())) add(line);
      for (const auto& [name, cities] : Places::Get().cities) add(utf8::FromU32(name));
      for (size_t w = 0; w < l.words.size(); ++w) {
        for (size_t x = 0; x < l.words[w].size(); ++x) {
          l.by_char[l.words[w][x]].emplace_back(static_cast<uint32_t>(w), static_cast<uint32_t>(x));
        }
      }
      return l;
    }();
    return lexicon;
  }
};

// Sentence punctuation a lost character most often was (。 is the most
// frequent character of 公文).
constexpr char32_t kPunctuation[] = {U'。', U'，', U'、', U'；', U'：'};

bool IsPunctuation(char32_t c) { return utf8::IsCjkPunct(c); }

// ---- the paragraph as code points ----

struct Cp {
  char32_t c;
  size_t begin, end;  // byte range in the paragraph
};

std::vector<Cp> CodePoints(const std::string& s) {
  std::vector<Cp> cps;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    cps.push_back(Cp{c, i, i + static_cast<size_t>(len)});
    i += len;
  }
  return cps;
}

bool IsPinyinLetter(char32_t c) {
  static const std::u32string kLetters = U"abcdefghijklmnopqrstuvwxyzüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
  return kLetters.find(c) != std::u32string::npos;
}
bool IsTonedVowel(char32_t c) {
  static const std::u32string kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
  return kToned.find(c) != std::u32string::npos;
}

// The end of a pinyin annotation starting at cps[j]: `(yè)`, or `xì)` whose
// '(' the damage ate. j when there is none.
size_t PinyinEnd(const std::vector<Cp>& cps, size_t j) {
  size_t k = j;
  if (k < cps.size() && (cps[k].c == '(' || cps[k].c == U'（')) ++k;
  size_t letters = k;
  bool toned = false;
  while (k < cps.size() && IsPinyinLetter(cps[k].c) && k - letters < 7) {
    toned |= IsTonedVowel(cps[k].c);
    ++k;
  }
  if (!toned || k == letters || k >= cps.size() || (cps[k].c != ')' && cps[k].c != U'）')) {
    return j;
  }
  return k + 1;
}

// ---- lost bytes ----

enum class SlotKind { kFixed, kFree, kTrail };

struct Slot {
  SlotKind kind = SlotKind::kFixed;
  char32_t written = 0;  // kFixed: the character in the text
  char32_t simple = 0;   // kFixed: its simplified form, for the lexicon
  int trail = 0;         // kTrail: the known trail byte
};

struct Fill {
  std::map<size_t, std::pair<char32_t, char32_t>> chars;  // slot -> (written, simple)
};

class LostBytes {
 public:
  // `bridge`: a word must reach known characters on both sides of the
  // unknown ones to fill them.
  LostBytes(const std::vector<Slot>& slots, const ScriptConverter& script,
            const DocumentContext& doc, bool bridge)
      : slots_(slots), script_(script), doc_(doc), bridge_(bridge) {
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].kind != SlotKind::kFixed) unknown_.push_back(i);
    }
  }

  // Candidate fillings of the unknown slots, each with its score.
  struct Scored {
    std::vector<char32_t> written;  // by unknown slot
    int uncovered = 0;              // characters no word or punctuation covers
    int punctuation = 0;            // unknown slots filled with punctuation
    int punctuation_rank = 0;       // sum of their places in kPunctuation
    int support = 0;                // new words the rest of the document uses
  };
  std::vector<Scored> Candidates(bool allow_punctuation) const {
    std::vector<Fill> partials = WordMatches();
    std::vector<Fill> fills;
    std::set<std::vector<char32_t>> seen;
    // Unknown slots no word filled take sentence punctuation (each choice a
    // candidate of its own), when that is allowed.
    auto complete = [&](const Fill& f) {
      std::vector<Fill> partial_fills = {f};
      for (size_t u : unknown_) {
        if (f.chars.count(u)) continue;
        if (!allow_punctuation) return;
        std::vector<Fill> next;
        for (char32_t p : kPunctuation) {
          if (slots_[u].kind == SlotKind::kTrail &&
              (GbkTable::Get().Encode(p) & 0xFF) != slots_[u].trail) {
            continue;
          }
          for (Fill g : partial_fills) {
            g.chars[u] = {p, p};
            next.push_back(std::move(g));
          }
        }
        partial_fills = std::move(next);
      }
      fills.insert(fills.end(), partial_fills.begin(), partial_fills.end());
    };
    complete(Fill{});
    for (size_t a = 0; a < partials.size(); ++a) {
      complete(partials[a]);
      for (size_t b = a + 1; b < partials.size(); ++b) {
        Fill merged = partials[a];
        bool ok = true;
        for (const auto& [slot, ch] : partials[b].chars) {
          auto it = merged.chars.find(slot);
          if (it != merged.chars.end() && it->second != ch) {
            ok = false;
            break;
          }
          merged.chars[slot] = ch;
        }
        if (ok) complete(std::move(merged));
      }
    }
    std::vector<Scored> out;
    for (const Fill& f : fills) {
      Scored s;
      std::u32string simple;
      for (size_t i = 0; i < slots_.size(); ++i) {
        simple.push_back(slots_[i].kind == SlotKind::kFixed ? slots_[i].simple
                                                             : f.chars.at(i).second);
      }
      bool valid = true;
      for (size_t u : unknown_) {
        const char32_t w = f.chars.at(u).first;
        s.written.push_back(w);
        if (IsPunctuation(w)) {
          ++s.punctuation;
          s.punctuation_rank += static_cast<int>(
              std::find(std::begin(kPunctuation), std::end(kPunctuation), w) -
              std::begin(kPunctuation));
          valid &= AtWordBoundary(simple, u);
        }
      }
      if (!valid || !seen.insert(s.written).second) continue;
      s.uncovered = Uncovered(simple);
      s.support = Support(simple);
      out.push_back(std::move(s));
    }
    return out;
  }

 private:
  // Every placement of a lexicon word over at least one unknown slot that
  // agrees with the known characters around it.
  std::vector<Fill> WordMatches() const {
    const Lexicon& lex = Lexicon::Get();
    std::vector<Fill> out;
    std::set<std::map<size_t, std::pair<char32_t, char32_t>>> seen;
    const size_t first = unknown_.front(), last = unknown_.back();
    // A word must hold a known character (see `anchored` below): the
    // placements come from the index of the known characters near the gap,
    // in lexicon order and then by place, as a scan of every word would
    // meet them.
    std::vector<std::pair<uint32_t, size_t>> placements;  // (word, first slot)
    const size_t q_lo = first + 1 >= lex.max_len ? first + 1 - lex.max_len : 0;
    const size_t q_hi = std::min(slots_.size(), last + lex.max_len);
    for (size_t q = q_lo; q < q_hi; ++q) {
      if (slots_[q].kind != SlotKind::kFixed) continue;
      auto it = lex.by_char.find(slots_[q].simple);
      if (it == lex.by_char.end()) continue;
      for (const auto& [w, x] : it->second) {
        if (x > q) continue;
        const size_t p = q - x, n = lex.words[w].size();
        if (p <= last && p + n > first && p + n <= slots_.size()) placements.emplace_back(w, p);
      }
    }
    std::sort(placements.begin(), placements.end());
    placements.erase(std::unique(placements.begin(), placements.end()), placements.end());
    for (size_t k = 0; k < placements.size(); ++k) {
      if (k % 64 == 0) deadline::Check();
      const std::u32string& w = lex.words[placements[k].first];
      const size_t n = w.size(), p = placements[k].second;
      Fill f;
      bool ok = true;
      for (size_t x = 0; x < n && ok; ++x) {
        const Slot& s = slots_[p + x];
        switch (s.kind) {
          case SlotKind::kFixed:
            ok = s.simple == w[x];
            break;
          case SlotKind::kFree:
            ok = utf8::IsHan(w[x]);
            f.chars[p + x] = {w[x], w[x]};
            break;
          case SlotKind::kTrail: {
            char32_t written = TrailCharacter(s.trail, w[x]);
            ok = written != 0;
            f.chars[p + x] = {written, w[x]};
            break;
          }
        }
      }
      if (ok && bridge_ && (p >= first || p + n <= last + 1)) ok = false;
      // A word made only of unknown characters is no evidence for them.
      bool anchored = false;
      for (size_t x = 0; x < n && ok && !anchored; ++x) {
        anchored = slots_[p + x].kind == SlotKind::kFixed;
      }
      ok = ok && anchored;
      if (ok && seen.insert(f.chars).second) out.push_back(std::move(f));
      if (out.size() >= 256) return out;
    }
    return out;
  }

  // The character with trail byte `trail` that simplifies to `simple`.
  char32_t TrailCharacter(int trail, char32_t simple) const {
    for (char32_t c : GbkTable::Get().WithTrail(trail)) {
      if (c == simple || script_.Simplify(c) == simple) return c;
    }
    return 0;
  }

  // A punctuation filling is only believable between two complete words.
  static bool AtWordBoundary(const std::u32string& s, size_t u) {
    const Lexicon& lex = Lexicon::Get();
    auto word_ends_at = [&](size_t end) {
      if (end == 0 || IsPunctuation(s[end - 1])) return true;
      for (size_t len = 2; len <= lex.max_len && len <= end; ++len) {
        if (lex.set.count(s.substr(end - len, len))) return true;
      }
      return false;
    };
    auto word_starts_at = [&](size_t begin) {
      if (begin == s.size() || IsPunctuation(s[begin])) return true;
      for (size_t len = 2; len <= lex.max_len && begin + len <= s.size(); ++len) {
        if (lex.set.count(s.substr(begin, len))) return true;
      }
      return false;
    };
    return word_ends_at(u) && word_starts_at(u + 1);
  }

  // Characters no lexicon word or punctuation mark covers, in the best
  // segmentation (dynamic programming over word lengths).
  static int Uncovered(const std::u32string& s) {
    const Lexicon& lex = Lexicon::Get();
    std::vector<int> best(s.size() + 1, 0);  // covered characters in s[0, i)
    for (size_t i = 0; i < s.size(); ++i) {
      best[i + 1] = std::max(best[i + 1], best[i] + (IsPunctuation(s[i]) ? 1 : 0));
      for (size_t len = 2; len <= lex.max_len && i + len <= s.size(); ++len) {
        if (lex.set.count(s.substr(i, len))) {
          best[i + len] = std::max(best[i + len], best[i] + static_cast<int>(len));
        }
      }
    }
    return static_cast<int>(s.size()) - best[s.size()];
  }

  // How many lexicon words over the unknown slots the rest of the document
  // supports: it uses the word, or (for a place) its city or a sibling.
  int Support(const std::u32string& s) const {
    const Lexicon& lex = Lexicon::Get();
    int support = 0;
    for (size_t b = 0; b < s.size(); ++b) {
      for (size_t len = 2; len <= lex.max_len && b + len <= s.size(); ++len) {
        bool over_unknown = false;
        for (size_t u : unknown_) over_unknown |= u >= b && u < b + len;
        if (!over_unknown) continue;
        const std::u32string w = s.substr(b, len);
        if (lex.set.count(w) && doc_.Supports(w)) ++support;
      }
    }
    return support;
  }

  const std::vector<Slot>& slots_;
  const ScriptConverter& script_;
  const DocumentContext& doc_;
  const bool bridge_;
  std::vector<size_t> unknown_;
};

// The two GBK bytes a character of the window stood for. ASCII punctuation
// inside a damaged run was full-width before width folding (！ -> !).
bool WindowBytes(char32_t c, std::vector<uint8_t>* bytes) {
  if (c >= 0x21 && c <= 0x7E) {
    c += 0xFEE0;
  }
  uint16_t code = GbkTable::Get().Encode(c);
  if (code == 0) return false;
  bytes->push_back(static_cast<uint8_t>(code >> 8));
  bytes->push_back(static_cast<uint8_t>(code & 0xFF));
  return true;
}

bool IsLost(char32_t c) { return c == '?' || c == 0xFFFD; }
bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct Repair {
  size_t begin, end;  // code point range replaced
  std::string after;
  RepairKind kind;
};

// The repair of the lost bytes at cps[i, r) ('?'s), or nothing.
std::optional<Repair> RepairLostBytes(const std::vector<Cp>& cps, size_t i, size_t r,
                                      const ScriptConverter& script,
                                      const DocumentContext& doc) {
  const GbkTable& gbk = GbkTable::Get();
  const size_t lost_marks = r - i;
  // More than three '?' in a row lost too much to tell what: warned only
  // (and the search below grows with every lost character).
  if (lost_marks > 3) return std::nullopt;
  // The damaged window after the gap: its bytes, up to a dangling ASCII trail
  // byte (where the decoder found its step again) or the first plain ASCII.
  std::vector<uint8_t> known;
  std::vector<char32_t> original;  // the non-annotation characters of the window
  bool garbled = false;  // the window has characters rare in Chinese text
  size_t j = r;
  while (j < cps.size() && j - r < 64) {
    size_t pe = PinyinEnd(cps, j);
    if (pe > j) {
      garbled |= cps[j].c != '(' && cps[j].c != U'（';  // its '(' was eaten
      j = pe;
      continue;
    }
    const char32_t c = cps[j].c;
    if (c < 0x80) {
      const bool dangling = c >= kTrailMin && c <= 0x7E && c != '(' && c != ')' &&
                            !(j + 1 < cps.size() && IsAsciiAlnum(cps[j + 1].c));
      if (dangling) {
        known.push_back(static_cast<uint8_t>(c));
        original.push_back(c);
        garbled = true;
        ++j;
        size_t after = PinyinEnd(cps, j);
        j = after;
        break;
      }
      // Full-width punctuation folded to ASCII by an earlier tool (！ -> !);
      // not digits, ',' or '.', which Chinese text has as they are.
      static const std::string kFolded = "!\"#$%&'*+-/:;<=>";
      if (kFolded.find(static_cast<char>(c)) != std::string::npos && WindowBytes(c, &known)) {
        original.push_back(c);
        ++j;
        continue;
      }
      break;
    }
    if (IsLost(c) || !WindowBytes(c, &known)) break;
    if (IsPrivateUse(c) || Commonness(c, script) == 0) garbled = true;
    original.push_back(c);
    ++j;
  }
  const bool odd = known.size() % 2 == 1;
  // In step, the text after the '?'s must be intact; garbled, the loss
  // happened elsewhere and this '?' is only where the decoder stumbled.
  if (!odd && garbled) return std::nullopt;
  // Decoded in step: the first known byte is a trail when an odd number of
  // bytes is known.
  std::vector<char32_t> decoded;
  for (size_t b = odd ? 1 : 0; b + 1 < known.size(); b += 2) {
    char32_t c = gbk.Decode(known[b], known[b + 1]);
    if (c == 0 || Commonness(c, script) == 0) return std::nullopt;
    decoded.push_back(c);
  }

  // Context: up to four characters on each side, pinyin annotations skipped.
  auto context_slot = [&](char32_t c) {
    Slot s;
    s.written = c;
    s.simple = script.Simplify(c);
    return s;
  };
  std::vector<Slot> left;
  for (size_t k = i; k > 0 && left.size() < 4;) {
    --k;
    const char32_t c = cps[k].c;
    if (c == ')' || c == U'）') {
      // Skip back over an annotation `(yè)`.
      size_t open = k;
      while (open > 0 && cps[open].c != '(' && cps[open].c != U'（' && k - open < 8) --open;
      if (PinyinEnd(cps, open) == k + 1) {
        k = open;
        continue;
      }
    }
    if (!utf8::IsHan(c) && !IsPunctuation(c)) break;
    left.push_back(context_slot(c));
  }
  std::reverse(left.begin(), left.end());
  std::vector<Slot> right;
  for (size_t k = j; k < cps.size() && right.size() < 4;) {
    size_t pe = PinyinEnd(cps, k);
    if (pe > k) {
      k = pe;
      continue;
    }
    if (!utf8::IsHan(cps[k].c) && !IsPunctuation(cps[k].c)) break;
    right.push_back(context_slot(cps[k].c));
    ++k;
  }

  // Candidates ranked by: fewest uncovered characters; fewest lost
  // characters (the simplest explanation); punctuation between two complete
  // words before a character (。 is the most frequent character of 公文);
  // most support from the rest of the document; the commoner punctuation.
  using Key = std::tuple<int, size_t, int, int, int>;
  std::optional<Key> best_key;
  std::string best_after;
  bool best_unique = false, best_in_step = false;
  for (size_t lost_chars = 0; lost_chars <= std::min<size_t>(lost_marks, 2); ++lost_chars) {
    const size_t lost_bytes = 2 * lost_chars + (odd ? 1 : 0);
    if (lost_bytes == 0 || lost_bytes < lost_marks) continue;
    std::vector<Slot> slots = left;
    for (size_t k = 0; k < lost_chars; ++k) slots.push_back(Slot{SlotKind::kFree});
    if (odd) {
      Slot t{SlotKind::kTrail};
      t.trail = known[0];
      slots.push_back(t);
      for (char32_t c : decoded) slots.push_back(context_slot(c));
      slots.insert(slots.end(), right.begin(), right.end());
    } else {
      // In step: the window itself is the right context.
      for (size_t k = 0; k < original.size() && k < 4; ++k) {
        if (!utf8::IsHan(original[k]) && !IsPunctuation(original[k])) break;
        slots.push_back(context_slot(original[k]));
      }
    }
    // In step, the text after the '?'s is taken as intact, so only a word
    // across the gap, known on both sides, fills it (东?县 -> 东海县); and
    // the '?' may be a real question mark, so never punctuation.
    LostBytes search(slots, script, doc, /*bridge=*/!odd);
    for (const auto& c : search.Candidates(/*allow_punctuation=*/odd)) {
      std::string after;
      for (char32_t w : c.written) utf8::Append(&after, w);
      if (odd) {
        for (char32_t d : decoded) utf8::Append(&after, d);
      }
      const Key key{c.uncovered, lost_chars, -c.punctuation, -c.support, c.punctuation_rank};
      if (!best_key || key < *best_key) {
        best_key = key;
        best_after = after;
        best_unique = true;
        best_in_step = !odd;
      } else if (key == *best_key && after != best_after) {
        best_unique = false;
      }
    }
  }
  if (!best_unique) return std::nullopt;
  // In step, only the '?'s are replaced; out of step, the whole window.
  return Repair{i, best_in_step ? r : j, best_after, RepairKind::kMojibakeLostBytes};
}

// ---- UTF-8 read as GBK ----

// A three-byte UTF-8 sequence at bytes[i]; 0 when there is none.
char32_t DecodeUtf8Three(const std::vector<uint8_t>& bytes, size_t i) {
  return i + 2 < bytes.size() ? utf8::DecodeThree(bytes[i], bytes[i + 1], bytes[i + 2]) : 0;
}

// Stretches of cps[k, end) (all with two-byte GBK codes) whose bytes are
// UTF-8 for common Chinese while the characters themselves are rare.
void FindUtf8AsGbk(const std::vector<Cp>& cps, size_t k, size_t end,
                   const ScriptConverter& script, std::vector<Repair>* out) {
  std::vector<uint8_t> bytes;
  for (size_t x = k; x < end; ++x) WindowBytes(cps[x].c, &bytes);
  // bytes[2m] is the first byte of cps[k + m]. A stretch starts on a
  // character and ends on one: 3 characters = 2 UTF-8 sequences.
  for (size_t m = 0; 2 * m < bytes.size();) {
    size_t b = 2 * m;
    std::string decoded;
    int han = 0, common = 0;
    size_t seqs = 0;
    // The longest stretch that ends on a character boundary, with its counts.
    size_t best_chars = 0, best_bytes = 0;
    int best_han = 0, best_common = 0, best_n = 0;
    while (char32_t c = DecodeUtf8Three(bytes, b)) {
      if (!utf8::IsHan(c) && !utf8::IsCjkPunct(c)) break;
      han += utf8::IsHan(c);
      common += Commonness(c, script) > 0;
      utf8::Append(&decoded, c);
      b += 3;
      ++seqs;
      if (seqs % 2 == 0) {  // ends on a character boundary
        best_chars = (b - 2 * m) / 2;
        best_bytes = decoded.size();
        best_han = han;
        best_common = common;
        best_n = static_cast<int>(seqs);
      }
    }
    if (best_chars >= 3 && best_han >= 2) {
      int rare = 0;
      for (size_t x = k + m; x < k + m + best_chars; ++x) {
        rare += IsPrivateUse(cps[x].c) || Commonness(cps[x].c, script) < 2;
      }
      // Clearly better: the original is mostly rare, the result common.
      if (rare * 2 >= static_cast<int>(best_chars) && best_common * 10 >= best_n * 9) {
        out->push_back(Repair{k + m, k + m + best_chars, decoded.substr(0, best_bytes), RepairKind::kMojibakeGbk});
        m += best_chars;
        continue;
      }
    }
    // A stretch that decoded but was not taken is not tried again from
    // inside (that would be quadratic in long runs).
    m += std::max<size_t>(1, best_chars);
  }
}

}  // namespace

bool DocumentContext::Contains(const std::u32string& word) const {
  if (!built_) {
    for (char32_t c : utf8::ToU32(text_)) simple_.push_back(script_.Simplify(c));
    built_ = true;
  }
  auto it = seen_.find(word);
  if (it != seen_.end()) return it->second;
  const bool found = simple_.find(word) != std::u32string::npos;
  seen_.emplace(word, found);
  return found;
}

bool DocumentContext::Supports(const std::u32string& word) const {
  if (Contains(word)) return true;
  // A place is supported by its city (连云港市 or 连云港) or by another
  // division of that city; two-character names (城区, 郊区) are too common
  // to count as a sibling.
  const Places& places = Places::Get();
  auto it = places.cities.find(word);
  if (it == places.cities.end()) return false;
  for (const std::u32string& city : it->second) {
    if (Contains(city)) return true;
    const std::u32string bare = city.size() > 2 && city.back() == U'市'
                                    ? city.substr(0, city.size() - 1)
                                    : city;
    if (Contains(bare)) return true;
    auto d = places.divisions.find(city);
    if (d == places.divisions.end()) continue;
    for (const std::u32string& sibling : d->second) {
      if (sibling != word && sibling.size() >= 3 && Contains(sibling)) return true;
    }
  }
  return false;
}

MappedText RepairGbkMojibake(const MappedText& in, const ScriptConverter& script,
                             const DocumentContext& doc, RepairLog* log) {
  const std::string& s = in.text;
  const std::vector<Cp> cps = CodePoints(s);
  std::vector<Repair> repairs;
  int attempts = 0;
  for (size_t k = 0; k < cps.size();) {
    const char32_t c = cps[k].c;
    if (IsLost(c)) {
      size_t r = k;
      while (r < cps.size() && IsLost(cps[r].c)) ++r;
      const bool beside_han = (k > 0 && (utf8::IsHan(cps[k - 1].c) || IsPrivateUse(cps[k - 1].c))) ||
                              (r < cps.size() && (utf8::IsHan(cps[r].c) || IsPrivateUse(cps[r].c)));
      // A paragraph with hundreds of '?' is beyond repair by search: the
      // first 64 gaps are tried, the rest only warned.
      if (beside_han && ++attempts <= 64 && doc.TakeAttempt()) {
        if (auto rep = RepairLostBytes(cps, k, r, script, doc)) {
          repairs.push_back(*rep);
          k = rep->end;
          continue;
        }
      }
      k = r;
      continue;
    }
    // A run of non-ASCII characters with two-byte GBK codes.
    if (c >= 0x80 && GbkTable::Get().Encode(c) != 0) {
      size_t e = k;
      // UTF-8 read as GBK starts each character group with a UTF-8 lead
      // byte (E4-E9 for Chinese) as a GBK lead: level-2 characters that
      // clean text rarely has. Without one the run is not looked at.
      bool utf8_lead = false;
      while (e < cps.size() && cps[e].c >= 0x80) {
        const uint16_t code = GbkTable::Get().Encode(cps[e].c);
        if (code == 0) break;
        utf8_lead |= (code >> 8) >= 0xE3 && (code >> 8) <= 0xE9;
        ++e;
      }
      if (e - k >= 3 && utf8_lead) FindUtf8AsGbk(cps, k, e, script, &repairs);
      k = e;
      continue;
    }
    ++k;
  }
  if (repairs.empty()) return in;
  std::sort(repairs.begin(), repairs.end(),
            [](const Repair& a, const Repair& b) { return a.begin < b.begin; });
  TextBuilder b(in);
  size_t copied = 0;
  for (const Repair& r : repairs) {
    const size_t from = cps[r.begin].begin, to = cps[r.end - 1].end;
    if (from < copied) continue;
    b.Copy(copied, from);
    b.Replace(from, to, r.after, r.kind, log);
    copied = to;
  }
  b.Copy(copied, s.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
