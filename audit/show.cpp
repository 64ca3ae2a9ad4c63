// The review page of one record: marks collected from the record, the text
// cut at every mark boundary into segments that list the marks covering
// them, and side tables whose rows name the same marks.
#include "audit/show.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "audit/internal/page_assets.h"
#include "audit/record.h"
#include "util/utf8.h"

namespace gongwen::audit {

using Json = nlohmann::json;

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// What a mark stands for; the CSS class is "k-" + the name.
enum class MarkKind { kClause, kMoney, kPercent, kRatio, kBureau, kMeta, kRepair, kWarning };

const char* KindName(MarkKind k) {
  switch (k) {
    case MarkKind::kClause: return "clause";
    case MarkKind::kMoney: return "money";
    case MarkKind::kPercent: return "percent";
    case MarkKind::kRatio: return "ratio";
    case MarkKind::kBureau: return "bureau";
    case MarkKind::kMeta: return "meta";
    case MarkKind::kRepair: return "repair";
    case MarkKind::kWarning: return "warning";
  }
  return "?";
}

struct Mark {
  int id = 0;
  MarkKind kind = MarkKind::kClause;
  int64_t begin = 0, end = 0;  // code points of text; begin == end: a deletion
  std::string sub;             // repair kind / metadata field / warning code
  std::string text;            // what the side table shows as the value
  std::string before;          // repairs: the text before
  int clause = -1;             // the clause it belongs to
  std::string where;           // repairs of a page: its line and byte in the input
};

bool SpanOf(const Json& j, int64_t text_len, int64_t* b, int64_t* e) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_integer() || !j[1].is_number_integer()) return false;
  *b = j[0].get<int64_t>();
  *e = j[1].get<int64_t>();
  return 0 <= *b && *b <= *e && *e <= text_len;
}

// The first `n` code points of s, with … when cut.
std::string Shorten(const std::string& s, size_t n) {
  std::u32string u = utf8::ToU32(s);
  if (u.size() <= n) return s;
  return utf8::FromU32(u.substr(0, n)) + "…";
}

class Page {
 public:
  Page(const Json& record, const ShowOptions& options) : r_(record), options_(options) {
    text_ = Str(At(r_, "text"));
    u_ = utf8::ToU32(text_);
    for (const Json& p : At(At(r_, "source"), "page_starts")) {
      if (p.is_number_integer() && p.get<int64_t>() >= 0 && p.get<int64_t>() <= Len()) page_starts_.push_back(p.get<int64_t>());
    }
  }

  std::string Render() {
    CollectClauses();
    CollectMetadata();
    CollectRepairs();
    CollectWarnings();
    std::string html = std::string(internal::kPageHead);
    html += "<title>" + EscapeHtml(Title()) + " — gongwen show</title>\n<style>" + std::string(internal::kPageCss) +
            "</style>\n</head>\n<body>\n";
    html += Header();
    html += "<main>\n<section id=\"text\" class=\"text\">" + TextHtml() + "</section>\n<aside id=\"side\">\n";
    html += MetadataTable() + OutlineHtml() + AmountTable() + BureauTable() + RepairList() + WarningList();
    html += "</aside>\n</main>\n<script>const MARK_LEN = " + MarkLengths() + ";\n" +
            std::string(internal::kPageJs) + "</script>\n</body>\n</html>\n";
    return html;
  }

 private:
  int Add(Mark m) {
    m.id = static_cast<int>(marks_.size());
    marks_.push_back(std::move(m));
    return marks_.back().id;
  }
  int64_t Len() const { return static_cast<int64_t>(u_.size()); }
  std::string Sub(int64_t b, int64_t e) const { return utf8::FromU32(u_.substr(b, e - b)); }

  std::string Title() const {
    const Json& md = At(r_, "metadata");
    std::string t = md.is_object() ? Str(At(md, "title")) : "";
    return t.empty() ? Str(At(r_.at("source"), "path")) : t;
  }

  void CollectClauses() {
    const Json& clauses = At(r_, "clauses");
    for (const Json& c : clauses) {
      int64_t b = 0, e = 0;
      if (!SpanOf(At(c, "span"), Len(), &b, &e)) continue;
      const int index = At(c, "index").is_number_integer() ? At(c, "index").get<int>() : -1;
      Mark m{0, MarkKind::kClause, b, e, Str(At(c, "style")),
             Str(At(c, "marker")) + " " + Str(At(c, "heading")), "", index};
      clause_mark_[index] = Add(m);
      CollectAmounts(c, index);
      CollectBureaus(c, index);
    }
  }

