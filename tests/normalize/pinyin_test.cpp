// normalize/pinyin.cpp: 字(pīn) annotations glued after characters by "注音"
// widgets (seed 003). CountPinyinAnnotations counts them, RemovePinyin drops
// them with one repair each; Normalizer::Run removes them only when a
// document shows them densely.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"
#include "normalize/normalize.h"
#include "tests/test_support.h"

namespace gongwen::normalize {
namespace {

using gongwen::testing::ReadSample;

using internal::MappedText;
using internal::RawRepair;
using internal::RepairLog;

std::vector<RawRepair> PinyinRepairs(const RepairLog& log) {
  auto it = log.by_kind().find(RepairKind::kPinyinAnnotation);
  return it == log.by_kind().end() ? std::vector<RawRepair>{} : it->second;
}

const Repair* FindRepair(const Normalized& n, RepairKind kind) {
  for (const Repair& r : n.repairs) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

using testing::TheNormalizer;

Normalized RunText(const std::string& text, const Options& options = {}) {
  Result<Extracted> ex = extract::ExtractText(text, extract::Options{}, /*markdown=*/false);
  REQUIRE(ex.ok());
  return TheNormalizer().Run(ex.value(), options);
}

// Seed 003, the start of its first paragraph, as crawled.
const std::string kAnnotated =
    "為幫助中小企業(yè)紓困解難、提振信心,5月10日-6月9日舉辦主題為“紓困解難,助力發(fā)展”的"
    "第二屆“中小企業(yè)服務(wù)月”活動(dòng)。";

TEST_CASE("CountPinyinAnnotations") {
  struct Case {
    std::string text;
    int count;
  };
  const Case cases[] = {
      {"中小企業(yè)", 1},
      {kAnnotated, 5},
      {"創(chuàng)新創(chuàng)業(yè)", 3},
      {"中小企業（yè）紓困", 1},                         // full-width parentheses
      {"高效低碳燃?xì)廨啓C(jī)", 0},  // seed 003 mojibake: C(jī) follows a Latin letter
      {"連云港推進高新技術產業開發區高質量發展政策(附招商電話)", 0},  // seed 002 style
      {"(一)指導思想", 0},
      {"國家高新區R&D經費支出占GDP比重達到7%以上", 0},
      {"企業(ye)", 0},  // no tone mark: not a pinyin annotation
      {"", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(internal::CountPinyinAnnotations(c.text) == c.count);
  }
}

TEST_CASE("RemovePinyin") {
  SUBCASE("each annotation is removed with one repair") {
    struct Case {
      std::string in;
      std::string out;
      size_t repairs;
    };
    const Case cases[] = {
        {"中小企業(yè)紓困", "中小企業紓困", 1},
        {"中小企業（yè）紓困", "中小企業紓困", 1},
        {"創(chuàng)新創(chuàng)業(yè)", "創新創業", 3},
        {kAnnotated,
         "為幫助中小企業紓困解難、提振信心,5月10日-6月9日舉辦主題為“紓困解難,助力發展”的"
         "第二屆“中小企業服務月”活動。",
         5},
        {"發展政策(附招商電話)", "發展政策(附招商電話)", 0},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      RepairLog log;
      MappedText out = internal::RemovePinyin(MappedText::FromSource(c.in, 0), &log);
      CHECK(out.text == c.out);
      CHECK(PinyinRepairs(log).size() == c.repairs);
      CHECK(internal::CountPinyinAnnotations(out.text) == 0);
    }
  }

  SUBCASE("the repair covers exactly the parenthesised syllable") {
    const std::string in = "為幫助中小企業(yè)紓困解難";
    RepairLog log;
    MappedText out = internal::RemovePinyin(MappedText::FromSource(in, 0), &log);
    REQUIRE(out.text == "為幫助中小企業紓困解難");
    const std::vector<RawRepair> r = PinyinRepairs(log);
    REQUIRE(r.size() == 1);
    CHECK(in.substr(r[0].src_begin, r[0].src_end - r[0].src_begin) == "(yè)");
    CHECK(r[0].after.empty());
    // 紓 still maps to its own bytes, after the annotation.
    const size_t shu = out.text.find("紓");
    CHECK(out.src_begin[shu] == in.find("紓"));
  }
}

TEST_CASE("Normalizer::Run: pinyin annotations") {
  SUBCASE("业(yè) becomes 业, one repair per annotation") {
    Normalized n = RunText(kAnnotated);
    CHECK(n.text ==
          "为帮助中小企业纾困解难、提振信心,5月10日-6月9日举办主题为“纾困解难,助力发展”的"
          "第二届“中小企业服务月”活动。");
    const Repair* pinyin = FindRepair(n, RepairKind::kPinyinAnnotation);
    REQUIRE(pinyin != nullptr);
    REQUIRE(pinyin->items.size() == 5);
    const char* syllables[] = {"(yè)", "(fā)", "(yè)", "(wù)", "(dòng)"};
    for (size_t i = 0; i < 5; ++i) {
      CAPTURE(i);
      CHECK(pinyin->items[i].before == syllables[i]);
      CHECK(pinyin->items[i].after.empty());
    }
  }

  SUBCASE("seed 003 loses every annotation") {
    const std::string raw = ReadSample("003_838b7ceec8d27e5e.txt");
    const int annotations = internal::CountPinyinAnnotations(raw);
    REQUIRE(annotations > 100);
    Normalized n = RunText(raw);
    CHECK(internal::CountPinyinAnnotations(n.text) == 0);
    CHECK(n.text.find("(yè)") == std::string::npos);
    CHECK(n.text.find("(fā)") == std::string::npos);
    const Repair* pinyin = FindRepair(n, RepairKind::kPinyinAnnotation);
    REQUIRE(pinyin != nullptr);
    CHECK(pinyin->items.size() == static_cast<size_t>(annotations));
    for (const RepairItem& item : pinyin->items) {
      CAPTURE(item.before);
      CHECK(internal::CountPinyinAnnotations("字" + item.before) == 1);
      CHECK(item.before.front() == '(');
      CHECK(item.before.back() == ')');
    }
  }

  SUBCASE("a single legitimate gloss in a clean document is kept") {
    // One annotation among ~90 Han characters is a gloss, not a widget.
    const std::string doc =
        "苏州市浒(xǔ)墅关经济技术开发区管理委员会关于印发支持企业高质量发展若干政策措施的通知\n"
        "各有关单位:\n"
        "《支持企业高质量发展若干政策措施》已经管委会常务会议审议通过,现印发给你们,"
        "请认真贯彻执行。本文件所称拼音(pīnyīn)标注以《汉语拼音方案》为准。\n";
    REQUIRE(internal::CountPinyinAnnotations(doc) == 1);
    Normalized n = RunText(doc);
    CHECK(n.text.find("浒(xǔ)墅关") != std::string::npos);
    CHECK(n.text.find("拼音(pīnyīn)标注") != std::string::npos);
    CHECK(FindRepair(n, RepairKind::kPinyinAnnotation) == nullptr);
  }

  SUBCASE("remove_pinyin=false keeps seed 003's annotations") {
    Options options;
    options.remove_pinyin = false;
    Normalized n = RunText(kAnnotated, options);
    CHECK(n.text.find("业(yè)") != std::string::npos);
    CHECK(FindRepair(n, RepairKind::kPinyinAnnotation) == nullptr);
  }
}

}  // namespace
}  // namespace gongwen::normalize
