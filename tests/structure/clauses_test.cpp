// Tests structure/clauses.cpp: MatchClauseMarker, ClauseHeading,
// IsClosingParagraph and FindClauses. FindClauses runs on documents built
// through the real extract + normalize stages, from the samples (the seeds)
// and from small texts; expected paths come from samples/gold (copies of ../shared/gold).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "structure/internal/rules.h"
#include "tests/test_support.h"
#include "util/utf8.h"

using gongwen::BureauRole;
using gongwen::Clause;
using gongwen::Normalized;
using gongwen::Warning;
using gongwen::structure::internal::ClauseHeading;
using gongwen::structure::internal::ClauseMarker;
using gongwen::structure::internal::FindClauses;
using gongwen::structure::internal::IsClosingParagraph;
using gongwen::structure::internal::MatchClauseMarker;
namespace utf8 = gongwen::utf8;
using gongwen::testing::NormalizeText;
using gongwen::testing::ReadFileOrFail;
using gongwen::WarningCode;
using gongwen::AmountKind;
using gongwen::ClauseStyle;

namespace {

const std::string kSourceDir = GONGWEN_SOURCE_DIR;

Normalized Sample(const std::string& name) {
  return NormalizeText(ReadFileOrFail(kSourceDir + "/samples/" + name), "samples/" + name);
}

struct Found {
  Normalized doc;
  std::vector<Clause> clauses;
  std::vector<Warning> warnings;
};

Found Clauses(Normalized doc) {
  Found f;
  f.doc = std::move(doc);
  const utf8::CodePointIndex cps(f.doc.text);
  f.clauses = FindClauses(f.doc, cps, &f.warnings);
  return f;
}

std::string PathString(const std::vector<int>& path) {
  std::string s = "[";
  for (size_t i = 0; i < path.size(); ++i) s += (i ? "," : "") + std::to_string(path[i]);
  return s + "]";
}

std::string Describe(const std::vector<Clause>& clauses) {
  std::string s;
  for (const Clause& c : clauses) {
    s += "part " + std::to_string(c.part) + " " + PathString(c.path) + " " + c.marker + " | ";
  }
  return s;
}

std::string SpanText(const std::string& text, const gongwen::CodePointSpan& span) {
  std::u32string u = utf8::ToU32(text);
  if (span.begin < 0 || span.end < span.begin || span.end > static_cast<int64_t>(u.size())) {
    return "<span out of range>";
  }
  return utf8::FromU32(std::u32string_view(u).substr(span.begin, span.end - span.begin));
}

// The gold's comparison rule (../shared/tools/score.py norm()): NFKC, curly
// quotes as straight quotes, whitespace dropped. Enough of NFKC for these
// texts: full-width ASCII forms and the ideographic space.
std::string GoldNorm(std::string_view s) {
  std::u32string out;
  for (char32_t c : utf8::ToU32(s)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
    if (c == U'“' || c == U'”' || c == U'「' || c == U'」') c = U'"';
    if (c == U'‘' || c == U'’') c = U'\'';
    if (c == U' ' || c == U'\t' || c == U'\n' || c == 0x3000 || c == 0xA0) continue;
    out.push_back(c);
  }
  return utf8::FromU32(out);
}

nlohmann::json Gold(const std::string& id) {
  return nlohmann::json::parse(ReadFileOrFail(kSourceDir + "/samples/gold/" + id + ".json"));
}

const Clause* ByPath(const std::vector<Clause>& clauses, const std::vector<int>& path) {
  for (const Clause& c : clauses) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

// Index, level, part and parent agree with the path.
void CheckTree(const std::vector<Clause>& clauses) {
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    CAPTURE(i);
    INFO("path ", PathString(c.path), " marker ", c.marker);
    CHECK(c.index == static_cast<int>(i));
    REQUIRE_FALSE(c.path.empty());
    CHECK(c.level == static_cast<int>(c.path.size()));
    if (c.path.size() == 1) {
      CHECK_FALSE(c.parent.has_value());
    } else {
      REQUIRE(c.parent.has_value());
      REQUIRE(*c.parent >= 0);
      REQUIRE(*c.parent < static_cast<int>(i));
      const Clause& p = clauses[*c.parent];
      CHECK(p.part == c.part);
      CHECK(p.path == std::vector<int>(c.path.begin(), c.path.end() - 1));
    }
    CHECK(c.span.begin < c.span.end);
    if (i > 0) CHECK(clauses[i - 1].span.begin < c.span.begin);
  }
}

const char* const kSeeds[][2] = {
    {"000", "000_416e64e656112d15.txt"},
    {"002", "002_9825fd42b4a1cf31.txt"},
    {"003", "003_838b7ceec8d27e5e.txt"},
    {"004", "004_ebfee30354606d84.txt"},
};

}  // namespace

