// Saved web pages as government sites serve them: decode (BOM, HTTP charset,
// <meta charset>, strict UTF-8, ICU detector), parse with libxml2 (no network,
// no DTDs, no entity loading), then split the page into
//   - the article body (the deepest element holding most of the page's
//     non-link Chinese text) as paragraphs, headings and table rows;
//   - the 政府信息公开 table (索引号, 发布机构, 文号 …) as page_fields;
//   - attachment links (pdf, doc, wps, ofd …) as attachments;
//   - everything else (navigation, tool bars, footers, hidden blocks) as
//     kChrome / kHidden blocks that normalize removes with a logged repair.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include "extract/extract.h"
#include "extract/internal/blocks.h"
#include "extract/internal/url.h"
#include "util/page_labels.h"
#include "util/utf8.h"

namespace gongwen::extract {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Name(const xmlNode* n) {
  return n->name ? Lower(reinterpret_cast<const char*>(n->name)) : "";
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool In(const std::string& name, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (name == n) return true;
  }
  return false;
}

// Elements that never hold article text.
bool IsNonContent(const std::string& tag) {
  return In(tag, {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
                  "canvas", "select", "option", "button", "input", "textarea", "head", "map",
                  "area", "audio", "video", "link", "meta"});
}

bool IsBlockTag(const std::string& tag) {
  return In(tag, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                  "dd", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "section",
                  "article", "header", "footer", "nav", "aside", "blockquote", "pre", "form",
                  "center", "br", "hr", "figure", "figcaption", "address", "main", "fieldset",
                  "caption", "body", "html"});
}

bool IsHidden(const xmlNode* n) {
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos ||
         xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr;
}

// Page furniture by element name or by the class/id CMS templates give it.
bool IsChromeElement(const xmlNode* n, const std::string& tag) {
  if (In(tag, {"nav", "header", "footer", "aside"})) return true;
  static const RE2 kChrome(
      R"((?i)(^|[\s_-])(nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumb|crumbs?|position|location|weizhi|sidebar|side|share|bdshare|fenxiang|print|tools?|toolbar|fontsize|font|related|xgwz|xgxx|relevant|copyright|banquan|links?|friendlink|search|login|qrcode|erweima|pagination|page-?nav)($|[\s_-]))");
  std::string cls = Attr(n, "class") + " " + Attr(n, "id");
  return RE2::PartialMatch(cls, kChrome);
}

bool IsAttachmentHref(const std::string& href) {
  static const RE2 kExt(R"((?i)\.(pdf|doc|docx|wps|xls|xlsx|et|zip|rar|7z|ofd|txt|ppt|pptx)(?:[?#].*)?$)");
  return RE2::PartialMatch(href, kExt);
}

// Appends HTML text with white space collapsed: a run becomes one space,
// and a line break between two Chinese characters disappears (CSS Text
// segment-break rule), so hard-wrapped HTML source leaves no spaces.
void AppendText(std::string_view t, std::string* buf);

struct Stats {
  int text = 0;   // Han characters outside links
  int link = 0;   // Han characters inside links
  int table = 0;  // of `text`, those in the cells of listing tables
  int prose() const { return text - table; }
};

// Han characters outside links and listing tables a body may leave to the
// page's chrome however much prose the page has: about what a footer and a
// tool bar hold (主办单位, 地址, 备案号 …).
constexpr int kChromeProse = 200;

// A cell holding more Han than this is an article laid out in a table, not
// a value in a table of data.
constexpr int kListingCellHan = 300;

class SpanBudget;

class PageReader {
 public:
  PageReader(xmlDoc* doc, Extracted* out, const std::optional<std::string>& url)
      : doc_(doc), out_(out), url_(url) {}

  void Read();
  const std::optional<std::string>& url() const { return url_; }

 private:
  Stats Measure(xmlNode* n, bool in_link);
  bool IsMetadataBlock(xmlNode* n);
  void FindMetadata(xmlNode* n);
  bool IsListing(xmlNode* table);
  xmlNode* FindContainer(xmlNode* body, int total, int total_prose);
  void ReadHead(xmlNode* n);
  void Collect(xmlNode* n);
  void CollectLinks(xmlNode* n);
  std::string LinkBase() const;
  void WarnDroppedLinks();
  void Emit(xmlNode* n, BlockKind mode);
  void EmitTable(xmlNode* table);
  void WarnSpansClipped(xmlNode* table, const SpanBudget& budget);
  bool IsDataTable(xmlNode* table);
  void CellTexts(xmlNode* n, std::vector<std::string>* cells, std::string* cur);
  void InlineText(xmlNode* n, std::string* buf);
  void Flush(BlockKind kind, int heading_level = 0);
  void AddBlock(const std::string& text, BlockKind kind, int line, int heading_level = 0,
                int table = -1, bool header = false);

