// normalize/noise.cpp: site chrome lines (扫一扫打开当前页), chrome fragments
// inside metadata lines (浏览次数, 字号[小][中][大]) and SEO spam lines.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normalize/internal/mapped_text.h"
#include "normalize/internal/passes.h"
#include "tests/test_support.h"

namespace gongwen::normalize::internal {
namespace {

std::string FirstLineOfSample(const std::string& name) {
  std::string text = gongwen::testing::ReadSample(name);
  return text.substr(0, text.find('\n'));
}

std::vector<RawRepair> Chrome(const RepairLog& log) {
  auto it = log.by_kind().find(RepairKind::kChromeRemoved);
  return it == log.by_kind().end() ? std::vector<RawRepair>{} : it->second;
}

TEST_CASE("IsPageNumberLine") {
  for (const char* line : {"—2—", "— 12 —", "-3-", "－ 4 －", "第3页", "第 3 页 共 5 页", "第3页，共5页"}) {
    CAPTURE(line);
    CHECK(IsPageNumberLine(line));
  }
  for (const char* line : {"2", "2025", "——经济贡献显著提高", "第3页的表格", "1—2个"}) {
    CAPTURE(line);
    CHECK_FALSE(IsPageNumberLine(line));
  }
}

TEST_CASE("IsChromeLine") {
  SUBCASE("page furniture") {
    const std::string lines[] = {
        "扫一扫打开当前页",  // seed 000, last line
        "  扫一扫打开当前页  ",
        "扫一扫在手机打开当前页",
        "扫一扫",
        "[打印本页] [关闭窗口]",
        "【打印】【关闭】",
        "返回顶部",
        "分享到:微信 微博 QQ空间",
        // Breadcrumbs.
        "首页 > 政务公开 > 政府文件 > 市政府文件",
        "广东省人民政府门户网站 > 政务公开 > 政府文件 > 省政府办公厅文件",
        "当前位置:首页>信息公开>政策文件",
    };
    for (const std::string& line : lines) {
      CAPTURE(line);
      CHECK(IsChromeLine(line));
    }
  }

  SUBCASE("policy text is not chrome") {
    const std::string lines[] = {
        "1. 强化关键核心技术攻关。聚焦产业需求,组织编制“卡脖子”技术攻关清单。",
        "首页>政务公开>政府文件>市政府文件杭州市人民政府关于加快推进人工智能产业高质量发展的实施意见。",
        "市民可扫一扫二维码打开当前页面查看政策解读。",
        "连云港市人民政府办公室",
        "(此件公开发布)",
        "打印机、扫描仪等办公设备采购",
        "关闭落后产能,淘汰高耗能设备。",
        "",
    };
    for (const std::string& line : lines) {
      CAPTURE(line);
      CHECK_FALSE(IsChromeLine(line));
    }
  }
}

TEST_CASE("IsSpamLine") {
  SUBCASE("seed 003's keyword-stuffed title") {
    const std::string line = FirstLineOfSample("003_838b7ceec8d27e5e.txt");
    REQUIRE(line == "国产亚洲日朝欧美_97久久人人妻视频_亚洲有码无码精品一区二区_国产精品毛片无摭挡");
    CHECK(IsSpamLine(line));
  }

  SUBCASE("keyword strings joined by | are spam") {
    CHECK(IsSpamLine("国产精品|亚洲无码|在线观看"));
    CHECK(IsSpamLine("久久_欧美_日韩"));
  }

  SUBCASE("policy titles and metadata are not spam") {
    const std::string lines[] = {
        "连云港推进高新技术产业开发区高质量发展政策(附招商电话)",  // seed 002 title
        "市政府办公室关于印发连云港市重大产业创新平台建设实施方案的通知",
        "连云港市人民政府_政策文件_通知公告",  // segment-shaped, no spam words
        "国产亚洲_久久",                       // spam words, but only two segments
        "国产精品牌推广_亚洲市场开拓_欧美客户服务,提升视频营销能力",  // a sentence
        "",
    };
    for (const std::string& line : lines) {
      CAPTURE(line);
      CHECK_FALSE(IsSpamLine(line));
    }
  }
}

// BUG: keyword strings joined by the full-width bar ｜ are not recognised.
// Input: "国产精品｜亚洲无码｜在线观看｜日韩欧美". Expected: IsSpamLine true (four
// segments, many lexicon words, like the '|' version). Actual: false, because
// IsSpamLine adds 1 segment when "｜" occurs at all instead of one per "｜",
// so the line counts as 2 segments (< 3). FoldWidth does not fold ｜ either.
TEST_CASE("IsSpamLine: full-width bars separate segments") {
  CHECK(IsSpamLine("国产精品｜亚洲无码｜在线观看｜日韩欧美"));
}

TEST_CASE("RemoveChromeFragments") {
  SUBCASE("a metadata line loses its view counter and font-size bar, keeps the date") {
    // Seed 003's tool bar line, after t2s.
    const std::string in = "信息来源:市信息中心 发布日期:2022-05-19 浏览次数: 字号: [小] [中] [大]";
    RepairLog log;
    MappedText out = RemoveChromeFragments(MappedText::FromSource(in, 0), &log);
    CHECK(out.text == "信息来源:市信息中心 发布日期:2022-05-19 ");
    const std::vector<RawRepair> r = Chrome(log);
    REQUIRE(r.size() == 2);
    CHECK(in.substr(r[0].src_begin, r[0].src_end - r[0].src_begin) == "浏览次数: ");
    CHECK(in.substr(r[1].src_begin, r[1].src_end - r[1].src_begin) == "字号: [小] [中] [大]");
  }

  SUBCASE("fragments in other metadata lines") {
    struct Case {
      std::string in;
      std::string out;
    };
    const Case cases[] = {
        {"时间: 2023-11-28 14:43:32 来源: 次浏览", "时间: 2023-11-28 14:43:32 来源:"},  // seed 002
        {"发布日期:2022-05-19 浏览次数:1234", "发布日期:2022-05-19 "},
        {"发布日期:2022-05-19 浏览量:87 【打印本页】【关闭窗口】",
         "发布日期:2022-05-19  "},  // the spaces around the cuts stay; spaces.cpp drops them
        {"来源:市政府办公室 字体:【大】【中】【小】", "来源:市政府办公室 "},
        {"来源:市政府办公室 字号：大 中 小", "来源:市政府办公室 "},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      RepairLog log;
      CHECK(RemoveChromeFragments(MappedText::FromSource(c.in, 0), &log).text == c.out);
      CHECK_FALSE(Chrome(log).empty());
    }
  }

  SUBCASE("sentences are never touched") {
    const std::string inputs[] = {
        "本网站政策文件浏览次数:1024次。",
        "今年累计浏览量12万次,同比增长20%",
        "字号:大中小,请按需选择;打印本页请使用浏览器功能",
        "信息来源:市信息中心",  // nothing to cut
    };
    for (const std::string& in : inputs) {
      CAPTURE(in);
      RepairLog log;
      CHECK(RemoveChromeFragments(MappedText::FromSource(in, 0), &log).text == in);
      CHECK(Chrome(log).empty());
    }
  }

  SUBCASE("what remains keeps its source offsets") {
    const std::string in = "发布日期:2022-05-19 浏览次数:1234";
    RepairLog log;
    MappedText out = RemoveChromeFragments(MappedText::FromSource(in, 500), &log);
    REQUIRE(out.text == "发布日期:2022-05-19 ");
    for (size_t i = 0; i < out.text.size(); ++i) {
      CAPTURE(i);
      CHECK(out.src_begin[i] >= 500);
      CHECK(out.src_begin[i] <= 500 + i);
    }
    CHECK(out.src_begin.back() == 500 + out.text.size() - 1);  // the space before 浏览
  }
}

}  // namespace
}  // namespace gongwen::normalize::internal
