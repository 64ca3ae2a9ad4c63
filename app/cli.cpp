#include "app/cli.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "app/eval.h"
#include "export/json.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

namespace gongwen::cli {
namespace {

constexpr char kVersion[] = "gongwen 0.1.0";

constexpr char kMainHelp[] = R"(gongwen — Chinese policy documents (公文) to structured JSON (schema gongwen/1)

Usage:
  gongwen run PATH... [-o OUT]   process files and folders, write OUT/documents.jsonl
                                 and OUT/docs/<id>.json
  gongwen extract FILE           print one document's JSON ("-" reads stdin)
  gongwen eval --gold DIR RUN.jsonl
                                 score a run's documents.jsonl against gold files:
                                 per-field precision, recall, F1 and overall
  gongwen help [COMMAND]         this text, or a command's options
  gongwen --version

Exit codes: 0 all inputs processed; 1 some inputs failed (others still written);
            2 usage error; 3 fatal (output not writable, resources missing).
            eval: 1 when a score is below --min-f1/--min-field, 3 when the gold
            or the run cannot be read.
)";

constexpr char kRunHelp[] = R"(Usage: gongwen run PATH... [-o OUT] [options]

Walks files and folders (recursively, sorted, hidden entries skipped) and
processes every .txt, .text, .md, .markdown, .html, .htm, .shtml and .pdf
file; files named explicitly are processed whatever their extension. The
format is decided by content (HTML and PDF signatures, Markdown headings),
then by extension. Writes, each atomically (temp + rename):
  OUT/documents.jsonl   one gongwen/1 record per document, in input order
  OUT/docs/<id>.json    the same record, indented
A document that fails is reported on stderr as "path: error: reason" and the
batch goes on; the exit status is then 1.

Options:
  -o, --out DIR          output folder (default: out)
  --charset NAME         decode inputs without a BOM as NAME (gbk, gb18030, big5, utf-8),
                         as an HTTP Content-Type header would; overrides <meta charset>
  --url URL              where the input was fetched from (resolves attachment links)
  --ocr                  read scanned PDF pages with tesseract (packages tesseract-ocr,
                         tesseract-ocr-chi-sim)
  --as-of DATE           judge metadata.status (in force or not) on DATE, YYYY-MM-DD
                         (default: today, UTC; recorded as metadata.status_as_of)
  --keep-traditional     do not convert traditional characters to simplified
  --keep-chrome          keep site chrome and SEO spam lines
  --no-join              do not rejoin lines broken inside a sentence
  -q, --quiet            no summary line on stderr
  -h, --help             this text
)";

constexpr char kExtractHelp[] = R"(Usage: gongwen extract FILE [options]

Prints one document's gongwen/1 JSON (indented) to stdout. FILE "-" reads stdin.
Text, Markdown, HTML and PDF are recognised by content. A document that cannot
be read is reported on stderr as "path: error: reason [code]", exit status 1.

Options:
  --charset NAME         decode input without a BOM as NAME (gbk, gb18030, big5, utf-8)
  --url URL              where the page was fetched from (resolves attachment links)
  --ocr                  read scanned PDF pages with tesseract (packages tesseract-ocr,
                         tesseract-ocr-chi-sim)
  --as-of DATE           judge metadata.status on DATE, YYYY-MM-DD (default: today, UTC)
  --keep-traditional     do not convert traditional characters to simplified
  --keep-chrome          keep site chrome and SEO spam lines
  --no-join              do not rejoin lines broken inside a sentence
  --compact              one line instead of indented JSON
  -h, --help             this text
)";

constexpr char kEvalHelp[] = R"help(Usage: gongwen eval --gold DIR RUN.jsonl [options]

Scores a run (the documents.jsonl that "gongwen run" writes) against a folder
of gold annotations: every *.json file in DIR (not recursive), one per
document, format gongwen-gold/1 (samples/gold/README.md). The rules are those
of the reference scorer ../shared/tools/score.py; both print the same numbers:
  - a gold file's "source" (or each of its "sources") is the file name of the
    record's source.path; a document missing from the run is scored as all
    misses and listed under "documents with no output"
  - clauses are matched by (part, path); money (in yuan), percent and ratio
    values and the responsible bureaus by the clause they belong to; true and
    false positives and negatives are summed over all documents (micro), then
    precision P, recall R and F1
  - metadata fields (title, doc_number, issuer, signed_date, published_date,
    effective_from, effective_until) and clause headings are accuracies, shown
    in the F1 column with correct/total
  - text is compared after NFKC, with curly quotes and 「」 made straight and
    whitespace removed
  - overall F1 is the mean of the field scores; lowest field is their minimum

Options:
  --gold DIR             folder of gold files (required)
  --min-f1 X             exit 1 when overall F1 < X
  --min-field X          exit 1 when any field scores < X
  --json                 print a JSON report (gongwen-eval/1) instead of the table
  -v, --verbose          list every miss: clauses missing or extra, wrong values
  -h, --help             this text

