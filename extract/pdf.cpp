// PDF attachments through poppler-cpp's text boxes. Reading order comes from
// positions: boxes are grouped into lines by their vertical overlap, lines
// into paragraphs by the layout 公文 use (GB/T 9704: body lines start at the
// left margin with a two-character first-line indent and run to the right
// margin; titles are centred). A paragraph continues across a page break
// when the last line of the page was full and the next page's first line is
// not indented, so a value split by a page break (给予最高不超过 20 / — 1 — /
// 万元奖励) is whole again. Page numbers and running headers/footers are kept
// apart as kFurniture blocks that normalize removes with a logged repair.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <re2/re2.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "extract/extract.h"
#include "extract/internal/blocks.h"
#include "util/deadline.h"
#include "util/grammar.h"
#include "util/utf8.h"

namespace gongwen::extract {
namespace {

struct Line {
  std::string text;
  double x0 = 0, x1 = 0, top = 0, bottom = 0, size = 0;
  int page = 0;
  double page_width = 0, page_height = 0;
  bool furniture = false;
};

void SilencePoppler() {
  // Poppler prints syntax errors of damaged files on stderr; gongwen reports
  // its own located error instead.
  static const bool once = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)once;
}

std::string Utf8(const poppler::ustring& u) {
  poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

// Appends `next` to `text`, with a space only between two Latin words. A
// number broken by a line end (8 / 0万元) is joined without one.
void AppendJoined(std::string* text, const std::string& next, bool space_hint) {
  if (!text->empty() && !next.empty()) {
    char32_t a = utf8::LastCodePoint(*text), b = utf8::FirstCodePoint(next);
    if (space_hint && utf8::IsLatinLetter(a) && utf8::IsLatinLetter(b)) text->push_back(' ');
  }
  *text += next;
}

// Boxes of one page grouped into lines, top to bottom, left to right.
std::vector<Line> PageLines(const poppler::page& page, int page_no) {
  std::vector<poppler::text_box> boxes = page.text_list();
  poppler::rectf rect = page.page_rect();
  struct Box {
    std::string text;
    double x0, x1, top, bottom;
    bool space_after;
  };
  std::vector<Box> bs;
  for (const poppler::text_box& b : boxes) {
    poppler::rectf r = b.bbox();
    std::string t = Utf8(b.text());
    if (utf8::Trim(t).empty()) continue;
    bs.push_back(Box{t, r.left(), r.right(), r.top(), r.bottom(), b.has_space_after()});
  }
  std::stable_sort(bs.begin(), bs.end(), [](const Box& a, const Box& b) {
    double ca = (a.top + a.bottom) / 2, cb = (b.top + b.bottom) / 2;
    if (std::abs(ca - cb) > 0.5) return ca < cb;
    return a.x0 < b.x0;
  });
  std::vector<std::vector<Box>> rows;
  for (const Box& b : bs) {
    double center = (b.top + b.bottom) / 2;
    bool placed = false;
    if (!rows.empty()) {
      // Same line when the box's centre lies within the line's vertical extent.
      const auto& row = rows.back();
      double top = row.front().top, bottom = row.front().bottom;
      for (const Box& o : row) {
        top = std::min(top, o.top);
        bottom = std::max(bottom, o.bottom);
      }
      if (center >= top && center <= bottom) {
        rows.back().push_back(b);
        placed = true;
      }
    }
    if (!placed) rows.push_back({b});
  }
  std::vector<Line> lines;
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
    Line line;
    line.page = page_no;
    line.page_width = rect.width();
    line.page_height = rect.height();
    line.x0 = row.front().x0;
    line.x1 = row.front().x1;
    line.top = row.front().top;
    line.bottom = row.front().bottom;
    bool space = false;
    for (const Box& b : row) {
      AppendJoined(&line.text, b.text, space || b.x0 - line.x1 > (b.bottom - b.top) * 0.8);
      space = b.space_after;
      line.x0 = std::min(line.x0, b.x0);
      line.x1 = std::max(line.x1, b.x1);
      line.top = std::min(line.top, b.top);
      line.bottom = std::max(line.bottom, b.bottom);
    }
    line.size = line.bottom - line.top;
    lines.push_back(std::move(line));
  }
  return lines;
}

bool IsPageNumber(const std::string& text) {
  static const RE2 kNumber(
      R"(^[\s\-—–－_·.]*(?:\d{1,4}|[IVXLivxl]{1,6})[\s\-—–－_·.]*$|)"
      R"(^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$|^(?:Page|page)\s*\d+(?:\s*of\s*\d+)?$)");
  return RE2::FullMatch(std::string(utf8::Trim(text)), kNumber);
}

// Marks page numbers and running headers/footers: lines in the top or bottom
// tenth of a page that are page numbers, or whose text (digits ignored)
// repeats in that zone on at least half of the pages.
void MarkFurniture(std::vector<Line>* lines, int pages) {
  auto in_zone = [](const Line& l) {
    double c = (l.top + l.bottom) / 2;
    return c < l.page_height * 0.1 || c > l.page_height * 0.9;
  };
  auto shape = [](const std::string& t) {
    std::string s;
    for (char c : t) s.push_back(c >= '0' && c <= '9' ? '#' : c);
    return std::string(utf8::Trim(s));
  };
  std::map<std::string, std::set<int>> seen;
  for (const Line& l : *lines) {
    if (in_zone(l)) seen[shape(l.text)].insert(l.page);
  }
  for (Line& l : *lines) {
    if (!in_zone(l)) continue;
    if (IsPageNumber(l.text)) {
      l.furniture = true;
      continue;
    }
    const auto& on = seen[shape(l.text)];
    if (pages >= 2 && on.size() >= 2 && on.size() * 2 >= static_cast<size_t>(pages)) {
      l.furniture = true;
    }
  }
}

double Mode(std::vector<double> v, double bucket) {
  if (v.empty()) return 0;
  std::map<long, int> count;
  for (double x : v) ++count[std::lround(x / bucket)];
  long best = 0;
  int n = -1;
  for (auto [k, c] : count) {
    if (c > n) {
      n = c;
      best = k;
    }
  }
  return best * bucket;
}

bool StartsWithMarker(const std::string& text) {
  static const RE2 kMarker("^(?:" + grammar::AnyMarker() + "|抄送|附件)");
  return RE2::PartialMatch(text, kMarker);
}

bool HaveTesseract() {
  return std::system("command -v tesseract >/dev/null 2>&1") == 0;
}

// OCR of one page with the tesseract command (chi_sim): the page is rendered
// at 300 dpi to a temporary PNG. Returns the recognised lines, or nullopt.
std::optional<std::vector<std::string>> OcrPage(const poppler::page& page, int page_no) {
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image img = renderer.render_page(&page, 300, 300);
  if (!img.is_valid()) return std::nullopt;
  std::string dir = std::filesystem::temp_directory_path().string();
  // Unique per call: worker threads (run --jobs) OCR pages of several PDFs at once.
  static std::atomic<unsigned> serial{0};
  std::string png = dir + "/gongwen-ocr-" + std::to_string(getpid()) + "-" + std::to_string(serial++) + "-" +
                    std::to_string(page_no) + ".png";
  if (!img.save(png, "png", 300)) return std::nullopt;
  std::string cmd = "tesseract '" + png + "' - -l chi_sim --psm 6 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  if (pipe != nullptr) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) out.append(buf, n);
    if (pclose(pipe) != 0) out.clear();
  }
  std::remove(png.c_str());
  if (out.empty()) return std::nullopt;
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t eol = out.find('\n', pos);
    if (eol == std::string::npos) eol = out.size();
    std::string line(utf8::Trim(std::string_view(out).substr(pos, eol - pos)));
    // tesseract separates every Chinese character by a space.
    std::string joined;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == ' ' && !joined.empty() && i + 1 < line.size() &&
          !(std::isalnum(static_cast<unsigned char>(joined.back())) &&
            std::isalnum(static_cast<unsigned char>(line[i + 1])))) {
        continue;
      }
      joined.push_back(line[i]);
    }
    if (!joined.empty()) lines.push_back(joined);
    pos = eol + 1;
  }
  return lines;
}

}  // namespace