  xmlDoc* doc_;
  Extracted* out_;
  std::optional<std::string> url_;
  std::unordered_map<xmlNode*, Stats> stats_;
  std::set<xmlNode*> metadata_;
  std::set<xmlNode*> listings_;  // listing tables (IsListing)
  std::unordered_map<xmlNode*, bool> metadata_block_;  // IsMetadataBlock, memoised
  xmlNode* container_ = nullptr;
  xmlNode* title_node_ = nullptr;
  std::string head_title_, meta_title_, base_;
  std::string buf_;
  int buf_line_ = 0;
  int tables_ = 0;
  std::set<std::string> seen_hrefs_;
  std::vector<std::string> dropped_links_;  // attachment links not on the web
};

Stats PageReader::Measure(xmlNode* n, bool in_link) {
  Stats s;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      int h = utf8::CountHan(reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST ""));
      (in_link ? s.link : s.text) += h;
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string tag = Name(c);
      if (IsNonContent(tag) || IsHidden(c)) continue;
      Stats cs = Measure(c, in_link || tag == "a");
      if (tag == "table" && IsListing(c)) {
        cs.table = cs.text;
        stats_[c] = cs;
        listings_.insert(c);
      }
      s.text += cs.text;
      s.link += cs.link;
      s.table += cs.table;
    }
  }
  stats_[n] = s;
  return s;
}

// A table of data (a 名单, a list of amounts): a data table whose cells hold
// values, not an article laid out in a table cell. Its descendants' stats
// must be measured.
bool PageReader::IsListing(xmlNode* table) {
  if (!IsDataTable(table)) return false;
  std::function<bool(xmlNode*)> short_cells = [&](xmlNode* n) {
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (In(Name(c), {"td", "th"})) {
        auto it = stats_.find(c);
        if (it != stats_.end() && it->second.text > kListingCellHan) return false;
      } else if (!short_cells(c)) {
        return false;
      }
    }
    return true;
  };
  return short_cells(table);
}

// Text of the "cells" under n: the runs between block and cell boundaries.
void PageReader::CellTexts(xmlNode* n, std::vector<std::string>* cells, std::string* cur) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      *cur += reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST "");
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string tag = Name(c);
      if (IsNonContent(tag) || IsHidden(c)) continue;
      bool boundary = IsBlockTag(tag) ||
                      In(tag, {"span", "label", "b", "strong", "em", "font", "i", "td", "th"});
      if (boundary && !utf8::Trim(*cur).empty()) {
        cells->emplace_back(utf8::Trim(*cur));
      }
      if (boundary) cur->clear();
      CellTexts(c, cells, cur);
      if (boundary && !utf8::Trim(*cur).empty()) {
        cells->emplace_back(utf8::Trim(*cur));
        cur->clear();
      }
    }
  }
}

// A table, list or line holding at least three labels of the 政府信息公开 table.
bool PageReader::IsMetadataBlock(xmlNode* n) {
  // FindMetadata asks about an element and then about its children; the
  // answer for each element is computed once.
  if (auto known = metadata_block_.find(n); known != metadata_block_.end()) return known->second;
  bool& answer = metadata_block_[n];
  auto it = stats_.find(n);
  if (it == stats_.end() || it->second.text > 800) return answer = false;
  std::vector<std::string> cells;
  std::string cur;
  CellTexts(n, &cells, &cur);
  if (!utf8::Trim(cur).empty()) cells.emplace_back(utf8::Trim(cur));
  std::set<std::string> fields;
  for (const std::string& cell : cells) {
    for (const PageField& f : labels::SplitLine(cell)) {
      std::string field = labels::FieldOf(f.label);
      if (!field.empty() && field != "ignore" && field != "source") fields.insert(field);
    }
  }
  return answer = fields.size() >= 3;
}

void PageReader::FindMetadata(xmlNode* n) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string tag = Name(c);
    if (IsNonContent(tag) || IsHidden(c)) continue;
    if (!IsMetadataBlock(c)) {
      FindMetadata(c);  // it may sit deeper, beside the article
      continue;
    }
    // The deepest element that still holds the table.
    bool deeper = false;
    for (xmlNode* k = c->children; k != nullptr && !deeper; k = k->next) {
      deeper = k->type == XML_ELEMENT_NODE && IsMetadataBlock(k);
    }
    if (deeper) {
      FindMetadata(c);
      continue;
    }
    metadata_.insert(c);
    std::vector<std::string> cells;
    std::string cur;
    CellTexts(c, &cells, &cur);
    if (!utf8::Trim(cur).empty()) cells.emplace_back(utf8::Trim(cur));
    for (size_t i = 0; i < cells.size(); ++i) {
      std::vector<PageField> fields = labels::SplitLine(cells[i]);
      if (fields.empty()) continue;
      // "标题" alone in its cell: the value is the next cell.
      if (fields.back().value.empty() && i + 1 < cells.size() &&
          labels::SplitLine(cells[i + 1]).empty()) {
        fields.back().value = cells[++i];
      }
      for (PageField& f : fields) {
        if (!f.value.empty()) out_->page_fields.push_back(std::move(f));
      }
    }
  }
}

