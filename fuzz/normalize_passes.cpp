// Each normalize pass (normalize/internal/passes.h) on its own, on every
// line of the input, then chained as Normalizer::Run chains them, then the
// paragraph-level passes (lost marker dots, line joining, flattened
// paragraphs). Checks that each pass keeps its text UTF-8 and its byte map
// whole. Input that is not UTF-8 is skipped: extract never hands it on.
#include <memory>
#include <string>
#include <vector>

#include <opencc/opencc.h>

#include "fuzz/check.h"
#include "fuzz/fuzz.h"
#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"

namespace {
using gongwen::normalize::internal::MappedText;
using gongwen::normalize::internal::Para;
using gongwen::normalize::internal::RepairLog;
namespace in = gongwen::normalize::internal;

const in::ScriptConverter& Script() {
  static const in::ScriptConverter script(std::make_unique<opencc::SimpleConverter>("t2s.json"));
  return script;
}

void Check(const MappedText& m, uint32_t source_size) {
  if (!gongwen::utf8::IsValid(m.text)) gongwen::fuzz::Fail("pass output is not UTF-8");
  if (m.src_begin.size() != m.text.size() || m.src_end.size() != m.text.size()) {
    gongwen::fuzz::Fail("pass output map is not one entry per byte");
  }
  for (size_t i = 0; i < m.text.size(); ++i) {
    if (m.src_begin[i] > m.src_end[i] || m.src_end[i] > source_size) {
      gongwen::fuzz::Fail("pass output maps outside the source");
    }
  }
}
}  // namespace

// OpenCC and the data load before the first input, so their start-up is
// not counted against it (libFuzzer's -timeout took it for a hang).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Script();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = gongwen::fuzz::Input(data, size);
  if (!gongwen::utf8::IsValid(input)) return 0;
  const uint32_t n = static_cast<uint32_t>(input.size());
  const std::string whole(input);  // DocumentContext keeps a reference
  const in::DocumentContext doc(whole, Script());
  const bool table = gongwen::fuzz::Pick(input, 2);
  std::vector<Para> paras;
  RepairLog log;
  size_t start = 0;
  while (start <= input.size()) {
    size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    MappedText m = MappedText::FromSource(input.substr(start, nl - start), static_cast<uint32_t>(start));
    Check(m, n);
    // Each pass alone on the raw line.
    Check(in::RepairLatin1Mojibake(m, &log), n);
    Check(in::RepairGbkMojibake(m, Script(), doc, &log), n);
    Check(in::FoldWidth(m, &log, table), n);
    Check(in::CanonicalDocNumberBrackets(m, &log), n);
    Check(in::StripMarkdown(m, &log), n);
    Check(in::RemovePinyin(m, &log), n);
    Check(Script().ToSimplified(m, table, &log), n);
    Check(in::RepairConfusions(m, &log), n);
    Check(in::CollapseLayoutSpaces(m, &log), n);
    Check(in::RemoveChromeFragments(m, &log), n);
    in::IsChromeLine(m.text);
    in::IsPageNumberLine(m.text);
    in::IsSpamLine(m.text);
    in::CountPinyinAnnotations(m.text);
    in::FindOcrSuspects(m.text);
    // Chained, in Normalizer::Run's order.
    MappedText c = in::RepairLatin1Mojibake(m, &log);
    c = in::RepairGbkMojibake(c, Script(), doc, &log);
    c = in::FoldWidth(c, &log, table);
    c = in::CanonicalDocNumberBrackets(c, &log);
    c = in::StripMarkdown(c, &log);
    c = in::RemovePinyin(c, &log);
    c = Script().ToSimplified(c, table, &log);
    c = in::RepairConfusions(c, &log);
    c = in::CollapseLayoutSpaces(c, &log);
    c = in::RemoveChromeFragments(c, &log);
    Check(c, n);
    Para p;
    p.text = std::move(c);
    paras.push_back(std::move(p));
    start = nl + 1;
  }
  for (size_t i = 0; i + 1 < paras.size(); ++i) in::EndsMidSentence(paras[i].text.text, paras[i + 1].text.text);
  in::RejoinLostMarkerDots(&paras, &log);
  in::JoinBrokenLines(&paras, &log);
  in::SplitFlattenedParagraphs(&paras, table, &log);
  for (const Para& p : paras) Check(p.text, n);
  return 0;
}
