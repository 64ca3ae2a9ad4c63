#include "app/diff.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "db/db.h"
#include "util/files.h"
#include "util/utf8.h"

namespace gongwen::diff {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::string Str(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// ---- reading a side ----

// A gongwen/1 record: a JSON object that says so. A reason when it is not.
std::string NotARecord(const std::string& text) {
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return "invalid JSON";
  if (Str(j, "schema") != "gongwen/1") return "not a gongwen/1 record (no \"schema\": \"gongwen/1\")";
  return "";
}

bool IsSqliteFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == 16 && std::string(head, 16) == std::string("SQLite format 3\0", 16);
}

// The lines of a documents.jsonl, each checked to be JSON.
Side FromJsonl(const std::string& name, const std::string& file, std::optional<LoadProblem>* problem) {
  Side side{name, {}};
  auto bytes = files::Read(file);
  if (!bytes.ok()) {
    *problem = LoadProblem{file, bytes.error().Describe()};
    return side;
  }
  std::istringstream lines(bytes.value());
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (utf8::Trim(line).empty()) continue;
    if (const std::string why = NotARecord(line); !why.empty()) {
      *problem = LoadProblem{file + ":" + std::to_string(number), why};
      return Side{name, {}};
    }
    side.records.push_back(std::move(line));
  }
  return side;
}

// A database's message, without the target it often starts with.
LoadProblem DatabaseProblem(const std::string& target, const Error& e) {
  std::string reason = e.Describe();
  if (reason.rfind(target + ": ", 0) == 0) reason.erase(0, target.size() + 2);
  return LoadProblem{target, reason};
}

// The record stored for each source of a gongwen database.
Side FromDatabase(const std::string& name, const std::string& target, std::optional<LoadProblem>* problem) {
  Side side{name, {}};
  auto store = db::Store::Open(target, db::Store::Mode::kRead);
  if (!store.ok()) {
    *problem = DatabaseProblem(target, store.error());
    return side;
  }
  auto rows = store.value()->Query("SELECT path, record FROM sources ORDER BY path");
  if (!rows.ok()) {
    *problem = DatabaseProblem(target, rows.error());
    return side;
  }
  for (auto& row : rows.value().rows) {
    std::string record = row[1].value_or("");
    if (const std::string why = NotARecord(record); !why.empty()) {
      *problem = LoadProblem{target + ": source " + row[0].value_or(""), "its record: " + why};
      return Side{name, {}};
    }
    side.records.push_back(std::move(record));
  }
  return side;
}

// ---- documents and their parts ----

// A document's identity; its record is parsed again when it is compared, so
// that a large run is never held parsed in memory.
struct Doc {
  std::string key;   // source.path, #record key
  std::string path;  // source.path
  std::string id, title;
  const std::string* record = nullptr;
};

Json Parse(const std::string& record) {
  Json j = Json::parse(record, nullptr, false);
  return j.is_object() ? j : Json::object();
}

Doc MakeDoc(const std::string& record) {
  Doc d;
  d.record = &record;
  const Json json = Parse(record);
  const Json source = json.value("source", Json::object());
  if (source.is_object()) {
    d.path = Str(source, "path");
    const Json rec = source.value("record", Json());
    d.key = d.path;
    if (rec.is_object()) d.key += "#" + Str(rec, "key");
  }
  d.id = Str(json, "id");
  const Json md = json.value("metadata", Json::object());
  if (md.is_object()) d.title = Str(md, "title");
  if (d.key.empty()) d.key = d.id;
  return d;
}

// A side's documents; a key seen twice gets "@N".
std::vector<Doc> Docs(const Side& side) {
  std::vector<Doc> docs;
  std::map<std::string, int> seen;
  for (const std::string& r : side.records) {
    Doc d = MakeDoc(r);
    if (int n = ++seen[d.key]; n > 1) d.key += "@" + std::to_string(n);
    docs.push_back(std::move(d));
  }
  return docs;
}

struct ClauseView {
  const Json* json = nullptr;
  std::string path;    // "1.2.3", "p2:1.2" in a later part
  std::string marker;
  std::string text;    // its own text, marker included
  std::string key;     // its own text without the marker: what aligns clauses
};

