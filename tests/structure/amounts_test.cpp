// Tests structure/amounts.cpp: FindAmounts (money in fen, percentages, ratios,
// qualifiers, `per`, code point spans). Strings come from the seed documents
// in ../shared/seeds (as they read after normalization).
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "structure/internal/rules.h"
#include "util/utf8.h"

using gongwen::Amount;
using gongwen::structure::internal::FindAmounts;
using gongwen::AmountKind;
using gongwen::AmountQualifier;
namespace utf8 = gongwen::utf8;

namespace {

std::vector<Amount> Find(const std::string& text) {
  const utf8::CodePointIndex cps(text);
  return FindAmounts(text, 0, text.size(), cps);
}

// The text the span selects, in code points of `text`.
std::string SpanText(const std::string& text, const gongwen::CodePointSpan& span) {
  std::u32string u = utf8::ToU32(text);
  if (span.begin < 0 || span.end < span.begin || span.end > static_cast<int64_t>(u.size())) {
    return "<span out of range>";
  }
  return utf8::FromU32(std::u32string_view(u).substr(span.begin, span.end - span.begin));
}

// One line per amount, so a failure shows everything that was found.
std::string Describe(const std::vector<Amount>& amounts) {
  std::ostringstream out;
  for (const Amount& a : amounts) {
    out << "[" << NameOf(a.kind) << " \"" << a.text << "\" fen=" << a.fen << " percent=" << a.percent
        << " ratio=";
    for (double r : a.ratio) out << r << ":";
    out << " qualifier=" << NameOf(a.qualifier) << " per=" << a.per.value_or("-") << " span=" << a.span.begin
        << "," << a.span.end << "] ";
  }
  return out.str();
}

constexpr int64_t kYuan = 100;  // fen per yuan

struct MoneyCase {
  const char* input;
  const char* text;  // Amount::text
  int64_t yuan;
  const char* qualifier;
};

}  // namespace

TEST_CASE("FindAmounts: money") {
  SUBCASE("a single amount: value in fen, text, qualifier and span") {
    const MoneyCase cases[] = {
        // seed 000 clause 1
        {"对牵头攻关任务的单位,市财政给予最高300万元支持。", "300万元", 3000000, "max"},
        {"新认定的省级院士工作站一次性补助200万元。", "200万元", 2000000, "exact"},
        {"获得省级批准立项的重大产业创新平台,最高支持额度不超过500万元。", "500万元", 5000000,
         "max"},
        {"总投资1.5亿元的项目", "1.5亿元", 150000000, "exact"},
        {"给予五十万元奖励", "五十万元", 500000, "exact"},
        {"给予1,500万元奖励", "1,500万元", 15000000, "exact"},
        {"每个产品不超过2万元类励", "2万元", 20000, "max"},
        {"奖励16.4亿元", "16.4亿元", 1640000000, "exact"},
        {"给予奖励五千元", "五千元", 5000, "exact"},
        {"补助0.5万元", "0.5万元", 5000, "exact"},
        {"不低于100万元", "100万元", 1000000, "min"},
        {"约300元", "300元", 300, "approx"},
        // seed 004 clause 9: a threshold with a parenthetical before 以上
        {"设备有效投入额200万元(不含税)以上的", "200万元(不含税)以上", 2000000, "min"},
        {"投资额500万元以下的项目", "500万元以下", 5000000, "max"},
    };
    for (const MoneyCase& c : cases) {
      INFO("c.input := ", std::string(c.input));
      std::string text = c.input;
      std::vector<Amount> found = Find(text);
      INFO(Describe(found));
      REQUIRE(found.size() == 1);
      const Amount& a = found[0];
      CHECK(a.kind == AmountKind::kMoney);
      CHECK(a.text == c.text);
      CHECK(a.fen == c.yuan * kYuan);
      CHECK(std::string(NameOf(a.qualifier)) == c.qualifier);
      CHECK(SpanText(text, a.span) == a.text);
    }
  }

  SUBCASE("seed 000 clause 2: 分别一次性奖励100万元、20万元 gives two amounts") {
    std::string text =
        "对新认定的国家级、省级企业工程(技术)研究中心分别一次性奖励100万元、20万元;"
        "新认定的省级院士工作站一次性补助200万元。";
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    REQUIRE(found.size() == 3);
    CHECK(found[0].fen == 1000000 * kYuan);
    CHECK(found[0].text == "100万元");
    CHECK(found[1].fen == 200000 * kYuan);
    CHECK(found[1].text == "20万元");
    CHECK(found[2].fen == 2000000 * kYuan);
    for (const Amount& a : found) {
      CHECK(a.kind == AmountKind::kMoney);
      CHECK(a.qualifier == AmountQualifier::kExact);
      CHECK(SpanText(text, a.span) == a.text);
    }
  }

  SUBCASE("seed 004 clause 10: an amount joined by 和 shares 最高不超过") {
    // "分别给予最高不超过 200 万元和 400 万元奖励" after normalization removed the spaces.
    std::string text = "对被评为卓越级和领航级智能工厂的企业,分别给予最高不超过200万元和400万元奖励。";
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].fen == 2000000 * kYuan);
    CHECK(found[0].qualifier == AmountQualifier::kMax);
    CHECK(found[1].fen == 4000000 * kYuan);
    CHECK(found[1].qualifier == AmountQualifier::kMax);
    CHECK(SpanText(text, found[0].span) == "200万元");
    CHECK(SpanText(text, found[1].span) == "400万元");
  }

  SUBCASE("seed 000 clause 7: a 、 list after 最高 is max throughout") {
    std::string text = "分别给予最高200万元、100万元、50万元、20万元奖励。";
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    REQUIRE(found.size() == 4);
    const int64_t yuan[] = {2000000, 1000000, 500000, 200000};
    for (size_t i = 0; i < 4; ++i) {
      CAPTURE(i);
      CHECK(found[i].fen == yuan[i] * kYuan);
      CHECK(found[i].qualifier == AmountQualifier::kMax);
    }
  }

  SUBCASE("a qualifier does not leak across a sentence") {
    // seed 004 clause 3: 最高不超过 belongs to each phrase, 对…给予 restarts.
    std::string text = "最高不超过80万元奖励;对获评的企业给予100万元奖励。";
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    REQUIRE(found.size() == 2);
    CHECK(found[0].qualifier == AmountQualifier::kMax);
    CHECK(found[1].qualifier == AmountQualifier::kExact);
  }
}

