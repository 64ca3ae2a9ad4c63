// Tests structure/bureaus.cpp: FindAttribution, SplitBureauList and
// LooksLikeOrganisation, on attributions taken from the seed documents.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "structure/internal/rules.h"
#include "util/utf8.h"

using gongwen::BureauDuty;
using gongwen::BureauRef;
using gongwen::BureauRole;
using gongwen::structure::internal::FindAttribution;
using gongwen::structure::internal::LooksLikeOrganisation;
using gongwen::structure::internal::NamePiece;
using gongwen::structure::internal::SplitBureauList;
namespace utf8 = gongwen::utf8;

namespace {

std::vector<BureauRef> Attribution(const std::string& text) {
  const utf8::CodePointIndex cps(text);
  return FindAttribution(text, 0, text.size(), cps);
}

std::string SpanText(const std::string& text, const gongwen::CodePointSpan& span) {
  std::u32string u = utf8::ToU32(text);
  if (span.begin < 0 || span.end < span.begin || span.end > static_cast<int64_t>(u.size())) {
    return "<span out of range>";
  }
  return utf8::FromU32(std::u32string_view(u).substr(span.begin, span.end - span.begin));
}

std::string Names(const std::vector<BureauRef>& refs) {
  std::ostringstream out;
  for (const BureauRef& r : refs) out << "[" << r.name << " " << gongwen::NameOf(r.role) << "] ";
  return out.str();
}

// Checks names in order, role and that each span selects its name.
void CheckRefs(const std::string& text, const std::vector<BureauRef>& refs,
               const std::vector<std::string>& expected) {
  INFO("found: ", Names(refs));
  REQUIRE(refs.size() == expected.size());
  for (size_t i = 0; i < refs.size(); ++i) {
    CAPTURE(i);
    CHECK(refs[i].name == expected[i]);
    CHECK(refs[i].role == BureauRole::kResponsible);
    CHECK(SpanText(text, refs[i].span) == expected[i]);
  }
}

// seed 000 clause 1 (1. 强化关键核心技术攻关)
const char kSeed000Clause1[] =
    "1. 强化关键核心技术攻关。聚焦产业需求,组织编制“卡脖子”技术攻关清单,加强关键共性技术、"
    "前沿引领技术、现代工程技术、颠覆性技术创新。支持安防产业链上下游企业联合高校院所开展攻关,"
    "对牵头攻关任务的单位,市财政给予最高300万元支持。(市科技局、市发改委、市工信局、市财政局)";

}  // namespace

