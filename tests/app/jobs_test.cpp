// run --jobs N: documents are processed by N worker threads, and the run's
// output is the same for every N, byte for byte: documents.jsonl,
// errors.jsonl, docs/*.json, stderr and the database, first run and re-run
// (unchanged sources reused).
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/app/cli_support.h"
#include "tests/db/db_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using gongwen::testing::FreshDir;
using gongwen::testing::QueryOrFail;
using gongwen::testing::ReadFileOrFail;
using gongwen::testing::RunCli;
using gongwen::testing::Snapshot;
using gongwen::testing::WriteFile;

namespace {

const fs::path kSource = fs::path(GONGWEN_SOURCE_DIR);

// What a run leaves, with its OUT folder written "OUT".
struct RunOutput {
  int code = 0;
  std::string err, documents, errors, database;
  std::map<std::string, std::string> docs;  // docs/<name> -> content
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

RunOutput Collect(const gongwen::testing::CliOutcome& run, const fs::path& out) {
  RunOutput o;
  o.code = run.code;
  o.err = Replace(run.err, out.string(), "OUT");
  o.documents = ReadFileOrFail((out / "documents.jsonl").string());
  o.errors = ReadFileOrFail((out / "errors.jsonl").string());
  for (const auto& entry : fs::directory_iterator(out / "docs")) {
    o.docs[entry.path().filename().string()] = ReadFileOrFail(entry.path().string());
  }
  const std::string db = (out / "gongwen.db").string();
  o.database = Snapshot(db);
  for (const std::string& sql :
       {std::string("SELECT path, code, byte_offset, page, message FROM failures ORDER BY path"),
        std::string("SELECT new_sources, changed, unchanged, reprocessed, failed FROM runs ORDER BY run_id")}) {
    const gongwen::db::Table t = QueryOrFail(db, sql);
    o.database += "## " + sql + "\n";
    for (const auto& row : t.rows) {
      for (const auto& cell : row) o.database += cell.value_or("NULL") + "\t";
      o.database += "\n";
    }
  }
  return o;
}

void CheckSame(const RunOutput& a, const RunOutput& b, int jobs) {
  INFO("--jobs " << jobs << " against --jobs 1");
  CHECK(a.code == b.code);
  CHECK(a.err == b.err);
  CHECK(a.documents == b.documents);
  CHECK(a.errors == b.errors);
  CHECK(a.database == b.database);
  CHECK(a.docs.size() == b.docs.size());
  CHECK(a.docs == b.docs);
}

}  // namespace

TEST_CASE("jobs: run gives the same output, stderr and database for --jobs 1, 2 and 4") {
  // Beside samples/: a broken PDF, a container with a bad record and two
  // records of one key (the second is a@3), and a path that does not exist.
  const fs::path extra = FreshDir("jobs_extra");
  fs::copy_file(kSource / "tests/data/broken/truncated.pdf", extra / "truncated.pdf");
  const std::string body = ReadFileOrFail((kSource / "samples/101_suzhou_banfa.txt").string());
  const std::string other = ReadFileOrFail((kSource / "samples/102_hangzhou_yijian.txt").string());
  auto quoted = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') {
        q += '\\';
        q += c;
      } else if (c == '\n') {
        q += "\\n";
      } else {
        q += c;
      }
    }
    return q + "\"";
  };
  WriteFile(extra / "crawl.jsonl", "{\"id\": \"a\", \"content\": " + quoted(body) + "}\n" +
                                       "{\"id\": \"b\", \"content\": \n" +  // not JSON: a bad record
                                       "{\"id\": \"a\", \"content\": " + quoted(other) + "}\n" +
                                       "{\"id\": \"c\", \"content\": " + quoted(other) + "}\n");

  auto run = [&](int jobs, const fs::path& out) {
    return RunCli({"run", (kSource / "samples").string(), extra.string(), (extra / "missing.txt").string(), "-o",
                   out.string(), "--exclude", (kSource / "samples/expected").string(), "--exclude",
                   (kSource / "samples/gold").string(), "--as-of", "2025-06-30", "--jobs", std::to_string(jobs),
                   "-v"});
  };
  std::map<int, RunOutput> first, again;
  for (int jobs : {1, 2, 4}) {
    const fs::path out = FreshDir("jobs_out_" + std::to_string(jobs));
    first[jobs] = Collect(run(jobs, out), out);
    again[jobs] = Collect(run(jobs, out), out);  // every input unchanged now
  }
  const RunOutput& one = first[1];
  REQUIRE(one.code == 1);
  CHECK(one.err.find("truncated.pdf: error:") != std::string::npos);
  CHECK(one.err.find("missing.txt: error:") != std::string::npos);
  CHECK(one.err.find("crawl.jsonl#a: ok") != std::string::npos);  // -v
  CHECK(one.err.find("truncated.pdf: failed") != std::string::npos);
  CHECK(one.docs.size() > 30);
  CHECK(again[1].err.find(" unchanged, ") != std::string::npos);
  CHECK(again[1].documents == one.documents);
  for (int jobs : {2, 4}) {
    CheckSame(first[jobs], first[1], jobs);
    CheckSame(again[jobs], again[1], jobs);
  }
}

TEST_CASE("jobs: --jobs takes a whole number of worker threads, 1 or more") {
  for (const std::string bad : {"0", "-1", "two", "1.5", ""}) {
    auto r = RunCli({"run", (kSource / "samples/101_suzhou_banfa.txt").string(), "--jobs", bad, "--no-db"});
    INFO("--jobs '" << bad << "': " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find("--jobs") != std::string::npos);
  }
  const fs::path out = FreshDir("jobs_one");
  auto ok = RunCli({"run", (kSource / "samples/101_suzhou_banfa.txt").string(), "-o", out.string(), "--no-db",
                    "-j", "3", "-q"});
  CHECK(ok.code == 0);
  CHECK(ok.err.empty());  // not a terminal: no status line
}
