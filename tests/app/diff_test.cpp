// `gongwen diff A B` (app/diff.h): two runs over the same samples, the
// second with three known edits, compared as folders and as databases.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/app/cli_support.h"
#include "tests/db/db_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using gongwen::testing::FreshDatabase;
using gongwen::testing::FreshDir;
using gongwen::testing::ReadFileOrFail;
using gongwen::testing::ReadSample;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;
using Json = nlohmann::json;

namespace {

const std::vector<std::string> kFiles = {"101_suzhou_banfa.txt", "202_qingdao_cuoshi.txt", "203_xiamen_cuoshi.txt",
                                         "301_crawl_records.jsonl"};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "no ", from);
  return s.replace(at, from.size(), to);
}

// 202 with three edits: 300万元 → 350万元 in item 5; item 2 removed (items
// 3 … 9 renumbered 2 … 8, as an editor would); 市教育局 → 市教育委员会 in item 7.
std::string Edited() {
  std::string s = ReadSample("202_qingdao_cuoshi.txt");
  s = Replace(s, "给予300万元奖励", "给予350万元奖励");
  const size_t from = s.find("2.对新取得"), to = s.find("（二）发展海洋高端装备");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  s.erase(from, to - from);
  for (int k = 3; k <= 9; ++k) s = Replace(s, "\n" + std::to_string(k) + ".", "\n" + std::to_string(k - 1) + ".");
  return Replace(s, "市科技局、市教育局）", "市科技局、市教育委员会）");
}

