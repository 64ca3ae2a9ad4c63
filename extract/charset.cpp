// Decoding bytes to UTF-8 with ICU, and deciding which encoding they are in.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

#include "extract/extract.h"
#include "util/utf8.h"

namespace gongwen::extract {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Maps a charset label to the encoding we decode with (WHATWG-style: the
// gb2312/gbk family is GB18030, whose repertoire is a superset).
std::optional<std::string> CanonicalEncoding(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove_if(l.begin(), l.end(), [](char c) { return c == '_' || c == ' '; }), l.end());
  if (l == "utf-8" || l == "utf8") return "utf-8";
  if (l == "gb2312" || l == "gbk" || l == "gb18030" || l == "cp936" || l == "x-gbk" ||
      l == "euc-cn" || l == "hz-gb-2312" || l == "windows-936")
    return "gb18030";
  if (l == "big5" || l == "big5-hkscs" || l == "cp950" || l == "x-x-big5") return "big5";
  if (l == "utf-16le") return "utf-16le";
  if (l == "utf-16be") return "utf-16be";
  return std::nullopt;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (c == 0xFFFD && !(len == 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) return false;
    i += len;
  }
  return true;
}

// Converts with ICU, replacing each undecodable sequence by U+FFFD and
// reporting its byte offset. Warnings are capped so a binary file cannot
// produce millions of them; the count of the rest is reported.
Result<Decoded> Convert(std::string_view bytes, const std::string& encoding, size_t skip,
                        std::string encoding_source) {
  UErrorCode err = U_ZERO_ERROR;
  const char* icu_name = encoding == "gb18030"    ? "GB18030"
                         : encoding == "big5"     ? "Big5-HKSCS"
                         : encoding == "utf-16le" ? "UTF-16LE"
                         : encoding == "utf-16be" ? "UTF-16BE"
                                                  : "UTF-8";
  ConverterPtr conv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err)) {
    return Error{ErrorCode::kInternal, std::string("ICU has no converter for ") + icu_name};
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  Decoded out;
  out.encoding = encoding;
  out.encoding_source = std::move(encoding_source);
  const char* start = bytes.data();
  const char* src = start + skip;
  const char* src_end = start + bytes.size();
  std::u16string buf(bytes.size() + 16, u'\0');
  std::u16string utf16;
  utf16.reserve(bytes.size());
  constexpr int kMaxWarnings = 50;
  int bad = 0;
  while (true) {
    UChar* target = buf.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end, nullptr, true,
                   &err);
    utf16.append(buf.data(), target - buf.data());
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (err == U_ILLEGAL_CHAR_FOUND || err == U_INVALID_CHAR_FOUND ||
        err == U_TRUNCATED_CHAR_FOUND) {
      char invalid[32];
      int8_t len = sizeof(invalid);
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), invalid, &len, &e2);
      int64_t offset = (src - start) - (U_SUCCESS(e2) ? len : 0);
      if (bad < kMaxWarnings) {
        out.warnings.push_back(Warning{WarningCode::kUndecodableBytes,
                                       "byte " + std::to_string(offset) + ": " +
                                           std::to_string(len) + " byte(s) not valid " +
                                           encoding + ", replaced by U+FFFD",
                                       std::nullopt});
      }
      ++bad;
      utf16.push_back(u'\uFFFD');
      ucnv_resetToUnicode(conv.get());
      if (src >= src_end) break;
      continue;
    }
    if (U_FAILURE(err)) {
      return Error{ErrorCode::kDecode, std::string("ICU conversion failed: ") + u_errorName(err),
                   src - start};
    }
    break;
  }
  if (bad > kMaxWarnings) {
    out.warnings.push_back(Warning{WarningCode::kUndecodableBytes,
                                   std::to_string(bad - kMaxWarnings) +
                                       " more undecodable sequence(s) not listed",
                                   std::nullopt});
  }
  int32_t needed = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &needed, utf16.data(), static_cast<int32_t>(utf16.size()),
                     0xFFFD, nullptr, &err);
  out.text.resize(needed);
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.text.data(), needed, &needed, utf16.data(),
                     static_cast<int32_t>(utf16.size()), 0xFFFD, nullptr, &err);
  if (U_FAILURE(err)) return Error{ErrorCode::kDecode, "UTF-16 to UTF-8 conversion failed"};
  return out;
}

