// normalize/markdown.cpp: StripMarkdown removes heading hashes, list bullets
// and ** / __ emphasis, and nothing else, on lines from seed 004.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"

namespace gongwen::normalize::internal {
namespace {

std::vector<RawRepair> Markup(const RepairLog& log) {
  auto it = log.by_kind().find(RepairKind::kMarkdownMarkup);
  return it == log.by_kind().end() ? std::vector<RawRepair>{} : it->second;
}

TEST_CASE("StripMarkdown") {
  SUBCASE("markup is removed and each piece is logged") {
    struct Case {
      std::string in;
      std::string out;
      size_t repairs;
    };
    const Case cases[] = {
        {"### 连政办规〔2025〕6号", "连政办规〔2025〕6号", 1},
        {"# 市政府办公室关于印发加快建设制造强市若干政策措施的通知",
         "市政府办公室关于印发加快建设制造强市若干政策措施的通知", 1},
        {"#### 一、提升产业发展能级", "一、提升产业发展能级", 1},
        {"- (一)推动特色优势产业发展。", "(一)推动特色优势产业发展。", 1},
        {"* (二)加快规上企业培育扩容。", "(二)加快规上企业培育扩容。", 1},
        {"  - (三)鼓励企业专精特新发展。", "(三)鼓励企业专精特新发展。", 1},  // indented
        {"对**首次入规**的工业企业给予奖励", "对首次入规的工业企业给予奖励", 2},
        {"- **(四)支持企业创新发展。**", "(四)支持企业创新发展。", 3},
        {"__免申即享__", "免申即享", 2},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      RepairLog log;
      MappedText out = StripMarkdown(MappedText::FromSource(c.in, 0), &log);
      CHECK(out.text == c.out);
      CHECK(Markup(log).size() == c.repairs);
      for (const RawRepair& r : Markup(log)) CHECK(r.after.empty());
    }
  }

  SUBCASE("text that only looks like markup is left alone") {
    const std::string inputs[] = {
        "(九)支持企业智能化改造。",
        "#标签",                                         // no space after '#'
        "####### 七级",                                   // more than six '#'
        "-5%的降幅",                                      // minus sign, not a bullet
        "科学确定 2—3 个特色产业",
        "认定类奖励政策实行\"免申即享\"",
        "*斜体*不是强调标记",                              // single '*'
        "3 * 4 = 12",                                     // '*' not at line start
        "最高不超过 500 万元(单个企业年度内限申报一",
    };
    for (const std::string& in : inputs) {
      CAPTURE(in);
      RepairLog log;
      MappedText out = StripMarkdown(MappedText::FromSource(in, 0), &log);
      CHECK(out.text == in);
      CHECK(Markup(log).empty());
    }
  }

  SUBCASE("the remaining text keeps its source offsets") {
    // "## 加快建设制造强市若干政策措施" at byte 162 of seed 004.
    RepairLog log;
    MappedText out =
        StripMarkdown(MappedText::FromSource("## 加快建设制造强市若干政策措施", 162), &log);
    REQUIRE(out.text == "加快建设制造强市若干政策措施");
    CHECK(out.src_begin.front() == 165);       // 加 starts after "## "
    CHECK(out.src_end.back() == 165 + 14 * 3);  // end of 施
    REQUIRE(Markup(log).size() == 1);
    CHECK(Markup(log)[0].src_begin == 162);
    CHECK(Markup(log)[0].src_end == 165);
  }

  SUBCASE("emphasis markers log their own positions") {
    RepairLog log;
    MappedText out = StripMarkdown(MappedText::FromSource("对**首次入规**的企业", 0), &log);
    REQUIRE(out.text == "对首次入规的企业");
    const std::vector<RawRepair> r = Markup(log);
    REQUIRE(r.size() == 2);
    CHECK(r[0].src_begin == 3);  // after 对
    CHECK(r[0].src_end == 5);
    CHECK(r[1].src_begin == 17);  // 对** + 首次入规 = 3 + 2 + 12
    CHECK(r[1].src_end == 19);
  }
}

}  // namespace
}  // namespace gongwen::normalize::internal
