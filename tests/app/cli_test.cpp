// The command line, run in-process: batches survive bad inputs, usage errors
// are exit 2, every subcommand has --help.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli.h"
#include "tests/app/cli_support.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace {

using Outcome = gongwen::testing::CliOutcome;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;

fs::path FreshDir(const std::string& name) { return gongwen::testing::FreshDir("cli_" + name); }

}  // namespace

TEST_CASE("cli: run writes every good document and reports bad ones") {
  fs::path in = FreshDir("batch_in");
  fs::path out = FreshDir("batch_out");
  fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "samples/000_416e64e656112d15.txt",
                in / "a_good.txt");
  WriteFile(in / "b_binary.txt", std::string("PK\x03\x04\0\0\0binary", 14));
  WriteFile(in / "c_empty.txt", "");
  fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "samples/004_ebfee30354606d84.txt",
                in / "d_good.md");
  WriteFile(in / "ignored.png", "{}");

  Outcome r = RunCli({"run", in.string(), "-o", out.string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("b_binary.txt: error: binary data") != std::string::npos);
  CHECK(r.err.find("(byte 4)") != std::string::npos);
  CHECK(r.err.find("c_empty.txt: error: empty input") != std::string::npos);
  CHECK(r.err.find("ignored.png") == std::string::npos);
  CHECK(r.err.find("4 input(s): 2 new, 0 changed, 0 unchanged, 2 failed") != std::string::npos);

  auto jsonl = gongwen::files::Read((out / "documents.jsonl").string());
  REQUIRE(jsonl.ok());
  const std::string& s = jsonl.value();
  CHECK(std::count(s.begin(), s.end(), '\n') == 2);
  CHECK(s.find("a_good.txt") < s.find("d_good.md"));  // input order
  int docs = 0;
  for (const auto& e : fs::directory_iterator(out / "docs")) {
    CHECK(e.path().extension() == ".json");
    ++docs;
  }
  CHECK(docs == 2);
  // No temporary files left behind by the atomic writes.
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    CHECK(e.path().string().find(".tmp.") == std::string::npos);
  }
}

TEST_CASE("cli: a missing input is an error, the rest still runs") {
  fs::path out = FreshDir("missing_out");
  Outcome r = RunCli({"run", "/nonexistent/gongwen/input",
                      std::string(GONGWEN_SOURCE_DIR) + "/samples/002_9825fd42b4a1cf31.txt", "-o",
                      out.string(), "-q"});
  CHECK(r.code == 1);
  CHECK(r.err.find("/nonexistent/gongwen/input: error: no such file or folder") !=
        std::string::npos);
  auto jsonl = gongwen::files::Read((out / "documents.jsonl").string());
  REQUIRE(jsonl.ok());
  CHECK(jsonl.value().find("\"schema\":\"gongwen/1\"") != std::string::npos);
}

TEST_CASE("cli: usage errors and help") {
  SUBCASE("no arguments") { CHECK(RunCli({}).code == 2); }
  SUBCASE("unknown command") {
    Outcome r = RunCli({"frobnicate"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
  }
  SUBCASE("unknown flag") {
    Outcome r = RunCli({"run", "samples", "--bogus"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown option --bogus") != std::string::npos);
  }
  SUBCASE("-o without a folder") { CHECK(RunCli({"run", "samples", "-o"}).code == 2); }
  SUBCASE("extract needs exactly one file") { CHECK(RunCli({"extract"}).code == 2); }
  SUBCASE("help for every command") {
    for (const char* cmd : {"run", "extract"}) {
      CAPTURE(cmd);
      Outcome r = RunCli({cmd, "--help"});
      CHECK(r.code == 0);
      CHECK(r.out.find(std::string("Usage: gongwen ") + cmd) != std::string::npos);
    }
    Outcome top = RunCli({"--help"});
    CHECK(top.code == 0);
    CHECK(top.out.find("Exit codes") != std::string::npos);
  }
}

TEST_CASE("cli: extract prints one document") {
  Outcome r = RunCli({"extract", std::string(GONGWEN_SOURCE_DIR) + "/samples/000_416e64e656112d15.txt"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("{\n  \"schema\": \"gongwen/1\"", 0) == 0);
  CHECK(r.out.find("连政办规〔2025〕5号") != std::string::npos);
  Outcome missing = RunCli({"extract", "/nonexistent/file.txt"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent/file.txt: error: cannot open") != std::string::npos);
}