// UTF-8 with a few damaged bytes (a truncated copy, one stray byte) is still
// UTF-8: decoding it as anything else garbles every character.
bool MostlyUtf8(std::string_view s) {
  int64_t good = 0, bad = 0;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (c == 0xFFFD && len == 1) {
      ++bad;
    } else if (len > 1) {
      ++good;
    }
    i += len;
  }
  return good > 0 && good >= 8 * bad;
}

int64_t CountDecodeErrors(std::string_view bytes, const char* icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err)) return INT64_MAX;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string buf(4096, u'\0');
  const char* src = bytes.data();
  const char* end = bytes.data() + bytes.size();
  int64_t errors = 0;
  while (src < end) {
    UChar* target = buf.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, end, nullptr, true, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      ++errors;
      ucnv_resetToUnicode(conv.get());
      continue;
    }
    break;
  }
  return errors;
}

// Bytes that are not UTF-8: GB18030 (mainland pages, labelled gb2312/gbk or
// not at all) or Big5. ICU's statistical detector decides when it is
// confident; on short texts it is not (every candidate scores alike), so the
// encoding that decodes with fewer errors wins, GB18030 on a tie. UTF-16 is
// never guessed: without a BOM, text with NUL bytes is rejected as binary.
std::string DetectEncoding(std::string_view bytes) {
  if (MostlyUtf8(bytes)) return "utf-8";
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  int32_t gb = 0, big5 = 0;
  if (U_SUCCESS(err)) {
    ucsdet_setText(det.get(), bytes.data(),
                   static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &err);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < n; ++i) {
      UErrorCode e = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &e);
      int32_t confidence = ucsdet_getConfidence(matches[i], &e);
      if (U_FAILURE(e) || name == nullptr) continue;
      auto enc = CanonicalEncoding(name);
      if (enc == std::optional<std::string>("gb18030")) gb = std::max(gb, confidence);
      if (enc == std::optional<std::string>("big5")) big5 = std::max(big5, confidence);
    }
  }
  if (gb >= 50 && gb > big5 + 10) return "gb18030";
  if (big5 >= 50 && big5 > gb + 10) return "big5";
  // Common simplified characters (GB2312) have both bytes >= 0xA1; about
  // half of common Big5 characters have a second byte below 0xA1.
  int64_t pairs = 0, low_trail = 0;
  for (size_t i = 0; i + 1 < bytes.size(); ++i) {
    auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x81) continue;
    auto trail = static_cast<unsigned char>(bytes[i + 1]);
    ++pairs;
    low_trail += trail < 0xA1;
    ++i;
  }
  int64_t gb_errors = CountDecodeErrors(bytes, "GB18030");
  int64_t big5_errors = CountDecodeErrors(bytes, "Big5-HKSCS");
  if (big5_errors < gb_errors) return "big5";
  if (big5_errors == gb_errors && pairs > 0 && low_trail * 5 > pairs) return "big5";
  return "gb18030";
}

}  // namespace

Result<Decoded> DecodeText(std::string_view bytes, const std::optional<std::string>& declared) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("\xEF\xBB\xBF")) return Convert(bytes, "utf-8", 3, "bom");
  if (starts("\xFF\xFE")) return Convert(bytes, "utf-16le", 2, "bom");
  if (starts("\xFE\xFF")) return Convert(bytes, "utf-16be", 2, "bom");
  if (starts("\x84\x31\x95\x33")) return Convert(bytes, "gb18030", 4, "bom");
  if (declared) {
    if (auto enc = CanonicalEncoding(*declared)) {
      // A page labelled UTF-8 that is not valid UTF-8 is common; trust the bytes.
      if (*enc != "utf-8" || IsValidUtf8(bytes)) return Convert(bytes, *enc, 0, "declared");
    }
  }
  if (IsValidUtf8(bytes)) {
    Decoded out;  // nothing to convert
    out.text = std::string(bytes);
    out.encoding = "utf-8";
    out.encoding_source = "utf8";
    return out;
  }
  return Convert(bytes, DetectEncoding(bytes), 0, "detected");
}

}  // namespace gongwen::extract
