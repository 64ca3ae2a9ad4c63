// Tests structure/dates.cpp: FindDate, ParseDateLine, MangledDateReadings,
// AddYearsMinusOneDay, IsValidDate and Date::Iso.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "structure/internal/rules.h"

using gongwen::structure::internal::AddYearsMinusOneDay;
using gongwen::structure::internal::Date;
using gongwen::structure::internal::FindDate;
using gongwen::structure::internal::IsValidDate;
using gongwen::structure::internal::MangledDateReadings;
using gongwen::structure::internal::ParseDateLine;

namespace {

struct FindCase {
  const char* input;
  const char* iso;     // the date found
  const char* match;   // the exact text [begin, end) selects
};

}  // namespace

TEST_CASE("FindDate") {
  SUBCASE("the forms documents and sites write, with the matched range") {
    const FindCase cases[] = {
        // seed 000's closing paragraph
        {"本政策措施自2025年9月5日起施行,有效期至2030年9月4日。", "2025-09-05", "2025年9月5日"},
        // seed 004 before normalization: spaces around 年月日
        {"本政策措施自 2025 年 12 月 1 日起实施", "2025-12-01", "2025 年 12 月 1 日"},
        // the 政府信息公开 table of seed 000
        {"发布机构市政府办发文日期2025-09-05", "2025-09-05", "2025-09-05"},
        {"发布日期:2022-05-19", "2022-05-19", "2022-05-19"},
        {"2025.9.5", "2025-09-05", "2025.9.5"},
        {"2025/9/5", "2025-09-05", "2025/9/5"},
        {"二〇二五年九月五日", "2025-09-05", "二〇二五年九月五日"},
        {"成文日期:二〇二一年四月十二日", "2021-04-12", "二〇二一年四月十二日"},
        {"连云港市人民政府办公室 2025年11月25日", "2025-11-25", "2025年11月25日"},
    };
    for (const FindCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      std::string_view s(c.input);
      size_t b = 999, e = 999;
      auto d = FindDate(s, &b, &e);
      REQUIRE(d.has_value());
      CHECK(d->Iso() == c.iso);
      REQUIRE(b <= e);
      REQUIRE(e <= s.size());
      CHECK(s.substr(b, e - b) == c.match);
    }
  }

  SUBCASE("the first date of several") {
    std::string_view s = "自2025年12月1日起实施,有效期至2028年12月1日。";
    size_t b = 0, e = 0;
    auto d = FindDate(s, &b, &e);
    REQUIRE(d.has_value());
    CHECK(d->Iso() == "2025-12-01");
    CHECK(s.substr(b, e - b) == "2025年12月1日");
  }

  SUBCASE("an impossible date is skipped for the next valid one") {
    std::string_view s = "2025年2月30日至2025年3月1日";
    size_t b = 0, e = 0;
    auto d = FindDate(s, &b, &e);
    REQUIRE(d.has_value());
    CHECK(d->Iso() == "2025-03-01");
    CHECK(s.substr(b, e - b) == "2025年3月1日");
  }

  SUBCASE("no valid date: nullopt") {
    const char* cases[] = {
        "2025年2月30日",          // 30 February
        "2025年13月1日",          // month 13
        "202595",                 // seed 000's mangled 成文日期 has no separators
        "到2025年,高新区体制机制持续创新",  // a year alone
        "5月10日-6月9日",         // no year
        "",
    };
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      CHECK_FALSE(FindDate(input).has_value());
    }
  }
}

TEST_CASE("ParseDateLine") {
  SUBCASE("the whole line is a date, surrounding spaces allowed") {
    const FindCase cases[] = {
        {"2021年4月12日", "2021-04-12", ""},
        {"  2025年9月5日  ", "2025-09-05", ""},
        {"2025-09-05", "2025-09-05", ""},
        {"二〇二五年九月五日", "2025-09-05", ""},
    };
    for (const FindCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      auto d = ParseDateLine(c.input);
      REQUIRE(d.has_value());
      CHECK(d->Iso() == c.iso);
    }
  }

  SUBCASE("a line with anything besides the date is not a date line") {
    const char* cases[] = {
        "2025年11月25日印发",                    // seed 004's 印发 line
        "连云港市人民政府办公室 2025年11月25日",  // signature and date on one line
        "自2025年9月5日起施行",
        "时间: 2023-11-28 14:43:32",
        "202595",
        "",
    };
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      CHECK_FALSE(ParseDateLine(input).has_value());
    }
  }
}