// BUG: FindAmounts crashes (SIGSEGV) on a money range. Input "给予50-100万元补助";
// expected two amounts, 500000 yuan (min) and 1000000 yuan (max); actual: the
// low and high ends share one [begin, end), so for the high end `prev_end`
// (the low end's end, byte 18) lies after `f.begin` (byte 6) and
// LastMatch(PerRe(), text, 18, 6) builds a StringPiece of negative length
// (amounts.cpp, the `per` lookup), crashing inside RE2.
TEST_CASE("FindAmounts: a money range") {
  std::string text = "给予50-100万元补助";
  std::vector<Amount> found = Find(text);
  INFO(Describe(found));
  REQUIRE(found.size() == 2);
  CHECK(found[0].kind == AmountKind::kMoney);
  CHECK(found[0].fen == 500000 * kYuan);
  CHECK(found[0].qualifier == AmountQualifier::kMin);
  CHECK(found[1].kind == AmountKind::kMoney);
  CHECK(found[1].fen == 1000000 * kYuan);
  CHECK(found[1].qualifier == AmountQualifier::kMax);
  for (const Amount& a : found) CHECK(SpanText(text, a.span) == a.text);
}

TEST_CASE("FindAmounts: percent") {
  struct Case {
    const char* input;
    double percent;
    const char* text;
    const char* qualifier;
  };
  const Case cases[] = {
      {"最高按照技术合同实际成交额的5%", 5, "5%", "max"},
      {"对前期建设费用给予20%补贴", 20, "20%", "exact"},
      {"给予百分之二十的补贴", 20, "百分之二十", "exact"},
      // seed 002 clause (三)
      {"国家高新区R&D经费支出占GDP比重达到7%以上", 7, "7%", "min"},
      {"给予不超过有效投入额12%的奖补", 12, "12%", "max"},
      {"比重超过45%", 45, "45%", "min"},
      {"增长2.5%", 2.5, "2.5%", "exact"},
  };
  for (const Case& c : cases) {
    INFO("c.input := ", std::string(c.input));
    std::string text = c.input;
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == AmountKind::kPercent);
    CHECK(found[0].percent == doctest::Approx(c.percent));
    CHECK(found[0].text == c.text);
    CHECK(std::string(NameOf(found[0].qualifier)) == c.qualifier);
    CHECK(SpanText(text, found[0].span) == c.text);
  }
}

