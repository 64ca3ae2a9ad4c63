// Helpers shared by the container reader tests.
#ifndef GONGWEN_TESTS_CONTAINER_RECORDS_SUPPORT_H_
#define GONGWEN_TESTS_CONTAINER_RECORDS_SUPPORT_H_

#include <doctest/doctest.h>

#include <string>

#include "container/internal/readers.h"

namespace gongwen::testing {

// The value of a record's field, or "<missing>".
inline std::string Field(const container::internal::RawRecord& r, const std::string& name) {
  for (const auto& f : r.fields) {
    if (f.name == name) return f.value;
  }
  return "<missing>";
}

// Where `needle` is in a fixture; fails the test when it is not there.
inline int64_t Offset(const std::string& in, const std::string& needle) {
  const size_t at = in.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks ", needle);
  return static_cast<int64_t>(at);
}

}  // namespace gongwen::testing

#endif  // GONGWEN_TESTS_CONTAINER_RECORDS_SUPPORT_H_
