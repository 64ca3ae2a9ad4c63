// Hard line breaks inside a sentence (PDF-to-text, pasted text, some CMS
// editors) split values and clauses: `限申报一\n\n个项目`. A paragraph is
// joined to the next when it stops mid-sentence and the next one does not
// start something new (a clause marker, a date, a heading).
#include <re2/re2.h>

#include "normalize/internal/passes.h"
#include "util/grammar.h"
#include "util/page_labels.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

// 第三条或第四条所列之机构, 第十条第一款至第三款者: a citation of an article
// that a hard line break put at a line start, not an article.
bool StartsWithCitation(const std::string& next) {
  static const RE2 kCitation("^第(?:" + grammar::Numeral() + R"(+|\d{1,3})[条款项章节](?:或|、|和|及|至|到|第|规定|所列|所称|之|的|中)+)");
  return RE2::PartialMatch(next, kCitation);
}

bool StartsNewUnit(const std::string& next) {
  if (StartsWithCitation(next)) return false;
  static const RE2 kMarker("^(?:" + grammar::AnyMarker() +
                            R"(|第(?:\p{Han}{1,4}|\d{1,2})部分|——|[-•·])|^[(（]此件|^(?:附件|抄送|主送|附注)[:：\d])");
  static const RE2 kDateLine(R"(^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{1,8}日\s*(?:印发)?\s*$)");
  return RE2::PartialMatch(next, kMarker) || RE2::PartialMatch(next, kDateLine);
}

// A title or a signature: no sentence punctuation, ends like a document type
// or an organisation. These end without punctuation but are complete.
bool IsTitleOrSignature(const std::string& prev) {
  static const RE2 kComplete("(?:" + grammar::DocType() + "|" + grammar::OrgEnd() + "|日)$");
  for (std::string_view p : {"。", "，", "；", ",", ";"}) {
    if (prev.find(p) != std::string::npos) return false;
  }
  return RE2::PartialMatch(prev, kComplete);
}

// An organisation's name alone (苏州市人民政府办公室, 市科技局).
const RE2& OrganisationRe() {
  static const RE2 re(R"(\p{Han}{2,30})" + grammar::OrgEnd());
  return re;
}

bool IsOpening(char32_t c) {
  return c == U'(' || c == U'（' || c == U'〔' || c == U'［' || c == U'[' || c == U'【' || c == U'《' ||
         c == U'«' || c == U'“';
}

bool IsUnitStart(char32_t c) {
  return c == U'万' || c == U'亿' || c == U'元' || c == U'%' || c == U'个' || c == U'年' ||
         c == U'月' || c == U'日' || c == U'倍';
}

}  // namespace

bool EndsMidSentence(const std::string& prev, const std::string& next) {
  if (prev.empty() || next.empty()) return false;
  // 黔府发〔\n2022〕8号, 行动方案(\n2022—2025年)的通知: a line never ends
  // inside a bracket it opens.
  if (IsOpening(utf8::LastCodePoint(prev))) return true;
  if (utf8::CountCodePoints(prev) < 15) return false;  // short lines: cells, signatures
  if (StartsNewUnit(next)) return false;
  // Lines of the 政府信息公开 table ("文号…主题词" / "内容概述…") are fields.
  if (!labels::SplitLine(next).empty() || !labels::SplitLine(prev).empty()) return false;
  if (IsTitleOrSignature(prev)) return false;
  // The 发文字号 line (with 签发人 beside it in 上行文) stands alone.
  static const RE2 kDocNumberLine(grammar::DocNumber() + "|签发人");
  if (RE2::PartialMatch(prev, kDocNumberLine)) return false;
  // The next line is a signature on its own (an organisation, no sentence):
  // the 附件 list or the body ended before it.
  if (utf8::CountCodePoints(next) <= 30 && IsTitleOrSignature(next) &&
      RE2::FullMatch(next, OrganisationRe())) {
    return false;
  }
  char32_t last = utf8::LastCodePoint(prev);
  char32_t first = utf8::FirstCodePoint(next);
  if (last == U',' || last == U'，' || last == U'、') return true;
  if (utf8::IsAsciiDigit(last)) return IsUnitStart(first);
  // A bare number after a line is a table cell (序号, counts), not a continuation.
  static const RE2 kBareNumber(R"(^[\d.,%]+$)");
  if (RE2::FullMatch(next, kBareNumber)) return false;
  return utf8::IsHan(last) && (utf8::IsHan(first) || utf8::IsAsciiDigit(first));
}

void JoinBrokenLines(std::vector<Para>* paras, RepairLog* log) {
  std::vector<Para> out;
  for (Para& p : *paras) {
    if (!out.empty()) {
      Para& prev = out.back();
      if (prev.kind == ParagraphKind::kBody && p.kind == ParagraphKind::kBody &&
          EndsMidSentence(prev.text.text, p.text.text)) {
        uint32_t gap_begin = prev.text.src_end.back();
        uint32_t gap_end = p.text.src_begin.front();
        log->Add(RepairKind::kLineJoined, gap_begin, gap_end, "");
        MappedText& a = prev.text;
        a.text += p.text.text;
        a.src_begin.insert(a.src_begin.end(), p.text.src_begin.begin(), p.text.src_begin.end());
        a.src_end.insert(a.src_end.end(), p.text.src_end.begin(), p.text.src_end.end());
        continue;
      }
    }
    out.push_back(std::move(p));
  }
  *paras = std::move(out);
}

// A PDF whose font lost the dot of a marker: "２" alone on a line, then
// "U+FFFD 大力培育上市企业…". The number and its text are one line again, the
// unreadable character a dot: "2.大力培育上市企业…".
void RejoinLostMarkerDots(std::vector<Para>* paras, RepairLog* log) {
  static const RE2 kNumber(R"(^\s*\d{1,3}\s*$)");
  static const RE2 kLost("^(\\s*\xEF\xBF\xBD\\s*)");
  std::vector<Para> out;
  for (Para& p : *paras) {
    re2::StringPiece lost;
    if (!out.empty() && out.back().kind == ParagraphKind::kBody && p.kind == ParagraphKind::kBody &&
        RE2::FullMatch(out.back().text.text, kNumber) && RE2::PartialMatch(p.text.text, kLost, &lost)) {
      MappedText& a = out.back().text;
      log->Add(RepairKind::kLineJoined, a.src_end.back(), p.text.src_begin.front(), "");
      TextBuilder b(p.text);
      b.Replace(0, lost.size(), ".", RepairKind::kMarkerDotRestored, log);
      b.Copy(lost.size(), p.text.text.size());
      MappedText rest = b.Finish();
      a.text += rest.text;
      a.src_begin.insert(a.src_begin.end(), rest.src_begin.begin(), rest.src_begin.end());
      a.src_end.insert(a.src_end.end(), rest.src_end.begin(), rest.src_end.end());
      continue;
    }
    out.push_back(std::move(p));
  }
  *paras = std::move(out);
}

}  // namespace gongwen::normalize::internal
