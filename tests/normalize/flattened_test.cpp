// normalize/flattened.cpp: a text that lost its line breaks gets them back
// where clauses, chapters and signatures start, and nowhere else. Inputs are
// invented, in the shapes crawler records have.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/test_support.h"

namespace {

std::vector<std::string> Lines(const std::string& one_line) {
  const gongwen::Normalized n = gongwen::testing::NormalizeText(one_line + "\n", "record.txt");
  std::vector<std::string> lines;
  for (const gongwen::Paragraph& p : n.paragraphs) lines.push_back(n.text.substr(p.begin, p.end - p.begin));
  return lines;
}

const std::string kFiller =
    "各地各部门要按照职责分工抓好落实，确保政策措施落地见效，形成工作合力，并定期向市政府报告工作进展情况和存在的问题，及时研究解决。";

}  // namespace

TEST_CASE("flattened: markers after a sentence end or a colon start lines") {
  const std::string s = "现就有关事项通知如下：一、总体要求。" + kFiller + "（一）明确目标。" + kFiller +
                        "（二）压实责任。" + kFiller + "1.建立台账。" + kFiller + "二、保障措施。" + kFiller + kFiller;
  const auto lines = Lines(s);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "现就有关事项通知如下：");
  CHECK(lines[1].rfind("一、总体要求。", 0) == 0);
  CHECK(lines[2].rfind("（一）明确目标。", 0) == 0);
  CHECK(lines[4].rfind("1.建立台账。", 0) == 0);
  CHECK(lines[5].rfind("二、保障措施。", 0) == 0);
}

TEST_CASE("flattened: chapters and articles glued together, citations left alone") {
  std::string s = "某市农业项目管理办法第一章总则第一条为规范项目管理，根据《中华人民共和国预算法》第十二条制定本办法。" + kFiller +
                  "第二条本办法适用于全市。" + kFiller + "第二章申报第三条申报单位应当符合本办法第二条的规定。" + kFiller + kFiller;
  const auto lines = Lines(s);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "某市农业项目管理办法");
  CHECK(lines[1] == "第一章总则");
  CHECK(lines[2].rfind("第一条为规范项目管理，根据《中华人民共和国预算法》第十二条制定本办法。", 0) == 0);
  CHECK(lines[3].rfind("第二条", 0) == 0);
  CHECK(lines[4] == "第二章申报");
  CHECK(lines[5].rfind("第三条申报单位应当符合本办法第二条的规定。", 0) == 0);
}

TEST_CASE("flattened: a signature and the title after it stand apart") {
  const std::string s = "各县（市、区）人民政府：现将《某某办法》印发给你们，请遵照执行。某市人民政府办公室2024年3月5日某某办法一、适用范围。" +
                        kFiller + "二、支持内容。" + kFiller + "三、附则。" + kFiller + kFiller;
  const auto lines = Lines(s);
  // The signature is one line, organisation and date, as metadata reads it.
  REQUIRE(lines.size() >= 5);
  CHECK(lines[1] == "某市人民政府办公室2024年3月5日");
  CHECK(lines[2] == "某某办法");
  CHECK(lines[3].rfind("一、适用范围。", 0) == 0);
}

TEST_CASE("flattened: what is not a clause start stays inline") {
  // 一、二、三类 mid-sentence, 第（一）项, a decimal, and too few places to cut.
  const std::string s = "对一、二、三类动物疫病按照第（一）项处理，增长1.5倍。" + kFiller + kFiller + kFiller + kFiller +
                        kFiller + kFiller + "一、加强管理。" + kFiller;
  const auto lines = Lines(s);
  CHECK(lines.size() == 1);
  // A short paragraph with markers is never cut.
  CHECK(Lines("通知如下：一、甲。二、乙。三、丙。四、丁。").size() == 1);
}

TEST_CASE("flattened: a 文号, the title after it and the addressees start lines") {
  const std::string s =
      "当前位置：首页最新文件关于印发某某工作方案的通知时间：2016-03-02 微信 微博 QQ空间 某综办〔2016〕12号 "
      "某某区管委会办公室关于印发某某规划（2016-2020）工作方案的通知各单位、各乡镇人民政府：现印发给你们，请认真组织实施。"
      "某某区管委会办公室2016年3月1日某某规划工作方案一、总体要求。" +
      kFiller + "二、主要任务。" + kFiller + "三、保障措施。" + kFiller;
  const auto lines = Lines(s);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[1] == "某综办〔2016〕12号");
  // The title runs to its last document type, past 规划 inside it.
  CHECK(lines[2] == "某某区管委会办公室关于印发某某规划（2016-2020）工作方案的通知");
  CHECK(lines[3].rfind("各单位、各乡镇人民政府：", 0) == 0);
}

TEST_CASE("flattened: the attachment list and each attachment start lines") {
  const std::string s = "一、补贴对象。" + kFiller + kFiller + "二、补贴标准。" + kFiller + kFiller +
                        "三、本办法由区经济发展局负责解释。附件：1.拖拉机报废申请表；2.拖拉机报废回收证明。附件1拖拉机报废申请表编号：";
  const auto lines = Lines(s);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[3] == "附件：");
  CHECK(lines.back().rfind("附件1拖拉机报废申请表", 0) == 0);
}

TEST_CASE("flattened: an article's items run inline after its colon start lines, however short") {
  const auto lines = Lines("第二十七条　行政部门实施监督检查，可以采取下列措施：（一）进入现场检查；（二）询问有关人员；（三）法律规定的其他措施。");
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "（一）进入现场检查；");
  CHECK(lines[3] == "（三）法律规定的其他措施。");
  // Not an article, or no run from （一）: left alone.
  CHECK(Lines("可以采取下列措施：（一）进入现场检查；（二）询问有关人员。").size() == 1);
  CHECK(Lines("第五条　符合本办法第三条规定：（二）项所列情形的；（三）项所列情形的除外。").size() == 1);
}
