// The data that flows between gongwen's stages.
//
//   bytes --extract--> Extracted --normalize--> Normalized --structure--> Policy --export--> JSON
//
// Every stage reads only the struct of the stage before it. Offsets inside a
// stage are UTF-8 byte offsets into that stage's own text; the Policy (the
// output contract, schema gongwen/1) uses Unicode code point spans of
// Policy::text, as design.md §2 requires. Spans carry their unit in their type
// (model/span.h): every span of the model is a CodePointSpan.
//
// Plain structs, no behaviour, no third-party types: safe to copy and to move
// between threads.
#ifndef GONGWEN_MODEL_MODEL_H_
#define GONGWEN_MODEL_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/span.h"
#include "model/vocab.h"

namespace gongwen {

// A finding that did not stop processing: an unrepaired mojibake run, a
// mangled date, undecodable bytes. `code` prints as a stable snake_case
// identifier (NameOf).
struct Warning {
  WarningCode code;
  std::string message;
  // Code points of the stage's text (Normalized::text, which is
  // Policy::text), when it has a location.
  std::optional<CodePointSpan> span;
};

// Describes where the document came from; filled by the caller and extract,
// carried unchanged to the output.
struct SourceInfo {
  std::string path;             // as given on the command line ("-" for stdin)
  SourceFormat format = SourceFormat::kText;
  std::string sha256;           // of the raw bytes
  int64_t bytes = 0;
  std::string encoding;         // utf-8 | gb18030 | big5 | utf-16le | utf-16be
  std::string encoding_source;  // bom | utf8 | detected | declared
  std::optional<int> pages;
  std::optional<std::string> url;
  // Why the format was chosen when content overrode the file name (a .txt
  // holding markup parsed as HTML); unset otherwise.
  std::optional<std::string> format_reason;
  // Set when the document is one record of a container file (a crawler's
  // JSON, a CSV row, an SQL dump's tuple, a WARC response): `path` is the
  // container file, its source is path#key (SourceKey).
  struct Record {
    std::string container;  // json | jsonl | csv | tsv | sql | warc
    std::string key;        // id field, else URL, else ordinal
    int64_t ordinal = 0;    // 1-based, in the file
    int64_t byte = 0;       // where the record starts in the file
    std::string body_field;
  };
  std::optional<Record> record;
};

// The identity of a source: its path, or path#key for a record of a
// container. The database keeps one source per identity.
inline std::string SourceKey(const SourceInfo& s) {
  return s.record ? s.path + "#" + s.record->key : s.path;
}


// A value the document's container states about it, to fill metadata the
// document itself does not state.
struct StatedValue {
  // title | url | published_date | doc_number | issuer, or unnamed: a short
  // value without a field name, to be known by its shape.
  std::string field;
  std::string value;
  ValueFrom from = ValueFrom::kRecordField;
  std::string name;  // the record field or header it came from
};

// kTableRow: one row of a data table, cells separated by '\t'.
// kChrome / kHidden / kMetadata: page furniture around the body, hidden
// elements, and the 政府信息公开 table (already parsed into page_fields); kept
// in the extracted text so that normalize removes them with a logged repair
// (nothing is dropped silently).
// kFurniture: PDF page numbers and running headers/footers.
enum class BlockKind {
  kParagraph, kHeading, kListItem, kTableRow, kChrome, kHidden, kMetadata, kFurniture
};

// A run of extracted text in reading order (one line of a text file, one
// paragraph of a page). `begin`/`end` are byte offsets into Extracted::text;
// `source_begin` is the byte offset of the block in the decoded input (text
// formats) and `line` its line in the input when known (HTML).
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int64_t begin = 0;
  int64_t end = 0;
  int heading_level = 0;  // Markdown '#' count, or h1..h6, for kHeading
  int64_t source_begin = 0;
  std::optional<int> line;
  // HTML: the byte of the input where `line` starts (the page as read,
  // before decoding; for a record of a container, its body).
  std::optional<int64_t> raw_byte;
  std::optional<int> page;
  int table = -1;            // kTableRow: which table of the document
  bool header_row = false;   // kTableRow: a <th>/<thead> row
  // kTableRow: for each cell, where its value is: {0, own column} for its own
  // text, {rows up, column} for a cell covered by a rowspan/colspan (left
  // empty in the text, so spanned amounts are not read twice).
  std::vector<std::pair<int, int>> cell_source;
};

// A label/value pair of the 政府信息公开 table a page prints around the text
// (索引号, 发布机构, 发文日期, 文号 …), as the page labels it.
struct PageField {
  std::string label;
  std::string value;
};

struct Attachment {
  std::string title;
  std::optional<std::string> href;
};

struct Extracted {
  SourceInfo source;
  std::string text;  // decoded UTF-8; blocks point into it
  std::vector<Block> blocks;
  std::vector<PageField> page_fields;     // HTML metadata table
  std::vector<Attachment> attachments;    // links to pdf/doc/… files
  std::vector<StatedValue> stated;        // from the container
  std::vector<Warning> warnings;
};

