// Traditional -> simplified with OpenCC's phrase-level t2s, applied only to
// paragraphs that are traditional: t2s over simplified text corrupts it
// (乾安县 -> 干安县), so a paragraph with a lone convertible character is
// left alone unless the whole document is traditional.
#include <opencc/opencc.h>

#include <algorithm>

#include <utility>
#include <vector>

#include "data/data.h"
#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {

namespace {

// data/t2s_overrides.tsv: phrases t2s leaves traditional (随著 -> 随着).
const std::vector<std::pair<std::string, std::string>>& Overrides() {
  static const std::vector<std::pair<std::string, std::string>> table = [] {
    std::vector<std::pair<std::string, std::string>> t;
    for (std::string_view line : data::Lines(data::T2sOverrides())) {
      auto fields = data::Fields(line);
      if (fields.size() == 2) t.emplace_back(std::string(fields[0]), std::string(fields[1]));
    }
    // Longest first: 围绕著 before 绕著.
    std::stable_sort(t.begin(), t.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return t;
  }();
  return table;
}

void ApplyOverrides(std::string* s) {
  if (s->find("著") == std::string::npos) return;
  for (const auto& [from, to] : Overrides()) {
    for (size_t p = s->find(from); p != std::string::npos; p = s->find(from, p + to.size())) {
      s->replace(p, from.size(), to);
    }
  }
}

}  // namespace

// The code points below kTableEnd that t2s changes on their own, found once
// by converting every CJK character (one per line, so no phrase spans two).
constexpr char32_t kTableEnd = 0x10000;

ScriptConverter::ScriptConverter(std::unique_ptr<opencc::SimpleConverter> t2s)
    : t2s_(std::move(t2s)), convertible_(kTableEnd, false), simple_(kTableEnd, 0) {
  std::string all;
  std::vector<char32_t> cps;
  for (char32_t c = 0x3400; c < kTableEnd; ++c) {
    if (!utf8::IsHan(c)) continue;
    cps.push_back(c);
    utf8::Append(&all, c);
    all.push_back('\n');
  }
  std::string converted = t2s_->Convert(all);
  size_t pos = 0;
  for (char32_t c : cps) {
    size_t eol = converted.find('\n', pos);
    if (eol == std::string::npos) break;
    std::string_view to = std::string_view(converted).substr(pos, eol - pos);
    if (to != utf8::Encode(c)) {
      convertible_[c] = true;
      int len = 0;
      char32_t one = to.empty() ? 0 : utf8::Decode(to, 0, &len);
      if (static_cast<size_t>(len) == to.size()) simple_[c] = one;
    }
    pos = eol + 1;
  }
}
ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::Convert(const std::string& text) const {
  return t2s_->Convert(text);
}

char32_t ScriptConverter::Simplify(char32_t c) const {
  return c < kTableEnd && simple_[c] != 0 ? simple_[c] : c;
}

int ScriptConverter::CountTraditional(const std::string& text, int* distinct) const {
  int n = 0;
  std::vector<char32_t> seen;
  for (size_t i = 0; i < text.size();) {
    int len;
    char32_t c = utf8::Decode(text, i, &len);
    if (c < kTableEnd && convertible_[c]) {
      ++n;
      if (distinct != nullptr && seen.size() < 64 &&
          std::find(seen.begin(), seen.end(), c) == seen.end()) {
        seen.push_back(c);
      }
    }
    i += len;
  }
  if (distinct != nullptr) *distinct = static_cast<int>(seen.size());
  return n;
}

MappedText ScriptConverter::ToSimplified(const MappedText& in, bool document_is_traditional,
                                         RepairLog* log) const {
  const int candidates = CountTraditional(in.text);
  if (candidates == 0) return in;
  // Cheap test first: a simplified paragraph never reaches OpenCC.
  if (!document_is_traditional && candidates < 2) return in;
  std::string converted = Convert(in.text);
  if (converted == in.text) return in;
  std::u32string a = utf8::ToU32(in.text);
  std::u32string b = utf8::ToU32(converted);
  int64_t changed = 0;
  std::vector<char32_t> distinct;  // characters that changed, each once
  if (a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] == b[i]) continue;
      ++changed;
      if (std::find(distinct.begin(), distinct.end(), a[i]) == distinct.end()) {
        distinct.push_back(a[i]);
      }
    }
  } else {
    changed = static_cast<int64_t>(std::max(a.size(), b.size()));
    distinct.resize(2);
  }
  // A traditional paragraph has many different convertible characters
  // (typically a quarter of its Han); a simplified paragraph has a name
  // (乾安县、乾县) or a character valid in both scripts, however often.
  if (!document_is_traditional &&
      (distinct.size() < 2 || changed * 20 < utf8::CountHan(in.text))) {
    return in;
  }
  ApplyOverrides(&converted);
  b = utf8::ToU32(converted);
  TextBuilder out(in);
  if (a.size() != b.size()) {
    // A phrase changed length; map the paragraph as one replacement.
    out.Replace(0, in.text.size(), converted, RepairKind::kTraditionalToSimplified, log);
    return out.Finish();
  }
  // Replace each run of changed code points, so repairs stay readable.
  size_t byte = 0, copied = 0;
  size_t i = 0;
  while (i < a.size()) {
    if (a[i] == b[i]) {
      byte += utf8::Encode(a[i]).size();
      ++i;
      continue;
    }
    size_t run_start = byte;
    std::string repl;
    while (i < a.size() && a[i] != b[i]) {
      byte += utf8::Encode(a[i]).size();
      utf8::Append(&repl, b[i]);
      ++i;
      // A run stops where the source is not contiguous (removed pinyin lay
      // between), so each repair's `before` is only what it converted.
      if (byte < in.text.size() && in.src_begin[byte] != in.src_end[byte - 1]) break;
    }
    out.Copy(copied, run_start);
    out.Replace(run_start, byte, repl, RepairKind::kTraditionalToSimplified, log);
    copied = byte;
  }
  out.Copy(copied, in.text.size());
  return out.Finish();
}

}  // namespace gongwen::normalize::internal
