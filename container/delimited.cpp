// CSV and TSV exports of crawled pages: a header row naming the columns,
// then one row per page (its HTML, title, URL, date …).
//
// Quoting (RFC 4180): a field that starts with '"' is quoted; inside it the
// separator, line breaks (LF or CRLF) and doubled quotes "" are text. A quote
// further into an unquoted field is text (5" disk), and so is anything after
// a closing quote up to the separator ("a"b reads a"b without the quotes, as
// Python's csv does), so a sloppy writer costs a character, not the file.
//
// TSV comes in two flavours: the quoting above (Excel, most crawlers), or
// the text format of `mysql -B` and PostgreSQL COPY, which never quotes and
// writes tab, newline, CR and backslash inside values as \t \n \r \\. A TSV
// file is read in that escaped flavour when none of its fields starts with a
// quote: then \t \n \r \\ \0 are undone, any other backslash is kept as it
// is, and a field that is exactly \N (COPY's NULL) is left out of the record.
// CSV never takes backslash escapes: crawlers' HTML is full of them.
//
// Rows are lines; a line holding only spaces is no row. A row with more or
// fewer fields than the header is reported and skipped, the others are kept.
//
// A quoted field may run over several lines (HTML bodies do). When it does
// and its row then lacks the header's field count, or text follows its
// closing quote (it closed on another field's opening quote), or the quote
// never closes, the quote was a stray one: the row is reported where the
// quote opened and reading resumes on the line after the row's first, so a
// bad row costs only itself rather than pairing quotes across the file.
#include <string>
#include <utility>
#include <vector>

#include "container/internal/readers.h"

namespace gongwen::container::internal {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field of a row. null: an escaped-TSV \N.
struct Cell {
  std::string value;
  bool null = false;
};

struct Row {
  size_t offset = 0;  // where the row starts in the file
  std::vector<Cell> cells;
  // The opening quote of the first quoted field running past the row's
  // first line (npos: none), and whether text follows the closing quote of
  // such a field.
  size_t span_quote = std::string_view::npos;
  bool loose_close = false;
};

enum class Step { kRow, kBlank, kEnd, kUnterminated };

// True when some field of the file starts with a quote, i.e. the file is
// quoted rather than backslash-escaped.
bool HasQuotedField(std::string_view bytes, char separator) {
  for (size_t i = bytes.find('"'); i != std::string_view::npos; i = bytes.find('"', i + 1)) {
    if (i == 0 || bytes[i - 1] == separator || bytes[i - 1] == '\n') return true;
  }
  return false;
}

// Undoes the escapes of `mysql -B` / COPY text in one field.
void Unescape(std::string_view raw, Cell* cell) {
  if (raw == "\\N") {
    cell->null = true;
    return;
  }
  cell->value.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      cell->value.push_back(raw[i]);
      continue;
    }
    switch (raw[++i]) {
      case 't':
        cell->value.push_back('\t');
        break;
      case 'n':
        cell->value.push_back('\n');
        break;
      case 'r':
        cell->value.push_back('\r');
        break;
      case '\\':
        cell->value.push_back('\\');
        break;
      case '0':
        cell->value.push_back('\0');
        break;
      default:  // not an escape these writers make: keep both bytes
        cell->value.push_back('\\');
        cell->value.push_back(raw[i]);
    }
  }
}

// Splits the file into rows of fields, one row per call.
class RowReader {
 public:
  RowReader(std::string_view bytes, size_t start, char separator, bool escaped)
      : bytes_(bytes), pos_(start), separator_(separator), escaped_(escaped) {}

  // Reads the row at the cursor into *row. kUnterminated: a quoted field
  // runs to the end of the file; *quote_at is its opening quote.
  Step Next(Row* row, size_t* quote_at) {
    if (pos_ >= bytes_.size()) return Step::kEnd;
    row->offset = pos_;
    row->cells.clear();
    row->span_quote = std::string_view::npos;
    row->loose_close = false;
    if (SkipBlankLine()) return Step::kBlank;
    for (;;) {
      Cell cell;
      if (escaped_) {
        const size_t end = FieldEnd(pos_);
        Unescape(bytes_.substr(pos_, end - pos_), &cell);
        pos_ = end;
      } else if (At('"')) {
        *quote_at = pos_;
        if (!ReadQuoted(&cell, row)) return Step::kUnterminated;
      } else {
        AppendPlain(&cell);
      }
      row->cells.push_back(std::move(cell));
      if (At(separator_)) {
        ++pos_;
        continue;
      }
      SkipRowEnd();
      return Step::kRow;
    }
  }

  // Moves the cursor to the line after the one holding `offset`.
  void ResumeAfterLine(size_t offset) {
    const size_t lf = bytes_.find('\n', offset);
    pos_ = lf == std::string_view::npos ? bytes_.size() : lf + 1;
  }

 private:
  bool At(char c) const { return pos_ < bytes_.size() && bytes_[pos_] == c; }

  // The separator or line end (LF, CRLF, a CR closing the file) at or after
  // `from`: where an unquoted field ends.
  size_t FieldEnd(size_t from) const {
    size_t i = from;
    for (; i < bytes_.size(); ++i) {
      const char c = bytes_[i];
      if (c == separator_ || c == '\n') break;
      if (c == '\r' && (i + 1 == bytes_.size() || bytes_[i + 1] == '\n')) break;
    }
    return i;
  }

