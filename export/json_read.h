// export/json_read: a gongwen/1 JSON line back into a Policy — the inverse
// of ToJsonLine, for `gongwen load`, which writes mapped output into the
// policy database as `gongwen run` would have.
//
// Exact: ToJsonLine(PolicyFromJsonLine(line)) is `line` again for every line
// ToJsonLine writes (tested on every sample). source.path comes back as the
// bytes it was written from (\xHH undone). A line that is not JSON, not
// gongwen/1, or shaped otherwise is an Error (kDecode) saying where.
#ifndef GONGWEN_EXPORT_JSON_READ_H_
#define GONGWEN_EXPORT_JSON_READ_H_

#include <string_view>

#include "model/model.h"
#include "model/result.h"

namespace gongwen::output {

Result<Policy> PolicyFromJsonLine(std::string_view line);

}  // namespace gongwen::output

#endif  // GONGWEN_EXPORT_JSON_READ_H_
