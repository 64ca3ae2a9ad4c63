// JSON and JSON Lines records. Crawlers write an object per page, an array
// of objects, arrays appended one after another with nothing between them
// ([…][…]: not valid JSON as a whole), or one object per line. All of them
// are read as a stream of top-level values; each value is cut out by a
// string-aware bracket scan and parsed on its own, so one broken record
// costs that record and its error has the record's byte offset.
#include <nlohmann/json.hpp>

#include "container/internal/readers.h"

namespace gongwen::container::internal {
namespace {

using Json = nlohmann::ordered_json;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Skips whitespace, a UTF-8 BOM and the commas some writers put between
// appended values.
size_t SkipSeparators(std::string_view s, size_t i) {
  for (;;) {
    if (i < s.size() && (IsSpace(s[i]) || s[i] == ',')) {
      ++i;
    } else if (s.substr(i, 3) == "\xEF\xBB\xBF") {
      i += 3;
    } else {
      return i;
    }
  }
}

// The end of the JSON value starting at `i` (an object, array, string or
// scalar): one past its last byte, or npos when the input ends first.
size_t ValueEnd(std::string_view s, size_t i) {
  if (s[i] == '"') {
    for (size_t k = i + 1; k < s.size(); ++k) {
      if (s[k] == '\\') {
        ++k;
      } else if (s[k] == '"') {
        return k + 1;
      }
    }
    return std::string_view::npos;
  }
  if (s[i] != '{' && s[i] != '[') {
    size_t k = i;
    while (k < s.size() && !IsSpace(s[k]) && s[k] != ',' && s[k] != ']' && s[k] != '}' && s[k] != '[' &&
           s[k] != '{') {
      ++k;
    }
    return k;
  }
  int64_t depth = 0;
  for (size_t k = i; k < s.size(); ++k) {
    const char c = s[k];
    if (c == '"') {
      const size_t e = ValueEnd(s, k);
      if (e == std::string_view::npos) return e;
      k = e - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return k + 1;
    }
  }
  return std::string_view::npos;
}

// Where to go on after a value that never ends: the next line that starts a
// value (JSON Lines), else the end.
size_t NextLineStart(std::string_view s, size_t i) {
  for (size_t k = s.find('\n', i); k != std::string_view::npos; k = s.find('\n', k + 1)) {
    const size_t j = SkipSeparators(s, k + 1);
    if (j < s.size() && (s[j] == '{' || s[j] == '[')) return j;
  }
  return s.size();
}

std::string Scalar(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// One line of text for an object inside a list: its values, space-separated
// ({"條號":"第 1 條","條文內容":"…"} → "第 1 條 …").
std::string ObjectLine(const Json& o) {
  std::string line;
  for (const auto& [k, v] : o.items()) {
    if (v.is_null() || v.is_structured()) continue;
    const std::string s = Scalar(v);
    if (s.empty()) continue;
    if (!line.empty()) line += ' ';
    line += s;
  }
  return line;
}

// Records nest a few levels (metadata.title); deeper nesting is no record
// layout, and walking it would recurse without bound.
constexpr int kMaxDepth = 32;

struct TooDeep {};

// A list as text: one line per item, objects as ObjectLine. A law's
// articles stored as [{"條號":…,"條文內容":…}, …] read as the law.
std::string ListText(const Json& a, int depth) {
  if (depth > kMaxDepth) throw TooDeep{};
  std::string text;
  for (const Json& item : a) {
    std::string line = item.is_object() ? ObjectLine(item) : item.is_array() ? ListText(item, depth + 1)
                       : item.is_null() ? "" : Scalar(item);
    if (line.empty()) continue;
    if (!text.empty()) text += '\n';
    text += line;
  }
  return text;
}

// The fields of a record object: scalars by their path ("metadata.title"),
// nested objects walked, lists as text.
void Flatten(const Json& o, const std::string& prefix, int depth, std::vector<RawField>* out) {
  if (depth > kMaxDepth) throw TooDeep{};
  for (const auto& [k, v] : o.items()) {
    const std::string name = prefix.empty() ? k : prefix + "." + k;
    if (v.is_null()) continue;
    if (v.is_object()) {
      Flatten(v, name, depth + 1, out);
    } else if (v.is_array()) {
      out->push_back(RawField{name, ListText(v, depth + 1), Origin::kRecordField});
    } else {
      out->push_back(RawField{name, Scalar(v), Origin::kRecordField});
    }
  }
}

bool AllScalars(const Json& a) {
  for (const Json& v : a) {
    if (v.is_structured()) return false;
  }
  return true;
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  // JSON Lines: each line is one value, so a stray quote or a cut record
  // costs its own line and the scan never crosses into the next.
  RawRecords ReadLines() {
    size_t i = 0;
    while (i < s_.size()) {
      size_t eol = s_.find('\n', i);
      if (eol == std::string_view::npos) eol = s_.size();
      const std::string_view line = s_.substr(0, eol);
      const size_t b = SkipSeparators(line, i);
      if (b < eol) {
        const size_t e = ValueEnd(line, b);
        if (e == std::string_view::npos) {
          Fail(b, "truncated JSON value: the line ends before it closes");
        } else if (e == b) {
          Fail(b, "unexpected '" + std::string(1, s_[b]) + "' where a record was expected");
        } else if (SkipSeparators(line, e) < eol) {
          Fail(SkipSeparators(line, e), "text after the record on its line");
        } else {
          TopValue(b, e);
        }
      }
      i = eol + 1;
    }
    return std::move(out_);
  }

  RawRecords Read() {
    size_t i = SkipSeparators(s_, 0);
    while (i < s_.size()) {
      const size_t end = ValueEnd(s_, i);
      if (end == std::string_view::npos) {
        Fail(i, "truncated JSON value: the input ends before it closes");
        i = NextLineStart(s_, i);
      } else if (end == i) {
        // A stray closing bracket: not a value; step over it.
        Fail(i, "unexpected '" + std::string(1, s_[i]) + "' where a record was expected");
        ++i;
      } else {
        TopValue(i, end);
        i = end;
      }
      i = SkipSeparators(s_, i);
    }
    return std::move(out_);
  }

 private:
  // A top-level value: an object is a record; an array of objects holds
  // records (each cut out on its own); an array of scalars is one
  // positional record.
  void TopValue(size_t begin, size_t end) {
    if (s_[begin] == '[') {
      const size_t first = SkipSeparators(s_, begin + 1);
      if (first < end && (s_[first] == '{' || s_[first] == '[')) {
        Elements(begin, end);
      } else {
        PositionalAt(begin, end);
      }
    } else if (s_[begin] == '{') {
      Object(begin, end);
    } else {
      Fail(begin, "a JSON scalar where a record (an object or array) was expected");
    }
  }

  void Elements(size_t begin, size_t end) {
    size_t i = SkipSeparators(s_, begin + 1);
    while (i < end - 1) {
      const size_t e = ValueEnd(s_.substr(0, end - 1), i);
      if (e == std::string_view::npos) {
        Fail(i, "truncated JSON value inside an array");
        return;
      }
      if (e == i) {
        // A stray closing bracket inside the array: step over it (found by
        // fuzzing: this looped, one error per turn, until out of memory).
        Fail(i, "unexpected '" + std::string(1, s_[i]) + "' inside an array");
        i = SkipSeparators(s_, i + 1);
        continue;
      }
      if (s_[i] == '{') {
        Object(i, e);
      } else if (s_[i] == '[') {
        PositionalAt(i, e);
      } else {
        Fail(i, "an array item that is not an object");
      }
      i = SkipSeparators(s_, e);
    }
  }

  void Object(size_t begin, size_t end) {
    auto parsed = Parse(begin, end);
    if (!parsed) return;
    RawRecord r = Next(begin);
    try {
      Flatten(*parsed, "", 0, &r.fields);
    } catch (const TooDeep&) {
      out_.errors.push_back(RecordError{r.ordinal, r.byte_offset,
                                        "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels"});
      return;
    }
    out_.records.push_back(std::move(r));
  }

  // An array of scalars: the values of one record, without names.
  void PositionalAt(size_t begin, size_t end) {
    auto parsed = Parse(begin, end);
    if (!parsed) return;
    if (!AllScalars(*parsed)) {
      Fail(begin, "an array that holds neither records nor the values of one record");
      return;
    }
    Positional(*parsed, begin);
  }

  void Positional(const Json& a, size_t begin) {
    RawRecord r = Next(begin);
    r.positional = true;
    for (size_t k = 0; k < a.size(); ++k) {
      if (!a[k].is_null()) r.fields.push_back(RawField{std::to_string(k + 1), Scalar(a[k]), Origin::kRecordField});
    }
    out_.records.push_back(std::move(r));
  }

  std::optional<Json> Parse(size_t begin, size_t end) {
    Json v = Json::parse(s_.substr(begin, end - begin), nullptr, /*allow_exceptions=*/false);
    if (v.is_discarded()) {
      // Parse again with exceptions for the position of the fault.
      int64_t at = static_cast<int64_t>(begin);
      std::string why = "invalid JSON";
      try {
        const Json again = Json::parse(s_.substr(begin, end - begin));
        static_cast<void>(again);
      } catch (const Json::parse_error& e) {
        at += static_cast<int64_t>(e.byte) - 1;
        why = e.what();
        const size_t colon = why.rfind(": ");
        if (colon != std::string::npos) why = "invalid JSON: " + why.substr(colon + 2);
      } catch (const Json::exception& e) {
        // A number past double's range (7e777777) is out_of_range, not a
        // parse_error; found by fuzzing (container_warc via Unpack).
        why = std::string("invalid JSON: ") + e.what();
      }
      ++ordinal_;
      out_.errors.push_back(RecordError{ordinal_, at, why});
      return std::nullopt;
    }
    return v;
  }

  RawRecord Next(size_t begin) {
    RawRecord r;
    r.ordinal = ++ordinal_;
    r.byte_offset = static_cast<int64_t>(begin);
    return r;
  }

  void Fail(size_t at, std::string message) {
    out_.errors.push_back(RecordError{++ordinal_, static_cast<int64_t>(at), std::move(message)});
  }

  std::string_view s_;
  RawRecords out_;
  int64_t ordinal_ = 0;
};

}  // namespace

RawRecords ReadJson(std::string_view bytes, bool lines) {
  return lines ? Reader(bytes).ReadLines() : Reader(bytes).Read();
}

}  // namespace gongwen::container::internal
