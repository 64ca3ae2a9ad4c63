// normalize/script.cpp: traditional -> simplified with OpenCC t2s, applied to
// traditional paragraphs only, so simplified text (乾安县) is never corrupted.
#include <doctest/doctest.h>
#include <opencc/opencc.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"
#include "normalize/normalize.h"

namespace gongwen::normalize {
namespace {

using internal::MappedText;
using internal::RawRepair;
using internal::RepairLog;
using internal::ScriptConverter;

const ScriptConverter& Converter() {
  static const ScriptConverter converter(std::make_unique<opencc::SimpleConverter>("t2s.json"));
  return converter;
}

std::vector<RawRepair> T2sRepairs(const RepairLog& log) {
  auto it = log.by_kind().find(RepairKind::kTraditionalToSimplified);
  return it == log.by_kind().end() ? std::vector<RawRepair>{} : it->second;
}

Normalized RunText(const std::string& text) {
  static const std::unique_ptr<Normalizer> normalizer = [] {
    auto r = Normalizer::Create();
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  Result<Extracted> ex = extract::ExtractText(text, extract::Options{}, /*markdown=*/false);
  REQUIRE(ex.ok());
  return normalizer->Run(ex.value());
}

TEST_CASE("ScriptConverter::Convert and CountTraditional") {
  struct Case {
    std::string in;
    std::string out;
    int traditional;
  };
  const Case cases[] = {
      {"為幫助中小企業", "为帮助中小企业", 3},
      {"連云港市人民政府辦公室", "连云港市人民政府办公室", 2},
      {"为帮助中小企业", "为帮助中小企业", 0},
      {"2021年4月12日", "2021年4月12日", 0},
      {"乾安县", "干安县", 1},  // t2s alone would corrupt this simplified place name
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(Converter().Convert(c.in) == c.out);
    CHECK(Converter().CountTraditional(c.in) == c.traditional);
  }
}

TEST_CASE("ScriptConverter::ToSimplified") {
  SUBCASE("a traditional paragraph is converted, one repair per run of changes") {
    const std::string in = "為幫助中小企業紓困解難";
    RepairLog log;
    MappedText out = Converter().ToSimplified(MappedText::FromSource(in, 0), false, &log);
    CHECK(out.text == "为帮助中小企业纾困解难");
    const std::vector<RawRepair> r = T2sRepairs(log);
    REQUIRE(r.size() == 3);  // 為幫, 業紓, 難
    CHECK(in.substr(r[0].src_begin, r[0].src_end - r[0].src_begin) == "為幫");
    CHECK(r[0].after == "为帮");
    CHECK(in.substr(r[1].src_begin, r[1].src_end - r[1].src_begin) == "業紓");
    CHECK(r[1].after == "业纾");
    CHECK(in.substr(r[2].src_begin, r[2].src_end - r[2].src_begin) == "難");
    CHECK(r[2].after == "难");
    // One code point for one: 业 maps to the bytes of 業.
    const size_t ye = out.text.find("业");
    CHECK(out.src_begin[ye] == in.find("業"));
    CHECK(out.src_end[ye] == in.find("業") + 3);
  }

  SUBCASE("already simplified text is unchanged") {
    const std::string inputs[] = {
        "为帮助中小企业纾困解难、提振信心",
        "市政府办公室关于印发连云港市支持安防产业高质量发展若干政策措施的通知",
        "本政策措施自2025年9月5日起施行,有效期至2030年9月4日。",
    };
    for (const std::string& in : inputs) {
      CAPTURE(in);
      for (bool doc_traditional : {false, true}) {
        CAPTURE(doc_traditional);
        RepairLog log;
        MappedText out = Converter().ToSimplified(MappedText::FromSource(in, 0), doc_traditional,
                                                  &log);
        CHECK(out.text == in);
        CHECK(T2sRepairs(log).empty());
      }
    }
  }

  SUBCASE("a simplified paragraph with one convertible character is left alone") {
    const std::string in = "《吉林省乾安县支持安防产业高质量发展的若干政策措施》已经县政府常务会议审议通过。";
    RepairLog log;
    MappedText out = Converter().ToSimplified(MappedText::FromSource(in, 0), false, &log);
    CHECK(out.text == in);
    CHECK(T2sRepairs(log).empty());
  }

  SUBCASE("one convertible character repeated is still a name, not traditional text") {
    const std::string in = "乾安县、乾县的经验做法值得借鉴。";
    RepairLog log;
    MappedText out = Converter().ToSimplified(MappedText::FromSource(in, 0), false, &log);
    CHECK(out.text == in);
    CHECK(T2sRepairs(log).empty());
  }

  SUBCASE("a short traditional heading converts only inside a traditional document") {
    const std::string in = "二、工作目標";  // seed 003: one convertible character
    RepairLog log;
    CHECK(Converter().ToSimplified(MappedText::FromSource(in, 0), false, &log).text == in);
    CHECK(T2sRepairs(log).empty());
    CHECK(Converter().ToSimplified(MappedText::FromSource(in, 0), true, &log).text ==
          "二、工作目标");
    CHECK(T2sRepairs(log).size() == 1);
  }

  SUBCASE("one-to-many characters in a traditional paragraph follow the phrase") {
    struct Case {
      std::string traditional;
      std::string simplified;
    };
    const Case cases[] = {
        {"乾隆年間,這裡的學者眾多。", "乾隆年间,这里的学者众多。"},      // 乾 stays in 乾隆
        {"南方天氣潮濕,北方天氣乾燥。", "南方天气潮湿,北方天气干燥。"},  // 乾 -> 干
        {"他的學術著作獲得國家獎勵。", "他的学术著作获得国家奖励。"},      // 著作 stays
        {"於是市政府決定舉辦服務月活動。", "于是市政府决定举办服务月活动。"},
        {"依法徵收稅費,嚴禁亂收費。", "依法征收税费,严禁乱收费。"},
        {"憑藉技術優勢開拓國際市場。", "凭借技术优势开拓国际市场。"},
        {"這裡是連云港市政府辦公室。", "这里是连云港市政府办公室。"},
        {"頭髮與發展兩個詞的發字不同。", "头发与发展两个词的发字不同。"},  // 髮 and 發 -> 发
    };
    for (const Case& c : cases) {
      CAPTURE(c.traditional);
      RepairLog log;
      MappedText out =
          Converter().ToSimplified(MappedText::FromSource(c.traditional, 0), true, &log);
      CHECK(out.text == c.simplified);
      CHECK_FALSE(T2sRepairs(log).empty());
    }
  }
}

// BUG: the particle/verb 著 is not simplified to 着.
// Input (traditional paragraph, document traditional): "看著企業發展壯大。" and
// seed 003's "著力建設一批高起點、高水平重大產業創新平臺". Expected: "看着企业发展壮大。"
// and "着力建设一批高起点、高水平重大产业创新平台" (seed 000, simplified, itself
// writes "着力打造"). Actual: "看著企业发展壮大。" and "著力建设…": OpenCC's t2s
// maps 著 to itself, and ScriptConverter adds no phrase rule for 看著/著力/隨著.
TEST_CASE("ScriptConverter: 著 as zhe/zhuo becomes 着") {
  struct Case {
    std::string traditional;
    std::string simplified;
  };
  const Case cases[] = {
      {"看著企業發展壯大。", "看着企业发展壮大。"},
      {"著力建設一批高起點、高水平重大產業創新平臺", "着力建设一批高起点、高水平重大产业创新平台"},
      {"隨著經濟發展,意味著機遇。", "随着经济发展,意味着机遇。"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.traditional);
    RepairLog log;
    CHECK(Converter().ToSimplified(MappedText::FromSource(c.traditional, 0), true, &log).text ==
          c.simplified);
  }
}

TEST_CASE("Normalizer::Run: script conversion is decided per document") {
  SUBCASE("為幫助中小企業 in a traditional document becomes 为帮助中小企业") {
    Normalized n = RunText(
        "市政府辦公室關于印發連云港市重大產業創新平臺建設實施方案的通知\n"
        "為幫助中小企業紓困解難、提振信心,舉辦第二屆“中小企業服務月”活動。\n"
        "二、工作目標\n");
    CHECK(n.text ==
          "市政府办公室关于印发连云港市重大产业创新平台建设实施方案的通知\n"
          "为帮助中小企业纾困解难、提振信心,举办第二届“中小企业服务月”活动。\n"
          "二、工作目标");  // one convertible character, converted: the document is traditional
  }

  SUBCASE("a simplified document keeps 乾安县") {
    // Seed 000's opening, with one paragraph that names 乾安县 once.
    const std::string doc =
        "市政府办公室关于印发连云港市支持安防产业高质量发展若干政策措施的通知\n"
        "各县、区人民政府,市各委办局,市各直属单位:\n"
        "《连云港市支持安防产业高质量发展的若干政策措施》已经市十五届政府第72次常务会议审议通过,"
        "现印发给你们,请认真贯彻执行。\n"
        "支持与吉林省乾安县开展安防产业对口合作,推动产业延链补链、创新发展、引领示范。\n"
        "连云港市人民政府办公室\n";
    Normalized n = RunText(doc);
    CHECK(n.text.find("吉林省乾安县开展") != std::string::npos);
    CHECK(n.text.find("干安县") == std::string::npos);
    for (const Repair& r : n.repairs) CHECK(r.kind != RepairKind::kTraditionalToSimplified);
  }

  SUBCASE("convert_traditional=false keeps the traditional text") {
    Result<Extracted> ex =
        extract::ExtractText("為幫助中小企業紓困解難\n", extract::Options{}, false);
    REQUIRE(ex.ok());
    auto normalizer = Normalizer::Create();
    REQUIRE(normalizer.ok());
    Options options;
    options.convert_traditional = false;
    CHECK(normalizer.value()->Run(ex.value(), options).text == "為幫助中小企業紓困解難");
  }
}

// BUG: a short simplified notice that names 乾安县 twice is converted to 干安县.
// Input: "乾安县人民政府办公室关于印发安防产业高质量发展若干政策措施的通知\n
// 各乡镇人民政府,县政府各部门:\n《若干政策措施》已经县政府常务会议审议通过,现印发给你们,
// 请认真贯彻执行。\n乾安县人民政府办公室\n" (all simplified). Expected: unchanged,
// 乾安县 twice, no traditional_to_simplified repair. Actual: both become 干安县:
// 乾 is the only convertible character, but 2 of ~70 Han characters reach the
// 1-in-50 "traditional document" threshold, and a traditional document
// converts every paragraph with at least one change.
TEST_CASE("Normalizer::Run: a short simplified notice from 乾安县 is not converted") {
  const std::string doc =
      "乾安县人民政府办公室关于印发安防产业高质量发展若干政策措施的通知\n"
      "各乡镇人民政府,县政府各部门:\n"
      "《若干政策措施》已经县政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n"
      "乾安县人民政府办公室\n";
  Normalized n = RunText(doc);
  CHECK(n.text ==
        "乾安县人民政府办公室关于印发安防产业高质量发展若干政策措施的通知\n"
        "各乡镇人民政府,县政府各部门:\n"
        "《若干政策措施》已经县政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n"
        "乾安县人民政府办公室");
  for (const Repair& r : n.repairs) CHECK(r.kind != RepairKind::kTraditionalToSimplified);
}

}  // namespace
}  // namespace gongwen::normalize
