// Tables that reached the text as rows of '\t'-separated cells (HTML <table>),
// and tables flattened into one cell per line (a crawled page's text).
// Cells covered by a rowspan or colspan are empty in the text (so amounts are
// read once) and filled here from the cell that spans them.
#include <algorithm>
#include <optional>
#include <string>

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

Table Assemble(std::vector<Row> rows, CodePointSpan span) {
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

// ---- tables flattened into lines (one cell per line, as crawlers save
// them: seed 003's target table) ----

bool IsSerial(std::string_view s, int n) { return s == std::to_string(n); }

// A sentence ends a flattened table; cells may hold commas, not 。；:.
bool EndsTable(std::string_view s) { return utf8::ContainsAny(s, {"。", "；", ";", "：", ":"}); }

// A header line: short, no sentence punctuation, not a number.
bool IsHeaderCell(std::string_view s) {
  if (s.empty() || EndsTable(s) || utf8::CountCodePoints(s) > 20) return false;
  return !std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// Rows of a flattened table starting at paragraph `first` ("序号"): the
// header is the lines up to the first row's "1", its width the number of
// columns; each row runs from its serial number to the next one (or a
// 总计/合计 line). A line starting with '(' continues the cell before it
// (海州区 / (高新区)); missing cells are empty ones the crawler dropped: at the
// end of a row, or for a total row, before its numbers.
std::optional<Table> FlattenedTable(const Normalized& doc, size_t first, size_t* end_para,
                                    const utf8::CodePointIndex& cps) {
  auto para = [&](size_t i) {
    const Paragraph& p = doc.paragraphs[i];
    return std::string_view(doc.text.data() + p.begin, p.end - p.begin);
  };
  const size_t n = doc.paragraphs.size();
  Table t;
  size_t i = first;
  while (i < n && !IsSerial(para(i), 1) && IsHeaderCell(para(i)) && t.header.size() < 12) {
    t.header.emplace_back(para(i));
    ++i;
  }
  const size_t width = t.header.size();
  if (width < 3 || i >= n || !IsSerial(para(i), 1)) return std::nullopt;
  int serial = 1;
  size_t last = i;
  std::vector<size_t> padded_columns;
  auto is_total = [](std::string_view s) {
    return s == "总计" || s == "合计" || s == "小计" || s == "总数" || s == "合  计";
  };
  while (i < n) {
    std::string_view head = para(i);
    const bool total = is_total(head);
    if (!IsSerial(head, serial) && !total) break;
    std::vector<std::string> cells = {std::string(head)};
    size_t j = i + 1;
    for (; j < n; ++j) {
      std::string_view c = para(j);
      if (IsSerial(c, serial + 1) || is_total(c)) break;
      // The table ends at a sentence (备注:…, the next paragraph of text).
      if (EndsTable(c) || utf8::CountCodePoints(c) > 80) break;
      if (!cells.empty() && (c.substr(0, 1) == "(" || c.substr(0, 3) == "（") && cells.size() > 1) {
        cells.back() += std::string(c);
      } else {
        cells.emplace_back(c);
      }
      if (cells.size() > width) break;
    }
    if (cells.size() > width) return std::nullopt;  // not the shape the header says
    if (total) {
      // 总计 / 80 / 4: the label, then the numbers under the last columns.
      std::vector<std::string> row(width);
      row[0] = cells[0];
      for (size_t k = 1; k < cells.size(); ++k) row[width - cells.size() + k] = cells[k];
      cells = row;
    } else {
      for (size_t k = cells.size(); k < width; ++k) padded_columns.push_back(k);
      cells.resize(width);
    }
    t.rows.push_back(std::move(cells));
    last = j - 1;
    i = j;
    if (total) break;
    ++serial;
  }
  if (t.rows.empty()) return std::nullopt;
  // A cell can only have been dropped as empty where the column holds
  // numbers (counts left blank); a missing text cell means the lines were
  // joined or split, and the rows cannot be trusted.
  for (size_t col : padded_columns) {
    for (const auto& row : t.rows) {
      const std::string& v = row[col];
      if (!v.empty() && !std::all_of(v.begin(), v.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '.' || c == '%';
          })) {
        return std::nullopt;
      }
    }
  }
  t.span = CodePointSpan{cps.ToCodePoint(doc.paragraphs[first].begin), cps.ToCodePoint(doc.paragraphs[last].end)};
  *end_para = last + 1;
  return t;
}

}  // namespace

std::vector<Table> BuildTables(const Normalized& doc, const utf8::CodePointIndex& cps) {
  std::vector<Table> tables;
  std::vector<Row> rows;
  CodePointSpan span;
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
  // Tables that lost their structure: a "序号" line, the header cells, then
  // the rows one cell per line.
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.kind == ParagraphKind::kTableRow) continue;
    if (std::string_view(doc.text.data() + p.begin, p.end - p.begin) != "序号") continue;
    size_t end = i;
    if (auto t = FlattenedTable(doc, i, &end, cps)) {
      tables.push_back(std::move(*t));
      i = end;
    }
  }
  std::stable_sort(tables.begin(), tables.end(),
                   [](const Table& a, const Table& b) { return a.span.begin < b.span.begin; });
  return tables;
}

}  // namespace gongwen::structure::internal
