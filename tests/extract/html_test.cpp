// extract/html.cpp through extract::ExtractHtml / extract::Extract, and end to
// end through Pipeline::Process where the normalized Policy is what matters:
// decoding, body versus site chrome, the 政府信息公开 table, data tables,
// attachment links, hidden SEO spam, shell pages, hostile or broken pages and
// HTML white space. Inputs are the saved pages in samples/ (docs/samples.md)
// and small pages in the shape government CMS templates serve.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "util/files.h"
#include "util/utf8.h"

namespace gongwen::extract {
namespace {

// ---------------------------------------------------------------- helpers --

std::string Sample(const std::string& name) {
  const std::string path = std::string(GONGWEN_SOURCE_DIR) + "/samples/" + name;
  Result<std::string> r = files::Read(path);
  REQUIRE_MESSAGE(r.ok(), "cannot read ", path);
  return r.value();
}

// Re-encodes UTF-8 text with ICU (GBK / Big5 fixtures).
std::string EncodeAs(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  REQUIRE_MESSAGE(U_SUCCESS(err), "ICU cannot encode the fixture as ", charset);
  out.resize(n);
  return out;
}

Options Opts(const std::string& path = "page.html",
             std::optional<std::string> url = std::nullopt,
             std::optional<std::string> declared = std::nullopt) {
  Options o;
  o.path = path;
  o.url = std::move(url);
  o.declared_charset = std::move(declared);
  return o;
}

Extracted MustExtract(const std::string& bytes, const Options& options = Opts()) {
  Result<Extracted> r = ExtractHtml(bytes, options);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().Describe()));
  return r.value();
}

const char* KindName(BlockKind k) {
  switch (k) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kTableRow: return "table_row";
    case BlockKind::kChrome: return "chrome";
    case BlockKind::kHidden: return "hidden";
    case BlockKind::kMetadata: return "metadata";
    default: return "other";
  }
}

std::string TextOf(const Extracted& ex, const Block& b) {
  return ex.text.substr(static_cast<size_t>(b.begin), static_cast<size_t>(b.end - b.begin));
}

// Every block holding `needle`.
std::vector<const Block*> BlocksWith(const Extracted& ex, std::string_view needle) {
  std::vector<const Block*> out;
  for (const Block& b : ex.blocks) {
    if (TextOf(ex, b).find(needle) != std::string::npos) out.push_back(&b);
  }
  return out;
}

// "chrome:当前位置：首页> …" lines of the blocks holding `needle`, for CAPTURE.
std::string Describe(const Extracted& ex, std::string_view needle) {
  std::string s;
  for (const Block* b : BlocksWith(ex, needle)) {
    s += std::string(KindName(b->kind)) + ":" + TextOf(ex, *b).substr(0, 120) + "\n";
  }
  return s.empty() ? "(no block)" : s;
}

// Every block holding `needle` is of kind `kind`, and there is at least one.
bool OnlyIn(const Extracted& ex, std::string_view needle, BlockKind kind) {
  auto blocks = BlocksWith(ex, needle);
  if (blocks.empty()) return false;
  for (const Block* b : blocks) {
    if (b->kind != kind) return false;
  }
  return true;
}

bool HasWarning(const std::vector<Warning>& ws, WarningCode code) {
  for (const Warning& w : ws) {
    if (w.code == code) return true;
  }
  return false;
}

const Warning* FindWarning(const std::vector<Warning>& ws, WarningCode code) {
  for (const Warning& w : ws) {
    if (w.code == code) return &w;
  }
  return nullptr;
}

std::string WarningCodes(const std::vector<Warning>& ws) {
  std::string s;
  for (const Warning& w : ws) s += std::string(NameOf(w.code)) + " ";
  return s;
}

std::optional<std::string> Field(const Extracted& ex, const std::string& label) {
  for (const PageField& f : ex.page_fields) {
    if (f.label == label) return f.value;
  }
  return std::nullopt;
}

std::vector<const Block*> Rows(const Extracted& ex) {
  std::vector<const Block*> out;
  for (const Block& b : ex.blocks) {
    if (b.kind == BlockKind::kTableRow) out.push_back(&b);
  }
  return out;
}

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  size_t pos = 0;
  while (true) {
    size_t tab = row.find('\t', pos);
    cells.push_back(row.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  return cells;
}

const Pipeline& Pipe() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    auto r = Pipeline::Create();
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().Describe()));
    return std::move(r).value();
  }();
  return *pipeline;
}

Policy MustProcess(const std::string& bytes, const std::string& path,
                   const ProcessOptions& options = {}) {
  Result<Policy> r = Pipe().Process(bytes, path, options);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().Describe()));
  return r.value();
}

const Repair* FindRepair(const Policy& p, RepairKind kind) {
  for (const Repair& r : p.repairs) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

// Some item of repair `kind` removed text holding `needle`.
bool Removed(const Policy& p, RepairKind kind, std::string_view needle) {
  const Repair* r = FindRepair(p, kind);
  if (r == nullptr) return false;
  for (const RepairItem& item : r->items) {
    if (item.before.find(needle) != std::string::npos && item.after.empty()) return true;
  }
  return false;
}

// Code point offset of a byte offset of `text`.
int64_t CodePointAt(const std::string& text, size_t byte) {
  return utf8::CountCodePoints(std::string_view(text).substr(0, byte));
}

// ------------------------------------------------------- a template page --

// A page as the TRS / Hanweb templates of 政府信息公开 portals serve it: top
// bar, navigation, breadcrumb, the 政府信息公开 table, the title, a tool bar
// (字号[大][中][小], 打印本页, 浏览次数), the article, a 相关文章 list and the
// footer (主办单位, 网站标识码, ICP备, 公网安备).
struct Page {
  std::string head = R"~(<meta charset="utf-8">)~";
  std::string title = "某某市人民政府办公室关于印发某某市支持中小企业专精特新发展若干措施的通知";
  std::string before_body;  // right after <body>
  std::string metadata =
      R"~(<table class="xxgk_table" width="100%" border="1">
  <tr><td class="lab">索&nbsp;引&nbsp;号：</td><td>113200000001/2024-00215</td><td class="lab">发布机构：</td><td>市政府办公室</td></tr>
  <tr><td class="lab">成文日期：</td><td>2024-03-05</td><td class="lab">发布日期：</td><td>2024-03-08</td></tr>
  <tr><td class="lab">文&nbsp;&nbsp;&nbsp;&nbsp;号：</td><td>某政办规〔2024〕3号</td><td class="lab">时&nbsp;&nbsp;&nbsp;&nbsp;效：</td><td>有效</td></tr>
</table>)~";
  std::string article =
      R"~(<p style="text-indent:2em">各县（市、区）人民政府，市各委办局，市各直属单位：</p>
<p style="text-indent:2em">《某某市支持中小企业专精特新发展若干措施》已经市政府第二十一次常务会议审议通过，现印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">某某市人民政府办公室</p>
<p style="text-align:right">2024年3月5日</p>
<p style="text-indent:2em">（此件公开发布）</p>
<p style="text-align:center"><strong>某某市支持中小企业专精特新发展若干措施</strong></p>
<p style="text-indent:2em"><strong>一、加大梯度培育力度</strong></p>
<p style="text-indent:2em">（一）对新认定的国家级专精特新“小巨人”企业，给予一次性奖励50万元；对新认定的省级专精特新中小企业，给予一次性奖励20万元。（责任单位：市工业和信息化局、市财政局）</p>
<p style="text-indent:2em">（二）对年度研发投入增长超过20%的专精特新企业，按增量部分的10%给予补助，单个企业最高50万元。（责任单位：市科技局、市财政局）</p>
<p style="text-indent:2em"><strong>二、强化要素保障</strong></p>
<p style="text-indent:2em">（三）对专精特新企业的中长期贷款，按贷款市场报价利率的30%给予贴息，单个企业年度贴息最高30万元。（责任单位：市地方金融监管局、市财政局）</p>
<p style="text-indent:2em">本措施自2024年4月1日起施行，有效期至2026年12月31日，由市工业和信息化局负责解释。</p>)~";
  std::string after_article;  // inside the article box, after the text
};

std::string Render(const Page& p) {
  return R"~(<!DOCTYPE html>
<html>
<head>
)~" + p.head + R"~(
<title>)~" + p.title + R"~(_某某市人民政府</title>
<meta name="SiteName" content="某某市人民政府">
<meta name="SiteIDCode" content="3200000001">
<meta name="ArticleTitle" content=")~" + p.title + R"~(">
<link rel="stylesheet" href="/css/xxgk.css">
<script type="text/javascript">function doZoom(s){ document.getElementById("zoom").style.fontSize = s + "px"; }</script>
</head>
<body>
)~" + p.before_body + R"~(
<div class="topbar"><span>欢迎访问某某市人民政府门户网站</span><span class="r"><a href="/">简体版</a> | <a href="/ft/">繁體版</a> | <a href="/wza/">无障碍</a></span></div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
  </ul>
</div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zfwj/">政府文件</a></div>
  )~" + p.metadata + R"~(
  <div class="article">
    <h1>)~" + p.title + R"~(</h1>
    <div class="tools">
      <span>字号：[<a href="javascript:doZoom(20)">大</a>][<a href="javascript:doZoom(16)">中</a>][<a href="javascript:doZoom(14)">小</a>]</span>
      <span><a href="javascript:window.print()">打印本页</a></span>
      <span><a href="javascript:window.close()">关闭窗口</a></span>
      <span>浏览次数：<em id="hits">2318</em></span>
    </div>
    <div id="zoom" class="TRS_Editor">
)~" + p.article + R"~(
    </div>
)~" + p.after_article + R"~(
    <div class="ewm"><div id="qrcode"></div><span>扫一扫在手机打开当前页</span></div>
  </div>
  <div class="related">
    <h3>相关文章</h3>
    <ul>
      <li><a href="/zcjd/content/art_4401287.html">《某某市支持中小企业专精特新发展若干措施》政策解读</a><span>2024-03-08</span></li>
      <li><a href="/bmdt/content/art_4398830.html">全市专精特新企业培育工作推进会召开</a><span>2024-02-27</span></li>
      <li><a href="/szfwj/content/art_4387654.html">市政府关于促进民营经济发展壮大的实施意见</a><span>2024-01-12</span></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p><a href="/gywm/">关于我们</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a></p>
  <p>主办单位：某某市人民政府办公室　承办单位：某某市大数据管理局</p>
  <p>网站标识码：3200000001　<a href="https://beian.miit.gov.cn/">苏ICP备05000001号-1</a>　<a href="http://www.beian.gov.cn/">苏公网安备 32000002000001号</a></p>
  <p>版权所有 &copy; 某某市人民政府　联系电话：0000-12345678</p>
</div>
</body>
</html>
)~";
}

// ============================================================= encodings ==