TEST_CASE("FindAttribution") {
  SUBCASE("seed 000 clause 1: a bracketed list closing the paragraph") {
    std::string text = kSeed000Clause1;
    CheckRefs(text, Attribution(text), {"市科技局", "市发改委", "市工信局", "市财政局"});
  }

  SUBCASE("a closing sentence that only says who is responsible") {
    std::string text = "新建工业项目“拿地即开工”覆盖率达到80%。此项工作由市自然资源和城乡建设局会同市政务服务局负责。";
    CheckRefs(text, Attribution(text), {"市自然资源和城乡建设局", "市政务服务局"});
    text = "对年度销售额超过1亿元的家居卖场,给予20万元奖励。由市工信局会同市财政局负责。";
    CheckRefs(text, Attribution(text), {"市工信局", "市财政局"});
    text = "建立涉企收费目录清单制度。由市市场监管局牵头,市发展改革委、市财政局配合。";
    CheckRefs(text, Attribution(text), {"市市场监管局", "市发展改革委", "市财政局"});
    // Units doing something inside a sentence are mentions, not an attribution.
    text = "由市纪委监委会同市审计局开展专项督查,确保资金安全。";
    CHECK(Attribution(text).empty());
  }

  SUBCASE("a bracketed list with the units' duty after it, and every unit of a level") {
    std::string text = "再减半征收企业所得税。(省财政厅、广东省税务局按职责分工负责)";
    CheckRefs(text, Attribution(text), {"省财政厅", "广东省税务局"});
    text = "补助期限不超过3年。(责任单位:区经信局、区财政局,各镇(街道))";
    CheckRefs(text, Attribution(text), {"区经信局", "区财政局", "各镇(街道)"});
  }

  SUBCASE("full-width brackets and a trailing 。") {
    std::string text = "支持职业技能培训学校开设安防专业课程。（市教育局、市人社局）。";
    CheckRefs(text, Attribution(text), {"市教育局", "市人社局"});
  }

  SUBCASE("seed 000 clause 15: 〔…〕 with a unit that carries its own parenthetical") {
    std::string text =
        "将安防科技装备展列入市级层面支持重点展会目录,对举办方给予政策支持,"
        "为全市安防产业发展营造良好的环境。〔市商务局、市公安局、市财政局、市税务局、连云港海关、"
        "人民银行连云港市分行,海州区政府(高新区管委会)〕";
    CheckRefs(text, Attribution(text),
              {"市商务局", "市公安局", "市财政局", "市税务局", "连云港海关", "人民银行连云港市分行",
               "海州区政府(高新区管委会)"});
  }

  SUBCASE("seed 002 clause (四): 责任单位 label, 各县、区人民政府 is one unit") {
    std::string text =
        "支持骨干企业牵头建设工程(技术)研究中心、产业创新中心、制造业创新中心等产业技术创新组织,"
        "构建风险共担、收益共享、多元主体的协同创新共同体。"
        "(责任单位:市科技局、市发改委、市工信局,各县、区人民政府)";
    CheckRefs(text, Attribution(text), {"市科技局", "市发改委", "市工信局", "各县、区人民政府"});
  }

  SUBCASE("牵头单位 and 配合单位 sections are split separately") {
    std::string text = "加强组织领导。(牵头单位:市工信局;配合单位:市财政局、市商务局)";
    CheckRefs(text, Attribution(text), {"市工信局", "市财政局", "市商务局"});
  }

  SUBCASE("an unbracketed 责任单位 list closing the clause") {
    std::string text = "加快推动高新区整合提升。责任单位:市科技局、市发改委";
    CheckRefs(text, Attribution(text), {"市科技局", "市发改委"});
  }

  SUBCASE("only the text in [begin, end) is read; spans stay in whole-text code points") {
    std::string text = std::string("二、壮大安防产业规模\n") + kSeed000Clause1 + "\n本文件财政奖补资金按现行财政体制分担。";
    const utf8::CodePointIndex cps(text);
    size_t b = text.find("1. ");
    size_t e = text.find("\n本文件");
    std::vector<BureauRef> refs = FindAttribution(text, b, e, cps);
    CheckRefs(text, refs, {"市科技局", "市发改委", "市工信局", "市财政局"});
  }

  SUBCASE("parentheticals that are not attributions give nothing") {
    const char* cases[] = {
        "(此件公开发布)",                                   // 附注 of seeds 000 and 004
        "(一)技术创新中心(国家级、省级)",                   // seed 003
        "给予不超过有效投入额12%的奖补,最高不超过500万元(单个企业年度内限申报一个项目)。",  // seed 004
        "对新认定的国家级、省级企业工程(技术)研究中心",
        "支持零碳(近零碳)示范。",
        "对获得武器装备科研生产许可(备案)证的企业,给予最高不超过20万元奖励。",
        // a list with one non-unit is not an attribution
        "(市科技局、有关企业)",
        // running text that merely mentions units
        "市科技局负责推进省级以上技术创新中心、公共技术服务平台的组织、评估和管理。",
        "",
    };
    for (const char* input : cases) {
      INFO("input := ", std::string(input));
      std::vector<BureauRef> refs = Attribution(input);
      INFO("found: ", Names(refs));
      CHECK(refs.empty());
    }
  }
}

