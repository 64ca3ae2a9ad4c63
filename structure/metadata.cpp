// Document metadata from the elements GB/T 9704 defines (发文字号, 标题, 主送机关,
// 发文机关署名, 成文日期, 附注, 抄送机关) and from the 政府信息公开 table that
// sites print above the text (索引号, 发布机构, 发文日期, 文号, 时效 …).
#include <re2/re2.h>

#include <map>

#include "structure/internal/rules.h"
#include "util/grammar.h"
#include "util/ids.h"
#include "util/page_labels.h"

namespace gongwen::structure::internal {
namespace {

using Pairs = std::multimap<std::string, std::string>;

// A 发文字号 in any year brackets (normalize makes them 〔〕; a record's
// values and table cells keep what they had).
const RE2& DocNumberRe() {
  static const RE2 re("(" + grammar::DocNumberAnyBrackets() + ")");
  return re;
}

// …行动方案, …管理办法（试行）, …行动方案(2026-2028年): a document type,
// then at most a bracket of its status or period.
const RE2& DocTypeEndRe() {
  static const RE2 re(grammar::DocType() + R"((?:\s*[（(][^（）()]{1,20}[)）])?$)");
  return re;
}

// One or more organisations: joint documents are signed by several.
// …管委会办公室: the office of a body is one organisation.
std::string OrganisationsPattern() {
  return R"(((?:\p{Han}{2,40}?)" + grammar::OrgEnd() + R"((?:办公室|办公厅)?)+))";
}

const RE2& SignatureOrgRe() {
  static const RE2 re("^" + OrganisationsPattern());
  return re;
}

// 湖北省人民政府办公厅关于印发…: the issuer phrase a title starts with.
const RE2& TitleIssuerRe() {
  static const RE2 re("^" + OrganisationsPattern() + "关于");
  return re;
}

std::string_view Para(const Normalized& doc, size_t i) {
  const Paragraph& p = doc.paragraphs[i];
  return std::string_view(doc.text.data() + p.begin, p.end - p.begin);
}

using utf8::HasSentencePunct;

// The first match of `re` (its first group) in `p`, else `p` trimmed.
std::string_view Within(std::string_view p, const RE2& re) {
  re2::StringPiece m;
  if (RE2::PartialMatch(re2::StringPiece(p.data(), p.size()), re, &m)) return std::string_view(m.data(), m.size());
  return utf8::Trim(p);
}

std::string_view View(const re2::StringPiece& m) { return std::string_view(m.data(), m.size()); }

// The organisation a signature line starts with, all of it: the line is
// the organisation (date on the next line) or the organisation and a date.
// A shortest match would stop at 平潭综合实验区管委 (委) before 会办公室.
bool SignatureOrgAtStart(std::string_view p, re2::StringPiece* org) {
  std::string_view head = utf8::Trim(p);
  size_t db = 0, de = 0;
  if (FindDate(head, &db, &de) && db > 0 && utf8::Trim(head.substr(de)).empty()) head = utf8::Trim(head.substr(0, db));
  if (!RE2::FullMatch(re2::StringPiece(head.data(), head.size()), SignatureOrgRe())) return false;
  *org = re2::StringPiece(head.data(), head.size());
  return true;
}

// 国家医保局财政部: a joint signature, each maker once, as 国家医保局、财政部.
// A name is cut after 局/部/署/厅/委 when what follows is an organisation of
// its own (not 办公厅, the office of the first).
std::string JoinedIssuers(std::string_view orgs) {
  static const RE2 kOne(R"(\p{Han}{2,40})" + grammar::OrgEnd());
  static const RE2 kCut(R"(^(\p{Han}{2,40}?)" + grammar::OrgCutEnd() + R"()(\p{Han}{3,}.*)$)");
  std::string rest(orgs), joined;
  for (;;) {
    std::string first, second;
    if (!RE2::FullMatch(rest, kCut, &first, &second) || !RE2::FullMatch(second, kOne) ||
        second.rfind("办公", 0) == 0 || second.rfind("员会", 0) == 0) {
      break;
    }
    joined += first + "、";
    rest = second;
  }
  return joined + rest;
}

// A line of the 政府信息公开 table, possibly squashed ("发布机构市政府办发文日期2025-09-05").
// Pairs are keyed by field (data/page_labels.tsv).
bool ParseTableLine(std::string_view line, Pairs* pairs) {
  std::vector<PageField> fields = labels::SplitLine(line);
  for (const PageField& f : fields) pairs->emplace(labels::FieldOf(f.label), f.value);
  return !fields.empty();
}

std::optional<std::string> Get(const Pairs& pairs, std::initializer_list<const char*> fields) {
  for (const char* l : fields) {
    auto it = pairs.find(l);
    if (it != pairs.end() && !it->second.empty()) return it->second;
  }
  return std::nullopt;
}

// 关于印发《X》的通知 (or 关于印发X的通知) encloses X.
bool EnclosesTitle(std::string_view notice, std::string_view x) {
  return notice.size() > x.size() && notice.find("印发") != std::string_view::npos &&
         notice.find(x) != std::string_view::npos;
}

// Two names of one notice: the same first words after 关于, quotes aside
// (关于印发《广安市支持…》 and 关于印发广安市支持…).
bool SameNotice(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    const size_t at = s.find("关于");
    std::u32string u;
    if (at == std::string_view::npos) return u;
    for (char32_t c : utf8::ToU32(s.substr(at))) {
      if (c != U'《' && c != U'》' && c != U'“' && c != U'”') u.push_back(c);
    }
    return u.substr(0, 10);
  };
  const std::u32string wa = words(a);
  return wa.size() == 10 && wa == words(b);
}

bool IsTitleLike(std::string_view p) {
  if (HasSentencePunct(p) || p.find("。") != std::string_view::npos) return false;
  // 本地目录: zwgk/…/2576_关于…的通知: a label and a path, not a title.
  if (p.find(':') != std::string_view::npos || p.find('/') != std::string_view::npos) return false;
  int64_t n = utf8::CountCodePoints(p);
  if (n < 4 || n > 120) return false;  // 旅行社条例 … 关于…的通知
  std::string t = StripTitleDecoration(p);
  return RE2::PartialMatch(t, DocTypeEndRe());
}

// 正文下载链接：海关总署关于…的公告.doc: the page offers the document
// itself as a file named by its title.
std::optional<std::string> TitleOfOwnFile(const std::string& text) {
  static const RE2 kLink(
      R"((?:(?:正文|文本|全文|原文|公告|文件)\s*下载(?:链接|地址)?|下载链接|下载地址)\s*[:：]\s*([^。；;：:，,/\n]{6,120}?)\.(?:doc|docx|pdf|wps|ofd))");
  std::string name;
  if (RE2::PartialMatch(text, kLink, &name) && IsTitleLike(name)) return name;
  return std::nullopt;
}

std::optional<std::string> FindDocNumberIn(std::string_view s, bool whole) {
  // 苏政发〔2024〕12号　签发人：许昆林: the 签发人 beside the number is not
  // part of the line's content.
  if (whole) {
    const size_t signer = s.find("签发人");
    if (signer != std::string_view::npos) s = utf8::Trim(s.substr(0, signer));
  }
  // （国办发〔2023〕17号）: the number in brackets on its own line under the title.
  std::string unbracketed;
  if (whole) {
    static const RE2 kBracketed(R"(^[（(]\s*(.+?)\s*[)）]$)");
    if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kBracketed, &unbracketed)) s = unbracketed;
  }
  re2::StringPiece in(s.data(), s.size());
  re2::StringPiece m;
  if (whole) {
    if (!RE2::FullMatch(in, DocNumberRe(), &m)) return std::nullopt;
  } else if (!RE2::PartialMatch(in, DocNumberRe(), &m)) {
    return std::nullopt;
  }
  return ids::DocNumberText(std::string_view(m.data(), m.size()));
}

