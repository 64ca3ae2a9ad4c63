// 发文字号 brackets. GB/T 9704-2012 writes the year of a document number in
// 六角括号 〔〕; crawled pages and OCR give [2025], (2025), 【2025】, ［2025］.
// One canonical form lets the 文号 be matched and compared as text. Only
// brackets around a year that is followed by a serial number and 号 are
// touched, so (2025) elsewhere in the text stays as written.
#include <re2/re2.h>

#include "normalize/internal/passes.h"
#include "util/grammar.h"

namespace gongwen::normalize::internal {
namespace {

const RE2& DocNumberRe() {
  static const RE2 re(R"(\p{Han}()" + grammar::YearOpen() + R"()[ ]*(?:19|20)\d{2}[ ]*()" + grammar::YearClose() +
                      ")" + grammar::DocNumberSerial());
  return re;
}

}  // namespace

MappedText CanonicalDocNumberBrackets(const MappedText& in, RepairLog* log) {
  if (in.text.find("号") == std::string::npos) return in;
  TextBuilder b(in);
  re2::StringPiece rest(in.text);
  re2::StringPiece open, close;
  size_t copied = 0;
  bool changed = false;
  while (RE2::FindAndConsume(&rest, DocNumberRe(), &open, &close)) {
    for (const auto& [piece, canonical] : {std::pair{open, grammar::CanonicalYearOpen()}, std::pair{close, grammar::CanonicalYearClose()}}) {
      if (piece == canonical) continue;
      const size_t at = piece.data() - in.text.data();
      b.Copy(copied, at);
      b.Replace(at, at + piece.size(), canonical, RepairKind::kDocNumberBrackets, log);
      copied = at + piece.size();
      changed = true;
    }
  }
  if (!changed) return in;
  b.Copy(copied, in.text.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