// `gongwen run` over the samples (B: with the edits) into OUT; the input
// folders have different names, as two days' crawls do.
fs::path RunSamples(const std::string& name, bool edited) {
  const fs::path in = FreshDir(name + "_in");
  for (const std::string& f : kFiles) fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "samples" / f, in / f);
  if (edited) WriteFile(in / "202_qingdao_cuoshi.txt", Edited());
  const fs::path out = FreshDir(name + "_out");
  auto r = RunCli({"run", in.string(), "-o", out.string(), "-q"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  return out;
}

// The two runs, made once for all the tests here.
const fs::path& RunA() {
  static const fs::path out = RunSamples("diff_a", false);
  return out;
}
const fs::path& RunB() {
  static const fs::path out = RunSamples("diff_b", true);
  return out;
}

Json DiffJson(const std::string& a, const std::string& b, int expected_code) {
  auto r = RunCli({"diff", a, b, "--json"});
  REQUIRE_MESSAGE(r.code == expected_code, r.err);
  return Json::parse(r.out);
}

// The changes of one kind and change in a report's documents.
std::vector<Json> Changes(const Json& report, const std::string& kind, const std::string& change) {
  std::vector<Json> out;
  for (const Json& d : report["documents"]) {
    for (const Json& c : d["changes"]) {
      if (c["kind"] == kind && c["change"] == change) out.push_back(c);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("diff: a changed amount, a removed clause and a renamed bureau, and nothing else") {
  const Json j = DiffJson(RunA().string(), RunB().string(), 1);
  CHECK(j["schema"] == "gongwen-diff/1");
  CHECK(j["identical"] == false);
  const Json& c = j["counts"];
  CHECK(c["documents_a"] == c["documents_b"]);
  CHECK(c["matched"] == c["documents_a"]);
  CHECK(c["only_in_a"] == 0);
  CHECK(c["only_in_b"] == 0);
  CHECK(c["changed"] == 1);
  CHECK(c["amounts_changed"] == 1);
  CHECK(c["clauses_removed"] == 1);
  CHECK(c["bureaus_renamed"] == 1);
  CHECK(c["clauses_renumbered"] == 7);  // items 3 … 9 became 2 … 8
  for (const char* zero : {"clauses_added", "clauses_changed", "amounts_added", "amounts_removed", "bureaus_added",
                           "bureaus_removed", "bureaus_changed", "metadata_changed"}) {
    CAPTURE(zero);
    CHECK(c[zero] == 0);
  }
  REQUIRE(j["documents"].size() == 1);
  const Json& doc = j["documents"][0];
  CHECK(doc["matched_by"] == "name");  // the input folders differ
  CHECK(doc["key"].get<std::string>().find("202_qingdao_cuoshi.txt") != std::string::npos);

  const auto amounts = Changes(j, "amount", "changed");
  REQUIRE(amounts.size() == 1);
  CHECK(amounts[0]["a"]["text"] == "300万元");
  CHECK(amounts[0]["b"]["text"] == "350万元");
  CHECK(amounts[0]["a"]["value"] == 3000000);
  CHECK(amounts[0]["b"]["value"] == 3500000);
  CHECK(amounts[0]["a"]["clause_text"].get<std::string>().find("给予300万元奖励") != std::string::npos);
  CHECK(amounts[0]["b"]["clause_text"].get<std::string>().find("给予350万元奖励") != std::string::npos);
  CHECK(amounts[0]["a"]["clause"] == "2.3.5");
  CHECK(amounts[0]["b"]["clause"] == "2.3.4");

  const auto removed = Changes(j, "clause", "removed");
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]["b"].is_null());
  CHECK(removed[0]["a"]["marker"] == "2.");
  CHECK(removed[0]["a"]["text"].get<std::string>().find("医疗器械注册证") != std::string::npos);

  const auto renamed = Changes(j, "bureau", "renamed");
  REQUIRE(renamed.size() == 1);
  CHECK(renamed[0]["a"]["name"] == "市教育局");
  CHECK(renamed[0]["b"]["name"] == "市教育委员会");
  CHECK(renamed[0]["b"]["clause_text"].get<std::string>().find("市教育委员会") != std::string::npos);

  // The text report: counts first, then the document's changes.
  auto text = RunCli({"diff", RunA().string(), RunB().string()});
  CHECK(text.code == 1);
  CHECK(text.out.find("clauses    0 added, 1 removed, 7 renumbered, 0 changed") < text.out.find("== "));
  CHECK(text.out.find("amounts    0 added, 0 removed, 1 changed") != std::string::npos);
  CHECK(text.out.find("bureaus    0 added, 0 removed, 1 renamed, 0 changed") != std::string::npos);
  CHECK(text.out.find("amount changed in 2.3.5: 300万元 (3000000) -> 350万元 (3500000)") != std::string::npos);
  CHECK(text.out.find("bureau renamed in 2.4.7: 市教育局 (responsible) -> 市教育委员会 (responsible)") !=
        std::string::npos);
}

TEST_CASE("diff: identical runs exit 0") {
  const fs::path& a = RunA();
  const fs::path again = FreshDir("diff_again_out");
  // The same inputs as A, run again into another folder.
  auto r = RunCli({"run", (fs::temp_directory_path() / "gongwen_test_diff_a_in").string(), "-o", again.string(),
                   "-q", "--no-db"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto text = RunCli({"diff", a.string(), again.string()});
  CHECK(text.code == 0);
  CHECK(text.out.find(": identical") != std::string::npos);
  const Json j = DiffJson(RunA().string(), (again / "documents.jsonl").string(), 0);
  CHECK(j["identical"] == true);
  CHECK(j["documents"].empty());
  CHECK(j["counts"]["matched"] == j["counts"]["documents_a"]);
}

TEST_CASE("diff: the databases of the runs give the report of their folders") {
  const Json folders = DiffJson(RunA().string(), RunB().string(), 1);
  const Json dbs = DiffJson((RunA() / "gongwen.db").string(), (RunB() / "gongwen.db").string(), 1);
  CHECK(dbs["counts"] == folders["counts"]);
  CHECK(dbs["documents"] == folders["documents"]);
  // A folder against a database.
  const Json mixed = DiffJson(RunA().string(), (RunB() / "gongwen.db").string(), 1);
  CHECK(mixed["counts"] == folders["counts"]);
  CHECK(DiffJson((RunA() / "gongwen.db").string(), RunA().string(), 0)["identical"] == true);
}

TEST_CASE("diff: usage errors exit 2, unreadable sides 3 with a located message") {
  auto one = RunCli({"diff", RunA().string()});
  CHECK(one.code == 2);
  CHECK(one.err.find("gongwen diff: expects two runs") != std::string::npos);
  auto flag = RunCli({"diff", RunA().string(), RunB().string(), "--jsn"});
  CHECK(flag.code == 2);

  const fs::path nowhere = fs::temp_directory_path() / "gongwen_test_diff_nowhere";
  auto missing = RunCli({"diff", RunA().string(), nowhere.string()});
  CHECK(missing.code == 3);
  CHECK(missing.err == nowhere.string() + ": error: no such file or folder\n");

  const fs::path empty = FreshDir("diff_empty");
  auto not_run = RunCli({"diff", empty.string(), RunA().string()});
  CHECK(not_run.code == 3);
  CHECK(not_run.err.find(empty.string() + ": error: no documents.jsonl") == 0);

  const fs::path bad = FreshDir("diff_bad");
  const std::string run = ReadFileOrFail((RunA() / "documents.jsonl").string());
  const std::string first = run.substr(0, run.find('\n') + 1);
  WriteFile(bad / "documents.jsonl", first + "{\"id\": broken\n");
  auto broken = RunCli({"diff", bad.string(), RunA().string()});
  CHECK(broken.code == 3);
  CHECK(broken.err.find((bad / "documents.jsonl").string() + ":2: error: ") == 0);

  WriteFile(bad / "documents.jsonl", first + "{\"schema\": \"gongwen-eval/1\"}\n");
  auto other = RunCli({"diff", RunA().string(), bad.string()});
  CHECK(other.code == 3);
  CHECK(other.err == (bad / "documents.jsonl").string() + ":2: error: not a gongwen/1 record (no \"schema\": \"gongwen/1\")\n");

  WriteFile(bad / "not.db", std::string("SQLite format 3\0", 16) + std::string(100, '\0'));
  auto not_db = RunCli({"diff", (bad / "not.db").string(), RunA().string()});
  CHECK(not_db.code == 3);
  CHECK(not_db.err.find((bad / "not.db").string() + ": error: ") == 0);
}

// On PostgreSQL too (ctest db_postgres runs the "db:" tests there).
TEST_CASE("db: diff reads a run's database (file or URL) as its folder") {
  (void)RunB();  // its input folder
  const fs::path out = FreshDir("diff_db_out");
  const std::string db = FreshDatabase(out);
  auto r = RunCli({"run", (fs::temp_directory_path() / "gongwen_test_diff_b_in").string(), "-o", out.string(),
                   "--db", db, "-q"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(DiffJson(out.string(), db, 0)["identical"] == true);
  const Json folders = DiffJson(RunA().string(), RunB().string(), 1);
  const Json with_db = DiffJson(RunA().string(), db, 1);
  CHECK(with_db["counts"] == folders["counts"]);
  CHECK(with_db["documents"] == folders["documents"]);
}
