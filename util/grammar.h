// The grammar of 公文 shared by extract, normalize and structure: document
// types, organisation endings, clause markers and 文号 shapes, read once
// from data/grammar.tsv. Stages add the context they need around these
// fragments; none keeps its own list.
#ifndef GONGWEN_UTIL_GRAMMAR_H_
#define GONGWEN_UTIL_GRAMMAR_H_

#include <string>
#include <vector>

namespace gongwen::grammar {

// RE2 fragments, each one non-capturing group, longest alternative first.
const std::string& DocType();     // (?:通知|办法|…)
const std::string& OrgEnd();      // (?:人民政府办公室|人民政府|局|…)
// The endings after which a joint signature may name its next maker.
const std::string& OrgCutEnd();   // (?:局|部|…)
// The endings of any unit an attribution names (局, 公司, 支队 …).
const std::string& UnitEnd();
const std::string& Numeral();     // [一二三…]: one Chinese numeral character

// A clause marker at the start of a line: its style (chapter, article,
// chinese_dun, arabic_dot, …) and an RE2 pattern, anchored, whose group 1 is
// the number.
struct MarkerShape {
  std::string style;
  std::string pattern;
};
const std::vector<MarkerShape>& Markers();
// Any clause marker, unanchored and without capturing groups.
const std::string& AnyMarker();

// A 发文字号 in the canonical 〔〕 (连政办规〔2025〕5号), spaces allowed
// inside as PDFs leave them; no capturing groups.
const std::string& DocNumber();
// The same in any of the brackets crawled pages use ([2025], 【2025】, …).
const std::string& DocNumberAnyBrackets();
// The serial part after a 文号's year: 5号, 第 12 号.
const std::string& DocNumberSerial();
// A 令's number after its maker: 令第735号, 令（第 481 号）.
const std::string& DecreeNumber();
// The bracket classes of a 文号's year: [〔[［【(（〈｛{] and its closers.
const std::string& YearOpen();
const std::string& YearClose();
// Whether a character opens or closes a 文号's year.
bool IsYearOpen(char32_t c);
bool IsYearClose(char32_t c);
// The canonical pair, 〔 and 〕.
const std::string& CanonicalYearOpen();
const std::string& CanonicalYearClose();

}  // namespace gongwen::grammar

#endif  // GONGWEN_UTIL_GRAMMAR_H_
