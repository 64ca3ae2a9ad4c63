// The policy database behind `gongwen run` (db/db.h): incremental runs,
// versions, one policy from several sources, conflicts, migrations. Every
// test runs on SQLite, and on PostgreSQL too when GONGWEN_TEST_PG is set
// (ctest's db_postgres runs them under scripts/with-postgres).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "db/db.h"
#include "tests/app/cli_support.h"
#include "tests/db/db_support.h"
#include "tests/test_support.h"
#include "util/files.h"

namespace fs = std::filesystem;
namespace gdb = gongwen::db;
using gongwen::testing::Count;
using gongwen::testing::FreshDatabase;
using gongwen::testing::FreshDir;
using gongwen::testing::QueryOrFail;
using gongwen::testing::ReadFileOrFail;
using gongwen::testing::ReadSample;
using gongwen::testing::RunCli;
using gongwen::testing::Snapshot;
using gongwen::testing::WriteFile;

namespace {

const fs::path kSamples = fs::path(GONGWEN_SOURCE_DIR) / "samples";

// Copies samples into a fresh input folder.
fs::path Inputs(const std::string& name, const std::vector<std::string>& samples) {
  fs::path in = FreshDir(name);
  for (const std::string& s : samples) fs::copy_file(kSamples / s, in / s);
  return in;
}

std::string Jsonl(const fs::path& out) {
  auto r = gongwen::files::Read((out / "documents.jsonl").string());
  REQUIRE(r.ok());
  return r.value();
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "no ", from);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("db: a second run over the same inputs is a no-op") {
  fs::path in = Inputs("db_noop_in", {"000_416e64e656112d15.html", "000_416e64e656112d15.pdf",
                                      "002_9825fd42b4a1cf31.txt", "101_suzhou_banfa.txt"});
  fs::path out = FreshDir("db_noop_out");
  const std::string db = FreshDatabase(out);
  auto first = RunCli({"run", in.string(), "-o", out.string(), "--db", db, "--as-of", "2026-01-01"});
  REQUIRE(first.code == 0);
  CHECK(first.err.find("4 input(s): 4 new, 0 changed, 0 unchanged, 0 failed") != std::string::npos);
  const std::string before = Snapshot(db);
  const std::string jsonl = Jsonl(out);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 3);
  CHECK(Count(db, "SELECT COUNT(*) FROM versions") == 4);
  CHECK(Count(db, "SELECT COUNT(*) FROM clauses") > 40);

  auto second = RunCli({"run", in.string(), "-o", out.string(), "--db", db, "--as-of", "2026-01-01"});
  REQUIRE(second.code == 0);
  CHECK(second.err.find("4 input(s): 0 new, 0 changed, 4 unchanged, 0 failed") != std::string::npos);
  CHECK(Snapshot(db) == before);
  CHECK(Jsonl(out) == jsonl);  // the stored records, byte for byte
  gdb::Table runs = QueryOrFail(db, "SELECT new_sources, unchanged FROM runs ORDER BY run_id");
  REQUIRE(runs.rows.size() == 2);
  CHECK(runs.rows[1][0] == "0");
  CHECK(runs.rows[1][1] == "4");

  // --reprocess does the work again and still changes nothing.
  auto third = RunCli({"run", in.string(), "-o", out.string(), "--db", db, "--as-of", "2026-01-01", "--reprocess"});
  CHECK(third.err.find("0 unchanged, 4 reprocessed, 0 failed") != std::string::npos);
  CHECK(Snapshot(db) == before);
  CHECK(Jsonl(out) == jsonl);
}

TEST_CASE("db: the output of an unchanged input is the output of processing it") {
  // Reused records are judged again on the new --as-of day, and are then
  // what a run without the database writes.
  fs::path in = Inputs("db_asof_in", {"000_416e64e656112d15.txt", "113_deqing_xian_zhengce.txt"});
  fs::path out = FreshDir("db_asof_out"), plain = FreshDir("db_asof_plain");
  const std::string db = FreshDatabase(out);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db, "--as-of", "2026-01-01"}).code == 0);
  for (const char* day : {"2020-01-01", "2031-06-30"}) {
    CAPTURE(day);
    auto again = RunCli({"run", in.string(), "-o", out.string(), "--db", db, "--as-of", day});
    CHECK(again.err.find("2 unchanged") != std::string::npos);
    REQUIRE(RunCli({"run", in.string(), "-o", plain.string(), "--no-db", "--as-of", day}).code == 0);
    CHECK(Jsonl(out) == Jsonl(plain));
    for (const auto& e : fs::directory_iterator(plain / "docs")) {
      CHECK(ReadFileOrFail((out / "docs" / e.path().filename()).string()) == ReadFileOrFail(e.path().string()));
    }
  }
  CHECK(Jsonl(out).find("\"status\":\"expired\"") != std::string::npos);
}

