// URL resolution for attachment links (RFC 3986 §5.2, enough for the
// absolute, root-relative, protocol-relative and relative hrefs pages use).
#ifndef GONGWEN_EXTRACT_INTERNAL_URL_H_
#define GONGWEN_EXTRACT_INTERNAL_URL_H_

#include <string>

namespace gongwen::extract::internal {

std::string ResolveUrl(const std::string& base, const std::string& href);

}  // namespace gongwen::extract::internal

#endif  // GONGWEN_EXTRACT_INTERNAL_URL_H_