// One change the normalizer made. Source offsets are code points of
// Extracted::text, so `before` is exactly the extracted text in
// [source.begin, source.end).
struct RepairItem {
  int64_t at = 0;  // code point in Normalized::text where `after` starts
  CodePointSpan source;
  std::string before;
  std::string after;
  // HTML: the input line of the element the repaired text is in, and the
  // byte of the page where that line starts.
  std::optional<int> raw_line;
  std::optional<int64_t> raw_byte;
};

struct Repair {
  RepairKind kind;
  std::vector<RepairItem> items;
};

enum class ParagraphKind { kBody, kHeading, kListItem, kTableRow };

struct Paragraph {
  ParagraphKind kind = ParagraphKind::kBody;
  int64_t begin = 0;  // bytes of Normalized::text
  int64_t end = 0;
  int heading_level = 0;
  int table = -1;           // kTableRow
  bool header_row = false;  // kTableRow
  std::vector<std::pair<int, int>> cell_source;  // kTableRow, as Block::cell_source
};

struct Normalized {
  SourceInfo source;
  std::string text;  // paragraphs joined by '\n'
  std::vector<Paragraph> paragraphs;
  // origin[i]: byte offset in Extracted::text of the byte that produced
  // text[i]; origin[text.size()] is the end of the last consumed byte.
  std::vector<uint32_t> origin;
  std::string extracted_text;  // kept so spans can be shown in the source
  std::vector<PageField> page_fields;   // values normalized like the text
  std::vector<Attachment> attachments;
  std::vector<StatedValue> stated;  // values normalized like the text
  std::vector<Repair> repairs;
  std::vector<Warning> warnings;
  // PDF: where page k+1 starts in `text` (bytes); empty for other formats.
  std::vector<int64_t> page_starts;
};

// ---- Policy: the output contract gongwen/1 ----

struct Amount {
  AmountKind kind = AmountKind::kMoney;
  std::string text;
  // money: yuan in fen (hundredths) so that 0.5万元 and 16.4亿元 are exact.
  int64_t fen = 0;
  double percent = 0;          // percent
  std::vector<double> ratio;   // ratio
  AmountQualifier qualifier = AmountQualifier::kExact;
  std::optional<std::string> per;
  // In a 分别 sentence, what this amount is for (国家级 in 对国家级、省级…
  // 分别奖励100万元、20万元).
  std::optional<std::string> target;
  // Money only: offered (the policy gives it: 奖励, 补助, 最高…) or
  // condition (a threshold or a size: 营业收入突破, …以上的企业, 总规模);
  // unset when the words around it do not say.
  std::optional<AmountPurpose> purpose;
  CodePointSpan span;  // code points of Policy::text
};

struct BureauRef {
  std::string name;
  std::optional<std::string> canonical;
  BureauRole role = BureauRole::kResponsible;
  // Its part in the work, where the document says: lead (牵头单位, 由…牵头)
  // or cooperating (配合单位, …配合).
  std::optional<BureauDuty> duty;
  CodePointSpan span;  // code points of Policy::text
};

struct Clause {
  int index = 0;
  std::optional<int> parent;
  int level = 1;
  int part = 1;
  std::vector<int> path;
  std::string marker;
  ClauseStyle style = ClauseStyle::kChineseDun;
  std::optional<std::string> heading;
  CodePointSpan span;  // code points of Policy::text
  std::vector<Amount> amounts;
  std::vector<BureauRef> bureaus;
};

struct Reference {
  std::string title;
  std::optional<std::string> doc_number;
};

// Where one metadata field's value came from.
struct Provenance {
  std::string field;  // title | doc_number | issuer | … (the Metadata member's name)
  ValueFrom from = ValueFrom::kText;
  std::optional<std::string> name;  // the record field, header or table label
  // Code points of Policy::text the value was read from (for `computed`: the
  // statement it was counted from); none when the text does not hold it (a
  // record field, an HTTP header).
  std::optional<CodePointSpan> span;
};

struct Metadata {
  std::optional<std::string> title, doc_number, issuer, publisher, index_number;
  std::optional<std::string> signed_date, published_date, effective_from, effective_until;
  std::optional<std::string> validity, disclosure;
  std::optional<std::string> printed_by, printed_date;  // 版记: 印发机关和印发日期
  std::optional<std::string> issuer_mark;  // 发文机关标志: 连云港市人民政府文件
  std::optional<std::string> signer;       // 签发人 (上行文)
  // In force or not, as of status_as_of.
  PolicyState status = PolicyState::kUnknown;
  std::optional<std::string> status_as_of;
  std::vector<std::string> addressees, cc, topic_words;
  std::vector<Attachment> attachments;
  std::vector<Reference> references;
  // One entry per non-null scalar field above, in the order of the fields.
  std::vector<Provenance> provenance;
};

struct Table {
  CodePointSpan span;  // code points of Policy::text
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

struct Policy {
  std::string id;
  std::string policy_key;
  SourceInfo source;
  Metadata metadata;
  std::string text;
  std::vector<Clause> clauses;
  std::vector<Table> tables;
  std::vector<Repair> repairs;  // with `at` in code points of text
  std::vector<Warning> warnings;
  // PDF: the code point of text where page k+1 starts; empty otherwise.
  std::vector<int64_t> page_starts;
};

}  // namespace gongwen

#endif  // GONGWEN_MODEL_MODEL_H_
