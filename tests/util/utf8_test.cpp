// util/utf8.h: decoding (valid and broken input), encoding, code point
// offsets, character classes and trimming, on strings from the seed documents.
#include "util/utf8.h"

#include <doctest/doctest.h>

#include <string>

namespace gongwen::utf8 {
namespace {

TEST_CASE("utf8::Decode") {
  SUBCASE("valid sequences of every length") {
    struct Case {
      std::string bytes;
      char32_t cp;
      int len;
    };
    const Case cases[] = {
        {"k12498411", U'k', 1},          // 索引号 k12498411 (seed 000)
        {"\xC2\xA0", 0xA0, 2},           // NBSP
        {"连云港", U'连', 3},            // U+8FDE
        {"〔2025〕", U'〔', 3},          // U+3014
        {"\xF0\xA0\x80\x80", 0x20000, 4},  // 𠀀, CJK extension B
        {"\xF4\x8F\xBF\xBF", 0x10FFFF, 4},
    };
    for (const Case& c : cases) {
      CAPTURE(c.bytes);
      int len = 0;
      CHECK(Decode(c.bytes, 0, &len) == c.cp);
      CHECK(len == c.len);
    }
  }

  SUBCASE("decodes at an offset inside the string") {
    const std::string s = "连政办规〔2025〕5号";
    int len = 0;
    CHECK(Decode(s, 3, &len) == U'政');
    CHECK(len == 3);
    CHECK(Decode(s, 15, &len) == U'2');
    CHECK(len == 1);
  }

  SUBCASE("invalid bytes decode as U+FFFD one byte at a time") {
    struct Case {
      std::string bytes;
      const char* what;
    };
    const Case cases[] = {
        {"\x80", "lone continuation byte"},
        {"\xBF\xBF", "continuation bytes only"},
        {"\xC0\x80", "overlong NUL"},
        {"\xC1\xBF", "overlong ASCII"},
        {"\xE0\x80\x80", "overlong three-byte"},
        {"\xED\xA0\x80", "UTF-16 surrogate"},
        {"\xE8\xBF", "truncated 连 at end of input"},
        {"\xE8\xBF" "a", "truncated 连 followed by ASCII"},
        {"\xF4\x90\x80\x80", "above U+10FFFF"},
        {"\xF5\x80\x80\x80", "invalid lead byte F5"},
        {"\xFF", "invalid byte FF"},
        {"\xC1\xAC", "GBK 连 read as UTF-8"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.what);
      int len = 0;
      CHECK(Decode(c.bytes, 0, &len) == 0xFFFD);
      CHECK(len == 1);
    }
  }

  SUBCASE("a real U+FFFD in the text is a valid three-byte sequence") {
    int len = 0;
    CHECK(Decode("\xEF\xBF\xBD", 0, &len) == 0xFFFD);
    CHECK(len == 3);
  }
}

TEST_CASE("utf8::Encode and Append") {
  SUBCASE("one code point of each length") {
    struct Case {
      char32_t cp;
      std::string bytes;
    };
    const Case cases[] = {
        {U'5', "5"},
        {0xA0, "\xC2\xA0"},
        {U'号', "号"},
        {U'（', "\xEF\xBC\x88"},
        {0x20000, "\xF0\xA0\x80\x80"},
    };
    for (const Case& c : cases) {
      CAPTURE(static_cast<uint32_t>(c.cp));
      CHECK(Encode(c.cp) == c.bytes);
    }
  }

  SUBCASE("Append adds to what is there") {
    std::string s = "连云";
    Append(&s, U'港');
    Append(&s, U'市');
    CHECK(s == "连云港市");
  }
}

TEST_CASE("utf8::ToU32 and FromU32") {
  SUBCASE("round trip of mixed Chinese, ASCII and punctuation") {
    const std::string texts[] = {
        "时间: 2023-11-28 14:43:32 来源: 次浏览",
        "连政办规〔2025〕5号",
        "國產亞洲_97久久",
        "",
    };
    for (const std::string& t : texts) {
      CAPTURE(t);
      CHECK(FromU32(ToU32(t)) == t);
    }
  }

  SUBCASE("ToU32 yields one element per code point") {
    CHECK(ToU32("第72次") == U"第72次");
  }

  SUBCASE("invalid bytes become U+FFFD, one per byte") {
    CHECK(ToU32("连\xC1\xAC港") == U"连\uFFFD\uFFFD港");
  }
}

TEST_CASE("utf8::CountCodePoints") {
  struct Case {
    std::string text;
    int64_t count;
  };
  const Case cases[] = {
      {"", 0},
      {"k12498411/2025-00108", 20},
      {"市政府办公室", 6},
      {"连政办规〔2025〕5号", 12},
      {"\xF0\xA0\x80\x80号", 2},
      {"连\xFF港", 3},  // the bad byte counts as one U+FFFD
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(CountCodePoints(c.text) == c.count);
  }
}

TEST_CASE("utf8::PrevStart") {
  const std::string s = "a连\xF0\xA0\x80\x80号";  // 1 + 3 + 4 + 3 bytes
  struct Case {
    size_t i;
    size_t expected;
  };
  const Case cases[] = {{0, 0}, {1, 0}, {4, 1}, {8, 4}, {11, 8}};
  for (const Case& c : cases) {
    CAPTURE(c.i);
    CHECK(PrevStart(s, c.i) == c.expected);
  }
}

TEST_CASE("utf8 character classes") {
  SUBCASE("IsHan") {
    const char32_t han[] = {U'连', U'業', U'〇', 0x3400, 0x20000, 0xF900};
    for (char32_t c : han) {
      CAPTURE(static_cast<uint32_t>(c));
      CHECK(IsHan(c));
    }
    const char32_t not_han[] = {U'a', U'5', U'。', U'，', U'〔', 0x3000, U'ā', 0xFFFD};
    for (char32_t c : not_han) {
      CAPTURE(static_cast<uint32_t>(c));
      CHECK_FALSE(IsHan(c));
    }
  }

  SUBCASE("IsCjkPunct") {
    const char32_t punct[] = {U'、', U'。', U'，', U'：', U'；', U'！', U'？', U'“', U'”',
                              U'《',  U'》', U'〔', U'〕', U'【', U'】', U'（', U'）', U'…',
                              U'—',  U'·'};
    for (char32_t c : punct) {
      CAPTURE(static_cast<uint32_t>(c));
      CHECK(IsCjkPunct(c));
    }
    // ASCII punctuation, the ideographic space and 〇 are not punctuation.
    const char32_t not_punct[] = {U',', U'.', U':', U'(', U'%', 0x3000, U'〇', U'连', U'A'};
    for (char32_t c : not_punct) {
      CAPTURE(static_cast<uint32_t>(c));
      CHECK_FALSE(IsCjkPunct(c));
    }
  }

  SUBCASE("IsAsciiDigit and IsLatinLetter") {
    CHECK(IsAsciiDigit(U'0'));
    CHECK(IsAsciiDigit(U'9'));
    CHECK_FALSE(IsAsciiDigit(U'５'));  // full-width digits are folded by normalize first
    CHECK_FALSE(IsAsciiDigit(U'五'));
    CHECK(IsLatinLetter(U'a'));
    CHECK(IsLatinLetter(U'Z'));
    CHECK_FALSE(IsLatinLetter(U'ā'));  // pinyin tone letters are not ASCII letters
    CHECK_FALSE(IsLatinLetter(U'Ａ'));
    CHECK_FALSE(IsLatinLetter(U'_'));
  }
}

TEST_CASE("utf8::CodePointIndex") {
  const std::string s = "R&D经费7%";  // R & D 经 费 7 %: bytes 0,1,2,3,6,9,10
  const CodePointIndex index(s);

  SUBCASE("byte offsets to code points") {
    struct Case {
      size_t byte;
      int64_t cp;
    };
    const Case cases[] = {{0, 0}, {2, 2}, {3, 3}, {6, 4}, {9, 5}, {10, 6}, {11, 7}};
    for (const Case& c : cases) {
      CAPTURE(c.byte);
      CHECK(index.ToCodePoint(c.byte) == c.cp);
    }
  }

  SUBCASE("code points to byte offsets") {
    struct Case {
      int64_t cp;
      size_t byte;
    };
    const Case cases[] = {{0, 0}, {3, 3}, {4, 6}, {5, 9}, {6, 10}, {7, 11}};
    for (const Case& c : cases) {
      CAPTURE(c.cp);
      CHECK(index.ToByte(c.cp) == c.byte);
    }
  }

  SUBCASE("out of range offsets clamp to the ends") {
    CHECK(index.ToByte(-1) == 0);
    CHECK(index.ToByte(100) == s.size());
    CHECK(index.ToCodePoint(100) == 7);
  }

  SUBCASE("empty string: the end is offset 0 in both units") {
    const CodePointIndex empty("");
    CHECK(empty.ToCodePoint(0) == 0);
    CHECK(empty.ToByte(0) == 0);
  }
}

TEST_CASE("utf8::Trim") {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"                          连云港市人民政府办公室", "连云港市人民政府办公室"},  // seed 000
      {"\xE3\x80\x80\xE3\x80\x80为贯彻落实", "为贯彻落实"},  // ideographic indentation
      {"\xC2\xA0" "202595\r", "202595"},
      {"\t(此件公开发布)\n", "(此件公开发布)"},
      {"索 引 号", "索 引 号"},  // inner spaces stay
      {" \t\r\n", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(Trim(c.in) == c.out);
  }
}

}  // namespace
}  // namespace gongwen::utf8

TEST_CASE("utf8::IsValid and AsciiLower") {
  using gongwen::utf8::AsciiLower;
  using gongwen::utf8::IsValid;
  CHECK(IsValid("关于印发 ABC"));
  CHECK(IsValid("\xEF\xBF\xBD"));     // U+FFFD itself is well-formed
  CHECK_FALSE(IsValid("\xB9\xD8"));   // 关 in GBK
  CHECK_FALSE(IsValid("ab\xE5\x85"));  // cut in the middle of a character
  CHECK(AsciiLower("Content-Type: TEXT/Html 关于") == "content-type: text/html 关于");
}

TEST_CASE("EscapeInvalid: stray bytes and the backslash as \\xHH, the rest as it is") {
  using gongwen::utf8::EscapeInvalid;
  CHECK(EscapeInvalid("通知.txt") == "通知.txt");
  CHECK(EscapeInvalid("x\xff.txt") == "x\\xFF.txt");
  CHECK(EscapeInvalid("a\\b") == "a\\x5Cb");
  // A lead byte without its continuation, and a lone continuation byte.
  CHECK(EscapeInvalid("\xe9" "a\x80") == "\\xE9a\\x80");
}