TEST_CASE("ExtractHtml: encodings") {
  SUBCASE("samples/000: GBK labelled gb2312 decodes as GB18030, GBK-only characters intact") {
    Extracted ex = MustExtract(Sample("000_416e64e656112d15.html"), Opts("000.html"));
    CHECK(ex.source.format == SourceFormat::kHtml);
    CHECK(ex.source.encoding == "gb18030");
    CHECK(ex.source.encoding_source == "meta");
    CAPTURE(WarningCodes(ex.warnings));
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kUndecodableBytes));
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kCharsetMismatch));
    CHECK(ex.text.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
    // 镕 (related article) and 堃 (footer contact) are GBK, not GB2312; they
    // sit in page furniture.
    CAPTURE(Describe(ex, "江苏镕盛安防科技产业园"));
    CHECK(OnlyIn(ex, "江苏镕盛安防科技产业园", BlockKind::kChrome));
    CAPTURE(Describe(ex, "网站联系人：王堃"));
    CHECK(OnlyIn(ex, "网站联系人：王堃", BlockKind::kChrome));
    CHECK(OnlyIn(ex, "繁體", BlockKind::kChrome));
    CHECK(OnlyIn(ex, "鼓励支持安防产业项目招引培育", BlockKind::kParagraph));
  }

  SUBCASE("samples/002: UTF-8 with a BOM") {
    Extracted ex = MustExtract(Sample("002_9825fd42b4a1cf31.html"), Opts("002.html"));
    CHECK(ex.source.encoding == "utf-8");
    CHECK(ex.source.encoding_source == "bom");
    CHECK(ex.text.find("\xEF\xBB\xBF") == std::string::npos);
    CHECK(OnlyIn(ex, "(一)指导思想", BlockKind::kParagraph));
    CHECK(ex.warnings.empty());
  }

  SUBCASE("samples/003: Big5 labelled big5") {
    Extracted ex = MustExtract(Sample("003_838b7ceec8d27e5e.html"), Opts("003.html"));
    CHECK(ex.source.encoding == "big5");
    CHECK(ex.source.encoding_source == "meta");
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kUndecodableBytes));
    CAPTURE(Describe(ex, "連云港市重大產業創新平臺建設實施方案》已經"));
    CHECK(OnlyIn(ex, "《連云港市重大產業創新平臺建設實施方案》已經市十四屆政府第68次常務會議審議通過",
                 BlockKind::kParagraph));
    CHECK(OnlyIn(ex, "簡體版", BlockKind::kChrome));
  }

  SUBCASE("samples/004: no declaration anywhere, valid UTF-8") {
    Extracted ex = MustExtract(Sample("004_ebfee30354606d84.html"), Opts("004.html"));
    CHECK(ex.source.encoding == "utf-8");
    CHECK(ex.source.encoding_source == "utf8");
    CHECK(ex.warnings.empty());
    CHECK(OnlyIn(ex, "(二)加快规上企业培育扩容", BlockKind::kParagraph));
  }

  SUBCASE("a page declaring utf-8 but saved in GBK decodes as GB18030 with charset_mismatch") {
    Page page;  // the template says <meta charset="utf-8">
    const std::string bytes = EncodeAs(Render(page), "GBK");
    REQUIRE(bytes != Render(page));
    Extracted ex = MustExtract(bytes);
    CHECK(ex.source.encoding == "gb18030");
    CHECK(ex.source.encoding_source == "detected");
    const Warning* w = FindWarning(ex.warnings, WarningCode::kCharsetMismatch);
    REQUIRE(w != nullptr);
    CAPTURE(w->message);
    CHECK(w->message.find("utf-8") != std::string::npos);
    CHECK(w->message.find("gb18030") != std::string::npos);
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kUndecodableBytes));
    CAPTURE(Describe(ex, "专精特新“小巨人”企业"));
    CHECK(OnlyIn(ex, "（一）对新认定的国家级专精特新“小巨人”企业，给予一次性奖励50万元",
                 BlockKind::kParagraph));
    CHECK(ex.text.find("\xEF\xBF\xBD") == std::string::npos);
  }

  SUBCASE("a page whose declaration matches its bytes has no charset_mismatch") {
    Extracted ex = MustExtract(Render(Page{}));
    CHECK(ex.source.encoding == "utf-8");
    CHECK(ex.source.encoding_source == "meta");
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kCharsetMismatch));
  }

  SUBCASE("the caller's declared_charset (HTTP header) overrides <meta charset>") {
    // A GBK page whose template says big5: the server's charset is right.
    Page page;
    page.head = R"~(<meta http-equiv="Content-Type" content="text/html; charset=big5">)~";
    const std::string bytes = EncodeAs(Render(page), "GBK");
    for (const std::string& declared : std::vector<std::string>{"gbk", "GB2312", "gb18030"}) {
      CAPTURE(declared);
      Extracted ex = MustExtract(bytes, Opts("page.html", std::nullopt, std::string(declared)));
      CHECK(ex.source.encoding == "gb18030");
      CHECK(ex.source.encoding_source == "declared");
      CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kCharsetMismatch));
      CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kUndecodableBytes));
      CHECK(OnlyIn(ex, "某某市人民政府办公室关于印发某某市支持中小企业专精特新发展若干措施的通知",
                   BlockKind::kHeading));
    }
    // Without the header the page's own (wrong) big5 label is used.
    Extracted wrong = MustExtract(bytes);
    CHECK(wrong.source.encoding == "big5");
    CHECK(wrong.source.encoding_source == "meta");
    CHECK(wrong.text.find("专精特新") == std::string::npos);
  }

  SUBCASE("declared utf-8 over a page labelled gb2312 that is UTF-8") {
    Page page;
    page.head = R"~(<meta charset="gb2312">)~";
    Extracted ex = MustExtract(Render(page), Opts("page.html", std::nullopt, std::string("utf-8")));
    CHECK(ex.source.encoding == "utf-8");
    CHECK(ex.source.encoding_source == "declared");
    CHECK(ex.text.find("专精特新") != std::string::npos);
  }
}

TEST_CASE("Extract: saved pages go to the HTML extractor") {
  const std::string bytes = Sample("004_ebfee30354606d84.html");
  for (const std::string& path : std::vector<std::string>{"004.html", "004.shtml", "download", "004.txt"}) {
    CAPTURE(path);
    Result<Extracted> r = Extract(bytes, Opts(path));
    REQUIRE(r.ok());
    CHECK(r.value().source.format == SourceFormat::kHtml);
    CHECK(r.value().source.path == path);
    CHECK(OnlyIn(r.value(), "(二)加快规上企业培育扩容", BlockKind::kParagraph));
  }
}

// ====================================================== body versus chrome ==

struct ChromeCase {
  std::string file;
  std::vector<std::string> chrome;  // page furniture, in the page's script
  std::vector<std::string> body;    // article paragraphs
  std::string heading;              // the title block
};

const std::vector<ChromeCase>& ChromeCases() {
  static const std::vector<ChromeCase> cases = {
      {"000_416e64e656112d15.html",
       {"欢迎访问连云港市人民政府门户网站", "网站地图", "当前位置：首页", "字号：[大][中][小]",
        "打印本页", "关闭窗口", "浏览次数：1386", "扫一扫在手机打开当前页", "相关文章",
        "关于加快连云港市安防产业高质量发展实施意见2025-08-12", "主办单位：", "网站标识码：3207000014",
        "苏ICP备05006925号-1", "苏公网安备", "版权所有"},
       {"各县、区人民政府,市各委办局,市各直属单位:", "一、增强科技创新能力",
        "1. 强化关键核心技术攻关", "15. 支持建设国家级安防产品交易平台",
        "本政策措施自2025年9月5日起施行,有效期至2030年9月4日。"},
       "市政府办公室关于印发连云港市支持安防产业高质量发展若干政策措施的通知"},
      {"002_9825fd42b4a1cf31.html",
       {"今天是：", "长者模式", "当前位置：首页", "字号：[大][中][小]", "打印本页", "浏览次数：",
        "扫一扫在手机打开当前页", "相关文章", "连云港经济技术开发区投资指南2023-11-27",
        "网站标识码：3207000014", "苏ICP备05006925号-1", "版权所有"},
       {"一、总体要求", "(一)指导思想", "国家高新区R&D经费支出占GDP比重达到7%以上",
        "(二十六)加强指导服务"},
       "连云港推进高新技术产业开发区高质量发展政策(附招商电话)"},
      {"003_838b7ceec8d27e5e.html",
       {"歡迎訪問連云港市人民政府門戶網站", "首頁政務公開", "通知公告：", "當前位置：首頁",
        "字號：[大][中][小]", "打印本頁", "瀏覽次數：2671", "掃一掃在手機打開當前頁", "相關文章",
        "市科技局召開重大產業創新平臺建設推進會", "網站標識碼：3207000014", "蘇ICP備05006925號-1",
        "版權所有"},
       {"《連云港市重大產業創新平臺建設實施方案》已經", "各縣、區人民政府,市各有關單位:", "一、總體思路",
        "(一)技術創新中心(國家級、省級)", "備注:各縣區及功能板塊可根據主導產業"},
       "市政府辦公室關于印發連云港市重大產業創新平臺建設實施方案的通知"},
      {"004_ebfee30354606d84.html",
       {"当前位置：首页", "字号：[大][中][小]", "打印本页", "关闭窗口", "浏览次数：945",
        "扫一扫在手机打开当前页", "相关文章", "我市新增5家省级智能制造示范工厂2025-11-12",
        "网站标识码：3207000014", "苏ICP备05006925号-1", "版权所有"},
       {"(此件公开发布)", "(一)推动特色优势产业发展", "个项目)。",
        "抄送: 市委各部门", "2025年11月25日印发"},
       "市政府办公室关于印发加快建设制造强市若干政策措施的通知"},
      {"table_policy.html",
       {"欢迎访问徐州市人民政府门户网站", "当前位置：首页", "字号：[大][中][小]", "打印本页",
        "浏览次数：3120", "扫一扫在手机打开当前页", "相关文章",
        "全市数字经济高质量发展推进大会召开2024-06-25", "网站标识码：3203000002",
        "苏ICP备05007220号-1", "版权所有"},
       {"（此件公开发布）", "（一）鼓励企业规模化发展", "（五）支持创新平台建设",
        "（责任单位：市工业和信息化局、市发展改革委、市科技局、市财政局）",
        "本政策措施由市工业和信息化局会同市财政局负责解释"},
       "徐州市人民政府办公室关于印发徐州市支持数字经济核心产业高质量发展若干政策措施的通知"},
  };
  return cases;
}