// 主送, 抄送 and 主题词 lists split like attribution lists: at commas,
// semicolons and 、, with compounds such as 各县、区人民政府 kept whole.
std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  for (const NamePiece& p : SplitBureauList(s)) out.push_back(p.name);
  return out;
}

// What a 令 (政府令, 部门令: no 〔year〕 number) says of itself in its header:
// （2021年1月15日国务院令第735号公布…） or 中华人民共和国国务院令 第481号.
struct Decree {
  std::optional<std::string> number;  // 国务院令第735号
  std::optional<std::string> maker;   // 国务院, when a day of publication is given
  std::optional<std::string> day;     // 2021-01-15
  std::string_view number_at, maker_at, day_at;  // their text
};

Decree FindDecree(const Normalized& doc, size_t header_end) {
  static const RE2 kNumber(R"((?:^|日|[（(\s])((?:中华人民共和国)?\p{Han}{1,20}?)" + grammar::DecreeNumber() +
                           R"()\s*[)）]?\s*(?:公布|发布|$))");
  static const RE2 kMakerAndDay(R"(([0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*(?:中华人民共和国)?(\p{Han}{2,20}?))" +
                                grammar::DecreeNumber() + R"(\s*(?:公布|发布))");
  Decree d;
  for (size_t i = 0; i < header_end && !(d.number && d.maker); ++i) {
    const std::string_view pv = Para(doc, i);
    const re2::StringPiece p(pv.data(), pv.size());
    re2::StringPiece number_at, date, maker;
    if (!d.number && RE2::PartialMatch(p, kNumber, &number_at)) {
      const std::string_view number = View(number_at);
      d.number_at = number;
      // 国务院令（第 481 号）: shown without spaces or brackets.
      std::string shown;
      for (size_t k = 0; k < number.size();) {
        int len = 0;
        const char32_t c = utf8::Decode(number, k, &len);
        if (c != U' ' && c != U'（' && c != U'）' && c != U'(' && c != U')') shown.append(number, k, len);
        k += len;
      }
      d.number = shown;
    }
    if (!d.maker && RE2::PartialMatch(p, kMakerAndDay, &date, &maker)) {
      if (auto day = FindDate(View(date))) d.day = day->Iso();
      d.maker = std::string(View(maker));
      d.day_at = View(date);
      d.maker_at = View(maker);
    }
  }
  return d;
}

// The value a container states for `field` (a crawl record's title, its
// publication date), with where it came from.
const StatedValue* Stated(const Normalized& doc, std::string_view field) {
  for (const StatedValue& v : doc.stated) {
    if (v.field == field && !v.value.empty()) return &v;
  }
  return nullptr;
}

// Where each metadata value came from; a value with no entry came from the
// text.
class Origins {
 public:
  explicit Origins(const std::string& text) : text_(text) {}
  void Set(const std::string& field, ValueFrom from, std::optional<std::string> name = std::nullopt) {
    by_field_[field] = Entry{Provenance{field, from, std::move(name), std::nullopt}, std::nullopt};
  }
  // A value read from `piece`, a view into the document's text.
  void SetText(const std::string& field, std::string_view piece, ValueFrom from = ValueFrom::kText) {
    Set(field, from);
    by_field_[field].bytes = Bytes(piece);
  }
  // Where the value came from; the text it was read from, when it has one.
  void SetAt(const std::string& field, ValueFrom from, std::optional<ByteSpan> at) {
    Set(field, from);
    by_field_[field].bytes = at;
  }
  void SetFromStated(const std::string& field, const StatedValue& v) { Set(field, v.from, v.name); }
  // The text `field` was read from, if it has one.
  std::optional<ByteSpan> BytesOf(const std::string& field) const {
    auto it = by_field_.find(field);
    return it == by_field_.end() ? std::nullopt : it->second.bytes;
  }
  // `word` in the text `field` was read from.
  std::optional<ByteSpan> Find(const std::string& field, std::string_view word) const {
    auto at = BytesOf(field);
    if (!at || word.empty()) return std::nullopt;
    const std::string_view in(text_.data() + at->begin, static_cast<size_t>(at->end - at->begin));
    const size_t k = in.find(word);
    if (k == std::string_view::npos) return std::nullopt;
    return ByteSpan{at->begin + static_cast<int64_t>(k), at->begin + static_cast<int64_t>(k + word.size())};
  }
  // The bytes of `piece`, a view into the text; none for another string.
  std::optional<ByteSpan> Bytes(std::string_view piece) const {
    if (piece.data() == nullptr || piece.data() < text_.data() ||
        piece.data() + piece.size() > text_.data() + text_.size()) {
      return std::nullopt;
    }
    const auto b = static_cast<int64_t>(piece.data() - text_.data());
    return ByteSpan{b, b + static_cast<int64_t>(piece.size())};
  }
  // One entry per non-null field, in the order of the output.
  std::vector<Provenance> For(const Metadata& md, const utf8::CodePointIndex& cps) const {
    std::vector<Provenance> out;
    const std::pair<const char*, const std::optional<std::string>*> fields[] = {
        {"title", &md.title},           {"doc_number", &md.doc_number},
        {"issuer", &md.issuer},         {"publisher", &md.publisher},
        {"index_number", &md.index_number}, {"signed_date", &md.signed_date},
        {"published_date", &md.published_date}, {"effective_from", &md.effective_from},
        {"effective_until", &md.effective_until}, {"validity", &md.validity}};
    for (const auto& [name, value] : fields) {
      if (!*value) continue;
      auto it = by_field_.find(name);
      Provenance p = it != by_field_.end() ? it->second.provenance : Provenance{name, ValueFrom::kText, std::nullopt, std::nullopt};
      if (it != by_field_.end() && it->second.bytes) {
        p.span = CodePointSpan{cps.ToCodePoint(it->second.bytes->begin), cps.ToCodePoint(it->second.bytes->end)};
      }
      out.push_back(std::move(p));
    }
    return out;
  }

