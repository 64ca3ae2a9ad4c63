// Dates as official documents write them: 2025年9月5日, 二〇二五年九月五日,
// and the ISO-like forms of site metadata (2025-09-05, 2025.9.5, 2025/9/5).
#include <re2/re2.h>

#include <cstdio>

#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

const RE2& DateRe() {
  // Group 1-3: Arabic with 年月日; 4-6: separators; 7-9: Chinese numerals;
  // 10-12: the Republic of China calendar (中华民国九十二年七月二日 is
  // 2003-07-02), as Taiwan's laws and their 沿革 write dates.
  static const RE2 re(
      R"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|)"
      R"((\d{4})[-./](\d{1,2})[-./](\d{1,2})|)"
      R"(([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日|)"
      R"((?:中华民国|民国)\s*([一二三四五六七八九十百零〇]{1,5}|\d{2,3})\s*年\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*月\s*)"
      R"(([一二三四五六七八九十]{1,3}|\d{1,2})\s*日)");
  return re;
}

int ToInt(const std::string& s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool IsValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int dim = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) dim = 29;
  return d <= dim;
}

std::optional<Date> FindDate(std::string_view s, size_t* begin, size_t* end) {
  re2::StringPiece input(s.data(), s.size());
  re2::StringPiece g[13];
  size_t pos = 0;
  while (pos <= s.size() &&
         DateRe().Match(input, pos, s.size(), RE2::UNANCHORED, g, 13)) {
    Date d;
    if (!g[1].empty()) {
      d = Date{ToInt(std::string(g[1])), ToInt(std::string(g[2])), ToInt(std::string(g[3]))};
    } else if (!g[4].empty()) {
      d = Date{ToInt(std::string(g[4])), ToInt(std::string(g[5])), ToInt(std::string(g[6]))};
    } else if (!g[7].empty()) {
      auto y = ParseChineseNumber(std::string_view(g[7].data(), g[7].size()));
      auto m = ParseChineseNumber(std::string_view(g[8].data(), g[8].size()));
      auto dd = ParseChineseNumber(std::string_view(g[9].data(), g[9].size()));
      if (y && m && dd) d = Date{static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*dd)};
    } else {
      auto number = [](const re2::StringPiece& p) -> std::optional<int64_t> {
        std::string v(p);
        if (!v.empty() && v[0] >= '0' && v[0] <= '9') return ToInt(v);
        return ParseChineseNumber(v);
      };
      auto y = number(g[10]), m = number(g[11]), dd = number(g[12]);
      constexpr int kRocEpoch = 1911;  // 中华民国元年 is 1912
      if (y && m && dd) d = Date{static_cast<int>(*y) + kRocEpoch, static_cast<int>(*m), static_cast<int>(*dd)};
    }
    size_t b = g[0].data() - s.data();
    size_t e = b + g[0].size();
    if (IsValidDate(d.year, d.month, d.day)) {
      if (begin) *begin = b;
      if (end) *end = e;
      return d;
    }
    pos = b + 1;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  }
  return std::nullopt;
}

std::optional<Date> ParseDateLine(std::string_view s) {
  std::string_view t = utf8::Trim(s);
  size_t b, e;
  auto d = FindDate(t, &b, &e);
  if (d && b == 0 && e == t.size()) return d;
  return std::nullopt;
}

std::optional<Date> MistypedDate(std::string_view line) {
  static const RE2 kTypo(R"(^\s*(\d{4})\s*[月日]\s*(\d{1,2})\s*[月日年]\s*(\d{1,2})\s*[日月号]\s*$)");
  int y = 0, m = 0, d = 0;
  if (!RE2::FullMatch(re2::StringPiece(line.data(), line.size()), kTypo, &y, &m, &d) || !IsValidDate(y, m, d)) {
    return std::nullopt;
  }
  return Date{y, m, d};
}

std::vector<Date> MangledDateReadings(std::string_view digits) {
  std::vector<Date> out;
  if (digits.size() < 6 || digits.size() > 8) return out;
  for (char c : digits) {
    if (c < '0' || c > '9') return out;
  }
  int year = ToInt(std::string(digits.substr(0, 4)));
  std::string rest(digits.substr(4));
  for (size_t split = 1; split < rest.size(); ++split) {
    if (split > 2 || rest.size() - split > 2) continue;
    int m = ToInt(rest.substr(0, split));
    int d = ToInt(rest.substr(split));
    if (IsValidDate(year, m, d)) out.push_back(Date{year, m, d});
  }
  return out;
}

Date AddYearsMinusOneDay(const Date& d, int years) {
  Date r{d.year + years, d.month, d.day};
  // From 29 Feb: the period runs to the day before 1 March.
  if (!IsValidDate(r.year, r.month, r.day)) r = Date{r.year, 3, 1};
  // One day back.
  if (--r.day == 0) {
    if (--r.month == 0) {
      r.month = 12;
      --r.year;
    }
    r.day = 31;
    while (!IsValidDate(r.year, r.month, r.day)) --r.day;
  }
  return r;
}

}  // namespace gongwen::structure::internal
