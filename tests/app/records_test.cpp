// Issue 12 end to end: `gongwen run` on crawl containers. One document per
// record, FILE#N errors that leave the other records standing, one database
// source per record (FILE#KEY) so a re-crawled dump only redoes what
// changed, input lists and exclusions, and a WARC written by wget.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "tests/app/cli_support.h"
#include "tests/db/db_support.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace {

using gongwen::testing::Count;
using gongwen::testing::FreshDatabase;
using gongwen::testing::FreshDir;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;

std::vector<nlohmann::json> Records(const fs::path& out) {
  auto r = gongwen::files::Read((out / "documents.jsonl").string());
  REQUIRE(r.ok());
  std::vector<nlohmann::json> recs;
  std::istringstream in(r.value());
  for (std::string line; std::getline(in, line);) recs.push_back(nlohmann::json::parse(line));
  return recs;
}

std::string Line(const std::string& id, const std::string& title, const std::string& body) {
  return nlohmann::json({{"id", id}, {"title", title}, {"content", body}}).dump() + "\n";
}

const char kBody1[] = "<p>各区人民政府：</p><p>一、对企业给予最高100万元奖励。（责任单位：市科技局）</p>";
const char kBody2[] = "<p>各区人民政府：</p><p>一、对人才给予每人5万元补贴。（责任单位：市人社局）</p>";
const char kBody3[] = "<p>各区人民政府：</p><p>一、对园区给予最高300万元支持。（责任单位：市财政局）</p>";

}  // namespace

TEST_CASE("records: a JSON Lines crawl is one document per record; a broken line costs only itself") {
  fs::path in = FreshDir("rec_broken_in"), out = FreshDir("rec_broken_out");
  const std::string l1 = Line("a1", "某市关于支持企业的通知", kBody1);
  const std::string bad = "{\"id\": \"a2\", \"content\": \"<p>x</p>\" \"title\": 1}\n";
  WriteFile(in / "crawl.jsonl", l1 + bad + Line("a3", "某市关于支持园区的通知", kBody3));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  CHECK(r.err.find("crawl.jsonl#2: error: invalid JSON") != std::string::npos);
  CHECK(r.err.find("[decode]") != std::string::npos);
  CHECK(r.err.find("3 input(s) (2 record(s) from 1 container file(s)): 2 ok, 1 failed") != std::string::npos);
  auto recs = Records(out);
  REQUIRE(recs.size() == 2);
  CHECK(recs[0]["source"]["record"]["key"] == "a1");
  CHECK(recs[1]["source"]["record"]["key"] == "a3");
  CHECK(recs[1]["source"]["record"]["ordinal"] == 3);
  CHECK(recs[0]["metadata"]["title"] == "某市关于支持企业的通知");
  CHECK(recs[0]["metadata"]["provenance"]["title"]["from"] == "record_field");
  REQUIRE(recs[0]["clauses"].size() == 1);
  CHECK(recs[0]["clauses"][0]["amounts"][0]["value"] == 1000000);
  CHECK(recs[0]["clauses"][0]["bureaus"][0]["name"] == "市科技局");
}