TEST_CASE("db: a changed input makes a new version and keeps the old one") {
  fs::path in = FreshDir("db_changed_in");
  fs::path out = FreshDir("db_changed_out");
  const std::string db = FreshDatabase(out);
  const std::string original = ReadSample("000_416e64e656112d15.txt");
  WriteFile(in / "policy.txt", original);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  const std::string old_version = QueryOrFail(db, "SELECT version_id FROM sources").rows.at(0).at(0).value();

  // The 200万元 grant for a 院士工作站 becomes 250万元.
  WriteFile(in / "policy.txt", Replace(original, "一次性补助200万元", "一次性补助250万元"));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("1 input(s): 0 new, 1 changed, 0 unchanged, 0 failed") != std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 1);
  CHECK(Count(db, "SELECT COUNT(*) FROM versions") == 2);
  CHECK(Count(db, "SELECT COUNT(*) FROM sources") == 1);
  gdb::Table now = QueryOrFail(db, "SELECT s.version_id, p.current_version FROM sources s JOIN policies p "
                                  "ON p.policy_key = s.policy_key");
  CHECK(now.rows.at(0).at(0) != old_version);
  CHECK(now.rows.at(0).at(0) == now.rows.at(0).at(1));
  // The old version keeps its clauses and amounts; the new one has the new sum.
  const std::string money = "SELECT COUNT(*) FROM amounts WHERE version_id = $1 AND fen = $2";
  CHECK(Count(db, money, {old_version, "200000000"}) >= 1);
  CHECK(Count(db, money, {*now.rows[0][0], "250000000"}) >= 1);
  CHECK(Count(db, "SELECT COUNT(*) FROM clauses WHERE version_id = $1", {old_version}) ==
        Count(db, "SELECT COUNT(*) FROM clauses WHERE version_id = $1", {*now.rows[0][0]}));

  // Back to the first text: no third version, the source points at the old one again.
  WriteFile(in / "policy.txt", original);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM versions") == 2);
  CHECK(QueryOrFail(db, "SELECT version_id FROM sources").rows.at(0).at(0) == old_version);
}

TEST_CASE("db: the HTML page and the PDF of one seed are one policy with two sources") {
  fs::path in = Inputs("db_sources_in", {"003_838b7ceec8d27e5e.html", "003_838b7ceec8d27e5e.pdf"});
  fs::path out = FreshDir("db_sources_out");
  const std::string db = FreshDatabase(out);
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 1);
  CHECK(Count(db, "SELECT COUNT(*) FROM versions") == 2);  // two texts
  gdb::Table s = QueryOrFail(db, "SELECT format, policy_key FROM sources ORDER BY path");
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[0][0] == "html");
  CHECK(s.rows[1][0] == "pdf");
  CHECK(s.rows[0][1] == s.rows[1][1]);
  gdb::Table p = QueryOrFail(db, "SELECT doc_number, title, sources, versions FROM policy_status");
  CHECK(p.rows.at(0).at(0) == "连政办发〔2021〕18号");
  CHECK(p.rows[0][2] == "2");
  CHECK(p.rows[0][3] == "2");
  // The full-text index finds its clauses.
  if (gongwen::testing::TestPostgres().empty()) {
    CHECK(Count(db, "SELECT COUNT(*) FROM clause_fts WHERE clause_fts MATCH '创新平台'") > 0);
  }
}

