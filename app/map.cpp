#include "app/map.h"

#include <algorithm>
#include <memory>
#include <string>

#include "container/container.h"
#include "export/json.h"

namespace gongwen::map_cli {

namespace {

// Lines are gathered into blocks of about this size before they are read
// as one piece of the container.
constexpr size_t kBlockBytes = 4 << 20;

enum class Line { kRead, kTooLong, kEnd };

// One line of `in` into `line` (with its '\n'), at most `cap` bytes; a
// longer line is read past and not kept. `bytes`: the line's whole length.
Line ReadLine(std::istream& in, size_t cap, std::string* line, size_t* bytes) {
  line->clear();
  *bytes = 0;
  bool too_long = false;
  for (int c; (c = in.get()) != EOF;) {
    ++*bytes;
    if (line->size() < cap) {
      line->push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
    if (c == '\n') return too_long ? Line::kTooLong : Line::kRead;
  }
  if (too_long) return Line::kTooLong;
  return line->empty() ? Line::kEnd : Line::kRead;
}

class Mapper {
 public:
  Mapper(const MapOptions& o, Pipeline* pipeline, std::ostream& out) : o_(o), pipeline_(pipeline), out_(out) {
    container::ParseFieldMap(o.fields, &fields_);
  }

  // One block of whole lines, starting at `at`; returns where the next starts.
  container::Position Block(const std::string& block, container::Position at) {
    const container::Unpacked u = container::Unpack(block, "records.jsonl", fields_, at);
    int64_t last = at.ordinal;
    size_t e = 0;
    for (const container::Record& r : u.records) {
      for (; e < u.errors.size() && u.errors[e].ordinal < r.ordinal; ++e) BadRecord(u.errors[e]);
      Record(r, u.kind);
      last = std::max(last, r.ordinal);
    }
    for (; e < u.errors.size(); ++e) BadRecord(u.errors[e]);
    for (const auto* list : {&u.errors, &u.skipped}) {
      for (const container::RecordError& x : *list) last = std::max(last, x.ordinal);
    }
    return container::Position{last, at.byte + static_cast<int64_t>(block.size())};
  }

  // A line over the cap: its record's error; it still takes an ordinal.
  container::Position TooLong(size_t line_bytes, container::Position at) {
    const int64_t ordinal = at.ordinal + 1;
    Failure(o_.name + "#" + std::to_string(ordinal),
            Error{ErrorCode::kLimit, "a record line over --max-bytes " + std::to_string(o_.process.limits.max_bytes),
                  at.byte});
    return container::Position{ordinal, at.byte + static_cast<int64_t>(line_bytes)};
  }

 private:
  void Record(const container::Record& r, container::Kind kind) {
    if (auto over = BodyOverLimit(r, o_.process.limits.max_bytes)) {
      Failure(o_.name + "#" + r.key, Error{ErrorCode::kLimit, *over, r.byte_offset});
      return;
    }
    const RecordInput input = FromRecord(r, kind);
    auto policy = pipeline_->Process(r.body, o_.name, o_.process, &input);
    if (!policy.ok()) {
      Failure(o_.name + "#" + r.key, policy.error());
      return;
    }
    out_ << output::ToJsonLine(policy.value()) << '\n';
  }

  void BadRecord(const container::RecordError& e) {
    Failure(o_.name + "#" + std::to_string(e.ordinal), Error{ErrorCode::kDecode, e.message, e.byte_offset});
  }

  // errors.jsonl's line, marked as a failure for the loader.
  void Failure(const std::string& path, const Error& e) {
    const std::string line = output::ErrorJsonLine(path, e);
    out_ << "{\"schema\":\"gongwen-error/1\"," << line.substr(1) << '\n';
  }

  const MapOptions& o_;
  Pipeline* pipeline_;
  std::ostream& out_;
  container::FieldMap fields_;
};

}  // namespace

int Map(const MapOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  auto pipeline = Pipeline::Create();
  if (!pipeline.ok()) {
    err << "gongwen map: " << pipeline.error().Describe() << "\n";
    return 3;
  }
  Mapper mapper(options, pipeline.value().get(), out);
  const int64_t max = options.process.limits.max_bytes;
  // A record's line may hold its body escaped: room for twice the body.
  const size_t cap = max >= 0 ? static_cast<size_t>(std::min<int64_t>(max, INT64_MAX / 4) * 2 + 4096) : SIZE_MAX;
  container::Position at{options.first_record, options.first_byte};
  std::string block, line;
  size_t bytes = 0;
  for (Line got = Line::kRead; got != Line::kEnd;) {
    got = ReadLine(in, cap, &line, &bytes);
    if (got == Line::kRead) block += line;
    const bool flush = got != Line::kRead || block.size() >= kBlockBytes;
    if (flush && !block.empty()) {
      at = mapper.Block(block, at);
      block.clear();
    }
    if (got == Line::kTooLong) at = mapper.TooLong(bytes, at);
    if (!out) {
      err << "gongwen map: error: cannot write the output\n";
      return 3;
    }
  }
  out.flush();
  return out ? 0 : 3;
}

}  // namespace gongwen::map_cli
