#include "extract/extract.h"

#include <algorithm>
#include <cctype>

#include "extract/internal/front_matter.h"
#include "extract/internal/markup.h"

namespace gongwen::extract {
namespace {

std::string LowerExtension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head(bytes.substr(0, 1024));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta ", "<title>"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

// NUL bytes outside UTF-16 mean binary data (images, archives, Office files).
bool LooksBinary(std::string_view bytes) {
  auto sample = bytes.substr(0, 8192);
  if (sample.substr(0, 2) == "\xFF\xFE" || sample.substr(0, 2) == "\xFE\xFF") return false;
  return sample.find('\0') != std::string_view::npos;
}

// Markdown saved as .txt is common in crawls (CMS exports, LLM-cleaned
// pages): two or more ATX headings ("# ", "## " …) at line starts decide it.
bool LooksLikeMarkdown(std::string_view bytes) {
  int headings = 0;
  size_t pos = 0;
  auto sample = bytes.substr(0, 1 << 16);
  while (pos < sample.size()) {
    size_t eol = sample.find('\n', pos);
    if (eol == std::string_view::npos) eol = sample.size();
    std::string_view line = sample.substr(pos, eol - pos);
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') ++headings;
    pos = eol + 1;
  }
  return headings >= 2;
}

// Markup saved as text: parsed as HTML, with the container's escapes undone.
Result<Extracted> ExtractMarkupInText(std::string_view bytes, const Options& options, const std::string& reason) {
  const std::string html = internal::MarkupToHtml(bytes);
  auto ex = ExtractHtml(html, options);
  if (!ex.ok()) return ex;
  // Lines of the markup as unescaped here, not of the file.
  for (Block& b : ex.value().blocks) b.line.reset(), b.raw_byte.reset();
  ex.value().source.bytes = static_cast<int64_t>(bytes.size());
  ex.value().source.format_reason =
      reason + (internal::HasContainerEscapes(bytes) ? "; escapes (<\\/p>, \\\") decoded" : "");
  return ex;
}

}  // namespace

Format SniffFormat(std::string_view bytes, std::string_view path) {
  if (bytes.substr(0, 5) == "%PDF-") return Format::kPdf;
  if (LooksBinary(bytes)) return Format::kBinary;
  if (LooksLikeHtml(bytes)) return Format::kHtml;
  std::string ext = LowerExtension(path);
  if (ext == "pdf") return Format::kPdf;
  if (ext == "html" || ext == "htm" || ext == "shtml") return Format::kHtml;
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  return LooksLikeMarkdown(bytes) ? Format::kMarkdown : Format::kText;
}

namespace {

// The extractor SniffFormat picks, markup in text first.
Result<Extracted> ExtractByFormat(std::string_view bytes, const Options& options) {
  Format format = SniffFormat(bytes, options.path);
  // Markdown may carry a few inline tags (<br> in tables) and stays
  // Markdown unless the container says otherwise.
  if (format == Format::kText || format == Format::kMarkdown) {
    std::optional<std::string> reason =
        format == Format::kText ? internal::MarkupInText(bytes) : std::nullopt;
    if (!reason && options.format_hint == "html") reason = "the record's field holds HTML";
    if (reason) return ExtractMarkupInText(bytes, options, *reason);
  }
  switch (format) {
    case Format::kText: return ExtractText(bytes, options, /*markdown=*/false);
    case Format::kMarkdown: return ExtractText(bytes, options, /*markdown=*/true);
    case Format::kHtml: return ExtractHtml(bytes, options);
    case Format::kPdf: return ExtractPdf(bytes, options);
    case Format::kBinary:
      return Error{ErrorCode::kUnsupported, "binary data (NUL bytes), not a text document",
                   static_cast<int64_t>(bytes.substr(0, 8192).find('\0'))};
  }
  return Error{ErrorCode::kInternal, "unreachable"};
}

}  // namespace

Result<Extracted> Extract(std::string_view bytes, const Options& options) {
  if (bytes.empty()) return Error{ErrorCode::kEmpty, "empty input"};
  internal::FrontMatter fm = internal::SplitFrontMatter(bytes);
  if (fm.length == 0) return ExtractByFormat(bytes, options);
  // The block is blanked, not cut, so offsets into the input stay true.
  std::string blanked(bytes);
  for (size_t i = 0; i < fm.length; ++i) {
    if (blanked[i] != '\n') blanked[i] = ' ';
  }
  auto ex = ExtractByFormat(blanked, options);
  if (!ex.ok()) return ex;
  for (StatedValue& v : fm.stated) ex.value().stated.push_back(std::move(v));
  return ex;
}

}  // namespace gongwen::extract
