// Shared by the harnesses: the input cap and a byte reader for options.
#ifndef GONGWEN_FUZZ_FUZZ_H_
#define GONGWEN_FUZZ_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gongwen::fuzz {

// Inputs past this are cut: the stages are linear-ish, and small inputs keep
// every harness above 1,000 executions per second under ASan+UBSan.
inline constexpr size_t kMaxInput = 64 * 1024;

inline std::string_view Input(const uint8_t* data, size_t size) {
  if (size > kMaxInput) size = kMaxInput;
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// A choice among n derived from the input's size, so the same bytes are
// tried under every option as the fuzzer grows or trims them, and seeds need
// no option prefix.
inline size_t Pick(std::string_view in, size_t n) { return in.size() % n; }

}  // namespace gongwen::fuzz

#endif  // GONGWEN_FUZZ_FUZZ_H_