TEST_CASE("MatchClauseMarker") {
  SUBCASE("every marker style, with its text and ordinal") {
    struct Case {
      const char* paragraph;
      const char* style;
      const char* text;
      int ordinal;
    };
    const Case cases[] = {
        {"一、增强科技创新能力", "chinese_dun", "一、", 1},
        {"七、政策支持", "chinese_dun", "七、", 7},
        {"十五、附则", "chinese_dun", "十五、", 15},
        {"(一)指导思想。坚持以习近平新时代中国特色社会主义思想为指导", "chinese_paren", "(一)", 1},
        {"（一）指导思想。", "chinese_paren", "（一）", 1},
        {"(二十一)加大金融支持力度。", "chinese_paren", "(二十一)", 21},
        {"(二十六)加强指导服务。", "chinese_paren", "(二十六)", 26},
        {"1. 强化关键核心技术攻关。", "arabic_dot", "1.", 1},
        {"8.推动企业转型升级。", "arabic_dot", "8.", 8},
        {"15. 支持建设国家级安防产品交易平台。", "arabic_dot", "15.", 15},
        {"1．强化关键核心技术攻关。", "arabic_dot", "1．", 1},
        {"1、强化关键核心技术攻关。", "arabic_dot", "1、", 1},
        {"(1)企业注册满一年。", "arabic_paren", "(1)", 1},
        {"（12）企业注册满一年。", "arabic_paren", "（12）", 12},
        {"①企业注册满一年。", "circled", "①", 1},
        {"⑳企业注册满一年。", "circled", "⑳", 20},
        {"第二章 支持措施", "chapter", "第二章", 2},
        {"第五条 对认定的企业给予奖励。", "article", "第五条", 5},
        {"第三节 申报程序", "section", "第三节", 3},
        {"第十二条 本办法自发布之日起施行。", "article", "第十二条", 12},
        {"第3条 本办法自发布之日起施行。", "article", "第3条", 3},
    };
    for (const Case& c : cases) {
      INFO("c.paragraph := ", std::string(c.paragraph));
      std::optional<ClauseMarker> m = MatchClauseMarker(c.paragraph);
      REQUIRE(m.has_value());
      CHECK(std::string(NameOf(m->style)) == c.style);
      CHECK(m->text == c.text);
      CHECK(m->ordinal == c.ordinal);
    }
  }

  SUBCASE("paragraphs that only start with a number are not clauses") {
    const char* cases[] = {
        "2025年,高新区体制机制持续创新",  // a year
        "1.5亿元专项资金",                // a decimal
        "14",                             // a table cell
        "1",                              // a table cell (seed 003's 序号)
        "2023-11-28 14:43:32",
        "第72次常务会议",
        "一带一路",                       // a numeral word without marker punctuation
        "(此件公开发布)",
        "(国家级、省级)",
        "",
    };
    for (const char* p : cases) {
      INFO("p := ", std::string(p));
      std::optional<ClauseMarker> m = MatchClauseMarker(p);
      INFO("matched: ", m ? NameOf(m->style) + (" " + m->text) : std::string("-"));
      CHECK_FALSE(m.has_value());
    }
  }
}