TEST_CASE("db: documents whose identifiers disagree are kept apart, with a warning") {
  fs::path in = FreshDir("db_conflict_in");
  fs::path out = FreshDir("db_conflict_out");
  const std::string db = FreshDatabase(out);
  const std::string text = ReadSample("000_416e64e656112d15.txt");
  WriteFile(in / "a.txt", text);
  // Same issuer and 文号, another title.
  WriteFile(in / "b.txt", Replace(text, "支持安防产业高质量发展若干政策措施", "促进会展经济发展的实施意见"));
  // Same title, another 文号.
  WriteFile(in / "c.txt", Replace(text, "连政办规〔2025〕5号", "连政办规〔2025〕9号"));
  // Same policy, 文号 written with other brackets and a leading zero: merged.
  WriteFile(in / "d.txt", Replace(text, "连政办规〔2025〕5号", "连政办规[2025]05号"));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("b.txt: warning: same 文号 as policy") != std::string::npos);
  CHECK(r.err.find("c.txt: warning: same title as policy") != std::string::npos);
  CHECK(r.err.find("d.txt: warning") == std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 3);
  CHECK(Count(db, "SELECT COUNT(*) FROM conflicts") == 2);
  gdb::Table merged = QueryOrFail(db, "SELECT COUNT(DISTINCT policy_key) FROM sources WHERE path LIKE '%a.txt' "
                                     "OR path LIKE '%d.txt'");
  CHECK(merged.rows.at(0).at(0) == "1");
  gdb::Table listed = QueryOrFail(db, gdb::Recipes()[4].sql);
  CHECK(listed.rows.size() == 2);
}

TEST_CASE("db: failed inputs are reported and leave the rest written") {
  fs::path in = Inputs("db_failed_in", {"101_suzhou_banfa.txt"});
  WriteFile(in / "broken.txt", std::string("PK\x03\x04\0\0\0binary", 14));
  fs::path out = FreshDir("db_failed_out");
  const std::string db = FreshDatabase(out);
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(r.code == 1);
  CHECK(r.err.find("1 new, 0 changed, 0 unchanged, 1 failed") != std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM sources") == 1);
  // A failure is tried again next time (it may be a partial download).
  auto again = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(again.err.find("0 new, 0 changed, 1 unchanged, 1 failed") != std::string::npos);
}

TEST_CASE("db: the named questions answer on the day asked") {
  fs::path in = Inputs("db_recipes_in", {"000_416e64e656112d15.txt", "101_suzhou_banfa.txt",
                                         "113_deqing_xian_zhengce.txt", "204_kunming_tongzhi.txt"});
  fs::path out = FreshDir("db_recipes_out");
  const std::string db = FreshDatabase(out);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  auto in_force = RunCli({"db", "query", "in-force", "--db", db, "--as-of", "2026-06-01"});
  REQUIRE(in_force.code == 0);
  CHECK(in_force.out.rfind("policy_key\tdoc_number\ttitle\teffective_from\teffective_until\n", 0) == 0);
  CHECK(in_force.out.find("连政办规〔2025〕5号") != std::string::npos);
  auto later = RunCli({"db", "query", "in-force", "--db", db, "--as-of", "2040-01-01"});
  CHECK(later.out.find("连政办规〔2025〕5号") == std::string::npos);
  // 000 runs until 2030-09-04.
  auto expiring = RunCli({"db", "query", "expiring", "--db", db, "--as-of", "2030-08-01", "--days", "60"});
  CHECK(expiring.out.find("2030-09-04") != std::string::npos);
  auto not_yet = RunCli({"db", "query", "expiring", "--db", db, "--as-of", "2030-01-01", "--days", "60"});
  CHECK(not_yet.out.find("2030-09-04") == std::string::npos);
  auto money = RunCli({"db", "query", "money-by-bureau", "--db", db, "--as-of", "2026-06-01"});
  REQUIRE(money.code == 0);
  CHECK(money.out.find("bureau\tpolicies\tamounts\tfen\tyuan\n") == 0);
  CHECK(std::count(money.out.begin(), money.out.end(), '\n') > 3);
  auto status = RunCli({"db", "status", "--db", db, "--as-of", "2026-06-01"});
  REQUIRE(status.code == 0);
  CHECK(status.out.find("policies  4") != std::string::npos);
  CHECK(status.out.find("last run  #1") != std::string::npos);
  auto bad = RunCli({"db", "query", "SELECT nonsense FROM nowhere", "--db", db});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("nowhere") != std::string::npos);
}

