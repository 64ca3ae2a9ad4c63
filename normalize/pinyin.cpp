// Pinyin glued after characters by some sites' "注音" widgets: 業(yè).
// Removed only when a document shows the pattern densely (the caller
// decides with CountPinyinAnnotations), so a real gloss such as 拼音(pīnyīn)
// in a clean document is kept.
#include <re2/re2.h>

#include "normalize/internal/passes.h"

namespace gongwen::normalize::internal {
namespace {

// A Han character, then a parenthesised syllable with a tone mark. Both ASCII
// and full-width parentheses occur.
const RE2& AnnotationRe() {
  static const RE2 re(
      R"(\p{Han}((?:\(|（)[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*(?:\)|）)))");
  return re;
}

}  // namespace

int CountPinyinAnnotations(const std::string& text) {
  re2::StringPiece in(text);
  re2::StringPiece m;
  int n = 0;
  while (RE2::FindAndConsume(&in, AnnotationRe(), &m)) ++n;
  return n;
}

MappedText RemovePinyin(const MappedText& in, RepairLog* log) {
  TextBuilder b(in);
  re2::StringPiece rest(in.text);
  re2::StringPiece m;
  size_t pos = 0;
  while (RE2::FindAndConsume(&rest, AnnotationRe(), &m)) {
    size_t at = m.data() - in.text.data();
    b.Copy(pos, at);
    b.Remove(at, at + m.size(), RepairKind::kPinyinAnnotation, log);
    pos = at + m.size();
  }
  b.Copy(pos, in.text.size());
  return b.Finish();
}

}  // namespace gongwen::normalize::internal
