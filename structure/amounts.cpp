// Money, percentages and ratios with their qualifiers.
//
// Money needs a currency unit (元/万元/亿元), so counts, ages and years
// (80个, 65岁, 2—3 个, 10年) are never money. Values are exact integers in fen.
// A qualifier is read from the words just before the number (最高, 不超过 ->
// max; 不低于 -> min; 约 -> approx) within the same phrase, or just after the
// unit (以上 -> min, 以下/以内 -> max); an amount joined to the previous one
// by 、/和/或 shares its qualifier (分别给予最高200万元和400万元).
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

constexpr char kNumber[] = R"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)";
constexpr char kBareMagnitude[] = "(?:千万|百万|十万|千亿|百亿|十亿)";
constexpr char kCnNumber[] = R"([零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*)";

const RE2& MoneyRe() {
  // 1: range low, 2: number (Arabic), 3: number (Chinese), 4: unit, 5: post qualifier
  // A bare magnitude (超千万元, 过百亿元) is a number too. A bracket after
  // the unit ((含), (不含税)) belongs to the amount unless it holds another
  // amount (1250元（税后1000元）).
  static const RE2 re(std::string("(?:(") + kNumber + R"()\s*(?:-|—|~|～|至|到)\s*)?(?:()" +
                      kNumber + ")|(" + kCnNumber + "|" + kBareMagnitude +
                      R"())\s*(亿元|千万元|百万元|万元|千元|元)(?:\s*[(（][^()（）0-9]{1,8}[)）])?(?:\s*(及以上|以上|及以下|以下|以内|左右))?)");
  return re;
}

const RE2& kBareMagnitudeRe() {
  static const RE2 re(kBareMagnitude);
  return re;
}

// 12%, 百分之十五, 百分之二点三 (2.3).
const RE2& PercentRe() {
  static const RE2 re(
      R"((\d+(?:\.\d+)?)\s*[%％]|百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?))");
  return re;
}

// 二点三 -> 2.3: the whole part as a Chinese number, the digits after 点 one
// by one.
std::optional<double> ParseChineseDecimal(std::string_view s) {
  static const std::string kPoint = "点";
  const size_t point = s.find(kPoint);
  auto whole = ParseChineseNumber(s.substr(0, point));
  if (!whole) return std::nullopt;
  double v = static_cast<double>(*whole);
  if (point == std::string_view::npos) return v;
  auto digits = ParseChineseNumber(s.substr(point + kPoint.size()));  // read digit by digit
  if (!digits) return std::nullopt;
  const size_t places = utf8::CountCodePoints(s.substr(point + kPoint.size()));
  return v + static_cast<double>(*digits) / std::pow(10.0, static_cast<double>(places));
}

const RE2& RatioRe() {
  static const RE2 re(R"((\d+(?:\.\d+)?(?:\s*[:：]\s*\d+(?:\.\d+)?)+))");
  return re;
}

const RE2& PreQualifierRe() {
  static const RE2 re(
      "(最高不超过|最高不高于|最多不超过|不超过|不高于|不多于|最高|最多|上限|封顶|"
      "不低于|不少于|至少|最低|超过|"
      "大约|约)");
  return re;
}

const RE2& PerRe() {
  static const RE2 re(
      "((?:(?:每|单)(?:个|家|项|位|户)?(?:认定软件|项目|企业|合同|产品|平台|单位|软件|人|年|家|户)|"
      "同一(?:企业|项目|单位)(?:年度)?)+)");
  return re;
}

AmountQualifier QualifierOf(std::string_view word) {
  if (word == "约" || word == "大约" || word == "左右") return AmountQualifier::kApprox;
  if (word == "不低于" || word == "不少于" || word == "至少" || word == "最低" ||
      word == "超过" || word == "以上" || word == "及以上")
    return AmountQualifier::kMin;
  return AmountQualifier::kMax;
}

// How far back a phrase is looked for: 200 Han. Prose puts a stop sooner; a
// table of thousands of rows in one clause (a 名单 of amounts, no
// punctuation) would otherwise be scanned back to its start for each amount.
constexpr size_t kMaxPhraseBytes = 600;

