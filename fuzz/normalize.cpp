// normalize: the Normalizer on extracted text (text or Markdown), every
// option combination, checking the output text and its byte map.
#include <memory>

#include "extract/extract.h"
#include "fuzz/check.h"
#include "fuzz/fuzz.h"
#include "fuzz/normalizer.h"
#include "normalize/normalize.h"

using gongwen::fuzz::TheNormalizer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  const size_t pick = gongwen::fuzz::Pick(in, 256);
  gongwen::extract::Options eo;
  eo.path = "fuzz.txt";
  auto ex = gongwen::extract::ExtractText(in, eo, pick & 1);
  if (!ex.ok()) return 0;
  gongwen::normalize::Options no;
  // Mostly every pass on; sometimes one or more off.
  if ((pick >> 1) < 64) {
    no.convert_traditional = pick & 2;
    no.repair_mojibake = pick & 4;
    no.remove_pinyin = pick & 8;
    no.remove_chrome = pick & 16;
    no.remove_spam = pick & 32;
    no.join_lines = pick & 64;
    no.fix_confusions = pick & 128;
  }
  gongwen::Normalized n = TheNormalizer().Run(ex.value(), no);
  gongwen::fuzz::CheckNormalized(n);
  return 0;
}