 private:
  struct Entry {
    Provenance provenance;
    std::optional<ByteSpan> bytes;
  };
  const std::string& text_;
  std::map<std::string, Entry> by_field_;
};

}  // namespace

std::string StripTitleDecoration(std::string_view title) {
  std::string t(utf8::Trim(title));
  static const RE2 kDecoration(
      R"([(（【][^()（）【】]*(?:附|电话|热线|图解|解读|全文|下载|转载)[^()（）【】]*[)）】]$)");
  RE2::Replace(&t, kDecoration, "");
  return std::string(utf8::Trim(t));
}

namespace {

// Where the parts of a document's header are, computed once for every
// extractor: the 政府信息公开 table (with the lines it was read from), where the
// header ends (the first clause), and the title line.
struct Layout {
  const Normalized& doc;
  size_t n = 0;           // paragraphs
  size_t header_end = 0;  // the first clause's paragraph, or n
  Pairs table;
  std::vector<bool> is_table;
  size_t title_para = 0;  // n when the text states no title line
  std::optional<std::string> title_doc_number;  // 关于…的通知（银发〔2021〕259号）
  std::string_view title_doc_number_at;          // its text

  // The page table's line that holds `raw` (a value as the table states it).
  std::string_view TableText(std::string_view raw) const {
    for (size_t i = 0; i < n && !raw.empty(); ++i) {
      if (!is_table[i]) continue;
      std::string_view p = Para(i);
      const size_t at = p.find(raw);
      if (at != std::string_view::npos) return p.substr(at, raw.size());
    }
    return {};
  }

