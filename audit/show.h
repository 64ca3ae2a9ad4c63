// audit/show: one gongwen/1 record as a self-contained HTML page for review
// (README, "Auditing a run").
//
//   record (a parsed JSON line) ──ShowPage──▶ HTML: the text with every
//   clause, amount, bureau, metadata value, repair and warning marked at its
//   span, a side table of the same values, the clause tree as an outline.
//
// A value in the side table and its text are linked both ways: a click on a
// row scrolls the text to the value and flashes exactly its span; a click
// on marked text selects the innermost value there. Repairs show before →
// after at their places and can be hidden by kind. The page has no external
// script, style, font or request: it works from file://.
//
// Repairs of one kind that touch (a run of 繁→简 characters) are shown as
// one mark, so a 200-page traditional document stays light for the browser.
#ifndef GONGWEN_AUDIT_SHOW_H_
#define GONGWEN_AUDIT_SHOW_H_

#include <nlohmann/json.hpp>

#include <string>

namespace gongwen::audit {

struct ShowOptions {
  // A link back to the report's index ("../index.html"); none when empty.
  std::string index_href;
};

// The page of one record. A record that is not an object of the gongwen/1
// shape gives a page saying so, never an exception.
std::string ShowPage(const nlohmann::json& record, const ShowOptions& options = {});

// Text escaped for HTML element content and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace gongwen::audit

#endif  // GONGWEN_AUDIT_SHOW_H_