  void SkipRowEnd() {
    if (At('\r')) ++pos_;
    if (At('\n')) ++pos_;
  }

  // A line of nothing but spaces (and tabs, when tab does not separate).
  bool SkipBlankLine() {
    size_t i = pos_;
    while (i < bytes_.size() &&
           (bytes_[i] == ' ' || bytes_[i] == '\r' || (bytes_[i] == '\t' && separator_ != '\t'))) {
      ++i;
    }
    if (i < bytes_.size() && bytes_[i] != '\n') return false;
    pos_ = i < bytes_.size() ? i + 1 : i;
    return true;
  }

  void AppendPlain(Cell* cell) {
    const size_t end = FieldEnd(pos_);
    cell->value.append(bytes_.data() + pos_, end - pos_);
    pos_ = end;
  }

  // "…" with "" for a quote; false when the closing quote never comes.
  bool ReadQuoted(Cell* cell, Row* row) {
    const size_t open = pos_;
    ++pos_;
    for (;;) {
      const size_t quote = bytes_.find('"', pos_);
      if (quote == std::string_view::npos) return false;
      cell->value.append(bytes_.data() + pos_, quote - pos_);
      pos_ = quote + 1;
      if (!At('"')) break;
      cell->value.push_back('"');
      ++pos_;
    }
    NoteSpan(open, row);
    AppendPlain(cell);  // text after the closing quote, if a writer left any
    return true;
  }

  // Called with the cursor after the closing quote of the field quoted at
  // `open`: notes on *row whether the field ran past a line end.
  void NoteSpan(size_t open, Row* row) const {
    if (bytes_.substr(open, pos_ - open).find('\n') == std::string_view::npos) return;
    if (row->span_quote == std::string_view::npos) row->span_quote = open;
    if (FieldEnd(pos_) != pos_) row->loose_close = true;
  }

  std::string_view bytes_;
  size_t pos_;
  char separator_;
  bool escaped_;
};

std::string Trim(std::string s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") + 1 - b);
}

// The column names of the first row; an unnamed column is named by its
// 1-based position. False when the file has no header row.
bool ReadHeader(RowReader* reader, std::vector<std::string>* header, RawRecords* out) {
  Row row;
  size_t quote_at = 0;
  Step step;
  while ((step = reader->Next(&row, &quote_at)) == Step::kBlank) {
  }
  if (step == Step::kUnterminated) {
    out->errors.push_back({0, static_cast<int64_t>(quote_at),
                           "unterminated quote in the header row: it runs to the end of the file"});
  }
  if (step != Step::kRow) return false;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    std::string name = Trim(std::move(row.cells[i].value));
    header->push_back(name.empty() ? std::to_string(i + 1) : std::move(name));
  }
  return true;
}

RawRecord ToRecord(int64_t ordinal, Row* row, const std::vector<std::string>& header) {
  RawRecord record;
  record.ordinal = ordinal;
  record.byte_offset = static_cast<int64_t>(row->offset);
  for (size_t i = 0; i < row->cells.size(); ++i) {
    if (row->cells[i].null) continue;
    record.fields.push_back({header[i], std::move(row->cells[i].value), Origin::kRecordField});
  }
  return record;
}

// A row whose quoted field ran over lines and then did not fit: the quote
// was a stray one that paired with a later quote or none.
bool StrayQuote(Step step, const Row& row, size_t header_size) {
  if (step == Step::kUnterminated) return true;
  if (row.span_quote == std::string_view::npos) return false;
  return row.loose_close || row.cells.size() != header_size;
}

void ReadRows(RowReader* reader, const std::vector<std::string>& header, RawRecords* out) {
  Row row;
  size_t quote_at = 0;
  int64_t ordinal = 0;
  for (;;) {
    const Step step = reader->Next(&row, &quote_at);
    if (step == Step::kEnd) return;
    if (step == Step::kBlank) continue;
    ++ordinal;
    if (StrayQuote(step, row, header.size())) {
      const size_t quote = row.span_quote != std::string_view::npos ? row.span_quote : quote_at;
      out->errors.push_back({ordinal, static_cast<int64_t>(quote),
                             "unterminated quote in row " + std::to_string(ordinal)});
      reader->ResumeAfterLine(row.offset);
      continue;
    }
    if (row.cells.size() != header.size()) {
      out->errors.push_back({ordinal, static_cast<int64_t>(row.offset),
                             "row has " + std::to_string(row.cells.size()) +
                                 " fields, the header " + std::to_string(header.size())});
      continue;
    }
    out->records.push_back(ToRecord(ordinal, &row, header));
  }
}

}  // namespace

RawRecords ReadDelimited(std::string_view bytes, char separator) {
  // Offsets stay those of the file: the reader starts after the BOM.
  const size_t start = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom ? kUtf8Bom.size() : 0;
  const bool escaped = separator == '\t' && !HasQuotedField(bytes.substr(start), separator);
  RowReader reader(bytes, start, separator, escaped);
  RawRecords out;
  std::vector<std::string> header;
  if (ReadHeader(&reader, &header, &out)) ReadRows(&reader, header, &out);
  return out;
}

}  // namespace gongwen::container::internal