  std::string_view Para(size_t i) const { return internal::Para(doc, i); }
};

Layout MakeLayout(const Normalized& doc) {
  Layout l{doc};
  l.n = doc.paragraphs.size();
  l.header_end = l.n;
  for (size_t i = 0; i < l.n; ++i) {
    if (doc.paragraphs[i].kind != ParagraphKind::kTableRow && MatchClauseMarker(Para(doc, i))) {
      l.header_end = i;
      break;
    }
  }
  l.is_table.assign(l.n, false);
  for (const PageField& f : doc.page_fields) l.table.emplace(labels::FieldOf(f.label), f.value);
  for (size_t i = 0; i < l.header_end; ++i) l.is_table[i] = ParseTableLine(Para(doc, i), &l.table);
  l.title_para = l.n;
  return l;
}

// The title: the table's, else the first title-like line of the header,
// else the record's. Also finds the title line for the extractors after it.
// A title set on two centred lines: the issuer, then 关于…的通知; or, on
// the document's first line, a first half without a document type
// (贵州省农村支付服务提质增效 / 助力乡村振兴行动方案(2026-2028年)).
bool TitleOverTwoLines(const Layout& l, size_t i, std::string* title) {
  if (i + 1 >= l.header_end || l.is_table[i + 1]) return false;
  std::string_view first = utf8::Trim(l.Para(i)), second = utf8::Trim(l.Para(i + 1));
  if (HasSentencePunct(first) || utf8::ContainsAny(first, {"。", ":", "：", "/"}) ||
      utf8::CountCodePoints(first) > 40 || !IsTitleLike(second)) {
    return false;
  }
  const bool issuer_line = RE2::FullMatch(re2::StringPiece(first.data(), first.size()), SignatureOrgRe()) &&
                           second.substr(0, 6) == "关于";
  bool opening = true;  // no text before it but the page's table
  for (size_t k = 0; k < i; ++k) opening = opening && l.is_table[k];
  static const std::string kFile = "文件";
  const bool mark = first.size() > kFile.size() && first.substr(first.size() - kFile.size()) == kFile;
  if (mark || !(issuer_line || (opening && utf8::CountHan(first) >= 4))) return false;
  *title = std::string(first) + std::string(second);
  return true;
}

void FindTitle(Layout* l, Metadata* md, Origins* origins) {
  if (auto t = Get(l->table, {"title"})) {
    md->title = StripTitleDecoration(*t);
    origins->SetText("title", l->TableText(*t), ValueFrom::kPageTable);
  }
  for (size_t i = 0; i < l->header_end; ++i) {
    if (l->is_table[i]) continue;
    std::string_view p = l->Para(i);
    if (FindDocNumberIn(p, true)) continue;
    // 关于…的通知（银发〔2021〕259号）: the title, then its 文号 in brackets.
    std::string head, number;
    static const RE2 kTrailingNumber(R"(^(.+?)\s*[（(]\s*()" + grammar::DocNumber() + R"()\s*[)）]$)");
    if (RE2::FullMatch(std::string(p), kTrailingNumber, &head, &number) && IsTitleLike(head)) {
      l->title_doc_number = FindDocNumberIn(number, true);
      l->title_doc_number_at = Within(p.substr(head.size()), DocNumberRe());
      p = std::string_view(p.data(), head.size());
    }
    std::string two_lines;
    if (IsTitleLike(p) || TitleOverTwoLines(*l, i, &two_lines)) {
      l->title_para = two_lines.empty() ? i : i + 1;
      std::string stated = StripTitleDecoration(two_lines.empty() ? p : std::string_view(two_lines));
      // The table's 关于…的通知 is the text's title without its issuer
      // (平潭综合实验区管委会办公室关于…的通知): the document's own title wins.
      if (!md->title || (stated.size() > md->title->size() &&
                          stated.compare(stated.size() - md->title->size(), md->title->size(), *md->title) == 0)) {
        md->title = std::move(stated);
        std::string_view at = utf8::Trim(p);
        if (!two_lines.empty()) {
          std::string_view second = utf8::Trim(l->Para(i + 1));
          at = std::string_view(at.data(), static_cast<size_t>(second.data() + second.size() - at.data()));
        }
        origins->SetText("title", at);
      }
      break;
    }
  }
  if (!md->title) {
    if (auto t = TitleOfOwnFile(l->doc.text)) md->title = *t;
  }
  // A title the document does not state: its record's (a crawler's title
  // field). A record's 关于印发《X》的通知 also beats the text's X, the title
  // of the 办法 the notice encloses.
  if (const StatedValue* v = Stated(l->doc, "title"); v && (!md->title || EnclosesTitle(v->value, *md->title))) {
    md->title = StripTitleDecoration(v->value);
    origins->SetFromStated("title", *v);
  }
}

// 相关附件：广安府办规〔2023〕5号关于印发《…》的通知.pdf: the document's own
// file among the attachments, named by its 文号 and its title.
std::optional<std::string> DocNumberOfOwnFile(const std::string& text, const std::string& title,
                                              std::string_view* at) {
  static const RE2 kFile(
      "(" + grammar::DocNumber() + R"()\s*(关于[^。；;：:，,/]{4,150}?)\.(?:pdf|PDF|doc|docx|wps|ofd))");
  re2::StringPiece in(text);
  re2::StringPiece number, name;
  while (RE2::FindAndConsume(&in, kFile, &number, &name)) {
    if (SameNotice(View(name), title)) {
      *at = View(number);
      return FindDocNumberIn(View(number), true);
    }
  }
  return std::nullopt;
}

// 发文字号: the table's, a line of its own in the header (the document wins
// over the table), the one in brackets after the title, the 令 number, the
// record's.
void FindDocNumber(const Layout& l, const Decree& decree, Metadata* md, Origins* origins,
                   std::vector<Warning>* warnings) {
  if (auto dn = Get(l.table, {"doc_number"})) {
    if (auto norm = FindDocNumberIn(*dn, false)) {
      md->doc_number = *norm;
      origins->SetText("doc_number", l.TableText(*dn), ValueFrom::kPageTable);
    }
  }
  for (size_t i = 0; i < l.header_end; ++i) {
    if (l.is_table[i]) continue;
    auto dn = FindDocNumberIn(l.Para(i), true);
    if (!dn) continue;
    if (md->doc_number && *md->doc_number != *dn) {
      warnings->push_back(Warning{WarningCode::kDocNumberConflict,
                                  "发文字号 in the text (" + *dn + ") differs from the page's table (" +
                                      *md->doc_number + ")",
                                  std::nullopt});
    }
    md->doc_number = *dn;
    origins->SetText("doc_number", Within(l.Para(i), DocNumberRe()));
    break;
  }
  if (!md->doc_number && l.title_doc_number) {
    md->doc_number = l.title_doc_number;
    origins->SetText("doc_number", l.title_doc_number_at);
  }
  if (!md->doc_number && decree.number) {
    md->doc_number = decree.number;
    origins->SetText("doc_number", decree.number_at);
  }
  if (!md->doc_number && md->title) {
    std::string_view at;
    if (auto dn = DocNumberOfOwnFile(l.doc.text, *md->title, &at)) {
      md->doc_number = dn;
      origins->SetText("doc_number", at);
    }
  }
  if (const StatedValue* v = Stated(l.doc, "doc_number"); v && !md->doc_number) {
    md->doc_number = ids::DocNumberText(v->value);
    origins->SetFromStated("doc_number", *v);
  }
  // A record's values without names: a value shaped like a 文号.
  for (const StatedValue& v : l.doc.stated) {
    if (md->doc_number || v.field != "unnamed") continue;
    if (auto dn = FindDocNumberIn(v.value, true)) {
      md->doc_number = *dn;
      origins->SetFromStated("doc_number", v);
    }
  }
}

// 发文机关标志: a line of its own above the title (连云港市人民政府文件).
void FindIssuerMark(const Layout& l, Metadata* md) {
  static const RE2 kMark(
      R"(^(\p{Han}{2,40}?)" + grammar::OrgEnd() + R"((?:文件|公报|函|文件、\p{Han}{2,40}文件)?)\s*$)");
  for (size_t i = 0; i < std::min(l.header_end, l.title_para) && !md->issuer_mark; ++i) {
    if (l.is_table[i]) continue;
    std::string_view p = l.Para(i);
    std::string mark;
    if (p.size() >= 12 && p.substr(p.size() - 6) == "文件" &&
        RE2::FullMatch(re2::StringPiece(p.data(), p.size()), kMark, &mark)) {
      md->issuer_mark = mark;
    }
  }
}

// 签发人 (上行文, beside the 发文字号: 签发人：张三).
void FindSigner(const Layout& l, Metadata* md) {
  static const RE2 kSigner(R"(签发人\s*[:：]\s*(\p{Han}{2,4}(?:\s*[、,，]\s*\p{Han}{2,4})*))");
  for (size_t i = 0; i < l.header_end; ++i) {
    std::string_view p = l.Para(i);
    std::string signer;
    if (RE2::PartialMatch(re2::StringPiece(p.data(), p.size()), kSigner, &signer)) {
      md->signer = signer;
      return;
    }
  }
}

// 杭州市科学技术局2026年5月25日发布，征求意见截止…: the page's own line
// saying when (and by whom) it was published, not a sentence citing another
// document's publication.
std::optional<Date> PublishedInText(const Layout& l, std::string_view* at) {
  static const RE2 kPublished(
      R"(^\s*(?:\p{Han}{2,40}?)" + grammar::OrgEnd() + R"(\s*)?((?:\d{4}|[〇零一二三四五六七八九]{4})\s*年[^年。，,；;]{2,12}?日)\s*(?:发布|公布)(?:[，,。;；]|$))");
  for (size_t i = 0; i < l.n; ++i) {
    std::string_view p = l.Para(i);
    re2::StringPiece m;
    if (RE2::PartialMatch(re2::StringPiece(p.data(), p.size()), kPublished, &m)) {
      *at = View(m);
      return FindDate(View(m));
    }
  }
  return std::nullopt;
}

// The table's other fields (索引号, 发布机构, 有效性, 主题词, 下载) and the
// published date, the table's or the record's. Returns the table's 成文日期.
std::optional<std::string> ReadTableFields(const Layout& l, Metadata* md, Origins* origins) {
  md->index_number = Get(l.table, {"index_number"});
  md->publisher = Get(l.table, {"publisher"});
  md->validity = Get(l.table, {"validity"});
  for (auto [field, value] : {std::pair{"index_number", &md->index_number}, std::pair{"publisher", &md->publisher},
                              std::pair{"validity", &md->validity}}) {
    origins->SetText(field, *value ? l.TableText(**value) : std::string_view(), ValueFrom::kPageTable);
  }
  if (auto tw = Get(l.table, {"topic_words"})) md->topic_words = SplitList(*tw);
  md->attachments = l.doc.attachments;
  if (md->attachments.empty()) {
    if (auto dl = Get(l.table, {"download"})) md->attachments.push_back(Attachment{*dl, std::nullopt});
  }
  if (auto pd = Get(l.table, {"published_date"})) {
    if (auto d = FindDate(*pd)) {
      md->published_date = d->Iso();
      origins->SetText("published_date", l.TableText(*pd), ValueFrom::kPageTable);
    }
  }
  if (const StatedValue* v = Stated(l.doc, "published_date"); v && !md->published_date) {
    if (auto d = FindDate(v->value)) {
      md->published_date = d->Iso();
      origins->SetFromStated("published_date", *v);
    }
  }
  if (!md->published_date) {
    std::string_view at;
    if (auto d = PublishedInText(l, &at)) {
      md->published_date = d->Iso();
      origins->SetText("published_date", at);
    }
  }
  if (auto sd = Get(l.table, {"signed_date"})) {
    if (auto d = FindDate(*sd)) {
      origins->SetText("table_signed_date", l.TableText(*sd), ValueFrom::kPageTable);
      return d->Iso();
    }
  }
  return std::nullopt;
}

// What the text says of when it is in force: the last 自…起施行 and 有效期
// statements (they sit in the closing part).
struct EffectiveStatements {
  std::optional<Date> from, until;
  int years = 0;                 // 有效期N年
  bool from_signing = false;     // 自印发之日起施行
  bool from_publishing = false;  // 自发布之日起施行
  // The text each was read from: the dates; the whole 自印发之日起施行 or
  // 有效期5年 statement for a date counted from it.
  std::string_view from_at, until_at, rule_at, years_at;
};

// 有效期N年 / 有效期限五年 / 暂定N年, said of the document itself: after a
// sentence break or 本办法…, not 注册登记有效期5年 (a licence's term).
int ValidityYears(const std::string& text, std::string_view* at) {
  static const RE2 kYears(
      R"((?:^|[，,。；;：:]|本\p{Han}{1,8}?)\s*((?:有效期限?(?:为)?|暂定(?:执行|实施|试行)?)\s*([0-9]+|[一二三四五六七八九十两]+)\s*年))");
  int years = 0;
  re2::StringPiece in(text);
  re2::StringPiece whole, m;
  while (RE2::FindAndConsume(&in, kYears, &whole, &m)) {
    std::string_view v(m.data(), m.size());
    auto y = (v[0] >= '0' && v[0] <= '9') ? std::optional<int64_t>(std::stoll(std::string(v)))
                                         : ParseChineseNumber(v);
    if (y && *y > 0 && *y < 100) {
      years = static_cast<int>(*y);
      *at = View(whole);
    }
  }
  return years;
}

EffectiveStatements ReadEffectiveStatements(const std::string& text) {
  static const RE2 kFrom(R"((自\s*([^起,，。;；]{2,24}?)\s*起\s*(?:施行|实施|实行|执行|生效|试行)))");
  static const RE2 kUntil(R"(有效期(?:至|到|截至)\s*([^,，。;；]{6,20}?)(?:止|[,，。;；]|$))");
  // 本公告有效期自2023年10月11日起至2025年10月10日
  static const RE2 kRange(R"(有效期(?:为)?自\s*([^,，。;；]{6,20}?)\s*起?\s*至\s*([^,，。;；]{6,20}?)(?:止|[,，。;；]|$))");
  EffectiveStatements e;
  re2::StringPiece in(text);
  re2::StringPiece whole, m, m2;
  while (RE2::FindAndConsume(&in, kFrom, &whole, &m)) {
    std::string_view v(m.data(), m.size());
    if (auto d = FindDate(v)) {
      e.from = d;
      e.from_at = v;
      e.from_signing = e.from_publishing = false;
    } else if (utf8::ContainsAny(v, {"印发", "公布", "下发", "签发", "颁布"})) {
      e.from_signing = true;
      e.rule_at = View(whole);
    } else if (v.find("发布") != std::string_view::npos) {
      e.from_publishing = true;
      e.rule_at = View(whole);
    }
  }
  in = re2::StringPiece(text);
  while (RE2::FindAndConsume(&in, kUntil, &m)) {
    if (auto d = FindDate(View(m))) {
      e.until = d;
      e.until_at = View(m);
    }
  }
  in = re2::StringPiece(text);
  while (RE2::FindAndConsume(&in, kRange, &m, &m2)) {
    auto from = FindDate(View(m));
    auto until = FindDate(View(m2));
    if (!from || !until) continue;
    e.from = from;
    e.until = until;
    e.from_at = View(m);
    e.until_at = View(m2);
    e.from_signing = e.from_publishing = false;
  }
  e.years = ValidityYears(text, &e.years_at);
  return e;
}

// A signature date that lost its 年月日 ("2025 9 5"): the reading the page's
// other dates confirm, else the only reading; a warning either way.
void ReadMangledSignedDate(std::string_view date_text, const std::vector<Date>& readings,
                           const std::vector<Date>& known, Metadata* md, std::vector<Warning>* warnings,
                           const utf8::CodePointIndex& cps, const std::string& text) {
  std::optional<Date> pick;
  for (const Date& r : readings) {
    for (const Date& k : known) {
      if (r == k) pick = r;
    }
  }
  if (!pick && readings.size() == 1) pick = readings[0];
  const auto date_begin = static_cast<int64_t>(date_text.data() - text.data());
  CodePointSpan span{cps.ToCodePoint(date_begin), cps.ToCodePoint(date_begin + static_cast<int64_t>(date_text.size()))};
  if (pick) md->signed_date = pick->Iso();
  warnings->push_back(Warning{WarningCode::kDateMangled,
                              "成文日期 \"" + std::string(date_text) + "\" lost its 年月日" +
                                  (pick ? "; read as " + pick->Iso() : std::string(" and has several readings")),
                              span});
}

// 发文机关署名 and 成文日期: an organisation, then a date, on the same line or
// the next. A date followed by 印发 is the 版记's 印发机关和印发日期, not the
// signature. `known` are the page's other dates, to read a mangled date.
void FindSignature(const Layout& l, const std::vector<Date>& known, Metadata* md, Origins* origins,
                   std::vector<Warning>* warnings, const utf8::CodePointIndex& cps) {
  auto signed_by = [&](const re2::StringPiece& org, std::string_view date_text) {
    md->issuer = JoinedIssuers(View(org));
    origins->SetText("issuer", View(org));
    origins->SetText("signed_date", date_text);
  };
  for (size_t i = 0; i < l.n && !md->issuer; ++i) {
    std::string_view p = l.Para(i);
    if (HasSentencePunct(p) || p.find("。") != std::string_view::npos) continue;
    re2::StringPiece in(p.data(), p.size());
    re2::StringPiece org;
    if (!SignatureOrgAtStart(p, &org) && !RE2::PartialMatch(in, SignatureOrgRe(), &org)) continue;
    const size_t org_end = static_cast<size_t>(org.data() + org.size() - p.data());
    std::string_view date_text = utf8::Trim(p.substr(org_end));
    if (date_text.empty()) {
      if (i + 1 >= l.n) continue;
      date_text = utf8::Trim(l.Para(i + 1));
    }
    if (date_text.find("印发") != std::string_view::npos) continue;
    if (auto d = ParseDateLine(date_text)) {
      signed_by(org, date_text);
      md->signed_date = d->Iso();
      continue;
    }
    if (auto d = MistypedDate(date_text)) {
      signed_by(org, date_text);
      md->signed_date = d->Iso();
      const auto b = static_cast<int64_t>(date_text.data() - l.doc.text.data());
      warnings->push_back(Warning{WarningCode::kDateMistyped,
                                  "成文日期 \"" + std::string(date_text) + "\" has a mistyped 年月日; read as " +
                                      d->Iso(),
                                  CodePointSpan{cps.ToCodePoint(b), cps.ToCodePoint(b + static_cast<int64_t>(date_text.size()))}});
      continue;
    }
    std::vector<Date> readings = MangledDateReadings(date_text);
    if (readings.empty()) continue;
    signed_by(org, date_text);
    ReadMangledSignedDate(date_text, readings, known, md, warnings, cps, l.doc.text);
  }
}

// A page that offers the document as a file, its name on a line of its own
// (丽水市人民政府关于…的通知(1).pdf): the title, when the name starts with
// the document's own issuer.
void FindTitleInOwnFileName(const Layout& l, Metadata* md, Origins* origins) {
  if (md->title || !md->issuer) return;
  static const RE2 kFileLine(R"(^\s*([^。；;：:，,/]{6,120}?)\s*(?:[（(]\d{1,2}[)）])?\.(?:pdf|PDF|doc|docx|wps|ofd)\s*$)");
  for (size_t i = l.n; i-- > 0;) {
    std::string_view p = l.Para(i);
    re2::StringPiece m;
    if (!RE2::FullMatch(re2::StringPiece(p.data(), p.size()), kFileLine, &m)) continue;
    const std::string name(View(m));
    if (IsTitleLike(name) && name.rfind(*md->issuer + "关于", 0) == 0) {
      md->title = name;
      origins->SetText("title", View(m));
      return;
    }
  }
}

// 附件：1.….doc2.….doc海关总署2023年10月8日公告正文下载链接…: a page that
// lost its line breaks glued the signature to the attachment list's file
// names.
void FindSignatureAfterFiles(const Layout& l, Metadata* md, Origins* origins) {
  if (md->issuer || md->signed_date) return;
  static const RE2 kGlued(R"(\.(?:docx?|pdf|wps|xlsx?|ofd)\s*)" + OrganisationsPattern() +
                          R"(\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))");
  re2::StringPiece org, date;
  if (!RE2::PartialMatch(l.doc.text, kGlued, &org, &date)) return;
  if (auto d = FindDate(View(date))) {
    md->issuer = JoinedIssuers(View(org));
    md->signed_date = d->Iso();
    origins->SetText("issuer", View(org));
    origins->SetText("signed_date", View(date));
  }
}

// A 成文日期 alone on its line after the notice, its organisation only on
// the seal (湖北省人民政府办公厅 … 请认真贯彻执行。\n2026年5月11日).
void FindDateOnlySignature(const Layout& l, Metadata* md, Origins* origins) {
  if (md->signed_date || l.title_para >= l.n) return;
  for (size_t i = l.title_para + 2; i < l.header_end; ++i) {
    if (auto d = ParseDateLine(l.Para(i))) {
      md->signed_date = d->Iso();
      origins->SetText("signed_date", utf8::Trim(l.Para(i)));
      return;
    }
  }
}

// With no signature, the issuer is the phrase the title starts with
// (湖北省人民政府办公厅关于…), or the 发文机关标志 when that is its full name
// (贵州省人民政府文件 over 省人民政府关于…).
void FindIssuerInTitle(const Layout& l, Metadata* md, Origins* origins) {
  if (md->issuer || !md->title) return;
  std::string phrase;
  if (!RE2::PartialMatch(*md->title, TitleIssuerRe(), &phrase)) return;
  std::string issuer = JoinedIssuers(phrase);
  if (md->issuer_mark) {
    std::string mark = *md->issuer_mark;
    static const std::string kFile = "文件";
    if (mark.size() > kFile.size() && mark.compare(mark.size() - kFile.size(), kFile.size(), kFile) == 0) {
      mark.resize(mark.size() - kFile.size());
    }
    if (mark.size() > issuer.size() && mark.compare(mark.size() - issuer.size(), issuer.size(), issuer) == 0) {
      issuer = mark;
    }
  }
  md->issuer = issuer;
  origins->SetAt("issuer", ValueFrom::kTitle, origins->Find("title", phrase));
}

// Where the signature is silent: the 令's maker and day, the table's
// 发布机构, the record's issuer, or a record value that is an organisation's
// name and nothing else.
void FindIssuerElsewhere(const Layout& l, const Decree& decree, Metadata* md, Origins* origins) {
  if (!md->issuer && decree.maker) {
    md->issuer = decree.maker;
    origins->SetText("issuer", decree.maker_at);
  }
  if (!md->signed_date && decree.day) {
    md->signed_date = decree.day;
    origins->SetText("signed_date", decree.day_at);
  }
  if (!md->issuer) {
    if (auto a = Get(l.table, {"issuer"})) {
      md->issuer = *a;
      origins->SetText("issuer", l.TableText(*a), ValueFrom::kPageTable);
    }
  }
  if (const StatedValue* v = Stated(l.doc, "issuer"); v && !md->issuer) {
    md->issuer = v->value;
    origins->SetFromStated("issuer", *v);
  }
  for (const StatedValue& v : l.doc.stated) {
    if (md->issuer || v.field != "unnamed") continue;
    if (RE2::FullMatch(v.value, SignatureOrgRe())) {
      md->issuer = v.value;
      origins->SetFromStated("issuer", v);
    }
  }
}

// The first entry of a 沿革: up to where "2.中华民国…" starts.
std::string_view FirstHistoryEntry(std::string_view h) {
  static const RE2 kEntry(R"((?:^|[^\d])(\d{1,2})\s*[.．、]\s*(?:中华)?民国)");
  re2::StringPiece rest(h.data(), h.size()), number;
  while (RE2::FindAndConsume(&rest, kEntry, &number)) {
    if (std::string_view(number.data(), number.size()) != "1") {
      return h.substr(0, static_cast<size_t>(number.data() - h.data()));
    }
  }
  return h;
}

// A law database's 沿革 (1.中华民国九十二年七月二日总统华总一义字第…号令制定
// 公布全文32条；…定自九十四年七月一日施行 2.…): the first entry, the
// enactment, gives the day it was made, its maker (内政部…令订定发布; not
// 总统, who promulgates what the legislature passed) and the day it took
// effect. Later entries are amendments.
void FindInHistory(const Layout& l, Metadata* md, Origins* origins, std::optional<Date>* effective) {
  const StatedValue* v = Stated(l.doc, "history");
  if (!v) return;
  const std::string_view first = FirstHistoryEntry(v->value);
  // The maker follows the entry's date, even a garbled one (八十年六月七月).
  static const RE2 kMaker(R"(^\s*(?:\d{1,2}\s*[.．、]\s*)?(?:中华)?民国\s*[〇零一二三四五六七八九十百\d]+\s*年(?:\s*[〇零一二三四五六七八九十\d]+\s*[月日])+\s*((?:\p{Han}{1,12}?))" +
                          grammar::OrgEnd() + R"()\s*(?:[（(]\d+[)）])?\s*\p{Han}{0,10}字第)");
  re2::StringPiece maker;
  if (!md->issuer && RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), kMaker, &maker)) {
    md->issuer = std::string(maker.data(), maker.size());
    origins->SetFromStated("issuer", *v);
  }
  size_t db = 0, de = 0;
  const auto day = FindDate(first, &db, &de);
  if (!day || db > 12) return;  // the entry's own date opens it
  if (!md->signed_date && utf8::ContainsAny(first, {"制定", "订定", "公布", "发布"})) {
    md->signed_date = day->Iso();
    origins->SetFromStated("signed_date", *v);
  }
  // …定自九十四年七月一日施行: the year without 中华民国 before it.
  static const RE2 kInForce(R"(自\s*((?:中华民国|民国)?\s*[一二三四五六七八九十百零〇]{1,5}\s*年[^年。；;]{2,12}?日)\s*(?:起)?\s*施行)");
  std::string when;
  if (RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), kInForce, &when)) {
    if (when.find("民国") == std::string::npos) when = "中华民国" + when;
    if (auto d = FindDate(when)) *effective = d;
  }
}

