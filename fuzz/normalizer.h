// The one Normalizer a harness process shares (building it loads OpenCC and
// the data files, too slow to repeat per input).
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

#endif  // GONGWEN_FUZZ_NORMALIZER_H_
