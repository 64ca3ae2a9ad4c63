// The labels of the 政府信息公开 table (data/page_labels.tsv), shared by
// extract (HTML tables and lists) and structure (the table flattened into
// text lines, as in seed 000).
#ifndef GONGWEN_UTIL_PAGE_LABELS_H_
#define GONGWEN_UTIL_PAGE_LABELS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace gongwen::labels {

// The field a label fills ("发布机构" -> "publisher"); "" when it is no label.
// Spaces and a trailing colon are ignored ("索 引 号：").
std::string FieldOf(std::string_view label);

// Splits a table line into label/value pairs: "发布机构市政府办发文日期2025-09-05",
// "索引号：k12498411/2025-00108". Empty unless the line starts with a label.
// Labels are returned without spaces or colon; values trimmed.
std::vector<PageField> SplitLine(std::string_view line);

}  // namespace gongwen::labels

#endif  // GONGWEN_UTIL_PAGE_LABELS_H_
