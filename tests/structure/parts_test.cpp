// structure/parts.cpp: a blank form attached to a policy and a part that
// repeats an earlier one lose their clauses (with a warning); real second
// parts keep theirs. Documents are invented.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "structure/structure.h"
#include "tests/test_support.h"

namespace {

gongwen::Policy Run(const std::string& text) {
  return gongwen::structure::Structure(gongwen::testing::NormalizeText(text, "parts.txt"), {});
}

bool Warned(const gongwen::Policy& p, gongwen::WarningCode code) {
  for (const gongwen::Warning& w : p.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

const std::string kPolicy =
    "某某补贴办法\n一、补贴对象。本区范围内的拖拉机。\n二、补贴标准。每台补贴2500元。\n三、申请程序。向区农机站申请。\n";

}  // namespace

TEST_CASE("DropFormsAndRepeats: a form to fill in is no part of the clauses") {
  const gongwen::Policy p = Run(kPolicy +
                                "附件1\n拖拉机报废回收证明\n一、拖拉机机主：\n二、拖拉机类别：\n三、拖拉机型号：\n"
                                "四、拖拉机号牌号码：\n五、回收日期：\n");
  REQUIRE(p.clauses.size() == 3);
  CHECK(p.clauses.back().part == 1);
  CHECK(Warned(p, gongwen::WarningCode::kFormPart));
}

TEST_CASE("DropFormsAndRepeats: a text held twice gives its clauses once") {
  const gongwen::Policy p = Run(kPolicy + kPolicy);
  CHECK(p.clauses.size() == 3);
  CHECK(Warned(p, gongwen::WarningCode::kRepeatedPart));
}

TEST_CASE("DropFormsAndRepeats: a notice and its 办法 are two parts, both kept") {
  const gongwen::Policy p = Run(
      "关于印发某某办法的通知\n一、提高认识。各单位要高度重视。\n二、抓好落实。请认真执行。\n三、加强宣传。广泛宣传。\n" + kPolicy);
  CHECK(p.clauses.size() == 6);
  CHECK(p.clauses.back().part == 2);
  CHECK(p.clauses.back().parent == std::nullopt);
  CHECK_FALSE(Warned(p, gongwen::WarningCode::kFormPart));
  CHECK_FALSE(Warned(p, gongwen::WarningCode::kRepeatedPart));
}
