// SHA-256 (FIPS 180-4), used for source fingerprints and stable ids.
#ifndef GONGWEN_UTIL_SHA256_H_
#define GONGWEN_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace gongwen {

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace gongwen

#endif  // GONGWEN_UTIL_SHA256_H_
