// Failures as data: each run writes OUT/errors.jsonl, one line per failed
// input, and the database keeps them (table failures, `gongwen db query
// failed`). The "db:" tests run on PostgreSQL too (ctest db_postgres).
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/app/cli_support.h"
#include "tests/db/db_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using gongwen::testing::Count;
using gongwen::testing::FreshDatabase;
using gongwen::testing::FreshDir;
using gongwen::testing::QueryOrFail;
using gongwen::testing::ReadFileOrFail;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;
using Json = nlohmann::json;

namespace {

const fs::path kSource = fs::path(GONGWEN_SOURCE_DIR);

std::vector<Json> ErrorLines(const fs::path& out) {
  std::vector<Json> lines;
  std::istringstream in(ReadFileOrFail((out / "errors.jsonl").string()));
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("db: a failed input is a line of errors.jsonl and a row of failures, for the last run only") {
  const fs::path in = FreshDir("errors_in");
  const fs::path out = FreshDir("errors_out");
  const std::string db = FreshDatabase(out);
  fs::copy_file(kSource / "samples/101_suzhou_banfa.txt", in / "101_suzhou_banfa.txt");
  fs::copy_file(kSource / "tests/data/broken/truncated.pdf", in / "truncated.pdf");
  const std::string pdf = (in / "truncated.pdf").string();

  auto first = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(first.code == 1);
  const std::vector<Json> lines = ErrorLines(out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["path"] == pdf);
  CHECK(lines[0]["code"] == "decode");
  CHECK(lines[0]["byte"] == fs::file_size(pdf));
  CHECK(lines[0]["page"].is_null());
  CHECK(lines[0]["message"].get<std::string>().find("truncated") != std::string::npos);
  // The key order is the documented one.
  CHECK(ReadFileOrFail((out / "errors.jsonl").string()).rfind("{\"path\":", 0) == 0);

  const gongwen::db::Table failed = QueryOrFail(db, "SELECT path, code, byte_offset, page, message FROM failures");
  REQUIRE(failed.rows.size() == 1);
  CHECK(failed.rows[0][0] == pdf);
  CHECK(failed.rows[0][1] == "decode");
  CHECK(failed.rows[0][2] == std::to_string(fs::file_size(pdf)));
  CHECK(!failed.rows[0][3]);
  auto recipe = RunCli({"db", "query", "failed", "--db", db});
  CHECK(recipe.code == 0);
  CHECK(recipe.out.rfind("path\tcode\tbyte\tpage\tmessage\n" + pdf + "\tdecode\t", 0) == 0);

  // The download is repaired: the next run processes it, lists no failure.
  fs::remove(in / "truncated.pdf");
  fs::copy_file(kSource / "samples/004_ebfee30354606d84.pdf", in / "truncated.pdf");
  auto second = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK_MESSAGE(second.code == 0, second.err);
  CHECK(fs::exists(out / "errors.jsonl"));
  CHECK(fs::file_size(out / "errors.jsonl") == 0);
  auto none = RunCli({"db", "query", "failed", "--db", db});
  CHECK(none.code == 0);
  CHECK(none.out == "path\tcode\tbyte\tpage\tmessage\n");
  CHECK(Count(db, "SELECT COUNT(*) FROM failures") == 1);  // the first run's, kept
}

TEST_CASE("db: a database of schema version 1 gets the failures table") {
  const fs::path in = FreshDir("errors_v1_in");
  const fs::path out = FreshDir("errors_v1_out");
  const std::string db = FreshDatabase(out);
  fs::copy_file(kSource / "samples/101_suzhou_banfa.txt", in / "101_suzhou_banfa.txt");
  REQUIRE(RunCli({"run", in.string(), "-o", out.string(), "--db", db, "-q"}).code == 0);
  // What gongwen wrote before failures existed.
  QueryOrFail(db, "DROP TABLE failures");
  QueryOrFail(db, "DELETE FROM schema_version WHERE version = 2");
  // (Read-only: opening it to write would migrate it.)
  auto v1 = RunCli({"db", "query", "SELECT MAX(version) FROM schema_version", "--db", db});
  CHECK(v1.out.substr(v1.out.find('\n')) == "\n1\n");
  fs::copy_file(kSource / "tests/data/broken/encrypted.pdf", in / "encrypted.pdf");
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--db", db});
  CHECK(r.code == 1);
  CHECK(Count(db, "SELECT MAX(version) FROM schema_version") == gongwen::db::kSchemaVersion);
  CHECK(Count(db, "SELECT COUNT(*) FROM failures WHERE code = 'encrypted'") == 1);
}

TEST_CASE("errors.jsonl: a bad record of a container is FILE#N, at its byte") {
  const fs::path in = FreshDir("errors_records_in");
  const fs::path out = FreshDir("errors_records_out");
  const std::string crawl = ReadFileOrFail((kSource / "samples/301_crawl_records.jsonl").string());
  const std::string first = crawl.substr(0, crawl.find('\n') + 1);
  WriteFile(in / "crawl.jsonl", first + "{\"id\": \"x\", broken\n");
  auto r = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  const std::vector<Json> lines = ErrorLines(out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["path"] == (in / "crawl.jsonl").string() + "#2");
  CHECK(lines[0]["code"] == "decode");
  CHECK(lines[0]["byte"].get<int64_t>() >= static_cast<int64_t>(first.size()));
  // A record read but whose document fails is FILE#KEY, with its own code
  // (on stderr too).
  WriteFile(in / "crawl.jsonl", first + "{\"id\": \"k9\", \"title\": \"t\", \"content\": \"<html><body></body></html>\"}\n");
  auto empty = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(empty.code == 1);
  CHECK(empty.err.find("crawl.jsonl#2: error: no text in the page (byte " + std::to_string(first.size()) +
                       ") [empty]") != std::string::npos);
  const std::vector<Json> record = ErrorLines(out);
  REQUIRE(record.size() == 1);
  CHECK(record[0]["path"] == (in / "crawl.jsonl").string() + "#k9");
  CHECK(record[0]["code"] == "empty");
  CHECK(record[0]["byte"] == first.size());
  // Nothing failed: an empty file, written all the same.
  auto ok = RunCli({"run", (kSource / "samples/101_suzhou_banfa.txt").string(), "-o", out.string(), "--no-db"});
  CHECK(ok.code == 0);
  CHECK(ErrorLines(out).empty());
}