TEST_CASE("ClauseHeading") {
  SUBCASE("the lead phrase up to 。 or :") {
    struct Case {
      const char* rest;
      const char* heading;
    };
    const Case cases[] = {
        // seed 002 (一)
        {"指导思想。坚持以习近平新时代中国特色社会主义思想为指导,贯彻落实党的十九大精神。", "指导思想"},
        // seed 003 三、(一): the parenthetical is part of the heading, the : ends it
        {"技术创新中心(国家级、省级):以关键技术研发、产学研协同推动科技成果转移转化与产业化为目标。",
         "技术创新中心(国家级、省级)"},
        // a section line is the heading as a whole
        {"总体要求", "总体要求"},
        {"增强科技创新能力", "增强科技创新能力"},
        // quotes do not end the phrase
        {"支持企业参与“一带一路”建设。深耕“一带一路”投资合作。", "支持企业参与“一带一路”建设"},
        {" 强化关键核心技术攻关。聚焦产业需求。", "强化关键核心技术攻关"},
        // a full stop typed as '.' after a Chinese character; a decimal point is none
        {"做大做强龙头企业.实施龙头企业培育工程.", "做大做强龙头企业"},
        {"给予1.5万元奖励", "给予1.5万元奖励"},
    };
    for (const Case& c : cases) {
      INFO("c.rest := ", std::string(c.rest));
      std::optional<std::string> h = ClauseHeading(c.rest);
      REQUIRE(h.has_value());
      CHECK(*h == c.heading);
    }
  }

  SUBCASE("a one-sentence item is body text, unless it heads a list") {
    CHECK_FALSE(ClauseHeading("企业注册满一年。").has_value());
    CHECK_FALSE(ClauseHeading("企业注册满一年;").has_value());
    std::optional<std::string> h = ClauseHeading("申报企业应当具备以下条件。", /*has_children=*/true);
    REQUIRE(h.has_value());
    CHECK(*h == "申报企业应当具备以下条件");
  }

  SUBCASE("body text is not a heading") {
    const char* cases[] = {
        // a comma before the first stop
        "对首次入规的工业企业、软件和信息服务业企业,给予最高不超过20万元奖励。",
        "坚持以习近平新时代中国特色社会主义思想为指导,贯彻落实党的十九大和十九届二中、三中全会精神。",
        // more than 40 characters without punctuation
        "市科技局负责推进省级以上技术创新中心公共技术服务平台的组织评估和管理做好市级新型研发机构备案管理工作",
        "",
        "   ",
    };
    for (const char* rest : cases) {
      INFO("rest := ", std::string(rest));
      std::optional<std::string> h = ClauseHeading(rest);
      INFO("heading: ", h.value_or("-"));
      CHECK_FALSE(h.has_value());
    }
  }
}

TEST_CASE("IsClosingParagraph") {
  SUBCASE("the closing part of the seeds") {
    const char* cases[] = {
        "本政策措施自2025年9月5日起施行,有效期至2030年9月4日。",
        "本文件财政奖补资金按现行财政体制分担,另有明确规定的除外。",
        "抄送:市委各部门,市人大常委会办公室,市政协办公室。",
        "(此件公开发布)",
        "附件:1.申报表",
        "2021年4月12日",
        "本办法由市科技局负责解释。",
    };
    for (const char* p : cases) {
      INFO("p := ", std::string(p));
      CHECK(IsClosingParagraph(p));
    }
  }

  SUBCASE("body paragraphs") {
    const char* cases[] = {
        "建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式。",
        "(一)发布任务。",
        "序号",
        "东海县",
    };
    for (const char* p : cases) {
      INFO("p := ", std::string(p));
      CHECK_FALSE(IsClosingParagraph(p));
    }
  }
}

