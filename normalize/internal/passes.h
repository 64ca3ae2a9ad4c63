// The individual normalize passes. Each reads one paragraph as MappedText and
// returns the next version, logging what it changed. One file per pass.
#ifndef GONGWEN_NORMALIZE_INTERNAL_PASSES_H_
#define GONGWEN_NORMALIZE_INTERNAL_PASSES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/model.h"
#include "normalize/internal/mapped_text.h"

namespace opencc {
class SimpleConverter;
}

namespace gongwen::normalize::internal {

struct Para {
  MappedText text;
  ParagraphKind kind = ParagraphKind::kBody;
  int heading_level = 0;
  int table = -1;
  bool header_row = false;
  std::vector<std::pair<int, int>> cell_source;
};

// width.cpp: full-width digits, Latin letters and % to ASCII; every kind of
// space to ' '; zero-width characters and soft hyphens removed. Table rows
// keep their '\t' cell separators (`keep_tabs`).
MappedText FoldWidth(const MappedText& in, RepairLog* log, bool keep_tabs = false);

// mojibake.cpp: UTF-8 that was read as Latin-1/CP1252 (è¿žäº‘æ¸¯ -> 连云港),
// repaired only where the bytes decode to two or more Chinese characters.
MappedText RepairLatin1Mojibake(const MappedText& in, RepairLog* log);
// The byte a character stood for in Windows-1252 (Latin-1 for U+00A0..U+00FF
// and for the C1 controls CP1252 leaves undefined); -1 when none.
int Cp1252Byte(char32_t c);

// gbk_mojibake.cpp: UTF-8 read as GBK (杩炰簯娓 -> 连云港) and GBK text
// that lost bytes (東??h -> 東海縣), the lost characters chosen by lexicon
// and by what the rest of the document says.
class ScriptConverter;
class DocumentContext {
 public:
  // `text`: the whole extracted document; simplified lazily, on first use.
  DocumentContext(const std::string& text, const ScriptConverter& script)
      : text_(text), script_(script) {}
  // Whether the document uses `word` (simplified) or, for a place name, its
  // city or another division of that city.
  bool Supports(const std::u32string& word) const;
  // Lost-byte searches are costly: a document gets 512 of them, the rest of
  // its '?'s are only warned.
  bool TakeAttempt() const { return ++attempts_ <= 512; }

 private:
  bool Contains(const std::u32string& word) const;
  const std::string& text_;
  const ScriptConverter& script_;
  mutable std::u32string simple_;
  mutable bool built_ = false;
  mutable std::map<std::u32string, bool> seen_;  // Contains(), memoised
  mutable int attempts_ = 0;
};
MappedText RepairGbkMojibake(const MappedText& in, const ScriptConverter& script,
                             const DocumentContext& doc, RepairLog* log);

// doc_numbers.cpp: the year brackets of a 发文字号 to 〔〕 ([2025] -> 〔2025〕).
MappedText CanonicalDocNumberBrackets(const MappedText& in, RepairLog* log);

// confusions.cpp: OCR and typing confusions (类励 -> 奖励, 二0二五年 ->
// 二〇二五年) from data/confusions.tsv; its suspects become warnings.
MappedText RepairConfusions(const MappedText& in, RepairLog* log);
std::vector<Warning> FindOcrSuspects(const std::string& text);

// markdown.cpp: leading '#'s of a heading, '- ' of a list item, '**' emphasis.
MappedText StripMarkdown(const MappedText& in, RepairLog* log);

// pinyin.cpp: counts 字(pīn) annotations; removes them.
int CountPinyinAnnotations(const std::string& text);
MappedText RemovePinyin(const MappedText& in, RepairLog* log);

// script.cpp: traditional -> simplified with OpenCC phrases.
class ScriptConverter {
 public:
  explicit ScriptConverter(std::unique_ptr<opencc::SimpleConverter> t2s);
  ~ScriptConverter();
  std::string Convert(const std::string& text) const;
  // Number of code points t2s would change on their own (a table lookup,
  // no OpenCC call: most documents are simplified and never reach OpenCC).
  // `distinct` (optional): how many different such characters (up to 64).
  int CountTraditional(const std::string& text, int* distinct = nullptr) const;
  // The simplified form of one character on its own (no phrase context);
  // the character itself when t2s leaves it or maps it to several.
  char32_t Simplify(char32_t c) const;
  // Converts `in` when it is traditional; `document_is_traditional` lowers
  // the bar for short paragraphs of a traditional document.
  MappedText ToSimplified(const MappedText& in, bool document_is_traditional,
                          RepairLog* log) const;

 private:
  std::unique_ptr<opencc::SimpleConverter> t2s_;
  std::vector<bool> convertible_;  // by code point, for the CJK blocks
  std::vector<char32_t> simple_;   // Simplify(), 0 where unchanged
};

// noise.cpp: site chrome and SEO spam.
bool IsChromeLine(const std::string& text);
// A line that is only a page number (— 3 —, 第3页 共5页): page furniture.
bool IsPageNumberLine(const std::string& text);
bool IsSpamLine(const std::string& text);
// How many words of the spam lexicon occur in text.
int SpamWordCount(const std::string& text);
// Removes chrome fragments (view counters, 字号[大][中][小]) inside a line.
MappedText RemoveChromeFragments(const MappedText& in, RepairLog* log);

// spaces.cpp: drops spaces that are layout (next to CJK), collapses the rest.
MappedText CollapseLayoutSpaces(const MappedText& in, RepairLog* log);

// lines.cpp: rejoins paragraphs split inside a sentence.
bool EndsMidSentence(const std::string& prev, const std::string& next);
void JoinBrokenLines(std::vector<Para>* paras, RepairLog* log);
// "２" alone on a line, then "U+FFFD 大力…": a marker whose dot a PDF font lost;
// rejoined as "2.大力…" (repair kind marker_dot_restored).
void RejoinLostMarkerDots(std::vector<Para>* paras, RepairLog* log);

// flattened.cpp: splits long paragraphs that lost their line breaks (a crawl
// record's one-line text) where clauses, chapters and signatures start;
// `from_record`: the text is a crawl record's field, shorter lines qualify.
void SplitFlattenedParagraphs(std::vector<Para>* paras, bool from_record, RepairLog* log);

}  // namespace gongwen::normalize::internal

#endif  // GONGWEN_NORMALIZE_INTERNAL_PASSES_H_
