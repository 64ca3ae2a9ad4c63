// container/delimited.cpp: CSV (RFC 4180 quoting) and TSV (mysql -B / COPY
// escapes) with a header row; then Unpack() giving the columns their roles.
#include "container/internal/readers.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::container::internal::ReadDelimited(in, ',');
  gongwen::container::internal::ReadDelimited(in, '\t');
  gongwen::container::Unpack(in, gongwen::fuzz::Pick(in, 2) ? "fuzz.tsv" : "fuzz.csv");
  return 0;
}