Exit: 0 the scores meet the floors; 1 a score is below a floor; 2 usage error;
      3 the gold or the run cannot be read: each problem is reported on stderr
        as "path: error: reason (byte N)", byte offsets counted from 0.
)help";

const std::vector<std::string> kExtensions = {"txt", "text", "md", "markdown", "html", "htm", "shtml", "pdf"};

struct Parsed {
  std::vector<std::string> positional;
  std::string out_dir = "out";
  ProcessOptions options;
  bool quiet = false;
  bool compact = false;
  bool help = false;
};

// YYYY-MM-DD with a month 01-12 and a day that month has.
bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Today's date in UTC, YYYY-MM-DD.
std::string TodayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Returns an error message, or "" on success.
std::string ParseFlags(const std::vector<std::string>& args, size_t from, bool allow_out,
                       Parsed* p) {
  for (size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* dst) -> bool {
      if (i + 1 >= args.size()) return false;
      *dst = args[++i];
      return true;
    };
    if (a == "-h" || a == "--help") {
      p->help = true;
    } else if (allow_out && (a == "-o" || a == "--out")) {
      if (!value(&p->out_dir)) return a + " needs a folder";
    } else if (a == "--charset") {
      std::string v;
      if (!value(&v)) return "--charset needs a name";
      p->options.declared_charset = v;
    } else if (a == "--url") {
      std::string v;
      if (!value(&v)) return "--url needs a URL";
      p->options.url = v;
    } else if (a == "--ocr") {
      p->options.ocr = true;
    } else if (a == "--as-of") {
      std::string v;
      if (!value(&v)) return "--as-of needs a date (YYYY-MM-DD)";
      if (!IsIsoDate(v)) return "--as-of: not a date of the form YYYY-MM-DD: " + v;
      p->options.as_of = v;
    } else if (a == "--keep-traditional") {
      p->options.normalize.convert_traditional = false;
    } else if (a == "--keep-chrome") {
      p->options.normalize.remove_chrome = false;
      p->options.normalize.remove_spam = false;
    } else if (a == "--no-join") {
      p->options.normalize.join_lines = false;
    } else if (allow_out && (a == "-q" || a == "--quiet")) {
      p->quiet = true;
    } else if (!allow_out && a == "--compact") {
      p->compact = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return "unknown option " + a;
    } else {
      p->positional.push_back(a);
    }
  }
  if (p->options.as_of.empty()) p->options.as_of = TodayUtc();
  return "";
}

void ReportError(std::ostream& err, const std::string& path, const Error& e) {
  err << path << ": error: " << e.Describe() << " [" << ErrorCodeName(e.code) << "]\n";
}

int RunCommand(const Parsed& p, std::ostream& err) {
  if (p.positional.empty()) {
    err << "gongwen run: no input paths\n" << kRunHelp;
    return 2;
  }
  std::vector<std::string> missing;
  std::vector<std::string> inputs = files::ListInputs(p.positional, kExtensions, &missing);
  int failed = 0;
  for (const std::string& m : missing) {
    err << m << ": error: no such file or folder [io]\n";
    ++failed;
  }
  auto pipeline = Pipeline::Create();
  if (!pipeline.ok()) {
    err << "gongwen: " << pipeline.error().Describe() << "\n";
    return 3;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(fs::path(p.out_dir) / "docs", ec);
  if (ec) {
    err << "gongwen: cannot create " << p.out_dir << "/docs: " << ec.message() << "\n";
    return 3;
  }
  std::string jsonl;
  int ok = 0;
  for (const std::string& path : inputs) {
    auto bytes = files::Read(path);
    if (!bytes.ok()) {
      ReportError(err, path, bytes.error());
      ++failed;
      continue;
    }
    auto policy = pipeline.value()->Process(bytes.value(), path, p.options);
    if (!policy.ok()) {
      ReportError(err, path, policy.error());
      ++failed;
      continue;
    }
    jsonl += output::ToJsonLine(policy.value());
    jsonl += '\n';
    std::string doc_path = (fs::path(p.out_dir) / "docs" / (policy.value().id + ".json")).string();
    if (auto w = files::WriteAtomic(doc_path, output::ToJsonPretty(policy.value())); !w.ok()) {
      err << "gongwen: " << w.error().Describe() << "\n";
      return 3;
    }
    ++ok;
  }
  std::string jsonl_path = (fs::path(p.out_dir) / "documents.jsonl").string();
  if (auto w = files::WriteAtomic(jsonl_path, jsonl); !w.ok()) {
    err << "gongwen: " << w.error().Describe() << "\n";
    return 3;
  }
  if (!p.quiet) {
    err << "gongwen: " << ok + failed << " input(s): " << ok << " ok, " << failed
        << " failed -> " << jsonl_path << "\n";
  }
  return failed > 0 ? 1 : 0;
}

int ExtractCommand(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.positional.size() != 1) {
    err << "gongwen extract: expects exactly one FILE\n" << kExtractHelp;
    return 2;
  }
  const std::string& path = p.positional[0];
  auto bytes = files::Read(path);
  if (!bytes.ok()) {
    ReportError(err, path, bytes.error());
    return 1;
  }
  auto pipeline = Pipeline::Create();
  if (!pipeline.ok()) {
    err << "gongwen: " << pipeline.error().Describe() << "\n";
    return 3;
  }
  auto policy = pipeline.value()->Process(bytes.value(), path, p.options);
  if (!policy.ok()) {
    ReportError(err, path, policy.error());
    return 1;
  }
  if (p.compact) {
    out << output::ToJsonLine(policy.value()) << "\n";
  } else {
    out << output::ToJsonPretty(policy.value());
  }
  out.flush();
  return 0;
}