TEST_CASE("db: a database from a newer gongwen is refused, not rewritten") {
  if (!gongwen::testing::TestPostgres().empty()) return;  // file based
  fs::path out = FreshDir("db_newer_out");
  const std::string db = FreshDatabase(out);
  QueryOrFail(db, "INSERT INTO schema_version (version) VALUES (99)");
  fs::path in = Inputs("db_newer_in", {"101_suzhou_banfa.txt"});
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(r.code == 3);
  CHECK(r.err.find("schema version 99 is newer") != std::string::npos);
  auto status = RunCli({"db", "status", "--db", db});
  CHECK(status.code == 3);
  CHECK(status.err.find("schema version 99 is newer") != std::string::npos);
  auto missing = RunCli({"db", "status", "--db", (out / "nothing.db").string()});
  CHECK(missing.code == 3);
  CHECK(!fs::exists(out / "nothing.db"));
}

namespace {

// A short notice with the identifiers the matching looks at; `doc_number`
// may be empty (no 文号).
std::string Notice(const std::string& issuer, const std::string& title, const std::string& doc_number,
                   const std::string& until, const std::string& award = "50万元") {
  std::string s = "发布机构：" + issuer + "\n";
  if (!doc_number.empty()) s += "文号：" + doc_number + "\n";
  s += "\n" + title + "\n\n";
  if (!doc_number.empty()) s += doc_number + "\n\n";
  s += "各市、区科技局：\n\n一、支持企业研发。对科技型中小企业给予最高" + award + "奖励。（市科技局、市财政局）\n\n";
  s += "二、本通知自2025年1月1日起施行，有效期至" + until + "。\n\n" + issuer + "\n2024年12月1日\n";
  return s;
}

const char kTitle[] = "苏州市科学技术局关于开展2025年度科技创新券申领工作的通知";
const char kIssuer[] = "苏州市科学技术局";

}  // namespace

TEST_CASE("db: editing a document kept apart does not make a policy per edit") {
  fs::path in = FreshDir("db_edit_conflict_in"), out = FreshDir("db_edit_conflict_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "a.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  for (const char* award : {"50万元", "60万元", "70万元"}) {
    CAPTURE(award);
    WriteFile(in / "b.txt", Notice(kIssuer, "苏州市科学技术局关于印发苏州市孵化器管理办法的通知", "苏科规〔2025〕1号",
                                   "2028-12-31", award));
    auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
    REQUIRE(r.code == 0);
    CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 2);
  }
  CHECK(Count(db, "SELECT COUNT(*) FROM versions") == 4);
}

TEST_CASE("db: one title from two issuers is two policies") {
  fs::path in = FreshDir("db_two_issuers_in"), out = FreshDir("db_two_issuers_out");
  const std::string db = FreshDatabase(out);
  const std::string title = "关于开展2025年度科技创新券申领工作的通知";
  WriteFile(in / "a.txt", Notice("苏州市科学技术局", title, "", "2028-12-31"));
  WriteFile(in / "b.txt", Notice("无锡市科学技术局", title, "", "2028-12-31"));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  REQUIRE(r.code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 2);
  CHECK(Count(db, "SELECT COUNT(DISTINCT policy_key) FROM sources") == 2);
  CHECK(r.err.find("warning") == std::string::npos);  // not a disagreement: two documents
}

