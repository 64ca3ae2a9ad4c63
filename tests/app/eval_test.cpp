// `gongwen eval`, run in-process like the other commands: known scores on
// small hand-made gold/run pairs, located errors, and the same numbers as the
// reference scorer (../shared/tools/score.py) on the samples' real output.
#include "app/eval.h"

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "app/cli.h"
#include "tests/app/cli_support.h"
#include "util/files.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using Outcome = gongwen::testing::CliOutcome;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;

fs::path FreshDir(const std::string& name) { return gongwen::testing::FreshDir("eval_" + name); }

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::string kSourceDir = GONGWEN_SOURCE_DIR;
const std::string kPython = "/usr/bin/python3";
const std::string kScorePy = kSourceDir + "/../shared/tools/score.py";

bool HaveScorePy() { return fs::exists(kPython) && fs::exists(kScorePy); }

// score.py's stdout lines and exit status on the same inputs.
std::vector<std::string> ScorePy(const fs::path& gold, const fs::path& run, int* code,
                                 const std::string& floors = "") {
  fs::path out = fs::temp_directory_path() / "gongwen_eval_test_score_py.txt";
  std::string cmd = kPython + " '" + kScorePy + "' --gold '" + gold.string() + "' --out '" +
                    run.string() + "' " + floors + " > '" + out.string() + "' 2>&1";
  int status = std::system(cmd.c_str());
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto text = gongwen::files::Read(out.string());
  return text.ok() ? Lines(text.value()) : std::vector<std::string>{};
}

// eval's table in score.py's lines: without the summary line eval prints
// first and the name of the lowest field it adds.
std::vector<std::string> AsScorePyLines(const std::string& text) {
  std::vector<std::string> lines = Lines(text);
  if (!lines.empty()) lines.erase(lines.begin());
  for (std::string& l : lines) {
    if (l.rfind("lowest field = ", 0) == 0) l = l.substr(0, l.find(" ("));
    // score.py names only the first ten documents with no output
    if (l.rfind("documents with no output: ", 0) == 0) {
      size_t at = l.find(": ", 26);
      for (int names = 0; at != std::string::npos && names < 10; ++names) at = l.find(' ', at + 2);
      if (at != std::string::npos) l.resize(at);
    }
  }
  return lines;
}

// eval and score.py print the same table and exit the same way.
void CheckSameAsScorePy(const fs::path& gold, const fs::path& run, const std::string& floors = "") {
  if (!HaveScorePy()) {
    MESSAGE("skipped the comparison with score.py: " << kScorePy << " or " << kPython
                                                     << " not found");
    return;
  }
  std::vector<std::string> args = {"eval", "--gold", gold.string(), run.string()};
  std::istringstream extra(floors);
  for (std::string a; extra >> a;) args.push_back(a);
  Outcome ours = RunCli(args);
  int py_code = -1;
  std::vector<std::string> py = ScorePy(gold, run, &py_code, floors);
  INFO("score.py:\n", [&] {
    std::string s;
    for (const auto& l : py) s += l + "\n";
    return s;
  }());
  INFO("eval:\n", ours.out, ours.err);
  CHECK(AsScorePyLines(ours.out) == py);
  CHECK(ours.code == py_code);
}

const gongwen::eval::FieldScore* Field(const gongwen::eval::Report& r, const std::string& name) {
  for (const auto& f : r.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// ---- a hand-made document: three clauses, the gold and a perfect run ----

const char kGoldA[] = R"({
 "format": "gongwen-gold/1",
 "source": "a.txt",
 "metadata": {
  "title": "关于支持\"专精特新\"企业发展的通知",
  "doc_number": "连政发〔2025〕1号",
  "issuer": "连云港市人民政府",
  "signed_date": "2025-01-02",
  "published_date": null,
  "effective_from": null,
  "effective_until": null
 },
 "clauses": [
  {"path": [1], "heading": "总体要求", "money": [], "percent": [], "ratio": [], "bureaus": []},
  {"path": [1, 1], "heading": "支持研发", "money": [3000000], "percent": [10], "ratio": [[1, 0.5]],
   "bureaus": ["市科技局", "市财政局"]},
  {"path": [2], "heading": "保障措施", "money": [500000], "percent": [], "ratio": [],
   "bureaus": [["市发改委", "市发展改革委"]]}
 ]
})";