// Descending into a child loses the prose outside it: allowed while that is
// at most 40% of the page's prose, or no more than chrome holds. Without
// listing tables this follows from the 60% rule on all text; with them, a
// 名单 of 200 rows never pulls the body away from the notice's paragraphs.
bool KeepsProse(const Stats& child, int total_prose) {
  const int lost = total_prose - child.prose();
  return lost * 10 <= total_prose * 4 || lost < kChromeProse;
}

xmlNode* PageReader::FindContainer(xmlNode* node, int total, int total_prose) {
  // Descend while one child still holds most of the text and of the prose.
  // A listing table is never the body: the element holding it is, so the
  // table keeps its rows (EmitTable) and what stands beside it.
  xmlNode* best = node;
  while (true) {
    xmlNode* next = nullptr;
    for (xmlNode* c = best->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || metadata_.count(c) || listings_.count(c)) continue;
      // The body is a container of paragraphs, never one paragraph of it
      // (a notice with one long paragraph keeps its addressees and signature).
      if (In(Name(c), {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "span", "a", "b", "strong",
                       "em", "font", "pre", "blockquote", "dd", "dt"})) {
        continue;
      }
      auto it = stats_.find(c);
      if (it == stats_.end()) continue;
      if (it->second.text * 10 >= total * 6 && it->second.text > it->second.link &&
          KeepsProse(it->second, total_prose)) {
        next = c;
        break;
      }
    }
    if (next == nullptr) return best;
    best = next;
  }
}

void PageReader::ReadHead(xmlNode* n) {
  for (xmlNode* c = n; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string tag = Name(c);
    if (tag == "title" && head_title_.empty()) {
      xmlChar* t = xmlNodeGetContent(c);
      if (t) {
        head_title_ = std::string(utf8::Trim(reinterpret_cast<const char*>(t)));
        xmlFree(t);
      }
    } else if (tag == "meta") {
      std::string name = Lower(Attr(c, "name") + Attr(c, "property"));
      std::string content = std::string(utf8::Trim(Attr(c, "content")));
      if ((name == "articletitle" || name == "og:title") && meta_title_.empty()) {
        meta_title_ = content;
      } else if (name == "og:url" && !url_ && !content.empty()) {
        url_ = content;
      }
    } else if (tag == "base" && base_.empty()) {
      base_ = Attr(c, "href");
    } else if (tag == "link" && Lower(Attr(c, "rel")) == "canonical" && !url_) {
      std::string href = Attr(c, "href");
      if (!href.empty()) url_ = href;
    }
    if (tag != "body") ReadHead(c->children);
  }
}

void PageReader::CollectLinks(xmlNode* n) {
  for (xmlNode* c = n; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string tag = Name(c);
    if (IsNonContent(tag) && tag != "head") continue;
    if (tag == "a") {
      std::string href(utf8::Trim(Attr(c, "href")));
      if (!href.empty() && IsAttachmentHref(href)) {
        std::string resolved = LinkBase().empty() ? href : internal::ResolveUrl(LinkBase(), href);
        if (!internal::IsWebUrl(resolved)) {
          dropped_links_.push_back(resolved);
        } else if (seen_hrefs_.insert(resolved).second) {
          std::string title;
          InlineText(c, &title);
          title = std::string(utf8::Trim(title));
          if (title.empty()) {
            size_t slash = href.find_last_of('/');
            title = slash == std::string::npos ? href : href.substr(slash + 1);
          }
          out_->attachments.push_back(Attachment{title, resolved});
        }
      }
    }
    CollectLinks(c->children);
  }
}

// What relative links resolve against: the page's <base> (itself resolved
// against the page URL), else the page URL; "" when neither is a web URL
// (a <base href="file:///"> must not turn relative links into local files).
std::string PageReader::LinkBase() const {
  std::string base = !base_.empty() ? (url_ ? internal::ResolveUrl(*url_, base_) : base_)
                                    : url_.value_or("");
  return internal::UrlScheme(base).empty() || !internal::IsWebUrl(base) ? "" : base;
}

