#include "normalize/normalize.h"
#include "util/deadline.h"

#include <opencc/opencc.h>

#include <algorithm>
#include <cctype>
#include <exception>

#include "normalize/internal/passes.h"
#include "util/utf8.h"

namespace gongwen::normalize {

using internal::MappedText;
using internal::Para;
using internal::RepairLog;

namespace {

ParagraphKind KindOf(BlockKind k) {
  switch (k) {
    case BlockKind::kHeading: return ParagraphKind::kHeading;
    case BlockKind::kListItem: return ParagraphKind::kListItem;
    case BlockKind::kTableRow: return ParagraphKind::kTableRow;
    default: return ParagraphKind::kBody;
  }
}

// A character that is the continuation byte of UTF-8 read as Latin-1 or
// CP1252: U+0080..U+00BF, or one of CP1252's punctuation marks for 0x80..0x9F.
bool IsContinuationLookalike(char32_t c) {
  const int byte = internal::Cp1252Byte(c);
  return byte >= 0x80 && byte <= 0xBF;
}

// Characters a GBK decoder writes, in step or not: Han, CJK punctuation,
// pinyin letters, kana, bopomofo, Greek,
// Cyrillic, box drawing, full-width forms and private use (GBK's rows).
bool GbkLike(char32_t c) {
  return utf8::IsHan(c) || utf8::IsCjkPunct(c) || (c >= 0xE0 && c <= 0x1DC) ||
         (c >= 0x3040 && c <= 0x312F) || (c >= 0x370 && c <= 0x4FF) ||
         (c >= 0x2460 && c <= 0x257F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0xE000 && c <= 0xF8FF);
}

// Characters that survive in text only through broken decoding: U+FFFD,
// private-use code points, '?' standing between Chinese characters (a lost
// byte), C1 control characters, and a Latin-1 letter followed by a
// continuation look-alike (Ã¨, å¹). Each run of them is one warning with its
// span, so a reader knows the text is not trustworthy there.
void WarnSuspiciousCharacters(const std::string& text, std::vector<Warning>* warnings) {
  const std::u32string t = utf8::ToU32(text);
  auto what = [&](size_t i) -> const char* {
    const char32_t c = t[i];
    const char32_t prev = i > 0 ? t[i - 1] : 0, next = i + 1 < t.size() ? t[i + 1] : 0;
    if (c == 0xFFFD) return "replacement character U+FFFD (undecodable bytes)";
    if (c >= 0xE000 && c <= 0xF8FF) return "private-use character (mojibake)";
    if (c == '?') {
      // Beside a GBK character, or a few ASCII letters or digits away from
      // it (额200?(不含税): the lost bytes were 万元; a full-width Ｊ or ５
      // of the damage, folded to ASCII).
      auto alnum = [](char32_t x) { return x < 0x80 && std::isalnum(static_cast<int>(x)); };
      bool near = false;
      for (size_t k = i, n = 0; k > 0 && n < 5 && !near; ++n) {
        --k;
        near = GbkLike(t[k]);
        if (!alnum(t[k])) break;
      }
      for (size_t k = i + 1, n = 0; k < t.size() && n < 5 && !near; ++k, ++n) {
        near = GbkLike(t[k]);
        if (!alnum(t[k])) break;
      }
      if (near) return "'?' inside Chinese text (lost bytes)";
    }
    if (c >= 0x80 && c <= 0x9F) return "C1 control character (UTF-8 read as Latin-1)";
    // × and ÷ are signs (关于“×××”同志), not letters.
    auto latin_letter = [](char32_t x) { return x >= 0xC0 && x <= 0xFF && x != 0xD7 && x != 0xF7; };
    if ((latin_letter(c) && IsContinuationLookalike(next)) ||
        (latin_letter(prev) && IsContinuationLookalike(c))) {
      return "UTF-8 read as Latin-1/CP1252";
    }
    return nullptr;
  };
  for (size_t i = 0; i < t.size();) {
    const char* w = what(i);
    if (w == nullptr) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < t.size() && what(j) != nullptr) ++j;
    warnings->push_back(Warning{WarningCode::kMojibakeUnrepaired, w,
                                CodePointSpan{static_cast<int64_t>(i), static_cast<int64_t>(j)}});
    i = j;
  }
}

}  // namespace

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  try {
    auto t2s = std::make_unique<opencc::SimpleConverter>("t2s.json");
    auto script = std::make_unique<internal::ScriptConverter>(std::move(t2s));
    return std::unique_ptr<Normalizer>(new Normalizer(std::move(script)));
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal,
                 std::string("cannot load OpenCC t2s.json (is package opencc installed?): ") +
                     e.what()};
  }
}

