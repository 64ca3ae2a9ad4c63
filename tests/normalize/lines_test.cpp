// normalize/lines.cpp: EndsMidSentence decides whether a paragraph was cut by
// a hard line break; JoinBrokenLines rejoins such paragraphs and logs the gap.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"

namespace gongwen::normalize::internal {
namespace {

// Seed 004, clause (九), up to the hard line break (after space collapsing).
const std::string kClause9 =
    "(九)支持企业智能化改造。全面推进制造业企业智能化改造和数字化转型,对存量企业技改项目当年度"
    "\"智改数转网联\"设备有效投入额200万元(不含税)以上的,给予不超过有效投入额12%的奖补,"
    "最高不超过500万元(单个企业年度内限申报一";

TEST_CASE("EndsMidSentence") {
  SUBCASE("a sentence cut by a hard line break") {
    struct Case {
      std::string prev;
      std::string next;
    };
    const Case cases[] = {
        {kClause9, "个项目)。"},  // seed 004
        {"(十三)推动AI大模型创新应用。市级每年遴选一批可复制、可示范推广的典型应用场景项目,每个项目给予",
         "最高不超过20万元奖励。"},  // seed 004
        {"对获评国家级零碳、近零碳工业园区(工厂)的分别给予最高不超过80万元、60万元奖励,对获评省级零碳、近零碳",
         "工业园区(工厂)的分别给予最高不超过40万元、30万元奖励。"},  // seed 004
        {"对首次完成国家级生成式人工智能服务备案的企业,给予最高", "20万元奖励。"},
        {"备注:各县区及功能板块可根据主导产业和新兴产业发展情况调整平台建设方向,",
         "专业研究所建设数量纳入新建重大产业创新平台建设总体数量。"},  // seed 003, ends in ','
        {"经营管理等方面取得更大的提升突破,鼓励企业给予最高不超过20", "万元奖励。"},
        // A line never ends inside a bracket it opens, however short.
        {"某府发〔", "2022〕8号"},
        // A citation of an article wrapped to a line start is no article.
        {"家庭中有二名以上身心障碍者，并接受主管机关安置于", "第三条或第四条所列之机构者，其补助标准如下："},
        {"省人民政府关于印发某某行动方案(", "2022—2025年)的通知"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.prev);
      CAPTURE(c.next);
      CHECK(EndsMidSentence(c.prev, c.next));
    }
  }

  SUBCASE("complete lines and new units are not joined") {
    struct Case {
      std::string prev;
      std::string next;
      const char* why;
    };
    const Case cases[] = {
        {"建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式,灵活使用政策工具",
         "(十)鼓励智能工厂建设。", "next starts a clause marker"},
        {"建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式,灵活使用政策工具",
         "二、工作目标", "next starts a chapter marker"},
        {"家庭中有二名以上身心障碍者，并接受主管机关安置于补助", "第三条本办法所称补助费，是指…",
         "next starts an article, not a citation"},
        {"建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式,灵活使用政策工具",
         "2021年4月12日", "next is a date line"},
        {"建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式,灵活使用政策工具",
         "2025年11月25日印发", "next is an issue date line"},
        {"2.苏州市科技创新券服务机构备案表", "苏州市人民政府办公室",
         "next is the signature after the 附件 list"},
        {"市政府办公室关于印发连云港市重大产业创新平台建设实施方案的通知", "各县、区人民政府,市各有关单位:",
         "prev is a title"},
        {"连云港市人民政府办公室", "2021年4月12日", "prev is a signature"},
        {"中共连云港市委办公室连云港市人民政府办公室", "关于进一步加强安全生产工作的意见",
         "prev is a joint signature"},
        {"工程装备(工业机器人)、大数据(5G)+、工业软件、集成电路、文化创意", "14",
         "next is a bare number table cell"},
        {"工程装备(工业机器人)、大数据(5G)+、工业软件、集成电路、文化创意", "1.5",
         "next is a bare decimal table cell"},
        {"《连云港市重大产业创新平台建设实施方案》已经市十四届政府第68次常务会议审议通过。",
         "连云港市人民政府办公室", "prev ends with 。"},
        {"硅材料、现代农业", "10", "prev is a short cell"},
        {"对首次完成国家级生成式人工智能服务备案的企业给予最高20", "(十五)支持关键软件研发设计。",
         "digit then a clause marker"},
        {"对首次完成国家级生成式人工智能服务备案的企业,给予最高奖励金额20", "项目",
         "digit then no unit"},
        {"建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式,灵活使用政策工具",
         "附件:连云港市重大产业创新平台建设目标任务表", "next is an attachment line"},
        {"建立市重大产业创新平台激励机制,探索拨款资助和股权投资结合模式,灵活使用政策工具", "",
         "next is empty"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.why);
      CAPTURE(c.prev);
      CAPTURE(c.next);
      CHECK_FALSE(EndsMidSentence(c.prev, c.next));
    }
  }
}

Para Body(const std::string& text, uint32_t offset) {
  Para p;
  p.text = MappedText::FromSource(text, offset);
  return p;
}

TEST_CASE("JoinBrokenLines") {
  SUBCASE("seed 004's clause (九) is rejoined and the gap is logged") {
    // In the source the two lines are separated by "\n\n".
    const uint32_t first = 1000;
    const uint32_t second = first + static_cast<uint32_t>(kClause9.size()) + 2;
    std::vector<Para> paras;
    paras.push_back(Body(kClause9, first));
    paras.push_back(Body("个项目)。", second));
    paras.push_back(Body("(十)鼓励智能工厂建设。", second + 20));
    RepairLog log;
    JoinBrokenLines(&paras, &log);
    REQUIRE(paras.size() == 2);
    CHECK(paras[0].text.text == kClause9 + "个项目)。");
    CHECK(paras[1].text.text == "(十)鼓励智能工厂建设。");
    // 个 keeps its own source offset.
    CHECK(paras[0].text.src_begin[kClause9.size()] == second);
    CHECK(paras[0].text.src_begin.size() == paras[0].text.text.size());
    auto it = log.by_kind().find(RepairKind::kLineJoined);
    REQUIRE(it != log.by_kind().end());
    REQUIRE(it->second.size() == 1);
    CHECK(it->second[0].src_begin == second - 2);
    CHECK(it->second[0].src_end == second);
    CHECK(it->second[0].after.empty());
  }

  SUBCASE("headings and list items are never joined") {
    std::vector<Para> paras;
    paras.push_back(Body(kClause9, 0));
    paras.push_back(Body("个项目)。", 500));
    paras[0].kind = ParagraphKind::kListItem;
    RepairLog log;
    JoinBrokenLines(&paras, &log);
    CHECK(paras.size() == 2);
    CHECK(log.by_kind().empty());
  }

  SUBCASE("three pieces of one sentence become one paragraph") {
    const std::string a = "(十七)支持零碳(近零碳)示范。加快打造零碳园区、零碳工厂,对获评省级零碳、近零碳";
    const std::string b = "工业园区(工厂)的分别给予最高不超过40万元、30万元奖励,对获评市级近零碳工厂的企业分别给予最高不超过";
    const std::string c = "20万元奖励。";
    std::vector<Para> paras;
    paras.push_back(Body(a, 0));
    paras.push_back(Body(b, 200));
    paras.push_back(Body(c, 500));
    RepairLog log;
    JoinBrokenLines(&paras, &log);
    REQUIRE(paras.size() == 1);
    CHECK(paras[0].text.text == a + b + c);
    CHECK(log.by_kind().at(RepairKind::kLineJoined).size() == 2);
  }

  SUBCASE("a table of short cells is left as it is") {
    std::vector<Para> paras;
    uint32_t at = 0;
    for (const char* cell : {"序号", "县区及功能板块", "建议方向", "1", "东海县", "硅材料、现代农业", "10"}) {
      paras.push_back(Body(cell, at));
      at += 40;
    }
    RepairLog log;
    JoinBrokenLines(&paras, &log);
    CHECK(paras.size() == 7);
    CHECK(log.by_kind().empty());
  }
}

}  // namespace
}  // namespace gongwen::normalize::internal

