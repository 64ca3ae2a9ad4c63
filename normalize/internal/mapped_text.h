// MappedText: text that remembers, byte by byte, which bytes of the
// extracted text produced it. Every normalize pass reads one MappedText and
// builds the next with TextBuilder, so the map survives any chain of passes
// and each repair can name the exact source bytes it replaced.
#ifndef GONGWEN_NORMALIZE_INTERNAL_MAPPED_TEXT_H_
#define GONGWEN_NORMALIZE_INTERNAL_MAPPED_TEXT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/vocab.h"

namespace gongwen::normalize::internal {

struct MappedText {
  std::string text;
  // For text[i]: the extracted-text byte range [src_begin[i], src_end[i]) it came from.
  std::vector<uint32_t> src_begin;
  std::vector<uint32_t> src_end;

  // The identity map over a slice of the extracted text.
  static MappedText FromSource(std::string_view source, uint32_t offset);
  size_t size() const { return text.size(); }
  bool empty() const { return text.empty(); }
  // Source byte range covered by text[b, e); b < e.
  uint32_t SourceBegin(size_t b) const { return src_begin[b]; }
  uint32_t SourceEnd(size_t b, size_t e) const;
};

// A change recorded in source coordinates; normalize turns these into
// RepairItems once the final text (and so `at`) is known.
struct RawRepair {
  uint32_t src_begin = 0;
  uint32_t src_end = 0;
  std::string after;
};

// Orders kinds by name, so repairs come out sorted by their printed kind.
struct ByName {
  bool operator()(RepairKind a, RepairKind b) const {
    return std::string_view(NameOf(a)) < std::string_view(NameOf(b));
  }
};

class RepairLog {
 public:
  void Add(RepairKind kind, uint32_t src_begin, uint32_t src_end, std::string after) {
    by_kind_[kind].push_back(RawRepair{src_begin, src_end, std::move(after)});
  }
  const std::map<RepairKind, std::vector<RawRepair>, ByName>& by_kind() const { return by_kind_; }

 private:
  std::map<RepairKind, std::vector<RawRepair>, ByName> by_kind_;
};

class TextBuilder {
 public:
  explicit TextBuilder(const MappedText& in) : in_(in) {}
  // Copies in.text[b, e) with its map.
  void Copy(size_t b, size_t e);
  // Replaces in.text[b, e) by `repl`. When `repl` has as many code points as
  // the replaced text, each code point keeps its own source; otherwise the
  // whole replacement maps to the whole replaced range. Logs a repair of
  // `kind` unless kind is nullopt.
  void Replace(size_t b, size_t e, std::string_view repl, std::optional<RepairKind> kind, RepairLog* log);
  // Removes in.text[b, e), logging it.
  void Remove(size_t b, size_t e, std::optional<RepairKind> kind, RepairLog* log) {
    Replace(b, e, "", kind, log);
  }
  // Appends text with no source of its own, mapped to the source position `at`.
  void Insert(std::string_view s, uint32_t at);
  MappedText Finish() { return std::move(out_); }
  size_t size() const { return out_.text.size(); }

 private:
  const MappedText& in_;
  MappedText out_;
};

}  // namespace gongwen::normalize::internal

#endif  // GONGWEN_NORMALIZE_INTERNAL_MAPPED_TEXT_H_
