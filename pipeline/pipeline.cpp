#include "pipeline/pipeline.h"

#include <cstdio>
#include <new>

#include "util/deadline.h"

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

namespace {

// The metadata field a container's role fills; "" for roles that fill none.
std::string FieldOfRole(container::Role role) {
  switch (role) {
    case container::Role::kTitle: return "title";
    case container::Role::kUrl: return "url";
    case container::Role::kDate: return "published_date";
    case container::Role::kDocNumber: return "doc_number";
    case container::Role::kIssuer: return "issuer";
    case container::Role::kHistory: return "history";
    case container::Role::kUnnamed: return "unnamed";
    default: return "";
  }
}

ValueFrom FromOrigin(container::Origin origin) {
  switch (origin) {
    case container::Origin::kRecordField: return ValueFrom::kRecordField;
    case container::Origin::kHttpHeader: return ValueFrom::kHttpHeader;
    case container::Origin::kWarcHeader: return ValueFrom::kWarcHeader;
  }
  return ValueFrom::kRecordField;
}

// A stated value in UTF-8: a CSV or SQL dump may be in GBK.
std::string AsUtf8(const std::string& v) {
  auto d = extract::DecodeText(v);
  return d.ok() ? d.value().text : v;
}

}  // namespace

std::optional<std::string> BodyOverLimit(const container::Record& record, int64_t max_bytes) {
  if (max_bytes < 0 || static_cast<int64_t>(record.body.size()) <= max_bytes) return std::nullopt;
  return "its body is " + std::to_string(record.body.size()) + " bytes, over --max-bytes " + std::to_string(max_bytes);
}

RecordInput FromRecord(const container::Record& record, container::Kind kind) {
  RecordInput in;
  in.where = SourceInfo::Record{std::string(container::KindName(kind)), record.key, record.ordinal,
                                record.byte_offset, record.body_field};
  in.format_hint = record.body_format;
  in.sha256 = record.sha256;
  if (!record.charset.empty()) in.charset = record.charset;
  for (const container::Stated& s : record.stated) {
    const std::string field = FieldOfRole(s.role);
    if (field.empty()) continue;
    if (field == "url" && !in.url) in.url = s.value;
    in.stated.push_back(StatedValue{field, AsUtf8(s.value), FromOrigin(s.origin), s.name});
  }
  return in;
}

Result<Policy> Pipeline::Process(std::string_view bytes, const std::string& path,
                                 const ProcessOptions& options, const RecordInput* record) const {
  const char* stage = "extract";
  try {
    deadline::Scope budget(options.limits.timeout_seconds);
    extract::Options eo;
    eo.max_pages = options.limits.max_pages;
    eo.path = path;
    eo.declared_charset = record && record->charset ? record->charset : options.declared_charset;
    eo.url = record && record->url ? record->url : options.url;
    eo.ocr = options.ocr;
    if (record) eo.format_hint = record->format_hint;
    auto extracted = extract::Extract(bytes, eo);
    if (!extracted.ok()) return extracted.error();
    Extracted& ex = extracted.value();
    ex.source.sha256 = record ? record->sha256 : Sha256Hex(bytes);
    ex.source.bytes = static_cast<int64_t>(bytes.size());
    if (record) {
      ex.source.record = record->where;
      if (record->url) ex.source.url = record->url;
      ex.stated.insert(ex.stated.end(), record->stated.begin(), record->stated.end());
    }
    stage = "normalize";
    Normalized norm = normalizer_->Run(ex, options.normalize);
    stage = "structure";
    return structure::Structure(norm, structure::Options{options.as_of});
  } catch (const deadline::Expired&) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", options.limits.timeout_seconds);
    return Error{ErrorCode::kLimit,
                 std::string("took longer than --timeout ") + seconds + " s (stopped in " + stage + ")"};
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kInternal, std::string("out of memory (in ") + stage + ")"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, std::string("internal error: ") + e.what()};
  }
}

}  // namespace gongwen