// Attachment links to anything but the web (file:, javascript:, data:,
// mailto: …) were left out of attachments; one warning names them.
void PageReader::WarnDroppedLinks() {
  if (dropped_links_.empty()) return;
  std::string list;
  for (size_t i = 0; i < dropped_links_.size() && i < 3; ++i) {
    const std::string& link = dropped_links_[i];
    size_t cut = std::min<size_t>(link.size(), 120);
    while (cut < link.size() && (static_cast<unsigned char>(link[cut]) & 0xC0) == 0x80) --cut;
    list += (i ? ", " : "") + link.substr(0, cut);
  }
  if (dropped_links_.size() > 3) list += ", …";
  out_->warnings.push_back(Warning{
      WarningCode::kLinkDropped,
      std::to_string(dropped_links_.size()) +
          " attachment link(s) neither http, https nor relative left out: " + list,
      std::nullopt});
}

void AppendText(std::string_view t, std::string* buf) {
  for (size_t i = 0; i < t.size();) {
    char ch = t[i];
    if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') {
      buf->push_back(ch);
      ++i;
      continue;
    }
    bool newline = false;
    while (i < t.size() &&
           (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t' || t[i] == '\f')) {
      newline |= t[i] == '\n';
      ++i;
    }
    char32_t prev = utf8::LastCodePoint(*buf);
    char32_t next = utf8::FirstCodePoint(t.substr(i));
    if (newline && (utf8::IsHan(prev) || utf8::IsCjkPunct(prev)) &&
        (utf8::IsHan(next) || utf8::IsCjkPunct(next))) {
      continue;
    }
    if (!buf->empty() && buf->back() != ' ') buf->push_back(' ');
  }
}

void PageReader::InlineText(xmlNode* n, std::string* buf) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      AppendText(reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST ""), buf);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string tag = Name(c);
      if (IsNonContent(tag) || IsHidden(c)) continue;
      if (tag == "br") {
        buf->push_back(' ');
        continue;
      }
      InlineText(c, buf);
    }
  }
}

void PageReader::AddBlock(const std::string& text, BlockKind kind, int line, int heading_level,
                          int table, bool header) {
  std::string_view t = utf8::Trim(text);
  if (t.empty()) return;
  Block& b = internal::AppendBlock(out_, t, kind);
  if (line > 0) b.line = line;
  b.heading_level = heading_level;
  b.table = table;
  b.header_row = header;
}

void PageReader::Flush(BlockKind kind, int heading_level) {
  // White space between inline elements next to Chinese text is source
  // layout ("首页</a>\n<a>政务公开"), as between two lines of Chinese.
  std::string text;
  text.reserve(buf_.size());
  for (size_t i = 0; i < buf_.size(); ++i) {
    if (buf_[i] == ' ' && !text.empty() && i + 1 < buf_.size()) {
      char32_t prev = utf8::LastCodePoint(text);
      char32_t next = utf8::FirstCodePoint(std::string_view(buf_).substr(i + 1));
      if ((utf8::IsHan(prev) || utf8::IsCjkPunct(prev)) &&
          (utf8::IsHan(next) || utf8::IsCjkPunct(next))) {
        continue;
      }
    }
    text.push_back(buf_[i]);
  }
  buf_ = std::move(text);
  if (!utf8::Trim(buf_).empty()) AddBlock(buf_, kind, buf_line_, heading_level);
  buf_.clear();
  buf_line_ = 0;
}

// A data table holds data, not layout: no nested tables, at least two rows
// with two or more cells.
bool PageReader::IsDataTable(xmlNode* table) {
  int rows = 0;
  bool nested = false;
  std::function<void(xmlNode*, int)> walk = [&](xmlNode* n, int depth) {
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string tag = Name(c);
      if (tag == "table") {
        nested = true;
        return;
      }
      if (tag == "tr") {
        int cells = 0;
        for (xmlNode* d = c->children; d != nullptr; d = d->next) {
          if (d->type == XML_ELEMENT_NODE && In(Name(d), {"td", "th"})) ++cells;
        }
        rows += cells >= 2;
      }
      walk(c, depth + 1);
    }
  };
  walk(table, 0);
  return !nested && rows >= 2;
}

// The rows of a table in order, those of thead, tbody and tfoot included.
std::vector<xmlNode*> TableRows(xmlNode* table) {
  std::vector<xmlNode*> trs;
  for (xmlNode* c = table->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == "tr") {
      trs.push_back(c);
    } else if (In(Name(c), {"thead", "tbody", "tfoot"})) {
      std::vector<xmlNode*> inner = TableRows(c);
      trs.insert(trs.end(), inner.begin(), inner.end());
    }
  }
  return trs;
}

bool IsCell(const xmlNode* n) {
  return n->type == XML_ELEMENT_NODE && In(Name(n), {"td", "th"});
}

