// Traditional -> simplified with OpenCC's phrase-level t2s, applied only to
// paragraphs that are traditional: t2s over simplified text corrupts it
// (乾安县 -> 干安县), so a paragraph with a lone convertible character is
// left alone unless the whole document is traditional.
#include <opencc/opencc.h>

#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {

ScriptConverter::ScriptConverter(std::unique_ptr<opencc::SimpleConverter> t2s)
    : t2s_(std::move(t2s)) {}
ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::Convert(const std::string& text) const {
  return t2s_->Convert(text);
}

int ScriptConverter::CountTraditional(const std::string& text) const {
  std::u32string a = utf8::ToU32(text);
  std::u32string b = utf8::ToU32(Convert(text));
  if (a.size() != b.size()) return static_cast<int>(std::max(a.size(), b.size()));
  int n = 0;
  for (size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
  return n;
}

MappedText ScriptConverter::ToSimplified(const MappedText& in, bool document_is_traditional,
                                         RepairLog* log) const {
  std::string converted = Convert(in.text);
  if (converted == in.text) return in;
  std::u32string a = utf8::ToU32(in.text);
  std::u32string b = utf8::ToU32(converted);
  TextBuilder out(in);
  if (a.size() != b.size()) {
    // A phrase changed length; map the paragraph as one replacement.
    out.Replace(0, in.text.size(), converted, "traditional_to_simplified", log);
    return out.Finish();
  }
  int changed = 0;
  for (size_t i = 0; i < a.size(); ++i) changed += a[i] != b[i];
  if (changed < 2 && !document_is_traditional) return in;
  // Replace each run of changed code points, so repairs stay readable.
  size_t byte = 0, copied = 0;
  size_t i = 0;
  while (i < a.size()) {
    if (a[i] == b[i]) {
      byte += utf8::Encode(a[i]).size();
      ++i;
      continue;
    }
    size_t run_start = byte;
    std::string repl;
    while (i < a.size() && a[i] != b[i]) {
      byte += utf8::Encode(a[i]).size();
      utf8::Append(&repl, b[i]);
      ++i;
    }
    out.Copy(copied, run_start);
    out.Replace(run_start, byte, repl, "traditional_to_simplified", log);
    copied = byte;
  }
  out.Copy(copied, in.text.size());
  return out.Finish();
}

}  // namespace gongwen::normalize::internal