// The run's record for a.txt, as gongwen writes it (fields eval does not
// read left out). Spelling differs from the gold where the comparison rule
// says it does not matter: spaces, full-width digits, curly quotes.
json RecordA() {
  return json::parse(R"({
  "schema": "gongwen/1",
  "source": {"path": "/data/in/a.txt", "format": "text"},
  "metadata": {
   "title": " 关于支持“专精特新”企业发展的通知\n",
   "doc_number": "连政发〔２０２５〕１号",
   "issuer": "连云港市人民政府",
   "signed_date": "2025-01-02",
   "published_date": null, "effective_from": null, "effective_until": null
  },
  "clauses": [
   {"part": 1, "path": [1], "heading": "总体要求", "amounts": [], "bureaus": []},
   {"part": 1, "path": [1, 1], "heading": "支持 研发",
    "amounts": [{"kind": "money", "value": 3000000}, {"kind": "percent", "value": 10.0},
                {"kind": "ratio", "value": [1, 0.5]}],
    "bureaus": [{"name": "市科技局", "role": "responsible"}, {"name": "市财政局", "role": "responsible"},
                {"name": "市统计局", "role": "mentioned"}]},
   {"part": 1, "path": [2], "heading": "保障措施",
    "amounts": [{"kind": "money", "value": 500000}],
    "bureaus": [{"name": "市发展改革委", "role": "responsible"}]}
  ]
 })");
}

struct Pair {
  fs::path gold, run;
};

Pair WritePair(const std::string& name, const std::vector<json>& records,
               const std::vector<std::pair<std::string, std::string>>& golds) {
  fs::path dir = FreshDir(name);
  fs::create_directories(dir / "gold");
  for (const auto& [file, text] : golds) WriteFile(dir / "gold" / file, text);
  std::string jsonl;
  for (const json& r : records) jsonl += r.dump() + "\n";
  WriteFile(dir / "documents.jsonl", jsonl);
  return {dir / "gold", dir / "documents.jsonl"};
}

gongwen::eval::Report Score(const Pair& p) {
  gongwen::eval::Outcome o = gongwen::eval::Evaluate(p.gold.string(), p.run.string());
  for (const auto& problem : o.problems) INFO(problem.Describe());
  REQUIRE(o.ok());
  return o.report;
}

}  // namespace

TEST_CASE("eval: Norm is score.py's norm (NFKC, straight quotes, no whitespace)") {
  using gongwen::eval::Norm;
  CHECK(Norm("（一）\u3000“专精特新”　企业") == "(一)\"专精特新\"企业");
  CHECK(Norm("「市科技局」‘A’") == "\"市科技局\"'A'");
  CHECK(Norm("连政发〔２０２５〕１号") == "连政发〔2025〕1号");  // 〔〕 are not NFKC-folded
  CHECK(Norm(" a\tb\nc\u00a0d\u2028e\u200af ") == "abcdef");
  CHECK(Norm("ｼﾞ①") == "ジ1");            // half-width kana compose, ① is 1
  CHECK(Norm("a\u200bb") == "a\u200bb");  // zero-width space is not whitespace to Python
}

