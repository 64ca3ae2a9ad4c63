// Reading a gongwen/1 record that may be shaped otherwise (edited by hand,
// from another version): members by reference, or null; never a throw.
#ifndef GONGWEN_AUDIT_RECORD_H_
#define GONGWEN_AUDIT_RECORD_H_

#include <nlohmann/json.hpp>

#include <string>

namespace gongwen::audit {

// The member `key` of `j`, or null. A reference into `j` (json::value()
// returns a copy, and pointers into a copy dangle).
inline const nlohmann::json& At(const nlohmann::json& j, const char* key) {
  static const nlohmann::json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

// A string as it is, another value as JSON, null as "".
inline std::string Str(const nlohmann::json& j) {
  return j.is_string() ? j.get<std::string>() : j.is_null() ? "" : j.dump();
}

}  // namespace gongwen::audit

#endif  // GONGWEN_AUDIT_RECORD_H_
