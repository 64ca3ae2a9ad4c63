// Site chrome (扫一扫打开当前页, 字号[大][中][小], view counters) and SEO spam
// lines. Patterns and words live in data/chrome.tsv and data/spam_lexicon.txt.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include "data/data.h"
#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

struct ChromeRules {
  std::vector<std::unique_ptr<RE2>> line;
  std::vector<std::unique_ptr<RE2>> fragment;
};

const ChromeRules& Chrome() {
  static const ChromeRules rules = [] {
    ChromeRules r;
    for (std::string_view line : data::Lines(data::ChromeTsv())) {
      auto fields = data::Fields(line);
      if (fields.size() != 2) continue;
      std::string scope(fields[0]);
      std::string pattern(fields[1]);
      // Fragments are searched for, so they carry a capture of the whole match.
      if (scope == "fragment") pattern = "(" + pattern + ")";
      auto re = std::make_unique<RE2>(pattern);
      if (!re->ok()) continue;  // a test asserts every pattern compiles
      (scope == "line" ? r.line : r.fragment).push_back(std::move(re));
    }
    return r;
  }();
  return rules;
}

const std::vector<std::string>& SpamWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    for (std::string_view line : data::Lines(data::SpamLexicon())) w.emplace_back(line);
    return w;
  }();
  return words;
}

using utf8::HasSentencePunct;

}  // namespace

bool IsChromeLine(const std::string& text) {
  std::string_view t = utf8::Trim(text);
  if (t.empty()) return false;
  re2::StringPiece piece(t.data(), t.size());
  for (const auto& re : Chrome().line) {
    if (RE2::FullMatch(piece, *re)) return true;
  }
  return false;
}

bool IsPageNumberLine(const std::string& text) {
  // — 3 —, -3-, 第3页 共5页: page numbers of a PDF saved as text. A bare
  // number is not one (table cells are bare numbers).
  static const RE2 re(
      R"(^\s*(?:[—–\-－─]{1,2}\s*\d{1,3}\s*[—–\-－─]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$)");
  return RE2::FullMatch(text, re);
}

bool IsSpamLine(const std::string& text) {
  if (HasSentencePunct(text)) return false;
  int segments = 1;
  for (char c : text) segments += (c == '_' || c == '|');
  for (size_t p = text.find("｜"); p != std::string::npos; p = text.find("｜", p + 3)) ++segments;
  if (segments < 3) return false;
  return SpamWordCount(text) >= 2;
}

int SpamWordCount(const std::string& text) {
  int hits = 0;
  for (const std::string& w : SpamWords()) {
    if (text.find(w) != std::string::npos) ++hits;
  }
  return hits;
}

MappedText RemoveChromeFragments(const MappedText& in, RepairLog* log) {
  if (HasSentencePunct(in.text) || in.text.find("。") != std::string::npos) return in;
  // Collect all fragment matches, then cut them in order.
  std::vector<std::pair<size_t, size_t>> cuts;
  for (const auto& re : Chrome().fragment) {
    re2::StringPiece rest(in.text);
    re2::StringPiece m;
    while (RE2::FindAndConsume(&rest, *re, &m)) {
      if (m.empty()) break;
      size_t at = m.data() - in.text.data();
      cuts.emplace_back(at, at + m.size());
    }
  }
  if (cuts.empty()) return in;
  std::sort(cuts.begin(), cuts.end());
  TextBuilder b(in);
  size_t pos = 0;
  for (auto [s, e] : cuts) {
    if (s < pos) continue;  // overlapping matches
    b.Copy(pos, s);
    b.Remove(s, e, RepairKind::kChromeRemoved, log);
    pos = e;
  }
  b.Copy(pos, in.text.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