TEST_CASE("eval: hand-made gold and run with known scores") {
  const std::vector<std::pair<std::string, std::string>> gold = {{"a.json", kGoldA}};

  SUBCASE("a perfect run scores 1 everywhere, spelling variants included") {
    Pair p = WritePair("perfect", {RecordA()}, gold);
    gongwen::eval::Report r = Score(p);
    CHECK(r.documents == 1);
    CHECK(r.missing.empty());
    // clauses, money, percent, ratio, bureaus; the four metadata fields the
    // gold states (the null ones the run leaves null are not scored); heading.
    REQUIRE(r.fields.size() == 10);
    for (const auto& f : r.fields) {
      CAPTURE(f.name);
      CHECK(f.score == 1.0);
    }
    CHECK(Field(r, "clauses")->tp == 3);
    CHECK(Field(r, "bureaus")->tp == 3);  // 市统计局 is mentioned, not responsible
    CHECK(Field(r, "meta.published_date") == nullptr);
    CHECK(Field(r, "heading")->total == 3);
    CHECK(r.overall == 1.0);
    Outcome cli = RunCli(
        {"eval", "--gold", p.gold.string(), p.run.string(), "--min-f1", "1", "--min-field", "1"});
    CHECK(cli.code == 0);
    CHECK(cli.out.find("overall F1 = 1.000") != std::string::npos);
    CheckSameAsScorePy(p.gold, p.run, "--min-f1 1 --min-field 1");
  }

  SUBCASE("one clause missing: its amounts and bureaus are misses, its heading is not scored") {
    json rec = RecordA();
    rec["clauses"].erase(2);  // [2] 保障措施, 500000, 市发展改革委
    Pair p = WritePair("clause_missing", {rec}, gold);
    gongwen::eval::Report r = Score(p);
    const auto* clauses = Field(r, "clauses");
    CHECK(clauses->tp == 2);
    CHECK(clauses->fp == 0);
    CHECK(clauses->fn == 1);
    CHECK(clauses->precision == 1.0);
    CHECK(clauses->recall == doctest::Approx(2.0 / 3));
    CHECK(clauses->f1 == doctest::Approx(0.8));
    CHECK(Field(r, "money")->f1 == doctest::Approx(2.0 / 3));  // 1 of 2 found, none extra
    CHECK(Field(r, "bureaus")->fn == 1);
    CHECK(Field(r, "bureaus")->f1 == doctest::Approx(0.8));
    CHECK(Field(r, "heading")->total == 2);
    CHECK(Field(r, "heading")->score == 1.0);
    // mean of clauses .8, money 2/3, percent 1, ratio 1, bureaus .8, 4 meta 1, heading 1
    CHECK(r.overall == doctest::Approx((0.8 + 2.0 / 3 + 1 + 1 + 0.8 + 4 + 1) / 10));
    CHECK(r.lowest_field == "money");
    Outcome cli = RunCli({"eval", "--gold", p.gold.string(), p.run.string(), "-v"});
    CHECK(cli.out.find("clauses           1.000  0.667  0.800   2/0/1") != std::string::npos);
    CHECK(cli.out.find("clause missing a.txt [2]") != std::string::npos);
    CHECK(cli.out.find("money missing a.txt [2] 500000.0") != std::string::npos);
    CheckSameAsScorePy(p.gold, p.run);
  }

  SUBCASE("one extra amount is a false positive") {
    json rec = RecordA();
    rec["clauses"][1]["amounts"].push_back({{"kind", "money"}, {"value", 200000}});
    Pair p = WritePair("extra_amount", {rec}, gold);
    gongwen::eval::Report r = Score(p);
    const auto* money = Field(r, "money");
    CHECK(money->tp == 2);
    CHECK(money->fp == 1);
    CHECK(money->fn == 0);
    CHECK(money->precision == doctest::Approx(2.0 / 3));
    CHECK(money->recall == 1.0);
    CHECK(money->f1 == doctest::Approx(0.8));
    CHECK(r.overall == doctest::Approx(9.8 / 10));
    CheckSameAsScorePy(p.gold, p.run);
  }

  SUBCASE("an amount in the wrong clause is a miss and an extra") {
    json rec = RecordA();
    rec["clauses"][1]["amounts"][0]["value"] = 200000;                        // 3000000 read wrong
    rec["clauses"][0]["amounts"].push_back(rec["clauses"][2]["amounts"][0]);  // 500000 under [1]
    rec["clauses"][2]["amounts"] = json::array();
    Pair p = WritePair("wrong_amounts", {rec}, gold);
    const gongwen::eval::Report report = Score(p);  // Field() points into it
    const auto* money = Field(report, "money");
    CHECK(money->tp == 0);
    CHECK(money->fp == 2);
    CHECK(money->fn == 2);
    CHECK(money->f1 == 0.0);
    CheckSameAsScorePy(p.gold, p.run);
  }

  SUBCASE("a wrong date fails --min-field") {
    json rec = RecordA();
    rec["metadata"]["signed_date"] = "2025-01-03";
    Pair p = WritePair("wrong_date", {rec}, gold);
    gongwen::eval::Report r = Score(p);
    const auto* date = Field(r, "meta.signed_date");
    REQUIRE(date != nullptr);
    CHECK(date->correct == 0);
    CHECK(date->total == 1);
    CHECK(r.lowest == 0.0);
    CHECK(r.lowest_field == "meta.signed_date");
    CHECK(r.overall == doctest::Approx(0.9));
    Outcome cli = RunCli({"eval", "--gold", p.gold.string(), p.run.string(), "--min-f1", "0.85",
                          "--min-field", "0.95"});
    CHECK(cli.code == 1);
    CHECK(cli.out.find("meta.signed_date                0.000   0/1") != std::string::npos);
    CHECK(cli.out.find("lowest field = 0.000 (meta.signed_date)") != std::string::npos);
    CHECK(cli.err.find("meta.signed_date 0.000 is below --min-field 0.95") != std::string::npos);
    CHECK(cli.err.find("--min-f1") == std::string::npos);  // 0.9 >= 0.85
    CheckSameAsScorePy(p.gold, p.run, "--min-f1 0.85 --min-field 0.95");
  }

  SUBCASE("a date the gold does not state counts against the run") {
    json rec = RecordA();
    rec["metadata"]["published_date"] = "2025-01-05";
    rec["metadata"]["effective_from"] = "";  // empty is as good as null
    Pair p = WritePair("extra_date", {rec}, gold);
    gongwen::eval::Report r = Score(p);
    REQUIRE(Field(r, "meta.published_date") != nullptr);
    CHECK(Field(r, "meta.published_date")->score == 0.0);
    CHECK(Field(r, "meta.effective_from") == nullptr);
    CheckSameAsScorePy(p.gold, p.run);
  }

  SUBCASE("bureaus: a wrong spelling, an extra unit, alternatives, extra clauses") {
    json rec = RecordA();
    rec["clauses"][1]["bureaus"][1]["name"] = "市财政厅";
    rec["clauses"][2]["bureaus"].push_back({{"name", "市发改委"}, {"role", "responsible"}});
    rec["clauses"].push_back(json::parse(R"({"part": 2, "path": [1], "heading": null,
      "amounts": [], "bureaus": [{"name": "市商务局"}]})"));  // no role: responsible
    Pair p = WritePair("bureaus", {rec}, gold);
    gongwen::eval::Report r = Score(p);
    const auto* b = Field(r, "bureaus");
    // Greedy, as score.py: an entry takes its first spelling the run has.
    CHECK(b->tp == 2);  // 市科技局; 市发改委 for [市发改委, 市发展改革委]
    CHECK(b->fp == 3);  // 市财政厅; 市发展改革委 (the entry is matched once); 市商务局 in part 2
    CHECK(b->fn == 1);  // 市财政局
    CHECK(Field(r, "clauses")->fp == 1);
    CheckSameAsScorePy(p.gold, p.run);
  }

  SUBCASE("a gold document missing from the run is all misses, and listed") {
    auto golds = gold;
    golds.push_back({"b.json", R"({"format": "gongwen-gold/1", "source": "b.txt",
      "metadata": {"title": "B"},
      "clauses": [{"path": [1], "heading": "一", "money": [100]}, {"path": [2], "heading": null}]})"});
    Pair p = WritePair("missing_doc", {RecordA()}, golds);
    gongwen::eval::Report r = Score(p);
    CHECK(r.documents == 2);
    CHECK(r.missing == std::vector<std::string>{"b.txt"});
    CHECK(Field(r, "clauses")->fn == 2);
    CHECK(Field(r, "money")->fn == 1);
    CHECK(Field(r, "meta.title")->correct == 1);
    CHECK(Field(r, "meta.title")->total == 2);
    CHECK(Field(r, "heading")->total == 3);  // b.txt's headings: no clause to compare
    Outcome cli = RunCli({"eval", "--gold", p.gold.string(), p.run.string()});
    CHECK(cli.code == 0);  // no floors given
    CHECK(cli.out.find("documents with no output: 1: b.txt") != std::string::npos);
    Outcome js = RunCli({"eval", "--gold", p.gold.string(), p.run.string(), "--json"});
    CHECK(json::parse(js.out)["missing"] == json::array({"b.txt"}));
    CheckSameAsScorePy(p.gold, p.run);
  }

  SUBCASE("--json: every field with its counts, the verdict on the floors") {
    json rec = RecordA();
    rec["clauses"].erase(2);
    Pair p = WritePair("json", {rec}, gold);
    Outcome cli =
        RunCli({"eval", "--gold", p.gold.string(), p.run.string(), "--json", "--min-f1", "0.95"});
    CHECK(cli.code == 1);
    json j = json::parse(cli.out);
    CHECK(j["format"] == "gongwen-eval/1");
    CHECK(j["documents"] == 1);
    CHECK(j["run_records"] == 1);
    REQUIRE(j["fields"].size() == 10);
    CHECK(j["fields"][0]["field"] == "clauses");
    CHECK(j["fields"][0]["tp"] == 2);
    CHECK(j["fields"][0]["fn"] == 1);
    CHECK(j["fields"][0]["recall"].get<double>() == doctest::Approx(2.0 / 3));
    CHECK(j["fields"][9]["field"] == "heading");
    CHECK(j["fields"][9]["accuracy"] == 1.0);
    CHECK(j["fields"][9]["total"] == 2);
    CHECK(j["lowest_field"]["field"] == "money");
    CHECK(j["overall_f1"].get<double>() == doctest::Approx(0.926667).epsilon(1e-5));
    CHECK(j["pass"] == false);
    CHECK(j["misses"].empty());  // listed with -v only
  }
}