TEST_CASE("FindAmounts: ratio") {
  SUBCASE("ratios of two and three terms") {
    struct Case {
      const char* input;
      std::vector<double> ratio;
      const char* text;
    };
    const Case cases[] = {
        {"对牵头单位按照上级经费1:0.5给予支持", {1, 0.5}, "1:0.5"},
        {"对牵头单位按照上级经费1:1给予支持", {1, 1}, "1:1"},
        {"市财政按照国家奖励给予1:2奖励", {1, 2}, "1:2"},
        {"市、区(功能板块)按上级扶持经费1:0.5:0.5给予配套支持", {1, 0.5, 0.5}, "1:0.5:0.5"},
        {"按上级扶持经费1:0.25:0.25给予配套支持", {1, 0.25, 0.25}, "1:0.25:0.25"},
        {"由市、县(区)按3:7分别承担", {3, 7}, "3:7"},
    };
    for (const Case& c : cases) {
      INFO("c.input := ", std::string(c.input));
      std::string text = c.input;
      std::vector<Amount> found = Find(text);
      INFO(Describe(found));
      REQUIRE(found.size() == 1);
      CHECK(found[0].kind == AmountKind::kRatio);
      CHECK(found[0].ratio == c.ratio);
      CHECK(found[0].text == c.text);
      CHECK(SpanText(text, found[0].span) == c.text);
    }
  }

  SUBCASE("a clock time after a date is not a ratio") {
    const char* cases[] = {
        "时间: 2023-11-28 14:43:32 来源:",  // seed 002's site header
        "时间:2023-11-28 14:43:32",
        "时间:2023-11-28 14:43",
    };
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      std::vector<Amount> found = Find(input);
      INFO(Describe(found));
      CHECK(found.empty());
    }
  }
}

TEST_CASE("FindAmounts: numbers that are not amounts") {
  const char* cases[] = {
      "申请工作许可的年龄可放宽至65岁",                       // age
      "重大产业创新平台达80个",                               // count
      "科学确定2—3个特色产业加快强链补链延链",                // a range of counts
      "直接向我国驻外签证机关申请办理有效期最高10年、每次停留时间最高180日的R字签证",  // years, days
      "招商热线:400-107-6681",                               // phone number
      "已经市十五届政府第72次常务会议审议通过",
      "到2035年,建成一批具有地区影响力的高科技园区",
      "",
  };
  for (const char* input : cases) {
    INFO("input := ", std::string(input));
    std::vector<Amount> found = Find(input);
    INFO(Describe(found));
    CHECK(found.empty());
  }
}

TEST_CASE("FindAmounts: per") {
  SUBCASE("seed 000 clause 4: per contract and per enterprise-year") {
    std::string text =
        "对企业引进先进技术成果转移转化的,最高按照技术合同实际成交额的5%,"
        "给予单个合同最高20万元补助,同一企业年度补助最高50万元。";
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    REQUIRE(found.size() == 3);
    CHECK(found[0].kind == AmountKind::kPercent);
    CHECK(found[0].percent == doctest::Approx(5));
    CHECK_FALSE(found[0].per.has_value());
    CHECK(found[1].kind == AmountKind::kMoney);
    CHECK(found[1].fen == 200000 * kYuan);
    CHECK(found[1].qualifier == AmountQualifier::kMax);
    CHECK(found[1].per.value_or("<none>") == "单个合同");
    CHECK(found[2].kind == AmountKind::kMoney);
    CHECK(found[2].fen == 500000 * kYuan);
    CHECK(found[2].qualifier == AmountQualifier::kMax);
    CHECK(found[2].per.value_or("<none>") == "同一企业年度");
    for (const Amount& a : found) CHECK(SpanText(text, a.span) == a.text);
  }

  SUBCASE("a table of per phrases") {
    struct Case {
      const char* input;
      const char* per;
      int64_t yuan;
    };
    const Case cases[] = {
        {"市财政每年给予最高40万元经费补助", "每年", 400000},              // seed 000 clause 5
        {"对前期建设费用给予20%补贴,单个项目最高30万元", "单个项目", 300000},  // seed 000 clause 14
        {"对取得江苏省首版次软件认定的企业给予每个认定软件最高不超过40万元奖励", "每个认定软件",
         400000},  // seed 004 clause 15
        {"新技术新产品,每个给予最高不超过5万元奖励", "", 50000},  // 每个 alone names nothing
        {"单个企业最高不超过500万元", "单个企业", 5000000},
        {"每家企业每年最高100万元", "每家企业每年", 1000000},  // consecutive per phrases join
        // a parenthetical after the amount is not its per
        {"最高不超过500万元(单个企业年度内限申报一个项目)", "", 5000000},
    };
    for (const Case& c : cases) {
      INFO("c.input := ", std::string(c.input));
      std::string text = c.input;
      std::vector<Amount> found = Find(text);
      INFO(Describe(found));
      const Amount* money = nullptr;
      for (const Amount& a : found) {
        if (a.kind == AmountKind::kMoney) money = &a;
      }
      REQUIRE(money != nullptr);
      CHECK(money->fen == c.yuan * kYuan);
      if (*c.per == '\0') {
        CHECK_FALSE(money->per.has_value());
      } else {
        CHECK(money->per.value_or("<none>") == c.per);
      }
    }
  }

  SUBCASE("no per phrase: per is empty") {
    std::string text = "对牵头攻关任务的单位,市财政给予最高300万元支持。";
    std::vector<Amount> found = Find(text);
    REQUIRE(found.size() == 1);
    CHECK_FALSE(found[0].per.has_value());
  }
}