std::string PathOf(const Json& c) {
  std::string s;
  const int part = c.value("part", 1);
  if (part > 1) s = "p" + std::to_string(part) + ":";
  const Json path = c.value("path", Json::array());
  for (size_t i = 0; i < path.size(); ++i) s += (i ? "." : "") + path[i].dump();
  return s;
}

// Each clause's own text: its span, up to where the next clause starts.
std::vector<ClauseView> Clauses(const Json& doc) {
  std::vector<ClauseView> out;
  const auto clauses = doc.find("clauses");
  if (clauses == doc.end() || !clauses->is_array()) return out;
  const std::u32string text = utf8::ToU32(Str(doc, "text"));
  auto at = [&](const Json& c, int k) -> int64_t {
    const Json span = c.value("span", Json::array());
    if (!span.is_array() || span.size() != 2 || !span[k].is_number_integer()) return 0;
    return std::clamp<int64_t>(span[k].get<int64_t>(), 0, static_cast<int64_t>(text.size()));
  };
  for (size_t i = 0; i < clauses->size(); ++i) {
    const Json& c = (*clauses)[i];
    ClauseView v;
    v.json = &c;
    v.path = PathOf(c);
    v.marker = Str(c, "marker");
    const int64_t begin = at(c, 0);
    int64_t end = std::max(begin, at(c, 1));
    if (i + 1 < clauses->size()) end = std::clamp(at((*clauses)[i + 1], 0), begin, end);
    v.text = utf8::FromU32(text.substr(begin, end - begin));
    std::string_view own = v.text;
    if (!v.marker.empty() && own.substr(0, v.marker.size()) == v.marker) own.remove_prefix(v.marker.size());
    v.key = std::string(utf8::Trim(own));
    if (v.key.empty()) v.key = Str(c, "heading") + "\x1f" + v.marker;
    out.push_back(std::move(v));
  }
  return out;
}

// ---- aligning two sequences ----

using Pairs = std::vector<std::pair<size_t, size_t>>;

// Index pairs of equal keys, increasing on both sides: the common prefix
// and suffix, and a longest common subsequence of the middle (greedy in
// order when the middle is too large for the table).
Pairs Align(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  Pairs pairs;
  for (size_t i = 0; i < pre; ++i) pairs.emplace_back(i, i);
  const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n > 0 && m > 0 && n * m <= 4'000'000) {
    std::vector<int32_t> len((n + 1) * (m + 1), 0);  // len[i][j]: LCS of a[i..], b[j..]
    auto L = [&](size_t i, size_t j) -> int32_t& { return len[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        L(i, j) = a[pre + i] == b[pre + j] ? L(i + 1, j + 1) + 1 : std::max(L(i + 1, j), L(i, j + 1));
      }
    }
    for (size_t i = 0, j = 0; i < n && j < m;) {
      if (a[pre + i] == b[pre + j]) {
        pairs.emplace_back(pre + i++, pre + j++);
      } else if (L(i + 1, j) >= L(i, j + 1)) {
        ++i;
      } else {
        ++j;
      }
    }
  } else if (n > 0 && m > 0) {
    std::map<std::string, std::vector<size_t>> where;
    for (size_t j = m; j-- > 0;) where[b[pre + j]].push_back(pre + j);
    size_t next = pre;
    for (size_t i = 0; i < n; ++i) {
      auto it = where.find(a[pre + i]);
      if (it == where.end()) continue;
      while (!it->second.empty() && it->second.back() < next) it->second.pop_back();
      if (it->second.empty()) continue;
      pairs.emplace_back(pre + i, it->second.back());
      next = it->second.back() + 1;
      it->second.pop_back();
    }
  }
  for (size_t k = suf; k-- > 0;) pairs.emplace_back(a.size() - 1 - k, b.size() - 1 - k);
  return pairs;
}

// How alike two texts are: Dice's coefficient on character bigrams (0 to 1).
double Similarity(const std::string& x, const std::string& y) {
  const std::u32string a = utf8::ToU32(x), b = utf8::ToU32(y);
  if (a.size() < 2 || b.size() < 2) return a == b ? 1.0 : 0.0;
  std::multiset<std::u32string> grams;
  for (size_t i = 0; i + 1 < a.size(); ++i) grams.insert(a.substr(i, 2));
  size_t common = 0;
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    auto it = grams.find(b.substr(i, 2));
    if (it != grams.end()) {
      grams.erase(it);
      ++common;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size() - 2);
}

