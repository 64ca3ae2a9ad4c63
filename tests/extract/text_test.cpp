// extract/extract.cpp and extract/text.cpp: SniffFormat, ExtractText and
// Extract on the seed documents and on small inputs built from them.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "extract/extract.h"
#include "tests/test_support.h"

namespace gongwen::extract {
namespace {

using gongwen::testing::ReadSample;

const char* FormatName(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
    case Format::kPdf: return "pdf";
    case Format::kBinary: return "binary";
  }
  return "?";
}

std::string BlockText(const Extracted& ex, const Block& b) {
  return ex.text.substr(b.begin, b.end - b.begin);
}

TEST_CASE("SniffFormat") {
  SUBCASE("content and extension") {
    struct Case {
      std::string bytes;
      std::string path;
      Format expected;
    };
    const Case cases[] = {
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "policy.txt", Format::kPdf},  // magic beats .txt
        {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "scan.txt", Format::kBinary},
        {std::string("PK\x03\x04\x14\0\x06\0", 8), "policy.docx", Format::kBinary},
        {"<!DOCTYPE html><html><head><title>连云港</title>", "page.txt", Format::kHtml},
        {"<HTML><BODY>市政府办公室</BODY></HTML>", "", Format::kHtml},
        {"连云港市人民政府办公室", "policy.pdf", Format::kPdf},
        {"连云港市人民政府办公室", "page.SHTML", Format::kHtml},
        {"连云港市人民政府办公室", "page.htm", Format::kHtml},
        {"连云港市人民政府办公室", "policy.md", Format::kMarkdown},
        {"连云港市人民政府办公室", "policy.Markdown", Format::kMarkdown},
        {"连云港市人民政府办公室", "policy.txt", Format::kText},
        {"连云港市人民政府办公室", "-", Format::kText},
        {"连云港市人民政府办公室", "/data/v1.md/policy", Format::kText},  // dot in a directory
    };
    for (const Case& c : cases) {
      CAPTURE(c.bytes);
      CAPTURE(c.path);
      CHECK(FormatName(SniffFormat(c.bytes, c.path)) == std::string(FormatName(c.expected)));
    }
  }

  SUBCASE("Markdown saved as .txt: two ATX headings decide it") {
    struct Case {
      std::string bytes;
      Format expected;
    };
    const Case cases[] = {
        {"### 连政办规〔2025〕6号\n\n# 市政府办公室关于印发加快建设制造强市若干政策措施的通知\n",
         Format::kMarkdown},
        {"# 市政府办公室关于印发加快建设制造强市若干政策措施的通知\n\n各县、区人民政府:\n",
         Format::kText},  // one heading is not enough
        {"#标签\n#话题\n", Format::kText},  // no space: hashtags, not headings
        {"####### 七\n####### 八\n", Format::kText},  // more than six '#'
        {"- 条目一\n- 条目二\n", Format::kText},  // list items alone do not decide it
        {"标题 # 一\n说明 # 二\n", Format::kText},  // '#' not at line start
    };
    for (const Case& c : cases) {
      CAPTURE(c.bytes);
      CHECK(FormatName(SniffFormat(c.bytes, "policy.txt")) == std::string(FormatName(c.expected)));
    }
  }

  SUBCASE("the seed documents") {
    struct Case {
      const char* name;
      Format expected;
    };
    const Case cases[] = {
        {"000_416e64e656112d15.txt", Format::kText},
        {"002_9825fd42b4a1cf31.txt", Format::kText},
        {"003_838b7ceec8d27e5e.txt", Format::kText},
        {"004_ebfee30354606d84.txt", Format::kMarkdown},  // Markdown in a .txt file
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      CHECK(FormatName(SniffFormat(ReadSample(c.name), c.name)) ==
            std::string(FormatName(c.expected)));
    }
  }

  SUBCASE("UTF-16 with a BOM has NUL bytes but is text") {
    const std::string utf16le("\xFF\xFE\xDE\x8F\x32\x00", 6);
    const std::string utf16be("\xFE\xFF\x8F\xDE\x00\x32", 6);
    CHECK(SniffFormat(utf16le, "a.txt") == Format::kText);
    CHECK(SniffFormat(utf16be, "a.txt") == Format::kText);
  }
}