// A finite number for --min-f1 / --min-field.
bool ParseFloor(const std::string& text, double* value) {
  if (text.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return false;
  *value = v;
  return true;
}

int EvalCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string gold_dir;
  std::vector<std::string> positional;
  double min_f1 = 0.0, min_field = 0.0;
  bool json = false, verbose = false;
  auto usage = [&](const std::string& problem) {
    err << "gongwen eval: " << problem << "\n" << kEvalHelp;
    return 2;
  };
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      out << kEvalHelp;
      return 0;
    } else if (a == "--gold") {
      if (i + 1 >= args.size()) return usage("--gold needs a folder");
      gold_dir = args[++i];
    } else if (a == "--min-f1" || a == "--min-field") {
      if (i + 1 >= args.size() || !ParseFloor(args[i + 1], a == "--min-f1" ? &min_f1 : &min_field)) {
        return usage(a + " needs a number (e.g. 0.95)");
      }
      ++i;
    } else if (a == "--json") {
      json = true;
    } else if (a == "-v" || a == "--verbose") {
      verbose = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage("unknown option " + a);
    } else {
      positional.push_back(a);
    }
  }
  if (gold_dir.empty()) return usage("--gold DIR is required");
  if (positional.size() != 1) return usage("expects exactly one RUN.jsonl");

  eval::Outcome o = eval::Evaluate(gold_dir, positional[0]);
  if (!o.ok()) {
    for (const eval::Problem& p : o.problems) err << p.Describe() << "\n";
    err << "gongwen eval: " << o.problems.size() << " problem(s); nothing scored\n";
    return 3;
  }
  const eval::Report& r = o.report;
  if (json) {
    eval::Report shown = r;
    if (!verbose) shown.misses.clear();
    out << eval::FormatJson(shown, min_f1, min_field);
  } else {
    if (verbose) {
      for (const std::string& m : r.misses) out << "  " << m << "\n";
    }
    out << eval::FormatText(r);
  }
  out.flush();
  if (eval::Passes(r, min_f1, min_field)) return 0;
  char buf[160];
  if (r.overall < min_f1) {
    std::snprintf(buf, sizeof buf, "gongwen eval: overall F1 %.3f is below --min-f1 %g\n", r.overall,
                  min_f1);
    err << buf;
  }
  if (r.lowest < min_field) {
    std::snprintf(buf, sizeof buf, "gongwen eval: %s %.3f is below --min-field %g\n",
                  r.lowest_field.c_str(), r.lowest, min_field);
    err << buf;
  }
  return 1;
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kMainHelp;
    return 2;
  }
  const std::string& cmd = args[0];
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    if (args.size() > 1 && args[1] == "run") {
      out << kRunHelp;
    } else if (args.size() > 1 && args[1] == "extract") {
      out << kExtractHelp;
    } else if (args.size() > 1 && args[1] == "eval") {
      out << kEvalHelp;
    } else {
      out << kMainHelp;
    }
    return 0;
  }
  if (cmd == "--version" || cmd == "version") {
    out << kVersion << "\n";
    return 0;
  }
  if (cmd == "eval") return EvalCommand(args, out, err);
  if (cmd != "run" && cmd != "extract") {
    err << "gongwen: unknown command '" << cmd << "'\n" << kMainHelp;
    return 2;
  }
  Parsed p;
  std::string problem = ParseFlags(args, 1, cmd == "run", &p);
  if (p.help) {
    out << (cmd == "run" ? kRunHelp : kExtractHelp);
    return 0;
  }
  if (!problem.empty()) {
    err << "gongwen " << cmd << ": " << problem << "\n" << (cmd == "run" ? kRunHelp : kExtractHelp);
    return 2;
  }
  return cmd == "run" ? RunCommand(p, err) : ExtractCommand(p, out, err);
}

}  // namespace gongwen::cli