// effective_from and effective_until from the statements, counting from the
// document's own dates where the text says so.
void SetEffectivePeriod(const EffectiveStatements& e, Metadata* md, Origins* origins) {
  if (e.from) {
    md->effective_from = e.from->Iso();
    origins->SetText("effective_from", e.from_at);
  } else if (e.from_signing && md->signed_date) {
    md->effective_from = md->signed_date;
    origins->SetText("effective_from", e.rule_at, ValueFrom::kComputed);
  } else if (e.from_publishing && (md->signed_date || md->published_date)) {
    // 自发布之日起施行: the document's own date, as for 自印发之日起; the
    // page's date only when the document states none.
    md->effective_from = md->signed_date ? md->signed_date : md->published_date;
    origins->SetText("effective_from", e.rule_at, ValueFrom::kComputed);
  }
  if (e.until) {
    md->effective_until = e.until->Iso();
    origins->SetText("effective_until", e.until_at);
  } else if (e.years > 0 && md->effective_from) {
    md->effective_until = AddYearsMinusOneDay(*FindDate(*md->effective_from), e.years).Iso();
    origins->SetText("effective_until", e.years_at, ValueFrom::kComputed);
  }
}

// 主送机关: the first line after the title that ends with a colon.
void FindAddressees(const Layout& l, Metadata* md) {
  for (size_t i = l.title_para == l.n ? 0 : l.title_para + 1; i < l.header_end; ++i) {
    std::string_view p = l.Para(i);
    if (l.is_table[i]) continue;
    if (p.size() < 4 || p.find("。") != std::string_view::npos) continue;
    std::string_view body = p;
    if (body.substr(body.size() - 1) == ":") {
      body.remove_suffix(1);
    } else if (body.size() >= 3 && body.substr(body.size() - 3) == "：") {
      body.remove_suffix(3);
    } else {
      continue;
    }
    md->addressees = SplitList(body);
    return;
  }
}