  void CollectAmounts(const Json& c, int clause) {
    for (const Json& a : At(c, "amounts")) {
      int64_t b = 0, e = 0;
      if (!SpanOf(At(a, "span"), Len(), &b, &e)) continue;
      const std::string kind = Str(At(a, "kind"));
      const MarkKind k = kind == "percent" ? MarkKind::kPercent : kind == "ratio" ? MarkKind::kRatio : MarkKind::kMoney;
      amounts_.push_back({Add(Mark{0, k, b, e, kind, Str(At(a, "text")), "", clause}), &a});
    }
  }

  void CollectBureaus(const Json& c, int clause) {
    for (const Json& x : At(c, "bureaus")) {
      int64_t b = 0, e = 0;
      if (!SpanOf(At(x, "span"), Len(), &b, &e)) continue;
      bureaus_.push_back({Add(Mark{0, MarkKind::kBureau, b, e, Str(At(x, "role")),
                                   Str(At(x, "name")), "", clause}),
                          &x});
    }
  }

  void CollectMetadata() {
    const Json& md = At(r_, "metadata");
    if (!md.is_object()) return;
    const Json& prov = At(md, "provenance");
    for (const auto& [field, p] : prov.items()) {
      int64_t b = 0, e = 0;
      if (!SpanOf(At(p, "span"), Len(), &b, &e)) continue;
      meta_mark_[field] = Add(Mark{0, MarkKind::kMeta, b, e, field, Str(At(md, field.c_str())), "", -1});
    }
  }

  // Items of one kind whose texts touch become one mark (a run of 繁→简).
  void CollectRepairs() {
    const Json& q = At(r_, "quality");
    for (const Json& group : At(q, "repairs")) {
      const std::string kind = Str(At(group, "kind"));
      Mark* open = nullptr;
      for (const Json& item : At(group, "items")) {
        if (!At(item, "at").is_number_integer()) continue;
        const int64_t at = item["at"].get<int64_t>();
        const std::string after = Str(At(item, "after")), before = Str(At(item, "before"));
        const int64_t end = at + static_cast<int64_t>(utf8::ToU32(after).size());
        if (at < 0 || end > Len()) continue;
        if (open && !after.empty() && open->end == at && open->begin < open->end) {
          open->end = end;
          open->before += before;
          open->text += after;
          continue;
        }
        Mark m{0, MarkKind::kRepair, at, end, kind, after, before, -1};
        const Json& raw = At(item, "raw");
        if (At(raw, "byte").is_number_integer()) {
          m.where = "line " + At(raw, "line").dump() + ", byte " + At(raw, "byte").dump();
        }
        open = &marks_[static_cast<size_t>(Add(std::move(m)))];
        repair_kinds_[kind] += 1;
      }
    }
  }

  void CollectWarnings() {
    const Json& q = At(r_, "quality");
    for (const Json& w : At(q, "warnings")) {
      int64_t b = 0, e = 0;
      const bool spanned = SpanOf(At(w, "span"), Len(), &b, &e) && b < e;
      const int id = spanned ? Add(Mark{0, MarkKind::kWarning, b, e, Str(At(w, "code")),
                                        Str(At(w, "message")), "", -1})
                             : -1;
      warnings_.push_back({id, &w});
    }
  }

  std::string Header() const {
    const Json& s = At(r_, "source");
    std::string h = "<header><h1>" + EscapeHtml(Title()) + "</h1><p class=\"src\">";
    if (!options_.index_href.empty()) h += "<a href=\"" + EscapeHtml(options_.index_href) + "\">← report</a> · ";
    h += EscapeHtml(Str(At(s, "path"))) + " · " + EscapeHtml(Str(At(s, "format")));
    if (At(s, "pages").is_number()) h += " · " + s["pages"].dump() + " pages";
    h += " · id " + EscapeHtml(Str(At(r_, "id"))) + "</p>";
    h += "<p class=\"legend\"><span class=\"k-money\">money</span> <span class=\"k-percent\">percent</span> "
         "<span class=\"k-ratio\">ratio</span> <span class=\"k-bureau\">bureau</span> <span class=\"k-meta\">metadata</span> "
         "<span class=\"k-repair\">repair</span> <span class=\"k-warning\">warning</span></p></header>\n";
    return h;
  }