TEST_CASE("db: a policy's columns do not depend on the order its sources arrived in") {
  // The same notice without 文号, from two places, one with a later expiry.
  const std::string early = Notice(kIssuer, kTitle, "", "2025-12-31");
  const std::string late = Notice(kIssuer, kTitle, "", "2028-12-31", "80万元");
  fs::path in = FreshDir("db_order_in"), out = FreshDir("db_order_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "z.txt", early);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  WriteFile(in / "a.txt", late);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  const std::string incremental = Snapshot(db);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db, "--reprocess"}).code == 0);
  CHECK(Snapshot(db) == incremental);
  fs::path out2 = FreshDir("db_order_out2");
  const std::string db2 = FreshDatabase(out2);
  REQUIRE(RunCli({"run", in.string(), "-o", out2.string(), "--db", db2}).code == 0);
  CHECK(Snapshot(db2) == incremental);
  CHECK(Count(db2, "SELECT COUNT(*) FROM policies") == 1);
}

TEST_CASE("db: a title that several policies share is a recorded conflict") {
  fs::path in = FreshDir("db_shared_title_in"), out = FreshDir("db_shared_title_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "a.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  WriteFile(in / "b.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕2号", "2028-12-31"));
  WriteFile(in / "c.txt", Notice(kIssuer, kTitle, "", "2028-12-31"));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  REQUIRE(r.code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 3);
  // b: same title as a, another 文号; c: the title of a and of b.
  CHECK(Count(db, "SELECT COUNT(*) FROM conflicts c JOIN versions v ON v.version_id = c.version_id "
                  "WHERE v.source_path LIKE '%c.txt'") == 2);
  CHECK(Count(db, "SELECT COUNT(*) FROM conflicts") == 3);
}

TEST_CASE("db: a source that becomes another policy leaves the old one out of the answers") {
  fs::path in = FreshDir("db_moved_in"), out = FreshDir("db_moved_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "p.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  // The page now carries another notice.
  WriteFile(in / "p.txt", Notice(kIssuer, "苏州市科学技术局关于印发苏州市孵化器管理办法的通知", "苏科规〔2025〕7号",
                                 "2028-12-31"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 2);
  auto in_force = RunCli({"db", "query", "in-force", "--db", db, "--as-of", "2026-06-01"});
  CHECK(in_force.out.find("苏科规〔2025〕7号") != std::string::npos);
  CHECK(in_force.out.find("苏科规〔2025〕1号") == std::string::npos);
}

TEST_CASE("db: paths are one per file, in valid UTF-8") {
  fs::path in = FreshDir("db_paths_in"), out = FreshDir("db_paths_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "a.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  WriteFile(in / "\xcb\xd5\xd6\xdd.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31", "90万元"));
  auto r = RunCli({"run", in.string(), (in / "a.txt").string(), (in / "." / "a.txt").string(), "-o", out.string(),
                   "--db", db});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("2 input(s): 2 new") != std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM sources WHERE path LIKE $1 ESCAPE '!'", {"%\\xCB\\xD5\\xD6\\xDD.txt"}) == 1);
  auto again = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(again.err.find("2 unchanged") != std::string::npos);
}

TEST_CASE("db: docs/<id>.json is what a run from scratch writes, when two inputs share a text") {
  fs::path in = Inputs("db_shared_in", {"000_416e64e656112d15.html"});
  fs::copy_file(in / "000_416e64e656112d15.html", in / "copy.html");
  fs::path out = FreshDir("db_shared_out");
  const std::string db = FreshDatabase(out);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  // The first copy changes its bytes, not its text.
  WriteFile(in / "000_416e64e656112d15.html", ReadSample("000_416e64e656112d15.html") + "<!-- crawled again -->\n");
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  fs::path fresh = FreshDir("db_shared_fresh");
  REQUIRE(RunCli({"run", in.string(), "-o", fresh.string(), "--no-db"}).code == 0);
  CHECK(Jsonl(out) == Jsonl(fresh));
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(fresh / "docs")) {
    ++files;
    CHECK(ReadFileOrFail((out / "docs" / e.path().filename()).string()) == ReadFileOrFail(e.path().string()));
  }
  CHECK(files == 1);
}

TEST_CASE("db: gongwen db reads, never writes") {
  if (!gongwen::testing::TestPostgres().empty()) return;  // file based
  fs::path dir = FreshDir("db_readonly");
  WriteFile(dir / "other.db", "");
  auto r = RunCli({"db", "query", "SELECT 1", "--db", (dir / "other.db").string()});
  CHECK(r.code == 3);
  CHECK(r.err.find("not a gongwen database") != std::string::npos);
  CHECK(fs::file_size(dir / "other.db") == 0);
  fs::path in = Inputs("db_readonly_in", {"101_suzhou_banfa.txt"});
  const std::string db = (dir / "gongwen.db").string();
  REQUIRE(RunCli({"run", in.string(), "-o", dir.string()}).code == 0);
  auto two = RunCli({"db", "query", "SELECT 1; DELETE FROM sources", "--db", db});
  CHECK(two.code == 1);
  CHECK(two.err.find("one statement at a time") != std::string::npos);
  auto del = RunCli({"db", "query", "DELETE FROM sources", "--db", db});
  CHECK(del.code == 1);
  CHECK(Count(db, "SELECT COUNT(*) FROM sources") == 1);
}

TEST_CASE("db: a run with no inputs leaves the last outputs alone") {
  fs::path in = Inputs("db_empty_in", {"101_suzhou_banfa.txt"});
  fs::path out = FreshDir("db_empty_out");
  const std::string db = FreshDatabase(out);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  const std::string jsonl = Jsonl(out);
  fs::path empty = FreshDir("db_empty_none");
  auto r = RunCli({"run", empty.string(), "-o", out.string(), "--db", db});
  CHECK(r.code == 1);
  CHECK(r.err.find("no input files") != std::string::npos);
  CHECK(Jsonl(out) == jsonl);
  CHECK(Count(db, "SELECT COUNT(*) FROM runs") == 1);
}

TEST_CASE("db: a document whose title changes under a shared 文号 is kept apart, as from scratch") {
  fs::path in = FreshDir("db_retitle_in"), out = FreshDir("db_retitle_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "a.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  WriteFile(in / "b.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31", "60万元"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 1);
  WriteFile(in / "a.txt", Notice(kIssuer, "苏州市科学技术局关于印发苏州市孵化器管理办法的通知", "苏科规〔2025〕1号",
                                 "2028-12-31"));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(r.err.find("a.txt: warning: same 文号 as policy") != std::string::npos);
  CHECK(Count(db, "SELECT COUNT(DISTINCT policy_key) FROM sources") == 2);
  CHECK(Count(db, "SELECT COUNT(*) FROM conflicts") == 1);
}

TEST_CASE("db: a policy no source points at any more is neither matched nor in the way") {
  fs::path in = FreshDir("db_history_in"), out = FreshDir("db_history_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "a.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  const std::string key = QueryOrFail(db, "SELECT policy_key FROM sources").rows.at(0).at(0).value();
  // a.txt now carries 7号; b.txt brings 1号 under another title.
  WriteFile(in / "a.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕7号", "2028-12-31"));
  WriteFile(in / "b.txt", Notice(kIssuer, "苏州市科学技术局关于印发苏州市孵化器管理办法的通知", "苏科规〔2025〕1号",
                                 "2028-12-31"));
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  REQUIRE(r.code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
  CHECK(Count(db, "SELECT COUNT(*) FROM conflicts") == 0);
  // b.txt takes the 1号 key back, as a run from scratch gives it.
  CHECK(QueryOrFail(db, "SELECT policy_key FROM sources WHERE path LIKE '%b.txt'").rows.at(0).at(0) == key);
}

TEST_CASE("db: the current version is the newest document its sources carry") {
  fs::path in = FreshDir("db_current_in"), out = FreshDir("db_current_out");
  const std::string db = FreshDatabase(out);
  const std::string old_text = Notice(kIssuer, kTitle, "", "2026-12-31");
  WriteFile(in / "a.txt", old_text);
  WriteFile(in / "b.txt", old_text);
  WriteFile(in / "c.txt", Replace(Notice(kIssuer, kTitle, "", "2028-12-31", "80万元"), "2024年12月1日", "2025年6月1日"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM policies") == 1);
  gdb::Table p = QueryOrFail(db, "SELECT p.effective_until, p.signed_date, s.path FROM policies p "
                                 "JOIN sources s ON s.version_id = p.current_version");
  REQUIRE(p.rows.size() == 1);
  CHECK(p.rows[0][0] == "2028-12-31");
  CHECK(p.rows[0][1] == "2025-06-01");
  CHECK(p.rows[0][2].value().find("c.txt") != std::string::npos);
}

TEST_CASE("db: a literal backslash and a stray byte in file names stay two sources") {
  fs::path in = FreshDir("db_backslash_in"), out = FreshDir("db_backslash_out");
  const std::string db = FreshDatabase(out);
  WriteFile(in / "\\xCB.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31"));
  WriteFile(in / "\xcb.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31", "60万元"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM sources") == 2);
  auto again = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(again.err.find("2 unchanged") != std::string::npos);
}

TEST_CASE("db: docs/<id>.json follows the last input of a shared text when another changes") {
  fs::path in = FreshDir("db_shared2_in"), out = FreshDir("db_shared2_out");
  const std::string db = FreshDatabase(out);
  const std::string text = Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31");
  WriteFile(in / "a.txt", text);
  WriteFile(in / "b.txt", text);
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  WriteFile(in / "b.txt", Notice(kIssuer, kTitle, "苏科规〔2025〕1号", "2028-12-31", "90万元"));
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db}).code == 0);
  fs::path fresh = FreshDir("db_shared2_fresh");
  REQUIRE(RunCli({"run", in.string(), "-o", fresh.string(), "--no-db"}).code == 0);
  for (const auto& e : fs::directory_iterator(fresh / "docs")) {
    CAPTURE(e.path().filename().string());
    CHECK(ReadFileOrFail((out / "docs" / e.path().filename()).string()) == ReadFileOrFail(e.path().string()));
  }
}
