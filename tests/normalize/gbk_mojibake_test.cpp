// RepairGbkMojibake: UTF-8 read as GBK, and GBK text that lost bytes, with
// the lost characters chosen by lexicon and document (issue 5).
#include <doctest/doctest.h>

#include <opencc/opencc.h>
#include <unicode/ucnv.h>

#include <memory>
#include <string>

#include "normalize/internal/passes.h"
#include "normalize/normalize.h"
#include "tests/test_support.h"
#include "util/utf8.h"

namespace gongwen::normalize::internal {
namespace {

const ScriptConverter& Script() {
  static const ScriptConverter script(std::make_unique<opencc::SimpleConverter>("t2s.json"));
  return script;
}

struct Outcome {
  std::string text;
  RepairLog log;
};

Outcome Repair(const std::string& in, const std::string& document = "") {
  Outcome o;
  const std::string doc = document.empty() ? in : document;
  DocumentContext context(doc, Script());
  o.text = RepairGbkMojibake(MappedText::FromSource(in, 0), Script(), context, &o.log).text;
  return o;
}

size_t Logged(const RepairLog& log, RepairKind kind) {
  auto it = log.by_kind().find(kind);
  return it == log.by_kind().end() ? 0 : it->second.size();
}

TEST_CASE("RepairGbkMojibake: lost bytes in GBK text (seed 003)") {
  struct Case {
    std::string in, out;
  } cases[] = {
      // One lead byte lost: the rest was read one byte out of step up to 'g'.
      {"享受國有科研機構待遇?！笆\ue1a2奈濉逼陂g各縣區", "享受國有科研機構待遇。“十四五”期間各縣區"},
      // The same after width folding turned ！ into '!'.
      {"待遇?!笆\ue1a2奈濉逼陂g各縣區", "待遇。“十四五”期間各縣區"},
      // A pinyin annotation inside the damage, its '(' eaten.
      {"高效低碳燃?xì)廨啓C(jī)、生物醫藥", "高效低碳燃氣輪機、生物醫藥"},
      // Three bytes lost (a character and a lead byte) between two words.
      {"(三)審核推薦??h區(qū)政府或功能板塊管委會", "(三)審核推薦。縣區(qū)政府或功能板塊管委會"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    Outcome o = Repair(c.in);
    CHECK(o.text == c.out);
    CHECK(Logged(o.log, RepairKind::kMojibakeLostBytes) == 1);
  }
}

TEST_CASE("seed 003 normalizes with no mojibake, pinyin or private-use character left") {
  const Normalized n =
      testing::NormalizeText(testing::ReadSample("003_838b7ceec8d27e5e.txt"), "003.txt");
  const std::u32string t = utf8::ToU32(n.text);
  for (size_t i = 0; i < t.size(); ++i) {
    CAPTURE(i);
    CHECK_FALSE((t[i] >= 0xE000 && t[i] <= 0xF8FF));
    CHECK(t[i] != 0xFFFD);
    if (t[i] == '?') {
      CHECK_FALSE((i > 0 && utf8::IsHan(t[i - 1])));
      CHECK_FALSE((i + 1 < t.size() && utf8::IsHan(t[i + 1])));
    }
  }
  CHECK(n.text.find("(yè)") == std::string::npos);
  CHECK(n.text.find("(jī)") == std::string::npos);
  for (const char* repaired : {"待遇。“十四五”期间", "东海县", "燃气轮机", "审核推荐。县区"}) {
    CHECK(n.text.find(repaired) != std::string::npos);
  }
  // Nothing stayed unrepaired, so nothing is warned.
  for (const Warning& w : n.warnings) CHECK(w.code != WarningCode::kMojibakeUnrepaired);
}

TEST_CASE("RepairGbkMojibake: a lost place name is chosen by the rest of the document") {
  // 东海县 and 东明县 both fit 東?縣; the document names Lianyungang's other
  // counties, so the Lianyungang one is meant.
  const std::string cell = "東??h";
  Outcome lyg = Repair(cell, "連云港市重點任務表 東??h 灌云縣 灌南縣 贛榆區");
  CHECK(lyg.text == "東海縣");
  Outcome heze = Repair(cell, "菏澤市重點任務表 東??h 曹縣 單縣");
  CHECK(heze.text == "東明縣");
  // Nothing in the document decides: left alone, for the warning.
  Outcome none = Repair(cell, "重點任務表 東??h");
  CHECK(none.text == cell);
  CHECK(none.log.by_kind().empty());
}

TEST_CASE("RepairGbkMojibake: UTF-8 read as GB18030") {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"杩炰簯娓\ue21a競浜烘皯鏀垮簻鍏充簬鍗板彂", "连云港市人民政府关于印发"},
      // Clean text around the damage stays as it is.
      {"转发：杩炰簯娓\ue21a競浜烘皯鏀垮簻的通知", "转发：连云港市人民政府的通知"},
      // ASCII splits the run; each stretch is repaired on its own, and the
      // last character, whose final byte was lost, is left for the warning.
      {"鍏充簬鍋氬ソ2025骞村害鐢虫姤宸ヤ綔", "关于做好2025年度申报工作"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    Outcome o = Repair(c.in);
    CHECK(o.text == c.out);
    CHECK(Logged(o.log, RepairKind::kMojibakeGbk) >= 1);
  }
}

TEST_CASE("RepairGbkMojibake: clean text is never touched") {
  const std::string clean[] = {
      "如何申报?请登录http://example.gov.cn/a?id=1查询。",
      "对符合条件的企业,最高给予300万元奖励。",
      "各县、区人民政府，市各委办局：",
      "鼓励企业开展R&D活动，支持5G、AI等新技术应用。",
      "燕赵大地，藁城、栾城、鹿泉三区。",  // rare but real characters
      "“拼音”(pīn yīn)一词。",
      "申报截止时间为?月?日,另行通知。",
      "说明：閯涘帤鐨凘。",  // decodes, but to rare characters: not clearly better
  };
  for (const std::string& in : clean) {
    CAPTURE(in);
    Outcome o = Repair(in);
    CHECK(o.text == in);
    CHECK(o.log.by_kind().empty());
  }
}

// GB18030 bytes of UTF-8 text, and back (what does not decode becomes '?',
// as a lossy decoder leaves it).
std::string Gb(const std::string& utf8, bool encode) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* gb = ucnv_open("GB18030", &err);
  UConverter* u8 = ucnv_open("UTF-8", &err);
  REQUIRE(U_SUCCESS(err));
  std::string out(utf8.size() * 4 + 16, '\0');
  err = U_ZERO_ERROR;
  const int32_t n = encode ? ucnv_convert("GB18030", "UTF-8", out.data(), out.size(), utf8.data(),
                                          utf8.size(), &err)
                           : ucnv_convert("UTF-8", "GB18030", out.data(), out.size(), utf8.data(),
                                          utf8.size(), &err);
  ucnv_close(gb);
  ucnv_close(u8);
  REQUIRE(U_SUCCESS(err));
  out.resize(n);
  if (!encode) {
    for (size_t p = out.find("\xEF\xBF\xBD"); p != std::string::npos; p = out.find("\xEF\xBF\xBD", p)) {
      out.replace(p, 3, "?");
    }
  }
  return out;
}

TEST_CASE("RepairGbkMojibake: bytes dropped from GBK text are never repaired wrongly") {
  // Paragraphs of clean samples; from each, 1, 2 or 3 bytes dropped at
  // several places and the rest decoded as a lossy GBK decoder would. The
  // repair may restore the text or leave it (warned); it must never write
  // something else.
  int damaged = 0, restored = 0, left = 0;
  for (const char* name : {"000_416e64e656112d15.txt", "002_9825fd42b4a1cf31.txt",
                           "004_ebfee30354606d84.txt"}) {
    const Normalized clean = testing::NormalizeText(testing::ReadSample(name), name);
    for (const Paragraph& p : clean.paragraphs) {
      const std::string text = clean.text.substr(p.begin, p.end - p.begin);
      if (utf8::CountHan(text) < 20) continue;
      const std::string bytes = Gb(text, true);
      for (size_t at = 10; at + 10 < bytes.size(); at += 37) {
        // 1, 2 or 3 bytes dropped; or (0) the lead byte of the character
        // here turned into '?', so what follows is read out of step up to
        // an ASCII byte, as in seed 003.
        for (size_t lost : {0, 1, 2, 3}) {
          std::string broken = bytes;
          if (lost > 0) {
            broken.erase(at, lost);
          } else {
            size_t lead = 0;  // the character boundary at or before `at`
            for (size_t i = 0; i <= at; i += static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : 2) {
              lead = i;
            }
            if (static_cast<unsigned char>(bytes[lead]) < 0x80) continue;
            broken[lead] = '?';
          }
          const std::string input = Gb(broken, false);
          if (input == text) continue;
          ++damaged;
          CAPTURE(input);
          const Normalized out = testing::NormalizeText(input, "damaged.txt");
          bool repaired = false;
          for (const gongwen::Repair& r : out.repairs) repaired |= r.kind == RepairKind::kMojibakeLostBytes;
          if (repaired) {
            CHECK(out.text == text);
            restored += out.text == text;
          } else {
            ++left;
            // What is left is visible: a '?' the decoder wrote is warned.
            if (input.find('?') != std::string::npos) {
              bool warned = false;
              for (const Warning& w : out.warnings) warned |= w.code == WarningCode::kMojibakeUnrepaired;
              CHECK(warned);
            }
          }
        }
      }
    }
  }
  MESSAGE("damaged ", damaged, ", restored ", restored, ", left as they were ", left);
  CHECK(damaged > 300);
}

}  // namespace
}  // namespace gongwen::normalize::internal