TEST_CASE("ExtractHtml: article paragraphs versus page chrome") {
  SUBCASE("samples: navigation, breadcrumb, tool bar, related list and footer are chrome") {
    for (const ChromeCase& c : ChromeCases()) {
      CAPTURE(c.file);
      Extracted ex = MustExtract(Sample(c.file), Opts(c.file));
      for (const std::string& s : c.chrome) {
        CAPTURE(s);
        CAPTURE(Describe(ex, s));
        CHECK(OnlyIn(ex, s, BlockKind::kChrome));
      }
      for (const std::string& s : c.body) {
        CAPTURE(s);
        CAPTURE(Describe(ex, s));
        CHECK(OnlyIn(ex, s, BlockKind::kParagraph));
      }
      // The title is one heading block ahead of the article.
      int headings = 0;
      for (const Block& b : ex.blocks) {
        if (b.kind == BlockKind::kHeading && TextOf(ex, b) == c.heading) {
          ++headings;
          CHECK(b.heading_level == 1);
        }
      }
      CHECK(headings == 1);
      CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kAllChrome));
    }
  }

  SUBCASE("a template page: every piece of furniture is chrome, every paragraph body") {
    Extracted ex = MustExtract(Render(Page{}));
    for (const std::string& s : std::vector<std::string>{"欢迎访问某某市人民政府门户网站", "繁體版", "首页", "政务服务",
                          "当前位置：首页 > 政务公开 > 政府文件", "字号：[大][中][小]", "打印本页",
                          "关闭窗口", "浏览次数：2318", "扫一扫在手机打开当前页", "相关文章",
                          "全市专精特新企业培育工作推进会召开", "关于我们", "主办单位：",
                          "网站标识码：3200000001", "苏ICP备05000001号-1", "苏公网安备",
                          "版权所有"}) {
      CAPTURE(s);
      CAPTURE(Describe(ex, s));
      CHECK(OnlyIn(ex, s, BlockKind::kChrome));
    }
    for (const std::string& s : std::vector<std::string>{"各县（市、区）人民政府，市各委办局，市各直属单位：",
                          "《某某市支持中小企业专精特新发展若干措施》已经市政府第二十一次常务会议审议通过",
                          "2024年3月5日", "（此件公开发布）", "一、加大梯度培育力度",
                          "（二）对年度研发投入增长超过20%的专精特新企业",
                          "本措施自2024年4月1日起施行"}) {
      CAPTURE(s);
      CAPTURE(Describe(ex, s));
      CHECK(OnlyIn(ex, s, BlockKind::kParagraph));
    }
    // Paragraphs stay one block each, in reading order.
    auto a = BlocksWith(ex, "（一）对新认定的国家级专精特新");
    auto b = BlocksWith(ex, "（二）对年度研发投入增长");
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0] != b[0]);
    CHECK(a[0]->end < b[0]->begin);
    CHECK(a[0]->line.has_value());
  }

  SUBCASE("through Process: no furniture in the Policy text, each removal logged") {
    struct Run {
      std::string name, bytes;
      std::vector<std::string> logged;  // as the page spells it
    };
    std::vector<Run> runs = {
        {"page.html", Render(Page{}), {"网站标识码", "ICP备", "当前位置", "打印本页", "浏览次数", "相关文章"}},
        {"000.html", Sample("000_416e64e656112d15.html"), {"网站标识码", "ICP备", "当前位置", "打印本页", "浏览次数", "相关文章"}},
        {"002.html", Sample("002_9825fd42b4a1cf31.html"), {"网站标识码", "ICP备", "当前位置", "打印本页", "浏览次数", "相关文章"}},
        {"003.html", Sample("003_838b7ceec8d27e5e.html"), {"網站標識碼", "ICP備", "當前位置", "打印本頁", "瀏覽次數", "相關文章"}},
        {"004.html", Sample("004_ebfee30354606d84.html"), {"网站标识码", "ICP备", "当前位置", "打印本页", "浏览次数", "相关文章"}},
        {"table_policy.html", Sample("table_policy.html"), {"网站标识码", "ICP备", "当前位置", "打印本页", "浏览次数", "相关文章"}},
    };
    for (const Run& run : runs) {
      CAPTURE(run.name);
      Policy p = MustProcess(run.bytes, run.name);
      CHECK(p.source.format == SourceFormat::kHtml);
      for (const std::string& s : std::vector<std::string>{"网站标识码", "ICP备", "当前位置", "打印本页", "浏览次数", "相关文章",
                            "網站標識碼", "ICP備", "當前位置", "打印本頁", "字号", "版权所有",
                            "扫一扫"}) {
        CAPTURE(s);
        CHECK(p.text.find(s) == std::string::npos);
      }
      for (const std::string& s : run.logged) {
        CAPTURE(s);
        CHECK(Removed(p, RepairKind::kChromeRemoved, s));
      }
      CHECK(p.clauses.size() >= 3);
    }
  }

  SUBCASE("a page that is all navigation keeps its text and warns all_chrome") {
    // The 网站地图 page of an HTML5 template: header, nav and footer only.
    const std::string page = R"~(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>网站地图_某某市人民政府</title></head>
<body>
<header class="site-header"><a class="logo" href="/"><img src="/img/logo.png" alt="某某市人民政府"></a>
  <nav class="main-nav"><ul>
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
  </ul></nav>
</header>
<nav class="sitemap">
  <h3><a href="/zwgk/">政务公开</a></h3>
  <ul>
    <li><a href="/zwgk/szfwj/">市政府文件</a></li>
    <li><a href="/zwgk/szfbgswj/">市政府办公室文件</a></li>
    <li><a href="/zwgk/bmwj/">部门文件</a></li>
    <li><a href="/zwgk/zcjd/">政策解读</a></li>
  </ul>
</nav>
<footer><a href="/gywm/">关于我们</a> | <a href="/lxwm/">联系我们</a>
  <p>网站标识码：3200000001 <a href="https://beian.miit.gov.cn/">苏ICP备05000001号-1</a></p></footer>
</body></html>)~";
    Extracted ex = MustExtract(page);
    CAPTURE(WarningCodes(ex.warnings));
    const Warning* w = FindWarning(ex.warnings, WarningCode::kAllChrome);
    REQUIRE(w != nullptr);
    CHECK_FALSE(w->span.has_value());
    for (const std::string& s : std::vector<std::string>{"首页", "政务服务", "市政府文件", "市政府办公室文件", "部门文件", "政策解读",
                          "关于我们", "网站标识码"}) {
      CAPTURE(s);
      CAPTURE(Describe(ex, s));
      auto blocks = BlocksWith(ex, s);
      REQUIRE_FALSE(blocks.empty());
      for (const Block* b : blocks) CHECK(b->kind == BlockKind::kParagraph);
    }
    // Nothing is left for normalize to drop as chrome.
    for (const Block& b : ex.blocks) CHECK(b.kind != BlockKind::kChrome);
  }

  SUBCASE("a normal page has no all_chrome warning") {
    for (const ChromeCase& c : ChromeCases()) {
      CAPTURE(c.file);
      CHECK_FALSE(HasWarning(MustExtract(Sample(c.file)).warnings, WarningCode::kAllChrome));
    }
    CHECK_FALSE(HasWarning(MustExtract(Render(Page{})).warnings, WarningCode::kAllChrome));
  }
}

// BUG: input: a template page whose article is a short 通知 of one long
// paragraph (about 300 Han characters) between its addressee line
// "各县（市、区）人民政府，市各委办局，市各直属单位：" and its signature
// "某某市人民政府办公室" / "2024年3月5日", all <p> inside <div id="zoom">.
// Expected: addressee, signature and date are kParagraph (body) and the
// Policy keeps them (text has the addressee line and 2024年3月5日, issuer
// 某某市人民政府办公室, addressees non-empty).
// Actual: the long <p> alone holds 60% of the page's text, FindContainer
// descends into it, and the addressee, signature and date become kChrome
// blocks that normalize removes as chrome_removed: the Policy text starts
// with the long paragraph, issuer is null, addressees are empty.
TEST_CASE("ExtractHtml: a one-paragraph notice keeps its addressees and signature") {
  Page page;
  page.title = "某某市人民政府办公室关于做好2024年度中小企业服务月活动的通知";
  page.article =
      R"~(<p style="text-indent:2em">各县（市、区）人民政府，市各委办局，市各直属单位：</p>
<p style="text-indent:2em">为深入贯彻落实国家和省关于促进中小企业发展的决策部署，进一步优化营商环境，经市政府同意，现就做好2024年度中小企业服务月活动有关事项通知如下：各地各部门要高度重视，精心组织，结合实际制定具体工作方案，认真做好政策宣传解读，主动对接企业需求，帮助企业解决生产经营中的实际困难，推动各项惠企政策直达快享；要建立问题台账，实行清单化管理，明确责任单位和办结时限，确保企业反映的问题件件有回音、事事有着落；要加强工作督查，对工作推进不力、企业反映强烈的地区和部门予以通报，并于2024年4月30日前将活动开展情况报送市工业和信息化局。</p>
<p style="text-align:right">某某市人民政府办公室</p>
<p style="text-align:right">2024年3月5日</p>)~";
  const std::string html = Render(page);
  Extracted ex = MustExtract(html);
  for (const std::string& s : std::vector<std::string>{"各县（市、区）人民政府，市各委办局，市各直属单位：", "2024年3月5日"}) {
    CAPTURE(s);
    CAPTURE(Describe(ex, s));
    CHECK(OnlyIn(ex, s, BlockKind::kParagraph));
  }
  Policy p = MustProcess(html, "notice.html");
  const std::string issuer = p.metadata.issuer.value_or("(null)");
  CAPTURE(issuer);
  CHECK(p.text.find("各县（市、区）人民政府") != std::string::npos);
  CHECK(p.text.find("2024年3月5日") != std::string::npos);
  CHECK(issuer == "某某市人民政府办公室");
  CHECK_FALSE(p.metadata.addressees.empty());
}

// BUG: input: a 政府文件 column list page (栏目列表页) that crawls often save:
// the template's nav/breadcrumb/footer plus <div class="list"><ul> of links
// "<li><a href=...>市政府关于……的通知</a><span>2024-03-01</span></li>", so
// every Han character of the page is inside a link or page chrome.
// Expected: no article body exists (the extractor finds no container: body
// text outside links is 0), so the page keeps its text and warns all_chrome.
// Actual: no warning; the list items come out as kParagraph blocks, because
// all_chrome is only raised when every block is kChrome, and the <div
// class="list"> has no chrome class.
TEST_CASE("ExtractHtml: a list page of links warns all_chrome") {
  const std::string page = R"~(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>市政府文件_某某市人民政府</title></head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/szfwj/">市政府文件</a></div>
<div class="list">
  <ul>
    <li><a href="/zwgk/szfwj/content/art_101.html">市政府关于印发某某市支持中小企业专精特新发展若干措施的通知</a><span>2024-03-08</span></li>
    <li><a href="/zwgk/szfwj/content/art_100.html">市政府关于促进民营经济发展壮大的实施意见</a><span>2024-01-12</span></li>
    <li><a href="/zwgk/szfwj/content/art_099.html">市政府关于印发某某市国土空间总体规划实施方案的通知</a><span>2023-11-22</span></li>
    <li><a href="/zwgk/szfwj/content/art_098.html">市政府关于加快推进数字经济高质量发展的实施意见</a><span>2023-10-09</span></li>
  </ul>
</div>
<div class="footer"><p>主办单位：<a href="/">某某市人民政府办公室</a></p><p><a href="https://beian.miit.gov.cn/">苏ICP备05000001号-1</a></p></div>
</body></html>)~";
  Extracted ex = MustExtract(page);
  CAPTURE(WarningCodes(ex.warnings));
  CHECK(HasWarning(ex.warnings, WarningCode::kAllChrome));
  CHECK_FALSE(BlocksWith(ex, "市政府关于促进民营经济发展壮大的实施意见").empty());
}

// ================================================ the 政府信息公开 table ==

