// WARC (placeholder: being written).
#include "container/internal/readers.h"
namespace gongwen::container::internal {
RawRecords ReadWarc(std::string_view) { return {}; }
}  // namespace gongwen::container::internal