TEST_CASE("ExtractText") {
  SUBCASE("plain text: one block per non-blank line, offsets into the text") {
    const std::string bytes =
        "索 引 号 k12498411/2025-00108\r\n"
        "\r\n"
        "   \t\n"
        "                          连云港市人民政府办公室\n"
        "(此件公开发布)";
    Options options;
    options.path = "samples/000.txt";
    Result<Extracted> r = ExtractText(bytes, options, /*markdown=*/false);
    REQUIRE(r.ok());
    const Extracted& ex = r.value();
    CHECK(ex.text == bytes);
    CHECK(ex.source.path == "samples/000.txt");
    CHECK(ex.source.format == SourceFormat::kText);
    CHECK(ex.source.bytes == static_cast<int64_t>(bytes.size()));
    CHECK(ex.source.encoding == "utf-8");
    CHECK(ex.source.encoding_source == "utf8");
    const std::string expected[] = {
        "索 引 号 k12498411/2025-00108",  // CR is not part of the block
        "                          连云港市人民政府办公室",
        "(此件公开发布)",  // last line without a newline
    };
    REQUIRE(ex.blocks.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
      CAPTURE(i);
      CHECK(BlockText(ex, ex.blocks[i]) == expected[i]);
      CHECK(ex.blocks[i].kind == BlockKind::kParagraph);
      CHECK(ex.blocks[i].source_begin == ex.blocks[i].begin);
    }
  }

  SUBCASE("Markdown: headings and list items are tagged, markup stays in the text") {
    const std::string bytes =
        "# 市政府办公室关于印发加快建设制造强市若干政策措施的通知\n"
        "\n"
        "#### 一、提升产业发展能级\n"
        "- (一)推动特色优势产业发展。\n"
        "* (二)加快规上企业培育扩容。\n"
        "+ (三)鼓励企业专精特新发展。\n"
        "(九)支持企业智能化改造。\n"
        "#标签\n"
        "-5%的降幅\n";
    Result<Extracted> r = ExtractText(bytes, Options{}, /*markdown=*/true);
    REQUIRE(r.ok());
    const Extracted& ex = r.value();
    CHECK(ex.source.format == SourceFormat::kMarkdown);
    struct Want {
      std::string text;
      BlockKind kind;
      int level;
    };
    const Want want[] = {
        {"# 市政府办公室关于印发加快建设制造强市若干政策措施的通知", BlockKind::kHeading, 1},
        {"#### 一、提升产业发展能级", BlockKind::kHeading, 4},
        {"- (一)推动特色优势产业发展。", BlockKind::kListItem, 0},
        {"* (二)加快规上企业培育扩容。", BlockKind::kListItem, 0},
        {"+ (三)鼓励企业专精特新发展。", BlockKind::kListItem, 0},
        {"(九)支持企业智能化改造。", BlockKind::kParagraph, 0},
        {"#标签", BlockKind::kParagraph, 0},
        {"-5%的降幅", BlockKind::kParagraph, 0},
    };
    REQUIRE(ex.blocks.size() == std::size(want));
    for (size_t i = 0; i < std::size(want); ++i) {
      CAPTURE(want[i].text);
      CHECK(BlockText(ex, ex.blocks[i]) == want[i].text);
      CHECK(static_cast<int>(ex.blocks[i].kind) == static_cast<int>(want[i].kind));
      CHECK(ex.blocks[i].heading_level == want[i].level);
    }
  }

  SUBCASE("the same lines as plain text are all paragraphs") {
    const std::string bytes = "# 市政府办公室\n- (一)推动特色优势产业发展。\n";
    Result<Extracted> r = ExtractText(bytes, Options{}, /*markdown=*/false);
    REQUIRE(r.ok());
    REQUIRE(r.value().blocks.size() == 2);
    for (const Block& b : r.value().blocks) {
      CHECK(b.kind == BlockKind::kParagraph);
      CHECK(b.heading_level == 0);
    }
  }

  SUBCASE("GBK input: blocks point into the decoded UTF-8 text") {
    // 连云港 \n 市政府办 in GBK
    const std::string bytes = "\xC1\xAC\xD4\xC6\xB8\xDB\n\xCA\xD0\xD5\xFE\xB8\xAE\xB0\xEC";
    Options options;
    options.declared_charset = "gbk";
    Result<Extracted> r = ExtractText(bytes, options, /*markdown=*/false);
    REQUIRE(r.ok());
    const Extracted& ex = r.value();
    CHECK(ex.text == "连云港\n市政府办");
    CHECK(ex.source.encoding == "gb18030");
    CHECK(ex.source.encoding_source == "declared");
    CHECK(ex.source.bytes == 15);
    REQUIRE(ex.blocks.size() == 2);
    CHECK(BlockText(ex, ex.blocks[0]) == "连云港");
    CHECK(BlockText(ex, ex.blocks[1]) == "市政府办");
  }

  SUBCASE("decoder warnings are carried into Extracted") {
    Options options;
    options.declared_charset = "gbk";
    Result<Extracted> r = ExtractText("\xC1\xAC\xFF\xB8\xDB", options, /*markdown=*/false);
    REQUIRE(r.ok());
    CHECK(r.value().text == "连\xEF\xBF\xBD港");
    REQUIRE(r.value().warnings.size() == 1);
    CHECK(r.value().warnings[0].code == WarningCode::kUndecodableBytes);
    CHECK(r.value().warnings[0].message.find("byte 2") != std::string::npos);
  }

  SUBCASE("blank input is kEmpty") {
    const std::string inputs[] = {"", "\n\n", "  \t\r\n\xE3\x80\x80\n"};
    for (const std::string& in : inputs) {
      CAPTURE(in);
      Result<Extracted> r = ExtractText(in, Options{}, /*markdown=*/false);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kEmpty);
    }
  }
}