TEST_CASE("SplitBureauList") {
  SUBCASE("names with their byte offsets in the list") {
    std::string_view list = "市科技局、市发改委,市工信局";
    std::vector<NamePiece> p = SplitBureauList(list);
    REQUIRE(p.size() == 3);
    const char* names[] = {"市科技局", "市发改委", "市工信局"};
    for (size_t i = 0; i < 3; ++i) {
      CAPTURE(i);
      CHECK(p[i].name == names[i]);
      CHECK(list.substr(p[i].begin, p[i].end - p[i].begin) == names[i]);
    }
  }

  SUBCASE("compound administrative units stay whole") {
    struct Case {
      const char* list;
      std::vector<std::string> names;
    };
    const Case cases[] = {
        {"各市、县(区)人民政府", {"各市、县(区)人民政府"}},
        {"各县、区人民政府", {"各县、区人民政府"}},
        {"各县、区人民政府,市各委办局,市各直属单位",
         {"各县、区人民政府", "市各委办局", "市各直属单位"}},  // seed 000's 主送机关
        {"市商务局、海州区政府(高新区管委会)", {"市商务局", "海州区政府(高新区管委会)"}},
        // a separator inside brackets does not split
        {"市财政局、市政府(办公室、研究室)", {"市财政局", "市政府(办公室、研究室)"}},
    };
    for (const Case& c : cases) {
      INFO("c.list := ", std::string(c.list));
      std::string_view list = c.list;
      std::vector<NamePiece> p = SplitBureauList(list);
      REQUIRE(p.size() == c.names.size());
      for (size_t i = 0; i < p.size(); ++i) {
        CAPTURE(i);
        CHECK(p[i].name == c.names[i]);
        CHECK(list.substr(p[i].begin, p[i].end - p[i].begin) == c.names[i]);
      }
    }
  }

  SUBCASE("spaces around names are trimmed, offsets follow") {
    // seed 004's 抄送 line keeps a space after each comma.
    std::string_view list = "市委各部门, 市人大常委会办公室, 市政协办公室";
    std::vector<NamePiece> p = SplitBureauList(list);
    REQUIRE(p.size() == 3);
    CHECK(p[1].name == "市人大常委会办公室");
    CHECK(list.substr(p[1].begin, p[1].end - p[1].begin) == "市人大常委会办公室");
    CHECK(p[2].name == "市政协办公室");
  }
}

TEST_CASE("LooksLikeOrganisation") {
  SUBCASE("units from the seeds' attributions") {
    const char* cases[] = {
        "市科协",      "连云港海关",         "人民银行连云港市分行", "市委人才办",
        "市科技局",    "市发改委",           "市自然资源和规划局",   "市检察院",
        "各县、区人民政府", "海州区政府(高新区管委会)", "人行连云港市中心支行", "连云港银保监分局",
        "市政务办",    "市委组织部",
    };
    for (const char* name : cases) {
      INFO("name := ", std::string(name));
      CHECK(LooksLikeOrganisation(name));
    }
  }

  SUBCASE("words that are not units") {
    const char* cases[] = {
        "国家级", "省级", "此件公开发布", "单个企业年度内限申报一个项目", "不含税", "示范", "技术",
        "有关企业", "",
    };
    for (const char* name : cases) {
      INFO("name := ", std::string(name));
      CHECK_FALSE(LooksLikeOrganisation(name));
    }
  }
}

TEST_CASE("CanonicalBureau: short and old names to one canonical name, prefix kept") {
  using gongwen::structure::internal::CanonicalBureau;
  const std::pair<const char*, const char*> cases[] = {
      {"市资源局", "市自然资源和规划局"},
      {"市自然资源和规划局", "市自然资源和规划局"},
      {"市工信局", "市工业和信息化局"},
      {"市经信局", "市工业和信息化局"},
      {"连云港市发改委", "连云港市发展和改革委员会"},
      {"县人社局", "县人力资源和社会保障局"},
      {"省财政厅", "省财政厅"},
      {"广东省税务局", "广东省税务局"},
      {"人行连云港市中心支行", "人民银行连云港市分行"},
      {"人民银行连云港市分行", "人民银行连云港市分行"},
      {"海州区政府(高新区管委会)", "海州区人民政府(高新区管委会)"},
  };
  for (const auto& [name, canonical] : cases) {
    CAPTURE(name);
    CHECK(CanonicalBureau(name) == std::optional<std::string>(canonical));
  }
  // Unknown kinds are not guessed.
  CHECK_FALSE(CanonicalBureau("市委人才办").has_value());
  CHECK_FALSE(CanonicalBureau("各县、区人民政府").has_value());
}