// Spans as the real grid allows. colspan and rowspan are cut to the HTML
// limits (1000, 65534) and a rowspan to the rows that exist; then the
// cells spans add (empty cells in the text) are paid from a budget of 3 ×
// the table's real cells + 256, so a table never expands beyond 4 × its real
// cells + 256 whatever its attributes say (50 rows of 50 cells with
// colspan=100 rowspan=1000 asked for millions). A span the budget cannot pay
// loses its rowspan first, then the columns it cannot pay for.
class SpanBudget {
 public:
  explicit SpanBudget(int64_t real_cells) : real_(real_cells), left_(3 * real_cells + 256) {}

  // The (colspan, rowspan) a cell gets, with `rows_left` rows from its own
  // to the table's last.
  std::pair<int, int> Clip(int colspan, int rowspan, int rows_left) {
    const int c = std::clamp(colspan, 1, 1000);
    const int r = std::min(std::clamp(rowspan, 1, 65534), std::max(rows_left, 1));
    asked_ += int64_t{c} * r;
    if (int64_t{c} * r - 1 <= left_) {
      left_ -= int64_t{c} * r - 1;
      return {c, r};
    }
    clipped_ = true;
    const int kept = static_cast<int>(std::min<int64_t>(c, left_ + 1));
    left_ -= kept - 1;
    return {kept, 1};
  }

  bool clipped() const { return clipped_; }
  int64_t real() const { return real_; }
  int64_t asked() const { return asked_; }

 private:
  int64_t real_;
  int64_t left_;
  int64_t asked_ = 0;
  bool clipped_ = false;
};

void PageReader::EmitTable(xmlNode* table) {
  const int id = tables_++;
  // Rows in order. A cell covered by a rowspan or colspan is left empty in the
  // text and records in cell_source where its value is (structure fills it).
  const std::vector<xmlNode*> trs = TableRows(table);
  int64_t real_cells = 0;
  for (xmlNode* tr : trs) {
    for (xmlNode* cell = tr->children; cell != nullptr; cell = cell->next) real_cells += IsCell(cell);
  }
  SpanBudget budget(real_cells);
  // column -> (rows left, row index of the spanning cell, its column)
  std::map<int, std::tuple<int, int, int>> carry;
  int row_index = 0;  // the index the current row gets among emitted rows
  for (size_t tr_index = 0; tr_index < trs.size(); ++tr_index) {
    xmlNode* tr = trs[tr_index];
    std::vector<std::string> row;
    std::vector<std::pair<int, int>> sources;
    bool header = tr->parent != nullptr && Name(tr->parent) == "thead";
    bool all_th = true;
    int col = 0;
    auto take_carried = [&]() {
      while (carry.count(col) && std::get<0>(carry[col]) > 0) {
        auto& [left, from_row, from_col] = carry[col];
        row.emplace_back();
        sources.emplace_back(row_index - from_row, from_col);
        if (--left == 0) carry.erase(col);
        ++col;
      }
    };
    for (xmlNode* cell = tr->children; cell != nullptr; cell = cell->next) {
      if (!IsCell(cell)) continue;
      all_th &= Name(cell) == "th";
      take_carried();
      std::string text;
      InlineText(cell, &text);
      text = std::string(utf8::Trim(text));
      for (char& ch : text) {
        if (ch == '\t') ch = ' ';
      }
      const auto [colspan, rowspan] =
          budget.Clip(std::atoi(Attr(cell, "colspan").c_str()), std::atoi(Attr(cell, "rowspan").c_str()),
                      static_cast<int>(trs.size() - tr_index));
      const int own_col = col;
      for (int k = 0; k < colspan; ++k) {
        if (rowspan > 1) carry[col] = {rowspan - 1, row_index, own_col};
        row.push_back(k == 0 ? text : "");
        sources.emplace_back(0, own_col);  // k > 0: a copy of the spanning cell
        ++col;
      }
    }
    take_carried();
    if (row.empty()) continue;
    std::string line;
    for (size_t k = 0; k < row.size(); ++k) {
      if (k) line.push_back('\t');
      line += row[k];
    }
    bool any = false;
    for (const std::string& c : row) any |= !c.empty();
    if (!any) continue;
    // Empty cells still count: keep the tabs, so columns never shift.
    Block& b = internal::AppendBlock(out_, line, BlockKind::kTableRow);
    b.line = xmlGetLineNo(tr);
    b.table = id;
    b.header_row = header || all_th;
    b.cell_source = std::move(sources);
    ++row_index;
  }
  if (budget.clipped()) WarnSpansClipped(table, budget);
}

void PageReader::WarnSpansClipped(xmlNode* table, const SpanBudget& budget) {
  out_->warnings.push_back(Warning{
      WarningCode::kSpansClipped,
      "line " + std::to_string(xmlGetLineNo(table)) + ": a table of " +
          std::to_string(budget.real()) + " cells whose colspan/rowspan ask for " +
          std::to_string(budget.asked()) + " grid cells; spans cut to keep it within " +
          std::to_string(4 * budget.real() + 256) + " (4 × its cells + 256)",
      std::nullopt});
}

