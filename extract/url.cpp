#include <cctype>
#include <vector>

#include "extract/internal/url.h"

namespace gongwen::extract::internal {
namespace {

// Removes "." and ".." segments of an absolute path (RFC 3986 §5.2.4); a
// path ending in "." or ".." names a directory and keeps its trailing slash.
std::string RemoveDotSegments(const std::string& path) {
  std::vector<std::string> out;
  bool directory = false;
  size_t pos = path.empty() || path[0] != '/' ? 0 : 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(pos, slash - pos);
    directory = seg == "." || seg == "..";
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
    } else if (seg != ".") {
      out.push_back(seg);  // "" last: the path ends with '/'
    }
    pos = slash + 1;
  }
  std::string r;
  for (const std::string& seg : out) r += "/" + seg;
  if (directory || r.empty()) r += "/";
  return r;
}

bool IsSchemeChar(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return alpha || (!first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
}

}  // namespace

std::string UrlScheme(const std::string& url) {
  std::string scheme;
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= ' ') ++i;  // leading C0, space
  for (; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') return scheme;
    if (!IsSchemeChar(c, scheme.empty())) return "";
    scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return "";
}

bool IsWebUrl(const std::string& url) {
  const std::string scheme = UrlScheme(url);
  return scheme.empty() || scheme == "http" || scheme == "https";
}

std::string ResolveUrl(const std::string& base, const std::string& href) {
  size_t colon = href.find(':');
  size_t first_sep = href.find_first_of("/?#");
  if (colon != std::string::npos && (first_sep == std::string::npos || colon < first_sep)) {
    return href;  // already absolute (http:, https:, ftp:, javascript: …)
  }
  size_t scheme_end = base.find("://");
  if (scheme_end == std::string::npos) return href;
  std::string scheme = base.substr(0, scheme_end);
  size_t host_end = base.find_first_of("/?#", scheme_end + 3);
  std::string origin = base.substr(0, host_end);
  if (href.rfind("//", 0) == 0) return scheme + ":" + href;
  if (!href.empty() && href[0] == '/') return origin + RemoveDotSegments(href);
  std::string base_path = host_end == std::string::npos ? "/" : base.substr(host_end);
  std::string without_fragment = base.substr(0, base.find('#'));
  if (href.empty()) return without_fragment;
  if (href[0] == '#') return without_fragment + href;
  size_t q = base_path.find_first_of("?#");
  if (q != std::string::npos) base_path = base_path.substr(0, q);
  if (href[0] == '?') return origin + base_path + href;
  std::string dir = base_path.substr(0, base_path.rfind('/') + 1);
  std::string rel = dir + href;
  size_t hq = rel.find_first_of("?#");
  std::string path = hq == std::string::npos ? rel : rel.substr(0, hq);
  std::string tail = hq == std::string::npos ? "" : rel.substr(hq);
  return origin + RemoveDotSegments(path) + tail;
}

}  // namespace gongwen::extract::internal