Normalizer::Normalizer(std::unique_ptr<internal::ScriptConverter> script)
    : script_(std::move(script)) {}
Normalizer::~Normalizer() = default;

namespace {

// Where each page of a PDF starts in the normalized text: the first byte
// made from that page's blocks; a page that gave none starts where the next
// one does (its number still shows which page a value is on).
std::vector<int64_t> PageStarts(const Extracted& ex, const std::vector<uint32_t>& origin) {
  std::vector<int64_t> starts;
  if (!ex.source.pages || *ex.source.pages <= 0 || ex.blocks.empty()) return starts;
  const int pages = *ex.source.pages;
  std::vector<int64_t> first(static_cast<size_t>(pages), -1);  // Extracted::text bytes
  for (const Block& b : ex.blocks) {
    if (!b.page || *b.page < 1 || *b.page > pages) continue;
    int64_t& f = first[static_cast<size_t>(*b.page - 1)];
    if (f < 0 || b.begin < f) f = b.begin;
  }
  starts.assign(static_cast<size_t>(pages), 0);
  int64_t next = static_cast<int64_t>(origin.size()) - 1;  // the text's end
  for (size_t k = first.size(); k-- > 0;) {
    if (first[k] >= 0) {
      next = std::min<int64_t>(next, std::lower_bound(origin.begin(), origin.end() - 1, first[k]) - origin.begin());
    }
    starts[k] = next;
  }
  starts[0] = 0;
  return starts;
}

}  // namespace

namespace {

// The block of extracted text that holds byte `at` (blocks are in order).
const Block* BlockAt(const std::vector<Block>& blocks, int64_t at) {
  auto it = std::upper_bound(blocks.begin(), blocks.end(), at,
                             [](int64_t a, const Block& b) { return a < b.begin; });
  if (it == blocks.begin()) return nullptr;
  --it;
  return at <= it->end ? &*it : nullptr;
}

}  // namespace

