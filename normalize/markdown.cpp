// Markdown markup: heading hashes, list bullets and emphasis are markup, not
// policy text.
#include <re2/re2.h>

#include "normalize/internal/passes.h"

namespace gongwen::normalize::internal {

MappedText StripMarkdown(const MappedText& in, RepairLog* log) {
  static const RE2 kLead(R"(^(\s*(?:#{1,6}|[-*+])\s+))");
  static const RE2 kEmphasis(R"((\*\*|__))");
  TextBuilder b(in);
  re2::StringPiece input(in.text);
  re2::StringPiece lead;
  size_t pos = 0;
  if (RE2::PartialMatch(input, kLead, &lead)) {
    b.Remove(0, lead.size(), RepairKind::kMarkdownMarkup, log);
    pos = lead.size();
  }
  re2::StringPiece rest(in.text.data() + pos, in.text.size() - pos);
  re2::StringPiece m;
  while (RE2::FindAndConsume(&rest, kEmphasis, &m)) {
    size_t at = m.data() - in.text.data();
    b.Copy(pos, at);
    b.Remove(at, at + m.size(), RepairKind::kMarkdownMarkup, log);
    pos = at + m.size();
  }
  b.Copy(pos, in.text.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