  // The text cut at every mark boundary and line break; each piece lists
  // the marks over it. Each line is a block of its own, which the browser
  // lays out only when it scrolls into view (content-visibility), so a long
  // document opens at once.
  std::string TextHtml() const {
    std::vector<int64_t> cuts = {0, Len()};
    cuts.insert(cuts.end(), page_starts_.begin(), page_starts_.end());
    for (int64_t i = 0; i < Len(); ++i) {
      if (u_[static_cast<size_t>(i)] == U'\n') {
        cuts.push_back(i);
        cuts.push_back(i + 1);
      }
    }
    std::vector<int> order;
    for (const Mark& m : marks_) {
      cuts.push_back(m.begin);
      if (m.kind != MarkKind::kClause) cuts.push_back(m.end);
      order.push_back(m.id);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return marks_[a].begin < marks_[b].begin; });
    std::string out, line;
    std::vector<int> active, clauses;  // marks over the piece; clauses over the line
    auto end_line = [&] {
      std::string ids;
      for (int id : clauses) ids += (ids.empty() ? "" : " ") + std::to_string(id);
      out += (ids.empty() ? "<div class=\"ln\">" : "<div class=\"ln\" data-m=\"" + ids + "\">") + line + "</div>";
      line.clear();
      clauses.clear();
      for (int id : active) {
        if (marks_[id].kind == MarkKind::kClause) clauses.push_back(id);
      }
    };
    size_t next = 0, page = 0;
    for (size_t i = 0; i < cuts.size(); ++i) {
      const int64_t at = cuts[i];
      std::string pages;  // page breaks here, shown at the start of a line
      for (; page < page_starts_.size() && page_starts_[page] <= at; ++page) {
        pages += "<span class=\"pg\" id=\"p-" + std::to_string(page + 1) + "\">p. " + std::to_string(page + 1) + "</span>";
      }
      const bool at_break = at < Len() && u_[static_cast<size_t>(at)] == U'\n';
      if (!at_break) line += pages;
      active.erase(std::remove_if(active.begin(), active.end(), [&](int id) { return marks_[id].end <= at; }),
                   active.end());
      for (; next < order.size() && marks_[order[next]].begin == at; ++next) {
        const Mark& m = marks_[order[next]];
        if (m.kind == MarkKind::kClause) {
          line += "<span class=\"cs\" id=\"c-" + std::to_string(m.clause) + "\"></span>";
          clauses.push_back(m.id);
        }
        if (m.begin == m.end) {
          line += Deletion(m);
        } else {
          active.push_back(m.id);
        }
      }
      if (i + 1 == cuts.size()) break;
      if (cuts[i + 1] == at + 1 && u_[static_cast<size_t>(at)] == U'\n') {
        line += LineEnd(active);
        end_line();
        line += pages;
      } else {
        line += Piece(at, cuts[i + 1], active);
      }
    }
    end_line();
    return out;
  }

  // A line break a repair made or removed shows as ↵.
  std::string LineEnd(const std::vector<int>& active) const {
    std::string ids;
    for (int id : active) {
      if (marks_[id].kind == MarkKind::kRepair) ids += (ids.empty() ? "" : " ") + std::to_string(id);
    }
    return ids.empty() ? "" : "<span class=\"s k-repair nl\" data-m=\"" + ids + "\">↵</span>";
  }

  std::string Deletion(const Mark& m) const {
    return "<del class=\"k-repair r-" + EscapeHtml(m.sub) + "\" data-m=\"" + std::to_string(m.id) + "\">" +
           EscapeHtml(Shorten(m.before, 12)) + "</del>";
  }

  std::string Piece(int64_t b, int64_t e, const std::vector<int>& active) const {
    const std::string text = EscapeHtml(Sub(b, e));
    std::string ids, classes;
    for (int id : active) {
      const Mark& m = marks_[id];
      if (m.kind == MarkKind::kClause) continue;  // clauses mark whole lines
      ids += (ids.empty() ? "" : " ") + std::to_string(id);
      const std::string k = std::string("k-") + KindName(m.kind);
      if (classes.find(k) == std::string::npos) classes += " " + k;
      if (m.kind == MarkKind::kRepair) classes += " r-" + m.sub;
    }
    if (ids.empty()) return text;
    return "<span class=\"s" + EscapeHtml(classes) + "\" data-m=\"" + ids + "\">" + text + "</span>";
  }

  std::string Row(int id, const std::vector<std::string>& cells, const std::string& cls = "") const {
    std::string tr = "<tr";
    if (id >= 0) tr += " id=\"r-" + std::to_string(id) + "\" data-m=\"" + std::to_string(id) + "\" class=\"link " + cls + "\"";
    else if (!cls.empty()) tr += " class=\"" + cls + "\"";
    tr += ">";
    for (const std::string& c : cells) tr += "<td>" + c + "</td>";
    return tr + "</tr>\n";
  }

  std::string MetadataTable() const {
    const Json& md = At(r_, "metadata");
    if (!md.is_object()) return "<p class=\"bad\">no metadata object</p>";
    const Json& prov = At(md, "provenance");
    std::string t = "<details open><summary>Metadata</summary><table id=\"meta\"><tr><th>field</th><th>value</th><th>from</th></tr>\n";
    for (const auto& [field, value] : md.items()) {
      if (field == "provenance" || value.is_null() || (value.is_array() && value.empty())) continue;
      std::string from;
      if (prov.contains(field)) {
        from = Str(At(prov[field], "from"));
        const std::string name = Str(At(prov[field], "name"));
        if (!name.empty()) from += " (" + name + ")";
      }
      auto it = meta_mark_.find(field);
      const std::string shown = value.is_string() ? value.get<std::string>() : value.dump();
      t += Row(it == meta_mark_.end() ? -1 : it->second,
               {EscapeHtml(field), EscapeHtml(Shorten(shown, 300)), EscapeHtml(from)}, "meta");
    }
    return t + "</table></details>\n";
  }

  // The clause tree as nested lists, each entry linked to its clause.
  std::string OutlineHtml() const {
    const Json& clauses = At(r_, "clauses");
    std::map<int, std::vector<const Json*>> children;  // parent index (-1: root) -> clauses
    for (const Json& c : clauses) {
      const Json& parent = At(c, "parent");
      children[parent.is_number_integer() ? parent.get<int>() : -1].push_back(&c);
    }
    return "<details open><summary>Clauses (" + std::to_string(clauses.size()) + ")</summary><div id=\"outline\">" +
           OutlineLevel(children, -1, 0) + "</div></details>\n";
  }

  std::string OutlineLevel(const std::map<int, std::vector<const Json*>>& children, int parent, int depth) const {
    auto it = children.find(parent);
    if (it == children.end() || depth > 12) return "";
    std::string out = "<ul>";
    for (const Json* c : it->second) {
      const int index = At(*c, "index").is_number_integer() ? At(*c, "index").get<int>() : -1;
      auto mark = clause_mark_.find(index);
      const std::string sub = OutlineLevel(children, index, depth + 1);
      std::string label = EscapeHtml(Str(At(*c, "marker")) + " " + Shorten(Str(At(*c, "heading")), 40));
      const size_t n = At(*c, "amounts").size() + At(*c, "bureaus").size();
      if (n) label += " <small>(" + std::to_string(n) + ")</small>";
      const std::string link = mark == clause_mark_.end()
                                   ? label
                                   : "<a class=\"link\" href=\"#c-" + std::to_string(index) + "\" id=\"r-" +
                                         std::to_string(mark->second) + "\" data-m=\"" +
                                         std::to_string(mark->second) + "\">" + label + "</a>";
      out += sub.empty() ? "<li>" + link + "</li>" : "<li><details open><summary>" + link + "</summary>" + sub + "</details></li>";
    }
    return out + "</ul>";
  }

  // The clause a value is in, and its PDF page.
  std::string ClauseLabel(int mark) const {
    auto it = clause_mark_.find(marks_[mark].clause);
    std::string label = it == clause_mark_.end() ? "" : EscapeHtml(Shorten(marks_[it->second].text, 12));
    const auto page = std::upper_bound(page_starts_.begin(), page_starts_.end(), marks_[mark].begin) - page_starts_.begin();
    if (page > 0) label += " <small>p. " + std::to_string(page) + "</small>";
    return label;
  }

  std::string AmountTable() const {
    std::string t = "<details open><summary>Amounts (" + std::to_string(amounts_.size()) +
                    ")</summary><table id=\"amounts\"><tr><th>clause</th><th>text</th><th>value</th><th>qualifier</th><th>purpose</th></tr>\n";
    for (const auto& [id, a] : amounts_) {
      std::string value = a->contains("value") ? a->at("value").dump() : "";
      if (a->contains("per") && !a->at("per").is_null()) value += " / " + Str(a->at("per"));
      t += Row(id, {ClauseLabel(id), EscapeHtml(marks_[id].text), EscapeHtml(value),
                    EscapeHtml(Str(At(*a, "qualifier"))), EscapeHtml(Str(At(*a, "purpose")))},
               std::string("k-") + KindName(marks_[id].kind));
    }
    return t + "</table></details>\n";
  }

  std::string BureauTable() const {
    std::string t = "<details open><summary>Bureaus (" + std::to_string(bureaus_.size()) +
                    ")</summary><table id=\"bureaus\"><tr><th>clause</th><th>name</th><th>canonical</th><th>role</th></tr>\n";
    for (const auto& [id, b] : bureaus_) {
      t += Row(id, {ClauseLabel(id), EscapeHtml(marks_[id].text),
                    EscapeHtml(Str(At(*b, "canonical"))), EscapeHtml(marks_[id].sub)},
               "k-bureau");
    }
    return t + "</table></details>\n";
  }

  // Repairs before → after, a filter per kind; the first kMaxRows of each
  // kind are listed (the text marks them all).
  std::string RepairList() const {
    static constexpr int kMaxRows = 400;
    int total = 0;
    for (const auto& [kind, n] : repair_kinds_) total += n;
    std::string t = "<details open><summary>Repairs (" + std::to_string(total) + ")</summary><p id=\"filters\">";
    for (const auto& [kind, n] : repair_kinds_) {
      t += "<label><input type=\"checkbox\" checked data-kind=\"" + EscapeHtml(kind) + "\"> " + EscapeHtml(kind) +
           " (" + std::to_string(n) + ")</label> ";
    }
    t += "</p><style>";
    for (const auto& [kind, n] : repair_kinds_) {
      const std::string k = EscapeHtml(kind);
      t += ".hide-r-" + k + " tr.r-" + k + "{display:none}.hide-r-" + k + " .s.r-" + k + ",.hide-r-" + k + " del.r-" + k +
           "{background:none;text-decoration:none}";
    }
    t += "</style><table id=\"repairs\"><tr><th>kind</th><th>before</th><th>after</th></tr>\n";
    std::map<std::string, int> listed;
    for (const Mark& m : marks_) {
      if (m.kind != MarkKind::kRepair || ++listed[m.sub] > kMaxRows) continue;
      const std::string where = m.where.empty() ? "" : " <small>" + EscapeHtml(m.where) + "</small>";
      t += Row(m.id, {EscapeHtml(m.sub) + where, "<span class=\"before\">" + EscapeHtml(Shorten(m.before, 200)) + "</span>",
                      "<span class=\"after\">" + EscapeHtml(Shorten(m.text, 200)) + "</span>"},
               "k-repair r-" + EscapeHtml(m.sub));
    }
    for (const auto& [kind, n] : listed) {
      if (n > kMaxRows) {
        t += Row(-1, {EscapeHtml(kind), "… " + std::to_string(n - kMaxRows) + " more, marked in the text", ""},
                 "r-" + EscapeHtml(kind));
      }
    }
    return t + "</table></details>\n";
  }

  std::string WarningList() const {
    std::string t = "<details open><summary>Warnings (" + std::to_string(warnings_.size()) +
                    ")</summary><table id=\"warnings\"><tr><th>code</th><th>message</th></tr>\n";
    for (const auto& [id, w] : warnings_) {
      t += Row(id, {EscapeHtml(Str(At(*w, "code"))), EscapeHtml(Str(At(*w, "message")))}, "k-warning");
    }
    return t + "</table></details>\n";
  }

  // For each mark its length, so a click picks the innermost mark.
  std::string MarkLengths() const {
    std::string out = "[";
    for (const Mark& m : marks_) out += (m.id ? "," : "") + std::to_string(m.end - m.begin);
    return out + "]";
  }

  const Json& r_;
  const ShowOptions& options_;
  std::string text_;
  std::u32string u_;
  std::vector<Mark> marks_;
  std::vector<int64_t> page_starts_;           // PDF: code points where pages start
  std::map<int, int> clause_mark_;            // clause index -> mark
  std::map<std::string, int> meta_mark_;      // metadata field -> mark
  std::map<std::string, int> repair_kinds_;   // kind -> marks
  std::vector<std::pair<int, const Json*>> amounts_, bureaus_, warnings_;
};

}  // namespace

std::string ShowPage(const nlohmann::json& record, const ShowOptions& options) {
  if (!record.is_object() || !At(record, "text").is_string() || !At(record, "source").is_object()) {
    return std::string(internal::kPageHead) + "<title>gongwen show</title></head><body><p>not a gongwen/1 record</p></body></html>\n";
  }
  return Page(record, options).Render();
}

}  // namespace gongwen::audit