constexpr double kSameClause = 0.5;  // a clause edited, not replaced
constexpr size_t kLookAhead = 16;    // clauses of B an unaligned clause of A is compared with

// The aligned pairs, plus the clauses between two of them that are alike
// (the same clause edited), in order.
Pairs PairClauses(const std::vector<ClauseView>& a, const std::vector<ClauseView>& b) {
  std::vector<std::string> ka, kb;
  for (const auto& c : a) ka.push_back(c.key);
  for (const auto& c : b) kb.push_back(c.key);
  const Pairs anchors = Align(ka, kb);
  Pairs out;
  size_t i = 0, j = 0;
  auto gap = [&](size_t i_end, size_t j_end) {
    size_t from = j;
    for (; i < i_end; ++i) {
      double best = kSameClause;
      size_t pick = j_end;
      for (size_t k = from; k < std::min(j_end, from + kLookAhead); ++k) {
        const double s = Similarity(a[i].key, b[k].key);
        if (s >= best && (pick == j_end || s > best)) {
          best = s;
          pick = k;
        }
      }
      if (pick != j_end) {
        out.emplace_back(i, pick);
        from = pick + 1;
      }
    }
  };
  for (const auto& [ai, bj] : anchors) {
    gap(ai, bj);
    out.emplace_back(ai, bj);
    i = ai + 1;
    j = bj + 1;
  }
  gap(a.size(), b.size());
  return out;
}

// ---- describing changes ----

Json ClauseJson(const ClauseView& c) {
  return Json{{"index", c.json->value("index", 0)}, {"path", c.path}, {"marker", c.marker},
              {"heading", c.json->value("heading", Json())}, {"text", c.text}};
}

// An amount or bureau as the document states it, without its span (which
// moves whenever text before it changes).
Json Bare(const Json& item) {
  Json j = item;
  if (j.is_object()) j.erase("span");
  return j;
}

Json ItemJson(const Json& item, const ClauseView& c) {
  Json j = Bare(item);
  j["clause"] = c.path;
  j["clause_text"] = c.text;
  return j;
}

struct Counter {
  Counts* counts;
  void Add(const std::string& kind, const std::string& change) {
    static const std::map<std::pair<std::string, std::string>, int64_t Counts::*> kFields = {
        {{"clause", "added"}, &Counts::clauses_added},       {{"clause", "removed"}, &Counts::clauses_removed},
        {{"clause", "renumbered"}, &Counts::clauses_renumbered}, {{"clause", "changed"}, &Counts::clauses_changed},
        {{"amount", "added"}, &Counts::amounts_added},       {{"amount", "removed"}, &Counts::amounts_removed},
        {{"amount", "changed"}, &Counts::amounts_changed},   {{"bureau", "added"}, &Counts::bureaus_added},
        {{"bureau", "removed"}, &Counts::bureaus_removed},   {{"bureau", "renamed"}, &Counts::bureaus_renamed},
        {{"bureau", "changed"}, &Counts::bureaus_changed},   {{"metadata", "changed"}, &Counts::metadata_changed}};
    auto it = kFields.find({kind, change});
    if (it != kFields.end()) ++(counts->*(it->second));
  }
};

void Push(std::vector<Change>* changes, const std::string& kind, const std::string& change, const Json& a,
          const Json& b) {
  changes->push_back(Change{kind, change, a.dump(), b.dump()});
}

// Items of two lists paired: equal ones first, then those equal in `same`
// (one field), then the rest in order when `in_order`. Unpaired indexes
// are left out.
std::vector<std::pair<size_t, size_t>> PairItems(const Json& a, const Json& b, const char* same, bool in_order) {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::vector<bool> used_a(a.size()), used_b(b.size());
  auto pass = [&](auto&& equal) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (used_a[i]) continue;
      for (size_t k = 0; k < b.size(); ++k) {
        if (used_b[k] || !equal(a[i], b[k])) continue;
        used_a[i] = used_b[k] = true;
        pairs.emplace_back(i, k);
        break;
      }
    }
  };
  pass([](const Json& x, const Json& y) { return Bare(x) == Bare(y); });
  pass([same](const Json& x, const Json& y) { return x.value(same, Json()) == y.value(same, Json()); });
  if (in_order) pass([](const Json&, const Json&) { return true; });
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

Json ListOf(const Json& clause, const char* key) {
  Json list = clause.value(key, Json::array());
  return list.is_array() ? list : Json::array();
}

