// The hostile inputs of ../shared/hostile/gen (made here, at test time),
// in one batch: each comes out as a document or as its located error, and
// the batch around them is complete.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <cstdio>
#include <iterator>
#include <vector>

#include "tests/app/cli_support.h"

namespace fs = std::filesystem;

namespace {

using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;

const std::string kBody = "一、总则\n（一）对新认定的企业给予最高300万元奖励，比例不超过50%。责任单位：市科技局、市财政局\n";

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Billion laughs and XXE in the internal subset of a DOCTYPE.
std::string Laughs() {
  std::string ents = "<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i) {
    const std::string ref = i > 1 ? "&lol" + std::to_string(i - 1) + ";" : "&lol;";
    ents += "<!ENTITY lol" + std::to_string(i) + " \"" + Repeat(ref, 10) + "\">";
  }
  return "<!DOCTYPE html [ " + ents + " <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>"
         "<html><head><title>关于印发的通知</title></head><body><h1>关于印发的通知</h1><p>" +
         kBody + "</p><p>&lol9;</p><p>XXE:&xxe;</p></body></html>";
}

std::string Table(int rows) {
  std::string t = "<html><body><h1>关于下达资金的通知</h1><p>" + kBody +
                  "</p><table><tr><th>序号</th><th>项目</th><th>金额</th><th>比例</th><th>责任单位</th></tr>";
  for (int i = 0; i < rows; ++i) {
    t += "<tr><td>" + std::to_string(i) + "</td><td>项目" + std::to_string(i) + "</td><td>" + std::to_string(i % 1000) +
         "万元</td><td>" + std::to_string(i % 100) + "%</td><td>市科技局</td></tr>";
  }
  return t + "</table></body></html>";
}

}  // namespace

TEST_CASE("hostile: deep nesting, NUL bytes, entity bombs and a long table in one batch") {
  fs::path in = gongwen::testing::FreshDir("hostile_in"), out = gongwen::testing::FreshDir("hostile_out");
  WriteFile(in / "a_good.txt", kBody);
  WriteFile(in / "deep.html", "<html><body>" + Repeat("<div>", 100000) + "<p>关于印发的通知</p><p>" + kBody + "</p>" +
                                  Repeat("</div>", 100000) + "</body></html>");
  WriteFile(in / "nul.txt", std::string(1 << 20, '\0'));
  WriteFile(in / "laughs.html", Laughs());
  WriteFile(in / "table.html", Table(50000));  // gen.py's table50k.html
  WriteFile(in / "z_good.txt", kBody);

  auto r = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  CHECK(r.err.find("deep.html: error: elements nested deeper than") != std::string::npos);
  CHECK(r.err.find("nul.txt: error: binary data") != std::string::npos);
  CHECK(r.err.find("(byte 0)") != std::string::npos);
  CHECK(r.err.find("6 input(s): 4 ok, 2 failed") != std::string::npos);

  std::ifstream jsonl(out / "documents.jsonl");
  std::string all((std::istreambuf_iterator<char>(jsonl)), std::istreambuf_iterator<char>());
  // Nothing expanded, nothing read from the file system.
  CHECK(all.find("lollollol") == std::string::npos);
  CHECK(all.find("root:") == std::string::npos);
  // The table's page kept its clause and its money.
  CHECK(all.find("a_good.txt") != std::string::npos);
  CHECK(all.find("z_good.txt") != std::string::npos);
  CHECK(all.find("table.html") != std::string::npos);
  CHECK(all.find("项目49999") != std::string::npos);
  CHECK(all.find("给予最高300万元奖励") != std::string::npos);
  // Output in proportion to the input (4.7 MB of table page).
  CHECK(all.size() < 40u * 1024 * 1024);
}

namespace {

// A PDF of `pages` pages sharing one content stream (../shared/hostile/gen/genpdf.py (a)).
std::string ManyPagesPdf(int pages) {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  const std::string content = "BT /F1 12 Tf 72 700 Td (Article 1: 300 wan yuan) Tj ET";
  objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                   "/Contents 4 0 R >>");
    kids += std::to_string(objs.size()) + " 0 R ";
  }
  objs[1] = "<< /Type /Pages /Count " + std::to_string(pages) + " /Kids [" + kids + "] >>";
  std::string out = "%PDF-1.5\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace

TEST_CASE("hostile: a PDF of many pages is refused by --max-pages at once, the batch goes on") {
  fs::path in = gongwen::testing::FreshDir("hostile_pdf_in"), out = gongwen::testing::FreshDir("hostile_pdf_out");
  WriteFile(in / "a_good.txt", kBody);
  WriteFile(in / "many.pdf", ManyPagesPdf(3000));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  CHECK(r.err.find("many.pdf: error: the PDF has 3000 pages, over --max-pages 2000 [limit]") != std::string::npos);
  CHECK(r.err.find("2 input(s): 1 ok, 1 failed") != std::string::npos);
  // Within the limit it is read.
  auto ok = RunCli({"run", (in / "many.pdf").string(), "-o", out.string(), "--no-db", "--max-pages", "5000"});
  CHECK(ok.code == 0);
}

TEST_CASE("hostile: a span bomb, an XHTML entity bomb, a looping PDF and a GBK file name in one batch") {
  fs::path in = gongwen::testing::FreshDir("hostile_more_in"), out = gongwen::testing::FreshDir("hostile_more_out");
  WriteFile(in / "a_good.txt", kBody);
  WriteFile(in / "spanbomb.html", "<html><body><h1>通知</h1><p>" + kBody + "</p><table>" +
                                      Repeat("<tr><td rowspan=\"65534\" colspan=\"1000\">x</td></tr>", 50) +
                                      "</table></body></html>");
  std::string xhtml = Laughs();
  xhtml.replace(xhtml.find("<!DOCTYPE html ["), 16,
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                "\"file:///etc/passwd\" [");
  WriteFile(in / "laughs_xml.html", xhtml);
  fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "tests/data/hostile/objstm_loop.pdf", in / "objstm_loop.pdf");
  WriteFile(in / std::string("gbk_\xcd\xa8\xd6\xaa.txt"), kBody);  // 通知 in GBK bytes
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  CHECK(r.err.find("objstm_loop.pdf: error:") != std::string::npos);
  CHECK(r.err.find("5 input(s): 4 ok, 1 failed") != std::string::npos);
  std::ifstream jsonl(out / "documents.jsonl");
  std::string all((std::istreambuf_iterator<char>(jsonl)), std::istreambuf_iterator<char>());
  CHECK(all.find("root:") == std::string::npos);
  CHECK(all.size() < 200000);  // the bomb's spans did not blow up the output
}
