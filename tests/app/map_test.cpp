// gongwen map: records on stdin, gongwen/1 lines on stdout, the same lines
// a run over the whole file writes, however the input is split.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.h"
#include "tests/app/cli_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using gongwen::testing::FreshDir;
using gongwen::testing::ReadFileOrFail;
using gongwen::testing::ReadSample;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;

namespace {

struct Mapped {
  int code;
  std::string out, err;
};

Mapped Map(std::vector<std::string> args, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  args.insert(args.begin(), "map");
  const int code = gongwen::cli::Run(args, in, out, err);
  return Mapped{code, out.str(), err.str()};
}

// Crawl records of real samples: some with an id, some keyed by their
// ordinal, a line that is no JSON, a record with no body.
std::vector<std::string> RecordLines() {
  std::vector<std::string> lines;
  int n = 0;
  for (const char* s : {"101_suzhou_banfa.txt", "202_qingdao_cuoshi.txt", "table_policy.html",
                        "105_wuhan_tongzhi_renwu.txt", "204_kunming_tongzhi.txt"}) {
    nlohmann::json r;
    if (++n % 2) r["id"] = "doc-" + std::to_string(n);
    r[std::string(s).find(".html") != std::string::npos ? "html" : "content"] = ReadSample(s);
    lines.push_back(r.dump() + "\n");
    if (n == 2) lines.push_back("{\"content\": \"truncated\n");
    if (n == 3) lines.push_back("{\"title\": \"a record with no body\"}\n");
  }
  return lines;
}

}  // namespace

TEST_CASE("map: the lines of a run over the whole file, for the whole input and for two splits of it") {
  const std::vector<std::string> lines = RecordLines();
  std::string all;
  for (const std::string& l : lines) all += l;
  fs::path dir = FreshDir("map_run");
  WriteFile(dir / "crawl.jsonl", all);
  const std::string name = (dir / "crawl.jsonl").string();
  auto run = RunCli({"run", name, "-o", (dir / "out").string(), "--no-db", "-q", "--as-of", "2026-01-01"});
  CHECK(run.code == 1);
  const std::string docs = ReadFileOrFail((dir / "out" / "documents.jsonl").string());
  const std::string errors = ReadFileOrFail((dir / "out" / "errors.jsonl").string());
  REQUIRE(std::count(docs.begin(), docs.end(), '\n') == 5);
  REQUIRE(std::count(errors.begin(), errors.end(), '\n') == 2);

  // Documents and failures apart: the failures as errors.jsonl's lines.
  auto split = [](const std::string& mapped, std::string* d, std::string* e) {
    std::istringstream in(mapped);
    for (std::string line; std::getline(in, line);) {
      const std::string tag = "{\"schema\":\"gongwen-error/1\",";
      if (line.rfind(tag, 0) == 0) {
        *e += "{" + line.substr(tag.size()) + "\n";
      } else {
        *d += line + "\n";
      }
    }
  };
  SUBCASE("whole") {
    Mapped m = Map({"--path", name, "--as-of", "2026-01-01"}, all);
    CHECK(m.code == 0);
    CHECK(m.err.empty());
    std::string d, e;
    split(m.out, &d, &e);
    CHECK(d == docs);
    CHECK(e == errors);
  }
  SUBCASE("two splits") {
    std::string first, second;
    for (size_t i = 0; i < lines.size(); ++i) (i < 4 ? first : second) += lines[i];
    Mapped a = Map({"--path", name, "--as-of", "2026-01-01"}, first);
    Mapped b = Map({"--path", name, "--as-of", "2026-01-01", "--first-record", "4", "--first-byte",
                    std::to_string(first.size())},
                   second);
    std::string d, e;
    split(a.out + b.out, &d, &e);
    CHECK(d == docs);
    CHECK(e == errors);
  }
}

