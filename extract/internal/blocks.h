// Building Extracted: every extractor appends blocks the same way.
#ifndef GONGWEN_EXTRACT_INTERNAL_BLOCKS_H_
#define GONGWEN_EXTRACT_INTERNAL_BLOCKS_H_

#include <string_view>

#include "model/model.h"

namespace gongwen::extract::internal {

// Appends `text` (as given: callers trim, table rows keep edge tabs) as a new
// block of `kind`, separated from the previous one by '\n', and returns it
// so the caller can set its page, line or table fields.
inline Block& AppendBlock(Extracted* ex, std::string_view text, BlockKind kind) {
  if (!ex->text.empty()) ex->text.push_back('\n');
  Block b;
  b.kind = kind;
  b.begin = static_cast<int64_t>(ex->text.size());
  ex->text.append(text);
  b.end = static_cast<int64_t>(ex->text.size());
  b.source_begin = b.begin;
  ex->blocks.push_back(b);
  return ex->blocks.back();
}

}  // namespace gongwen::extract::internal

#endif  // GONGWEN_EXTRACT_INTERNAL_BLOCKS_H_