TEST_CASE("FindAmounts: search window and spans") {
  SUBCASE("only [begin, end) is searched") {
    std::string text = "奖励100万元。补助20万元。奖励5万元。";
    const utf8::CodePointIndex cps(text);
    size_t b = text.find("补助");
    size_t e = text.find("奖励5");
    std::vector<Amount> found = FindAmounts(text, b, e, cps);
    INFO(Describe(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].fen == 200000 * kYuan);
    CHECK(SpanText(text, found[0].span) == "20万元");
  }

  SUBCASE("spans are code points of the whole text, not bytes") {
    // seed 000 clause 3: seven amounts after many multi-byte characters.
    std::string text =
        "3. 支持产业标准化建设。鼓励安防企业参与标准规范制定,对主导起草并经有关组织发布国际标准、"
        "国家标准、行业标准、省地方标准的安防企业,分别奖励50万元、30万元、15万元、5万元。"
        "对新获批国家级或省级标准化试点(示范)项目的安防企业(组织),分别按不超过10万元和5万元的"
        "标准给予一次性奖励。新制定发布连云港市地方标准的第一起草单位,按不超过5万元的标准给予一次性奖励。"
        "(市市场监管局、市财政局)";
    std::vector<Amount> found = Find(text);
    INFO(Describe(found));
    const int64_t yuan[] = {500000, 300000, 150000, 50000, 100000, 50000, 50000};
    REQUIRE(found.size() == 7);
    for (size_t i = 0; i < 7; ++i) {
      CAPTURE(i);
      CHECK(found[i].kind == AmountKind::kMoney);
      CHECK(found[i].fen == yuan[i] * kYuan);
      CHECK(SpanText(text, found[i].span) == found[i].text);
      if (i > 0) CHECK(found[i - 1].span.end <= found[i].span.begin);
    }
    CHECK(found[4].qualifier == AmountQualifier::kMax);
    CHECK(found[5].qualifier == AmountQualifier::kMax);  // 10万元和5万元 shares 不超过
    CHECK(found[6].qualifier == AmountQualifier::kMax);
  }
}

