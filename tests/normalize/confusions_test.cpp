// normalize/confusions.cpp and normalize/doc_numbers.cpp: OCR and typing
// confusions from data/confusions.tsv, zero look-alikes in dates, and the
// canonical 〔〕 of a 发文字号 (issue 5).
#include <doctest/doctest.h>

#include <string>

#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"

namespace gongwen::normalize::internal {
namespace {

struct Case {
  std::string in, out;
  size_t repairs;
};

size_t Logged(const RepairLog& log, RepairKind kind) {
  auto it = log.by_kind().find(kind);
  return it == log.by_kind().end() ? 0 : it->second.size();
}

TEST_CASE("RepairConfusions") {
  const Case cases[] = {
      {"对认定的企业给予一次性类励50万兀。", "对认定的企业给予一次性奖励50万元。", 2},
      {"市财攻局、市科枝局负责组织实施。", "市财政局、市科技局负责组织实施。", 2},
      {"贯彻落突省委部署", "贯彻落实省委部署", 1},
      // Years: 0, O or ○ among Chinese numerals is 〇; O among Arabic digits is 0.
      {"二0二五年九月五日", "二〇二五年九月五日", 1},
      {"二○二五年", "二〇二五年", 1},
      {"2O25年9月5日", "2025年9月5日", 1},
      {"最高补助1O0万元", "最高补助100万元", 1},
      // Correct text is left alone.
      {"二〇二五年九月五日", "二〇二五年九月五日", 0},
      {"奖励类项目、企业类别、国产亚洲品牌", "奖励类项目、企业类别、国产亚洲品牌", 0},
      {"ISO9001认证、O2O平台、Android系统", "ISO9001认证、O2O平台、Android系统", 0},
      {"突兀", "突兀", 0},
      {"关于开展各类励志教育活动的通知", "关于开展各类励志教育活动的通知", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    RepairLog log;
    MappedText m = RepairConfusions(MappedText::FromSource(c.in, 100), &log);
    CHECK(m.text == c.out);
    CHECK(Logged(log, RepairKind::kOcrConfusion) == c.repairs);
    if (c.repairs == 0) continue;
    // Each repair names the exact bytes it replaced.
    for (const RawRepair& r : log.by_kind().at(RepairKind::kOcrConfusion)) {
      std::string before = c.in.substr(r.src_begin - 100, r.src_end - r.src_begin);
      CAPTURE(before);
      CHECK(c.out.find(r.after) != std::string::npos);
      CHECK(before != r.after);
    }
  }
}

TEST_CASE("FindOcrSuspects: suspects are warnings with a span, not edits") {
  auto w = FindOcrSuspects("补助资金10萬元由市财政承担，另奖励5兀。");
  // 萬元 would have been fixed by RepairConfusions; here the text is as given.
  REQUIRE(w.size() == 2);
  CHECK(w[0].code == WarningCode::kOcrSuspect);
  CHECK(w[0].span->begin == 6);
  CHECK(w[0].span->end == 7);
  CHECK(w[1].span->begin == 19);
  CHECK(FindOcrSuspects("补助资金10万元由市财政承担。").empty());
}

TEST_CASE("CanonicalDocNumberBrackets") {
  const Case cases[] = {
      {"连政发[2025]5号", "连政发〔2025〕5号", 2},
      {"苏政办发(2024)12号", "苏政办发〔2024〕12号", 2},
      {"徐政规【2023】第3号", "徐政规〔2023〕第3号", 2},
      {"国办发［2021］18号", "国办发〔2021〕18号", 2},
      {"连政办发（2021）18号", "连政办发〔2021〕18号", 2},
      {"连政办发〔2021]18号", "连政办发〔2021〕18号", 1},
      {"连政办发〔2021〕18号", "连政办发〔2021〕18号", 0},
      // Not a 文号: a year in brackets without a serial number, or a count.
      {"《2025年工作要点》(2025)", "《2025年工作要点》(2025)", 0},
      {"共建设(2025)个项目", "共建设(2025)个项目", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    RepairLog log;
    MappedText m = CanonicalDocNumberBrackets(MappedText::FromSource(c.in, 0), &log);
    CHECK(m.text == c.out);
    CHECK(Logged(log, RepairKind::kDocNumberBrackets) == c.repairs);
  }
}

}  // namespace
}  // namespace gongwen::normalize::internal
