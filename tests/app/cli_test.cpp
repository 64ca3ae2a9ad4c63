// The command line, run in-process: batches survive bad inputs, usage errors
// are exit 2, every subcommand has --help.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

namespace {

// The lines of a text.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A usage error: exit 2 and two lines on stderr, what is wrong (containing
// `problem`) and where the options are, not the whole help.
void CheckUsageError(const std::vector<std::string>& args, const std::string& problem, const std::string& hint) {
  CAPTURE(args);
  Outcome r = RunCli(args);
  CHECK(r.code == 2);
  CAPTURE(r.err);
  const std::vector<std::string> lines = Lines(r.err);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find(problem) != std::string::npos);
  CHECK(lines[1] == hint);
  CHECK(r.out.empty());
}

// Runs in `dir` for its lifetime, so that a relative path such as -x.txt
// can be given.
class InDir {
 public:
  explicit InDir(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~InDir() { fs::current_path(old_); }

 private:
  fs::path old_;
};

const std::string kSample = std::string(GONGWEN_SOURCE_DIR) + "/samples/000_416e64e656112d15.txt";

}  // namespace

TEST_CASE("cli: a folder where a file is read is that input's error, not an abort") {
  fs::path dir = FreshDir("folder_as_file");
  Outcome r = RunCli({"extract", dir.string()});
  CHECK(r.code == 1);
  CHECK(r.err == dir.string() + ": error: is a folder, not a file [io]\n");
  // --files-from a folder: the run goes on with the paths named.
  fs::path out = FreshDir("folder_as_file_out");
  r = RunCli({"run", kSample, "--files-from", dir.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  CHECK(r.err.find(dir.string() + ": error: is a folder, not a file [io]") != std::string::npos);
  CHECK(fs::exists(out / "documents.jsonl"));
}

TEST_CASE("cli: --charset takes only what extract decodes") {
  const std::string hint = "run 'gongwen run --help' for the options";
  CheckUsageError({"run", kSample, "--charset", "nosuch"}, "--charset: unknown charset 'nosuch'", hint);
  CheckUsageError({"run", kSample, "--charset=latin1"}, "unknown charset 'latin1'", hint);
  CheckUsageError({"extract", kSample, "--charset", ""}, "unknown charset ''",
                  "run 'gongwen extract --help' for the options");
  for (const char* name : {"gbk", "GBK", "gb2312", "gb18030", "big5", "utf-8", "UTF8"}) {
    CAPTURE(name);
    CHECK(RunCli({"extract", kSample, "--compact", "--charset", name}).code == 0);
  }
}

TEST_CASE("cli: help names only commands there are") {
  CheckUsageError({"help", "nosuch"}, "gongwen help: unknown command 'nosuch'",
                  "run 'gongwen --help' for the commands");
  CheckUsageError({"help", "run", "extract"}, "unexpected argument extract", "run 'gongwen --help' for the commands");
  for (const char* cmd : {"run", "extract", "db", "eval"}) {
    CAPTURE(cmd);
    Outcome by_help = RunCli({"help", cmd});
    CHECK(by_help.code == 0);
    CHECK(by_help.out.find(std::string("Usage: gongwen ") + cmd) != std::string::npos);
    CHECK(RunCli({cmd, "--help"}).out == by_help.out);
    CHECK(RunCli({cmd, "-h"}).out == by_help.out);
    CHECK(RunCli({"--help", cmd}).out == by_help.out);
  }
  CHECK(RunCli({"help"}).out == RunCli({"--help"}).out);
  CHECK(RunCli({"--version"}).out.rfind("gongwen ", 0) == 0);
  CHECK(RunCli({"version"}).out == RunCli({"--version"}).out);
}

TEST_CASE("cli: --opt=value, and -- ends the options") {
  fs::path in = FreshDir("dashes_in");
  fs::path out = FreshDir("dashes_out");
  fs::copy_file(kSample, in / "-x.txt");
  InDir here(in);
  // Without "--", -x.txt is an option gongwen does not know.
  CheckUsageError({"run", "-x.txt", "--out=" + out.string()}, "unknown option -x.txt",
                  "run 'gongwen run --help' for the options");
  Outcome r = RunCli({"run", "--out=" + out.string(), "--as-of=2026-01-01", "--no-db", "--batch=5", "--", "-x.txt"});
  CHECK(r.code == 0);
  auto jsonl = gongwen::files::Read((out / "documents.jsonl").string());
  REQUIRE(jsonl.ok());
  CHECK(jsonl.value().find("\"status_as_of\":\"2026-01-01\"") != std::string::npos);
  CHECK(jsonl.value().find("-x.txt") != std::string::npos);
  // After "--" an option's look is a path's: --out=elsewhere is a file name.
  r = RunCli({"run", "-o", out.string(), "--no-db", "-q", "--", "-x.txt", "--out=elsewhere"});
  CHECK(r.code == 1);
  CHECK(r.err.find("--out=elsewhere: error: no such file or folder") != std::string::npos);
  Outcome x = RunCli({"extract", "--as-of=2026-01-01", "--compact", "--", "-x.txt"});
  CHECK(x.code == 0);
  CHECK(x.out.find("\"status_as_of\":\"2026-01-01\"") != std::string::npos);
  // The last of a repeated option wins; --exclude takes one glob each time.
  fs::path other = FreshDir("dashes_other");
  r = RunCli({"run", "-o", other.string(), "--exclude", "*.md", "-o", out.string(), "--no-db", "--", "-x.txt"});
  CHECK(r.code == 0);
  CHECK(fs::is_empty(other));
}

TEST_CASE("cli: a usage error is one line and a hint, not the whole help") {
  const std::string run = "run 'gongwen run --help' for the options";
  const std::string top = "run 'gongwen --help' for the commands";
  CheckUsageError({}, "expects a command", top);
  CheckUsageError({"frobnicate"}, "gongwen: unknown command 'frobnicate'", top);
  CheckUsageError({"--bogus"}, "unknown option --bogus", top);
  CheckUsageError({"run", kSample, "--bogus"}, "gongwen run: unknown option --bogus", run);
  CheckUsageError({"run", kSample, "--bogus=1"}, "unknown option --bogus", run);
  CheckUsageError({"run", kSample, "-o"}, "--out needs a folder", run);
  CheckUsageError({"run"}, "no input paths", run);
  CheckUsageError({"run", kSample, "--batch", "0"}, "--batch needs a number of documents", run);
  CheckUsageError({"run", kSample, "--as-of", "2026-02-30"}, "--as-of needs a date of the form YYYY-MM-DD", run);
  CheckUsageError({"run", kSample, "--max-bytes", "-1"}, "--max-bytes needs a whole number", run);
  CheckUsageError({"run", kSample, "--max-pages=many"}, "--max-pages needs a whole number", run);
  CheckUsageError({"run", kSample, "--timeout", "1.5"}, "--timeout needs a whole number", run);
  CheckUsageError({"run", kSample, "--fields", "body"}, "gongwen run: --fields: expected ROLE=NAME", run);
  CheckUsageError({"run", kSample, "--ocr=maybe"}, "--ocr takes no value", run);
  CheckUsageError({"extract", kSample, "--no-db"}, "unknown option --no-db", "run 'gongwen extract --help' for the options");
  CheckUsageError({"extract"}, "expects exactly one FILE", "run 'gongwen extract --help' for the options");
  CheckUsageError({"db"}, "expects status or query", "run 'gongwen db --help' for the options");
  CheckUsageError({"db", "status", "--days", "x"}, "--days needs a number of days", "run 'gongwen db --help' for the options");
  CheckUsageError({"eval", "--gold", "g", "a.jsonl", "--min-f1=high"}, "--min-f1 needs a number",
                  "run 'gongwen eval --help' for the options");
}

TEST_CASE("cli: the limits are options of run and extract, --wait of run") {
  fs::path out = FreshDir("limits_out");
  Outcome r = RunCli({"run", kSample, "-o", out.string(), "--no-db", "--max-bytes", "100000000", "--wait",
                      "--max-pages=1", "--timeout=0", "-q"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(RunCli({"extract", kSample, "--compact", "--max-bytes=100000000", "--max-pages", "1", "--timeout", "0"})
            .code == 0);
  CheckUsageError({"extract", kSample, "--wait"}, "unknown option --wait",
                  "run 'gongwen extract --help' for the options");
}

TEST_CASE("cli: every option a command takes is in its help, and no other") {
  const std::vector<std::string> problems = gongwen::cli::HelpProblems();
  CHECK(problems == std::vector<std::string>{});
}
