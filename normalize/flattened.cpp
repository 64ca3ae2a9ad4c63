// A paragraph that lost its line breaks: crawler records store a page's
// text as one string (`…公告如下：一、…（一）…（二）…二、…`), a CMS export
// glues chapters and articles (`第一章总则第一条为…`). Clauses start lines,
// so such a paragraph is split again where a new unit plainly starts:
//   - a clause marker right after a sentence end or a colon (。一、 ：（一）
//     ；1. ）二、) — not mid-sentence, so 一、二、三类 and 第（一）项 stay;
//   - a chapter (第X章/节) that a 第X条 follows within a short title, and
//     that 第X条;
//   - a signature (organisation + date after a sentence end) on its own,
//     and a marker right after a title that ends in a document type;
//   - a parenthesised item number after a heading (建设（一）加强…), but
//     not a reference to one (第（一）项).
// Only long paragraphs with several such places are touched: ordinary
// paragraphs with an inline enumeration keep it.
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "normalize/internal/passes.h"
#include "util/grammar.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

// A flattened page, not a long sentence; a crawl record's field is known to
// have lost its breaks, so shorter ones are cut too.
constexpr int64_t kMinCodePoints = 300;
constexpr int64_t kMinCodePointsInRecord = 80;
constexpr size_t kMinSplits = 3;

// Chinese numerals of a clause number (data/grammar.tsv).
std::string Num() { return grammar::Numeral() + "+"; }

// A marker after a sentence end, a colon or a closing bracket.
const RE2& AfterStopRe() {
  static const RE2 re("[。；;！？!?：:）)〕】]\\s*(" + grammar::AnyMarker() + ")");
  return re;
}

// …负责解释。附件：1.… / …汇总表。附件1拖拉机报废申请表: the attachment
// list and each attachment start lines.
const RE2& AttachmentRe() {
  static const RE2 re("[。；;]\\s*(附件\\s*(?:[:：]|\\d{1,2}(?:[^\\d.．、]|$)))");
  return re;
}

// 第X章 title 第Y条: both start lines. A chapter has a title; a citation
// (《安全生产法》第三章第二十一条、第四章…) has none and follows 》 or 、.
const RE2& ChapterArticleRe() {
  static const RE2 re("(?:^|[^》、和及或第])(第(?:" + Num() + "|\\d{1,3})[章节])\\s*\\p{Han}{1,16}?\\s*(第(?:" + Num() +
                      "|\\d{1,3})条)");
  return re;
}

// 。广安市人民政府办公室2023年11月13日广安市…: the signature on its own.
const RE2& SignatureRe() {
  static const RE2 re("[。；]((?:\\p{Han}{2,30}?" + grammar::OrgEnd() +
                      "\\s*)+)(\\d{4}年\\d{1,2}月\\d{1,2}日)[\\p{Han}（(《]");
  return re;
}

// …若干政策措施一、: a title that ends in a document type, then 一、 or
// （一） (not 第X条: 本办法第二条 is a citation).
const RE2& TitleMarkerRe() {
  static const RE2 re(grammar::DocType() + "(?:[（(]试行[)）])?(" + Num() + "、|[（(]" + Num() + "[)）])");
  return re;
}

// 建设（一）加强…: a parenthesised item number after a heading; not 第（一）项.
const RE2& ParenItemRe() {
  static const RE2 re("\\p{Han}([（(]" + Num() + "[)）])[^项款条目]");
  return re;
}

// QQ空间岚综管办〔2015〕165号平潭…关于印发…的通知区直各单位、…：: a 文号,
// the title after it (to its last document type), then the addressees;
// each starts a line. The 文号's 机关代字 starts after a non-Han character
// or after the share buttons a page puts before it (微信 微博 QQ空间, whose
// spaces are gone by now).
const RE2& NumberTitleRe() {
  static const RE2 re("(?:^|QQ空间|微信|微博|分享|打印|收藏|[^\\p{Han}])(" + grammar::DocNumber() +
                      ")\\s*(\\p{Han}[^。；;：:，,]{4,150}" + grammar::DocType() + ")\\s*[^。；;：:]{2,100}[：:]");
  return re;
}

// Where a rule cuts: before the groups in `before`, after those in `after`.
struct Cuts {
  std::initializer_list<int> before;
  std::initializer_list<int> after = {};
};