// Walks the page in document order. `mode` is kParagraph inside the body
// container and kChrome (or kHidden) outside it.
void PageReader::Emit(xmlNode* n, BlockKind mode) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (buf_line_ == 0) buf_line_ = xmlGetLineNo(c);
      AppendText(reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST ""), &buf_);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string tag = Name(c);
    if (IsNonContent(tag)) continue;
    BlockKind inner = mode;
    if (metadata_.count(c)) {
      Flush(mode);
      std::string t;
      InlineText(c, &t);
      AddBlock(t, BlockKind::kMetadata, xmlGetLineNo(c));
      continue;
    }
    if (IsHidden(c)) {
      Flush(mode);
      // Hidden text is read raw (InlineText skips hidden elements).
      xmlChar* all = xmlNodeGetContent(c);
      std::string raw = all ? reinterpret_cast<const char*>(all) : "";
      if (all) xmlFree(all);
      std::string collapsed;
      for (char ch : raw) {
        bool ws = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
        if (ws) {
          if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
        } else {
          collapsed.push_back(ch);
        }
      }
      AddBlock(collapsed, BlockKind::kHidden, xmlGetLineNo(c));
      continue;
    }
    if (c == container_) {
      Flush(mode);
      Emit(c, BlockKind::kParagraph);
      Flush(BlockKind::kParagraph);
      continue;
    }
    if (c == title_node_) {
      Flush(mode);
      std::string t;
      InlineText(c, &t);
      AddBlock(t, BlockKind::kHeading, xmlGetLineNo(c), 1);
      continue;
    }
    if (mode == BlockKind::kParagraph && IsChromeElement(c, tag)) inner = BlockKind::kChrome;
    if (inner == BlockKind::kParagraph && tag == "table" && IsDataTable(c)) {
      Flush(mode);
      EmitTable(c);
      continue;
    }
    if (tag == "br") {
      Flush(mode);
      continue;
    }
    const bool block = IsBlockTag(tag);
    if (block || inner != mode) Flush(mode);
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' &&
        inner == BlockKind::kParagraph) {
      std::string t;
      InlineText(c, &t);
      AddBlock(t, BlockKind::kHeading, xmlGetLineNo(c), tag[1] - '0');
      continue;
    }
    Emit(c, inner);
    if (block || inner != mode) Flush(inner == mode ? mode : inner);
  }
}

void PageReader::Read() {
  xmlNode* root = xmlDocGetRootElement(doc_);
  if (root == nullptr) return;
  ReadHead(root);
  xmlNode* body = root;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == "body") body = c;
  }
  Stats total = Measure(body, false);
  FindMetadata(body);
  // Text of the metadata table does not count towards the body.
  int meta_text = 0, meta_prose = 0;
  for (xmlNode* m : metadata_) {
    meta_text += stats_[m].text;
    meta_prose += stats_[m].prose();
  }
  const int body_text = total.text - meta_text;
  if (body_text > 0) {
    container_ = FindContainer(body, body_text, total.prose() - meta_prose);
  }
  // The title: an <h1> (or the page's ArticleTitle) outside the container is
  // put back in front of the body.
  if (container_ != nullptr && container_ != body) {
    std::function<xmlNode*(xmlNode*)> find_h1 = [&](xmlNode* n) -> xmlNode* {
      for (xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || c == container_ || metadata_.count(c)) continue;
        std::string tag = Name(c);
        if (IsNonContent(tag) || IsHidden(c)) continue;
        if (tag == "h1" || tag == "h2") return c;
        if (xmlNode* f = find_h1(c)) return f;
      }
      return nullptr;
    };
    title_node_ = find_h1(body);
  }
  // A spam <title> (keywords joined by _ or |) is kept as a chrome block so
  // normalize removes it with a logged spam_removed repair.
  static const RE2 kSpamShape(R"([_|｜].*[_|｜])");
  if (RE2::PartialMatch(head_title_, kSpamShape)) AddBlock(head_title_, BlockKind::kChrome, 0);
  // No title element outside the body: the page's ArticleTitle goes first.
  if (title_node_ == nullptr && !meta_title_.empty()) {
    std::string container_text;
    if (xmlChar* t = xmlNodeGetContent(container_ ? container_ : body)) {
      container_text = reinterpret_cast<const char*>(t);
      xmlFree(t);
    }
    if (container_text.find(meta_title_) == std::string::npos) {
      AddBlock(meta_title_, BlockKind::kHeading, 0, 1);
    }
  }
  const BlockKind outside =
      container_ == nullptr || container_ == body ? BlockKind::kParagraph : BlockKind::kChrome;
  Emit(body, outside);
  Flush(outside);
  CollectLinks(root);
  WarnDroppedLinks();
  // Never empty a body: if everything looked like chrome, keep it and say so.
  bool any_body = false;
  for (const Block& b : out_->blocks) {
    any_body |= b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading ||
                b.kind == BlockKind::kTableRow || b.kind == BlockKind::kListItem;
  }
  // A list or navigation page: the "body" is mostly links.
  if (any_body && container_ != nullptr) {
    const Stats& s = stats_[container_];
    if (s.text * 2 < s.link) {
      out_->warnings.push_back(Warning{
          WarningCode::kAllChrome,
          "the page is mostly links (" + std::to_string(s.link) + " Han characters in links, " +
              std::to_string(s.text) + " outside): a list or navigation page, not an article",
          std::nullopt});
    }
  }
  if (!any_body) {
    for (Block& b : out_->blocks) {
      if (b.kind == BlockKind::kChrome) b.kind = BlockKind::kParagraph;
    }
    out_->warnings.push_back(
        Warning{WarningCode::kAllChrome, "no article body found; the page's text is kept as it is",
                std::nullopt});
  }
  // A page whose body only points to an attachment.
  int content_han = 0;
  for (const Block& b : out_->blocks) {
    if (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kTableRow) {
      content_han += utf8::CountHan(std::string_view(out_->text).substr(b.begin, b.end - b.begin));
    }
  }
  if (content_han < 80 && !out_->attachments.empty()) {
    out_->warnings.push_back(Warning{
        WarningCode::kShellPage,
        "the page body only points to " + std::to_string(out_->attachments.size()) +
            " attachment(s) (first: " + out_->attachments.front().href.value_or("") +
            "); the policy text is in the attachment",
        std::nullopt});
  }
}