// Start of the phrase that holds byte `at`: after the last ，。；：、( before it
// and not before `lo`, nor more than kMaxPhraseBytes before `at` (then on a
// character boundary). Scans back from `at` to the nearest stop, so a long
// clause with many amounts is not read again for each.
// Whether a phrase stop (，。；：,;:( or （) ends at text[lo, end).
bool StopEndsAt(const std::string& text, size_t lo, size_t end) {
  const unsigned char last = static_cast<unsigned char>(text[end - 1]);
  if (last < 0x80) return last == ',' || last == ';' || last == ':' || last == '(';
  if (end - lo < 3) return false;
  const unsigned char b0 = static_cast<unsigned char>(text[end - 3]), b1 = static_cast<unsigned char>(text[end - 2]);
  if (b0 == 0xE3 && b1 == 0x80) return last == 0x82;                                    // 。
  if (b0 == 0xEF && b1 == 0xBC) return last == 0x8C || last == 0x9B || last == 0x9A || last == 0x88;  // ，；：（
  return false;
}

size_t PhraseStart(const std::string& text, size_t lo, size_t at) {
  size_t floor = at > lo + kMaxPhraseBytes ? at - kMaxPhraseBytes : lo;
  while (floor > lo && floor < at && (static_cast<unsigned char>(text[floor]) & 0xC0) == 0x80) ++floor;
  for (size_t end = at; end > floor; --end) {
    if (StopEndsAt(text, lo, end)) return end;
  }
  return floor;
}

std::optional<std::string> LastMatch(const RE2& re, const std::string& text, size_t b, size_t e) {
  if (e <= b) return std::nullopt;
  re2::StringPiece in(text.data() + b, e - b);
  re2::StringPiece m;
  std::optional<std::string> last;
  while (RE2::FindAndConsume(&in, re, &m)) last = std::string(m);
  return last;
}

struct Found {
  size_t begin, end;
  Amount amount;
  bool has_own_qualifier = false;
};

bool IsRatioContext(const std::string& text, size_t b, size_t e) {
  auto is_num = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ':'; };
  if (b > 0 && is_num(text[b - 1])) return false;
  if (e < text.size() && is_num(text[e])) return false;
  // Clock times (14:43:32) are not ratios.
  std::string_view s(text.data() + b, e - b);
  int colons = static_cast<int>(std::count(s.begin(), s.end(), ':'));
  static const RE2 kClock(R"(\d{1,2}:\d{2}(?::\d{2})?)");
  if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kClock) && colons == 2) return false;
  if (b >= 11) {
    static const RE2 kDateBefore(R"(\d{4}-\d{1,2}-\d{1,2}\s*$)");
    std::string_view before(text.data() + (b >= 16 ? b - 16 : 0), b >= 16 ? 16 : b);
    if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kDateBefore)) return false;
  }
  return true;
}

// The end (one past) of the list that starts at found[a]: amounts of its
// kind joined by 、/和/或/及/与 (100万元、20万元). The two ends of a range
// share their span and are never a list.
size_t ListEnd(const std::string& text, const std::vector<Found>& found, size_t a) {
  static const RE2 kJoin(R"(^\s*(?:、|和|或|及|与)\s*$)");
  size_t b = a + 1;
  while (b < found.size() && found[b].amount.kind == found[a].amount.kind) {
    const size_t gap_begin = found[b - 1].end, gap_end = found[b].begin;
    if (gap_end < gap_begin ||
        !RE2::FullMatch(re2::StringPiece(text.data() + gap_begin, gap_end - gap_begin), kJoin)) {
      break;
    }
    ++b;
  }
  return b;
}

