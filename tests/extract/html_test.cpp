#include <doctest/doctest.h>
#include <cstdio>
#include <cstdlib>
#include "extract/extract.h"
#include "util/files.h"
using namespace gongwen;
static const char* K(BlockKind k){switch(k){case BlockKind::kParagraph:return "P";case BlockKind::kHeading:return "H";case BlockKind::kListItem:return "L";case BlockKind::kTableRow:return "T";case BlockKind::kChrome:return "C";case BlockKind::kHidden:return "X";case BlockKind::kMetadata:return "M";}return "?";}
TEST_CASE("dumpHtml") {
  const char* f = std::getenv("DUMP");
  if (!f) return;
  auto b = files::Read(f);
  REQUIRE(b.ok());
  extract::Options o; o.path = f;
  if (const char* u = std::getenv("URL")) o.url = u;
  auto r = extract::ExtractHtml(b.value(), o);
  if (!r.ok()) { printf("ERR %s %s\n", ErrorCodeName(r.error().code), r.error().message.c_str()); return; }
  auto& e = r.value();
  printf("enc=%s src=%s url=%s\n", e.source.encoding.c_str(), e.source.encoding_source.c_str(), e.source.url.value_or("-").c_str());
  for (auto& w : e.warnings) printf("W %s: %s\n", w.code.c_str(), w.message.c_str());
  for (auto& p : e.page_fields) printf("F [%s]=[%s]\n", p.label.c_str(), p.value.c_str());
  for (auto& a : e.attachments) printf("A [%s] %s\n", a.title.c_str(), a.href.value_or("-").c_str());
  for (auto& bl : e.blocks) {
    std::string t = e.text.substr(bl.begin, bl.end-bl.begin);
    if (t.size() > 150) t = t.substr(0,150);
    printf("%s%d l%d t%d h%d cs%zu | %s\n", K(bl.kind), bl.heading_level, bl.line.value_or(-1), bl.table, bl.header_row, bl.cell_source.size(), t.c_str());
  }
}
#include "pipeline/pipeline.h"
TEST_CASE("dumpProc") {
  const char* f = std::getenv("DUMP");
  if (!f) return;
  auto b = files::Read(f);
  auto p = Pipeline::Create();
  auto r = p.value()->Process(b.value(), f);
  if (!r.ok()) { printf("ERR %s\n", r.error().message.c_str()); return; }
  auto& P = r.value();
  printf("TEXT:\n%s\n", P.text.c_str());
  for (auto& t : P.tables) { printf("TABLE hdr:"); for (auto& h: t.header) printf("[%s]", h.c_str()); printf("\n"); for (auto& row : t.rows){ for (auto& c: row) printf("[%s]", c.c_str()); printf("\n");} }
  for (auto& rp : P.repairs) { printf("R %s %zu\n", rp.kind.c_str(), rp.items.size()); for (auto& i : rp.items) printf("   [%s]\n", i.before.substr(0,90).c_str()); }
  for (auto& c : P.clauses) { printf("CL %s:", c.marker.c_str()); for (auto& a : c.amounts) printf(" %s/%s", a.kind.c_str(), a.text.c_str()); printf("\n"); }
  for (auto& w : P.warnings) printf("W %s: %s\n", w.code.c_str(), w.message.c_str());
  printf("issuer=%s signed=%s\n", P.metadata.issuer.value_or("-").c_str(), P.metadata.signed_date.value_or("-").c_str());
}