TEST_CASE("Extract") {
  SUBCASE("the seed documents: format from content, blocks for every non-blank line") {
    struct Case {
      const char* name;
      const char* format;
    };
    const Case cases[] = {
        {"000_416e64e656112d15.txt", "text"},
        {"002_9825fd42b4a1cf31.txt", "text"},
        {"003_838b7ceec8d27e5e.txt", "text"},
        {"004_ebfee30354606d84.txt", "markdown"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      const std::string bytes = ReadSample(c.name);
      Options options;
      options.path = c.name;
      Result<Extracted> r = Extract(bytes, options);
      REQUIRE(r.ok());
      const Extracted& ex = r.value();
      CHECK(std::string(NameOf(ex.source.format)) == c.format);
      CHECK(ex.source.encoding == "utf-8");
      CHECK(ex.text == bytes);
      size_t non_blank = 0;
      std::istringstream lines(bytes);
      for (std::string line; std::getline(lines, line);) {
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++non_blank;
      }
      CHECK(ex.blocks.size() == non_blank);
    }
  }

  SUBCASE("seed 004: its headings and list items are tagged") {
    Result<Extracted> r = Extract(ReadSample("004_ebfee30354606d84.txt"), Options{});
    REQUIRE(r.ok());
    const Extracted& ex = r.value();
    REQUIRE(ex.blocks.size() >= 9);
    CHECK(BlockText(ex, ex.blocks[0]) == "### 连政办规〔2025〕6号");
    CHECK(ex.blocks[0].kind == BlockKind::kHeading);
    CHECK(ex.blocks[0].heading_level == 3);
    CHECK(ex.blocks[1].kind == BlockKind::kHeading);
    CHECK(ex.blocks[1].heading_level == 1);
    CHECK(ex.blocks[2].kind == BlockKind::kParagraph);  // 各县、区人民政府,…
    int headings = 0, items = 0;
    for (const Block& b : ex.blocks) {
      headings += b.kind == BlockKind::kHeading;
      items += b.kind == BlockKind::kListItem;
    }
    CHECK(headings == 9);  // ###, #, ## and six ####
    CHECK(items == 11);    // the "- (一)…" clauses
  }

  SUBCASE("binary data is rejected as unsupported, at the first NUL") {
    const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    Result<Extracted> r = Extract(png, Options{});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUnsupported);
    REQUIRE(r.error().byte_offset.has_value());
    CHECK(*r.error().byte_offset == 8);
  }

  SUBCASE("Chinese text with a NUL in it is binary too") {
    const std::string bytes("连云港\0市政府", 13);
    Result<Extracted> r = Extract(bytes, Options{});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUnsupported);
    CHECK(r.error().byte_offset.value_or(-1) == 9);
  }

  SUBCASE("a PDF header over garbage goes to the PDF reader and is a decode error") {
    const std::string inputs[] = {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "%PDF-1.4 连云港"};
    for (const std::string& in : inputs) {
      CAPTURE(in);
      Result<Extracted> r = Extract(in, Options{.path = "x.txt"});
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kDecode);
      CHECK(r.error().message.find("not a readable PDF") != std::string::npos);
    }
  }

  SUBCASE("empty and blank input are kEmpty") {
    const std::string inputs[] = {"", "\n", "\r\n   \r\n"};
    for (const std::string& in : inputs) {
      CAPTURE(in);
      Result<Extracted> r = Extract(in, Options{});
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == ErrorCode::kEmpty);
    }
  }

  SUBCASE("UTF-16LE with a BOM is extracted, not rejected for its NULs") {
    const std::string bytes("\xFF\xFE\xDE\x8F\x91\x4E\x2F\x6E\x0A\x00\x32\x00", 12);  // 连云港\n2
    Result<Extracted> r = Extract(bytes, Options{});
    REQUIRE(r.ok());
    CHECK(r.value().text == "连云港\n2");
    CHECK(r.value().source.encoding == "utf-16le");
    CHECK(r.value().blocks.size() == 2);
  }

  SUBCASE("Markdown sniffed in a .txt changes the block kinds") {
    const std::string md = "# 市政府办公室关于印发的通知\n\n## 若干政策措施\n\n- (一)推动发展。\n";
    Options options;
    options.path = "policy.txt";
    Result<Extracted> r = Extract(md, options);
    REQUIRE(r.ok());
    CHECK(r.value().source.format == SourceFormat::kMarkdown);
    REQUIRE(r.value().blocks.size() == 3);
    CHECK(r.value().blocks[0].kind == BlockKind::kHeading);
    CHECK(r.value().blocks[1].kind == BlockKind::kHeading);
    CHECK(r.value().blocks[1].heading_level == 2);
    CHECK(r.value().blocks[2].kind == BlockKind::kListItem);

    const std::string plain = "# 市政府办公室关于印发的通知\n\n- (一)推动发展。\n";
    Result<Extracted> r2 = Extract(plain, options);
    REQUIRE(r2.ok());
    CHECK(r2.value().source.format == SourceFormat::kText);
    for (const Block& b : r2.value().blocks) CHECK(b.kind == BlockKind::kParagraph);
  }
}

}  // namespace
}  // namespace gongwen::extract

