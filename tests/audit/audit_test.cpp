// The audit pages from real records: gongwen's own output for samples,
// read back as JSON. What a browser does with them is tests/browser.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "audit/report.h"
#include "audit/show.h"
#include "tests/app/cli_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using gongwen::testing::ReadFileOrFail;
using gongwen::testing::RunCli;

namespace {

// The compact record `gongwen extract` writes for a sample.
std::string RecordOf(const std::string& sample) {
  auto r = RunCli({"extract", "--compact", (fs::path(GONGWEN_SOURCE_DIR) / "samples" / sample).string()});
  REQUIRE(r.code == 0);
  return r.out.substr(0, r.out.find('\n'));
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("show: every amount and bureau of a sample is a side-table row and a mark over its own text") {
  const Json r = Json::parse(RecordOf("202_qingdao_cuoshi.txt"));
  const std::string page = gongwen::audit::ShowPage(r);
  size_t amounts = 0, bureaus = 0;
  for (const Json& c : r["clauses"]) {
    amounts += c["amounts"].size();
    bureaus += c["bureaus"].size();
    for (const Json& a : c["amounts"]) {
      // The mark's piece holds exactly the amount's text (no other mark cuts it).
      CHECK(page.find("\">" + a["text"].get<std::string>() + "</span>") != std::string::npos);
    }
  }
  REQUIRE(amounts > 10);
  CHECK(Count(page, "<tr id=\"r-") == amounts + bureaus + r["metadata"]["provenance"].size() +
                                          Count(page, "class=\"link k-repair") + Count(page, "class=\"link k-warning"));
  CHECK(page.find("Amounts (" + std::to_string(amounts) + ")") != std::string::npos);
  CHECK(page.find("Bureaus (" + std::to_string(bureaus) + ")") != std::string::npos);
  // Self-contained: no external resource.
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("href=\"http") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
}

TEST_CASE("show: every 繁→简 run is marked, the list is capped; page numbers removed from a PDF are shown where they were") {
  const Json trad = Json::parse(RecordOf("003_838b7ceec8d27e5e.html"));
  size_t items = 0;
  for (const Json& g : trad["quality"]["repairs"]) {
    if (g["kind"] == "traditional_to_simplified") items = g["items"].size();
  }
  const std::string page = gongwen::audit::ShowPage(trad);
  // One mark per item (the normalizer logs runs: 產業創 → 产业创), all in
  // the text; the side list stops at 400 rows and says how many more.
  CHECK(items > 600);
  CHECK(page.find("traditional_to_simplified (" + std::to_string(items) + ")") != std::string::npos);
  CHECK(Count(page, "class=\"link k-repair r-traditional_to_simplified\"") == 400);
  CHECK(page.find("… " + std::to_string(items - 400) + " more, marked in the text") != std::string::npos);
  const std::string pdf = gongwen::audit::ShowPage(Json::parse(RecordOf("000_416e64e656112d15.pdf")));
  for (int n = 1; n <= 7; ++n) {
    CHECK(pdf.find("<del class=\"k-repair r-page_furniture\"") != std::string::npos);
    CHECK(pdf.find("\">—" + std::to_string(n) + "—</del>") != std::string::npos);
  }
}

TEST_CASE("show: text and values are escaped, a record of another shape is a page saying so") {
  Json r = Json::parse(RecordOf("101_suzhou_banfa.txt"));
  const std::string evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
  r["text"] = r["text"].get<std::string>() + evil;
  r["metadata"]["title"] = "\"><script>alert(3)</script>";
  const std::string page = gongwen::audit::ShowPage(r);
  CHECK(page.find("alert(") != std::string::npos);  // shown, as text
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(Count(page, "<script>") == 1);  // the page's own
  CHECK(gongwen::audit::ShowPage(Json::array({1, 2})).find("not a gongwen/1 record") != std::string::npos);
  Json broken = r;
  broken["clauses"] = "not a list";
  broken["quality"]["repairs"][0]["items"][0]["at"] = -5;
  CHECK(gongwen::audit::ShowPage(broken).find("</html>") != std::string::npos);
}

TEST_CASE("report: failed inputs first, then the documents missing most; one page per document") {
  gongwen::audit::ReportInput in;
  in.run = "test";
  in.records = {RecordOf("101_suzhou_banfa.txt"), RecordOf("shell_page.html"), RecordOf("101_suzhou_banfa.txt")};
  in.failures = {R"({"path":"x/broken.pdf","code":"decode","byte":12,"page":null,"message":"not a PDF"})"};
  const auto files = gongwen::audit::BuildReport(in);
  REQUIRE(files.size() == 4);  // index + 3 pages (the same id twice: -2)
  CHECK(files[0].path == "index.html");
  CHECK(files[2].path.find("docs/") == 0);
  CHECK(files[3].path.size() > 7);
  CHECK(files[3].path.substr(files[3].path.size() - 7) == "-2.html");
  const std::string& index = files[0].content;
  const size_t failed = index.find("x/broken.pdf"), shell = index.find("shell_page.html"),
               suzhou = index.find("101_suzhou_banfa.txt");
  CHECK(failed < shell);
  CHECK(shell < suzhou);
  CHECK(index.find("failed: decode: not a PDF") != std::string::npos);
  const gongwen::audit::Findings f = gongwen::audit::Review(in.records[1]);
  CHECK(std::find(f.missing.begin(), f.missing.end(), "no_clauses") != f.missing.end());
  CHECK(gongwen::audit::Review(in.records[0]).missing.empty());
}

TEST_CASE("show and report commands: a document picked from a run by file name, a site written for the run") {
  fs::path in = gongwen::testing::FreshDir("audit_in"), out = gongwen::testing::FreshDir("audit_out");
  fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "samples/101_suzhou_banfa.txt", in / "101_suzhou_banfa.txt");
  gongwen::testing::WriteFile(in / "empty.txt", "");
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "-q"}).code == 1);
  auto shown = RunCli({"show", "101_suzhou_banfa.txt", "--from", out.string(), "-o", (out / "p.html").string()});
  CHECK(shown.code == 0);
  CHECK(ReadFileOrFail((out / "p.html").string()).find("苏州") != std::string::npos);
  // From the database too.
  auto from_db = RunCli({"show", "101_suzhou_banfa.txt", "--from", (out / "gongwen.db").string()});
  CHECK(from_db.code == 0);
  CHECK(from_db.out == ReadFileOrFail((out / "p.html").string()));
  auto none = RunCli({"show", "nosuch.txt", "--from", out.string()});
  CHECK(none.code == 1);
  CHECK(none.err.find("no document named 'nosuch.txt' among 1 record(s)") != std::string::npos);
  auto bad = RunCli({"show", "x", "--from", (out / "missing").string()});
  CHECK(bad.code == 3);
  auto report = RunCli({"report", out.string()});
  CHECK(report.code == 0);
  CHECK(report.out.find("1 document(s), 1 failed input(s)") != std::string::npos);
  const std::string index = ReadFileOrFail((out / "report" / "index.html").string());
  CHECK(index.find("empty.txt") != std::string::npos);
  CHECK(index.find("href=\"docs/") != std::string::npos);
}
