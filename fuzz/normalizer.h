// The one Normalizer a harness process shares (building it loads OpenCC and
// the data files, too slow to repeat per input), built before the first input.
#ifndef GONGWEN_FUZZ_NORMALIZER_H_
#define GONGWEN_FUZZ_NORMALIZER_H_

#include <memory>

#include "fuzz/check.h"
#include "normalize/normalize.h"

namespace gongwen::fuzz {

inline const normalize::Normalizer& TheNormalizer() {
  static std::unique_ptr<normalize::Normalizer> n = [] {
    auto r = normalize::Normalizer::Create();
    if (!r.ok()) Fail("Normalizer::Create failed");
    return std::move(r).value();
  }();
  return *n;
}

}  // namespace gongwen::fuzz

// OpenCC and the data load before the first input, so their start-up is
// not counted against it (libFuzzer's -timeout took it for a hang). Each
// harness binary includes this header from its one source file.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  gongwen::fuzz::TheNormalizer();
  return 0;
}

#endif  // GONGWEN_FUZZ_NORMALIZER_H_
