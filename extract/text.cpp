// Plain text and Markdown: decode, then one block per non-blank line.
#include <string>

#include "extract/extract.h"
#include "util/utf8.h"

namespace gongwen::extract {
namespace {

// "# ", "## " ... at line start: a Markdown ATX heading of that level.
int HeadingLevel(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[n] == '#') ++n;
  if (n == 0 || n > 6 || n >= static_cast<int>(line.size()) || line[n] != ' ') return 0;
  return n;
}

bool IsListItem(std::string_view line) {
  return line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
         line[1] == ' ';
}

}  // namespace

Result<Extracted> ExtractText(std::string_view bytes, const Options& options, bool markdown) {
  auto decoded = DecodeText(bytes, options.declared_charset);
  if (!decoded.ok()) return decoded.error();
  Extracted ex;
  ex.source.path = options.path;
  ex.source.format = markdown ? SourceFormat::kMarkdown : SourceFormat::kText;
  ex.source.bytes = static_cast<int64_t>(bytes.size());
  ex.source.encoding = decoded.value().encoding;
  ex.source.encoding_source = decoded.value().encoding_source;
  ex.text = std::move(decoded.value().text);
  ex.warnings = std::move(decoded.value().warnings);
  // Byte offsets into the raw input are exact only for UTF-8 without a BOM;
  // for other encodings source_begin is the line's offset in the decoded text.
  const std::string& t = ex.text;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    size_t end = eol;
    if (end > pos && t[end - 1] == '\r') --end;
    std::string_view line(t.data() + pos, end - pos);
    if (!utf8::Trim(line).empty()) {
      Block b;
      b.begin = static_cast<int64_t>(pos);
      b.end = static_cast<int64_t>(end);
      b.source_begin = b.begin;
      if (markdown) {
        std::string_view trimmed = utf8::Trim(line);
        if (int level = HeadingLevel(trimmed)) {
          b.kind = BlockKind::kHeading;
          b.heading_level = level;
        } else if (IsListItem(trimmed)) {
          b.kind = BlockKind::kListItem;
        }
      }
      ex.blocks.push_back(b);
    }
    pos = eol + 1;
  }
  if (ex.blocks.empty()) {
    return Error{ErrorCode::kEmpty, "no text in the document"};
  }
  return ex;
}

}  // namespace gongwen::extract
