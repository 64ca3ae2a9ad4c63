// util/sha256.h: SHA-256 against the FIPS 180-4 example vectors, plus the
// message lengths where padding spills into a second block.
#include "util/sha256.h"

#include <doctest/doctest.h>

#include <string>

namespace gongwen {
namespace {

TEST_CASE("Sha256Hex") {
  SUBCASE("FIPS 180-4 vectors") {
    struct Vector {
      std::string input;
      const char* label;
      const char* digest;
    };
    const Vector vectors[] = {
        {"", "empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "448-bit",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {std::string(1000000, 'a'), "1,000,000 x 'a'",
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    };
    for (const Vector& v : vectors) {
      CAPTURE(v.label);
      CHECK(Sha256Hex(v.input) == v.digest);
    }
  }

  SUBCASE("padding boundaries: 55 bytes fit one block, 56 need two") {
    // Reference digests from coreutils sha256sum.
    struct Case {
      size_t length;
      const char* digest;
    };
    const Case cases[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.length);
      CHECK(Sha256Hex(std::string(c.length, 'a')) == c.digest);
    }
  }

  SUBCASE("UTF-8 Chinese text is hashed as its bytes") {
    // printf '连云港' | sha256sum
    CHECK(Sha256Hex("连云港") ==
          "ec9021d68ae3182dd313bbb8643a5433c2a90e04c7e93f6455c518dff95be3a2");
  }

  SUBCASE("NUL and high-bit bytes are hashed, not truncated or sign-extended") {
    // printf 'a\0b' | sha256sum ; printf '\xff\xfe\x00\x80' | sha256sum
    CHECK(Sha256Hex(std::string("a\0b", 3)) ==
          "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138");
    CHECK(Sha256Hex(std::string("\xFF\xFE\x00\x80", 4)) ==
          "5a741968f40e57485ed6e1a1af381adeb2714223c35acedf1ad0670e42df2eb5");
  }
}

}  // namespace
}  // namespace gongwen
