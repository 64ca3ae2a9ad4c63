// YAML front matter: pages and Markdown of static-site collections (Jekyll,
// Hugo) open with a `---` block of `key: value` lines (layout, title, date)
// that is not the document's text but says things about it.
#ifndef GONGWEN_EXTRACT_INTERNAL_FRONT_MATTER_H_
#define GONGWEN_EXTRACT_INTERNAL_FRONT_MATTER_H_

#include <string_view>
#include <vector>

#include "model/model.h"

namespace gongwen::extract::internal {

struct FrontMatter {
  size_t length = 0;                // bytes of the block, closing line included; 0: none
  std::vector<StatedValue> stated;  // title, published_date (from date)
};

// The front matter at the start of `bytes`: `---` on the first line, then
// `key: value` lines, then `---` (or `...`), within the first 8 KiB.
FrontMatter SplitFrontMatter(std::string_view bytes);

}  // namespace gongwen::extract::internal

#endif  // GONGWEN_EXTRACT_INTERNAL_FRONT_MATTER_H_
