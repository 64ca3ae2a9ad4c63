// container: a crawl file -> the documents inside it.
//
// Crawled policies arrive inside containers: a crawler's JSON or JSON Lines
// records, a CSV/TSV export, a CMS's SQL dump (INSERT … VALUES rows), a WARC
// archive. This stage runs before extract: it opens the container and hands
// each record on as a Record (its body bytes plus the title, URL, date and
// charset the container states about it). A file that is no container (a
// page, a PDF, a text) is one Record of kind kFile.
//
// In:  the bytes of one input file, its path, the field names (FieldMap).
// Out: Unpacked: the records in file order and, for each record that could
//      not be read (bad JSON, a broken SQL tuple, a truncated WARC record),
//      a located RecordError; the other records are still returned.
// Thread-safe: no shared state.
#ifndef GONGWEN_CONTAINER_CONTAINER_H_
#define GONGWEN_CONTAINER_CONTAINER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::container {

// What a file is. kFile: not a container, the file is the document.
enum class Kind { kFile, kJson, kJsonLines, kCsv, kTsv, kSql, kWarc };
// "file" | "json" | "jsonl" | "csv" | "tsv" | "sql" | "warc" (one table).
std::string_view KindName(Kind kind);

// The part a record field plays, found by its name (data/record_fields.tsv)
// or given with --fields.
// kUnnamed: a short value of a record without field names (a JSON array of
// strings): what it is (a 文号, an issuer) only its shape can tell, and
// structure reads shapes.
enum class Role { kNone, kBody, kTitle, kUrl, kDate, kCharset, kId, kSummary, kDocNumber, kIssuer, kHistory, kUnnamed };
// "none" | "body" | "title" | "url" | "date" | "charset" | "id" | "summary" |
// "doc_number" | "issuer" | "history" | "unnamed" (one table). kHistory: a
// law database's 沿革 (each enactment and amendment, dated, with its maker).
std::string_view RoleName(Role role);
std::optional<Role> RoleFromName(std::string_view name);

// Field names the user names for a role (--fields body=正文,title=标题): they
// win over the names in data/record_fields.tsv.
struct FieldMap {
  std::vector<std::pair<Role, std::string>> names;
};
// Parses "body=正文,title=标题,url=link,date=pubdate". Returns an error
// message, "" when the spec is good.
std::string ParseFieldMap(std::string_view spec, FieldMap* out);

// Where a record value came from.
enum class Origin { kRecordField, kHttpHeader, kWarcHeader };
std::string_view OriginName(Origin origin);  // record_field | http_header | warc_header

// One value the container states about a record, with its role and where it
// came from ("title" from the record field "policyTitle").
struct Stated {
  Role role = Role::kNone;
  std::string value;  // UTF-8
  Origin origin = Origin::kRecordField;
  std::string name;   // the record field or header name it came from
};

// One document of a container.
struct Record {
  // Identity inside the file: the record's id field, else its URL, else its
  // ordinal ("3"). The source of a record is FILE#KEY.
  std::string key;
  int64_t ordinal = 0;      // 1-based, in file order
  int64_t byte_offset = 0;  // where the record starts in the file
  // The document: the body field (unescaped), or a WARC payload (raw bytes,
  // any charset).
  std::string body;
  std::string body_field;  // the field (or "payload") it came from
  // A hint for extract: "html" when the body is markup, "" to sniff.
  std::string body_format;
  // The body's charset as the container knows it, outranking the page's
  // <meta charset>: utf-8 for JSON strings and for CSV/SQL files that are
  // UTF-8 throughout (a page stored in a dump keeps its old <meta
  // charset=gbk>), a WARC response's HTTP charset, else a charset field;
  // "" when unknown.
  std::string charset;
  std::vector<Stated> stated;  // title, url, date, charset, … in field order
  // SHA-256 over what the record's output depends on (body and stated
  // values), not the whole record: a WARC record fetched again on another
  // day, with a new WARC-Date, is unchanged.
  std::string sha256;
};

struct RecordError {
  int64_t ordinal = 0;      // 1-based record number in the file (0: the file itself)
  int64_t byte_offset = 0;  // in the file
  std::string message;
};

struct Unpacked {
  Kind kind = Kind::kFile;
  std::vector<Record> records;
  std::vector<RecordError> errors;
  // Records that are not documents and were passed over on purpose (a WARC
  // request or warcinfo record, a response that is an image, a record with
  // no body field), with the reason: counted, never silently dropped.
  std::vector<RecordError> skipped;
};

// Decides from content first (the WARC/1. and gzip signatures, INSERT INTO,
// a JSON value), then the extension (.json .jsonl .ndjson .csv .tsv .sql
// .warc .warc.gz).
Kind Sniff(std::string_view bytes, std::string_view path);

// Where `bytes` start in a larger container read piece by piece (gongwen
// map reads JSON Lines from stdin a block of lines at a time): the records
// and bytes before them. Ordinals, byte offsets and keys made from ordinals
// are those of the whole stream; a key two pieces share is not told apart.
struct Position {
  int64_t ordinal = 0;
  int64_t byte = 0;
};

// Opens the container. kFile gives no records: the caller treats the file as
// one document.
Unpacked Unpack(std::string_view bytes, std::string_view path, const FieldMap& fields = {},
                Position start = {});

}  // namespace gongwen::container

#endif  // GONGWEN_CONTAINER_CONTAINER_H_