// 对获评国家级、省级企业技术中心的企业分别给予最高不超过50万元、20万元奖励:
// the amounts of a list after 分别 go, in order, to the items of the last
// enumeration before it in the same phrase, when the counts agree.
void AssignTargets(const std::string& text, size_t begin, std::vector<Found>* found) {
  for (size_t a = 0; a < found->size();) {
    const size_t b = ListEnd(text, *found, a);
    const size_t count = b - a;
    if (count < 2 || (*found)[a].amount.kind == AmountKind::kRatio) {
      a = b;
      continue;
    }
    // 分别 before the list, in the same sentence.
    const size_t first = (*found)[a].begin;
    size_t sentence = begin;
    for (std::string_view stop : {"。", "；", ";"}) {
      size_t p = std::string_view(text.data() + begin, first - begin).rfind(stop);
      if (p != std::string_view::npos) sentence = std::max(sentence, begin + p + stop.size());
    }
    std::string_view before(text.data() + sentence, first - sentence);
    const size_t fenbie = before.rfind("分别");
    if (fenbie == std::string_view::npos) {
      a = b;
      continue;
    }
    // The enumeration: the last comma-free stretch before 分别 that has
    // 、/和/及 in it, cut into items.
    std::string_view lead = before.substr(0, fenbie);
    while (!lead.empty() && (lead.back() == ',' || lead.back() == ' ')) lead.remove_suffix(1);
    if (lead.size() >= 3 && lead.substr(lead.size() - 3) == "，") lead.remove_suffix(3);
    size_t cut = 0;
    for (std::string_view stop : {",", "，", ":", "："}) {
      size_t p = lead.rfind(stop);
      if (p != std::string_view::npos) cut = std::max(cut, p + stop.size());
    }
    std::string_view chunk = lead.substr(cut);
    std::vector<std::string> items;
    {
      static const RE2 kSep("(、|和|及)");
      re2::StringPiece in(chunk.data(), chunk.size());
      re2::StringPiece sep;
      size_t start = 0;
      while (RE2::FindAndConsume(&in, kSep, &sep)) {
        const size_t at = sep.data() - chunk.data();
        items.emplace_back(chunk.substr(start, at - start));
        start = at + sep.size();
      }
      items.emplace_back(chunk.substr(start));
    }
    if (items.size() != count) {
      a = b;
      continue;
    }
    // The first item starts after its verb (对获评国家级 -> 国家级); the last
    // ends before the shared head (省级企业技术中心的企业 -> 省级).
    static const RE2 kVerb(
        "^.*(?:获评|获得|获批|被评为|被认定为|认定为|入选|通过|评为|新认定的|首次|突破|达到|超过|对)");
    RE2::Replace(&items.front(), kVerb, "");
    static const RE2 kLeadingDe("^的");
    RE2::Replace(&items.front(), kLeadingDe, "");
    // A level word (省级, 领航级, 五级) names the target; else the item runs
    // to its subject (的, 企业, a parenthesis).
    static const RE2 kLevel("^(.{0,5}?级)");
    static const RE2 kSubject("^(.+?)(?:的|企业|[(（]).*$");
    std::string cut_item;
    if (RE2::PartialMatch(items.back(), kLevel, &cut_item) ||
        RE2::FullMatch(items.back(), kSubject, &cut_item)) {
      items.back() = cut_item;
    }
    bool ok = true;
    for (const std::string& item : items) ok &= !item.empty() && utf8::CountCodePoints(item) <= 12;
    if (ok) {
      for (size_t k = 0; k < count; ++k) (*found)[a + k].amount.target = items[k];
    }
    a = b;
  }
}

// Cue words looked up by their last character, so the cue that ends last in
// a phrase is found in one backward pass over it (a phrase in a 名单 table
// runs to 600 bytes, and there may be 10^5 of them).
class CueSet {
 public:
  explicit CueSet(const std::vector<std::string_view>& cues) {
    for (std::string_view c : cues) by_last_[LastChar(c, c.size())].push_back(c);
  }
  // The end of the last cue in `lead`; 超过 just after 不 is not a cue.
  std::optional<size_t> LastEnd(std::string_view lead) const {
    for (size_t p = lead.size(); p > 0; --p) {
      if (p < lead.size() && (static_cast<unsigned char>(lead[p]) & 0xC0) == 0x80) continue;
      auto it = by_last_.find(LastChar(lead, p));
      if (it == by_last_.end()) continue;
      for (std::string_view c : it->second) {
        if (p < c.size() || lead.compare(p - c.size(), c.size(), c) != 0) continue;
        if (c == "超过" && p >= 9 && lead.substr(p - 9, 3) == "不") continue;
        return p;
      }
    }
    return std::nullopt;
  }

 private:
  // The last UTF-8 character of s[0, end), as up to four bytes in one key.
  static uint32_t LastChar(std::string_view s, size_t end) {
    size_t b = end;
    while (b > 0 && end - b < 4) {
      --b;
      if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) break;
    }
    uint32_t key = 0;
    for (size_t i = b; i < end; ++i) key = key << 8 | static_cast<unsigned char>(s[i]);
    return key;
  }
  std::unordered_map<uint32_t, std::vector<std::string_view>> by_last_;
};