std::optional<std::string> MetaCharset(std::string_view bytes) {
  static const RE2 kMeta(
      R"((?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-]+))");
  std::string head(bytes.substr(0, 4096));
  std::string charset;
  if (RE2::PartialMatch(head, kMeta, &charset)) return charset;
  return std::nullopt;
}

}  // namespace

namespace {

// libxml2 parses HTML 4: a page that opens with <style> and then uses
// HTML5 elements (<article>, <header>, <section>) gets them put inside
// <head>, where no text is read. An HTML5 parser ends the head at the first
// element that does not belong there; so does this, by moving such elements
// (and what follows them in <head>) to the start of <body>.
void MoveContentOutOfHead(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  xmlNode* head = nullptr;
  xmlNode* body = nullptr;
  for (xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string tag = Name(c);
    if (tag == "head" && head == nullptr) head = c;
    if (tag == "body" && body == nullptr) body = c;
  }
  if (head == nullptr) return;
  static const std::set<std::string> kHeadTags = {"title", "meta", "link", "style", "script", "base", "noscript",
                                                  "template"};
  xmlNode* first = head->children;
  while (first != nullptr && (first->type != XML_ELEMENT_NODE || kHeadTags.count(Name(first)) > 0)) {
    first = first->next;
  }
  if (first == nullptr) return;
  if (body == nullptr) body = xmlNewChild(root, nullptr, reinterpret_cast<const xmlChar*>("body"), nullptr);
  if (body == nullptr) return;
  xmlNode* anchor = body->children;
  for (xmlNode* n = first; n != nullptr;) {
    xmlNode* next = n->next;
    xmlUnlinkNode(n);
    if (anchor != nullptr) {
      xmlAddPrevSibling(anchor, n);
    } else {
      xmlAddChild(body, n);
    }
    n = next;
  }
}

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - std::min(at, s.size()) < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) return false;
  }
  return true;
}

