// pipeline: the one place where the stages meet.
//
//   bytes --extract--> Extracted --normalize--> Normalized --structure--> Policy
//
// In:  the raw bytes of one document and its path (for the format hint and
//      SourceInfo). Out: the Policy, or an Error for input gongwen cannot read
//      (binary, unsupported format, empty). Library exceptions are caught
//      here and become kInternal errors: one bad document never stops a batch.
// Thread-safety: a Pipeline is immutable after Create(); Process() may run
//      concurrently on different documents.
#ifndef GONGWEN_PIPELINE_PIPELINE_H_
#define GONGWEN_PIPELINE_PIPELINE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/model.h"
#include "model/result.h"
#include "normalize/normalize.h"

namespace gongwen {

struct ProcessOptions {
  normalize::Options normalize;
  std::optional<std::string> declared_charset = std::nullopt;
  std::optional<std::string> url = std::nullopt;  // where the input came from
  bool ocr = false;  // OCR scanned PDF pages with tesseract
  std::string as_of;  // the day metadata.status is judged on (YYYY-MM-DD); empty: not judged
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create();
  Result<Policy> Process(std::string_view bytes, const std::string& path,
                         const ProcessOptions& options = {}) const;

 private:
  explicit Pipeline(std::unique_ptr<normalize::Normalizer> normalizer);
  std::unique_ptr<normalize::Normalizer> normalizer_;
};

}  // namespace gongwen

#endif  // GONGWEN_PIPELINE_PIPELINE_H_
