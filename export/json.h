// export/json: Policy -> a gongwen/1 JSON document (design.md §2,
// schema/gongwen.schema.json).
//
// Deterministic: keys in a fixed order, no timestamps, numbers printed the
// same way on every run, so the same input gives byte-identical output.
// Written as it goes (no JSON tree): the bytes nlohmann's dump() gives for
// the same values; nlohmann is for reading (json_read.h).
// Money values are yuan, printed as integers when whole.
#ifndef GONGWEN_EXPORT_JSON_H_
#define GONGWEN_EXPORT_JSON_H_

#include <string>
#include <string_view>

#include "model/model.h"
#include "model/result.h"

namespace gongwen::output {

inline constexpr char kSchemaId[] = "gongwen/1";

// One line, no trailing newline: for JSON Lines.
std::string ToJsonLine(const Policy& policy);
// Indented with two spaces, trailing newline: for docs/<id>.json and stdout.
std::string ToJsonPretty(const Policy& policy);

// ToJsonLine's output re-indented, without parsing it: the same bytes as
// ToJsonPretty of the policy the line was made from (a stored record,
// written out again).
std::string PrettyFromLine(std::string_view line);

// One line of errors.jsonl (no trailing newline): an input a run failed on,
// {"path", "code" (ErrorCodeName), "byte" (or null), "page" (or null),
// "message"}. `path` is the file, or FILE#KEY for a record of a container,
// as the database stores it (db::StoredPath).
std::string ErrorJsonLine(const std::string& path, const Error& error);

}  // namespace gongwen::output

#endif  // GONGWEN_EXPORT_JSON_H_