// Whether a sum of money is what the policy gives (奖励, 补助, 给予…: offered)
// or what a company, project or fund must reach or measures (营业收入突破,
// 投资额超过…以上, 总规模, …的企业: condition). The words just after the
// amount decide first (20万元奖励; 5000万元以上; 10亿元的企业); else the cue
// nearest before it in its phrase. No cue: no purpose.
void AssignPurposes(const std::string& text, size_t begin, size_t end, std::vector<Found>* found) {
  static const std::vector<std::string_view> kOffer = {
      "奖励", "奖补", "补助", "补贴", "资助", "给予", "扶持", "贴息", "支持", "一次性", "最高",
      "不超过", "不高于", "安排", "统筹", "兑现", "发放", "配套", "奖金"};
  static const std::vector<std::string_view> kCondition = {
      "突破", "达到", "超过", "营业收入", "营收", "销售收入", "销售额", "产值", "投资", "投入",
      "规模", "总额", "融资", "纳税", "税收", "年均", "累计", "实缴", "注册资本", "不低于",
      "不少于", "合同金额", "交易额", "到位", "固定资产", "增加值", "首次", "目标", "年收入"};
  static const std::vector<std::string_view> kOfferAfter = {
      "奖励", "奖补", "补助", "补贴", "资助", "支持", "扶持", "贴息", "的奖励", "的补助",
      "的补贴", "的资助", "的一次性", "的奖补", "的支持", "的扶持", "用于", "专项资金", "资金",
      "的标准", "标准", "给予"};
  static const std::vector<std::string_view> kConditionAfter = {"以上", "及以上", "(含)以上", "（含）以上", "的"};
  auto starts = [](std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; };
  for (size_t i = 0; i < found->size(); ++i) {
    Found& f = (*found)[i];
    if (f.amount.kind != AmountKind::kMoney) continue;
    // The words after a list (1500元、2000元、3000元标准) speak for all of it.
    const size_t tail = (*found)[ListEnd(text, *found, i) - 1].end;
    std::string_view after(text.data() + tail, std::min<size_t>(24, end - tail));
    bool decided = false;
    for (std::string_view w : kOfferAfter) {
      if (starts(after, w)) {
        f.amount.purpose = AmountPurpose::kOffered;
        decided = true;
        break;
      }
    }
    for (std::string_view w : kConditionAfter) {
      if (decided) break;
      if (starts(after, w)) {
        f.amount.purpose = AmountPurpose::kCondition;
        decided = true;
      }
    }
    if (decided) continue;
    const size_t lo = PhraseStart(text, begin, f.begin);
    std::string_view lead(text.data() + lo, f.begin - lo);
    // The cue that ends last wins; 不超过 (a cap) is not 超过.
    static const CueSet offers(kOffer), conditions(kCondition);
    const auto offer = offers.LastEnd(lead), condition = conditions.LastEnd(lead);
    // A budget (市财政每年安排专项资金不少于2亿元) is offered, however bounded.
    const bool budget = lead.find("安排") != std::string_view::npos || lead.find("统筹") != std::string_view::npos;
    if (budget || (offer && (!condition || *offer > *condition))) {
      f.amount.purpose = AmountPurpose::kOffered;
    } else if (condition) {
      f.amount.purpose = AmountPurpose::kCondition;
    }
  }
}

}  // namespace