// The amounts or bureaus of a pair of clauses. Appends the changes and,
// to `edits`, the text replacements they explain.
void CompareItems(const ClauseView& ca, const ClauseView& cb, const char* list, const char* kind,
                  std::vector<Change>* changes, std::vector<std::pair<std::string, std::string>>* edits) {
  const bool amounts = std::string(list) == "amounts";
  const Json a = ListOf(*ca.json, list), b = ListOf(*cb.json, list);
  const char* name = amounts ? "text" : "name";
  // Bureaus: the same name with another role is "changed", another name in
  // the same place "renamed". Amounts: another value or text is "changed".
  const auto pairs = PairItems(a, b, name, true);
  std::vector<bool> used_a(a.size()), used_b(b.size());
  for (const auto& [i, k] : pairs) {
    used_a[i] = used_b[k] = true;
    if (Bare(a[i]) == Bare(b[k])) continue;
    const std::string before = a[i].value(name, ""), after = b[k].value(name, "");
    const bool renamed = !amounts && before != after;
    Push(changes, kind, renamed ? "renamed" : "changed", ItemJson(a[i], ca), ItemJson(b[k], cb));
    if (before != after) edits->emplace_back(before, after);
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (!used_a[i]) Push(changes, kind, "removed", ItemJson(a[i], ca), Json());
  }
  for (size_t k = 0; k < b.size(); ++k) {
    if (!used_b[k]) Push(changes, kind, "added", Json(), ItemJson(b[k], cb));
  }
}

// Whether B's text is A's with the marker and `edits` applied (each the
// first time it occurs): then the changes found say all there is to say.
bool Explained(const ClauseView& a, const ClauseView& b, const std::vector<std::pair<std::string, std::string>>& edits) {
  std::string text = a.text;
  if (!a.marker.empty() && text.rfind(a.marker, 0) == 0) text.replace(0, a.marker.size(), b.marker);
  for (const auto& [before, after] : edits) {
    const size_t at = before.empty() ? std::string::npos : text.find(before);
    if (at != std::string::npos) text.replace(at, before.size(), after);
  }
  return text == b.text;
}

void ComparePair(const ClauseView& a, const ClauseView& b, std::vector<Change>* changes) {
  const bool moved = a.path != b.path || a.marker != b.marker;
  if (moved) Push(changes, "clause", "renumbered", ClauseJson(a), ClauseJson(b));
  std::vector<Change> items;
  std::vector<std::pair<std::string, std::string>> edits;
  CompareItems(a, b, "amounts", "amount", &items, &edits);
  CompareItems(a, b, "bureaus", "bureau", &items, &edits);
  const bool text_changed = a.key != b.key || Str(*a.json, "heading") != Str(*b.json, "heading");
  if (text_changed && !Explained(a, b, edits)) Push(changes, "clause", "changed", ClauseJson(a), ClauseJson(b));
  changes->insert(changes->end(), items.begin(), items.end());
}

void CompareClauses(const Json& a, const Json& b, std::vector<Change>* changes) {
  const std::vector<ClauseView> ca = Clauses(a), cb = Clauses(b);
  const Pairs pairs = PairClauses(ca, cb);
  size_t i = 0, j = 0;
  auto flush = [&](size_t i_end, size_t j_end) {
    for (; i < i_end; ++i) Push(changes, "clause", "removed", ClauseJson(ca[i]), Json());
    for (; j < j_end; ++j) Push(changes, "clause", "added", Json(), ClauseJson(cb[j]));
  };
  for (const auto& [ai, bj] : pairs) {
    flush(ai, bj);
    ComparePair(ca[ai], cb[bj], changes);
    i = ai + 1;
    j = bj + 1;
  }
  flush(ca.size(), cb.size());
}

// Metadata values that differ; provenance and status_as_of (the day a run
// judged status on) are not the document's values.
void CompareMetadata(const Json& a, const Json& b, std::vector<Change>* changes) {
  const Json ma = a.value("metadata", Json::object()), mb = b.value("metadata", Json::object());
  if (!ma.is_object() || !mb.is_object()) return;
  std::vector<std::string> fields;
  for (const auto& [k, v] : ma.items()) fields.push_back(k);
  for (const auto& [k, v] : mb.items()) {
    if (!ma.contains(k)) fields.push_back(k);
  }
  for (const std::string& f : fields) {
    if (f == "provenance" || f == "status_as_of") continue;
    const Json va = ma.value(f, Json()), vb = mb.value(f, Json());
    if (va != vb) Push(changes, "metadata", "changed", Json{{"field", f}, {"value", va}}, Json{{"field", f}, {"value", vb}});
  }
}