TEST_CASE("eval: unreadable inputs are located errors, nothing is scored") {
  fs::path dir = FreshDir("errors");
  fs::path run = dir / "documents.jsonl";
  WriteFile(run, RecordA().dump() + "\n");

  SUBCASE("missing gold folder") {
    Outcome r = RunCli({"eval", "--gold", (dir / "no_such_gold").string(), run.string()});
    CHECK(r.code == 3);
    CHECK(r.out.empty());
    CHECK(r.err.find((dir / "no_such_gold").string() + ": error: gold folder not found") !=
          std::string::npos);
  }
  SUBCASE("a gold folder without gold files") {
    fs::create_directories(dir / "empty");
    WriteFile(dir / "empty" / "README.md", "# not gold\n");
    Outcome r = RunCli({"eval", "--gold", (dir / "empty").string(), run.string()});
    CHECK(r.code == 3);
    CHECK(r.err.find("no gold files (*.json)") != std::string::npos);
  }
  SUBCASE("malformed gold files: each with its path, the JSON error's byte offset") {
    fs::create_directories(dir / "gold");
    WriteFile(dir / "gold" / "a.json", kGoldA);
    //                                 0         1         2         3
    //                                 0123456789012345678901234567890123
    WriteFile(dir / "gold" / "bad.json", R"({"source": "x.txt", "clauses": [})");
    WriteFile(dir / "gold" / "list.json", "[]");
    WriteFile(dir / "gold" / "no_source.json", R"({"clauses": []})");
    WriteFile(dir / "gold" / "no_path.json", R"({"source": "y.txt", "clauses": [{"money": [1]}]})");
    WriteFile(dir / "gold" / "money.json",
              R"({"source": "z.txt", "clauses": [{"path": [1], "money": ["lots"]}]})");
    fs::create_directories(dir / "gold" / "folder.json");
    Outcome r = RunCli({"eval", "--gold", (dir / "gold").string(), run.string()});
    CHECK(r.code == 3);
    CHECK(r.out.empty());
    const std::string g = (dir / "gold").string() + "/";
    INFO(r.err);
    CHECK(r.err.find(g + "bad.json: error: invalid JSON: parse error at line 1, column 33") !=
          std::string::npos);
    CHECK(r.err.find("(byte 32)\n") != std::string::npos);
    CHECK(r.err.find(g + "list.json: error: not a JSON object") != std::string::npos);
    CHECK(r.err.find(g + "no_source.json: error: names no source") != std::string::npos);
    CHECK(r.err.find(g + "no_path.json: error: clauses[0] has no path") != std::string::npos);
    CHECK(r.err.find(g + "money.json: error: clauses[0].money is not a number: \"lots\"") !=
          std::string::npos);
    CHECK(r.err.find(g + "folder.json: error: is a folder") != std::string::npos);
    CHECK(r.err.find("a.json: error") == std::string::npos);
    CHECK(r.err.find("6 problem(s); nothing scored") != std::string::npos);
  }
  SUBCASE("a missing or malformed run") {
    fs::create_directories(dir / "gold");
    WriteFile(dir / "gold" / "a.json", kGoldA);
    Outcome missing =
        RunCli({"eval", "--gold", (dir / "gold").string(), (dir / "nope.jsonl").string()});
    CHECK(missing.code == 3);
    CHECK(missing.err.find("nope.jsonl: error: run file not found") != std::string::npos);

    // line 1: 4 bytes and '\n'; line 2 blank; line 3 at byte 6, its '}' at 17;
    // line 4 at byte 19
    WriteFile(run, "{  }\n\n{\"source\": }\n[1]\n");
    Outcome bad = RunCli({"eval", "--gold", (dir / "gold").string(), run.string()});
    CHECK(bad.code == 3);
    INFO(bad.err);
    CHECK(bad.err.find(run.string() + ": error: line 3: invalid JSON: parse error at column 12") !=
          std::string::npos);
    CHECK(bad.err.find("(byte 17)") != std::string::npos);
    CHECK(bad.err.find(run.string() + ": error: line 4: not a JSON object (byte 19)") !=
          std::string::npos);
  }
}

