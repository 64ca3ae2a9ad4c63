// extract/html.cpp: libxml2 parse, body by text density, chrome, the
// 政府信息公开 metadata table, data tables (rowspan/colspan), nesting,
// attachment links. Also Extract(), which sniffs HTML inside text.
#include "extract/extract.h"
#include "fuzz/check.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::extract::Options opt;
  opt.path = "fuzz.html";
  if (gongwen::fuzz::Pick(in, 2)) opt.url = "http://www.example.gov.cn/art/2025/9/5/art_1.html";
  auto r = gongwen::extract::ExtractHtml(in, opt);
  if (r.ok()) gongwen::fuzz::CheckExtracted(r.value());
  return 0;
}