// 版记: 印发机关和印发日期 ("连云港市人民政府办公室 2025年11月25日印发", on
// one line or two).
void FindPrinted(const Layout& l, Metadata* md) {
  static const std::string kPrinted = "印发";
  for (size_t i = 0; i < l.n && !md->printed_date; ++i) {
    std::string_view p = utf8::Trim(l.Para(i));
    if (p.size() <= kPrinted.size() || p.substr(p.size() - kPrinted.size()) != kPrinted) continue;
    std::string_view head = utf8::Trim(p.substr(0, p.size() - kPrinted.size()));
    size_t db = 0, de = 0;
    auto d = FindDate(head, &db, &de);
    if (!d || de != head.size()) continue;
    md->printed_date = d->Iso();
    std::string_view org = utf8::Trim(head.substr(0, db));
    if (org.empty() && i > 0) org = utf8::Trim(l.Para(i - 1));
    re2::StringPiece m;
    if (RE2::FullMatch(re2::StringPiece(org.data(), org.size()), SignatureOrgRe(), &m)) {
      md->printed_by = std::string(m.data(), m.size());
    }
  }
}

// 附注 (（此件公开发布）) and 抄送.
void FindNotesAndCc(const Layout& l, Metadata* md) {
  static const RE2 kDisclosure(R"(^[(（](此件[^()（）]*)[)）]$)");
  static const RE2 kCc(R"(^抄送\s*[:：]\s*(.+?)[。.]?$)");
  for (size_t i = 0; i < l.n; ++i) {
    std::string_view p = l.Para(i);
    re2::StringPiece in(p.data(), p.size());
    std::string v;
    if (!md->disclosure && RE2::FullMatch(in, kDisclosure, &v)) md->disclosure = v;
    if (md->cc.empty() && RE2::FullMatch(in, kCc, &v)) md->cc = SplitList(v);
  }
}