std::vector<Amount> FindAmounts(const std::string& text, size_t begin, size_t end,
                                const utf8::CodePointIndex& cps) {
  std::vector<Found> found;
  re2::StringPiece whole(text);
  re2::StringPiece g[6];
  auto span = [&](size_t b, size_t e) {
    return CodePointSpan{cps.ToCodePoint(b), cps.ToCodePoint(e)};
  };

  for (size_t pos = begin; pos < end &&
                           MoneyRe().Match(whole, pos, end, RE2::UNANCHORED, g, 6);) {
    size_t b = g[0].data() - text.data();
    size_t e = b + g[0].size();
    pos = e;
    std::string unit(g[4]);
    const int64_t multiplier = unit == "亿元"     ? 100000000
                               : unit == "千万元" ? 10000000
                               : unit == "百万元" ? 1000000
                               : unit == "万元"   ? 10000
                               : unit == "千元"   ? 1000
                                                  : 1;
    // 数千万元, 几百万元: no amount, only an order of magnitude.
    if (g[2].empty() && b >= 3 && RE2::FullMatch(std::string_view(g[3].data(), g[3].size()), kBareMagnitudeRe()) &&
        (text.compare(b - 3, 3, "数") == 0 || text.compare(b - 3, 3, "几") == 0)) {
      continue;
    }
    std::optional<int64_t> fen;
    if (!g[2].empty()) {
      auto v = ParseDecimalScaled(std::string_view(g[2].data(), g[2].size()), 2);
      if (v && *v <= INT64_MAX / multiplier) fen = *v * multiplier;
    } else {
      auto v = ParseChineseNumber(std::string_view(g[3].data(), g[3].size()));
      if (v && *v <= INT64_MAX / 100 / multiplier) fen = *v * multiplier * 100;
    }
    if (!fen) continue;
    Found f{b, e, Amount{}, false};
    f.amount.kind = AmountKind::kMoney;
    f.amount.text = std::string(g[0]);
    f.amount.fen = *fen;
    f.amount.span = span(b, e);
    if (!g[5].empty()) {
      f.amount.qualifier = QualifierOf(std::string_view(g[5].data(), g[5].size()));
      f.has_own_qualifier = true;
    }
    if (!g[1].empty()) {
      // A range: the low end is a second amount with the same unit.
      auto low = ParseDecimalScaled(std::string_view(g[1].data(), g[1].size()), 2);
      if (low && *low <= INT64_MAX / multiplier) {
        Found lo = f;
        lo.amount.fen = *low * multiplier;
        lo.amount.qualifier = AmountQualifier::kMin;
        lo.has_own_qualifier = true;
        f.amount.qualifier = AmountQualifier::kMax;
        f.has_own_qualifier = true;
        found.push_back(lo);
      }
    }
    found.push_back(f);
  }

  for (size_t pos = begin; pos < end &&
                           PercentRe().Match(whole, pos, end, RE2::UNANCHORED, g, 3);) {
    size_t b = g[0].data() - text.data();
    size_t e = b + g[0].size();
    pos = e;
    double v = 0;
    if (!g[1].empty()) {
      v = std::strtod(std::string(g[1]).c_str(), nullptr);
    } else if (auto cn = ParseChineseDecimal(std::string_view(g[2].data(), g[2].size()))) {
      v = *cn;
    } else {
      v = std::strtod(std::string(g[2]).c_str(), nullptr);
    }
    Found f{b, e, Amount{}, false};
    f.amount.kind = AmountKind::kPercent;
    f.amount.text = std::string(g[0]);
    f.amount.percent = v;
    f.amount.span = span(b, e);
    // 7%以上
    std::string_view after(text.data() + e, std::min<size_t>(9, end - e));
    for (std::string_view post : {"及以上", "以上", "及以下", "以下", "以内", "左右"}) {
      if (after.substr(0, post.size()) == post) {
        f.amount.qualifier = QualifierOf(post);
        f.has_own_qualifier = true;
        break;
      }
    }
    found.push_back(f);
  }

  for (size_t pos = begin; pos < end &&
                           RatioRe().Match(whole, pos, end, RE2::UNANCHORED, g, 2);) {
    size_t b = g[0].data() - text.data();
    size_t e = b + g[0].size();
    pos = e;
    if (!IsRatioContext(text, b, e)) continue;
    Found f{b, e, Amount{}, false};
    f.amount.kind = AmountKind::kRatio;
    f.amount.text = std::string(g[0]);
    std::string s(g[1]);
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
      if (j > i) f.amount.ratio.push_back(std::strtod(s.substr(i, j - i).c_str(), nullptr));
      i = j;
      while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    f.amount.span = span(b, e);
    found.push_back(f);
  }

  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.begin < b.begin; });

  // Qualifiers and `per` from the phrase before each amount.
  size_t prev_end = begin;
  const Found* prev = nullptr;
  for (Found& f : found) {
    if (f.amount.kind != AmountKind::kRatio) {
      size_t lo = std::max(std::min(prev_end, f.begin), PhraseStart(text, begin, f.begin));
      if (!f.has_own_qualifier) {
        if (auto q = LastMatch(PreQualifierRe(), text, lo, f.begin)) {
          f.amount.qualifier = QualifierOf(*q);
          f.has_own_qualifier = true;
        } else if (prev != nullptr && prev->amount.kind == f.amount.kind) {
          // 100万元、20万元 / 200万元和400万元: the list shares the qualifier.
          std::string_view gap(text.data() + prev->end, f.begin - prev->end);
          static const RE2 kJoin(R"(^\s*(?:、|和|或|及|与|,|，)\s*$)");
          if (RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kJoin)) {
            f.amount.qualifier = prev->amount.qualifier;
          }
        }
      }
      size_t per_lo = std::max(PhraseStart(text, begin, f.begin), std::min(prev_end, f.begin));
      if (auto per = LastMatch(PerRe(), text, per_lo, f.begin)) {
        f.amount.per = *per;
      }
    }
    prev_end = std::max(prev_end, f.end);
    prev = &f;
  }

  AssignTargets(text, begin, &found);
  AssignPurposes(text, begin, end, &found);

  std::vector<Amount> out;
  out.reserve(found.size());
  for (Found& f : found) out.push_back(std::move(f.amount));
  return out;
}

}  // namespace gongwen::structure::internal
