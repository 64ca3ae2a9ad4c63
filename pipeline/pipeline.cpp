#include "pipeline/pipeline.h"

#include <exception>

#include "extract/extract.h"
#include "structure/structure.h"
#include "util/sha256.h"

namespace gongwen {

Result<std::unique_ptr<Pipeline>> Pipeline::Create() {
  auto normalizer = normalize::Normalizer::Create();
  if (!normalizer.ok()) return normalizer.error();
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(normalizer).value()));
}

Pipeline::Pipeline(std::unique_ptr<normalize::Normalizer> normalizer)
    : normalizer_(std::move(normalizer)) {}

Result<Policy> Pipeline::Process(std::string_view bytes, const std::string& path,
                                 const ProcessOptions& options) const {
  try {
    extract::Options eo;
    eo.path = path;
    eo.declared_charset = options.declared_charset;
    eo.url = options.url;
    eo.ocr = options.ocr;
    auto extracted = extract::Extract(bytes, eo);
    if (!extracted.ok()) return extracted.error();
    Extracted& ex = extracted.value();
    ex.source.sha256 = Sha256Hex(bytes);
    ex.source.bytes = static_cast<int64_t>(bytes.size());
    Normalized norm = normalizer_->Run(ex, options.normalize);
    return structure::Structure(norm, structure::Options{options.as_of});
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, std::string("internal error: ") + e.what()};
  }
}

}  // namespace gongwen
