// Parts that are not the policy's clauses: a blank form attached to the
// policy (附件1 拖拉机报废申请表: 一、拖拉机机主： 二、拖拉机类别： …), and a part
// that repeats an earlier one word for word (a page that holds its text
// twice). Their clauses are dropped, with a warning; the text stays.
#include <algorithm>
#include <map>
#include <set>

#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

std::string OwnText(const std::string& text, const utf8::CodePointIndex& cps, const Clause& c) {
  const size_t b = cps.ToByte(c.span.begin), e = cps.ToByte(c.span.end);
  return std::string(utf8::Trim(std::string_view(text).substr(b, e - b)));
}

// 一、拖拉机机主： — a field of a form, to be filled in: a short label
// ending in a colon, with no items under it.
bool IsBlankField(const std::string& own, const Clause& c, bool has_children) {
  if (has_children) return false;
  std::string_view body = std::string_view(own).substr(std::min(own.size(), c.marker.size()));
  body = utf8::Trim(body);
  if (body.empty() || utf8::CountCodePoints(body) > 24) return false;
  const char32_t last = utf8::LastCodePoint(body);
  return last == U'：' || last == U':';
}

// A part's clauses as text, marker by marker, to compare parts.
std::string Fingerprint(const std::string& text, const utf8::CodePointIndex& cps, const std::vector<Clause>& clauses,
                        int part) {
  std::string f;
  for (const Clause& c : clauses) {
    if (c.part == part) f += OwnText(text, cps, c) + '\n';
  }
  return f;
}

}  // namespace

void DropFormsAndRepeats(const std::string& text, const utf8::CodePointIndex& cps, std::vector<Clause>* clauses,
                         std::vector<Warning>* warnings) {
  std::map<int, int> count, blank;
  std::set<int> parents;
  for (const Clause& c : *clauses) {
    if (c.parent) parents.insert(*c.parent);
  }
  for (const Clause& c : *clauses) {
    ++count[c.part];
    if (IsBlankField(OwnText(text, cps, c), c, parents.count(c.index) > 0)) ++blank[c.part];
  }
  std::set<int> dropped;
  std::map<std::string, int> seen;  // fingerprint -> first part
  for (const auto& [part, n] : count) {
    const int this_part = part;  // a structured binding can't be captured before C++20 (clang)
    auto first = std::find_if(clauses->begin(), clauses->end(), [&](const Clause& c) { return c.part == this_part; });
    const CodePointSpan at{first->span.begin, first->span.begin};
    if (n >= 3 && blank[part] * 5 >= n * 3) {
      dropped.insert(part);
      warnings->push_back(Warning{WarningCode::kFormPart, "part " + std::to_string(part) + " is a form to fill in (" +
                                                   std::to_string(blank[part]) + " of " + std::to_string(n) +
                                                   " items are blank fields); its items are not clauses",
                                  at});
      continue;
    }
    auto [it, fresh] = seen.emplace(Fingerprint(text, cps, *clauses, part), part);
    if (!fresh) {
      dropped.insert(part);
      warnings->push_back(Warning{WarningCode::kRepeatedPart, "part " + std::to_string(part) + " repeats part " +
                                                       std::to_string(it->second) + " word for word",
                                  at});
    }
  }
  if (dropped.empty()) return;
  // Keep the others, renumbering indices, parents and parts.
  std::map<int, int> new_index, new_part;
  int next_part = 1;
  for (const auto& [part, n] : count) {
    if (!dropped.count(part)) new_part[part] = next_part++;
  }
  std::vector<Clause> kept;
  for (Clause& c : *clauses) {
    if (dropped.count(c.part)) continue;
    new_index[c.index] = static_cast<int>(kept.size());
    c.index = static_cast<int>(kept.size());
    if (c.parent) c.parent = new_index.at(*c.parent);
    c.part = new_part.at(c.part);
    kept.push_back(std::move(c));
  }
  *clauses = std::move(kept);
}

}  // namespace gongwen::structure::internal
