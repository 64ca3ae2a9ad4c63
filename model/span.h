// Spans with their unit in the type. Offsets into UTF-8 text come in two
// units: bytes (what std::string, RE2 and the stages' own structs use) and
// Unicode code points (what the output contract gongwen/1 uses, design.md
// §2). A ByteSpan and a CodePointSpan do not convert into each other, so
// the compiler catches a byte offset stored where a code point is meant;
// utf8::CodePointIndex converts between them for one string.
#ifndef GONGWEN_MODEL_SPAN_H_
#define GONGWEN_MODEL_SPAN_H_

#include <cstdint>

namespace gongwen {

struct ByteUnit {};
struct CodePointUnit {};

// [begin, end) in Unit of some text, named at each use.
template <typename Unit>
struct SpanOf {
  int64_t begin = 0;
  int64_t end = 0;
  bool operator==(const SpanOf& o) const { return begin == o.begin && end == o.end; }
  bool operator!=(const SpanOf& o) const { return !(*this == o); }
};

using ByteSpan = SpanOf<ByteUnit>;
using CodePointSpan = SpanOf<CodePointUnit>;

}  // namespace gongwen

#endif  // GONGWEN_MODEL_SPAN_H_
