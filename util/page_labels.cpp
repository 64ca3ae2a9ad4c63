#include "util/page_labels.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>

#include "data/data.h"
#include "util/utf8.h"

namespace gongwen::labels {
namespace {

struct LabelTable {
  std::map<std::string, std::string> field_of;
  std::unique_ptr<RE2> any;  // group 1: a label, spaces allowed between its characters
};

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (c != ' ' && c != 0x3000 && c != 0xA0 && c != '\t') out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

const LabelTable& Table() {
  static const LabelTable table = [] {
    LabelTable t;
    std::vector<std::string> labels;
    for (std::string_view line : data::Lines(data::PageLabels())) {
      auto fields = data::Fields(line);
      if (fields.size() != 2) continue;
      std::string label(fields[0]);
      t.field_of[label] = std::string(fields[1]);
      labels.push_back(label);
    }
    // Longest first, so 发文字号 wins over 文号 and 时效性 over 时效.
    std::sort(labels.begin(), labels.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string alternation;
    for (const std::string& l : labels) {
      if (!alternation.empty()) alternation += '|';
      std::u32string u = utf8::ToU32(l);
      for (size_t i = 0; i < u.size(); ++i) {
        if (i > 0) alternation += "[ \\x{3000}\\x{a0}]*";
        alternation += utf8::Encode(u[i]);
      }
    }
    t.any = std::make_unique<RE2>("(" + alternation + R"()\s*[:：]?\s*)");
    return t;
  }();
  return table;
}

}  // namespace

std::string FieldOf(std::string_view label) {
  std::string l = WithoutSpaces(label);
  while (!l.empty() && (l.back() == ':' )) l.pop_back();
  if (l.size() >= 3 && l.compare(l.size() - 3, 3, "：") == 0) l.resize(l.size() - 3);
  auto it = Table().field_of.find(l);
  return it == Table().field_of.end() ? "" : it->second;
}

std::vector<PageField> SplitLine(std::string_view line) {
  std::vector<PageField> out;
  line = utf8::Trim(line);
  const RE2& re = *Table().any;
  re2::StringPiece in(line.data(), line.size());
  re2::StringPiece g[2];
  if (!re.Match(in, 0, in.size(), RE2::ANCHOR_START, g, 2)) return out;
  struct Hit {
    std::string label;
    size_t begin, end;
  };
  std::vector<Hit> hits;
  size_t pos = 0;
  while (pos < line.size() && re.Match(in, pos, in.size(), RE2::UNANCHORED, g, 2)) {
    size_t b = g[0].data() - line.data();
    hits.push_back(Hit{WithoutSpaces(std::string_view(g[1].data(), g[1].size())), b,
                       b + g[0].size()});
    pos = b + g[0].size();
  }
  for (size_t k = 0; k < hits.size(); ++k) {
    size_t ve = k + 1 < hits.size() ? hits[k + 1].begin : line.size();
    out.push_back(PageField{hits[k].label,
                            std::string(utf8::Trim(line.substr(hits[k].end, ve - hits[k].end)))});
  }
  return out;
}

}  // namespace gongwen::labels
