// The clause tree. Levels come from the order in which marker styles first
// appear (一、 then (一) then 1. then (1) in most documents, 第X章 then 第X条 in
// 办法 and 条例), and paths use the document's own numbers, so numbering that
// runs on across sections (二、 then 6.) gives [2, 6].
#include <re2/re2.h>

#include <map>
#include <memory>

#include "structure/internal/rules.h"
#include "util/deadline.h"
#include "util/grammar.h"

namespace gongwen::structure::internal {
namespace {

struct MarkerRule {
  ClauseStyle style;
  std::unique_ptr<RE2> re;  // group 1: the number; group 0: the marker
};

// The marker shapes of data/grammar.tsv, compiled once.
const std::vector<MarkerRule>& MarkerRules() {
  static const std::vector<MarkerRule> rules = [] {
    std::vector<MarkerRule> r;
    for (const grammar::MarkerShape& m : grammar::Markers()) {
      const std::optional<ClauseStyle> style = ParseName<ClauseStyle>(m.style);
      if (style) r.push_back(MarkerRule{*style, std::make_unique<RE2>(m.pattern)});
    }
    return r;
  }();
  return rules;
}

const RE2& ClosingRe() {
  static const RE2 re(R"(^(?:本(?:政策措施|实施细则|文件|)" + grammar::DocType() +
                      R"()|附件\s*[:：\d一二三四五六七八九]|抄送|主题词|[(（]此件))");
  return re;
}

const RE2& ClosingAnywhereRe() {
  static const RE2 re(R"(起(?:施行|实施|执行|生效)|负责解释|有效期至)");
  return re;
}

int64_t Cp(const utf8::CodePointIndex& cps, size_t b) { return cps.ToCodePoint(b); }

}  // namespace

std::optional<ClauseMarker> MatchClauseMarker(std::string_view paragraph) {
  re2::StringPiece in(paragraph.data(), paragraph.size());
  re2::StringPiece g[2];
  for (const MarkerRule& rule : MarkerRules()) {
    if (!rule.re->Match(in, 0, in.size(), RE2::ANCHOR_START, g, 2)) continue;
    ClauseMarker m;
    m.style = rule.style;
    std::string_view num(g[1].data(), g[1].size());
    if (m.style == ClauseStyle::kCircled) {
      int len;
      m.ordinal = static_cast<int>(utf8::Decode(num, 0, &len) - U'①') + 1;
    } else if (!num.empty() && num[0] >= '0' && num[0] <= '9') {
      m.ordinal = std::stoi(std::string(num));
    } else {
      auto v = ParseChineseNumber(num);
      if (!v) continue;
      m.ordinal = static_cast<int>(*v);
    }
    // The marker text ends where the number and its punctuation end.
    size_t end = g[1].data() - paragraph.data() + g[1].size();
    int len;
    if (end < paragraph.size()) {
      char32_t c = utf8::Decode(paragraph, end, &len);
      if (c == U'、' || c == U'.' || c == U'．' || c == U')' || c == U'）' || c == U'章' ||
          c == U'节' || c == U'条' || c == U'款' || c == U'项')
        end += len;
    }
    m.text = std::string(paragraph.substr(0, end));
    if (m.ordinal <= 0) continue;
    return m;
  }
  return std::nullopt;
}

std::optional<std::string> ClauseHeading(std::string_view rest, bool has_children) {
  rest = utf8::Trim(rest);
  if (rest.empty()) return std::nullopt;
  int depth = 0;
  size_t stop = std::string_view::npos;
  bool comma = false;
  for (size_t i = 0; i < rest.size();) {
    int len;
    char32_t c = utf8::Decode(rest, i, &len);
    if (c == U'(' || c == U'（' || c == U'“' || c == U'《') ++depth;
    if ((c == U')' || c == U'）' || c == U'”' || c == U'》') && depth > 0) --depth;
    if (depth == 0) {
      // A full stop typed as '.' after a Chinese character (PDF text with
      // half-width punctuation: 做大做强龙头企业.实施…) ends the phrase too.
      const bool period = c == U'.' && i > 0 && utf8::IsHan(utf8::LastCodePoint(rest.substr(0, i)));
      if (c == U'。' || c == U':' || c == U'：' || c == U';' || c == U'；' || period) {
        stop = i;
        break;
      }
      if (c == U',' || c == U'，') comma = true;
    }
    i += len;
  }
  std::string_view phrase = stop == std::string_view::npos ? rest : rest.substr(0, stop);
  if (comma || phrase.empty()) return std::nullopt;
  if (utf8::CountCodePoints(phrase) > 40) return std::nullopt;
  if (stop != std::string_view::npos && !has_children) {
    // A one-sentence item ("企业注册满一年。") is body text, not a heading.
    std::string_view after = utf8::Trim(rest.substr(stop));
    int len;
    char32_t c = utf8::Decode(after, 0, &len);
    if ((c == U'。' || c == U'.' || c == U';' || c == U'；') && utf8::Trim(after.substr(len)).empty()) {
      return std::nullopt;
    }
  }
  return std::string(phrase);
}

// 第X条 usually starts with body text ("第二条　本细则适用于…"), but some
// articles open with a title phrase ("第三条　流片奖励。对…", "第九条　申报
// 程序："): a short nominal phrase, not a sentence with a subject or verb of
// the rules (本办法由…负责解释, 各地应当…).
std::optional<std::string> ArticleHeading(std::string_view rest, bool has_children) {
  std::optional<std::string> phrase = ClauseHeading(rest, has_children);
  if (!phrase || utf8::CountCodePoints(*phrase) > 12) return std::nullopt;
  // Something must follow the phrase: the article's body or its items.
  if (!has_children && utf8::Trim(rest).size() <= phrase->size() + 3) return std::nullopt;
  static const RE2 kSentence(
      "^(?:本|各|凡|对|为|在|经|由|从|自|依|按|根据)|由|负责|施行|实施|适用|应当|应|可以|可|"
      "按照|根据|依照|实行|予以|给予|不得|是指|包括|的");
  if (RE2::PartialMatch(*phrase, kSentence)) return std::nullopt;
  return phrase;
}

bool IsClosingParagraph(std::string_view p) {
  re2::StringPiece in(p.data(), p.size());
  if (RE2::PartialMatch(in, ClosingRe())) return true;
  if (ParseDateLine(p)) return true;
  return utf8::CountCodePoints(p) < 200 && RE2::PartialMatch(in, ClosingAnywhereRe());
}

std::vector<Clause> FindClauses(const Normalized& doc, const utf8::CodePointIndex& cps,
                                std::vector<Warning>* warnings) {
  struct Start {
    size_t para;
    ClauseMarker marker;
  };
  const std::string& text = doc.text;
  auto para_text = [&](size_t i) {
    const Paragraph& p = doc.paragraphs[i];
    return std::string_view(text.data() + p.begin, p.end - p.begin);
  };

  std::vector<Start> starts;
  bool in_attachment_list = false;
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (doc.paragraphs[i].kind == ParagraphKind::kTableRow) continue;  // cells are not clauses
    std::string_view p = para_text(i);
    auto m = MatchClauseMarker(p);
    // 附件:1.… 2.…: an attachment list in the closing part, not clauses.
    if (!m) {
      static const RE2 kAttach(R"(^附件\s*[:：])");
      in_attachment_list = RE2::PartialMatch(re2::StringPiece(p.data(), p.size()), kAttach);
      continue;
    }
    // The list's last item may end with 。 (…结算汇总表。).
    std::string_view item = p;
    static const std::string_view kStop = "。";
    if (item.size() > kStop.size() && item.substr(item.size() - kStop.size()) == kStop) item.remove_suffix(kStop.size());
    if (in_attachment_list && m->style == ClauseStyle::kArabicDot && utf8::CountCodePoints(item) <= 60 &&
        item.find(kStop) == std::string_view::npos) {
      continue;
    }
    in_attachment_list = false;
    starts.push_back(Start{i, *m});
  }

