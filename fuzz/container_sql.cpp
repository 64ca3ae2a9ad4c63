// container/sql.cpp: INSERT … VALUES in MySQL and PostgreSQL quoting, COPY
// … FROM stdin blocks; then Unpack() giving the columns their roles.
#include "container/internal/readers.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  gongwen::container::internal::ReadSql(in);
  gongwen::container::Unpack(in, "fuzz.sql");
  return 0;
}
