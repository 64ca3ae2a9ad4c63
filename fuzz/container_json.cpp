// container/json.cpp: JSON values, arrays of records, concatenated values
// ([…][…]), JSON Lines; then Unpack() giving the values their roles.
#include "container/internal/readers.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::container::internal::ReadJson(in, false);
  gongwen::container::internal::ReadJson(in, true);
  gongwen::container::Unpack(in, gongwen::fuzz::Pick(in, 2) ? "fuzz.jsonl" : "fuzz.json");
  return 0;
}