TEST_CASE("FindAttribution: duty from 牵头单位/配合单位 and 由…牵头,…配合") {
  std::string text = "加快建设低空起降设施。〔牵头单位:市交通运输局;配合单位:市发展改革委、各区人民政府〕";
  auto refs = Attribution(text);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].duty == std::optional(BureauDuty::kLead));
  CHECK(refs[1].duty == std::optional(BureauDuty::kCooperating));
  CHECK(refs[2].duty == std::optional(BureauDuty::kCooperating));
  for (const auto& r : refs) CHECK(r.role == BureauRole::kResponsible);  // all attributed
  text = "建立涉企收费目录清单制度。由市市场监管局牵头,市发展改革委、市财政局配合。";
  refs = Attribution(text);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].duty == std::optional(BureauDuty::kLead));
  CHECK(refs[2].duty == std::optional(BureauDuty::kCooperating));
  // A plain list says nothing of duties.
  refs = Attribution("支持职业技能培训学校开设安防专业课程。(市教育局、市人社局)");
  REQUIRE(refs.size() == 2);
  CHECK_FALSE(refs[0].duty.has_value());
  CHECK(refs[1].canonical == std::optional<std::string>("市人力资源和社会保障局"));
}

TEST_CASE("AddMentions: bureaus named in running text are mentioned, not responsible") {
  using gongwen::structure::internal::AddMentions;
  const std::string text =
      "市纪委监委会同市审计局开展专项督查,报市政府审定,城市管理局另行通知。(市财政局、市科技局)";
  const gongwen::utf8::CodePointIndex cps(text);
  auto refs = Attribution(text);
  REQUIRE(refs.size() == 2);
  AddMentions(text, 0, text.size(), cps, &refs);
  std::vector<std::string> mentioned, responsible;
  for (const auto& r : refs) (r.role == BureauRole::kMentioned ? mentioned : responsible).push_back(r.name);
  // 城市管理局 is not 市管理局; the attributed units are not mentioned again.
  CHECK(mentioned == std::vector<std::string>{"市审计局", "市政府"});
  CHECK(responsible == std::vector<std::string>{"市财政局", "市科技局"});
  CHECK(refs[0].canonical == std::optional<std::string>("市审计局"));
}

TEST_CASE("FindAttributions: one attribution per paragraph or sentence, each counted once") {
  using gongwen::structure::internal::FindAttributions;
  const std::string text =
      "（三）加强人才保障。对引进的高层次人才给予安家补贴。（市人社局、市财政局负责）"
      "支持企业建设研发机构。（牵头单位：市科技局；配合单位：市教育局）\n"
      "完善金融服务（以下简称金融服务）。由市委金融办负责。";
  gongwen::utf8::CodePointIndex cps(text);
  const auto refs = FindAttributions(text, 0, text.size(), cps);
  std::vector<std::string> names;
  for (const auto& r : refs) names.push_back(r.name);
  CHECK(names == std::vector<std::string>{"市人社局", "市财政局", "市科技局", "市教育局", "市委金融办"});
  CHECK(refs[2].duty == std::optional(BureauDuty::kLead));
  CHECK(refs[3].duty == std::optional(BureauDuty::kCooperating));
  // A clause with only its closing attribution gives just that one.
  const std::string one = "推进数据共享（市数据局负责）。";
  gongwen::utf8::CodePointIndex cps1(one);
  CHECK(FindAttributions(one, 0, one.size(), cps1).size() == 1);
}

TEST_CASE("FindAttribution: under a label, an entry that is no unit costs that entry, not the list") {
  const std::string text = "加快项目建设。〔牵头单位：市商务局，责任单位：各县（市、区）人民政府，有关企业，临港园区管委会〕";
  std::vector<std::string> names;
  for (const auto& r : Attribution(text)) names.push_back(r.name);
  CHECK(names == std::vector<std::string>{"市商务局", "各县（市、区）人民政府", "临港园区管委会"});
  // Without a label, one non-unit says the brackets hold no attribution.
  CHECK(Attribution("对一、二类（甲类、乙类）").empty());
}