TEST_CASE("ExtractHtml: the 政府信息公开 metadata block in its four forms") {
  struct Form {
    std::string file;
    std::vector<std::pair<std::string, std::string>> fields;  // label as printed -> value
    std::vector<std::string> absent;                          // labels with no value
    std::string index_number;
  };
  const std::vector<Form> forms = {
      // <table> with &nbsp;-padded labels in their own cells
      {"000_416e64e656112d15.html",
       {{"索引号", "k12498411/2025-00108"}, {"发布机构", "市政府办"}, {"发文日期", "2025-09-05"},
        {"主题分类", "科技、教育\\科技"},
        {"标题", "市政府办公室关于印发连云港市支持安防产业高质量发展若干政策措施的通知"},
        {"文号", "连政办规〔2025〕5号"}, {"时效", "有效"}},
       {"主题词"},
       "k12498411/2025-00108"},
      // <ul><li><span>label</span>value</li>, 文号 and 成文日期 empty
      {"002_9825fd42b4a1cf31.html",
       {{"索引号", "014238401/2023-00427"}, {"发布机构", "市商务局"}, {"发布日期", "2023-11-28"},
        {"标题", "连云港推进高新技术产业开发区高质量发展政策(附招商电话)"}, {"时效", "有效"}},
       {"文号", "成文日期"},
       "014238401/2023-00427"},
      // <dl><dt><dd> with traditional labels padded by ideographic spaces
      {"003_838b7ceec8d27e5e.html",
       {{"索引號", "k12498411/2022-00157"}, {"發布機構", "市政府辦"}, {"成文日期", "2021-04-12"},
        {"發布日期", "2022-05-19"},
        {"標題", "市政府辦公室關于印發連云港市重大產業創新平臺建設實施方案的通知"},
        {"文號", "連政辦發〔2021〕18號"}, {"時效", "有效"}},
       {},
       "k12498411/2022-00157"},
      // one <div> line, fields separated by &nbsp;&nbsp;
      {"004_ebfee30354606d84.html",
       {{"索引号", "k12498411/2025-00131"}, {"发布机构", "市政府办"}, {"发布日期", "2025-11-28"},
        {"成文日期", "2025-11-25"},
        {"标题", "市政府办公室关于印发加快建设制造强市若干政策措施的通知"},
        {"文号", "连政办规〔2025〕6号"}, {"主题分类", "工业、交通\\其他"}, {"时效", "有效"}},
       {},
       "k12498411/2025-00131"},
      // <table> with <th> labels
      {"table_policy.html",
       {{"索引号", "014069085/2024-00127"}, {"发布机构", "市政府办公室"},
        {"成文日期", "2024-06-18"}, {"发布日期", "2024-06-21"},
        {"文号", "徐政办规〔2024〕4号"}, {"时效", "有效"}},
       {},
       "014069085/2024-00127"},
  };
  SUBCASE("samples: table, list, definition list and one-line forms give the fields") {
    for (const Form& f : forms) {
      CAPTURE(f.file);
      Extracted ex = MustExtract(Sample(f.file), Opts(f.file));
      std::string all;
      for (const PageField& pf : ex.page_fields) all += "[" + pf.label + "=" + pf.value + "] ";
      CAPTURE(all);
      for (const auto& [label, value] : f.fields) {
        CAPTURE(label);
        CHECK(Field(ex, label) == std::optional<std::string>(value));
      }
      for (const std::string& label : f.absent) {
        CAPTURE(label);
        CHECK_FALSE(Field(ex, label).has_value());
      }
      for (const PageField& pf : ex.page_fields) {
        CAPTURE(pf.label);
        CHECK_FALSE(pf.value.empty());
        CHECK(pf.label.find(' ') == std::string::npos);
        CHECK(pf.label.find("：") == std::string::npos);
      }
      // The block is metadata, not body text, and there is exactly one.
      CAPTURE(Describe(ex, f.index_number));
      CHECK(OnlyIn(ex, f.index_number, BlockKind::kMetadata));
      int metadata_blocks = 0;
      for (const Block& b : ex.blocks) metadata_blocks += b.kind == BlockKind::kMetadata;
      CHECK(metadata_blocks == 1);
    }
  }

  SUBCASE("through Process: the table feeds the metadata and leaves the text") {
    struct Expect {
      std::string file;
      std::string index_number, publisher;
    };
    for (const Expect& e : {Expect{"000_416e64e656112d15.html", "k12498411/2025-00108", "市政府办"},
                            Expect{"002_9825fd42b4a1cf31.html", "014238401/2023-00427", "市商务局"},
                            Expect{"004_ebfee30354606d84.html", "k12498411/2025-00131", "市政府办"},
                            Expect{"table_policy.html", "014069085/2024-00127", "市政府办公室"}}) {
      CAPTURE(e.file);
      Policy p = MustProcess(Sample(e.file), e.file);
      CHECK(p.metadata.index_number == std::optional<std::string>(e.index_number));
      CHECK(p.metadata.publisher == std::optional<std::string>(e.publisher));
      CHECK(p.text.find(e.index_number) == std::string::npos);
      CHECK(p.text.find("索引号") == std::string::npos);
      CHECK(FindRepair(p, RepairKind::kMetadataTable) != nullptr);
    }
  }

  SUBCASE("a template page's table") {
    Extracted ex = MustExtract(Render(Page{}));
    CHECK(Field(ex, "索引号") == std::optional<std::string>("113200000001/2024-00215"));
    CHECK(Field(ex, "发布机构") == std::optional<std::string>("市政府办公室"));
    CHECK(Field(ex, "文号") == std::optional<std::string>("某政办规〔2024〕3号"));
    CHECK(Field(ex, "成文日期") == std::optional<std::string>("2024-03-05"));
    CHECK(OnlyIn(ex, "113200000001/2024-00215", BlockKind::kMetadata));
  }

  SUBCASE("two labels are no metadata block") {
    Page page;
    page.metadata = R"~(<div class="info"><span>发布日期：2024-03-08</span><span>来源：市政府办公室</span></div>)~";
    Extracted ex = MustExtract(Render(page));
    for (const Block& b : ex.blocks) CHECK(b.kind != BlockKind::kMetadata);
    CHECK(ex.page_fields.empty());
  }
}

// ============================================================ data tables ==

TEST_CASE("ExtractHtml: data tables") {
  SUBCASE("samples/table_policy: rows, header row, spanned cells left empty with their source") {
    const std::string html = Sample("table_policy.html");
    Extracted ex = MustExtract(html, Opts("table_policy.html"));
    auto rows = Rows(ex);
    REQUIRE(rows.size() == 8);
    std::vector<std::string> lines;
    {
      size_t pos = 0;
      while (pos <= html.size()) {
        size_t nl = html.find('\n', pos);
        if (nl == std::string::npos) nl = html.size();
        lines.push_back(html.substr(pos, nl - pos));
        pos = nl + 1;
      }
    }
    const std::vector<std::vector<std::string>> want = {
        {"序号", "支持事项", "支持标准", "责任单位"},
        {"1", "国家级制造业创新中心", "最高1000万元", "市工业和信息化局"},
        {"2", "省级制造业创新中心", "最高300万元", ""},
        {"3", "江苏省首版次软件产品", "20万元/项", ""},
        {"4", "国家级、省级工程研究中心", "分别给予300万元、50万元", "市发展改革委"},
        {"5", "获上级专项资金支持的公共技术服务平台", "按上级资金1:1配套，最高200万元", "市科技局"},
        {"6", "省级重点实验室", "100万元/家", ""},
        {"备注", "同一平台升级的，按差额给予支持。所需资金由市与县（市）区按1:1比例分担。", "", ""},
    };
    // {rows up, column} of every cell.
    using S = std::vector<std::pair<int, int>>;
    const std::vector<S> sources = {
        {{0, 0}, {0, 1}, {0, 2}, {0, 3}}, {{0, 0}, {0, 1}, {0, 2}, {0, 3}},
        {{0, 0}, {0, 1}, {0, 2}, {1, 3}}, {{0, 0}, {0, 1}, {0, 2}, {2, 3}},
        {{0, 0}, {0, 1}, {0, 2}, {0, 3}}, {{0, 0}, {0, 1}, {0, 2}, {0, 3}},
        {{0, 0}, {0, 1}, {0, 2}, {1, 3}}, {{0, 0}, {0, 1}, {0, 1}, {0, 1}},
    };
    for (size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(i);
      const std::string text = TextOf(ex, *rows[i]);
      CAPTURE(text);
      CHECK(Cells(text) == want[i]);
      CHECK(rows[i]->header_row == (i == 0));
      CHECK(rows[i]->table == rows[0]->table);
      CHECK(rows[i]->cell_source == sources[i]);
      // The row's line is the <tr> in the page.
      REQUIRE(rows[i]->line.has_value());
      REQUIRE(*rows[i]->line >= 1);
      REQUIRE(static_cast<size_t>(*rows[i]->line) <= lines.size());
      const std::string& src = lines[static_cast<size_t>(*rows[i]->line) - 1];
      CAPTURE(src);
      CHECK(src.find("<tr>") != std::string::npos);
      CHECK(src.find(want[i][1]) != std::string::npos);
    }
    CHECK(rows[0]->table == 0);
    // A spanning cell's text is in the text once.
    int with_unit = 0;
    for (const Block* r : rows) with_unit += TextOf(ex, *r).find("市工业和信息化局") != std::string::npos;
    CHECK(with_unit == 1);
    CHECK(ex.text.find("1:1比例分担") == ex.text.rfind("1:1比例分担"));
    // Paragraphs around the table stay paragraphs.
    CHECK(OnlyIn(ex, "（五）支持创新平台建设。对新获批的各类数字经济创新平台", BlockKind::kParagraph));
    CHECK(OnlyIn(ex, "（责任单位：市工业和信息化局、市发展改革委、市科技局、市财政局）",
                 BlockKind::kParagraph));
  }

  SUBCASE("through Process: header, rows with spanned cells filled, 备注 amounts read once") {
    Policy p = MustProcess(Sample("table_policy.html"), "table_policy.html");
    REQUIRE(p.tables.size() == 1);
    const Table& t = p.tables[0];
    CHECK(t.header == std::vector<std::string>{"序号", "支持事项", "支持标准", "责任单位"});
    REQUIRE(t.rows.size() == 7);
    const std::vector<std::string> units = {"市工业和信息化局", "市工业和信息化局", "市工业和信息化局",
                                            "市发展改革委", "市科技局", "市科技局"};
    for (size_t i = 0; i < units.size(); ++i) {
      CAPTURE(i);
      REQUIRE(t.rows[i].size() == 4);
      CHECK(t.rows[i][0] == std::to_string(i + 1));
      CHECK(t.rows[i][3] == units[i]);
    }
    const std::string note = "同一平台升级的，按差额给予支持。所需资金由市与县（市）区按1:1比例分担。";
    CHECK(t.rows[6] == std::vector<std::string>{"备注", note, note, note});
    CHECK(t.rows[2][2] == "20万元/项");
    CHECK(t.span.begin < t.span.end);

    // The 备注 row in the text: its cells after the first are empty.
    const size_t row_at = p.text.find("备注\t");
    REQUIRE(row_at != std::string::npos);
    const size_t row_end = p.text.find('\n', row_at);
    REQUIRE(row_end != std::string::npos);
    CHECK(p.text.substr(row_at, row_end - row_at) == "备注\t" + note + "\t\t");
    const int64_t cp_begin = CodePointAt(p.text, row_at);
    const int64_t cp_end = CodePointAt(p.text, row_end);
    CHECK(t.span.begin <= cp_begin);
    CHECK(cp_end <= t.span.end);

    const Clause* clause = nullptr;
    for (const Clause& c : p.clauses) {
      if (c.path == std::vector<int>{2, 5}) clause = &c;
    }
    REQUIRE(clause != nullptr);
    std::vector<int64_t> money;
    int ratios = 0, in_note = 0;
    for (const Amount& a : clause->amounts) {
      if (a.kind == AmountKind::kMoney) money.push_back(a.fen);
      if (a.kind == AmountKind::kRatio) {
        ++ratios;
        CHECK(a.ratio == std::vector<double>{1, 1});
      }
    }
    for (const Clause& c : p.clauses) {
      for (const Amount& a : c.amounts) {
        if (a.span.begin >= cp_begin && a.span.end <= cp_end) {
          CAPTURE(a.text);
          ++in_note;
          CHECK(a.kind == AmountKind::kRatio);
        }
      }
    }
    // Gold (samples/gold/table_policy.json), yuan in reading order.
    CHECK(money == std::vector<int64_t>{1000000000, 300000000, 20000000, 300000000, 50000000,
                                        200000000, 100000000});
    CHECK(ratios == 2);
    CHECK(in_note == 1);
  }

  SUBCASE("samples/003: &nbsp; cells are empty, <br> inside a cell is a space") {
    Extracted ex = MustExtract(Sample("003_838b7ceec8d27e5e.html"));
    auto rows = Rows(ex);
    REQUIRE(rows.size() == 10);
    for (const Block* r : rows) {
      CAPTURE(TextOf(ex, *r));
      CHECK(Cells(TextOf(ex, *r)).size() == 5);
      CHECK(r->cell_source.size() == 5);
    }
    CHECK(Cells(TextOf(ex, *rows[1])) ==
          std::vector<std::string>{"1", "東海縣", "硅材料、現代農業", "10", ""});
    CHECK(Cells(TextOf(ex, *rows[5]))[1] == "海州區 (高新區)");
    CHECK(Cells(TextOf(ex, *rows[9])) == std::vector<std::string>{"", "總計", "", "80", "4"});
  }

  SUBCASE("layout tables (nested tables) are not data tables") {
    // samples/000 is laid out with nested tables only.
    Extracted ex = MustExtract(Sample("000_416e64e656112d15.html"));
    CHECK(Rows(ex).empty());
    CHECK(OnlyIn(ex, "1. 强化关键核心技术攻关", BlockKind::kParagraph));

    Page page;
    page.article = R"~(<table width="100%" border="0" cellpadding="0" cellspacing="0">
  <tr>
    <td width="70%" valign="top">
      <table width="100%" border="0"><tr><td>)~" + Page{}.article + R"~(</td></tr></table>
    </td>
    <td width="30%" valign="top">专题专栏：优化营商环境</td>
  </tr>
  <tr><td colspan="2" align="center">本页面内容由市政府办公室提供</td></tr>
</table>)~";
    Extracted nested = MustExtract(Render(page));
    CAPTURE(Describe(nested, "专题专栏：优化营商环境"));
    for (const std::string& s : std::vector<std::string>{"专题专栏：优化营商环境", "（一）对新认定的国家级专精特新",
                          "本页面内容由市政府办公室提供"}) {
      CAPTURE(s);
      CAPTURE(Describe(nested, s));
      auto blocks = BlocksWith(nested, s);
      REQUIRE_FALSE(blocks.empty());
      for (const Block* b : blocks) CHECK(b->kind != BlockKind::kTableRow);
    }
    CHECK(OnlyIn(nested, "（二）对年度研发投入增长超过20%的专精特新企业", BlockKind::kParagraph));
  }

  SUBCASE("a single-row table is no data table") {
    Page page;
    page.article += R"~(<table border="1"><tr><td>联系人：张三</td><td>联系电话：0000-87654321</td></tr></table>)~";
    Extracted ex = MustExtract(Render(page));
    CHECK(Rows(ex).empty());
  }
}

