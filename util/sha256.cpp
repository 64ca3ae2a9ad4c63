// Through OpenSSL's libcrypto (EVP), which libpq links already: its SHA-256
// uses the CPU's SHA extensions where there are some.
#include "util/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace gongwen {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("libcrypto: SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * size, '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace gongwen
