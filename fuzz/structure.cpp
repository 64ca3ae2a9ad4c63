// structure: Structure() on the normalized text of the input (text or
// Markdown): metadata, clause tree, amounts, bureaus, tables, PolicyStatus.
#include <memory>

#include "extract/extract.h"
#include "fuzz/check.h"
#include "fuzz/fuzz.h"
#include "fuzz/normalizer.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

using gongwen::fuzz::TheNormalizer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::extract::Options eo;
  eo.path = "fuzz.txt";
  auto ex = gongwen::extract::ExtractText(in, eo, gongwen::fuzz::Pick(in, 2));
  if (!ex.ok()) return 0;
  gongwen::Normalized n = TheNormalizer().Run(ex.value());
  gongwen::structure::Options so;
  so.as_of = "2025-09-05";
  gongwen::Policy p = gongwen::structure::Structure(n, so);
  gongwen::fuzz::CheckPolicy(p);
  return 0;
}
