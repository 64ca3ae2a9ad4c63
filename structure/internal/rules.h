// Rule families of the structure stage, one file each. All functions are
// pure; byte offsets are into the normalized text unless stated.
#ifndef GONGWEN_STRUCTURE_INTERNAL_RULES_H_
#define GONGWEN_STRUCTURE_INTERNAL_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "util/utf8.h"

namespace gongwen::structure::internal {

// ---- numerals.cpp ----
// 一百二十, 壹佰, 两千五百万, 〇 (digits read one by one only when no unit
// appears, as in years: 二〇二五 -> 2025).
std::optional<int64_t> ParseChineseNumber(std::string_view s);
// "1,500" / "1.5" / "0.25" scaled by 10^scale exactly (no floating point);
// nullopt when the result needs more precision than `scale` digits.
std::optional<int64_t> ParseDecimalScaled(std::string_view s, int scale);

// ---- dates.cpp ----
struct Date {
  int year = 0, month = 0, day = 0;
  std::string Iso() const;  // YYYY-MM-DD
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};
bool IsValidDate(int y, int m, int d);
// The first date in s: 2025年9月5日, 2025-09-05, 2025.9.5, 2025/9/5, 二〇二五年九月五日.
// `end` receives the byte offset after the date.
std::optional<Date> FindDate(std::string_view s, size_t* begin = nullptr, size_t* end = nullptr);
// The whole of s is a date (allowing surrounding spaces).
std::optional<Date> ParseDateLine(std::string_view s);
// A date with lost separators, as in seed 000's "202595": every reading.
std::vector<Date> MangledDateReadings(std::string_view digits);
// A date line with a marker typed wrong: 2026月3月26日 (年 typed as 月).
std::optional<Date> MistypedDate(std::string_view line);
Date AddYearsMinusOneDay(const Date& d, int years);

// ---- amounts.cpp ----
// Money, percentages and ratios in text[begin, end). Spans in code points.
std::vector<Amount> FindAmounts(const std::string& text, size_t begin, size_t end,
                                const utf8::CodePointIndex& cps);

// ---- bureaus.cpp ----
// Splits an attribution list into unit names, keeping compounds such as
// 各县、区人民政府 and 海州区政府(高新区管委会) whole. Offsets are relative to `list`.
struct NamePiece {
  std::string name;
  size_t begin = 0;
  size_t end = 0;
  std::optional<BureauDuty> duty;  // from a 牵头/配合 after the name
};
std::vector<NamePiece> SplitBureauList(std::string_view list);
bool LooksLikeOrganisation(std::string_view name);
// The canonical name of a bureau (data/bureaus.tsv), its place or level
// prefix kept: 市资源局 -> 市自然资源和规划局; nullopt when the kind is unknown.
std::optional<std::string> CanonicalBureau(std::string_view name);
// Bureaus named in the running text of text[begin, end) (由市工信局会同市财政局
// 组织…) that the attribution list does not already hold: role "mentioned".
// Only level-prefixed names of known kinds (市X局, 县X委, 省X厅) are taken.
void AddMentions(const std::string& text, size_t begin, size_t end, const utf8::CodePointIndex& cps,
                 std::vector<BureauRef>* refs);
// The trailing attribution of a clause text ending at `end`:
// (市科技局、市财政局) / 〔…〕 / (责任单位:…). Empty when there is none.
std::vector<BureauRef> FindAttribution(const std::string& text, size_t begin, size_t end,
                                       const utf8::CodePointIndex& cps);
// Every attribution in a clause's own text [begin, end): the trailing one and
// those that close a paragraph or a sentence inside it, in order.
std::vector<BureauRef> FindAttributions(const std::string& text, size_t begin, size_t end,
                                        const utf8::CodePointIndex& cps);

// ---- clauses.cpp ----
struct ClauseMarker {
  ClauseStyle style = ClauseStyle::kChineseDun;
  std::string text;   // the marker as written: 一、 (一) 1. (1) ① 第二章
  int ordinal = 0;
};
// The clause marker at the start of a paragraph, if any.
std::optional<ClauseMarker> MatchClauseMarker(std::string_view paragraph);
// The heading of a clause whose first paragraph (after the marker) is `rest`.
// A paragraph that is one sentence ("企业注册满一年。") is body text unless the
// clause has children (`has_children`), where it is the heading of a list.
std::optional<std::string> ClauseHeading(std::string_view rest, bool has_children = false);
// A paragraph that starts the closing part of a document (施行 dates, 本办法由…
// 负责解释, signature, 抄送, 附件 lists).
bool IsClosingParagraph(std::string_view paragraph);
std::vector<Clause> FindClauses(const Normalized& doc, const utf8::CodePointIndex& cps,
                                std::vector<Warning>* warnings);
// ---- parts.cpp ----
// Drops the clauses of a part that is a blank form (most items are labels
// ending in a colon) or that repeats an earlier part word for word; warns
// form_part / repeated_part.
void DropFormsAndRepeats(const std::string& text, const utf8::CodePointIndex& cps, std::vector<Clause>* clauses,
                         std::vector<Warning>* warnings);

// ---- tables.cpp ----
// tables[] from the table rows of the text (cells separated by '\t').
std::vector<Table> BuildTables(const Normalized& doc, const utf8::CodePointIndex& cps);

// ---- metadata.cpp ----
Metadata FindMetadata(const Normalized& doc, std::vector<Warning>* warnings,
                      const utf8::CodePointIndex& cps);
// Titles without site decorations: "…政策(附招商电话)" -> "…政策".
std::string StripTitleDecoration(std::string_view title);

}  // namespace gongwen::structure::internal

#endif  // GONGWEN_STRUCTURE_INTERNAL_RULES_H_