TEST_CASE("FindAmounts: 分别 gives each amount its target, in order") {
  struct Case {
    std::string text;
    std::vector<std::string> targets;
  } cases[] = {
      {"对获评国家级、省级企业技术中心(工业设计中心)的企业分别给予最高不超过50万元、20万元奖励",
       {"国家级", "省级"}},
      {"对被评为卓越级和领航级智能工厂的企业,分别给予最高不超过200万元和400万元奖励。",
       {"卓越级", "领航级"}},
      {"对年营业收入首次突破5000万元、1亿元、5亿元的企业,分别给予20万元、50万元、100万元奖励。",
       {"5000万元", "1亿元", "5亿元"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::vector<std::string> got;
    for (const Amount& a : Find(c.text)) {
      if (a.target) got.push_back(*a.target);
    }
    CHECK(got == c.targets);
  }
  // Without 分别, or when the counts differ, no target is guessed.
  for (const std::string text : {"对国家级、省级企业给予最高50万元、20万元奖励。",
                                  "对国家级、省级、市级企业分别给予50万元、20万元奖励。",
                                  "复评通过的分别给予最高不超过10万元、5万元奖励。"}) {
    CAPTURE(text);
    for (const Amount& a : Find(text)) CHECK_FALSE(a.target.has_value());
  }
}

TEST_CASE("amounts: money is offered or a condition, as the words around it say") {
  struct Case {
    const char* text;
    std::vector<std::optional<std::string>> purposes;  // of the money amounts, in order
  };
  const std::optional<std::string> kOffered = std::string("offered"), kCondition = std::string("condition");
  const Case cases[] = {
      // Sentences of the samples (101–205) and the seeds.
      {"对年营业收入首次突破50亿元、100亿元、500亿元的制造业企业，分别给予企业经营团队50万元、100万元、200万元奖励。",
       {kCondition, kCondition, kCondition, kOffered, kOffered, kOffered}},
      {"对获评国家级、省级的分别给予最高不超过50万元、20万元奖励。", {kOffered, kOffered}},
      {"设立总规模100亿元的低空经济产业基金。", {kCondition}},
      {"实缴注册资本1亿元以上的，按实缴注册资本的2%给予落户奖励，最高不超过1000万元。", {kCondition, kOffered}},
      {"按每人1500元的标准给予一次性扩岗补助。", {kOffered}},
      {"本科、硕士、博士分别按每人每月1500元、2000元、3000元标准发放租房补贴。", {kOffered, kOffered, kOffered}},
      {"市财政每年安排专项资金不少于2亿元。", {kOffered}},
      {"对小型微利企业年应纳税所得额不超过100万元的部分，减按25%计入应纳税所得额。", {kCondition}},
      {"对设备投资额在500万元以上的技术改造项目，按设备投资额的8%给予补助，单个项目最高不超过3000万元。",
       {kCondition, kOffered}},
      {"对新认定的省级院士工作站一次性补助200万元。", {kOffered}},
      // Nothing says: no purpose.
      {"10万元（含）至20万元 每辆5000元", {std::nullopt, std::nullopt, std::nullopt}},
  };
  auto show = [](const std::vector<std::optional<std::string>>& v) {
    std::string s;
    for (const auto& p : v) s += p.value_or("-") + " ";
    return s;
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    std::vector<std::optional<std::string>> got;
    for (const Amount& a : Find(text)) {
      if (a.kind == AmountKind::kMoney) got.push_back(a.purpose ? std::optional<std::string>(NameOf(*a.purpose)) : std::nullopt);
      if (a.kind != AmountKind::kMoney) CHECK(!a.purpose);
    }
    CHECK(show(got) == show(c.purposes));
  }
}

TEST_CASE("FindAmounts: bare magnitudes, 千万元 units, bracketed second amounts, 百分之N点M") {
  auto money = [](const std::string& text) {
    std::vector<int64_t> out;
    for (const Amount& a : Find(text)) {
      if (a.kind == gongwen::AmountKind::kMoney) out.push_back(a.fen / kYuan);
    }
    return out;
  };
  CHECK(money("孵化出100家以上年营收超千万元的企业") == std::vector<int64_t>{10000000});
  CHECK(money("产业规模过百亿元") == std::vector<int64_t>{10000000000});
  CHECK(money("给予1千万元奖励") == std::vector<int64_t>{10000000});
  CHECK(money("投资3百万元以上") == std::vector<int64_t>{3000000});
  // An order of magnitude is no amount.
  CHECK(money("带动数千万元投资，吸引几百万元资金").empty());
  // Each amount in a bracket after another is its own; (含) stays with its amount.
  CHECK(money("每月1250元（税后1000元）的安居补贴") == std::vector<int64_t>{1250, 1000});
  CHECK(money("奖励2万元（市、县级各1万元）") == std::vector<int64_t>{20000, 10000});
  const auto with_note = Find("最高100万元（含）");
  REQUIRE(with_note.size() == 1);
  CHECK(with_note[0].text == "100万元（含）");
  const auto pct = Find("增长百分之二点三，其中百分之十五用于");
  REQUIRE(pct.size() == 2);
  CHECK(pct[0].percent == doctest::Approx(2.3));
  CHECK(pct[1].percent == doctest::Approx(15));
}