DocumentDiff CompareDocs(const Doc& a, const Doc& b, const std::string& matched_by) {
  DocumentDiff d;
  d.key = a.key;
  d.matched_by = matched_by;
  d.a_path = a.path;
  d.b_path = b.path;
  d.a_id = a.id;
  d.b_id = b.id;
  d.title = !b.title.empty() ? b.title : a.title;
  d.text_changed = a.id != b.id;
  if (*a.record == *b.record) return d;  // the same bytes (a run compared with its database, one input unchanged)
  const Json ja = Parse(*a.record), jb = Parse(*b.record);
  CompareMetadata(ja, jb, &d.changes);
  CompareClauses(ja, jb, &d.changes);
  return d;
}

// ---- matching documents ----

// The path's components, last first, with the record key as the last.
std::vector<std::string> Tail(const Doc& d) {
  std::vector<std::string> parts;
  const size_t hash = d.key.size() > d.path.size() ? d.path.size() : std::string::npos;
  if (hash != std::string::npos) parts.push_back(d.key.substr(hash));
  const fs::path p(d.path);
  for (auto it = p.end(); it != p.begin();) parts.push_back((--it)->string());
  return parts;
}

size_t CommonTail(const std::vector<std::string>& x, const std::vector<std::string>& y) {
  size_t n = 0;
  while (n < x.size() && n < y.size() && x[n] == y[n]) ++n;
  return n;
}

// match[i]: B's document for A's i (or -1), and how it was matched.
std::vector<std::pair<int, std::string>> MatchDocs(const std::vector<Doc>& a, const std::vector<Doc>& b) {
  std::vector<std::pair<int, std::string>> match(a.size(), {-1, ""});
  std::vector<bool> taken(b.size());
  std::map<std::string, size_t> by_key;
  for (size_t k = 0; k < b.size(); ++k) by_key.emplace(b[k].key, k);
  for (size_t i = 0; i < a.size(); ++i) {
    auto it = by_key.find(a[i].key);
    if (it == by_key.end() || a[i].path.empty()) continue;
    match[i] = {static_cast<int>(it->second), "path"};
    taken[it->second] = true;
  }
  // The same file (and record) under another folder: the longest common
  // tail of the path, when one B document has it.
  std::vector<std::vector<std::string>> tails_b;
  for (const Doc& d : b) tails_b.push_back(Tail(d));
  for (size_t i = 0; i < a.size(); ++i) {
    if (match[i].first >= 0 || a[i].path.empty()) continue;
    const auto tail = Tail(a[i]);
    size_t best = 0;
    int pick = -1;
    bool tie = false;
    for (size_t k = 0; k < b.size(); ++k) {
      if (taken[k] || b[k].path.empty()) continue;
      const size_t common = CommonTail(tail, tails_b[k]);
      const size_t needed = a[i].key.size() > a[i].path.size() ? 2 : 1;  // the record key and the file name
      if (common < needed || common < best) continue;
      tie = common == best && pick >= 0;
      if (common > best) {
        best = common;
        pick = static_cast<int>(k);
      }
    }
    if (pick >= 0 && !tie) {
      match[i] = {pick, "name"};
      taken[pick] = true;
    }
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (match[i].first >= 0 || a[i].id.empty()) continue;
    for (size_t k = 0; k < b.size(); ++k) {
      if (!taken[k] && b[k].id == a[i].id) {
        match[i] = {static_cast<int>(k), "id"};
        taken[k] = true;
        break;
      }
    }
  }
  return match;
}

// ---- printing ----

std::string Short(const std::string& text, size_t max_chars = 60) {
  std::u32string u = utf8::ToU32(text);
  if (u.size() <= max_chars) return text;
  return utf8::FromU32(u.substr(0, max_chars)) + "…";
}

std::string ValueText(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_string()) return "\"" + v.get<std::string>() + "\"";
  return v.dump();
}

std::string ClauseLabel(const Json& c) {
  std::string s = c.value("path", "");
  const std::string marker = c.value("marker", "");
  if (!marker.empty()) s += " " + marker;
  return s;
}

