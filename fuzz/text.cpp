// extract/text.cpp and front_matter.cpp: plain text and Markdown (headings,
// list items, front matter), and Extract()'s sniffing of what a text is.
#include "extract/extract.h"
#include "fuzz/check.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::extract::Options opt;
  opt.path = "fuzz.txt";
  for (bool markdown : {false, true}) {
    auto r = gongwen::extract::ExtractText(in, opt, markdown);
    if (r.ok()) gongwen::fuzz::CheckExtracted(r.value());
  }
  // Extract() sniffs (text holding markup goes to HTML, its escapes undone).
  opt.path = gongwen::fuzz::Pick(in, 2) ? "fuzz.md" : "fuzz.txt";
  auto r = gongwen::extract::Extract(in, opt);
  if (r.ok()) gongwen::fuzz::CheckExtracted(r.value());
  return 0;
}
