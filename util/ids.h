// util/ids: the identifiers documents are matched by, one definition for
// structure (Policy::policy_key) and db (which policy a text joins).
//
// Pure functions of UTF-8 text; invalid bytes pass through unchanged.
#ifndef GONGWEN_UTIL_IDS_H_
#define GONGWEN_UTIL_IDS_H_

#include <string>
#include <string_view>

namespace gongwen::ids {

// A 发文字号 as it is shown (metadata.doc_number): the brackets around the
// year as 〔〕, spaces dropped: 连政办规[2025]5号 -> 连政办规〔2025〕5号.
std::string DocNumberText(std::string_view doc_number);

// A 发文字号 as a key: DocNumberText of it with full-width forms as ASCII,
// no whitespace and no leading zeros in the serial number:
// 连政办规[2025]05号 and 连政办规〔 2025 〕5号 are both 连政办规〔2025〕5号.
std::string DocNumberKey(std::string_view doc_number);

// A title or an issuer as a key: without spaces, punctuation or quotes,
// full-width forms as ASCII: “十四五”规划 and "十四五" 规划 are both 十四五规划.
std::string NameKey(std::string_view name);

}  // namespace gongwen::ids

#endif  // GONGWEN_UTIL_IDS_H_