TEST_CASE("front matter: a static-site page's YAML block is no text; its title and date are stated") {
  const std::string page =
      "---\nlayout: default\ntitle: \"某市关于支持企业发展的若干措施\"\ndate: 2026-05-25 10:00:00 +0800\ntags:\n  - 政策\n---\n"
      "<style>p { color: red; }</style>\n<article><h1>某市关于支持企业发展的若干措施</h1>"
      "<p>一、给予最高100万元奖励。</p><p>二、强化保障。</p></article>\n";
  gongwen::extract::Options options;
  options.path = "policy.html";
  auto ex = gongwen::extract::Extract(page, options);
  REQUIRE(ex.ok());
  // <article> after <style> is read (libxml2 would put it in <head>).
  CHECK(ex.value().text.find("一、给予最高100万元奖励。") != std::string::npos);
  CHECK(ex.value().text.find("layout") == std::string::npos);
  REQUIRE(ex.value().stated.size() == 2);
  CHECK(ex.value().stated[0].field == "title");
  CHECK(ex.value().stated[0].value == "某市关于支持企业发展的若干措施");
  CHECK(ex.value().stated[0].from == gongwen::ValueFrom::kFrontMatter);
  CHECK(ex.value().stated[1].field == "published_date");
  // A text that opens with a rule line is no front matter.
  options.path = "a.txt";
  auto plain = gongwen::extract::Extract("---\n关于某事的通知\n---\n一、总则。\n", options);
  REQUIRE(plain.ok());
  CHECK(plain.value().stated.empty());
  CHECK(plain.value().text.find("关于某事的通知") != std::string::npos);
}
