// structure/tables.cpp: tables flattened into one cell per line are rebuilt
// when the header gives the column count and every row fits it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "structure/structure.h"
#include "tests/test_support.h"

namespace {

using gongwen::testing::NormalizeText;
using gongwen::testing::ReadSample;

TEST_CASE("tables: seed 003's target table, flattened to lines, is rebuilt") {
  const gongwen::Policy p = gongwen::structure::Structure(
      NormalizeText(ReadSample("003_838b7ceec8d27e5e.txt"), "003.txt"));
  REQUIRE(p.tables.size() == 1);
  const gongwen::Table& t = p.tables[0];
  CHECK(t.header == std::vector<std::string>{"序号", "县区及功能板块", "建议方向",
                                             "新建重大产业创新平(个)", "专业研究所(个)"});
  REQUIRE(t.rows.size() == 9);
  // Empty cells the crawler dropped come back empty; a two-line cell is one.
  CHECK(t.rows[0] == std::vector<std::string>{"1", "东海县", "硅材料、现代农业", "10", ""});
  CHECK(t.rows[4][1] == "海州区(高新区)");
  CHECK(t.rows[4][4] == "1");
  // The total row: its numbers stand under the last columns.
  CHECK(t.rows[8] == std::vector<std::string>{"总计", "", "", "80", "4"});
}

TEST_CASE("tables: lines that do not fit the header's columns are not a table") {
  // The second row's text cells were joined into one line: the rows cannot
  // be trusted, so no table rather than a wrong one.
  const std::string text =
      "现将有关事项通知如下。\n序号\n支持方向\n支持对象\n支持标准\n1\n智能化改造\n技术改造项目\n"
      "最高500万元\n2\n数字化转型获评智能制造示范工厂的企业\n一次性奖励100万元\n"
      "请各单位认真组织申报。\n";
  const gongwen::Policy p = gongwen::structure::Structure(NormalizeText(text, "t.txt"));
  CHECK(p.tables.empty());
}

}  // namespace
