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

#include "container/container.h"
#include "model/model.h"
#include "model/result.h"
#include "normalize/normalize.h"

namespace gongwen {

// How much one document may take; each limit passed is that document's
// kLimit error, never the batch's end.
struct Limits {
  static constexpr int64_t kDefaultMaxBytes = 64 << 20;
  int64_t max_bytes = kDefaultMaxBytes;  // an input file or a record body
  int max_pages = 2000;                  // of a PDF
  double timeout_seconds = 60;           // extract + normalize + structure; 0: none
};

struct ProcessOptions {
  Limits limits;
  normalize::Options normalize;
  std::optional<std::string> declared_charset = std::nullopt;
  std::optional<std::string> url = std::nullopt;  // where the input came from
  bool ocr = false;  // OCR scanned PDF pages with tesseract
  std::string as_of;  // the day metadata.status is judged on (YYYY-MM-DD); empty: not judged
};

// What a container says of a document that is one of its records: where
// it sits in the file, its URL and charset, the title and dates it states.
struct RecordInput {
  SourceInfo::Record where;
  std::string format_hint;              // "html" when the body field is markup
  std::optional<std::string> charset;   // an HTTP header's (WARC), outranks <meta charset>
  std::optional<std::string> url;       // resolves the record's attachment links
  std::vector<StatedValue> stated;      // title, published_date, doc_number, issuer
  std::string sha256;                   // of what the record's output depends on
};

// A container's record as the pipeline's input.
RecordInput FromRecord(const container::Record& record, container::Kind kind);

// Why a record's body is not processed: over --max-bytes (`max_bytes` < 0:
// no limit); none when it is within it.
std::optional<std::string> BodyOverLimit(const container::Record& record, int64_t max_bytes);

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create();
  // `record` set: `bytes` is that record's body, `path` its container file.
  Result<Policy> Process(std::string_view bytes, const std::string& path,
                         const ProcessOptions& options = {}, const RecordInput* record = nullptr) const;

 private:
  explicit Pipeline(std::unique_ptr<normalize::Normalizer> normalizer);
  std::unique_ptr<normalize::Normalizer> normalizer_;
};

}  // namespace gongwen

#endif  // GONGWEN_PIPELINE_PIPELINE_H_
