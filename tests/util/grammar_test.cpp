// util/grammar.cpp: the vocabulary of data/grammar.tsv compiled into the RE2
// fragments extract, normalize and structure share. Strings are invented.
#include "util/grammar.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <set>
#include <string>

namespace grammar = gongwen::grammar;

namespace {

bool Full(const std::string& pattern, const std::string& s) { return RE2::FullMatch(s, RE2(pattern)); }

}  // namespace

TEST_CASE("grammar: document types and organisation endings, longest first") {
  CHECK(Full(".*" + grammar::DocType(), "某某市科技创新券管理办法"));
  CHECK(Full(".*" + grammar::DocType(), "关于做好某项工作的通知"));
  CHECK_FALSE(Full(".*" + grammar::DocType(), "某某市人民政府"));
  // 人民政府办公室 is taken whole, not as 人民政府 + 办公室.
  std::string org;
  REQUIRE(RE2::PartialMatch("某某市人民政府办公室", RE2("^\\p{Han}{2,}?(" + grammar::OrgEnd() + ")$"), &org));
  CHECK(org == "人民政府办公室");
  CHECK(Full("\\p{Han}{2,}?" + grammar::OrgEnd(), "中国某某银行"));
  // Only 局/部/署/厅/委 end a maker that a joint signature's next one follows.
  CHECK(Full("\\p{Han}{2,}?" + grammar::OrgCutEnd(), "国家某某局"));
  CHECK_FALSE(Full("\\p{Han}{2,}?" + grammar::OrgCutEnd(), "某某市人民政府"));
}

TEST_CASE("grammar: every clause marker shape, by style") {
  const std::pair<const char*, const char*> examples[] = {
      {"chapter", "第三章 总则"},        {"section", "第二节 申报"},       {"article", "第十二条 本办法"},
      {"paragraph", "第二款 前款"},      {"item", "第一项 申请"},          {"chinese_dun", "二、主要任务"},
      {"chinese_paren", "（十一）加强"}, {"arabic_paren", "(3)企业"},      {"arabic_dot", "12．支持"},
      {"circled", "③ 奖励"},
  };
  std::set<std::string> styles;
  for (const grammar::MarkerShape& m : grammar::Markers()) {
    CAPTURE(m.style);
    CHECK(RE2(m.pattern).ok());
    CHECK(m.pattern[0] == '^');
    CHECK(RE2(m.pattern).NumberOfCapturingGroups() == 1);
    styles.insert(m.style);
  }
  for (const auto& [style, text] : examples) {
    CAPTURE(text);
    CHECK(styles.count(style) == 1);
    std::string number;
    bool matched = false;
    for (const grammar::MarkerShape& m : grammar::Markers()) {
      if (m.style == style) matched = RE2::PartialMatch(text, RE2(m.pattern), &number);
    }
    CHECK(matched);
    CHECK(RE2::PartialMatch(text, RE2("^" + grammar::AnyMarker())));
  }
  // 1.5万元 is an amount, not item 1; a citation is no marker at a line start.
  CHECK_FALSE(RE2::PartialMatch("1.5万元", RE2("^" + grammar::AnyMarker())));
  CHECK_FALSE(RE2::PartialMatch("根据第三条", RE2("^" + grammar::AnyMarker())));
  CHECK(RE2(grammar::AnyMarker()).NumberOfCapturingGroups() == 0);
}

TEST_CASE("grammar: 文号 shapes and year brackets") {
  CHECK(Full(grammar::DocNumber(), "某政办规〔2025〕5号"));
  CHECK(Full(grammar::DocNumber(), "某府发〔 2022 〕第 8 号"));
  CHECK_FALSE(Full(grammar::DocNumber(), "某政办规[2025]5号"));
  for (const char* s : {"某政办规[2025]5号", "某政办规【2025】5号", "某政办规（2025）5号", "某政办规〔2025〕5号"}) {
    CAPTURE(s);
    CHECK(Full(grammar::DocNumberAnyBrackets(), s));
  }
  CHECK(Full("\\p{Han}{2,8}?" + grammar::DecreeNumber(), "国务院令第735号"));
  CHECK(Full("\\p{Han}{2,8}?" + grammar::DecreeNumber() + "）", "国务院令（第 481 号）"));
  CHECK_FALSE(Full("\\p{Han}{2,8}?" + grammar::DecreeNumber(), "国务院令"));
  CHECK(grammar::IsYearOpen(U'【'));
  CHECK(grammar::IsYearClose(U'〕'));
  CHECK_FALSE(grammar::IsYearOpen(U'《'));
  CHECK(grammar::CanonicalYearOpen() == "〔");
  CHECK(grammar::CanonicalYearClose() == "〕");
}
