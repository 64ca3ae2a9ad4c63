// Markup inside text: a .txt, stdin or a record field whose content is HTML
// (a page body saved as text, a CMS field), often with the escapes of the
// container it was cut from still in it (<\/p>, \", \u201c).
#ifndef GONGWEN_EXTRACT_INTERNAL_MARKUP_H_
#define GONGWEN_EXTRACT_INTERNAL_MARKUP_H_

#include <optional>
#include <string>
#include <string_view>

namespace gongwen::extract::internal {

// Why `bytes` should be parsed as HTML ("34 HTML tags in text"), or nothing
// when it reads as text: at least 3 tags of the elements pages are made of
// (p, br, div, span, table, …), one of them a closing tag, and the text
// starts with a tag, or its tags carry escapes (=\" <\/), or there are 20 or
// more, or they are a fifth of its bytes. A notice that mentions <p> stays text.
std::optional<std::string> MarkupInText(std::string_view bytes);

// True when the markup still carries a container's escapes: <\/ or \".
bool HasContainerEscapes(std::string_view bytes);

// Undoes one level of JSON/JavaScript string escapes: \" \\ \/ \n \r \t \b
// \f and \uXXXX (surrogate pairs joined; lone surrogates become U+FFFD).
// \uXXXX is decoded only in UTF-8 input (a GBK page keeps it as written).
std::string UnescapeContainer(std::string_view bytes);

// The markup as HTML to parse: escapes undone when present, and line breaks
// kept as <br> when the text breaks its lines with newlines rather than
// with block tags (a text field with a few tags in it).
std::string MarkupToHtml(std::string_view bytes);

}  // namespace gongwen::extract::internal

#endif  // GONGWEN_EXTRACT_INTERNAL_MARKUP_H_
