// extract/pdf.cpp: Poppler's text boxes to lines, paragraphs, page
// furniture. Poppler itself is not instrumented; this covers gongwen's
// layout code on whatever pages Poppler makes of damaged files.
#include "extract/extract.h"
#include "fuzz/check.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::extract::Options opt;
  opt.path = "fuzz.pdf";
  opt.max_pages = 8;
  auto r = gongwen::extract::ExtractPdf(in, opt);
  if (r.ok()) gongwen::fuzz::CheckExtracted(r.value());
  return 0;
}