std::string AmountText(const Json& a) { return a.value("text", "") + " (" + ValueText(a.value("value", Json())) + ")"; }

std::string BureauText(const Json& b) {
  std::string s = b.value("name", "");
  s += " (" + b.value("role", std::string("?"));
  if (b.contains("duty") && b["duty"].is_string()) s += ", " + b["duty"].get<std::string>();
  return s + ")";
}

void PrintChange(const Change& c, std::ostream& out) {
  const Json a = Json::parse(c.a), b = Json::parse(c.b);
  const Json& one = a.is_null() ? b : a;
  out << "  " << c.kind << " " << c.change;
  if (c.kind == "metadata") {
    out << " " << one.value("field", "") << ": " << ValueText(a.value("value", Json())) << " -> "
        << ValueText(b.value("value", Json())) << "\n";
    return;
  }
  if (c.kind == "clause") {
    if (c.change == "renumbered") {
      out << " " << ClauseLabel(a) << " -> " << ClauseLabel(b) << ": " << Short(b.value("text", "")) << "\n";
    } else if (c.change == "changed") {
      const std::string from = ClauseLabel(a), to = ClauseLabel(b);
      out << " " << from << (from == to ? "" : " -> " + to) << "\n    A: " << a.value("text", "")
          << "\n    B: " << b.value("text", "") << "\n";
    } else {
      out << " " << ClauseLabel(one) << ": " << one.value("text", "") << "\n";
    }
    return;
  }
  const bool amount = c.kind == "amount";
  auto item = [&](const Json& j) { return amount ? AmountText(j) : BureauText(j); };
  out << " in " << one.value("clause", "") << ": ";
  if (a.is_null()) {
    out << item(b) << "\n    B: " << Short(b.value("clause_text", ""), 120) << "\n";
  } else if (b.is_null()) {
    out << item(a) << "\n    A: " << Short(a.value("clause_text", ""), 120) << "\n";
  } else {
    out << item(a) << " -> " << item(b) << "\n    A: " << Short(a.value("clause_text", ""), 120)
        << "\n    B: " << Short(b.value("clause_text", ""), 120) << "\n";
  }
}

Json CountsJson(const Counts& c) {
  return Json{{"documents_a", c.documents_a},         {"documents_b", c.documents_b},
              {"matched", c.matched},                 {"changed", c.changed},
              {"only_in_a", c.only_in_a},             {"only_in_b", c.only_in_b},
              {"clauses_added", c.clauses_added},     {"clauses_removed", c.clauses_removed},
              {"clauses_renumbered", c.clauses_renumbered}, {"clauses_changed", c.clauses_changed},
              {"amounts_added", c.amounts_added},     {"amounts_removed", c.amounts_removed},
              {"amounts_changed", c.amounts_changed}, {"bureaus_added", c.bureaus_added},
              {"bureaus_removed", c.bureaus_removed}, {"bureaus_renamed", c.bureaus_renamed},
              {"bureaus_changed", c.bureaus_changed}, {"metadata_changed", c.metadata_changed}};
}

Json OneSidedJson(const std::vector<OneSided>& docs) {
  Json list = Json::array();
  for (const OneSided& d : docs) list.push_back(Json{{"key", d.key}, {"id", d.id}, {"title", d.title}});
  return list;
}

}  // namespace

Side Load(const std::string& target, std::optional<LoadProblem>* problem) {
  problem->reset();
  if (db::IsPostgresUrl(target)) return FromDatabase(target, target, problem);
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    const fs::path jsonl = fs::path(target) / "documents.jsonl";
    if (!fs::exists(jsonl, ec)) {
      *problem = LoadProblem{target, "no documents.jsonl in it: not a gongwen run folder (gongwen run -o OUT)"};
      return Side{target, {}};
    }
    return FromJsonl(target, jsonl.string(), problem);
  }
  if (!fs::exists(target, ec)) {
    *problem = LoadProblem{target, "no such file or folder"};
    return Side{target, {}};
  }
  if (IsSqliteFile(target)) return FromDatabase(target, target, problem);
  return FromJsonl(target, target, problem);
}

bool Report::Identical() const {
  return documents.empty() && only_in_a.empty() && only_in_b.empty();
}