TEST_CASE("eval: usage and help") {
  CHECK(RunCli({"eval"}).code == 2);
  Outcome no_gold = RunCli({"eval", "run.jsonl"});
  CHECK(no_gold.code == 2);
  CHECK(no_gold.err.find("--gold DIR is required") != std::string::npos);
  CHECK(RunCli({"eval", "--gold"}).code == 2);
  CHECK(RunCli({"eval", "--gold", "g", "a.jsonl", "b.jsonl"}).code == 2);
  Outcome bad_floor = RunCli({"eval", "--gold", "g", "a.jsonl", "--min-f1", "high"});
  CHECK(bad_floor.code == 2);
  CHECK(bad_floor.err.find("--min-f1 needs a number") != std::string::npos);
  CHECK(RunCli({"eval", "--gold", "g", "a.jsonl", "--min-field"}).code == 2);
  CHECK(RunCli({"eval", "--gold", "g", "a.jsonl", "--bogus"}).code == 2);
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"eval", "--help"}, {"help", "eval"}}) {
    Outcome r = RunCli(args);
    CHECK(r.code == 0);
    CHECK(r.out.rfind("Usage: gongwen eval --gold DIR RUN.jsonl", 0) == 0);
  }
  CHECK(RunCli({"help"}).out.find("gongwen eval --gold DIR RUN.jsonl") != std::string::npos);
}