TEST_CASE("FindClauses: seeds against the gold paths") {
  for (const auto& seed : kSeeds) {
    const std::string seed_file = seed[1];
    CAPTURE(seed_file);
    Found f = Clauses(Sample(seed[1]));
    nlohmann::json gold = Gold(seed[0]);
    const auto& want = gold["clauses"];
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      std::vector<int> path = want[i]["path"].get<std::vector<int>>();
      int part = want[i].value("part", 1);
      CHECK(PathString(f.clauses[i].path) == PathString(path));
      CHECK(f.clauses[i].part == part);
    }
    CheckTree(f.clauses);
    for (const Warning& w : f.warnings) {
      INFO("warning: ", NameOf(w.code), " ", w.message);
      CHECK(w.code != WarningCode::kClauseNumbering);  // the seeds number consistently
    }
  }
}

TEST_CASE("FindClauses: seed 000 numbering runs on across sections") {
  Found f = Clauses(Sample("000_416e64e656112d15.txt"));
  INFO("found: ", Describe(f.clauses));
  // 二、 then 6.: the arabic numbers continue from the previous section.
  const Clause* c = ByPath(f.clauses, {2, 6});
  REQUIRE(c != nullptr);
  CHECK(c->marker == "6.");
  CHECK(c->style == ClauseStyle::kArabicDot);
  CHECK(c->level == 2);
  REQUIRE(c->parent.has_value());
  CHECK(f.clauses[*c->parent].marker == "二、");
  CHECK(c->heading.value_or("-") == "强化项目招引培育");
  // The clause's span starts at its marker.
  // (normalization removed the layout space after "6.")
  CHECK(SpanText(f.doc.text, c->span).rfind("6.强化项目招引培育。全面梳理", 0) == 0);
}

TEST_CASE("FindClauses: seed headings match the gold") {
  for (const auto& seed : kSeeds) {
    const std::string seed_file = seed[1];
    CAPTURE(seed_file);
    Found f = Clauses(Sample(seed[1]));
    nlohmann::json gold = Gold(seed[0]);
    const auto& want = gold["clauses"];
    REQUIRE(f.clauses.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      INFO("path ", PathString(f.clauses[i].path));
      if (want[i]["heading"].is_null()) {
        CHECK_FALSE(f.clauses[i].heading.has_value());
      } else {
        CHECK(GoldNorm(f.clauses[i].heading.value_or("<none>")) ==
              GoldNorm(want[i]["heading"].get<std::string>()));
      }
    }
  }
}

TEST_CASE("FindClauses: seed amounts and bureaus match the gold") {
  for (const auto& seed : kSeeds) {
    const std::string seed_file = seed[1];
    CAPTURE(seed_file);
    Found f = Clauses(Sample(seed[1]));
    nlohmann::json gold = Gold(seed[0]);
    const auto& want = gold["clauses"];
    REQUIRE(f.clauses.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      const Clause& c = f.clauses[i];
      CAPTURE(i);
      INFO("path ", PathString(c.path));
      std::vector<int64_t> money, want_money;
      std::vector<double> percent, want_percent;
      std::vector<std::vector<double>> ratio, want_ratio;
      for (const auto& a : c.amounts) {
        if (a.kind == AmountKind::kMoney) money.push_back(a.fen / 100);
        if (a.kind == AmountKind::kPercent) percent.push_back(a.percent);
        if (a.kind == AmountKind::kRatio) ratio.push_back(a.ratio);
        CHECK(SpanText(f.doc.text, a.span) == a.text);
      }
      for (const auto& v : want[i]["money"]) want_money.push_back(v.get<int64_t>());
      for (const auto& v : want[i]["percent"]) want_percent.push_back(v.get<double>());
      for (const auto& v : want[i]["ratio"]) want_ratio.push_back(v.get<std::vector<double>>());
      CHECK(money == want_money);
      CHECK(percent == want_percent);
      CHECK(ratio == want_ratio);

      // The gold lists the responsible units (attribution lists); units
      // mentioned in running text have role "mentioned" and are not in it.
      std::vector<std::string> names;
      for (const auto& b : c.bureaus) {
        CHECK(SpanText(f.doc.text, b.span) == b.name);
        if (b.role == BureauRole::kResponsible) names.push_back(b.name);
      }
      const auto& want_b = want[i]["bureaus"];
      REQUIRE(names.size() == want_b.size());
      for (size_t k = 0; k < names.size(); ++k) {
        CAPTURE(k);
        INFO("name ", names[k]);
        // An entry may be a list of acceptable spellings.
        bool ok = false;
        if (want_b[k].is_array()) {
          for (const auto& alt : want_b[k]) ok = ok || alt.get<std::string>() == names[k];
        } else {
          ok = want_b[k].get<std::string>() == names[k];
        }
        CHECK(ok);
      }
    }
  }
}

