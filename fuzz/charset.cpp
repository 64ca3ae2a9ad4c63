// extract/charset.cpp: BOM, declared charset, UTF-8 validation, ICU detection
// and decoding. Checks that the text out is valid UTF-8.
#include <cstdlib>
#include <optional>
#include <string>

#include "extract/extract.h"
#include "fuzz/fuzz.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  static const char* const kDeclared[] = {nullptr, "gbk", "gb2312", "gb18030", "big5",
                                          "utf-8", "utf-16le", "utf-16be", "latin1", ""};
  const char* declared = kDeclared[gongwen::fuzz::Pick(in, std::size(kDeclared))];
  auto r = gongwen::extract::DecodeText(
      in, declared ? std::optional<std::string>(declared) : std::nullopt);
  if (r.ok() && !gongwen::utf8::IsValid(r.value().text)) std::abort();
  return 0;
}
