// SQL dumps (placeholder: being written).
#include "container/internal/readers.h"
namespace gongwen::container::internal {
RawRecords ReadSql(std::string_view) { return {}; }
}  // namespace gongwen::container::internal