Result<Extracted> ExtractPdf(std::string_view bytes, const Options& options) {
  SilencePoppler();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    size_t eof = bytes.rfind("%%EOF");
    std::string why = eof == std::string_view::npos
                          ? "no %%EOF marker: the file is truncated"
                          : "Poppler cannot read its structure: the file is damaged";
    return Error{ErrorCode::kDecode, "not a readable PDF (" + why + ")",
                 static_cast<int64_t>(bytes.size())};
  }
  if (doc->is_locked()) {
    return Error{ErrorCode::kEncrypted, "encrypted PDF: a password is needed to read its text"};
  }
  const int pages = doc->pages();
  if (pages <= 0) return Error{ErrorCode::kEmpty, "the PDF has no pages"};
  if (options.max_pages > 0 && pages > options.max_pages) {
    return Error{ErrorCode::kLimit, "the PDF has " + std::to_string(pages) + " pages, over --max-pages " +
                                        std::to_string(options.max_pages)};
  }

  Extracted ex;
  ex.source.path = options.path;
  ex.source.format = SourceFormat::kPdf;
  ex.source.bytes = static_cast<int64_t>(bytes.size());
  ex.source.encoding = "utf-8";
  ex.source.encoding_source = "pdf";
  ex.source.pages = pages;

  std::vector<Line> lines;
  std::vector<Line> ocr_lines;  // no positions: one paragraph per OCR line
  std::vector<int> no_text, ocr_pages;
  for (int i = 0; i < pages; ++i) {
    deadline::Check();
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      ex.warnings.push_back(Warning{WarningCode::kPageUnreadable,
                                    "page " + std::to_string(i + 1) + " could not be read",
                                    std::nullopt});
      continue;
    }
    std::vector<Line> page_lines = PageLines(*page, i + 1);
    // A page without a text layer, or whose fonts have no Unicode map (the
    // text comes out as U+FFFD and private-use code points), needs OCR.
    int64_t total = 0, bad = 0;
    for (const Line& l : page_lines) {
      for (size_t k = 0; k < l.text.size();) {
        int len;
        char32_t c = utf8::Decode(l.text, k, &len);
        total += c != ' ';
        bad += c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c < 0x20;
        k += len;
      }
    }
    if (total == 0 || bad * 3 > total) {
      if (options.ocr && HaveTesseract()) {
        if (auto ocr = OcrPage(*page, i + 1)) {
          ocr_pages.push_back(i + 1);
          for (const std::string& t : *ocr) {
            Line l;
            l.text = t;
            l.page = i + 1;
            ocr_lines.push_back(l);
          }
          continue;
        }
      }
      no_text.push_back(i + 1);
      continue;
    }
    lines.insert(lines.end(), page_lines.begin(), page_lines.end());
  }
  if (!no_text.empty()) {
    std::string list;
    for (int p : no_text) list += (list.empty() ? "" : ",") + std::to_string(p);
    std::string how =
        !options.ocr ? "; run with --ocr (needs Debian packages tesseract-ocr and "
                       "tesseract-ocr-chi-sim) to read them"
        : HaveTesseract() ? "; tesseract could not read them"
                          : "; --ocr needs the tesseract command: install Debian packages "
                            "tesseract-ocr and tesseract-ocr-chi-sim";
    if (static_cast<int>(no_text.size()) == pages) {
      return Error{ErrorCode::kNeedsOcr, "no text layer on any page (scanned PDF, pages " + list +
                                             ")" + how,
                   std::nullopt, no_text.front()};
    }
    ex.warnings.push_back(Warning{WarningCode::kNeedsOcr, "pages " + list + " have no usable text layer" + how,
                                  std::nullopt});
  }
  MarkFurniture(&lines, pages);

  // The body's left margin, right margin and character size.
  std::vector<double> lefts, rights, sizes;
  for (const Line& l : lines) {
    if (l.furniture) continue;
    lefts.push_back(l.x0);
    rights.push_back(l.x1);
    sizes.push_back(l.size);
  }
  const double left = Mode(lefts, 2.0);
  std::sort(rights.begin(), rights.end());
  const double right = rights.empty() ? 0 : rights[rights.size() * 9 / 10];
  std::sort(sizes.begin(), sizes.end());
  const double em = sizes.empty() ? 12 : std::max(4.0, sizes[sizes.size() / 2]);

  std::string para;
  int para_page = 0;
  bool para_heading = false;
  auto flush = [&]() {
    std::string_view t = utf8::Trim(para);
    if (!t.empty()) {
      Block& b = internal::AppendBlock(
          &ex, t, para_heading ? BlockKind::kHeading : BlockKind::kParagraph);
      b.heading_level = para_heading ? 1 : 0;
      b.page = para_page;
    }
    para.clear();
    para_heading = false;
  };
  const Line* prev = nullptr;
  bool prev_centered = false;
  for (const Line& l : lines) {
    if (l.furniture) {
      // Kept in the text as its own block so its removal is logged; the
      // open paragraph is not interrupted (it is appended when complete).
      internal::AppendBlock(&ex, utf8::Trim(l.text), BlockKind::kFurniture).page = l.page;
      continue;
    }
    const double indent = l.x0 - left;
    const double middle = (l.x0 + l.x1) / 2;
    const bool centered = indent > 1.5 * em && std::abs(middle - l.page_width / 2) < 1.5 * em &&
                          l.x1 < right - 1.5 * em;
    // Titles are set larger than the body (2号 against 3号) and wrap onto
    // lines of the same size, centred or not.
    const bool big = l.size > em * 1.15;
    const bool prev_big = prev != nullptr && prev->size > em * 1.15;
    const bool title_continues = big && prev_big && prev->page == l.page &&
                                 std::abs(prev->size - l.size) < 0.2 * em &&
                                 l.top - prev->bottom < 1.2 * l.size;
    bool new_para = prev == nullptr || big != prev_big ||
                    (big && !title_continues) ||
                    (!big && (centered || prev_centered || indent > 1.2 * em ||
                              StartsWithMarker(l.text)));
    if (prev != nullptr && !new_para && !big) {
      const bool prev_full = prev->x1 >= right - 1.5 * em;
      const bool same_page = prev->page == l.page;
      const double gap = l.top - prev->bottom;
      if (!prev_full) new_para = true;
      if (same_page && gap > 1.2 * em) new_para = true;
    }
    if (new_para) flush();
    if (para.empty()) {
      para_page = l.page;
      para_heading = big;
    }
    AppendJoined(&para, l.text, true);
    prev = &l;
    prev_centered = centered;
  }
  flush();
  for (const Line& l : ocr_lines) {
    internal::AppendBlock(&ex, l.text, BlockKind::kParagraph).page = l.page;
  }
  if (!ocr_pages.empty()) {
    std::string list;
    for (int p : ocr_pages) list += (list.empty() ? "" : ",") + std::to_string(p);
    ex.warnings.push_back(Warning{WarningCode::kOcrUsed,
                                  "pages " + list + " were read by OCR (tesseract chi_sim); "
                                  "check the text",
                                  std::nullopt});
  }
  if (ex.blocks.empty()) return Error{ErrorCode::kEmpty, "no text in the PDF"};
  return ex;
}

}  // namespace gongwen::extract
