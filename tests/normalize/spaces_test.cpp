// normalize/spaces.cpp: spaces next to Chinese are layout and go; spaces
// between Latin words or numbers are content and stay (collapsed to one).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"

namespace gongwen::normalize::internal {
namespace {

std::vector<RawRepair> Layout(const RepairLog& log) {
  auto it = log.by_kind().find(RepairKind::kLayoutSpace);
  return it == log.by_kind().end() ? std::vector<RawRepair>{} : it->second;
}

size_t TotalLogged(const RepairLog& log) {
  size_t n = 0;
  for (const auto& [kind, items] : log.by_kind()) n += items.size();
  return n;
}

TEST_CASE("CollapseLayoutSpaces") {
  SUBCASE("spaces next to Chinese are removed and logged") {
    struct Case {
      std::string in;
      std::string out;
      size_t logged;
    };
    const Case cases[] = {
        {"200 万元", "200万元", 1},  // seed 004
        {"推动 AI 大模型创新应用", "推动AI大模型创新应用", 2},
        {"索 引 号 k12498411/2025-00108", "索引号k12498411/2025-00108", 3},  // seed 000
        {"本政策措施自 2025 年 12 月 1 日起实施", "本政策措施自2025年12月1日起实施", 6},
        {"有效投入额 12%的奖补", "有效投入额12%的奖补", 1},
        {"认证(CMMM)二级、三级、 四级", "认证(CMMM)二级、三级、四级", 1},
        {"首次通过 CMMI3(软件能力成熟度模型集成3级)认证", "首次通过CMMI3(软件能力成熟度模型集成3级)认证", 1},
        {"14:43:32 来源:", "14:43:32来源:", 1},
        {"由市工信局会同市财政局等部门    另行制定", "由市工信局会同市财政局等部门另行制定", 1},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      RepairLog log;
      MappedText out = CollapseLayoutSpaces(MappedText::FromSource(c.in, 0), &log);
      CHECK(out.text == c.out);
      CHECK(Layout(log).size() == c.logged);
      CHECK(TotalLogged(log) == c.logged);
    }
  }

  SUBCASE("spaces between Latin words and numbers are content") {
    const std::string inputs[] = {
        "Hadoop Streaming",
        "2023-11-28 14:43:32",  // seed 002
        "时间: 2023-11-28 14:43:32",
        "R&D 7%",
        "Industry 4.0",
    };
    for (const std::string& in : inputs) {
      CAPTURE(in);
      RepairLog log;
      MappedText out = CollapseLayoutSpaces(MappedText::FromSource(in, 0), &log);
      CHECK(out.text == in);
      CHECK(TotalLogged(log) == 0);
    }
  }

  SUBCASE("runs of content spaces collapse to one, silently") {
    RepairLog log;
    MappedText out = CollapseLayoutSpaces(MappedText::FromSource("Hadoop    Streaming", 0), &log);
    CHECK(out.text == "Hadoop Streaming");
    CHECK(TotalLogged(log) == 0);
  }

  SUBCASE("leading indentation and trailing spaces are dropped without a repair") {
    struct Case {
      std::string in;
      std::string out;
    };
    const Case cases[] = {
        {"                          连云港市人民政府办公室", "连云港市人民政府办公室"},  // seed 000
        {"                           202595", "202595"},
        {"发布日期:2022-05-19 ", "发布日期:2022-05-19"},
        {"   ", ""},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      RepairLog log;
      MappedText out = CollapseLayoutSpaces(MappedText::FromSource(c.in, 0), &log);
      CHECK(out.text == c.out);
      CHECK(TotalLogged(log) == 0);
    }
  }

  SUBCASE("the logged repair is the space's own source byte") {
    const std::string in = "最高不超过 500 万元";
    RepairLog log;
    MappedText out = CollapseLayoutSpaces(MappedText::FromSource(in, 1000), &log);
    REQUIRE(out.text == "最高不超过500万元");
    const std::vector<RawRepair> r = Layout(log);
    REQUIRE(r.size() == 2);
    CHECK(r[0].src_begin == 1000 + 15);
    CHECK(r[0].src_end == 1000 + 16);
    CHECK(r[1].src_begin == 1000 + 19);
    CHECK(r[1].src_end == 1000 + 20);
    // 500 keeps its source bytes.
    CHECK(out.src_begin[15] == 1000 + 16);
    CHECK(out.src_begin[17] == 1000 + 18);
  }
}

}  // namespace
}  // namespace gongwen::normalize::internal