  std::vector<Clause> clauses;
  struct Level {
    ClauseStyle style;
    int ordinal;
    int clause_index;
  };
  std::vector<Level> stack;
  int part = 1;
  int last_top_ordinal = 0;
  std::map<std::pair<int, ClauseStyle>, int> last_ordinal_of_style;  // (part, style) -> ordinal

  for (size_t k = 0; k < starts.size(); ++k) {
    deadline::Check();
    const Start& s = starts[k];
    const ClauseMarker& m = s.marker;
    // Where does this style sit in the current stack?
    int depth = -1;
    for (size_t d = 0; d < stack.size(); ++d) {
      if (stack[d].style == m.style) {
        depth = static_cast<int>(d);
        break;
      }
    }
    if (depth == 0 && m.ordinal <= last_top_ordinal && m.ordinal == 1) {
      // 一、 again: a second, separately numbered text (a 行动计划, an 附件).
      ++part;
      stack.clear();
      depth = -1;
      last_top_ordinal = 0;
    }
    if (depth >= 0) {
      stack.resize(depth);
    }
    const Paragraph& para = doc.paragraphs[s.para];
    // Numbering check: the next number at this level, or 1 under a new parent,
    // or the run-on number across parents.
    {
      int prev_sibling = 0;
      auto key = std::make_pair(part, m.style);
      int last_any = last_ordinal_of_style.count(key) ? last_ordinal_of_style[key] : 0;
      bool first_under_parent = true;
      if (!clauses.empty()) {
        int parent_idx = stack.empty() ? -1 : stack.back().clause_index;
        for (int c = static_cast<int>(clauses.size()) - 1; c >= 0; --c) {
          if (clauses[c].part != part) break;
          int cp = clauses[c].parent ? *clauses[c].parent : -1;
          if (cp == parent_idx && clauses[c].style == m.style) {
            prev_sibling = clauses[c].path.back();
            first_under_parent = false;
            break;
          }
          if (c == parent_idx) break;
        }
      }
      bool ok = first_under_parent ? (m.ordinal == 1 || m.ordinal == last_any + 1)
                                   : (m.ordinal == prev_sibling + 1);
      if (!ok) {
        warnings->push_back(Warning{
            WarningCode::kClauseNumbering,
            "clause " + m.text + " does not follow " +
                (first_under_parent ? std::string("its parent's numbering")
                                    : "the previous number " + std::to_string(prev_sibling)),
            CodePointSpan{Cp(cps, para.begin), Cp(cps, para.begin + m.text.size())}});
      }
      last_ordinal_of_style[key] = m.ordinal;
    }

    Clause c;
    c.index = static_cast<int>(clauses.size());
    c.parent = stack.empty() ? std::nullopt : std::optional<int>(stack.back().clause_index);
    c.level = static_cast<int>(stack.size()) + 1;
    c.part = part;
    for (const Level& l : stack) c.path.push_back(l.ordinal);
    c.path.push_back(m.ordinal);
    c.marker = m.text;
    c.style = m.style;
    std::string_view first = para_text(s.para);
    std::string_view rest = first.substr(m.text.size());
    // Does the next clause sit below this one? (Its style is new, or deeper in the stack.)
    bool has_children = false;
    if (k + 1 < starts.size()) {
      const ClauseStyle next_style = starts[k + 1].marker.style;
      has_children = next_style != m.style;
      for (const Level& l : stack) has_children = has_children && l.style != next_style;
    }
    const bool legal =
        m.style == ClauseStyle::kArticle || m.style == ClauseStyle::kParagraph || m.style == ClauseStyle::kItem;
    c.heading = legal ? ArticleHeading(rest, has_children)
                                     : ClauseHeading(rest, has_children);
    if (stack.empty()) last_top_ordinal = m.ordinal;
    stack.push_back(Level{m.style, m.ordinal, c.index});

    // The clause's own text: up to the next clause, or for the last clause
    // up to the document's closing part.
    size_t own_begin = para.begin;
    size_t own_end;
    // The next clause restarts the numbering (一、 again: a second text such
    // as an 附件 follows), so this one is the last of its text, and the
    // closing part between them is not its own.
    const bool next_restarts = k + 1 < starts.size() && starts[k + 1].marker.ordinal == 1 &&
                               !stack.empty() && stack.front().style == starts[k + 1].marker.style &&
                               last_top_ordinal >= 1;
    if (k + 1 < starts.size() && !next_restarts) {
      size_t next = starts[k + 1].para;
      own_end = doc.paragraphs[next - 1].end;
    } else {
      // A heading-only clause (七、政策支持) takes the paragraphs after it as
      // its body; a clause with its own body ends with it, apart from
      // ——-continuations.
      bool heading_only = first.find("。") == std::string_view::npos &&
                          utf8::CountCodePoints(first) <= 40;
      own_end = para.end;
      const size_t limit = k + 1 < starts.size() ? starts[k + 1].para : doc.paragraphs.size();
      for (size_t i = s.para + 1; i < limit; ++i) {
        std::string_view p = para_text(i);
        const bool table_row = doc.paragraphs[i].kind == ParagraphKind::kTableRow;
        if (!table_row && IsClosingParagraph(p)) break;
        if (!heading_only && !table_row && p.substr(0, 6) != "——") break;
        own_end = doc.paragraphs[i].end;
      }
    }
    c.span = CodePointSpan{Cp(cps, own_begin), Cp(cps, own_end)};
    c.amounts = FindAmounts(text, own_begin + m.text.size(), own_end, cps);
    c.bureaus = FindAttributions(text, own_begin, own_end, cps);
    AddMentions(text, own_begin, own_end, cps, &c.bureaus);
    clauses.push_back(std::move(c));
  }
  return clauses;
}

}  // namespace gongwen::structure::internal