namespace {

std::vector<std::string> AttributedNames(const std::string& text) {
  const utf8::CodePointIndex cps(text);
  std::vector<std::string> names;
  for (const BureauRef& r : gongwen::structure::internal::FindAttributions(text, 0, text.size(), cps)) {
    names.push_back(r.name);
  }
  return names;
}

}  // namespace

TEST_CASE("LooksLikeOrganisation: collective units are entries, other collective words are not") {
  for (const char* name : {"国务院相关部门", "市级相关部门（单位）", "区直各相关单位", "有关区县", "各地区", "相关地区",
                           "市发改委等相关部门", "国务院相关部门和单位", "中国残联等相关单位"}) {
    INFO("name := ", std::string(name));
    CHECK(LooksLikeOrganisation(name));
  }
  for (const char* name : {"有关企业", "涉及相关部门", "相关政策", "各类市场主体"}) {
    INFO("name := ", std::string(name));
    CHECK_FALSE(LooksLikeOrganisation(name));
  }
}

TEST_CASE("LooksLikeOrganisation: an alias or note in 〔〕 or 〈〉, a * for a place left out") {
  CHECK(LooksLikeOrganisation("市委改革办〔市营商环境建设局〕"));
  CHECK(LooksLikeOrganisation("各区人民政府〈含开发区管委会,下同〉"));
  CHECK(LooksLikeOrganisation("各区〔县、市〕政府"));
  CHECK(LooksLikeOrganisation("*县人工智能专班办公室"));
  CHECK_FALSE(LooksLikeOrganisation("*县"));
}

TEST_CASE("SplitBureauList: 及 and 和 join two units only where both halves are units") {
  struct Case {
    const char* list;
    std::vector<std::string> names;
  };
  const Case cases[] = {
      {"省级相关部门及各地区", {"省级相关部门", "各地区"}},
      {"国务院相关部门和单位及各地区", {"国务院相关部门和单位", "各地区"}},
      {"各县区政府、开发区管委会和市级相关部门", {"各县区政府", "开发区管委会", "市级相关部门"}},
      {"市自然资源和规划局", {"市自然资源和规划局"}},
      {"市城市运行和政务服务办", {"市城市运行和政务服务办"}},
      {"市政府(办公室和研究室)", {"市政府(办公室和研究室)"}},
  };
  for (const Case& c : cases) {
    INFO("c.list := ", std::string(c.list));
    std::string_view list = c.list;
    std::vector<NamePiece> p = SplitBureauList(list);
    REQUIRE(p.size() == c.names.size());
    for (size_t i = 0; i < p.size(); ++i) {
      CHECK(p[i].name == c.names[i]);
      CHECK(list.substr(p[i].begin, p[i].end - p[i].begin) == c.names[i]);
    }
  }
}

TEST_CASE("SplitBureauList: places that share the kind of the unit after them are one compound") {
  struct Case {
    const char* list;
    std::vector<std::string> names;
  };
  const Case cases[] = {
      {"苏州、无锡市政府", {"苏州、无锡市政府"}},
      {"高新片区、临港园区管委会", {"高新片区、临港园区管委会"}},
      {"甲经开区、乙高新区、丙新区管委会", {"甲经开区、乙高新区、丙新区管委会"}},
      {"各县（市）、区人民政府", {"各县（市）、区人民政府"}},
      // a level starts a unit of its own; a unit that governs no area shares nothing
      {"高新区、市财政局", {"高新区", "市财政局"}},
      {"开发区、团市委", {"开发区", "团市委"}},
      {"成都市、经济和信息化厅", {"成都市", "经济和信息化厅"}},
  };
  for (const Case& c : cases) {
    INFO("c.list := ", std::string(c.list));
    std::vector<NamePiece> p = SplitBureauList(c.list);
    std::vector<std::string> names;
    for (const NamePiece& n : p) names.push_back(n.name);
    CHECK(names == c.names);
  }
}

TEST_CASE("SplitBureauList: a role after a group is the role of every unit of the group") {
  std::vector<NamePiece> p = SplitBureauList("市发展改革委、市财政局牵头，市级相关部门（单位）、各县区政府配合");
  REQUIRE(p.size() == 4);
  CHECK(p[0].duty == std::optional(BureauDuty::kLead));
  CHECK(p[1].duty == std::optional(BureauDuty::kLead));
  CHECK(p[2].name == "市级相关部门（单位）");
  CHECK(p[2].duty == std::optional(BureauDuty::kCooperating));
  CHECK(p[3].duty == std::optional(BureauDuty::kCooperating));
}

