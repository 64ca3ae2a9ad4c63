// URL resolution for attachment links (RFC 3986 §5.2, enough for the
// absolute, root-relative, protocol-relative and relative hrefs pages use).
#ifndef GONGWEN_EXTRACT_INTERNAL_URL_H_
#define GONGWEN_EXTRACT_INTERNAL_URL_H_

#include <string>

namespace gongwen::extract::internal {

std::string ResolveUrl(const std::string& base, const std::string& href);

// The scheme of `url` in lower case ("http", "file", "javascript"), or ""
// when it has none (relative, root-relative or protocol-relative). Tabs and
// line breaks inside it are ignored, as browsers ignore them ("java\tscript:").
std::string UrlScheme(const std::string& url);

// True for the links a document may point to: http, https, or no scheme.
bool IsWebUrl(const std::string& url);

}  // namespace gongwen::extract::internal

#endif  // GONGWEN_EXTRACT_INTERNAL_URL_H_