// BUG: input: a data table (inside the article of a template page) whose
// 责任单位 cell has rowspan="3" over an all-empty spacer row:
//   <tr><td>1</td><td>国家级中心</td><td>100万元</td><td rowspan="3">市工信局</td></tr>
//   <tr><td></td><td></td><td></td></tr>
//   <tr><td>2</td><td>省级中心</td><td>20万元</td></tr>
// Expected: the spacer row is dropped and row "2" points one row up at the
// spanning cell (cell_source {1, 3}), so Policy.tables fills it with 市工信局.
// Actual: row_index still counts the dropped row, cell_source is {2, 3}, and
// Policy.tables[0].rows[1][3] is "责任单位" (the header cell two rows up).
TEST_CASE("ExtractHtml: a rowspan over an empty spacer row") {
  Page page;
  page.article += R"~(
<table border="1" width="100%">
<thead><tr><th>序号</th><th>支持事项</th><th>支持标准</th><th>责任单位</th></tr></thead>
<tbody>
<tr><td>1</td><td>国家级中心</td><td>100万元</td><td rowspan="3">市工信局</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>2</td><td>省级中心</td><td>20万元</td></tr>
<tr><td>3</td><td>市级中心</td><td>5万元</td><td>市科技局</td></tr>
</tbody>
</table>)~";
  const std::string html = Render(page);
  Extracted ex = MustExtract(html);
  auto rows = Rows(ex);
  REQUIRE(rows.size() == 4);
  CHECK(TextOf(ex, *rows[2]) == "2\t省级中心\t20万元\t");
  CHECK(rows[2]->cell_source[3] == std::make_pair(1, 3));
  Policy p = MustProcess(html, "spacer.html");
  REQUIRE(p.tables.size() == 1);
  REQUIRE(p.tables[0].rows.size() == 3);
  std::string row;
  for (const std::string& c : p.tables[0].rows[1]) row += "[" + c + "]";
  CAPTURE(row);
  CHECK(p.tables[0].rows[1] == std::vector<std::string>{"2", "省级中心", "20万元", "市工信局"});
}

// ============================================================ attachments ==

std::string AttachmentPage(const std::string& head_extra, const std::string& links) {
  Page page;
  page.head += head_extra;
  page.after_article = R"~(<div class="fj">)~" + links + "</div>";
  return Render(page);
}

std::string AttachmentList(const Extracted& ex) {
  std::string s;
  for (const Attachment& a : ex.attachments) s += a.title + " -> " + a.href.value_or("-") + "\n";
  return s;
}

TEST_CASE("ExtractHtml: attachment links") {
  SUBCASE("document extensions, with a query or fragment, titled by their link text") {
    const std::string links = R"~(
<p>附件：</p>
<p><a href="/upload/2024/03/申报指南.pdf">1.申报指南</a></p>
<p><a href="/upload/2024/03/申报表.doc">2.申报表</a></p>
<p><a href="/upload/2024/03/承诺书.docx">3.承诺书</a></p>
<p><a href="/upload/2024/03/政策文本.wps">4.政策文本（WPS版）</a></p>
<p><a href="/upload/2024/03/汇总表.xls">5.汇总表</a></p>
<p><a href="/upload/2024/03/全部材料.zip">6.全部材料打包下载</a></p>
<p><a href="/upload/2024/03/正式文件.ofd">7.正式文件（OFD版）</a></p>
<p><a href="/upload/2024/03/细则.pdf?v=20240305">8.实施细则</a></p>
<p><a href="/upload/2024/03/解读.PDF#page=2">9.图解</a></p>
<p><a href="/upload/2024/03/目录.xlsx"><img src="/images/xls.png" alt=""></a></p>)~";
    Extracted ex = MustExtract(AttachmentPage("", links));
    CAPTURE(AttachmentList(ex));
    const std::vector<std::pair<std::string, std::string>> want = {
        {"1.申报指南", "/upload/2024/03/申报指南.pdf"},
        {"2.申报表", "/upload/2024/03/申报表.doc"},
        {"3.承诺书", "/upload/2024/03/承诺书.docx"},
        {"4.政策文本（WPS版）", "/upload/2024/03/政策文本.wps"},
        {"5.汇总表", "/upload/2024/03/汇总表.xls"},
        {"6.全部材料打包下载", "/upload/2024/03/全部材料.zip"},
        {"7.正式文件（OFD版）", "/upload/2024/03/正式文件.ofd"},
        {"8.实施细则", "/upload/2024/03/细则.pdf?v=20240305"},
        {"9.图解", "/upload/2024/03/解读.PDF#page=2"},
        {"目录.xlsx", "/upload/2024/03/目录.xlsx"},  // no link text: the file name
    };
    REQUIRE(ex.attachments.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(ex.attachments[i].title == want[i].first);
      CHECK(ex.attachments[i].href == std::optional<std::string>(want[i].second));
    }
  }

  SUBCASE("links to pages are not attachments") {
    const std::string links = R"~(
<p><a href="/zcjd/content/art_4401287.html">政策解读</a> <a href="/zcjd/art_1.htm">图解</a>
<a href="/zcjd/art_2.shtml">答记者问</a> <a href="/zcjd/申报.pdf.html">申报说明（网页版）</a>
<a href="/search?q=pdf">搜索</a> <a href="/docs/">文件库</a> <a href="javascript:window.print()">打印</a>
<a href="mailto:zxqy@example.gov.cn">联系我们</a> <a href="/download.jsp?id=12">下载</a></p>)~";
    Extracted ex = MustExtract(AttachmentPage("", links));
    CAPTURE(AttachmentList(ex));
    CHECK(ex.attachments.empty());
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kShellPage));
  }

  const std::string relative = R"~(
