// normalize: Extracted -> Normalized (one clean simplified-Chinese text).
//
// In:  the blocks of one extracted document.
// Out: Normalized::text (paragraphs joined by '\n'), the paragraphs, a
//      byte-level map back to Extracted::text, every repair made (kind,
//      source span, before, after) and warnings for what stayed suspicious.
// Passes, in order: mojibake (UTF-8 read as Latin-1 or GBK; GBK that lost
//      bytes), width and invisible characters, 文号 brackets, Markdown markup,
//      pinyin annotations (only when a document shows them densely),
//      traditional to simplified (only for paragraphs that are traditional),
//      OCR/typing confusions, site chrome and SEO spam lines, layout spaces,
//      hard line breaks inside sentences.
// Never fails: text it cannot improve is passed on unchanged.
// Thread-safety: a Normalizer is immutable after Create(); Run() may be
//      called from several threads at once.
#ifndef GONGWEN_NORMALIZE_NORMALIZE_H_
#define GONGWEN_NORMALIZE_NORMALIZE_H_

#include <memory>

#include "model/model.h"
#include "model/result.h"

namespace gongwen::normalize {

struct Options {
  bool convert_traditional = true;  // OpenCC t2s on traditional paragraphs
  bool repair_mojibake = true;      // è¿žäº‘æ¸¯ (UTF-8 read as Latin-1) -> 连云港
  bool remove_pinyin = true;        // drop 業(yè)-style annotations when dense
  bool remove_chrome = true;        // 扫一扫…, 字号[大][中][小], view counters
  bool remove_spam = true;          // keyword-stuffed SEO lines
  bool join_lines = true;           // rejoin sentences split by hard line breaks
  bool fix_confusions = true;       // 类励 -> 奖励 (data/confusions.tsv), 二0二五年 -> 二〇二五年
};

namespace internal {
class ScriptConverter;
}

class Normalizer {
 public:
  // Loads the OpenCC t2s configuration (once per process is enough).
  static Result<std::unique_ptr<Normalizer>> Create();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  Normalized Run(const Extracted& extracted, const Options& options = {}) const;

 private:
  explicit Normalizer(std::unique_ptr<internal::ScriptConverter> script);
  std::unique_ptr<internal::ScriptConverter> script_;
};

}  // namespace gongwen::normalize

#endif  // GONGWEN_NORMALIZE_NORMALIZE_H_