// Byte offsets in `s` where `re` cuts, for every match. `groups` is the
// number of its capturing groups.
void Collect(const std::string& s, const RE2& re, int groups, Cuts cuts, std::set<size_t>* at) {
  re2::StringPiece in(s);
  std::vector<re2::StringPiece> g(groups + 1);
  auto offset = [&](const re2::StringPiece& p) { return static_cast<size_t>(p.data() - s.data()); };
  size_t pos = 0;
  while (pos < s.size() && re.Match(in, pos, s.size(), RE2::UNANCHORED, g.data(), groups + 1)) {
    for (int k : cuts.before) {
      if (!g[k].empty()) at->insert(offset(g[k]));
    }
    for (int k : cuts.after) {
      if (!g[k].empty()) at->insert(offset(g[k]) + g[k].size());
    }
    const size_t match = offset(g[0]);
    pos = match + std::max<size_t>(1, g[0].size());
    // Let the next match begin at the last group it found (。一、…。二、
    // chains share the 。 between them), but always after this match's start.
    if (!g[groups].empty()) pos = std::max(match + 1, std::min(pos, offset(g[groups])));
  }
}

std::set<size_t> SplitPoints(const std::string& s) {
  std::set<size_t> at;
  Collect(s, AfterStopRe(), 1, {{1}}, &at);
  Collect(s, ChapterArticleRe(), 2, {{1, 2}}, &at);
  // The organisation starts the signature; its date ends it, the title follows.
  Collect(s, SignatureRe(), 2, {{1}, {2}}, &at);
  Collect(s, TitleMarkerRe(), 1, {{1}}, &at);
  Collect(s, ParenItemRe(), 1, {{1}}, &at);
  Collect(s, NumberTitleRe(), 2, {{1, 2}, {2}}, &at);
  Collect(s, AttachmentRe(), 1, {{1}}, &at);
  at.erase(0);
  return at;
}

Para Slice(const Para& p, size_t b, size_t e) {
  Para out = p;
  out.text.text = p.text.text.substr(b, e - b);
  out.text.src_begin.assign(p.text.src_begin.begin() + b, p.text.src_begin.begin() + e);
  out.text.src_end.assign(p.text.src_end.begin() + b, p.text.src_end.begin() + e);
  return out;
}

}  // namespace

// 第二十七条…可以采取下列措施：（一）进入现场检查；（二）询问有关人员；…: an
// article whose items (项) run inline after its colon, as a law's items
// stand on lines of their own. Only a run that starts at （一）, each item
// after a colon or a semicolon.
std::set<size_t> ArticleItemPoints(const std::string& s) {
  static const RE2 kArticle("^第(?:" + Num() + "|\\d{1,3})条");
  static const RE2 kItem("[：:；;]\\s*([（(]" + Num() + "[)）])");
  std::set<size_t> at;
  if (!RE2::PartialMatch(s, kArticle)) return at;
  Collect(s, kItem, 1, {{1}}, &at);
  static const std::string kFirst = "（一）";
  if (at.size() < 2 || s.compare(*at.begin(), kFirst.size(), kFirst) != 0) at.clear();
  return at;
}

void SplitFlattenedParagraphs(std::vector<Para>* paras, bool from_record, RepairLog* log) {
  const int64_t min_length = from_record ? kMinCodePointsInRecord : kMinCodePoints;
  std::vector<Para> out;
  for (Para& p : *paras) {
    if (p.kind != ParagraphKind::kBody) {
      out.push_back(std::move(p));
      continue;
    }
    std::set<size_t> at;
    if (utf8::CountCodePoints(p.text.text) >= min_length) at = SplitPoints(p.text.text);
    if (at.size() < kMinSplits) at = ArticleItemPoints(p.text.text);
    if (at.empty()) {
      out.push_back(std::move(p));
      continue;
    }
    size_t b = 0;
    for (size_t cut : at) {
      // Spaces before the cut stay with nothing: trim them off both sides.
      size_t e = cut;
      while (e > b && p.text.text[e - 1] == ' ') --e;
      if (e > b) out.push_back(Slice(p, b, e));
      log->Add(RepairKind::kParagraphSplit, p.text.src_begin[cut], p.text.src_begin[cut], "\n");
      b = cut;
    }
    out.push_back(Slice(p, b, p.text.text.size()));
  }
  *paras = std::move(out);
}

}  // namespace gongwen::normalize::internal