<p><a href="files/附件1.pdf">附件1：申报指南</a></p>
<p><a href="../doc/附件2.docx">附件2：申报表</a></p>
<p><a href="./附件3.xls">附件3：汇总表</a></p>
<p><a href="/upload/2024/附件4.zip">附件4：材料模板</a></p>
<p><a href="//cdn.example.gov.cn/f/附件5.ofd">附件5：正式文件</a></p>
<p><a href="https://other.example.gov.cn/x/附件6.wps">附件6：转发文件</a></p>)~";

  SUBCASE("relative hrefs resolve against options.url") {
    Extracted ex = MustExtract(AttachmentPage("", relative),
                               Opts("page.html", "https://www.example.gov.cn/zwgk/zfwj/art_1.html"));
    CAPTURE(AttachmentList(ex));
    const std::vector<std::string> want = {
        "https://www.example.gov.cn/zwgk/zfwj/files/附件1.pdf",
        "https://www.example.gov.cn/zwgk/doc/附件2.docx",
        "https://www.example.gov.cn/zwgk/zfwj/附件3.xls",
        "https://www.example.gov.cn/upload/2024/附件4.zip",
        "https://cdn.example.gov.cn/f/附件5.ofd",
        "https://other.example.gov.cn/x/附件6.wps",
    };
    REQUIRE(ex.attachments.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(ex.attachments[i].href == std::optional<std::string>(want[i]));
    }
    CHECK(ex.attachments[0].title == "附件1：申报指南");
    CHECK(ex.source.url == std::optional<std::string>("https://www.example.gov.cn/zwgk/zfwj/art_1.html"));
  }

  SUBCASE("relative hrefs resolve against <base href>") {
    Extracted ex = MustExtract(
        AttachmentPage(R"~(<base href="http://www.example.gov.cn/xxgk/2024/03/">)~", relative));
    CAPTURE(AttachmentList(ex));
    REQUIRE(ex.attachments.size() == 6);
    CHECK(ex.attachments[0].href == std::optional<std::string>("http://www.example.gov.cn/xxgk/2024/03/files/附件1.pdf"));
    CHECK(ex.attachments[1].href == std::optional<std::string>("http://www.example.gov.cn/xxgk/2024/doc/附件2.docx"));
    CHECK(ex.attachments[2].href == std::optional<std::string>("http://www.example.gov.cn/xxgk/2024/03/附件3.xls"));
    CHECK(ex.attachments[3].href == std::optional<std::string>("http://www.example.gov.cn/upload/2024/附件4.zip"));
    CHECK(ex.attachments[4].href == std::optional<std::string>("http://cdn.example.gov.cn/f/附件5.ofd"));
  }

  SUBCASE("a relative <base href> resolves against options.url first") {
    Extracted ex = MustExtract(AttachmentPage(R"~(<base href="/xxgk/2024/03/">)~", relative),
                               Opts("page.html", "https://www.example.gov.cn/zwgk/art_1.html"));
    CAPTURE(AttachmentList(ex));
    REQUIRE(ex.attachments.size() == 6);
    CHECK(ex.attachments[0].href == std::optional<std::string>("https://www.example.gov.cn/xxgk/2024/03/files/附件1.pdf"));
    CHECK(ex.attachments[1].href == std::optional<std::string>("https://www.example.gov.cn/xxgk/2024/doc/附件2.docx"));
  }

  SUBCASE("relative hrefs resolve against <link rel=canonical>") {
    Extracted ex = MustExtract(AttachmentPage(
        R"~(<link rel="canonical" href="https://www.example.gov.cn/zfwj/content/art_123.html">)~", relative));
    CAPTURE(AttachmentList(ex));
    REQUIRE(ex.attachments.size() == 6);
    CHECK(ex.attachments[0].href == std::optional<std::string>("https://www.example.gov.cn/zfwj/content/files/附件1.pdf"));
    CHECK(ex.attachments[1].href == std::optional<std::string>("https://www.example.gov.cn/zfwj/doc/附件2.docx"));
    CHECK(ex.attachments[3].href == std::optional<std::string>("https://www.example.gov.cn/upload/2024/附件4.zip"));
    CHECK(ex.source.url == std::optional<std::string>("https://www.example.gov.cn/zfwj/content/art_123.html"));
  }

  SUBCASE("options.url wins over the canonical link") {
    Extracted ex = MustExtract(
        AttachmentPage(R"~(<link rel="canonical" href="https://mirror.example.com/a/b.html">)~", relative),
        Opts("page.html", "https://www.example.gov.cn/zwgk/zfwj/art_1.html"));
    REQUIRE(ex.attachments.size() == 6);
    CHECK(ex.attachments[0].href == std::optional<std::string>("https://www.example.gov.cn/zwgk/zfwj/files/附件1.pdf"));
    CHECK(ex.source.url == std::optional<std::string>("https://www.example.gov.cn/zwgk/zfwj/art_1.html"));
  }

  SUBCASE("without any base, hrefs stay as the page wrote them") {
    Extracted ex = MustExtract(AttachmentPage("", relative));
    REQUIRE(ex.attachments.size() == 6);
    CHECK(ex.attachments[0].href == std::optional<std::string>("files/附件1.pdf"));
    CHECK(ex.attachments[1].href == std::optional<std::string>("../doc/附件2.docx"));
    CHECK_FALSE(ex.source.url.has_value());
  }

  SUBCASE("duplicates collapse, the first title is kept") {
    const std::string links = R"~(
<p>附件：<a href="/upload/2024/03/申报指南.pdf">申报指南</a></p>
<p>下载：<a href="/upload/2024/03/申报指南.pdf">点击下载</a></p>
<p><a href="https://www.example.gov.cn/upload/2024/03/申报指南.pdf">申报指南（全文）</a></p>
<p><a href="../upload/2024/03/申报指南.pdf">申报指南</a></p>
<p><a href="/upload/2024/03/申报表.doc">申报表</a></p>)~";
    Extracted ex = MustExtract(AttachmentPage("", links),
                               Opts("page.html", "https://www.example.gov.cn/zwgk/art_1.html"));
    CAPTURE(AttachmentList(ex));
    REQUIRE(ex.attachments.size() == 2);
    CHECK(ex.attachments[0].title == "申报指南");
    CHECK(ex.attachments[0].href == std::optional<std::string>("https://www.example.gov.cn/upload/2024/03/申报指南.pdf"));
    CHECK(ex.attachments[1].href == std::optional<std::string>("https://www.example.gov.cn/upload/2024/03/申报表.doc"));
  }

  SUBCASE("samples/000: the file in the metadata table and below the body is one attachment") {
    Extracted ex = MustExtract(Sample("000_416e64e656112d15.html"));
    CAPTURE(AttachmentList(ex));
    REQUIRE(ex.attachments.size() == 1);
    CHECK(ex.attachments[0].title == "连政办规〔2025〕5号.pdf");
    CHECK(ex.attachments[0].href == std::optional<std::string>("/uploadfiles/2025/09/连政办规〔2025〕5号.pdf"));
    Extracted at = MustExtract(Sample("000_416e64e656112d15.html"),
                               Opts("000.html", "https://www.lyg.gov.cn/zglygzfmhwz/szfbgswj/content/lyg_1129874.html"));
    REQUIRE(at.attachments.size() == 1);
    CHECK(at.attachments[0].href ==
          std::optional<std::string>("https://www.lyg.gov.cn/uploadfiles/2025/09/连政办规〔2025〕5号.pdf"));
    // Through Process the attachment reaches the metadata.
    ProcessOptions po;
    po.url = "https://www.lyg.gov.cn/zglygzfmhwz/szfbgswj/content/lyg_1129874.html";
    Policy p = MustProcess(Sample("000_416e64e656112d15.html"), "000.html", po);
    REQUIRE(p.metadata.attachments.size() == 1);
    CHECK(p.metadata.attachments[0].href == at.attachments[0].href);
    CHECK(p.source.url == po.url);
  }

  SUBCASE("pages without document links have no attachments") {
    for (const std::string& f : std::vector<std::string>{"002_9825fd42b4a1cf31.html", "003_838b7ceec8d27e5e.html",
                          "004_ebfee30354606d84.html", "table_policy.html"}) {
      CAPTURE(f);
      CHECK(MustExtract(Sample(f)).attachments.empty());
    }
  }
}

// ================================================== hidden blocks, spam ==

TEST_CASE("ExtractHtml: hidden blocks and SEO spam") {
  SUBCASE("samples/spam_injected: hidden links are kHidden, the spam <title> a chrome block") {
    Extracted ex = MustExtract(Sample("spam_injected.html"), Opts("spam_injected.html"));
    for (const std::string& s : std::vector<std::string>{"真人百家乐", "六合彩开奖结果", "澳门赌场在线", "免费视频精品一区二区"}) {
      CAPTURE(s);
      CAPTURE(Describe(ex, s));
      CHECK(OnlyIn(ex, s, BlockKind::kHidden));
    }
    const std::string title = "国产亚洲日朝欧美_97久久人人妻视频_亚洲有码无码精品一区二区_国产精品毛片无摭挡";
    CAPTURE(Describe(ex, title));
    CHECK(OnlyIn(ex, title, BlockKind::kChrome));
    CHECK(OnlyIn(ex, "百家乐|六合彩|澳门赌场", BlockKind::kChrome));
    // The article heading comes from ArticleTitle, not from the spam <title>.
    int headings = 0;
    for (const Block& b : ex.blocks) {
      if (b.kind == BlockKind::kHeading) {
        ++headings;
        CHECK(TextOf(ex, b) == "市政府办公室关于印发连云港市支持安防产业高质量发展若干政策措施的通知");
      }
    }
    CHECK(headings == 1);
    for (const Block& b : ex.blocks) {
      if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading) continue;
      CAPTURE(TextOf(ex, b));
      CHECK(TextOf(ex, b).find("百家乐") == std::string::npos);
      CHECK(TextOf(ex, b).find("国产精品") == std::string::npos);
    }
  }

  SUBCASE("through Process: spam removed and logged, the policy body intact") {
    Policy spam = MustProcess(Sample("spam_injected.html"), "spam_injected.html");
    Policy clean = MustProcess(Sample("000_416e64e656112d15.html"), "000.html");
    const Repair* r = FindRepair(spam, RepairKind::kSpamRemoved);
    REQUIRE(r != nullptr);
    std::string befores;
    for (const RepairItem& item : r->items) befores += item.before + "\n";
    CAPTURE(befores);
    CHECK(Removed(spam, RepairKind::kSpamRemoved, "真人百家乐"));
    CHECK(Removed(spam, RepairKind::kSpamRemoved, "国产亚洲日朝欧美"));
    CHECK(Removed(spam, RepairKind::kSpamRemoved, "百家乐|六合彩"));
    for (const std::string& s : std::vector<std::string>{"百家乐", "六合彩", "澳门赌场", "国产精品", "人妻", "在线观看"}) {
      CAPTURE(s);
      CHECK(spam.text.find(s) == std::string::npos);
    }
    CHECK(FindRepair(clean, RepairKind::kSpamRemoved) == nullptr);
    // Same clauses, same amounts as the clean page of the same document.
    REQUIRE(spam.clauses.size() == clean.clauses.size());
    CHECK(spam.clauses.size() >= 15);
    for (size_t i = 0; i < spam.clauses.size(); ++i) {
      CAPTURE(i);
      CHECK(spam.clauses[i].marker == clean.clauses[i].marker);
      CHECK(spam.clauses[i].path == clean.clauses[i].path);
      REQUIRE(spam.clauses[i].amounts.size() == clean.clauses[i].amounts.size());
      for (size_t k = 0; k < spam.clauses[i].amounts.size(); ++k) {
        CHECK(spam.clauses[i].amounts[k].text == clean.clauses[i].amounts[k].text);
        CHECK(spam.clauses[i].amounts[k].fen == clean.clauses[i].amounts[k].fen);
      }
    }
    CHECK(spam.metadata.title == clean.metadata.title);
    CHECK(spam.metadata.doc_number == std::optional<std::string>("连政办规〔2025〕5号"));
    CHECK(spam.text.find("本政策措施自2025年9月5日起施行") != std::string::npos);
  }

  SUBCASE("display:none, visibility:hidden and the hidden attribute") {
    for (const std::string& attr : std::vector<std::string>{R"~(style="display:none")~", R"~(style="DISPLAY: none;")~",
                             R"~(style="color:#fff; visibility: hidden")~", "hidden"}) {
      CAPTURE(attr);
      Page page;
      page.article = std::string("<div ") + attr + ">隐藏文字推广链接" + "</div>\n" + page.article;
      Extracted ex = MustExtract(Render(page));
      CAPTURE(Describe(ex, "隐藏文字推广链接"));
      CHECK(OnlyIn(ex, "隐藏文字推广链接", BlockKind::kHidden));
      CHECK(OnlyIn(ex, "（一）对新认定的国家级专精特新", BlockKind::kParagraph));
    }
  }

  SUBCASE("a normal <title> is no block") {
    Extracted ex = MustExtract(Render(Page{}));
    CHECK(BlocksWith(ex, "_某某市人民政府").empty());
  }
}

// ============================================================ shell pages ==

TEST_CASE("ExtractHtml: shell pages") {
  SUBCASE("samples/shell_page: the body only points to the attachment") {
    Extracted ex = MustExtract(Sample("shell_page.html"), Opts("shell_page.html"));
    const Warning* w = FindWarning(ex.warnings, WarningCode::kShellPage);
    REQUIRE(w != nullptr);
    CAPTURE(w->message);
    CHECK(w->message.find("连政发〔2024〕37号.pdf") != std::string::npos);
    REQUIRE(ex.attachments.size() == 1);
    CHECK(ex.attachments[0].href == std::optional<std::string>("/uploadfiles/2024/11/连政发〔2024〕37号.pdf"));
    CHECK(Field(ex, "文号") == std::optional<std::string>("连政发〔2024〕37号"));

    Policy p = MustProcess(Sample("shell_page.html"), "shell_page.html");
    CHECK(HasWarning(p.warnings, WarningCode::kShellPage));
    CHECK(p.clauses.empty());
    CHECK(p.metadata.doc_number == std::optional<std::string>("连政发〔2024〕37号"));
    REQUIRE(p.metadata.attachments.size() == 1);
    CHECK(p.metadata.attachments[0].title == "连政发〔2024〕37号.pdf");
  }

  SUBCASE("a template page whose article is only 详见附件") {
    Page page;
    page.article = R"~(<p style="text-indent:2em">详见附件：<a href="/upload/2024/03/某政办规〔2024〕3号.pdf">某政办规〔2024〕3号.pdf</a></p>)~";
    Extracted ex = MustExtract(Render(page));
    const Warning* w = FindWarning(ex.warnings, WarningCode::kShellPage);
    REQUIRE(w != nullptr);
    CHECK(w->message.find("/upload/2024/03/某政办规〔2024〕3号.pdf") != std::string::npos);
  }

  SUBCASE("normal pages have no shell_page warning, with or without attachments") {
    for (const std::string& f : std::vector<std::string>{"000_416e64e656112d15.html", "002_9825fd42b4a1cf31.html",
                          "003_838b7ceec8d27e5e.html", "004_ebfee30354606d84.html",
                          "table_policy.html", "spam_injected.html"}) {
      CAPTURE(f);
      Extracted ex = MustExtract(Sample(f));
      CAPTURE(WarningCodes(ex.warnings));
      CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kShellPage));
    }
    Extracted ex = MustExtract(AttachmentPage("", R"~(<p>附件：<a href="/upload/a.pdf">申报指南</a></p>)~"));
    REQUIRE(ex.attachments.size() == 1);
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kShellPage));
  }
}