namespace gongwen::normalize::internal {

TEST_CASE("RejoinLostMarkerDots") {
  SUBCASE("a number alone, then its text after an unreadable character") {
    std::vector<Para> paras;
    paras.push_back(Body("2", 100));
    paras.push_back(Body("\xEF\xBF\xBD 大力培育某类企业。实施行动。", 110));
    paras.push_back(Body("3", 200));
    paras.push_back(Body("\xEF\xBF\xBD" "加强督导考核。", 210));
    RepairLog log;
    RejoinLostMarkerDots(&paras, &log);
    REQUIRE(paras.size() == 2);
    CHECK(paras[0].text.text == "2.大力培育某类企业。实施行动。");
    CHECK(paras[1].text.text == "3.加强督导考核。");
    CHECK(paras[0].text.src_begin.size() == paras[0].text.text.size());
    auto it = log.by_kind().find(gongwen::RepairKind::kMarkerDotRestored);
    REQUIRE(it != log.by_kind().end());
    CHECK(it->second.size() == 2);
  }
  SUBCASE("a number alone before ordinary text stays as it is") {
    std::vector<Para> paras;
    paras.push_back(Body("2", 100));
    paras.push_back(Body("大力培育某类企业。", 110));
    RepairLog log;
    RejoinLostMarkerDots(&paras, &log);
    CHECK(paras.size() == 2);
    CHECK(log.by_kind().empty());
  }
}

}  // namespace gongwen::normalize::internal