TEST_CASE("FindClauses: the closing part after the last clause") {
  SUBCASE("seed 004: the 3:7 of the closing paragraph is not in clause [6,21]") {
    Found f = Clauses(Sample("004_ebfee30354606d84.txt"));
    REQUIRE_FALSE(f.clauses.empty());
    const Clause& last = f.clauses.back();
    CHECK(PathString(last.path) == "[6,21]");
    CHECK(last.amounts.empty());
    // The closing paragraph really holds the ratio, and the clause ends before it.
    size_t closing = f.doc.text.find("认定类奖励政策");
    REQUIRE(closing != std::string::npos);
    REQUIRE(f.doc.text.find("3:7", closing) != std::string::npos);
    const utf8::CodePointIndex cps(f.doc.text);
    CHECK(last.span.end <= cps.ToCodePoint(closing));
    std::string own = SpanText(f.doc.text, last.span);
    CHECK(own.rfind("(二十一)开展重要活动或承办重大任务", 0) == 0);
    CHECK(own.find("3:7") == std::string::npos);
  }

  SUBCASE("seed 000: the 施行 paragraph is not part of clause 15") {
    Found f = Clauses(Sample("000_416e64e656112d15.txt"));
    REQUIRE_FALSE(f.clauses.empty());
    const Clause& last = f.clauses.back();
    CHECK(PathString(last.path) == "[4,15]");
    std::string own = SpanText(f.doc.text, last.span);
    CHECK(own.find("本文件财政奖补资金") == std::string::npos);
    CHECK(own.find("有效期至") == std::string::npos);
    REQUIRE(last.bureaus.size() == 7);
    CHECK(last.bureaus.back().name == "海州区政府(高新区管委会)");
  }

  SUBCASE("seed 003: heading-only 七、政策支持 takes the following paragraph") {
    Found f = Clauses(Sample("003_838b7ceec8d27e5e.txt"));
    REQUIRE_FALSE(f.clauses.empty());
    const Clause& last = f.clauses.back();
    CHECK(PathString(last.path) == "[7]");
    CHECK(last.heading.value_or("-") == "政策支持");
    std::vector<int64_t> money;
    for (const auto& a : last.amounts) {
      if (a.kind == AmountKind::kMoney) money.push_back(a.fen);
    }
    CHECK(money == std::vector<int64_t>{1000000000, 500000000});  // 1000万元, 500万元 in fen
  }
}

