// Tests util/ids.cpp: the keys documents are matched by.
#include <doctest/doctest.h>

#include <string>

#include "util/ids.h"

using gongwen::ids::DocNumberKey;
using gongwen::ids::DocNumberText;
using gongwen::ids::NameKey;

TEST_CASE("ids: one 发文字号, one key") {
  for (const char* written : {"连政办规〔2025〕5号", "连政办规[2025]5号", "连政办规（2025）5号", "连政办规【2025】05号",
                              "连政办规〔 2025 〕 5号", "连政办规［２０２５］５号", "连政办规〔2025〕005号"}) {
    CAPTURE(std::string(written));
    CHECK(DocNumberKey(written) == "连政办规〔2025〕5号");
  }
  // Zeros that are the number stay; other numbers stay apart.
  CHECK(DocNumberKey("连政办规〔2025〕0号") == "连政办规〔2025〕0号");
  CHECK(DocNumberKey("连政办规〔2025〕10号") == "连政办规〔2025〕10号");
  CHECK(DocNumberKey("连政办规〔2025〕50号") != DocNumberKey("连政办规〔2025〕5号"));
  CHECK(DocNumberKey("连政办规〔2024〕5号") != DocNumberKey("连政办规〔2025〕5号"));
  CHECK(DocNumberKey("连政办规〖2025〗5号") == "连政办规〔2025〕5号");
}

TEST_CASE("ids: titles and issuers as keys") {
  CHECK(NameKey("关于印发“十四五”规划的通知") == NameKey("关于印发\"十四五\" 规划的通知"));
  CHECK(NameKey("关于印发《苏州市科技创新券管理办法》的通知") == "关于印发苏州市科技创新券管理办法的通知");
  CHECK(NameKey("连云港市人民政府办公室") == "连云港市人民政府办公室");
  CHECK(NameKey("市科技局、市财政局") == "市科技局市财政局");
  CHECK(NameKey("Ｇ２０峰会") == "G20峰会");
  CHECK(NameKey("关于A的通知") != NameKey("关于B的通知"));
}

TEST_CASE("ids: the 文号 as shown, year brackets as 〔〕") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"连政办规[2025]5号", "连政办规〔2025〕5号"},
      {"连政办规(2025)5号", "连政办规〔2025〕5号"},
      {"连政办规（2025）5号", "连政办规〔2025〕5号"},
      {"连政办规【2025】5号", "连政办规〔2025〕5号"},
      {"连政办规［2025］5号", "连政办规〔2025〕5号"},
      {"连政办规〔2025〕5号", "连政办规〔2025〕5号"},  // already right
      {"连政办规〔 2025 〕 5号", "连政办规〔2025〕5号"},  // layout spaces
      {"连委办发〔2025〕9号", "连委办发〔2025〕9号"},
  };
  for (const Case& c : cases) {
    INFO("c.input := ", std::string(c.input));
    CHECK(DocNumberText(c.input) == c.expected);
  }
}
