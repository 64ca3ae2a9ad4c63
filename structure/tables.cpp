// Tables that reached the text as rows of '\t'-separated cells (HTML <table>).
#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

std::vector<std::string> Cells(std::string_view row) {
  std::vector<std::string> cells;
  size_t pos = 0;
  while (true) {
    size_t tab = row.find('\t', pos);
    cells.emplace_back(utf8::Trim(row.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return cells;
}

}  // namespace

std::vector<Table> BuildTables(const Normalized& doc, const utf8::CodePointIndex& cps) {
  std::vector<Table> tables;
  int current = -1;
  bool body_started = false;
  for (const Paragraph& p : doc.paragraphs) {
    if (p.kind != ParagraphKind::kTableRow) {
      current = -1;
      continue;
    }
    std::string_view row(doc.text.data() + p.begin, p.end - p.begin);
    if (p.table != current) {
      tables.push_back(Table{});
      tables.back().span.begin = cps.ToCodePoint(p.begin);
      current = p.table;
      body_started = false;
    }
    Table& t = tables.back();
    t.span.end = cps.ToCodePoint(p.end);
    // <th>/<thead> rows are the header; without them, the first row is.
    if ((p.header_row && !body_started) || (t.header.empty() && t.rows.empty() && !p.header_row)) {
      if (t.header.empty()) {
        t.header = Cells(row);
      } else {
        // A second header row (group headings): cells joined per column.
        auto more = Cells(row);
        for (size_t i = 0; i < more.size() && i < t.header.size(); ++i) {
          if (!more[i].empty() && more[i] != t.header[i]) t.header[i] += "/" + more[i];
        }
      }
      continue;
    }
    body_started = true;
    t.rows.push_back(Cells(row));
  }
  return tables;
}

}  // namespace gongwen::structure::internal
