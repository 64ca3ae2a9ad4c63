// Golden test: every input in samples/ has its expected gongwen/1 output in
// samples/expected/<file name>.json, with metadata.status judged as of
// kGoldenAsOf (scripts/update-golden passes the same date). A difference
// fails with the first differing line; regenerate with scripts/update-golden
// and review the diff.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "app/cli.h"
#include "export/json.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace {

constexpr char kGoldenAsOf[] = "2026-01-01";

std::vector<std::string> SampleInputs() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(GONGWEN_SOURCE_DIR) / "samples")) {
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "";
    if (ea != eb || la != lb) {
      return "line " + std::to_string(line) + "\n  expected: " + la.substr(0, 300) +
             "\n  actual:   " + lb.substr(0, 300);
    }
  }
}

}  // namespace

TEST_CASE("golden: samples/ match samples/expected/") {
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  auto names = SampleInputs();
  REQUIRE(names.size() >= 4);
  for (const std::string& name : names) {
    CAPTURE(name);
    auto bytes = gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/samples/" + name);
    REQUIRE(bytes.ok());
    auto expected =
        gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/samples/expected/" + name + ".json");
    REQUIRE_MESSAGE(expected.ok(), "no expected output for ", name, " (scripts/update-golden)");
    // As scripts/update-golden makes it: `gongwen extract` (a container
    // prints a line per record).
    std::ostringstream out, err;
    const int code = gongwen::cli::Run({"extract", "--as-of", kGoldenAsOf, "samples/" + name}, out, err);
    REQUIRE_MESSAGE(code == 0, err.str());
    std::string got = out.str();
    std::string diff = FirstDifference(expected.value(), got);
    CHECK_MESSAGE(diff.empty(), name, ": ", diff);
  }
}

TEST_CASE("golden: output is byte-identical across runs and pipelines") {
  auto first = gongwen::Pipeline::Create();
  auto second = gongwen::Pipeline::Create();
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  for (const std::string& name : SampleInputs()) {
    CAPTURE(name);
    auto bytes = gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/samples/" + name);
    REQUIRE(bytes.ok());
    auto a = first.value()->Process(bytes.value(), name);
    auto b = second.value()->Process(bytes.value(), name);
    auto c = first.value()->Process(bytes.value(), name);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(c.ok());
    std::string ja = gongwen::output::ToJsonLine(a.value());
    CHECK(ja == gongwen::output::ToJsonLine(b.value()));
    CHECK(ja == gongwen::output::ToJsonLine(c.value()));
  }
}