TEST_CASE("MangledDateReadings") {
  SUBCASE("seed 000's 202595 has exactly one reading") {
    std::vector<Date> r = MangledDateReadings("202595");
    REQUIRE(r.size() == 1);
    CHECK(r[0].Iso() == "2025-09-05");
  }

  SUBCASE("2025112 reads as 1 December and as 2 November") {
    std::vector<Date> r = MangledDateReadings("2025112");
    REQUIRE(r.size() == 2);
    std::vector<std::string> iso;
    for (const Date& d : r) iso.push_back(d.Iso());
    CHECK(std::find(iso.begin(), iso.end(), "2025-01-12") != iso.end());
    CHECK(std::find(iso.begin(), iso.end(), "2025-11-02") != iso.end());
  }

  SUBCASE("only valid month/day splits count") {
    std::vector<Date> r = MangledDateReadings("20251231");
    REQUIRE(r.size() == 1);
    CHECK(r[0].Iso() == "2025-12-31");
    r = MangledDateReadings("2025139");  // 1-39 and 13-9: both invalid
    CHECK(r.empty());
  }

  SUBCASE("not a run of 6 to 8 digits: no readings") {
    const char* cases[] = {"2025", "20255", "202509051", "2025a5", "二〇二五九五", ""};
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      CHECK(MangledDateReadings(input).empty());
    }
  }
}

TEST_CASE("AddYearsMinusOneDay") {
  struct Case {
    Date from;
    int years;
    const char* expected;
  };
  const Case cases[] = {
      {Date{2025, 9, 5}, 5, "2030-09-04"},   // seed 000: 有效期5年 from 2025-09-05
      {Date{2024, 2, 29}, 1, "2025-02-28"},  // from a leap day
      {Date{2024, 2, 29}, 4, "2028-02-28"},  // leap year to leap year
      {Date{2025, 1, 1}, 1, "2025-12-31"},   // crosses the year boundary backwards
      {Date{2025, 3, 1}, 3, "2028-02-29"},   // the day before 1 March of a leap year
      {Date{2025, 12, 1}, 3, "2028-11-30"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.from.Iso());
    CAPTURE(c.years);
    CHECK(AddYearsMinusOneDay(c.from, c.years).Iso() == c.expected);
  }
}

TEST_CASE("IsValidDate") {
  CHECK(IsValidDate(2024, 2, 29));
  CHECK_FALSE(IsValidDate(2025, 2, 29));
  CHECK_FALSE(IsValidDate(1900, 2, 29));  // century, not a leap year
  CHECK(IsValidDate(2000, 2, 29));        // divisible by 400
  CHECK(IsValidDate(2025, 4, 30));
  CHECK_FALSE(IsValidDate(2025, 4, 31));
  CHECK_FALSE(IsValidDate(2025, 0, 1));
  CHECK_FALSE(IsValidDate(2025, 1, 0));
}

TEST_CASE("Date::Iso pads month and day") {
  CHECK(Date{2025, 9, 5}.Iso() == "2025-09-05");
  CHECK(Date{2021, 12, 31}.Iso() == "2021-12-31");
}

TEST_CASE("FindDate: the Republic of China calendar") {
  auto iso = [](const std::string& s) {
    auto d = FindDate(s);
    return d ? d->Iso() : std::string("<none>");
  };
  CHECK(iso("中华民国九十二年七月二日总统令制定公布") == "2003-07-02");
  CHECK(iso("本办法自中华民国一百零二年一月一日施行。") == "2013-01-01");
  CHECK(iso("民国101年5月28日发布") == "2012-05-28");
  // A garbled day is no date.
  CHECK(iso("中华民国八十年六月七月内政部令订定发布") == "<none>");
}
