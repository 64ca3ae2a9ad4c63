// The structure parsers one by one (structure/internal/rules.h): numerals,
// decimals, dates (found, whole-line, mangled, mistyped), amounts, bureau
// lists and attributions, clause markers and headings, closing paragraphs,
// title decorations. Input that is not UTF-8 is skipped: normalize never
// hands it on. Amount and bureau spans must lie inside the text.
#include <string>
#include <vector>

#include "fuzz/check.h"
#include "fuzz/fuzz.h"
#include "structure/internal/rules.h"

namespace in = gongwen::structure::internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = gongwen::fuzz::Input(data, size);
  if (!gongwen::utf8::IsValid(input)) return 0;
  const std::string text(input);
  const gongwen::utf8::CodePointIndex cps(text);
  const int64_t ncp = gongwen::utf8::CountCodePoints(text);

  in::ParseChineseNumber(input);
  for (int scale : {0, 2, 4}) in::ParseDecimalScaled(input, scale);
  size_t b = 0, e = 0;
  if (auto d = in::FindDate(input, &b, &e)) {
    if (b > e || e > input.size()) gongwen::fuzz::Fail("FindDate offsets outside the text");
    if (in::IsValidDate(d->year, d->month, d->day)) in::AddYearsMinusOneDay(*d, 1 + d->day % 10).Iso();
  }
  in::ParseDateLine(input);
  if (input.size() <= 16) in::MangledDateReadings(input);
  in::MistypedDate(input);

  for (const gongwen::Amount& a : in::FindAmounts(text, 0, text.size(), cps)) {
    if (a.span.begin < 0 || a.span.begin > a.span.end || a.span.end > ncp) {
      gongwen::fuzz::Fail("amount span outside the text");
    }
  }
  for (const in::NamePiece& p : in::SplitBureauList(input)) {
    if (p.begin > p.end || p.end > input.size()) gongwen::fuzz::Fail("NamePiece outside the list");
    in::LooksLikeOrganisation(p.name);
    in::CanonicalBureau(p.name);
  }
  std::vector<gongwen::BureauRef> refs = in::FindAttributions(text, 0, text.size(), cps);
  in::FindAttribution(text, 0, text.size(), cps);
  in::AddMentions(text, 0, text.size(), cps, &refs);
  for (const gongwen::BureauRef& r : refs) {
    if (r.span.begin < 0 || r.span.begin > r.span.end || r.span.end > ncp) {
      gongwen::fuzz::Fail("bureau span outside the text");
    }
  }
  if (auto m = in::MatchClauseMarker(input)) {
    if (m->text.size() <= input.size()) {
      in::ClauseHeading(input.substr(m->text.size()), false);
      in::ClauseHeading(input.substr(m->text.size()), true);
    }
  }
  in::ClauseHeading(input, gongwen::fuzz::Pick(input, 2));
  in::IsClosingParagraph(input);
  in::StripTitleDecoration(input);
  return 0;
}
