// container/warc.cpp: WARC records, plain or gzip, HTTP responses
// (chunked, Content-Encoding), charsets; then Unpack().
#include "container/internal/readers.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::container::internal::ReadWarc(in);
  gongwen::container::Unpack(in, gongwen::fuzz::Pick(in, 2) ? "fuzz.warc.gz" : "fuzz.warc");
  return 0;
}
