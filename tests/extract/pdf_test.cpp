// The PDF extractor on the seeds' PDFs (samples/*.pdf, official layout made
// by scripts/make-sample-pdfs): pages, furniture, paragraphs, joins.
#include <doctest/doctest.h>

#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

using gongwen::BlockKind;
using gongwen::RepairKind;
using gongwen::AmountKind;
using gongwen::AmountQualifier;
using gongwen::SourceFormat;

namespace {

gongwen::Extracted ExtractSample(const std::string& name) {
  auto bytes = gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/samples/" + name);
  REQUIRE(bytes.ok());
  gongwen::extract::Options o;
  o.path = name;
  auto r = gongwen::extract::Extract(bytes.value(), o);
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string BlockText(const gongwen::Extracted& ex, const gongwen::Block& b) {
  return ex.text.substr(b.begin, b.end - b.begin);
}

}  // namespace

TEST_CASE("ExtractPdf: pages, page numbers and paragraphs of seed 004") {
  gongwen::Extracted ex = ExtractSample("004_ebfee30354606d84.pdf");
  CHECK(ex.source.format == SourceFormat::kPdf);
  REQUIRE(ex.source.pages.has_value());
  const int pages = *ex.source.pages;
  CHECK(pages == 7);

  SUBCASE("every page number is furniture, never body text") {
    int furniture = 0;
    for (const gongwen::Block& b : ex.blocks) {
      REQUIRE(b.page.has_value());
      CHECK(*b.page >= 1);
      CHECK(*b.page <= pages);
      std::string t = BlockText(ex, b);
      if (b.kind == BlockKind::kFurniture) {
        ++furniture;
        CAPTURE(t);
        CHECK(t.find("—") != std::string::npos);
        CHECK(t.find(std::to_string(*b.page)) != std::string::npos);
      } else {
        // Poppler gives the footer as "—4—" (no spaces) for these files.
        CHECK(t.find("—" + std::to_string(*b.page) + "—") == std::string::npos);
      }
    }
    CHECK(furniture == pages);
  }

  SUBCASE("a number broken by a line end is whole, with no space inside") {
    // LibreOffice broke 80万元 as 8 / 0万元 (docs/pdf-samples.md).
    CHECK(ex.text.find("80万元") != std::string::npos);
    CHECK(ex.text.find("8 0万元") == std::string::npos);
    CHECK(ex.text.find("单个企业年度内限申报一个项目") != std::string::npos);
  }

  SUBCASE("the two-line title is one heading block") {
    bool found = false;
    for (const gongwen::Block& b : ex.blocks) {
      if (BlockText(ex, b) == "市政府办公室关于印发加快建设制造强市若干政策措施的通知") {
        found = true;
        CHECK(b.kind == BlockKind::kHeading);
      }
    }
    CHECK(found);
  }

  SUBCASE("each clause starts its own paragraph") {
    int clause_paragraphs = 0;
    for (const gongwen::Block& b : ex.blocks) {
      std::string t = BlockText(ex, b);
      if (t.rfind("（", 0) == 0 && t.find("）") != std::string::npos && t.find("。") != std::string::npos) {
        ++clause_paragraphs;
      }
    }
    CHECK(clause_paragraphs >= 21);
  }
}

TEST_CASE("ExtractPdf: through the pipeline, furniture is a logged repair and 版记 is metadata") {
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  auto bytes = gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) +
                                    "/samples/004_ebfee30354606d84.pdf");
  REQUIRE(bytes.ok());
  auto policy = pipeline.value()->Process(bytes.value(), "004.pdf");
  REQUIRE(policy.ok());
  const gongwen::Policy& p = policy.value();
  bool logged = false;
  for (const gongwen::Repair& r : p.repairs) {
    if (r.kind != RepairKind::kPageFurniture) continue;
    logged = true;
    CHECK(r.items.size() == 7);
    for (const gongwen::RepairItem& it : r.items) CHECK(it.after.empty());
  }
  CHECK(logged);
  CHECK(p.text.find("—3—") == std::string::npos);
  CHECK(p.text.find("—7—") == std::string::npos);
  CHECK(p.metadata.printed_by == "连云港市人民政府办公室");
  CHECK(p.metadata.printed_date == "2025-11-25");
  CHECK(p.metadata.cc.size() == 7);
  // The closing part (3:7 cost sharing, 施行, 抄送, 印发) is not in the last clause.
  REQUIRE(!p.clauses.empty());
  for (const gongwen::Amount& a : p.clauses.back().amounts) CHECK(a.kind != AmountKind::kRatio);
}

TEST_CASE("ExtractPdf: running headers and 第N页 共M页 footers are furniture on every page") {
  // tests/data/running_header.pdf: 6 pages, made by make_running_header_pdf.py.
  auto bytes =
      gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/tests/data/running_header.pdf");
  REQUIRE(bytes.ok());
  gongwen::extract::Options o;
  o.path = "running_header.pdf";
  auto r = gongwen::extract::Extract(bytes.value(), o);
  REQUIRE(r.ok());
  const gongwen::Extracted& ex = r.value();
  REQUIRE(ex.source.pages == 6);
  int headers = 0, footers = 0;
  for (const gongwen::Block& b : ex.blocks) {
    std::string t = BlockText(ex, b);
    CAPTURE(t);
    const bool header = t.find("规范性文件") != std::string::npos;
    const bool footer = t.find("页") != std::string::npos && t.find("共") != std::string::npos &&
                        t.size() < 40;
    if (header || footer) {
      CHECK(b.kind == BlockKind::kFurniture);
      headers += header;
      footers += footer;
    } else {
      CHECK(b.kind != BlockKind::kFurniture);
    }
  }
  CHECK(headers == 6);
  CHECK(footers == 6);

  // The 40 numbered items survive the page breaks whole, each with its amount.
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  auto policy = pipeline.value()->Process(bytes.value(), "running_header.pdf");
  REQUIRE(policy.ok());
  REQUIRE(policy.value().clauses.size() == 40);
  for (const gongwen::Clause& c : policy.value().clauses) {
    CAPTURE(c.path[0]);
    int money = 0;
    for (const gongwen::Amount& a : c.amounts) {
      if (a.kind != AmountKind::kMoney) continue;
      ++money;
      CHECK(a.fen == int64_t{c.path[0]} * 100000 * 100);
      CHECK(a.qualifier == AmountQualifier::kMax);
    }
    CHECK(money == 1);
  }
}
