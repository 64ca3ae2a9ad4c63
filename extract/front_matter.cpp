#include "extract/internal/front_matter.h"

#include <string>

#include "util/utf8.h"

namespace gongwen::extract::internal {
namespace {

constexpr size_t kMaxLength = 8192;

// The field of metadata a front-matter key fills; "" for the others.
std::string FieldOfKey(std::string_view key) {
  if (key == "title") return "title";
  if (key == "date" || key == "publishDate" || key == "published" || key == "pubdate") return "published_date";
  return "";
}

std::string Unquote(std::string_view v) {
  v = utf8::Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

}  // namespace

FrontMatter SplitFrontMatter(std::string_view bytes) {
  FrontMatter fm;
  const std::string_view bom = "\xEF\xBB\xBF";
  size_t i = bytes.substr(0, 3) == bom ? 3 : 0;
  auto line_at = [&](size_t at, size_t* next) {
    size_t eol = bytes.find('\n', at);
    if (eol == std::string_view::npos) eol = bytes.size();
    *next = eol + 1;
    std::string_view line = bytes.substr(at, eol - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  size_t next = 0;
  if (line_at(i, &next) != "---") return fm;
  std::vector<StatedValue> stated;
  for (i = next; i < bytes.size() && i < kMaxLength; i = next) {
    const std::string_view line = line_at(i, &next);
    if (line == "---" || line == "...") {
      fm.length = std::min(next, bytes.size());
      fm.stated = std::move(stated);
      return fm;
    }
    if (line.empty() || line[0] == '#' || line[0] == ' ' || line[0] == '-') continue;  // comments, lists
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return fm;  // not YAML: a rule line in a text
    const std::string key(utf8::Trim(line.substr(0, colon)));
    const std::string field = FieldOfKey(key);
    std::string value = Unquote(line.substr(colon + 1));
    if (!field.empty() && !value.empty()) {
      stated.push_back(StatedValue{field, std::move(value), ValueFrom::kFrontMatter, "front_matter." + key});
    }
  }
  return fm;
}

}  // namespace gongwen::extract::internal