TEST_CASE("eval: the samples' run scores as score.py scores it") {
  // The samples through the CLI, as scripts/run-samples does.
  fs::path out = FreshDir("samples_run");
  Outcome run = RunCli({"run", kSourceDir + "/samples", "-o", out.string(), "-q", "--exclude", "*/samples/expected",
                         "--exclude", "*/samples/gold"});
  REQUIRE(run.code == 0);
  const fs::path gold = kSourceDir + "/samples/gold";
  const fs::path jsonl = out / "documents.jsonl";

  int gold_files = 0;
  for (const auto& e : fs::directory_iterator(gold)) gold_files += e.path().extension() == ".json";
  gongwen::eval::Report r = Score({gold, jsonl});
  CHECK(r.gold_files == gold_files);
  CHECK(r.missing.empty());
  CHECK(r.fields.size() >= 6);
  CHECK(Field(r, "clauses")->tp > 100);
  CheckSameAsScorePy(gold, jsonl, "--min-f1 0.98 --min-field 0.95");

  // The same run damaged in every field, so the numbers compared are not all
  // 1.000: clauses dropped and renumbered, amounts changed, bureaus demoted or
  // misspelt, headings and metadata altered, one document dropped.
  auto text = gongwen::files::Read(jsonl.string());
  REQUIRE(text.ok());
  std::vector<json> records;
  for (const std::string& line : Lines(text.value())) records.push_back(json::parse(line));
  REQUIRE(records.size() > 2);
  records.erase(records.begin() + 1);
  int n = 0;
  for (json& rec : records) {
    if (n % 3 == 0) rec["metadata"]["signed_date"] = "2025-13-01";
    if (n % 4 == 1) rec["metadata"]["title"] = " " + rec["metadata"]["title"].dump() + " ";
    json kept = json::array();
    for (json& c : rec["clauses"]) {
      ++n;
      if (n % 7 == 3) continue;
      if (n % 13 == 5) c["path"].back() = c["path"].back().get<int>() + 10;
      if (n % 11 == 0 && c["heading"].is_string())
        c["heading"] = c["heading"].get<std::string>() + "等";
      for (json& a : c["amounts"]) {
        if (++n % 5 == 0 && a["value"].is_number()) a["value"] = a["value"].get<double>() * 2;
        if (n % 9 == 0 && a["value"].is_array()) a["value"].push_back(1);
      }
      if (n % 6 == 0) c["amounts"].push_back({{"kind", "percent"}, {"value", 12.5}});
      for (json& b : c["bureaus"]) {
        if (++n % 8 == 0) b["role"] = "mentioned";
        if (n % 10 == 0 && b["name"].is_string()) b["name"] = "市" + b["name"].get<std::string>();
      }
      kept.push_back(c);
    }
    rec["clauses"] = kept;
  }
  std::string damaged;
  for (const json& rec : records) damaged += rec.dump() + "\n";
  WriteFile(out / "damaged.jsonl", damaged);
  gongwen::eval::Report d = Score({gold, out / "damaged.jsonl"});
  CHECK(d.missing.size() >= 1);
  CHECK(d.overall < 0.95);
  for (const char* f : {"clauses", "money", "percent", "ratio", "bureaus"}) {
    CAPTURE(f);
    CHECK(Field(d, f)->score < 1.0);
  }
  CheckSameAsScorePy(gold, out / "damaged.jsonl", "--min-f1 0.5 --min-field 0.5");
}
