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

void TextBuilder::Replace(size_t b, size_t e, std::string_view repl, const std::string& kind,
                          RepairLog* log) {
  if (b >= e && repl.empty()) return;
  uint32_t sb = b < e ? in_.SourceBegin(b) : (b < in_.size() ? in_.src_begin[b] : 0);
  uint32_t se = b < e ? in_.SourceEnd(b, e) : sb;
  std::string_view old(in_.text.data() + b, e - b);
  if (log != nullptr && !kind.empty()) log->Add(kind, sb, se, std::string(repl));
  // Code point starts of the old text, for a one-to-one map.
  std::vector<size_t> old_starts;
  for (size_t i = 0; i < old.size();) {
    int len;
    utf8::Decode(old, i, &len);
    old_starts.push_back(b + i);
    i += len;
  }
  std::vector<std::pair<size_t, int>> new_cps;
  for (size_t i = 0; i < repl.size();) {
    int len;
    utf8::Decode(repl, i, &len);
    new_cps.emplace_back(i, len);
    i += len;
  }
  const bool one_to_one = new_cps.size() == old_starts.size();
  for (size_t k = 0; k < new_cps.size(); ++k) {
    uint32_t cb = sb, ce = se;
    if (one_to_one) {
      size_t ob = old_starts[k];
      size_t oe = k + 1 < old_starts.size() ? old_starts[k + 1] : e;
      cb = in_.SourceBegin(ob);
      ce = in_.SourceEnd(ob, oe);
    }
    for (int j = 0; j < new_cps[k].second; ++j) {
      out_.text.push_back(repl[new_cps[k].first + j]);
      out_.src_begin.push_back(cb);
      out_.src_end.push_back(ce);
    }
  }
}

void TextBuilder::Insert(std::string_view s, uint32_t at) {
  out_.text.append(s);
  out_.src_begin.insert(out_.src_begin.end(), s.size(), at);
  out_.src_end.insert(out_.src_end.end(), s.size(), at);
}

}  // namespace gongwen::normalize::internal
