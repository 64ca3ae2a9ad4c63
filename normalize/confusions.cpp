// OCR and typing confusions in policy vocabulary, from data/confusions.tsv
// (类励 -> 奖励, 万兀 -> 万元), and 0/O/○ mixed into the numerals of a date
// (二0二五年 -> 二〇二五年, 2O25年 -> 2025年). Each fix is a repair with its
// span; the file's suspects (萬 in simplified text) only become warnings.
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "data/data.h"
#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

// One line of data/confusions.tsv that fixes: FROM, TO, and the characters
// that veto it when they follow FROM.
struct Listed {
  std::string from, to;
  std::u32string not_before;
};

struct Confusions {
  std::vector<Listed> fixes;  // longest FROM first
  std::vector<std::string> suspects;
  std::unordered_map<char32_t, std::vector<size_t>> first;  // first character -> fixes

  static const Confusions& Get() {
    static const Confusions c = [] {
      Confusions c;
      for (std::string_view line : data::Lines(data::ConfusionsTsv())) {
        auto f = data::Fields(line);
        if (f.size() < 2) continue;
        if (f[1] == "?") {
          c.suspects.emplace_back(f[0]);
        } else {
          c.fixes.push_back(Listed{std::string(f[0]), std::string(f[1]),
                                   f.size() > 2 ? utf8::ToU32(f[2]) : std::u32string()});
        }
      }
      std::stable_sort(c.fixes.begin(), c.fixes.end(), [](const Listed& a, const Listed& b) {
        return a.from.size() > b.from.size();
      });
      for (size_t k = 0; k < c.fixes.size(); ++k) {
        c.first[utf8::FirstCodePoint(c.fixes[k].from)].push_back(k);
      }
      return c;
    }();
    return c;
  }
};

struct Fix {
  size_t begin, end;
  std::string after;
};

void FindListed(const std::string& s, std::vector<Fix>* out) {
  // One pass over the text; at a character some entry starts with, the
  // entries are tried longest first.
  const Confusions& c = Confusions::Get();
  for (size_t i = 0; i < s.size();) {
    int len;
    const char32_t cp = utf8::Decode(s, i, &len);
    auto it = c.first.find(cp);
    if (it != c.first.end()) {
      for (size_t k : it->second) {
        const auto& [from, to, not_before] = c.fixes[k];
        if (s.compare(i, from.size(), from) == 0 &&
            !(i + from.size() < s.size() &&
              not_before.find(utf8::FirstCodePoint(std::string_view(s).substr(
                  i + from.size()))) != std::u32string::npos)) {
          out->push_back(Fix{i, i + from.size(), to});
          i += from.size();
          len = 0;
          break;
        }
      }
    }
    i += len;
  }
}

bool IsZeroLookalike(char32_t c) { return c == 'O' || c == 'o' || c == U'〇' || c == U'○'; }

// 二0二五年: a year in Chinese numerals with a 0, O or ○ for 〇.
void FindChineseYears(const std::string& s, std::vector<Fix>* out) {
  static const RE2 re(R"(((?:[一二三四五六七八九〇○零0Oo]){4})年)");
  re2::StringPiece rest(s), year;
  while (RE2::FindAndConsume(&rest, re, &year)) {
    const std::u32string y = utf8::ToU32(std::string(year));
    int chinese = 0, wrong = 0;
    for (char32_t c : y) {
      if (c == '0' || c == 'O' || c == 'o' || c == U'○') {
        ++wrong;
      } else {
        ++chinese;
      }
    }
    if (wrong == 0 || chinese < 2) continue;
    std::u32string fixed = y;
    for (char32_t& c : fixed) {
      if (c == '0' || c == 'O' || c == 'o' || c == U'○') c = U'〇';
    }
    const size_t at = year.data() - s.data();
    out->push_back(Fix{at, at + year.size(), utf8::FromU32(fixed)});
  }
}

// 2O25年, 1〇0万元: Arabic numerals with a letter O or a 〇 for 0.
void FindArabicNumbers(const std::string& s, std::vector<Fix>* out) {
  static const RE2 re(R"(((?:[0-9Oo〇○]){3,})(?:年|月|日|号|万|亿|元|%))");
  re2::StringPiece rest(s), number;
  while (RE2::FindAndConsume(&rest, re, &number)) {
    const std::u32string n = utf8::ToU32(std::string(number));
    const auto digits = std::count_if(n.begin(), n.end(), utf8::IsAsciiDigit);
    const auto zeros = std::count_if(n.begin(), n.end(), IsZeroLookalike);
    // Mostly Arabic digits, and not a word of Latin letters.
    if (zeros == 0 || digits < 2 || digits < zeros) continue;
    std::u32string fixed = n;
    for (char32_t& c : fixed) {
      if (IsZeroLookalike(c)) c = '0';
    }
    const size_t at = number.data() - s.data();
    out->push_back(Fix{at, at + number.size(), utf8::FromU32(fixed)});
  }
}

}  // namespace

MappedText RepairConfusions(const MappedText& in, RepairLog* log) {
  const std::string& s = in.text;
  std::vector<Fix> fixes;
  FindListed(s, &fixes);
  FindChineseYears(s, &fixes);
  FindArabicNumbers(s, &fixes);
  if (fixes.empty()) return in;
  // Earliest first; of two overlapping fixes the longer (listed first) wins.
  std::stable_sort(fixes.begin(), fixes.end(),
                   [](const Fix& a, const Fix& b) { return a.begin < b.begin; });
  TextBuilder b(in);
  size_t copied = 0;
  for (const Fix& f : fixes) {
    if (f.begin < copied) continue;
    b.Copy(copied, f.begin);
    b.Replace(f.begin, f.end, f.after, RepairKind::kOcrConfusion, log);
    copied = f.end;
  }
  b.Copy(copied, s.size());
  return b.Finish();
}

std::vector<Warning> FindOcrSuspects(const std::string& text) {
  std::vector<Warning> out;
  for (const std::string& suspect : Confusions::Get().suspects) {
    size_t counted = 0;  // code points of text[0, counted_bytes)
    size_t counted_bytes = 0;
    for (size_t p = text.find(suspect); p != std::string::npos;
         p = text.find(suspect, p + suspect.size())) {
      counted += utf8::CountCodePoints(std::string_view(text).substr(counted_bytes, p - counted_bytes));
      counted_bytes = p;
      const int64_t at = static_cast<int64_t>(counted);
      out.push_back(Warning{WarningCode::kOcrSuspect,
                            "'" + suspect + "' is probably an OCR or typing confusion",
                            CodePointSpan{at, at + utf8::CountCodePoints(suspect)}});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Warning& a, const Warning& b) { return a.span->begin < b.span->begin; });
  return out;
}

}  // namespace gongwen::normalize::internal