// Where the page's <!DOCTYPE begins, after white space, comments and <?xml?>;
// npos when the page does not open with one.
size_t DoctypeStart(std::string_view text) {
  size_t at = 0;
  while (at < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
    } else if (text.compare(at, 4, "<!--") == 0) {
      const size_t end = text.find("-->", at + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      at = end + 3;
    } else if (text.compare(at, 2, "<?") == 0) {
      const size_t end = text.find("?>", at + 2);
      if (end == std::string_view::npos) return std::string_view::npos;
      at = end + 2;
    } else {
      return StartsWithNoCase(text, at, "<!doctype") ? at : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// The end of a DTD internal subset opened at `open` ('['): the index of its
// closing ']' outside quotes and comments, or npos.
size_t SubsetEnd(std::string_view text, size_t open) {
  for (size_t i = open + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = text.find(c, i + 1);
      if (i == std::string_view::npos) return i;
    } else if (text.compare(i, 4, "<!--") == 0) {
      i = text.find("-->", i + 4);
      if (i == std::string_view::npos) return i;
      i += 2;
    } else if (c == ']') {
      return i;
    }
  }
  return std::string_view::npos;
}

// libxml2's HTML parser knows no DTD internal subset: in <!DOCTYPE html [
// <!ENTITY …> ]> the declarations after the first '>' became the page's
// first text. Entities are never expanded (no DTD loading), so the subset
// means nothing to a page: it is blanked (line breaks kept, so line numbers
// stay) before parsing. An unclosed subset is left as it is.
void BlankInternalSubset(std::string* text) {
  const size_t doctype = DoctypeStart(*text);
  if (doctype == std::string::npos) return;
  size_t open = std::string::npos;
  for (size_t i = doctype + 9; i < text->size(); ++i) {
    const char c = (*text)[i];
    if (c == '>') return;  // no subset
    if (c == '"' || c == '\'') {
      i = text->find(c, i + 1);
      if (i == std::string::npos) return;
    } else if (c == '[') {
      open = i;
      break;
    }
  }
  if (open == std::string::npos) return;
  const size_t close = SubsetEnd(*text, open);
  if (close == std::string::npos) return;
  for (size_t i = open; i <= close; ++i) {
    if ((*text)[i] != '\n') (*text)[i] = ' ';
  }
}

}  // namespace

namespace {

// Each block's line start in the page as read: '\n' is the same byte in
// UTF-8, GB18030 and Big5 (never a trail byte), so lines count alike.
void SetRawBytes(std::string_view bytes, std::vector<Block>* blocks) {
  std::vector<int64_t> line_start = {0};
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') line_start.push_back(static_cast<int64_t>(i + 1));
  }
  for (Block& b : *blocks) {
    if (b.line && *b.line >= 1 && static_cast<size_t>(*b.line) <= line_start.size()) {
      b.raw_byte = line_start[static_cast<size_t>(*b.line - 1)];
    }
  }
}

}  // namespace

Result<Extracted> ExtractHtml(std::string_view bytes, const Options& options) {
  // Decoding: BOM, the caller's (HTTP) charset, <meta charset>, then the bytes.
  std::optional<std::string> declared = options.declared_charset;
  std::string source = declared ? "declared" : "";
  if (!declared) {
    declared = MetaCharset(bytes);
    if (declared) source = "meta";
  }
  auto decoded = DecodeText(bytes, declared);
  if (!decoded.ok()) return decoded.error();
  Decoded& d = decoded.value();
  if (d.encoding_source == "declared") d.encoding_source = source;

  Extracted ex;
  ex.source.path = options.path;
  ex.source.format = SourceFormat::kHtml;
  ex.source.bytes = static_cast<int64_t>(bytes.size());
  ex.source.encoding = d.encoding;
  ex.source.encoding_source = d.encoding_source;
  ex.warnings = std::move(d.warnings);
  if (declared && source == "meta" && d.encoding_source != "meta" && d.encoding_source != "bom") {
    ex.warnings.push_back(Warning{WarningCode::kCharsetMismatch,
                                  "page declares charset " + *declared + " but is " + d.encoding,
                                  std::nullopt});
  }

  BlankInternalSubset(&d.text);
  std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt) return Error{ErrorCode::kInternal, "libxml2: cannot create a parser"};
  const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlCtxtReadMemory(ctxt.get(), d.text.data(), static_cast<int>(d.text.size()),
                         options.url ? options.url->c_str() : nullptr, "UTF-8", flags));
  if (!doc) return Error{ErrorCode::kDecode, "libxml2 could not parse the page as HTML"};
  std::optional<int> too_deep_line;
  if (const xmlError* e = xmlCtxtGetLastError(ctxt.get());
      e != nullptr && e->message != nullptr &&
      std::string(e->message).find("Excessive depth") != std::string::npos) {
    too_deep_line = e->line;
    ex.warnings.push_back(Warning{
        WarningCode::kNestingTooDeep,
        "line " + std::to_string(e->line) +
            ": elements nested deeper than 256 levels; their content was not read",
        std::nullopt});
  }
  MoveContentOutOfHead(doc.get());
  PageReader reader(doc.get(), &ex, options.url);
  reader.Read();
  if (d.encoding.rfind("utf-16", 0) != 0) SetRawBytes(bytes, &ex.blocks);
  if (ex.blocks.empty()) {
    if (too_deep_line) {
      return Error{ErrorCode::kDecode,
                   "elements nested deeper than 256 levels at line " +
                       std::to_string(*too_deep_line) +
                       "; the parser stops there and no text came before it"};
    }
    return Error{ErrorCode::kEmpty, "no text in the page"};
  }
  ex.source.url = reader.url();
  return ex;
}

void InitLibraries() {
  xmlInitParser();
}

}  // namespace gongwen::extract
