// extract: bytes -> Extracted (decoded UTF-8 text in blocks, reading order).
//
// In:  the raw bytes of one document and a hint (its path, a declared charset).
// Out: Extracted with SourceInfo (format, encoding and how it was decided),
//      the decoded text and its blocks. Undecodable bytes become U+FFFD plus a
//      located `undecodable_bytes` warning; they never stop extraction.
// Fails (Result error) only when the input is not a document gongwen reads:
//      binary data, an unsupported format, or empty input.
// Thread-safe: no shared state; call concurrently on different inputs.
#ifndef GONGWEN_EXTRACT_EXTRACT_H_
#define GONGWEN_EXTRACT_EXTRACT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/result.h"

namespace gongwen::extract {

struct Options {
  // Used for the format hint (.md → markdown) and SourceInfo::path.
  std::string path;
  // A charset the caller knows (HTTP header); consulted after a BOM.
  std::optional<std::string> declared_charset = std::nullopt;
  // Where a page was fetched from; attachment links are resolved against it
  // (a <base>, canonical link or og:url in the page is used when absent).
  std::optional<std::string> url = std::nullopt;
  // PDF pages without a text layer are read with the tesseract command.
  bool ocr = false;
  // What the caller knows of the format: "html" when a container says the
  // bytes are markup (a record's HTML field); "" to decide from content.
  std::string format_hint;
  // A PDF with more pages is refused (its `limit` error); <= 0: no limit.
  int max_pages = 0;
};

enum class Format { kText, kMarkdown, kHtml, kPdf, kBinary };

// Decides the format from content first (magic bytes), then the extension.
Format SniffFormat(std::string_view bytes, std::string_view path);

struct Decoded {
  std::string text;             // UTF-8, BOM removed
  std::string encoding;         // utf-8 | gb18030 | big5 | utf-16le | utf-16be
  std::string encoding_source;  // bom | declared | utf8 | detected
  std::vector<Warning> warnings;
};

// BOM, then the declared charset, then strict UTF-8 validation, then ICU's
// detector limited to the encodings Chinese documents use. gb2312 and gbk
// labels decode as GB18030.
Result<Decoded> DecodeText(std::string_view bytes,
                           const std::optional<std::string>& declared = std::nullopt);

// Plain text and Markdown: one block per non-blank line; Markdown headings
// and list items keep their markup in the text (normalize removes it) and
// are tagged in Block::kind.
Result<Extracted> ExtractText(std::string_view bytes, const Options& options, bool markdown);

// Saved web pages: libxml2 (no network, no DTD), body found by text density,
// chrome kept apart as kChrome/kHidden blocks, the 政府信息公开 table as
// page_fields, data tables as kTableRow blocks, attachment links. Warnings:
// shell_page, all_chrome, charset_mismatch, nesting_too_deep.
Result<Extracted> ExtractHtml(std::string_view bytes, const Options& options);

// PDF through Poppler: lines from text-box positions, paragraphs from the
// 公文 layout, page numbers and running headers as kFurniture blocks, every
// block with its page. Errors: kEncrypted, kNeedsOcr (no text layer on any
// page; a needs_ocr warning when only some pages lack it), kDecode
// (truncated or damaged), kEmpty (no pages).
Result<Extracted> ExtractPdf(std::string_view bytes, const Options& options);

// Picks the extractor with SniffFormat. Text (a .txt, stdin, a record
// field) whose content is HTML markup is parsed as HTML, its container's
// escapes (<\/p>, \") undone first; source.format_reason says why.
Result<Extracted> Extract(std::string_view bytes, const Options& options);

// Sets up libxml2's parser globals: called on the main thread before worker
// threads extract, as libxml2 asks (the rest of extract keeps no mutable
// shared state; poppler's handler is set under a function-local static).
// Extracting on one thread needs no call. Safe to call more than once.
void InitLibraries();

}  // namespace gongwen::extract

#endif  // GONGWEN_EXTRACT_EXTRACT_H_