TEST_CASE("FindAttribution: lead and duty forms with collective units") {
  std::string text = "推进简政放权。（市场监管总局牵头，国务院相关部门及各地区按职责分工负责）";
  CheckRefs(text, Attribution(text), {"市场监管总局", "国务院相关部门", "各地区"});
  text = "加强数据安全。（国家数据局及各地区按职责分工负责）";
  CheckRefs(text, Attribution(text), {"国家数据局", "各地区"});
  text = "完善信用平台。〔市统计局牵头，市级相关部门（单位）配合〕";
  CheckRefs(text, Attribution(text), {"市统计局", "市级相关部门（单位）"});
  text = "优化营商环境。（苏州、无锡市政府，某某合作区执委会按职责分工负责）";
  CheckRefs(text, Attribution(text), {"苏州、无锡市政府", "某某合作区执委会"});
}

TEST_CASE("FindAttribution: deadlines and notes inside the brackets are not units") {
  std::string text = "建成公共服务平台。（6月底前完成，牵头单位：市商务局）";
  CheckRefs(text, Attribution(text), {"市商务局"});
  text = "清理拖欠账款。（2025年底前，市财政局、市税务局负责）";
  CheckRefs(text, Attribution(text), {"市财政局", "市税务局"});
  text = "强化宣传引导。（长期坚持，市委宣传部负责）";
  CheckRefs(text, Attribution(text), {"市委宣传部"});
  text = "打造创业社区。（责任单位：市商务局，各县（区）政府。列第一位的为牵头单位，下同）";
  CheckRefs(text, Attribution(text), {"市商务局", "各县（区）政府"});
  // A note before a label that does not end at a separator: no list.
  CHECK(Attribution("（详见附件牵头单位：市商务局）").empty());
}

TEST_CASE("FindAttributions: brackets naming a duty mid-paragraph, and brackets with nested brackets") {
  CHECK(AttributedNames("推进产业升级（市经信局牵头，市财政局配合），加快技改投资。") ==
        std::vector<std::string>{"市经信局", "市财政局"});
  CHECK(AttributedNames("建立督查制度。（市政府办公室牵头，各地区、各部门负责）具体办法另行制定。") ==
        std::vector<std::string>{"市政府办公室", "各地区", "各部门"});
  CHECK(AttributedNames("开展文旅活动。〔责任单位：市文旅局、各县（市、区）人民政府〕相关附件：方案.pdf") ==
        std::vector<std::string>{"市文旅局", "各县（市、区）人民政府"});
  // Running prose that says who leads is not an attribution.
  CHECK(AttributedNames("联席会议由市发展改革委牵头，有关部门参加，定期研究解决问题。").empty());
  CHECK(AttributedNames("建立以市级医院牵头、基层医疗机构为基础的医联体。").empty());
  CHECK(AttributedNames("对事故责任单位和责任人员依法追究责任。").empty());
}

TEST_CASE("FindAttributions: a sentence that only names the lead and who takes part, mid-clause") {
  using gongwen::structure::internal::FindAttributions;
  const std::string text =
      "一、现场处置组。由某某管理局牵头，某某部、某某厅、某某总队等参加。主要职责：组织开展现场处置。";
  const utf8::CodePointIndex cps(text);
  const auto refs = FindAttributions(text, 0, text.size(), cps);
  CheckRefs(text, refs, {"某某管理局", "某某部", "某某厅", "某某总队"});
  CHECK(refs[0].duty == BureauDuty::kLead);
  CHECK(refs[3].duty == BureauDuty::kCooperating);
  // Prose that describes a mechanism is no attribution.
  const std::string prose = "要建立协作机制，由发展改革、商务等部门牵头，负责物资统筹。";
  const utf8::CodePointIndex pcps(prose);
  CHECK(FindAttributions(prose, 0, prose.size(), pcps).empty());
}
