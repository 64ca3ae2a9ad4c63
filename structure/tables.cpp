// Tables that reached the text as rows of '\t'-separated cells (HTML <table>).
// Cells covered by a rowspan or colspan are empty in the text (so amounts are
// read once) and filled here from the cell that spans them.
#include "data/data.h"
#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

std::vector<std::string> Cells(std::string_view row) {
  std::vector<std::string> cells;
  for (std::string_view cell : data::Fields(row)) cells.emplace_back(utf8::Trim(cell));
  return cells;
}

struct Row {
  std::vector<std::string> cells;
  bool header = false;
};

Table Assemble(std::vector<Row> rows, Span span) {
  Table t;
  t.span = span;
  // <th>/<thead> rows at the top are the header; without them, the first row is.
  size_t header_rows = 0;
  while (header_rows < rows.size() && rows[header_rows].header) ++header_rows;
  if (header_rows == 0 && rows.size() > 1) header_rows = 1;
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r < header_rows) {
      if (t.header.empty()) {
        t.header = rows[r].cells;
        continue;
      }
      // Further header rows (group headings) extend the column names.
      for (size_t i = 0; i < rows[r].cells.size() && i < t.header.size(); ++i) {
        if (!rows[r].cells[i].empty() && rows[r].cells[i] != t.header[i]) {
          t.header[i] += "/" + rows[r].cells[i];
        }
      }
      continue;
    }
    t.rows.push_back(std::move(rows[r].cells));
  }
  return t;
}

}  // namespace

std::vector<Table> BuildTables(const Normalized& doc, const utf8::CodePointIndex& cps) {
  std::vector<Table> tables;
  std::vector<Row> rows;
  Span span;
  int current = -1;
  auto finish = [&]() {
    if (!rows.empty()) tables.push_back(Assemble(std::move(rows), span));
    rows.clear();
    current = -1;
  };
  for (const Paragraph& p : doc.paragraphs) {
    if (p.kind != ParagraphKind::kTableRow) {
      finish();
      continue;
    }
    if (p.table != current) {
      finish();
      current = p.table;
      span.begin = cps.ToCodePoint(p.begin);
    }
    span.end = cps.ToCodePoint(p.end);
    Row row{Cells(std::string_view(doc.text.data() + p.begin, p.end - p.begin)), p.header_row};
    for (size_t c = 0; c < row.cells.size() && c < p.cell_source.size(); ++c) {
      auto [up, col] = p.cell_source[c];
      if (up == 0 && col == static_cast<int>(c)) continue;
      const int from = static_cast<int>(rows.size()) - up;
      const std::vector<std::string>& src = up == 0 ? row.cells : rows[from].cells;
      if (from >= 0 && col >= 0 && static_cast<size_t>(col) < src.size()) {
        row.cells[c] = src[col];
      }
    }
    rows.push_back(std::move(row));
  }
  finish();
  return tables;
}

}  // namespace gongwen::structure::internal