TEST_CASE("records: an unchanged record of a re-crawled dump is skipped, a changed one is a new version") {
  fs::path in = FreshDir("rec_db_in"), out = FreshDir("rec_db_out");
  const std::string db = FreshDatabase(out);
  const fs::path dump = in / "crawl.jsonl";
  WriteFile(dump, Line("a1", "某市关于支持企业的通知", kBody1) + Line("a2", "某市关于支持人才的通知", kBody2) +
                      Line("a3", "某市关于支持园区的通知", kBody3));
  std::vector<std::string> run = {"run", dump.string(), "-o", out.string(), "--db", db, "--as-of", "2026-01-01"};
  auto first = RunCli(run);
  REQUIRE(first.code == 0);
  CHECK(first.err.find("3 new, 0 changed, 0 unchanged, 0 failed") != std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM sources WHERE path LIKE '%crawl.jsonl#a_'") == 3);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 3);

  // The crawl again, the records in another order: nothing to do.
  WriteFile(dump, Line("a3", "某市关于支持园区的通知", kBody3) + Line("a1", "某市关于支持企业的通知", kBody1) +
                      Line("a2", "某市关于支持人才的通知", kBody2));
  auto second = RunCli(run);
  REQUIRE(second.code == 0);
  CHECK(second.err.find("0 new, 0 changed, 3 unchanged, 0 failed") != std::string::npos);

  // One record edited: one new version, the old one kept.
  std::string edited = kBody2;
  edited.replace(edited.find("5万元"), std::string("5万元").size(), "8万元");
  WriteFile(dump, Line("a3", "某市关于支持园区的通知", kBody3) + Line("a1", "某市关于支持企业的通知", kBody1) +
                      Line("a2", "某市关于支持人才的通知", edited));
  auto third = RunCli(run);
  REQUIRE(third.code == 0);
  CHECK(third.err.find("0 new, 1 changed, 2 unchanged, 0 failed") != std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM versions") == 4);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 3);

  // A record added in front: the others are unchanged, and their output
  // says where they sit now, as a run from scratch would.
  const std::string added = Line("a0", "某市关于支持青年的通知", kBody1 + std::string("<p>二、其他。</p>"));
  WriteFile(dump, added + Line("a3", "某市关于支持园区的通知", kBody3) +
                      Line("a1", "某市关于支持企业的通知", kBody1) + Line("a2", "某市关于支持人才的通知", edited));
  auto fourth = RunCli(run);
  REQUIRE(fourth.code == 0);
  CHECK(fourth.err.find("1 new, 0 changed, 3 unchanged, 0 failed") != std::string::npos);
  auto recs = Records(out);
  REQUIRE(recs.size() == 4);
  CHECK(recs[1]["source"]["record"]["key"] == "a3");
  CHECK(recs[1]["source"]["record"]["ordinal"] == 2);
  CHECK(recs[1]["source"]["record"]["byte"] == added.size());
  auto doc = gongwen::files::Read((out / "docs" / (recs[1]["id"].get<std::string>() + ".json")).string());
  REQUIRE(doc.ok());
  CHECK(nlohmann::json::parse(doc.value())["source"]["record"]["ordinal"] == 2);
}

TEST_CASE("records: --files-from lists inputs (lines or NUL-separated), --exclude leaves some out") {
  fs::path in = FreshDir("rec_list_in"), out = FreshDir("rec_list_out"), lists = FreshDir("rec_list_lists");
  fs::create_directories(in / "gold");
  WriteFile(in / "a.jsonl", Line("a1", "某市关于支持企业的通知", kBody1));
  WriteFile(in / "gold" / "a.json", "{\"format\": \"gongwen-gold/1\"}");
  WriteFile(in / "notes.md", "# 说明\n\n## 二\n");
  WriteFile(lists / "list.txt", (in / "a.jsonl").string() + "\r\n\n" + (in / "notes.md").string() + "\n");
  auto r = RunCli({"run", "--files-from", (lists / "list.txt").string(), "--exclude", "*.md", "-o", out.string(),
                   "--no-db"});
  CHECK(r.code == 0);
  CHECK(Records(out).size() == 1);

  WriteFile(lists / "list0", (in / "a.jsonl").string() + std::string(1, '\0') + (in / "notes.md").string());
  r = RunCli({"run", "--files-from", (lists / "list0").string(), "-0", "-o", out.string(), "--no-db"});
  CHECK(r.code == 0);
  CHECK(Records(out).size() == 2);

  // A folder: the excluded gold/ is not entered.
  r = RunCli({"run", in.string(), "--exclude", "*/gold", "--exclude", "*.md", "-o", out.string(), "--no-db"});
  CHECK(r.code == 0);
  CHECK(Records(out).size() == 1);
  r = RunCli({"run", in.string(), "--exclude", "*.md", "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);  // gold/a.json is read as a record with no body
  CHECK(r.err.find("a.json#1: error: the record has no body field") != std::string::npos);

  CHECK(RunCli({"run", "--files-from", (in / "nosuch").string(), "-o", out.string()}).code == 1);
  CHECK(RunCli({"run", in.string(), "--fields", "body", "-o", out.string()}).code == 2);
}

TEST_CASE("records: a WARC written by wget runs like the pages it holds") {
  if (std::system("command -v wget >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1") != 0) {
    MESSAGE("wget or python3 missing: WARC end-to-end test not run (CI installs both)");
    return;
  }
  fs::path dir = FreshDir("rec_warc");
  const std::string prefix = (dir / "crawl").string();
  const std::string script = std::string(GONGWEN_SOURCE_DIR) + "/tests/container/make_warc.sh";
  REQUIRE(std::system(("bash '" + script + "' '" + prefix + "' >/dev/null 2>&1").c_str()) == 0);
  fs::path out = dir / "out";
  auto r = RunCli({"run", prefix + ".warc.gz", "-o", out.string(), "--no-db", "--as-of", "2026-01-01"});
  CHECK(r.code == 0);
  auto recs = Records(out);
  REQUIRE(recs.size() == 5);
  fs::path page_out = dir / "page";
  const std::string page = std::string(GONGWEN_SOURCE_DIR) + "/samples/000_416e64e656112d15.html";
  REQUIRE(RunCli({"run", page, "-o", page_out.string(), "--no-db", "--as-of", "2026-01-01"}).code == 0);
  const nlohmann::json file = Records(page_out)[0];
  bool found = false;
  for (const nlohmann::json& rec : recs) {
    CHECK(rec["source"]["record"]["container"] == "warc");
    const std::string url = rec["source"]["url"];
    CHECK(url.rfind("http://127.0.0.1:", 0) == 0);
    if (url.find("000_416e64e656112d15.html") == std::string::npos) continue;
    found = true;
    CHECK(rec["source"]["record"]["key"] == url);
    CHECK(rec["text"] == file["text"]);
    CHECK(rec["clauses"] == file["clauses"]);
  }
  CHECK(found);
}
