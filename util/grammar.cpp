#include "util/grammar.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "data/data.h"
#include "util/utf8.h"

namespace gongwen::grammar {
namespace {

struct Entry {
  std::string value;
  std::string detail;
};

// data/grammar.tsv by class.
const std::map<std::string, std::vector<Entry>>& Classes() {
  static const auto classes = [] {
    std::map<std::string, std::vector<Entry>> m;
    for (std::string_view line : data::Lines(data::GrammarTsv())) {
      std::vector<std::string_view> f = data::Fields(line);
      if (f.size() < 2) continue;
      m[std::string(f[0])].push_back(Entry{std::string(f[1]), f.size() > 2 ? std::string(f[2]) : ""});
    }
    return m;
  }();
  return classes;
}

const std::vector<Entry>& Of(const std::string& cls) {
  static const std::vector<Entry> none;
  auto it = Classes().find(cls);
  return it == Classes().end() ? none : it->second;
}

// (?:a|b|…) with the longest first, so that 人民政府办公室 wins over 人民政府.
std::string Alternation(std::vector<std::string> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (size_t i = 0; i < words.size(); ++i) out += (i ? "|" : "") + RE2::QuoteMeta(words[i]);
  return out + ")";
}

std::string AlternationOf(const std::string& cls, const char* detail = nullptr) {
  std::vector<std::string> words;
  for (const Entry& e : Of(cls)) {
    if (!detail || e.detail == detail) words.push_back(e.value);
  }
  return Alternation(words);
}

// The brackets of year_brackets, openers or closers, as one character class.
std::string BracketClass(bool closing) {
  std::string cls = "[";
  for (const Entry& e : Of("year_brackets")) {
    const std::u32string pair = utf8::ToU32(e.value);
    if (pair.size() == 2) cls += RE2::QuoteMeta(utf8::Encode(pair[closing ? 1 : 0]));
  }
  return cls + "]";
}

std::string Substitute(std::string pattern, const std::string& from, const std::string& to) {
  for (size_t at = pattern.find(from); at != std::string::npos; at = pattern.find(from, at + to.size())) {
    pattern.replace(at, from.size(), to);
  }
  return pattern;
}

// A capturing group made non-capturing: "(" not followed by "?" and not
// escaped becomes "(?:".
std::string NonCapturing(const std::string& p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      out += p.substr(i, 2);
      ++i;
      continue;
    }
    out += p[i];
    if (p[i] == '(' && (i + 1 >= p.size() || p[i + 1] != '?')) out += "?:";
  }
  return out;
}

}  // namespace

const std::string& DocType() {
  static const std::string s = AlternationOf("doc_type");
  return s;
}

const std::string& OrgEnd() {
  static const std::string s = AlternationOf("org_end");
  return s;
}

const std::string& OrgCutEnd() {
  static const std::string s = AlternationOf("org_end", "cut");
  return s;
}

const std::string& UnitEnd() {
  static const std::string s = AlternationOf("unit_end");
  return s;
}

const std::string& Numeral() {
  static const std::string s = [] {
    const auto& e = Of("numerals");
    return "[" + (e.empty() ? std::string() : e[0].value) + "]";
  }();
  return s;
}

const std::vector<MarkerShape>& Markers() {
  static const std::vector<MarkerShape> shapes = [] {
    std::vector<MarkerShape> out;
    for (const Entry& e : Of("marker")) {
      out.push_back(MarkerShape{e.value, "^" + Substitute(e.detail, "{CN}", Numeral() + "+")});
    }
    return out;
  }();
  return shapes;
}

const std::string& AnyMarker() {
  static const std::string s = [] {
    std::string out = "(?:";
    bool first = true;
    for (const MarkerShape& m : Markers()) {
      out += (first ? "" : "|") + NonCapturing(m.pattern.substr(1));
      first = false;
    }
    return out + ")";
  }();
  return s;
}

const std::string& YearOpen() {
  static const std::string s = BracketClass(false);
  return s;
}

const std::string& YearClose() {
  static const std::string s = BracketClass(true);
  return s;
}

// The year_brackets line marked canonical: its opener (0) or closer (1).
const std::string& Canonical(int which) {
  static const std::pair<std::string, std::string> pair = [] {
    std::pair<std::string, std::string> p{"〔", "〕"};
    for (const Entry& e : Of("year_brackets")) {
      if (e.detail == "canonical" && e.value.size() == 6) p = {e.value.substr(0, 3), e.value.substr(3)};
    }
    return p;
  }();
  return which == 0 ? pair.first : pair.second;
}

// The year brackets as code points: [0] openers, [1] closers.
const std::u32string& YearBrackets(int which) {
  static const std::pair<std::u32string, std::u32string> sets = [] {
    std::pair<std::u32string, std::u32string> p;
    for (const Entry& e : Of("year_brackets")) {
      const std::u32string u = utf8::ToU32(e.value);
      if (u.size() != 2) continue;
      p.first.push_back(u[0]);
      p.second.push_back(u[1]);
    }
    return p;
  }();
  return which == 0 ? sets.first : sets.second;
}

bool IsYearOpen(char32_t c) { return YearBrackets(0).find(c) != std::u32string::npos; }
bool IsYearClose(char32_t c) { return YearBrackets(1).find(c) != std::u32string::npos; }

const std::string& CanonicalYearOpen() { return Canonical(0); }
const std::string& CanonicalYearClose() { return Canonical(1); }

const std::string& DocNumberSerial() {
  static const std::string s = R"((?:\s*第?\s*\d{1,5}\s*号))";
  return s;
}

const std::string& DecreeNumber() {
  static const std::string s = R"((?:令\s*[（(]?\s*第\s*\d{1,4}\s*号))";
  return s;
}

const std::string& DocNumber() {
  static const std::string s = R"((?:\p{Han}{1,12})" + CanonicalYearOpen() + R"(\s*\d{4}\s*)" +
                               CanonicalYearClose() + DocNumberSerial() + ")";
  return s;
}

const std::string& DocNumberAnyBrackets() {
  static const std::string s =
      R"((?:\p{Han}{1,12})" + YearOpen() + R"(\s*\d{4}\s*)" + YearClose() + DocNumberSerial() + ")";
  return s;
}

}  // namespace gongwen::grammar
