// JSON export: field order, money in yuan, nulls, determinism.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "export/json.h"
#include "export/json_read.h"
#include "tests/app/cli_support.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

using gongwen::AmountKind;
using gongwen::AmountQualifier;
using gongwen::ClauseStyle;

namespace {

gongwen::Policy SmallPolicy() {
  gongwen::Policy p;
  p.id = "0123456789abcdef";
  p.policy_key = "fedcba9876543210";
  p.source.path = "a.txt";
  p.text = "1.给予最高300万元支持。";
  gongwen::Clause c;
  c.path = {1};
  c.marker = "1.";
  c.style = ClauseStyle::kArabicDot;
  gongwen::Amount a;
  a.kind = AmountKind::kMoney;
  a.text = "300万元";
  a.fen = 300000000;
  a.qualifier = AmountQualifier::kMax;
  a.span = {6, 11};
  c.amounts.push_back(a);
  gongwen::Amount half = a;
  half.text = "0.505万元";
  half.fen = 505000;
  c.amounts.push_back(half);
  gongwen::Amount cents = a;
  cents.text = "12.34元";
  cents.fen = 1234;
  c.amounts.push_back(cents);
  p.clauses.push_back(c);
  return p;
}

}  // namespace

TEST_CASE("json: money is printed in yuan, integers when whole") {
  auto j = nlohmann::json::parse(gongwen::output::ToJsonLine(SmallPolicy()));
  const auto& amounts = j["clauses"][0]["amounts"];
  CHECK(amounts[0]["value"].is_number_integer());
  CHECK(amounts[0]["value"].get<int64_t>() == 3000000);
  CHECK(amounts[0]["currency"] == "CNY");
  CHECK(amounts[1]["value"].get<int64_t>() == 5050);
  CHECK(amounts[2]["value"].get<double>() == doctest::Approx(12.34));
}

TEST_CASE("json: contract field order and nulls") {
  std::string line = gongwen::output::ToJsonLine(SmallPolicy());
  CHECK(line.rfind("{\"schema\":\"gongwen/1\",\"id\":\"0123456789abcdef\",\"policy_key\"", 0) == 0);
  CHECK(line.find('\n') == std::string::npos);
  auto j = nlohmann::json::parse(line);
  CHECK(j["metadata"]["title"].is_null());
  CHECK(j["metadata"]["addressees"].is_array());
  CHECK(j["clauses"][0]["parent"].is_null());
  CHECK(j["quality"]["repairs"].is_array());
  std::string pretty = gongwen::output::ToJsonPretty(SmallPolicy());
  CHECK(pretty.back() == '\n');
  CHECK(nlohmann::json::parse(pretty) == j);
}

TEST_CASE("json: PrettyFromLine gives ToJsonPretty's bytes for every sample") {
  namespace fs = std::filesystem;
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  int n = 0;
  for (const auto& e : fs::directory_iterator(fs::path(GONGWEN_SOURCE_DIR) / "samples")) {
    if (!e.is_regular_file()) continue;
    auto bytes = gongwen::files::Read(e.path().string());
    REQUIRE(bytes.ok());
    auto policy = pipeline.value()->Process(bytes.value(), e.path().string(), {});
    if (!policy.ok()) continue;
    CAPTURE(e.path().string());
    CHECK(gongwen::output::PrettyFromLine(gongwen::output::ToJsonLine(policy.value())) ==
          gongwen::output::ToJsonPretty(policy.value()));
    ++n;
  }
  CHECK(n >= 30);
  // Strings with quotes, brackets and commas in them, empty containers.
  gongwen::Policy p = SmallPolicy();
  p.text = "他说：\"{[,:]}\" 与 \\ 反斜杠";
  CHECK(gongwen::output::PrettyFromLine(gongwen::output::ToJsonLine(p)) == gongwen::output::ToJsonPretty(p));
}

TEST_CASE("json_read: every record of the samples reads back into the Policy that writes it again") {
  namespace fs = std::filesystem;
  const fs::path out = gongwen::testing::FreshDir("json_read_out");
  const fs::path in = gongwen::testing::FreshDir("json_read_in");
  // A file name that is not UTF-8 comes back as its bytes.
  fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "samples/101_suzhou_banfa.txt", in / std::string("x\xff\\.txt"));
  auto r = gongwen::testing::RunCli({"run", (fs::path(GONGWEN_SOURCE_DIR) / "samples").string(), in.string(), "-o",
                                     out.string(), "--no-db", "-q", "--exclude", "*/samples/expected", "--exclude",
                                     "*/samples/gold"});
  REQUIRE(r.code == 0);
  std::ifstream jsonl(out / "documents.jsonl");
  int n = 0;
  for (std::string line; std::getline(jsonl, line); ++n) {
    auto p = gongwen::output::PolicyFromJsonLine(line);
    REQUIRE(p.ok());
    CHECK(gongwen::output::ToJsonLine(p.value()) == line);
    if (line.find("\\\\xFF") != std::string::npos) CHECK(p.value().source.path == (in / std::string("x\xff\\.txt")).string());
  }
  CHECK(n == 36);
  CHECK_FALSE(gongwen::output::PolicyFromJsonLine("{\"schema\":\"gongwen/1\"}").ok());
  CHECK(gongwen::output::PolicyFromJsonLine("[1").error().message == "not JSON");
}