// ================================================ hostile, broken pages ==

TEST_CASE("ExtractHtml: hostile and broken pages") {
  SUBCASE("external DTDs and entities are never loaded") {
    Page page;
    page.article += R"~(<p style="text-indent:2em">外部实体：&xxe; 参数：&local;</p>)~";
    const std::string body = Render(page).substr(std::string("<!DOCTYPE html>\n").size());
    const std::string doctypes[] = {
        R"~(<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd" [
<!ENTITY xxe SYSTEM "file:///etc/passwd">
<!ENTITY local "本地实体">
]>
)~",
        R"~(<!DOCTYPE html SYSTEM "file:///etc/passwd">
)~",
        R"~(<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://example.invalid/xhtml1-transitional.dtd">
<!ENTITY xxe SYSTEM "file:///etc/passwd">
)~",
    };
    for (const std::string& doctype : doctypes) {
      CAPTURE(doctype);
      const std::string html = doctype + body;
      Extracted ex = MustExtract(html);
      CHECK(ex.text.find("root:") == std::string::npos);
      CHECK(ex.text.find("/bin/") == std::string::npos);
      CHECK(ex.text.find("nologin") == std::string::npos);
      CHECK(OnlyIn(ex, "（一）对新认定的国家级专精特新", BlockKind::kParagraph));
      Policy p = MustProcess(html, "xxe.html");
      CHECK(p.text.find("root:") == std::string::npos);
    }
  }

  SUBCASE("10,000 nested <div>s: quick, no crash, nesting_too_deep, earlier text kept") {
    Page page;
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += "<div>";
    deep += "埋在深处的文字";
    for (int i = 0; i < 10000; ++i) deep += "</div>";
    page.after_article = deep;
    const std::string html = Render(page);
    const auto start = std::chrono::steady_clock::now();
    Result<Extracted> r = ExtractHtml(html, Opts());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CAPTURE(seconds);
    CHECK(seconds < 5.0);
    REQUIRE(r.ok());
    const Extracted& ex = r.value();
    CAPTURE(WarningCodes(ex.warnings));
    const Warning* w = FindWarning(ex.warnings, WarningCode::kNestingTooDeep);
    REQUIRE(w != nullptr);
    CHECK(w->message.find("256") != std::string::npos);
    CHECK(OnlyIn(ex, "（一）对新认定的国家级专精特新", BlockKind::kParagraph));
    CHECK(ex.text.find("埋在深处的文字") == std::string::npos);
  }

  SUBCASE("deep nesting with no text before it is a located error, not a crash") {
    std::string html = "<html><head><meta charset=\"utf-8\"></head><body>";
    for (int i = 0; i < 10000; ++i) html += "<div>";
    html += "<p>关于印发支持企业发展若干措施的通知</p>";
    for (int i = 0; i < 10000; ++i) html += "</div>";
    html += "</body></html>";
    Result<Extracted> r = ExtractHtml(html, Opts());
    REQUIRE_FALSE(r.ok());
    CAPTURE(r.error().Describe());
    CHECK(r.error().code == ErrorCode::kDecode);
    CHECK(r.error().message.find("nested deeper") != std::string::npos);
  }

  SUBCASE("an empty page fails with kEmpty") {
    for (const std::string& html :
         {std::string(), std::string("   \n\t"),
          std::string("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title></head><body>\n</body></html>")}) {
      CAPTURE(html);
      Result<Extracted> r = ExtractHtml(html, Opts());
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kEmpty);
    }
    Result<Extracted> r = Extract("", Opts("empty.html"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kEmpty);
    Result<Policy> p = Pipe().Process("", "empty.html");
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().code == ErrorCode::kEmpty);
  }

  SUBCASE("a page with only scripts fails with kEmpty") {
    const std::string pages[] = {
        R"~(<!DOCTYPE html><html><head><meta charset="utf-8"><script>var msg = "加入收藏失败，请使用Ctrl+D进行添加";</script></head>
<body><script type="text/javascript">document.write("<p>正在跳转到新版网站，请稍候</p>");</script></body></html>)~",
        R"~(<html><body><script>window.location.href = "/zwgk/content/art_1.html"; // 跳转</script>
<noscript>您的浏览器不支持脚本</noscript><style>.zoom{font-family:宋体}</style><!-- 注释中的文字 --></body></html>)~",
    };
    for (const std::string& html : pages) {
      CAPTURE(html);
      Result<Extracted> r = ExtractHtml(html, Opts());
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kEmpty);
      Result<Extracted> e = Extract(html, Opts("page.html"));
      REQUIRE_FALSE(e.ok());
      CHECK(e.error().code == ErrorCode::kEmpty);
    }
  }

  SUBCASE("a page cut off in the middle of a tag still gives its text") {
    const std::string full = Sample("table_policy.html");
    const size_t seven = full.find("（七）支持智能化改造和数字化转型");
    REQUIRE(seven != std::string::npos);
    const size_t next_p = full.find("<p style=\"text-indent:2em\">1.对设备", seven);
    REQUIRE(next_p != std::string::npos);
    const std::string cut = full.substr(0, next_p + std::string("<p style=\"text-ind").size());
    CAPTURE(cut.substr(cut.size() - 60));
    Extracted ex = MustExtract(cut);
    for (const std::string& s : std::vector<std::string>{"（一）鼓励企业规模化发展", "（六）加快创新成果转化",
                          "（七）支持智能化改造和数字化转型。围绕“智改数转网联”"}) {
      CAPTURE(s);
      CAPTURE(Describe(ex, s));
      CHECK(OnlyIn(ex, s, BlockKind::kParagraph));
    }
    CHECK(ex.text.find("1.对设备") == std::string::npos);
    CHECK(Rows(ex).size() == 8);
    CHECK(Field(ex, "文号") == std::optional<std::string>("徐政办规〔2024〕4号"));
    Policy p = MustProcess(cut, "cut.html");
    CHECK(p.clauses.size() >= 8);
  }

  SUBCASE("a GBK page cut in the middle of a character and a tag") {
    const std::string full = Sample("000_416e64e656112d15.html");
    const std::string marker = EncodeAs("5. 推进产学研协同创新", "GBK");
    const size_t at = full.find(marker);
    REQUIRE(at != std::string::npos);
    const std::string cut = full.substr(0, at + 3) + "<p sty";  // "5. " then a dangling tag
    Extracted ex = MustExtract(cut + "\xCD");                  // half a GBK character
    CHECK(ex.source.encoding == "gb18030");
    CHECK(OnlyIn(ex, "4. 支持科研成果转化", BlockKind::kParagraph));
  }
}

// ================================================ hostile pages (issue 14) ==
// Reproducers from a hostile-input campaign, in tests/data/hostile/. Speed
// and memory are measured with /usr/bin/time, never asserted here.

std::string Hostile(const std::string& name) {
  const std::string path = std::string(GONGWEN_SOURCE_DIR) + "/tests/data/hostile/" + name;
  Result<std::string> r = files::Read(path);
  REQUIRE_MESSAGE(r.ok(), "cannot read ", path);
  return r.value();
}

TEST_CASE("ExtractHtml: table spans are bounded by the real grid") {
  SUBCASE("50 rows of 50 cells with colspan=100 rowspan=1000 (98 KB, once 1 GB)") {
    const std::string html = Hostile("span_amplification.html");
    Extracted ex = MustExtract(html);
    CAPTURE(WarningCodes(ex.warnings));
    const Warning* w = FindWarning(ex.warnings, WarningCode::kSpansClipped);
    REQUIRE(w != nullptr);
    CAPTURE(w->message);
    CHECK(w->message.find("2500 cells") != std::string::npos);
    // 2500 real cells: the grid holds at most 4 × 2500 + 256 cells.
    size_t cells = 0;
    for (const Block* b : Rows(ex)) {
      cells += Cells(TextOf(ex, *b)).size();
      CHECK(b->cell_source.size() == Cells(TextOf(ex, *b)).size());
    }
    CHECK(cells >= 2500);
    CHECK(cells <= 4 * 2500 + 256);
    CHECK(ex.text.size() < 64 * 1024);
    CHECK(OnlyIn(ex, "（一）对新认定的企业给予最高300万元奖励", BlockKind::kParagraph));
    Policy p = MustProcess(html, "span.html");
    REQUIRE(p.tables.size() == 1);
    size_t policy_cells = 0;
    for (const auto& row : p.tables[0].rows) policy_cells += row.size();
    CHECK(policy_cells <= 4 * 2500 + 256);
    CHECK(p.text.size() < 64 * 1024);
  }

  SUBCASE("ordinary spans are kept whole and give no warning") {
    const std::string html = R"~(<html><body><div><p>附件：名单</p>
<table>
<tr><th colspan="3">2024年度名单</th></tr>
<tr><td rowspan="2">苏州</td><td>甲公司</td><td>10万元</td></tr>
<tr><td>乙公司</td><td>20万元</td></tr>
<tr><td>无锡</td><td colspan="2" rowspan="9">另行公布</td></tr>
</table></div></body></html>)~";
    Extracted ex = MustExtract(html);
    CAPTURE(WarningCodes(ex.warnings));
    CHECK_FALSE(HasWarning(ex.warnings, WarningCode::kSpansClipped));
    std::vector<std::string> rows;
    for (const Block* b : Rows(ex)) rows.push_back(TextOf(ex, *b));
    CHECK(rows == std::vector<std::string>{"2024年度名单\t\t", "苏州\t甲公司\t10万元", "\t乙公司\t20万元",
                                           "无锡\t另行公布\t"});
  }

  SUBCASE("a span the budget cannot pay loses its rowspan, the cell its text never") {
    std::string html = "<html><body><table>";
    for (int r = 0; r < 4; ++r) {
      html += "<tr>";
      for (int c = 0; c < 3; ++c) {
        html += "<td colspan=\"1000\" rowspan=\"65534\">格" + std::to_string(r * 3 + c) + "</td>";
      }
      html += "</tr>";
    }
    html += "</table></body></html>";
    Extracted ex = MustExtract(html);
    CHECK(HasWarning(ex.warnings, WarningCode::kSpansClipped));
    size_t cells = 0;
    for (const Block* b : Rows(ex)) cells += Cells(TextOf(ex, *b)).size();
    CHECK(cells <= 4 * 12 + 256);
    for (int k = 0; k < 12; ++k) CHECK(ex.text.find("格" + std::to_string(k)) != std::string::npos);
  }
}

