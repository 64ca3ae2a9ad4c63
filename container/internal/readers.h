// The readers of each container kind. A reader only splits the file into
// records of named values; container.cpp gives the values their roles
// (body, title, url, …), picks the key and hashes the record.
#ifndef GONGWEN_CONTAINER_INTERNAL_READERS_H_
#define GONGWEN_CONTAINER_INTERNAL_READERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "container/container.h"

namespace gongwen::container::internal {

struct RawField {
  std::string name;   // JSON key, CSV/SQL column, header name; "1", "2", … for positional values
  std::string value;  // unescaped, as bytes (UTF-8 for JSON; as the file has it for CSV/SQL)
  Origin origin = Origin::kRecordField;
};

struct RawRecord {
  int64_t ordinal = 0;      // 1-based, in file order (skipped records count too)
  int64_t byte_offset = 0;  // where the record starts in the file (for
                            // .warc.gz the gzip member holding it: see ReadWarc)
  std::vector<RawField> fields;
  // WARC: the HTTP response body (de-chunked, Content-Encoding undone), raw bytes.
  std::optional<std::string> payload;
  // The values have no names (a JSON array of strings): roles come from
  // their shapes.
  bool positional = false;
  // SQL: the table the row was inserted into (a dump holds several; ids
  // repeat across them).
  std::string table;
};

struct RawRecords {
  std::vector<RawRecord> records;
  std::vector<RecordError> errors;   // records that could not be read
  std::vector<RecordError> skipped;  // records that are no documents, with the reason
};

// JSON: an object, an array of objects, concatenated values as crawlers
// append them ([…][…] or {…}{…}), and JSON Lines. An object is a record;
// an array of scalars is one positional record; nested objects and arrays
// in a record are kept as fields named by their path ("metadata.title").
// `lines`: JSON Lines, one value per line (a fault costs only its line).
RawRecords ReadJson(std::string_view bytes, bool lines);

// CSV (RFC 4180 quoting) or TSV with a header row naming the columns.
RawRecords ReadDelimited(std::string_view bytes, char separator);

// SQL dumps: INSERT INTO t (cols…) VALUES (…),(…); in MySQL quoting
// (backslash escapes, `names`) and PostgreSQL quoting ('' doubling, E'…',
// "names"); COPY … FROM stdin blocks too. Without a column list the values
// are positional.
RawRecords ReadSql(std::string_view bytes);

// WARC 1.0/1.1, plain or gzip (one member per record, or one stream).
// Response records with a 2xx HTTP status and a document content type
// (text/html, application/xhtml+xml, text/plain, application/pdf) become
// records with fields WARC-Target-URI (kWarcHeader), the HTTP headers
// (kHttpHeader) and "charset" (kHttpHeader) from Content-Type; the body is
// the payload. Other records are skipped with a reason.
RawRecords ReadWarc(std::string_view bytes);

}  // namespace gongwen::container::internal

#endif  // GONGWEN_CONTAINER_INTERNAL_READERS_H_
