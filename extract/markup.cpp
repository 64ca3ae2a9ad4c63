#include "extract/internal/markup.h"

#include <re2/re2.h>

#include "util/utf8.h"

namespace gongwen::extract::internal {
namespace {

// Tags of the elements page bodies are made of, escaped closing slash too.
const RE2& TagRe() {
  static const RE2 re(
      R"((?i)<(\\?/)?(p|br|div|span|table|tbody|tr|td|th|h[1-6]|li|ul|ol|strong|b|font|img|a|section|article|script|style)(?:\s[^<>]*)?/?>)");
  return re;
}

// Block tags: they break lines, as a newline does in text.
const RE2& BlockTagRe() {
  static const RE2 re(R"((?i)<\\?/?(?:p|br|div|tr|li|h[1-6]|table)\b)");
  return re;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of \uXXXX at s[i] (s[i] == '\\'), or -1.
int32_t UnitAt(std::string_view s, size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  int32_t v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int h = HexValue(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// \uXXXX (and a following low surrogate) at s[i]: appends the character,
// returns the bytes consumed (0 when it is no \u escape).
size_t AppendUnicodeEscape(std::string_view s, size_t i, std::string* out) {
  const int32_t u = UnitAt(s, i);
  if (u < 0) return 0;
  if (u >= 0xD800 && u <= 0xDBFF) {
    const int32_t low = UnitAt(s, i + 6);
    if (low >= 0xDC00 && low <= 0xDFFF) {
      out->append(utf8::Encode(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)));
      return 12;
    }
  }
  out->append(utf8::Encode((u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : static_cast<char32_t>(u)));
  return 6;
}

}  // namespace

std::optional<std::string> MarkupInText(std::string_view bytes) {
  re2::StringPiece in(bytes.data(), bytes.size());
  re2::StringPiece slash;
  int tags = 0, closing = 0;
  size_t tag_bytes = 0;
  for (const char* before = in.data(); RE2::FindAndConsume(&in, TagRe(), &slash); before = in.data()) {
    ++tags;
    if (!slash.empty()) ++closing;
    // The match ends where `in` now starts; it began after `before`.
    const char* end = in.data();
    const char* open = end;
    while (open > before && *(open - 1) != '<') --open;
    tag_bytes += static_cast<size_t>(end - open) + 1;
  }
  if (tags < 3 || closing < 1) return std::nullopt;
  // Markup, not a text that mentions a few tags: it starts with a tag, its
  // tags carry a container's escapes, are many, or are a fifth of it.
  const std::string_view trimmed = utf8::Trim(bytes);
  const bool starts_with_tag = !trimmed.empty() && trimmed[0] == '<';
  const bool escaped = bytes.find("=\\\"") != std::string_view::npos || bytes.find("<\\/") != std::string_view::npos;
  if (!starts_with_tag && !escaped && tags < 20 && tag_bytes * 5 < bytes.size()) return std::nullopt;
  return std::to_string(tags) + " HTML tags in text";
}

bool HasContainerEscapes(std::string_view bytes) {
  return bytes.find("<\\/") != std::string_view::npos || bytes.find("\\\"") != std::string_view::npos;
}

std::string UnescapeContainer(std::string_view s) {
  const bool utf8_input = utf8::IsValid(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[i + 1];
    const char* simple = nullptr;
    switch (c) {
      case '"': simple = "\""; break;
      case '\\': simple = "\\"; break;
      case '/': simple = "/"; break;
      case '\'': simple = "'"; break;
      case 'n': simple = "\n"; break;
      case 'r': simple = "\r"; break;
      case 't': simple = "\t"; break;
      case 'b': case 'f': simple = " "; break;
      default: break;
    }
    if (simple) {
      out += simple;
      ++i;
    } else if (size_t used = utf8_input ? AppendUnicodeEscape(s, i, &out) : 0) {
      i += used - 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string MarkupToHtml(std::string_view bytes) {
  std::string html = HasContainerEscapes(bytes) ? UnescapeContainer(bytes) : std::string(bytes);
  int64_t newlines = 0;
  for (char c : html) newlines += c == '\n';
  re2::StringPiece in(html);
  int64_t blocks = 0;
  while (RE2::FindAndConsume(&in, BlockTagRe())) ++blocks;
  if (newlines < 2 || blocks * 2 >= newlines) return html;
  std::string out;
  out.reserve(html.size() + newlines * 4);
  for (char c : html) {
    if (c == '\n') out += "<br>";
    out += c;
  }
  return out;
}

}  // namespace gongwen::extract::internal