TEST_CASE("map: a record line over --max-bytes is its failure line, the rest go on; map takes no FILE") {
  // A body over the cap is known by its key; a line far over it (more than
  // twice, as an escaped body could be) is not even kept: its ordinal.
  const std::string big = "{\"id\": \"big\", \"content\": \"" + std::string(5000, 'x') + "\"}\n";
  const std::string huge = "{\"id\": \"huge\", \"content\": \"" + std::string(50000, 'x') + "\"}\n";
  const std::string ok = "{\"id\": \"ok\", \"content\": \"一、总则。本办法适用于全市，给予最高100万元奖励。\"}\n";
  Mapped m = Map({"--path", "c.jsonl", "--max-bytes", "1000"}, big + huge + ok);
  CHECK(m.code == 0);
  std::istringstream lines(m.out);
  std::string l1, l2, l3;
  std::getline(lines, l1);
  std::getline(lines, l2);
  std::getline(lines, l3);
  CHECK(l1.find("{\"schema\":\"gongwen-error/1\",\"path\":\"c.jsonl#big\",\"code\":\"limit\"") == 0);
  CHECK(l2.find("{\"schema\":\"gongwen-error/1\",\"path\":\"c.jsonl#2\",\"code\":\"limit\",\"byte\":" +
                std::to_string(big.size())) == 0);
  CHECK(l3.find("\"path\":\"c.jsonl\"") != std::string::npos);
  CHECK(l3.find("\"key\":\"ok\",\"ordinal\":3,\"byte\":" + std::to_string(big.size() + huge.size())) != std::string::npos);
  Mapped bad = Map({"x.jsonl"}, ok);
  CHECK(bad.code == 2);
  CHECK(bad.err.find("reads records on stdin") != std::string::npos);
}

TEST_CASE("load: map's output loaded gives the database a run over the same file gives, and a run after it skips all") {
  const std::vector<std::string> lines = RecordLines();
  std::string all;
  for (const std::string& l : lines) all += l;
  fs::path dir = FreshDir("load");
  WriteFile(dir / "crawl.jsonl", all);
  const std::string name = (dir / "crawl.jsonl").string();
  auto run = RunCli({"run", name, "-o", (dir / "run").string(), "-q", "--as-of", "2026-01-01"});
  REQUIRE(run.code == 1);
  Mapped m = Map({"--path", name, "--as-of", "2026-01-01"}, all);
  WriteFile(dir / "mapped.jsonl", m.out);
  auto load = RunCli({"load", (dir / "mapped.jsonl").string(), "-o", (dir / "load").string(), "--as-of", "2026-01-01"});
  CHECK(load.code == 1);  // the failed records
  CHECK(load.err.find("gongwen load: 5 new, 0 changed, 0 unchanged, 2 failed") != std::string::npos);
  // Every table but the runs' own, without the time stamps of the runs.
  for (const char* table : {"sources", "policies", "versions", "clauses", "amounts", "bureaus", "warnings", "conflicts"}) {
    auto query = [&](const char* out) {
      auto q = RunCli({"db", "query", std::string("SELECT * FROM ") + table + " ORDER BY 1, 2", "-o", (dir / out).string()});
      REQUIRE(q.code == 0);
      std::string rows;
      for (char c : q.out) rows += c;
      // first_seen / last_seen / changed_at: 2026-12-03T18:45:33Z
      std::string cleaned;
      for (size_t i = 0; i < rows.size(); ++i) {
        if (i + 20 <= rows.size() && rows[i + 4] == '-' && rows[i + 10] == 'T' && rows[i + 19] == 'Z') {
          i += 19;
          continue;
        }
        cleaned += rows[i];
      }
      return cleaned;
    };
    CHECK_MESSAGE(query("load") == query("run"), table);
  }
  auto failed = RunCli({"db", "query", "SELECT path, code FROM failures ORDER BY seq", "-o", (dir / "load").string()});
  auto failed_run = RunCli({"db", "query", "SELECT path, code FROM failures ORDER BY seq", "-o", (dir / "run").string()});
  CHECK(failed.out == failed_run.out);
  CHECK(failed.out.find("crawl.jsonl#3\tdecode") != std::string::npos);
  // A run with the same options over the same file finds every source unchanged.
  auto again = RunCli({"run", name, "-o", (dir / "load").string(), "--as-of", "2026-01-01"});
  CHECK(again.err.find("0 new, 0 changed, 5 unchanged, 2 failed") != std::string::npos);
}