// 附件: 1.… / 2.…: the attachment list of the closing part, after the links
// the page gave.
void FindAttachmentList(const Layout& l, Metadata* md) {
  static const RE2 kAttachHead(R"(^附件\s*[:：]\s*(.*)$)");
  static const RE2 kAttachItem(R"(^(?:\d{1,2}\s*[.．、]\s*)?(.+?)[。.]?$)");
  auto add = [md](const std::string& item) {
    std::string title;
    if (!RE2::FullMatch(item, kAttachItem, &title) || title.empty()) return;
    for (const Attachment& a : md->attachments) {
      if (a.title == title) return;  // already known from the page's link
    }
    md->attachments.push_back(Attachment{title, std::nullopt});
  };
  for (size_t i = 0; i < l.n; ++i) {
    std::string first;
    if (!RE2::FullMatch(std::string(l.Para(i)), kAttachHead, &first)) continue;
    if (!first.empty()) add(first);
    for (size_t k = i + 1; k < l.n; ++k) {
      std::string_view p = l.Para(k);
      auto m = MatchClauseMarker(p);
      if (!m || m->style != ClauseStyle::kArabicDot || p.find("。") != std::string_view::npos) break;
      add(std::string(p));
    }
    return;
  }
}

// 《…》（X〔2024〕N号）: the documents the text cites with their numbers.
void FindReferences(const std::string& text, Metadata* md) {
  static const RE2 kReference(
      R"(《([^《》]{2,80})》\s*[(（]\s*()" + grammar::DocNumberAnyBrackets() + R"()\s*[)）])");
  re2::StringPiece in(text);
  std::string title, number;
  while (RE2::FindAndConsume(&in, kReference, &title, &number)) {
    md->references.push_back(Reference{title, ids::DocNumberText(number)});
  }
}

}  // namespace