TEST_CASE("ExtractHtml: a long table beside a notice does not take the body") {
  SUBCASE("sample 101's text and a 200-row 名单 keep both (issue 14)") {
    const std::string html = Hostile("table_dominates_body.html");
    Extracted ex = MustExtract(html);
    CHECK(OnlyIn(ex, "第一条　为深入实施创新驱动发展战略", BlockKind::kParagraph));
    CHECK(Rows(ex).size() >= 200);
    Policy p = MustProcess(html, "dominated.html");
    CAPTURE(p.clauses.size());
    CHECK(p.clauses.size() >= 30);
    REQUIRE(p.tables.size() == 1);
    CHECK(p.tables[0].rows.size() >= 199);
    CHECK(p.text.find("苏州某某科技有限公司199") != std::string::npos);
  }

  SUBCASE("a page that is a heading and a 名单 keeps the table as a table") {
    std::string rows;
    for (int i = 1; i <= 150; ++i) {
      rows += "<tr><td>" + std::to_string(i) + "</td><td>某某市某某科技有限公司" + std::to_string(i) +
              "</td><td>高新技术企业</td></tr>\n";
    }
    Page page;
    page.article = "<p>现将2024年度高新技术企业名单公布如下：</p>\n<table>\n" + rows + "</table>";
    Extracted ex = MustExtract(Render(page));
    CHECK(Rows(ex).size() == 150);
    CHECK(OnlyIn(ex, "现将2024年度高新技术企业名单公布如下", BlockKind::kParagraph));
    CHECK(OnlyIn(ex, "主办单位", BlockKind::kChrome));
  }
}

TEST_CASE("ExtractHtml: a DOCTYPE internal subset is not text") {
  const std::string html = Hostile("dtd_subset.html");
  Extracted ex = MustExtract(html);
  CAPTURE(ex.text.substr(0, 300));
  // The body's own &lol9; and &xxe; stay as written (unknown entities, as a
  // browser shows them); the declarations never appear.
  for (const char* leak : {"ENTITY", "lol1", "&lol;", "SYSTEM", "file:///etc/passwd", "]>"}) {
    CAPTURE(leak);
    CHECK(ex.text.find(leak) == std::string::npos);
  }
  CHECK(ex.text.find("root:") == std::string::npos);
  CHECK(OnlyIn(ex, "（一）对新认定的企业给予最高300万元奖励", BlockKind::kParagraph));
  Policy p = MustProcess(html, "dtd.html");
  CHECK(p.text.find("ENTITY") == std::string::npos);
  CHECK(p.text.rfind("关于印发的通知", 0) == 0);

  SUBCASE("quotes and comments in the subset, line numbers kept") {
    const std::string page =
        "<!-- saved -->\n<!doctype html [\n<!ENTITY a \"]>不是正文\">\n<!-- ]> 也不是 -->\n]>\n"
        "<html><body><p>第一条　正文从这里开始。</p></body></html>";
    Extracted e = MustExtract(page);
    CHECK(e.text.find("不是正文") == std::string::npos);
    CHECK(e.text.find("也不是") == std::string::npos);
    REQUIRE(BlocksWith(e, "第一条").size() == 1);
    CHECK(BlocksWith(e, "第一条")[0]->line == 6);
  }
}

TEST_CASE("ExtractHtml: attachment links only to the web") {
  const std::string links = R"~(
<p><a href="/upload/2024/申报指南.pdf">1.申报指南</a></p>
<p><a href="file:///C:/Users/admin/Desktop/申报表.doc">2.申报表</a></p>
<p><a href="javascript:download('x');//承诺书.docx">3.承诺书</a></p>
<p><a href="data:application/pdf;base64,JVBERi0=#.pdf">4.数据</a></p>
<p><a href="mailto:zxqy@example.gov.cn?subject=汇总表.xls">5.汇总表</a></p>
<p><a href="C:\材料\汇总.xlsx">6.汇总</a></p>
<p><a href=" java&#9;script:alert(1)//a.pdf">7.伪装</a></p>
<p><a href="HTTPS://www.example.gov.cn/f/正式文件.ofd">8.正式文件</a></p>
<p><a href="files/附件9.wps">9.政策文本</a></p>)~";
  Extracted ex = MustExtract(AttachmentPage("", links), Opts("page.html", "https://www.example.gov.cn/art/1.html"));
  CAPTURE(AttachmentList(ex));
  std::vector<std::string> hrefs;
  for (const Attachment& a : ex.attachments) hrefs.push_back(a.href.value_or(""));
  CHECK(hrefs == std::vector<std::string>{"https://www.example.gov.cn/upload/2024/申报指南.pdf",
                                          "HTTPS://www.example.gov.cn/f/正式文件.ofd",
                                          "https://www.example.gov.cn/art/files/附件9.wps"});
  const Warning* w = FindWarning(ex.warnings, WarningCode::kLinkDropped);
  REQUIRE(w != nullptr);
  CAPTURE(w->message);
  CHECK(w->message.rfind("6 attachment link(s)", 0) == 0);
  CHECK(w->message.find("file:///C:/Users/admin/Desktop/申报表.doc") != std::string::npos);

  SUBCASE("a <base> that is not on the web resolves nothing") {
    const std::string page = R"~(<html><head><base href="file:///etc/"></head><body>
<p>附件：<a href="passwd.pdf">附件1</a></p></body></html>)~";
    Extracted e = MustExtract(page);
    REQUIRE(e.attachments.size() == 1);
    CHECK(e.attachments[0].href == std::optional<std::string>("passwd.pdf"));
    CHECK_FALSE(HasWarning(e.warnings, WarningCode::kLinkDropped));
  }

  SUBCASE("end to end: a file: link is not in metadata.attachments") {
    Policy p = MustProcess(AttachmentPage("", links), "links.html");
    for (const Attachment& a : p.metadata.attachments) {
      CAPTURE(a.href.value_or(""));
      CHECK(a.href.value_or("").find("file:") == std::string::npos);
      CHECK(a.href.value_or("").find("javascript:") == std::string::npos);
    }
    CHECK(HasWarning(p.warnings, WarningCode::kLinkDropped));
  }
}

// ============================================================ white space ==

TEST_CASE("ExtractHtml: white space") {
  SUBCASE("a hard line break between Chinese characters leaves no space") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"<p>对新认定的国家级企业技术中心，给予一次性\n奖励100万元。</p>",
         "对新认定的国家级企业技术中心，给予一次性奖励100万元。"},
        {"<p>对新认定的国家级企业技术中心，给予一次性\r\n        奖励100万元。</p>",
         "对新认定的国家级企业技术中心，给予一次性奖励100万元。"},
        {"<p>对新认定的国家级企业技术中心，\n给予一次性奖励100万元。</p>",
         "对新认定的国家级企业技术中心，给予一次性奖励100万元。"},
        {"<p>对新认定的<strong>国家级企业技术中心</strong>\n<strong>给予</strong>一次性奖励100万元。</p>",
         "对新认定的国家级企业技术中心给予一次性奖励100万元。"},
        {"<p>（责任单位：市发展改革委、\n    市商务局）</p>", "（责任单位：市发展改革委、市商务局）"},
    };
    for (const auto& [html, want] : cases) {
      CAPTURE(html);
      Page page;
      page.article = page.article + "\n" + html;
      Extracted ex = MustExtract(Render(page));
      CAPTURE(Describe(ex, "市商务局）"));
      CAPTURE(Describe(ex, "奖励100万元"));
      auto blocks = BlocksWith(ex, want);
      REQUIRE(blocks.size() == 1);
      CHECK(blocks[0]->kind == BlockKind::kParagraph);
      CHECK(TextOf(ex, *blocks[0]) == want);
    }
  }

  SUBCASE("a line break or run of spaces between Latin words is one space") {
    Page page;
    page.article += "\n<p>（四）支持企业通过CMMI\n  Level 3认证和ISO\t27001   认证。</p>";
    Extracted ex = MustExtract(Render(page));
    auto blocks = BlocksWith(ex, "CMMI");
    REQUIRE(blocks.size() == 1);
    CHECK(TextOf(ex, *blocks[0]) == "（四）支持企业通过CMMI Level 3认证和ISO 27001 认证。");
  }

  SUBCASE("&nbsp; between Latin words stays a space after normalization") {
    Page page;
    page.article += "\n<p>（四）支持企业建设R&amp;D&nbsp;Center和Open&nbsp;Lab，按照Smart&nbsp;&nbsp;Factory标准给予支持。</p>";
    const std::string html = Render(page);
    Extracted ex = MustExtract(html);
    CHECK(ex.text.find("R&D\xC2\xA0" "Center") != std::string::npos);  // U+00A0 in the extracted text
    Policy p = MustProcess(html, "nbsp.html");
    CAPTURE(p.text);
    CHECK(p.text.find("R&D Center") != std::string::npos);
    CHECK(p.text.find("Open Lab") != std::string::npos);
    CHECK(p.text.find("Smart Factory") != std::string::npos);
    CHECK(p.text.find("\xC2\xA0") == std::string::npos);
  }

  SUBCASE("character entities decode") {
    Page page;
    page.article += "\n<p>（五）对获评&ldquo;专精特新&rdquo;企业的，&gt;&nbsp;50万元部分按&lt;1:1&gt;配套。</p>";
    Extracted ex = MustExtract(Render(page));
    auto blocks = BlocksWith(ex, "（五）");
    REQUIRE(blocks.size() == 1);
    CHECK(TextOf(ex, *blocks[0]) == "（五）对获评“专精特新”企业的，>\xC2\xA0" "50万元部分按<1:1>配套。");
  }
}

// BUG: input: an article paragraph whose Latin words are split by inline
// elements, <p>（十三）推动<b>AI</b> large model应用，支持<a href="#">R&amp;D</a> center建设。</p>
// Expected: block text "（十三）推动AI large model应用，支持R&D center建设。" (the
// space before "large" and before "center" is in the source, as in a browser).
// Actual: "（十三）推动AIlarge model应用，支持R&Dcenter建设。": Emit() runs
// InlineText on each text node with a fresh buffer, so a text node's leading
// white space is dropped whenever it follows an inline element.
TEST_CASE("ExtractHtml: white space after an inline element is kept") {
  Page page;
  page.article +=
      "\n<p>（十三）推动<b>AI</b> large model应用，支持<a href=\"#\">R&amp;D</a> center建设。</p>";
  Extracted ex = MustExtract(Render(page));
  auto blocks = BlocksWith(ex, "（十三）");
  REQUIRE(blocks.size() == 1);
  CHECK(TextOf(ex, *blocks[0]) == "（十三）推动AI large model应用，支持R&D center建设。");
}

}  // namespace
}  // namespace gongwen::extract
