#include "normalize/internal/mapped_text.h"

#include <algorithm>

#include "util/utf8.h"

namespace gongwen::normalize::internal {

MappedText MappedText::FromSource(std::string_view source, uint32_t offset) {
  MappedText m;
  m.text = std::string(source);
  m.src_begin.resize(source.size());
  m.src_end.resize(source.size());
  for (size_t i = 0; i < source.size();) {
    int len;
    utf8::Decode(source, i, &len);
    for (int k = 0; k < len; ++k) {
      m.src_begin[i + k] = offset + static_cast<uint32_t>(i);
      m.src_end[i + k] = offset + static_cast<uint32_t>(i + len);
    }
    i += len;
  }
  return m;
}

uint32_t MappedText::SourceEnd(size_t b, size_t e) const {
  uint32_t end = src_begin[b];
  for (size_t i = b; i < e; ++i) end = std::max(end, src_end[i]);
  return end;
}

void TextBuilder::Copy(size_t b, size_t e) {
  out_.text.append(in_.text, b, e - b);
  out_.src_begin.insert(out_.src_begin.end(), in_.src_begin.begin() + b, in_.src_begin.begin() + e);
  out_.src_end.insert(out_.src_end.end(), in_.src_end.begin() + b, in_.src_end.begin() + e);
}

void TextBuilder::Replace(size_t b, size_t e, std::string_view repl, std::optional<RepairKind> kind,
                          RepairLog* log) {
  if (b >= e && repl.empty()) return;
  uint32_t sb = b < e ? in_.SourceBegin(b) : (b < in_.size() ? in_.src_begin[b] : 0);
  uint32_t se = b < e ? in_.SourceEnd(b, e) : sb;
  std::string_view old(in_.text.data() + b, e - b);
  if (log != nullptr && kind) log->Add(*kind, sb, se, std::string(repl));
  const int64_t old_cps = utf8::CountCodePoints(old);
  const int64_t new_cps = utf8::CountCodePoints(repl);
  if (new_cps != old_cps) {
    // The whole replacement maps to the whole replaced range.
    out_.text.append(repl);
    out_.src_begin.insert(out_.src_begin.end(), repl.size(), sb);
    out_.src_end.insert(out_.src_end.end(), repl.size(), se);
    return;
  }
  // One to one: each new code point keeps the source of the old one.
  size_t oi = 0;
  for (size_t ni = 0; ni < repl.size();) {
    int olen, nlen;
    utf8::Decode(old, oi, &olen);
    utf8::Decode(repl, ni, &nlen);
    const size_t ob = b + oi, oe = b + oi + olen;
    const uint32_t cb = in_.SourceBegin(ob), ce = in_.SourceEnd(ob, oe);
    out_.text.append(repl.substr(ni, nlen));
    out_.src_begin.insert(out_.src_begin.end(), nlen, cb);
    out_.src_end.insert(out_.src_end.end(), nlen, ce);
    oi += olen;
    ni += nlen;
  }
}

void TextBuilder::Insert(std::string_view s, uint32_t at) {
  out_.text.append(s);
  out_.src_begin.insert(out_.src_begin.end(), s.size(), at);
  out_.src_end.insert(out_.src_end.end(), s.size(), at);
}

}  // namespace gongwen::normalize::internal
