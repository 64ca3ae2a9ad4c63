// Chinese and Arabic numbers, in integer arithmetic: money is never a float
// (16.4亿 must be 1640000000, not 1639999999).
#include <map>

#include "data/data.h"
#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

struct NumeralRole {
  bool unit = false;
  int64_t value = 0;
};

const std::map<char32_t, NumeralRole>& Numerals() {
  static const std::map<char32_t, NumeralRole> table = [] {
    std::map<char32_t, NumeralRole> t;
    for (std::string_view line : data::Lines(data::CnNumerals())) {
      auto fields = data::Fields(line);
      if (fields.size() != 3) continue;
      int len;
      char32_t c = utf8::Decode(fields[0], 0, &len);
      t[c] = NumeralRole{fields[1] == "unit", std::stoll(std::string(fields[2]))};
    }
    return t;
  }();
  return table;
}

}  // namespace

std::optional<int64_t> ParseChineseNumber(std::string_view s) {
  std::u32string u = utf8::ToU32(s);
  if (u.empty()) return std::nullopt;
  const auto& table = Numerals();
  bool any_unit = false;
  for (char32_t c : u) {
    auto it = table.find(c);
    if (it == table.end()) return std::nullopt;
    any_unit |= it->second.unit;
  }
  if (!any_unit) {
    // 二〇二五: digits read one by one.
    int64_t v = 0;
    for (char32_t c : u) v = v * 10 + table.at(c).value;
    return v;
  }
  int64_t total = 0;    // closed sections (亿, 万)
  int64_t section = 0;  // current section below 万
  int64_t digit = -1;   // pending digit
  for (char32_t c : u) {
    const NumeralRole& r = table.at(c);
    if (!r.unit) {
      digit = r.value;
      continue;
    }
    if (r.value >= 10000) {
      section += digit > 0 ? digit : 0;
      // 亿 closes everything before it (一万亿 = 10^12); 万 closes the section only.
      if (r.value == 100000000) {
        if (section == 0 && total == 0) section = 1;
        total = (total + section) * r.value;
      } else {
        if (section == 0) section = 1;
        total += section * r.value;
      }
      section = 0;
    } else {
      section += (digit >= 0 ? digit : 1) * r.value;  // 十 alone is 10
    }
    digit = -1;
  }
  if (digit > 0) section += digit;
  return total + section;
}

std::optional<int64_t> ParseDecimalScaled(std::string_view s, int scale) {
  int64_t whole = 0;
  int64_t frac = 0;
  int frac_digits = 0;
  bool seen_dot = false, any = false;
  for (char c : s) {
    if (c == ',') continue;
    if (c == '.') {
      if (seen_dot) return std::nullopt;
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any = true;
    if (!seen_dot) {
      if (whole > (INT64_MAX / 100) / 10) return std::nullopt;
      whole = whole * 10 + (c - '0');
    } else {
      if (c == '0' && frac_digits >= scale) continue;  // trailing zeros beyond precision
      if (frac_digits >= scale) return std::nullopt;
      frac = frac * 10 + (c - '0');
      ++frac_digits;
    }
  }
  if (!any) return std::nullopt;
  int64_t pow = 1;
  for (int i = 0; i < scale; ++i) pow *= 10;
  for (int i = frac_digits; i < scale; ++i) frac *= 10;
  if (whole > INT64_MAX / pow) return std::nullopt;
  return whole * pow + frac;
}

}  // namespace gongwen::structure::internal
