// Result<T>: an expected failure is a value, not an exception.
//
// Stages return Result<T> for input that can be bad (undecodable, truncated,
// unsupported). `error()` carries a code, a human message and, when known, a
// location (byte offset, page) so a batch can report "file:offset: reason"
// and go on with the next document.
#ifndef GONGWEN_MODEL_RESULT_H_
#define GONGWEN_MODEL_RESULT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace gongwen {

enum class ErrorCode {
  kIo,           // file could not be read or written
  kUnsupported,  // not a format gongwen reads
  kDecode,       // bytes are not text in any supported encoding
  kEmpty,        // nothing to extract
  kEncrypted,    // a password is needed
  kNeedsOcr,     // scanned: no text layer
  kDatabase,     // the policy database refused a statement or cannot be opened
  kLimit,        // over a limit the run sets: --max-bytes, --max-pages, --timeout
  kInternal,     // a bug: a library threw where it should not
};

const char* ErrorCodeName(ErrorCode code);
// The code ErrorCodeName names so (errors.jsonl read back); none for another.
std::optional<ErrorCode> ParseErrorCode(std::string_view name);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::optional<int64_t> byte_offset;
  std::optional<int> page;

  // "reason (byte 123)" / "reason (page 4)"
  std::string Describe() const;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

inline const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kDecode: return "decode";
    case ErrorCode::kEmpty: return "empty";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kNeedsOcr: return "needs_ocr";
    case ErrorCode::kDatabase: return "database";
    case ErrorCode::kLimit: return "limit";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

inline std::optional<ErrorCode> ParseErrorCode(std::string_view name) {
  for (ErrorCode c : {ErrorCode::kIo, ErrorCode::kUnsupported, ErrorCode::kDecode, ErrorCode::kEmpty,
                      ErrorCode::kEncrypted, ErrorCode::kNeedsOcr, ErrorCode::kDatabase, ErrorCode::kLimit,
                      ErrorCode::kInternal}) {
    if (name == ErrorCodeName(c)) return c;
  }
  return std::nullopt;
}

inline std::string Error::Describe() const {
  std::string s = message;
  if (byte_offset) s += " (byte " + std::to_string(*byte_offset) + ")";
  if (page) s += " (page " + std::to_string(*page) + ")";
  return s;
}

}  // namespace gongwen

#endif  // GONGWEN_MODEL_RESULT_H_
