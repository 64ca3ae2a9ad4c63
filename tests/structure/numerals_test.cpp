// Tests structure/numerals.cpp: ParseChineseNumber and ParseDecimalScaled.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "structure/internal/rules.h"

using gongwen::structure::internal::ParseChineseNumber;
using gongwen::structure::internal::ParseDecimalScaled;

namespace {

struct NumberCase {
  const char* input;
  int64_t expected;
};

}  // namespace

TEST_CASE("ParseChineseNumber") {
  SUBCASE("numbers with units, as written in policy texts") {
    const NumberCase cases[] = {
        {"五十", 50},                 // 五十万元
        {"一百二十", 120},
        {"十五", 15},                 // 十五届政府 (a leading 十 is 10)
        {"十", 10},
        {"二十一", 21},               // (二十一)
        {"二十六", 26},               // (二十六)
        {"壹佰", 100},                // financial numerals
        {"两千五百万", 25000000},     // 两 as 2
        {"一亿五千万", 150000000},    // 亿 then 万
        {"一千零五", 1005},           // 零 marks a skipped place
        {"五十万", 500000},
        {"十四", 14},                 // 十四五
        {"十万", 100000},
        {"一百零五", 105},
        {"两百", 200},
        {"一千零五十", 1050},
        {"二十万零五百", 200500},     // 零 after a closed 万 section
    };
    for (const NumberCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      std::optional<int64_t> v = ParseChineseNumber(c.input);
      REQUIRE(v.has_value());
      CHECK(*v == c.expected);
    }
  }

  SUBCASE("digits without units are read one by one, as in years") {
    const NumberCase cases[] = {
        {"二〇二五", 2025},  // 二〇二五年九月五日
        {"二〇二一", 2021},
        {"五", 5},
        {"九", 9},
    };
    for (const NumberCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      std::optional<int64_t> v = ParseChineseNumber(c.input);
      REQUIRE(v.has_value());
      CHECK(*v == c.expected);
    }
  }

  SUBCASE("anything that is not wholly a Chinese numeral is nullopt") {
    const char* cases[] = {
        "",            // empty
        "五十万元",    // a currency unit is not a numeral
        "第五",        // 第 is not a numeral
        "50",          // Arabic digits are not Chinese numerals
        "指导思想",
        "一、",        // the marker punctuation
        "十五届",
    };
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      CHECK_FALSE(ParseChineseNumber(input).has_value());
    }
  }
}

// BUG: 万亿 is read as 万 + 亿 instead of 10^12. Input "一万亿" (and "万亿", as
// in 万亿级产业集群); expected 1000000000000; actual 1000100000000. In
// numerals.cpp the 亿 unit, finding an empty section after 万 closed it, sets
// the section to 1 and computes (10000 + 1) * 10^8 instead of multiplying the
// total by 10^8.
TEST_CASE("ParseChineseNumber: 亿 after 万") {
  const NumberCase cases[] = {
      {"一万亿", 1000000000000},
      {"万亿", 1000000000000},
      {"两万亿", 2000000000000},
  };
  for (const NumberCase& c : cases) {
    INFO("c.input := ", std::string(c.input));
    std::optional<int64_t> v = ParseChineseNumber(c.input);
    REQUIRE(v.has_value());
    CHECK(*v == c.expected);
  }
}

namespace {

struct DecimalCase {
  const char* input;
  int scale;
  int64_t expected;
};

}  // namespace

TEST_CASE("ParseDecimalScaled") {
  SUBCASE("decimals scaled exactly, without floating point error") {
    const DecimalCase cases[] = {
        {"1.5", 2, 150},        // 1.5亿元
        {"16.4", 2, 1640},      // 16.4亿 must not become 1639
        {"1,500", 0, 1500},     // thousands separators
        {"1,500", 2, 150000},
        {"0.25", 2, 25},        // 1:0.25:0.25
        {"300", 2, 30000},      // 最高300万元
        {"0.5", 2, 50},
        {"1.50", 1, 15},        // trailing zeros beyond the scale are exact
        {"12", 0, 12},
    };
    for (const DecimalCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      CAPTURE(c.scale);
      std::optional<int64_t> v = ParseDecimalScaled(c.input, c.scale);
      REQUIRE(v.has_value());
      CHECK(*v == c.expected);
    }
  }

  SUBCASE("more precision than the scale holds is nullopt") {
    const DecimalCase cases[] = {
        {"0.125", 2, 0},
        {"1.5", 0, 0},
        {"16.45", 1, 0},
    };
    for (const DecimalCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      CAPTURE(c.scale);
      CHECK_FALSE(ParseDecimalScaled(c.input, c.scale).has_value());
    }
  }

  SUBCASE("text that is not a decimal number is nullopt") {
    const char* cases[] = {"", "1.2.3", "万元", "12a", "-5", "五十"};
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      CHECK_FALSE(ParseDecimalScaled(input, 2).has_value());
    }
  }
}