TEST_CASE("FindClauses: small documents") {
  SUBCASE("chapters and articles: articles number on across chapters") {
    Found f = Clauses(NormalizeText(
        "第一章 总则\n\n"
        "第一条 为加快建设制造强市,制定本办法。\n\n"
        "第二条 本办法适用于本市注册的工业企业。\n\n"
        "第二章 支持措施\n\n"
        "第三条 对首次入规的工业企业,给予最高不超过20万元奖励。\n",
        "rules.txt"));
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == 5);
    const char* paths[] = {"[1]", "[1,1]", "[1,2]", "[2]", "[2,3]"};
    const char* styles[] = {"chapter", "article", "article", "chapter", "article"};
    for (size_t i = 0; i < 5; ++i) {
      CAPTURE(i);
      CHECK(PathString(f.clauses[i].path) == paths[i]);
      CHECK(std::string(NameOf(f.clauses[i].style)) == styles[i]);
      CHECK(f.clauses[i].part == 1);
    }
    CheckTree(f.clauses);
    // 第X条 starts with body text: no heading.
    CHECK_FALSE(f.clauses[1].heading.has_value());
    CHECK(f.clauses[0].heading.value_or("-") == "总则");
    REQUIRE(f.clauses[4].amounts.size() == 1);
    CHECK(f.clauses[4].amounts[0].fen == 20000000);
    for (const Warning& w : f.warnings) {
      INFO("warning: ", w.message);
      CHECK(w.code != WarningCode::kClauseNumbering);
    }
  }

  SUBCASE("numbered 款 and 项 of an article are its children") {
    Found f = Clauses(NormalizeText(
        "第一条 有下列情形之一的,不予支持:\n\n"
        "第一款 申报材料弄虚作假的;\n\n"
        "第二款 存在严重失信行为的。\n\n"
        "第二条 本办法自2025年1月1日起施行。\n",
        "rules.txt"));
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == 4);
    const char* paths[] = {"[1]", "[1,1]", "[1,2]", "[2]"};
    const char* styles[] = {"article", "paragraph", "paragraph", "article"};
    for (size_t i = 0; i < 4; ++i) {
      CAPTURE(i);
      CHECK(PathString(f.clauses[i].path) == paths[i]);
      CHECK(std::string(NameOf(f.clauses[i].style)) == styles[i]);
    }
    CheckTree(f.clauses);
  }

  SUBCASE("a second text restarting at 一、 is part 2") {
    Found f = Clauses(NormalizeText(
        "一、总体要求\n\n"
        "(一)指导思想。坚持创新引领。\n\n"
        "二、重点任务\n\n"
        "(一)建设平台。支持企业建设研发机构。\n\n"
        "一、工作目标\n\n"
        "二、保障措施\n",
        "two.txt"));
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == 6);
    const char* paths[] = {"[1]", "[1,1]", "[2]", "[2,1]", "[1]", "[2]"};
    const int parts[] = {1, 1, 1, 1, 2, 2};
    for (size_t i = 0; i < 6; ++i) {
      CAPTURE(i);
      CHECK(PathString(f.clauses[i].path) == paths[i]);
      CHECK(f.clauses[i].part == parts[i]);
    }
    CheckTree(f.clauses);
    for (const Warning& w : f.warnings) {
      INFO("warning: ", w.message);
      CHECK(w.code != WarningCode::kClauseNumbering);
    }
  }

  SUBCASE("a numbering gap is a clause_numbering warning located at the marker") {
    Found f = Clauses(NormalizeText(
        "一、总体要求\n\n"
        "坚持创新引领。\n\n"
        "三、重点任务\n\n"
        "支持企业建设研发机构。\n",
        "gap.txt"));
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == 2);
    CHECK(PathString(f.clauses[1].path) == "[3]");
    std::vector<const Warning*> numbering;
    for (const Warning& w : f.warnings) {
      if (w.code == WarningCode::kClauseNumbering) numbering.push_back(&w);
    }
    REQUIRE(numbering.size() == 1);
    REQUIRE(numbering[0]->span.has_value());
    CHECK(SpanText(f.doc.text, *numbering[0]->span) == "三、");
  }

  SUBCASE("a gap among sub-items is reported too") {
    Found f = Clauses(NormalizeText(
        "一、总体要求\n\n"
        "(一)指导思想。坚持创新引领。\n\n"
        "(三)发展目标。到2025年形成体系。\n",
        "subgap.txt"));
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == 3);
    int numbering = 0;
    for (const Warning& w : f.warnings) numbering += w.code == WarningCode::kClauseNumbering;
    CHECK(numbering == 1);
  }

  SUBCASE("an 附件 list in the closing part is not clauses") {
    Found f = Clauses(NormalizeText(
        "一、总体要求\n\n"
        "坚持创新引领,推动高质量发展。\n\n"
        "附件:\n\n"
        "1.申报表\n\n"
        "2.承诺书\n",
        "attach.txt"));
    INFO("found: ", Describe(f.clauses));
    REQUIRE(f.clauses.size() == 1);
    CHECK(PathString(f.clauses[0].path) == "[1]");
  }
}
