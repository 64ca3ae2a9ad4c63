// RepairLatin1Mojibake: UTF-8 read as Latin-1/CP1252 (issue 5, first part).
#include <doctest/doctest.h>

#include <string>

#include "extract/extract.h"
#include "normalize/internal/passes.h"
#include "normalize/normalize.h"
#include "util/files.h"
#include "util/utf8.h"

using gongwen::normalize::internal::MappedText;
using gongwen::normalize::internal::RepairLatin1Mojibake;
using gongwen::normalize::internal::RepairLog;
using gongwen::RepairKind;

TEST_CASE("RepairLatin1Mojibake") {
  SUBCASE("UTF-8 read as CP1252 becomes Chinese again, with the exact source span") {
    struct Case {
      std::string in, out;
    } cases[] = {
        {"è¿žäº‘æ¸¯", "连云港"},
        {"关于è¿žäº‘æ¸¯市的通知", "关于连云港市的通知"},
        // a quote next to the damage stays a quote
        {"“è¿žäº‘æ¸¯”", "“连云港”"},
        // NBSP is byte 0xA0 of 加 (E5 8A A0)
        {"åŠ\u00a0å¼º", "加强"},
        // Latin-1 reading: C1 controls stand for 0x80-0x9F
        {"è¿\u009eäº\u0091æ¸¯", "连云港"},
        // A single character between digits: the whole run decodes.
        {"2025å¹´11æœˆ25æ—¥", "2025年11月25日"},
        {"(äº”)支持企业", "(五)支持企业"},
        {"连政规〔2025ã€•5号,给予奖励ã€‚", "连政规〔2025〕5号,给予奖励。"},
        // Pinyin tone letters are two-byte sequences: 業(yè), 發(fā), 區(qū), 機(jī), 產(chǎn).
        {"æ¥\u00ad(yÃ¨)", "業(yè)"},  // soft hyphen is byte AD of 業
        {"ç™¼(fÄ\u0081)", "發(fā)"},
        {"å\u008d€(qÅ«)", "區(qū)"},
        {"æ©Ÿ(jÄ«)", "機(jī)"},
        {"ç”¢(chÇŽn)", "產(chǎn)"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      RepairLog log;
      MappedText m = RepairLatin1Mojibake(MappedText::FromSource(c.in, 0), &log);
      CHECK(m.text == c.out);
      REQUIRE(log.by_kind().count(RepairKind::kMojibakeLatin1) == 1);
      for (const auto& raw : log.by_kind().at(RepairKind::kMojibakeLatin1)) {
        std::string before = c.in.substr(raw.src_begin, raw.src_end - raw.src_begin);
        CAPTURE(before);
        // `before` is exactly the damaged run: Latin characters only, one
        // for each byte of what they decode to.
        CHECK(gongwen::utf8::CountHan(before) == 0);
        CHECK(gongwen::utf8::CountCodePoints(before) == static_cast<int64_t>(raw.after.size()));
      }
    }
  }

  SUBCASE("text that only looks Latin is left alone") {
    for (std::string in : {"café", "Müller GmbH", "“引号”……——", "R&D经费支出占GDP比重", "½ ¼ ©2024",
                           "é", "Ã©", "€100", "naïve résumé",
                           "咖啡店名为Café……等。", "“Café”…", "Café\u00a0\u00a0"}) {
      CAPTURE(in);
      RepairLog log;
      MappedText m = RepairLatin1Mojibake(MappedText::FromSource(in, 0), &log);
      CHECK(m.text == in);
      CHECK(log.by_kind().empty());
    }
  }
}

TEST_CASE("RepairLatin1Mojibake: no sample is touched") {
  auto normalizer = gongwen::normalize::Normalizer::Create();
  REQUIRE(normalizer.ok());
  for (const char* name :
       {"000_416e64e656112d15.txt", "002_9825fd42b4a1cf31.txt", "003_838b7ceec8d27e5e.txt",
        "004_ebfee30354606d84.txt", "000_416e64e656112d15.html", "003_838b7ceec8d27e5e.html",
        "table_policy.html", "spam_injected.html"}) {
    CAPTURE(name);
    auto bytes = gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/samples/" + name);
    REQUIRE(bytes.ok());
    gongwen::extract::Options o;
    o.path = name;
    auto ex = gongwen::extract::Extract(bytes.value(), o);
    REQUIRE(ex.ok());
    gongwen::Normalized n = normalizer.value()->Run(ex.value());
    for (const gongwen::Repair& r : n.repairs) CHECK(r.kind != RepairKind::kMojibakeLatin1);
  }
}