Metadata FindMetadata(const Normalized& doc, std::vector<Warning>* warnings,
                      const utf8::CodePointIndex& cps) {
  Metadata md;
  Origins origins(doc.text);
  Layout layout = MakeLayout(doc);
  FindTitle(&layout, &md, &origins);
  const Decree decree = FindDecree(doc, layout.header_end);
  FindDocNumber(layout, decree, &md, &origins, warnings);
  FindIssuerMark(layout, &md);
  FindSigner(layout, &md);
  const std::optional<std::string> table_signed = ReadTableFields(layout, &md, &origins);
  EffectiveStatements effective = ReadEffectiveStatements(doc.text);

  std::vector<Date> known;  // the page's dates, to read a signature date that lost its 年月日
  for (const auto& s : {md.published_date, table_signed}) {
    if (s) {
      if (auto d = FindDate(*s)) known.push_back(*d);
    }
  }
  if (effective.from) known.push_back(*effective.from);
  FindSignature(layout, known, &md, &origins, warnings, cps);
  if (!md.signed_date && table_signed) {
    md.signed_date = table_signed;
    origins.SetAt("signed_date", ValueFrom::kPageTable, origins.BytesOf("table_signed_date"));
  }
  if (md.signed_date && table_signed && *md.signed_date != *table_signed) {
    warnings->push_back(Warning{WarningCode::kDateConflict,
                                "成文日期 in the text (" + *md.signed_date +
                                    ") differs from the page's table (" + *table_signed + ")",
                                std::nullopt});
  }
  FindSignatureAfterFiles(layout, &md, &origins);
  FindDateOnlySignature(layout, &md, &origins);
  FindIssuerInTitle(layout, &md, &origins);
  std::optional<Date> in_force;  // as a law database's 沿革 says
  FindInHistory(layout, &md, &origins, &in_force);
  FindIssuerElsewhere(layout, decree, &md, &origins);
  FindTitleInOwnFileName(layout, &md, &origins);
  const bool from_history = in_force && !effective.from && !effective.from_signing && !effective.from_publishing;
  if (from_history) effective.from = in_force;
  SetEffectivePeriod(effective, &md, &origins);
  if (from_history) origins.SetFromStated("effective_from", *Stated(doc, "history"));
  FindAddressees(layout, &md);
  FindPrinted(layout, &md);
  FindNotesAndCc(layout, &md);
  FindAttachmentList(layout, &md);
  FindReferences(doc.text, &md);
  md.provenance = origins.For(md, cps);
  return md;
}

}  // namespace gongwen::structure::internal