Normalized Normalizer::Run(const Extracted& ex, const Options& opt) const {
  RepairLog log;
  // Removes a whole paragraph, logging it as `kind`.
  auto remove_paragraph = [&log](const Para& p, RepairKind kind) {
    internal::TextBuilder b(p.text);
    b.Remove(0, p.text.size(), kind, &log);
  };
  std::vector<Para> paras;
  const internal::DocumentContext document(ex.text, *script_);
  for (const Block& block : ex.blocks) {
    deadline::Check();
    Para p;
    p.text = MappedText::FromSource(
        std::string_view(ex.text).substr(block.begin, block.end - block.begin),
        static_cast<uint32_t>(block.begin));
    // Page furniture and hidden elements the extractor kept apart: removed
    // here, so the removal is logged with its text like every other repair.
    const bool drop = (block.kind == BlockKind::kChrome && opt.remove_chrome) ||
                      (block.kind == BlockKind::kHidden && opt.remove_spam) ||
                      block.kind == BlockKind::kMetadata || block.kind == BlockKind::kFurniture;
    if (drop) {
      if (!p.text.empty()) {
        // Hidden text stuffed with spam words is an SEO injection.
        const bool spam = internal::IsSpamLine(p.text.text) ||
                          (block.kind == BlockKind::kHidden &&
                           internal::SpamWordCount(p.text.text) >= 2);
        const RepairKind kind = spam                                  ? RepairKind::kSpamRemoved
                                : block.kind == BlockKind::kHidden    ? RepairKind::kHiddenRemoved
                                : block.kind == BlockKind::kMetadata  ? RepairKind::kMetadataTable
                                : block.kind == BlockKind::kFurniture ? RepairKind::kPageFurniture
                                                                      : RepairKind::kChromeRemoved;
        remove_paragraph(p, kind);
      }
      continue;
    }
    p.kind = KindOf(block.kind);
    // Before width folding: an NBSP in mojibake is the byte 0xA0 of a character.
    if (opt.repair_mojibake) {
      p.text = internal::RepairLatin1Mojibake(p.text, &log);
      p.text = internal::RepairGbkMojibake(p.text, *script_, document, &log);
    }
    p.text = internal::FoldWidth(p.text, &log, p.kind == ParagraphKind::kTableRow);
    p.text = internal::CanonicalDocNumberBrackets(p.text, &log);
    p.heading_level = block.heading_level;
    p.table = block.table;
    p.header_row = block.header_row;
    p.cell_source = block.cell_source;
    if (ex.source.format == SourceFormat::kMarkdown) p.text = internal::StripMarkdown(p.text, &log);
    paras.push_back(std::move(p));
  }

  std::string all;
  for (const Para& p : paras) all += p.text.text;
  const int64_t han = std::max<int64_t>(1, utf8::CountHan(all));

  // Annotation widgets put pinyin after nearly every other character; one
  // per 50 Han characters is far above any legitimate gloss.
  if (opt.remove_pinyin) {
    int annotations = internal::CountPinyinAnnotations(all);
    if (annotations >= 5 && annotations * 50 >= han) {
      for (Para& p : paras) p.text = internal::RemovePinyin(p.text, &log);
    }
  }
  bool traditional_doc = false;
  if (opt.convert_traditional) {
    std::string now;
    for (const Para& p : paras) now += p.text.text;
    // A traditional document: one Han character in ten would change (real
    // traditional text is near one in four), and not all the same one (a
    // simplified notice about 乾县 names it again and again).
    int distinct = 0;
    traditional_doc = script_->CountTraditional(now, &distinct) * 10 >= han && distinct >= 3;
    for (Para& p : paras) p.text = script_->ToSimplified(p.text, traditional_doc, &log);
  }

  std::vector<Para> kept;
  for (Para& p : paras) {
    deadline::Check();
    if (p.kind == ParagraphKind::kTableRow) {
      if (opt.fix_confusions) p.text = internal::RepairConfusions(p.text, &log);
      p.text = internal::CollapseLayoutSpaces(p.text, &log);
      kept.push_back(std::move(p));
      continue;
    }
    if (opt.remove_spam && internal::IsSpamLine(p.text.text)) {
      remove_paragraph(p, RepairKind::kSpamRemoved);
      continue;
    }
    if (internal::IsPageNumberLine(p.text.text)) {
      // A PDF saved as text keeps its page numbers; the PDF reader drops
      // them as furniture, and so does this.
      remove_paragraph(p, RepairKind::kPageFurniture);
      continue;
    }
    if (opt.remove_chrome) {
      if (internal::IsChromeLine(p.text.text)) {
        remove_paragraph(p, RepairKind::kChromeRemoved);
        continue;
      }
      p.text = internal::RemoveChromeFragments(p.text, &log);
      // What the fragments leave may be chrome as a whole (字号:[大][中][小]
      // 打印本页 关闭窗口 -> 打印本页 关闭窗口).
      if (internal::IsChromeLine(p.text.text)) {
        remove_paragraph(p, RepairKind::kChromeRemoved);
        continue;
      }
    }
    if (opt.fix_confusions) p.text = internal::RepairConfusions(p.text, &log);
    p.text = internal::CollapseLayoutSpaces(p.text, &log);
    if (p.text.empty()) continue;
    kept.push_back(std::move(p));
  }
  if (opt.join_lines) internal::RejoinLostMarkerDots(&kept, &log);
  if (opt.join_lines) internal::JoinBrokenLines(&kept, &log);
  if (opt.join_lines) internal::SplitFlattenedParagraphs(&kept, ex.source.record.has_value(), &log);

  Normalized out;
  // Page metadata is text too: the same width, script and space rules.
  auto normalize_value = [&](const std::string& v) {
    RepairLog scratch;  // repairs of page metadata are not part of the text's
    MappedText m = MappedText::FromSource(v, 0);
    m = internal::FoldWidth(m, &scratch);
    if (opt.convert_traditional) m = script_->ToSimplified(m, traditional_doc, &scratch);
    m = internal::CollapseLayoutSpaces(m, &scratch);
    return m.text;
  };
  for (const PageField& f : ex.page_fields) {
    out.page_fields.push_back(PageField{normalize_value(f.label), normalize_value(f.value)});
  }
  for (const Attachment& a : ex.attachments) {
    out.attachments.push_back(Attachment{normalize_value(a.title), a.href});
  }
  for (const StatedValue& v : ex.stated) {
    StatedValue n = v;
    if (v.field != "url") n.value = normalize_value(v.value);
    out.stated.push_back(std::move(n));
  }
  out.source = ex.source;
  out.extracted_text = ex.text;
  out.warnings = ex.warnings;
  for (const Para& p : kept) {
    if (!out.text.empty()) {
      out.text.push_back('\n');
      out.origin.push_back(p.text.src_begin.front());
    }
    Paragraph para;
    para.kind = p.kind;
    para.heading_level = p.heading_level;
    para.table = p.table;
    para.header_row = p.header_row;
    para.cell_source = p.cell_source;
    para.begin = static_cast<int64_t>(out.text.size());
    out.text += p.text.text;
    out.origin.insert(out.origin.end(), p.text.src_begin.begin(), p.text.src_begin.end());
    para.end = static_cast<int64_t>(out.text.size());
    out.paragraphs.push_back(para);
  }
  out.origin.push_back(static_cast<uint32_t>(ex.text.size()));
  out.page_starts = PageStarts(ex, out.origin);

  // Repairs in output coordinates: source spans in code points of the
  // extracted text, `at` in code points of the normalized text.
  const utf8::CodePointIndex src_index(ex.text);
  const utf8::CodePointIndex out_index(out.text);
  for (const auto& [kind, raws] : log.by_kind()) {
    Repair r;
    r.kind = kind;
    for (const internal::RawRepair& raw : raws) {
      RepairItem item;
      item.source = src_index.ToCodePoints(ByteSpan{raw.src_begin, raw.src_end});
      item.before = ex.text.substr(raw.src_begin, raw.src_end - raw.src_begin);
      item.after = raw.after;
      if (const Block* b = BlockAt(ex.blocks, raw.src_begin); b && b->raw_byte) {
        item.raw_line = b->line;
        item.raw_byte = b->raw_byte;
      }
      size_t at_byte = std::lower_bound(out.origin.begin(), out.origin.end() - 1, raw.src_begin) -
                       out.origin.begin();
      // The '\n' between paragraphs shares the next paragraph's origin; a
      // repair at a paragraph's start is at its first character, not there.
      if (at_byte < out.text.size() && out.text[at_byte] == '\n' &&
          out.origin[at_byte + 1] == out.origin[at_byte]) {
        ++at_byte;
      }
      item.at = out_index.ToCodePoint(at_byte);
      r.items.push_back(std::move(item));
    }
    std::stable_sort(r.items.begin(), r.items.end(),
                     [](const RepairItem& a, const RepairItem& b) {
                       return a.source.begin < b.source.begin;
                     });
    out.repairs.push_back(std::move(r));
  }
  WarnSuspiciousCharacters(out.text, &out.warnings);
  if (opt.fix_confusions) {
    for (Warning& w : internal::FindOcrSuspects(out.text)) out.warnings.push_back(std::move(w));
  }
  return out;
}

}  // namespace gongwen::normalize