Report Compare(const Side& side_a, const Side& side_b) {
  Report r;
  r.a = side_a.name;
  r.b = side_b.name;
  const std::vector<Doc> a = Docs(side_a), b = Docs(side_b);
  r.counts.documents_a = static_cast<int64_t>(a.size());
  r.counts.documents_b = static_cast<int64_t>(b.size());
  const auto match = MatchDocs(a, b);
  std::vector<bool> matched_b(b.size());
  Counter counter{&r.counts};
  for (size_t i = 0; i < a.size(); ++i) {
    if (match[i].first < 0) {
      r.only_in_a.push_back(OneSided{a[i].key, a[i].id, a[i].title});
      continue;
    }
    matched_b[match[i].first] = true;
    ++r.counts.matched;
    DocumentDiff d = CompareDocs(a[i], b[match[i].first], match[i].second);
    if (d.Same()) continue;
    for (const Change& c : d.changes) counter.Add(c.kind, c.change);
    r.documents.push_back(std::move(d));
  }
  for (size_t k = 0; k < b.size(); ++k) {
    if (!matched_b[k]) r.only_in_b.push_back(OneSided{b[k].key, b[k].id, b[k].title});
  }
  r.counts.changed = static_cast<int64_t>(r.documents.size());
  r.counts.only_in_a = static_cast<int64_t>(r.only_in_a.size());
  r.counts.only_in_b = static_cast<int64_t>(r.only_in_b.size());
  return r;
}

std::string FormatText(const Report& r) {
  const Counts& c = r.counts;
  std::ostringstream out;
  out << "gongwen diff " << r.a << " " << r.b << (r.Identical() ? ": identical" : "") << "\n"
      << "documents  " << c.documents_a << " in A, " << c.documents_b << " in B; " << c.matched << " matched, "
      << c.changed << " changed; " << c.only_in_a << " only in A, " << c.only_in_b << " only in B\n"
      << "clauses    " << c.clauses_added << " added, " << c.clauses_removed << " removed, " << c.clauses_renumbered
      << " renumbered, " << c.clauses_changed << " changed\n"
      << "amounts    " << c.amounts_added << " added, " << c.amounts_removed << " removed, " << c.amounts_changed
      << " changed\n"
      << "bureaus    " << c.bureaus_added << " added, " << c.bureaus_removed << " removed, " << c.bureaus_renamed
      << " renamed, " << c.bureaus_changed << " changed\n"
      << "metadata   " << c.metadata_changed << " changed\n";
  for (const OneSided& d : r.only_in_a) out << "\nonly in A: " << d.key << " (" << d.title << ")";
  for (const OneSided& d : r.only_in_b) out << "\nonly in B: " << d.key << " (" << d.title << ")";
  if (!r.only_in_a.empty() || !r.only_in_b.empty()) out << "\n";
  for (const DocumentDiff& d : r.documents) {
    out << "\n== " << d.key;
    if (d.b_path != d.a_path) out << " -> " << d.b_path;
    out << " (" << d.title << ")";
    if (d.matched_by != "path") out << " [matched by " << d.matched_by << "]";
    out << "\n";
    if (d.text_changed) out << "  text changed: id " << d.a_id << " -> " << d.b_id << "\n";
    for (const Change& ch : d.changes) PrintChange(ch, out);
  }
  return out.str();
}

std::string FormatJson(const Report& r) {
  Json docs = Json::array();
  for (const DocumentDiff& d : r.documents) {
    Json changes = Json::array();
    for (const Change& c : d.changes) {
      changes.push_back(Json{{"kind", c.kind}, {"change", c.change}, {"a", Json::parse(c.a)}, {"b", Json::parse(c.b)}});
    }
    docs.push_back(Json{{"key", d.key},
                        {"matched_by", d.matched_by},
                        {"title", d.title},
                        {"a", Json{{"path", d.a_path}, {"id", d.a_id}}},
                        {"b", Json{{"path", d.b_path}, {"id", d.b_id}}},
                        {"text_changed", d.text_changed},
                        {"changes", std::move(changes)}});
  }
  Json j{{"schema", "gongwen-diff/1"},
         {"a", r.a},
         {"b", r.b},
         {"identical", r.Identical()},
         {"counts", CountsJson(r.counts)},
         {"only_in_a", OneSidedJson(r.only_in_a)},
         {"only_in_b", OneSidedJson(r.only_in_b)},
         {"documents", std::move(docs)}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace gongwen::diff
