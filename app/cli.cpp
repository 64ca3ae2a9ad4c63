#include "app/cli.h"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/diff.h"
#include "app/audit.h"
#include "app/eval.h"
#include "app/load.h"
#include "app/map.h"
#include "app/progress.h"
#include "app/workers.h"
#include "container/container.h"
#include "db/db.h"
#include "export/json.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "structure/structure.h"
#include "util/files.h"
#include "util/sha256.h"

namespace gongwen::cli {
namespace {

constexpr char kVersion[] = "gongwen 0.1.0";

constexpr char kMainHelp[] = R"(gongwen — Chinese policy documents (公文) to structured JSON (schema gongwen/1)

Usage:
  gongwen run PATH... [-o OUT]   process files and folders, write OUT/documents.jsonl,
                                 OUT/docs/<id>.json and OUT/errors.jsonl (the inputs
                                 that failed), upsert OUT/gongwen.db; JSON, CSV, SQL
                                 dumps and WARC give one document per record
  gongwen db status|query ...    ask the policy database: counts, policies in force,
                                 expiring, money by bureau, or any SQL
  gongwen extract FILE           print one document's JSON ("-" reads stdin)
  gongwen eval --gold DIR RUN.jsonl
                                 score a run's documents.jsonl against gold files:
                                 per-field precision, recall, F1 and overall
  gongwen diff A B [--json]      compare two runs (folders or databases) document by
                                 document: clauses, amounts, bureaus, metadata
  gongwen show DOC [-o FILE]     one document as an HTML page for review: each value
                                 marked at its place in the text, repairs before → after
  gongwen report RUN [-o DIR]    a review site for a run: documents sortable by
                                 warnings, repairs and missing fields, each with its page
  gongwen map [--path NAME] < RECORDS.jsonl
                                 crawl records (JSON Lines) on stdin to gongwen/1 lines
                                 on stdout, nothing else (Hadoop Streaming, Spark pipe())
  gongwen load FILE... [--db TARGET | -o OUT]
                                 write map's output into the policy database, as run would
  gongwen help [COMMAND]         this text, or a command's options (also
                                 gongwen COMMAND --help)
  gongwen --version

An option's value follows it (--out DIR) or is joined by '=' (--out=DIR);
"--" ends the options, so that a file named -x.txt can be given after it.

Exit codes: 0 all inputs processed; 1 some inputs failed (others still written);
            2 usage error (one line on stderr: what is wrong, and the command's
            --help to read); 3 fatal (output not writable, resources missing).
            eval: 1 when a score is below --min-f1/--min-field, 3 when the gold
            or the run cannot be read. diff: 0 identical, 1 different, 3 a side
            cannot be read.
)";

constexpr char kRunHelp[] = R"(Usage: gongwen run PATH... [-o OUT] [options]

Walks files and folders (recursively, sorted, hidden entries skipped) and
processes every .txt, .text, .md, .markdown, .html, .htm, .shtml and .pdf
file, and the crawl containers .json, .jsonl, .ndjson, .csv, .tsv, .sql,
.warc and .warc.gz, one document per record (README, "Crawl containers");
files named explicitly are processed whatever their extension. The format is
decided by content (WARC, JSON, SQL, HTML and PDF signatures, HTML markup in
text, Markdown headings), then by extension. A record's source is FILE#KEY
(its id field, else its URL, else its ordinal); a bad record is reported as
"FILE#N: error: reason (byte N) [decode]" and the file's other records go on.
Writes:
  OUT/documents.jsonl   one gongwen/1 record per document, in input order
  OUT/errors.jsonl      one line per input that failed, in input order: {"path",
                        "code", "byte", "page", "message"}; empty when none failed
  OUT/docs/<id>.json    the same record, indented
  OUT/gongwen.db        the policy database (SQLite), upserted: one policy per
                        发文字号 or title, one version per distinct text, one
                        source per input path (README, "The policy database")
Files are written atomically (temp + rename); the database commits every
--batch documents, so a killed run loses at most one batch and the next run
finishes the work. An input whose bytes, gongwen build and options are those
already recorded for its path is not processed again: its stored record is
reused ("unchanged"). The summary counts new, changed, unchanged and failed
inputs. Paths are lexically normalized (./a/../b.txt is b.txt) and each file
is read once. A document that fails is reported on stderr as
"path: error: reason" and the batch goes on; the exit status is then 1. A
run that finds no input files writes nothing and exits 1.
Documents are processed by --jobs worker threads; the output (files, stderr,
database) is the same for every N, in input order. On a terminal a status
line shows files done, documents per second, ETA and the current file.

Options:
  -o, --out DIR          output folder (default: out)
  --files-from FILE      also read the paths listed in FILE, one per line ("-": stdin)
  -0, --null             --files-from lists are NUL-separated (find -print0)
  --exclude GLOB         leave out files and folders whose path or name matches GLOB
                         ('*' also across '/'; repeatable)
  --fields ROLE=NAME,…   the record fields for ROLE: body, title, url, date, charset,
                         id, summary, doc_number, issuer, history (e.g. body=正文,date=发布时间)
  --db TARGET            the policy database: a file (SQLite) or a
                         postgresql://user@host/db URL (default: OUT/gongwen.db)
  --no-db                write no database; every input is processed
  --reprocess            process every input even when it is unchanged
  --batch N              documents per database transaction (default: 200)
  --charset NAME         decode inputs without a BOM as NAME (gbk, gb18030, big5, utf-8),
                         as an HTTP Content-Type header would; overrides <meta charset>;
                         a name gongwen does not decode is a usage error
  --url URL              where the input was fetched from (resolves attachment links)
  --ocr                  read scanned PDF pages with tesseract (packages tesseract-ocr,
                         tesseract-ocr-chi-sim)
  --as-of DATE           judge metadata.status (in force or not) on DATE, YYYY-MM-DD
                         (default: today, UTC; recorded as metadata.status_as_of)
  --keep-traditional     do not convert traditional characters to simplified
  --keep-chrome          keep site chrome and SEO spam lines
  --no-join              do not rejoin lines broken inside a sentence
  --max-bytes N          refuse an input file or record larger than N bytes (default:
                         67108864, 64 MiB); it is that document's error [limit]
  --max-pages N          refuse a PDF of more than N pages (default: 2000) [limit]
  --timeout SECONDS      stop a document that takes longer (default: 60; 0: no limit) [limit]
  -j, --jobs N           documents processed in parallel by N worker threads (default:
                         the number of cores); a whole number, 1 or more
  --wait                 when another run is writing to OUT, wait for it instead of failing
  -q, --quiet            no summary line, no status line on stderr
  -v, --verbose          one line per document on stderr: "SOURCE: ok" or "SOURCE: failed"
  -h, --help             this text
)";

constexpr char kMapHelp[] = R"(Usage: gongwen map [--path NAME] [options] < RECORDS.jsonl > DOCUMENTS.jsonl

Reads crawl records as JSON Lines on stdin (the record form of a .jsonl
container of "gongwen run": a body or html field, title, url, …; --fields
names them) and writes, per record in input order, its gongwen/1 line on
stdout, as "gongwen run" writes it for NAME#KEY, or for a record that failed
a gongwen-error/1 line ({"schema", "path", "code", "byte", "page",
"message"}, as errors.jsonl). Nothing else: no file, no database, no
stderr but a fatal error; the contract of Hadoop Streaming and Spark's
pipe(). Input is read a block of lines at a time: memory stays bounded.

Options:
  --path NAME            the container's name in each source (NAME#KEY; default stdin.jsonl)
  --first-record N       records of the whole file before stdin's first (a split): ordinals,
                         and keys made from them, continue from N+1 (default 0)
  --first-byte N         bytes of the whole file before stdin's first (default 0)
  --charset NAME         decode bodies without a BOM as NAME (gbk, gb18030, big5, utf-8)
  --url URL              where the pages were fetched from (resolves attachment links)
  --ocr                  read scanned PDF pages with tesseract
  --as-of DATE           judge metadata.status on DATE, YYYY-MM-DD (default: today, UTC)
  --keep-traditional     do not convert traditional characters to simplified
  --keep-chrome          keep site chrome and SEO spam lines
  --no-join              do not rejoin lines broken inside a sentence
  --fields ROLE=NAME,…   the record fields for ROLE (see gongwen help run)
  --max-bytes N          refuse a record larger than N bytes (default: 64 MiB) [limit]
  --max-pages N          refuse a PDF of more than N pages (default: 2000) [limit]
  --timeout SECONDS      stop a document that takes longer (default: 60; 0: no limit) [limit]
  -h, --help             this text

Exit: 0 (failed records are lines too); 2 usage error; 3 fatal (stdout not
      writable).
)";

constexpr char kLoadHelp[] = R"(Usage: gongwen load FILE... [--db TARGET | -o OUT] [options]

The single writer of a distributed run: reads what "gongwen map" wrote
(gongwen/1 and gongwen-error/1 lines; FILE "-" reads stdin) and keeps the
policy database as "gongwen run" would over the same inputs: a source whose
bytes and options the database already holds is unchanged, the others are
upserted with the same matching rules, a failure is a row of the run's
failures. Give it the document options map ran with: they are part of each
source's fingerprint, so a later run with them skips what is unchanged.

Options:
  -o, --out OUT          the database OUT/gongwen.db (default: out)
  --db TARGET            a SQLite file or a postgresql:// URL instead
  --batch N              commit every N lines (default: 200)
  --charset NAME         the --charset map ran with
  --url URL              the --url map ran with
  --ocr                  map ran with --ocr
  --as-of DATE           the run's day, YYYY-MM-DD (default: today, UTC)
  --keep-traditional     map ran with --keep-traditional
  --keep-chrome          map ran with --keep-chrome
  --no-join              map ran with --no-join
  --fields ROLE=NAME,…   the --fields map ran with
  --max-bytes N          the --max-bytes map ran with
  --max-pages N          the --max-pages map ran with
  --timeout SECONDS      the --timeout map ran with
  -q, --quiet            no summary line on stderr
  -h, --help             this text

Exit: 0 every line loaded; 1 some were failures or unreadable lines
      (FILE:LINE: error: …); 2 usage error; 3 the database or a FILE cannot be
      opened or written.
)";

constexpr char kShowHelp[] = R"(Usage: gongwen show DOC [-o FILE] [--from RUN]

Writes one self-contained HTML page (no network, works from file://) for
reviewing a document: its normalized text with every clause, amount, bureau
and metadata value marked where it was read, linked both ways with a side
table (click a value: the text scrolls to it and flashes; click marked text:
its value); the clause tree as an outline; repairs before → after at their
places, filterable by kind; warnings at their places; PDF page breaks.

DOC is a file, processed on the spot with the default options (a container
gives its first record), or, with --from, a document of a run named by its
source path, PATH#KEY, id, policy key or file name.

Options:
  -o, --out FILE         write the page to FILE (atomically); default: stdout
  --from RUN             pick DOC from RUN: a run folder, a documents.jsonl, a
                         database file or a postgresql:// URL
  -h, --help             this text

Exit: 0 written; 1 DOC failed or is not in RUN, or FILE not writable; 3 RUN
      cannot be read.
)";

constexpr char kReportHelp[] = R"(Usage: gongwen report RUN [-o DIR]

Builds a static review site for a run (no network, works from file://):
DIR/index.html lists every document and failed input, worst first (failed
inputs, then the most missing fields: no_title, no_doc_number, no_issuer,
no_date, no_clauses, money_outside_clauses; then warnings and repairs), each
column sortable; each document links to DIR/docs/<id>.html, its show page.
RUN is a run folder (documents.jsonl and errors.jsonl), a documents.jsonl, a
database file or a postgresql:// URL (its records, and its last run's
failures).

Options:
  -o, --out DIR          write the site to DIR (default: RUN/report for a run
                         folder, ./report otherwise)
  -h, --help             this text

Exit: 0 written; 1 DIR not writable; 3 RUN cannot be read.
)";

constexpr char kDiffHelp[] = R"(Usage: gongwen diff A B [--json]

Compares two runs document by document. A and B are each a run folder (its
documents.jsonl), a documents.jsonl file, a gongwen database (OUT/gongwen.db:
the record stored for each source) or a postgresql:// URL.
  - documents are matched by source (source.path, #record key for a record of
    a container), else by file name (the longest common path tail: runs over
    folders of other names), else by id; the others are only in A or only in B
  - clauses are aligned by their own text without the marker, so a clause
    removed in the middle is one removal and the later clauses renumbered;
    an edited clause (similar text) is compared, not removed and added
  - amounts (value, text, qualifier, per, target, purpose) and bureaus (name,
    canonical, role, duty) within each pair of clauses: added, removed,
    changed, renamed (bureaus); metadata values changed (not provenance, nor
    status_as_of); each with both values and the clause text
Prints the counts, then each document that differs. --json prints one
object, "schema": "gongwen-diff/1" (README, "Comparing runs").

Options:
  --json                 print the report as JSON
  -h, --help             this text

Exit: 0 identical; 1 something differs; 2 usage error; 3 A or B cannot be read
      ("path: error: reason").
)";

constexpr char kExtractHelp[] = R"(Usage: gongwen extract FILE [options]

Prints one document's gongwen/1 JSON (indented) to stdout. FILE "-" reads stdin.
Text, Markdown, HTML and PDF are recognised by content. A crawl container
(JSON, CSV, SQL dump, WARC) prints each record's JSON, one compact line per
record when it holds several. A document that cannot
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
  --fields ROLE=NAME,…   the record fields for ROLE (see gongwen help run)
  --max-bytes N          refuse an input or record larger than N bytes (default: 64 MiB) [limit]
  --max-pages N          refuse a PDF of more than N pages (default: 2000) [limit]
  --timeout SECONDS      stop a document that takes longer (default: 60; 0: no limit) [limit]
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

// Documents, then containers of records (container/container.h).
const std::vector<std::string> kExtensions = {"txt",  "text",  "md",     "markdown", "html", "htm", "shtml",
                                              "pdf",  "json",  "jsonl",  "ndjson",   "csv",  "tsv", "sql",
                                              "warc", "warc.gz"};

struct Parsed {
  std::vector<std::string> positional;
  std::string out_dir = "out";
  ProcessOptions options;
  std::string db;         // empty: OUT/gongwen.db
  std::string fields;     // --fields body=…,title=…
  std::string files_from;  // --files-from FILE ("-": stdin)
  bool null_separated = false;  // -0: --files-from lists are NUL-separated
  std::vector<std::string> excludes;  // --exclude GLOB
  bool no_db = false;
  bool reprocess = false;
  int batch = 200;
  bool quiet = false;
  bool compact = false;
  bool help = false;
  bool wait = false;  // --wait: wait for another run writing to OUT instead of failing
  int jobs = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));  // --jobs N: worker threads
  bool verbose = false;  // -v: a line per document
};

// A usage error: one line saying what is wrong, one saying where the
// options are. Exit status 2.
int UsageError(std::ostream& err, const std::string& command, const std::string& problem) {
  if (command.empty() || command == "help" || command == "version") {
    err << "gongwen" << (command.empty() ? "" : " " + command) << ": " << problem
        << "\nrun 'gongwen --help' for the commands\n";
  } else {
    err << "gongwen " << command << ": " << problem << "\nrun 'gongwen " << command << " --help' for the options\n";
  }
  return 2;
}

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

// The time now in UTC, as strftime `format` writes it.
std::string UtcNow(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

// Today's date in UTC, YYYY-MM-DD.
std::string TodayUtc() { return UtcNow("%Y-%m-%d"); }

// Now in UTC, ISO 8601 to the second.
std::string NowUtc() { return UtcNow("%Y-%m-%dT%H:%M:%SZ"); }

// A folder where a file is read: reading it would throw (EISDIR).
bool IsFolder(const std::string& path) {
  std::error_code ec;
  return !path.empty() && path != "-" && std::filesystem::is_directory(path, ec);
}

void ReportError(std::ostream& err, const std::string& path, const Error& e) {
  err << path << ": error: " << e.Describe() << " [" << ErrorCodeName(e.code) << "]\n";
}

// The GNU build id the linker wrote into this executable (a hash of its
// content), in hex; "" when there is none.
std::string GnuBuildId() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) -> int {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + ((note->n_namesz + 3) & ~3u);
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::string(name, 3) == "GNU") {
              static const char kHex[] = "0123456789abcdef";
              auto* id = static_cast<std::string*>(out);
              for (unsigned k = 0; k < note->n_descsz; ++k) {
                const auto byte = static_cast<unsigned char>(desc[k]);
                *id += kHex[byte >> 4];
                *id += kHex[byte & 15];
              }
              return 1;
            }
            p = desc + ((note->n_descsz + 3) & ~3u);
          }
        }
        return 1;  // the first object is the executable itself
      },
      &id);
  return id;
}

// The version and the build: a rebuilt gongwen may extract differently, so
// the database reprocesses what an older build wrote. The build is the
// linker's build id, else a hash of the executable.
const std::string& BuildVersion() {
  static const std::string version = [] {
    std::string v = std::string(kVersion).substr(8);  // "0.1.0"
    std::string id = GnuBuildId();
    if (id.empty()) {
      auto exe = files::Read("/proc/self/exe");
      if (exe.ok()) id = Sha256Hex(exe.value());
    }
    if (!id.empty()) v += "+" + id.substr(0, 12);
    return v;
  }();
  return version;
}

// What the output of a document depends on besides its bytes (the day of
// --as-of only moves metadata.status, which reused records are updated for).
std::string Fingerprint(const ProcessOptions& o) {
  const normalize::Options& n = o.normalize;
  std::string f = BuildVersion();
  f += n.convert_traditional ? " t2s" : " keep-traditional";
  f += n.repair_mojibake ? "" : " no-mojibake";
  f += n.remove_pinyin ? "" : " keep-pinyin";
  f += n.remove_chrome ? "" : " keep-chrome";
  f += n.remove_spam ? "" : " keep-spam";
  f += n.join_lines ? "" : " no-join";
  f += n.fix_confusions ? "" : " no-confusions";
  f += o.ocr ? " ocr" : "";
  if (o.declared_charset) f += " charset=" + *o.declared_charset;
  if (o.url) f += " url=" + *o.url;
  return f;
}

// In a record gongwen wrote (compact, keys in schema order), the raw value
// of the first key `key`: null or a JSON string with its quotes. Keys inside
// string values are escaped (\"status\":), so the first match is the key.
// Sets [*begin, *end) to the value; false when the key is missing.
bool RawValue(const std::string& record, const std::string& key, size_t* begin, size_t* end) {
  const std::string pattern = "\"" + key + "\":";
  const size_t at = record.find(pattern);
  if (at == std::string::npos) return false;
  *begin = at + pattern.size();
  if (record.compare(*begin, 4, "null") == 0) {
    *end = *begin + 4;
    return true;
  }
  if (*begin >= record.size() || record[*begin] != '"') return false;
  for (size_t i = *begin + 1; i < record.size(); ++i) {
    if (record[i] == '\\') {
      ++i;
    } else if (record[i] == '"') {
      *end = i + 1;
      return true;
    }
  }
  return false;
}

// A stored record made on another day: its metadata.status judged again on
// `as_of`, by editing the two values in place (parsing a record costs more
// than everything else a re-run does). Returns false when the record
// already holds that day.
bool Restatus(std::string* record, const std::string& as_of) {
  size_t b = 0, e = 0;
  if (!RawValue(*record, "status_as_of", &b, &e)) return false;
  if (record->compare(b, e - b, "\"" + as_of + "\"") == 0) return false;
  Metadata m;
  for (auto [key, field] : {std::pair{"effective_from", &m.effective_from},
                            std::pair{"effective_until", &m.effective_until}, std::pair{"validity", &m.validity}}) {
    size_t vb = 0, ve = 0;
    if (RawValue(*record, key, &vb, &ve) && (*record)[vb] == '"') *field = record->substr(vb + 1, ve - vb - 2);
  }
  // status_as_of comes after status: replace it first, offsets stay valid.
  record->replace(b, e - b, "\"" + as_of + "\"");
  if (RawValue(*record, "status", &b, &e)) {
    record->replace(b, e - b, "\"" + std::string(NameOf(structure::PolicyStatus(m, as_of))) + "\"");
  }
  return true;
}

// A stored record of a container's record that now sits elsewhere in its
// file (records added before it): its source.record.ordinal and byte set to
// where it is now, as processing would write them. False when unchanged.
bool Relocate(std::string* line, int64_t ordinal, int64_t byte) {
  bool changed = false;
  const size_t record = line->find("\"record\":{");
  if (record == std::string::npos) return false;
  for (auto [key, value] : {std::pair{"\"ordinal\":", ordinal}, std::pair{"\"byte\":", byte}}) {
    const size_t at = line->find(key, record);
    if (at == std::string::npos) continue;
    const size_t b = at + std::char_traits<char>::length(key);
    size_t e = b;
    while (e < line->size() && (*line)[e] >= '0' && (*line)[e] <= '9') ++e;
    const std::string now = std::to_string(value);
    if (line->compare(b, e - b, now) != 0) {
      line->replace(b, e - b, now);
      changed = true;
    }
  }
  return changed;
}

// "path#N: error: reason (byte N) [code]" for a record of a container.
void ReportRecordError(std::ostream& err, const std::string& path, const container::RecordError& e,
                       ErrorCode code = ErrorCode::kDecode) {
  err << path << "#" << e.ordinal << ": error: " << e.message << " (byte " << e.byte_offset << ") ["
      << ErrorCodeName(code) << "]\n";
}

// The inputs of a run: the paths named, those listed by --files-from, the
// files found in folders, less --exclude.
// Each problem is reported on stderr and added to `failures` (path, error).
std::vector<std::string> RunInputs(const Parsed& p, std::vector<std::string>* missing, std::ostream& err,
                                   std::vector<std::pair<std::string, Error>>* failures) {
  auto fail = [&](const std::string& path, const Error& e) {
    ReportError(err, path, e);
    failures->emplace_back(path, e);
  };
  std::vector<std::string> named = p.positional;
  if (IsFolder(p.files_from)) {
    fail(p.files_from, Error{ErrorCode::kIo, "is a folder, not a file"});
  } else if (!p.files_from.empty()) {
    auto listed = files::ReadPathList(p.files_from, p.null_separated);
    if (!listed.ok()) {
      fail(p.files_from, listed.error());
    } else {
      named.insert(named.end(), listed.value().begin(), listed.value().end());
    }
  }
  std::vector<std::string> unreadable;
  std::vector<std::string> inputs = files::ListInputs(named, kExtensions, missing, p.excludes, &unreadable);
  for (const std::string& dir : unreadable) {
    fail(dir, Error{ErrorCode::kIo, "folder cannot be read (permission denied); its files are not processed"});
  }
  return inputs;
}

// One run: every input to documents.jsonl, docs/ and the database. A
// container file gives one document per record.
//
// Documents are processed by --jobs worker threads, each with its own
// Pipeline; everything else happens on this (the main) thread, in input
// order. The main thread reads an input, decides from the database whether
// it needs processing (Lookup: unchanged sources are reused), and queues a
// Step: a document for a worker, or nothing to wait for (a reused record, a
// failure to report). Steps are finished in the order they were queued:
// stderr, errors.jsonl, documents.jsonl, docs/ and every database write, as
// one thread would make them. At most 2 × jobs documents are in flight, so
// memory stays bounded by that many documents.
class RunJob {
 public:
  RunJob(const Parsed& p, std::ostream& err)
      : p_(p),
        progress_(err, !p.quiet, p.verbose),
        err_(progress_.out()),
        fingerprint_(Fingerprint(p.options)) {
    if (!p.fields.empty()) fingerprint_ += " fields=" + p.fields;
  }

  // `failed`: the inputs that failed before the run (missing, unreadable
  // folders), already reported on stderr.
  int Execute(const std::vector<std::string>& inputs, const std::vector<std::pair<std::string, Error>>& failed);

 private:
  // A document for a worker: its input, and what the worker made of it.
  struct Work {
    std::shared_ptr<const void> keep;  // owns `bytes` (the file, or its container's records)
    std::string_view bytes;
    std::string path;
    std::optional<RecordInput> record;
    std::optional<Error> no_pipeline;  // Pipeline::Create failed
    std::optional<Result<Policy>> policy;
    std::string line, pretty;  // the record, compact and indented
    std::exception_ptr exception;
  };
  // Something to finish on the main thread, in input order; `ticket` set:
  // once a worker has done `work`.
  struct Step {
    std::shared_ptr<Workers::Ticket> ticket;
    std::function<std::optional<int>()> finish;
  };

  std::optional<int> Setup();
  std::optional<int> Input(const std::string& path);
  std::optional<int> Document(const std::string& path, std::shared_ptr<const void> keep, std::string_view bytes,
                              const std::string& sha256, const RecordInput* record);
  void Process(Work& work, int worker);
  std::optional<int> Unchanged(const std::string& source, const RecordInput* record);
  std::optional<int> Processed(Work& work, const std::string& source, bool known, bool same_bytes);
  std::optional<int> Queue(std::shared_ptr<Work> work, std::function<std::optional<int>()> finish);
  std::optional<int> Next();
  std::optional<int> Drain(bool all);
  std::optional<int> Emit(const std::string& where, const std::string& id, const std::string& record,
                          bool write, const std::string* pretty = nullptr);
  std::optional<int> OpenBatch();
  std::optional<int> CloseBatch(bool force);
  std::optional<int> Failed(const std::string& source, const Error& e);
  int Fatal(const std::string& where, const Error& e);
  void Summary();

  const Parsed& p_;
  Progress progress_;
  std::ostream& err_;  // stderr, through progress_ (it clears its status line)
  std::string fingerprint_;
  db::RunCounts counts_;
  int64_t ok_ = 0, records_ = 0, containers_ = 0, skipped_ = 0, in_batch_ = 0;
  bool batch_open_ = false;
  // One per worker, made by that worker when it gets its first document: a
  // re-run that skips every input does not load the dictionaries. Worker i
  // alone touches pipelines_[i].
  std::vector<std::unique_ptr<Pipeline>> pipelines_;
  std::unique_ptr<db::Store> store_;
  std::string db_target_, jsonl_path_;
  std::filesystem::path docs_dir_;
  std::unique_ptr<files::DirLock> lock_;  // held for the run
  std::unique_ptr<files::AtomicFile> jsonl_;
  std::string errors_path_;
  std::unique_ptr<files::AtomicFile> errors_;  // errors.jsonl
  container::FieldMap field_map_;
  std::deque<Step> steps_;
  size_t working_ = 0;  // steps with a document at a worker or done but not yet finished
  // Sources queued and not yet finished (with a database): a source seen
  // again waits for them, so that its Lookup sees their writes.
  std::map<std::string, int> pending_sources_;
  std::unique_ptr<Workers> workers_;  // last: joined before what the jobs use goes
};

// A database or output failure stops the run (the open batch rolls back);
// it names the input or file it happened on.
int RunJob::Fatal(const std::string& where, const Error& e) {
  err_ << where << ": error: " << e.Describe() << " [" << ErrorCodeName(e.code) << "]\n";
  err_ << (store_ ? "gongwen: run stopped; the batches committed before stay, the next run does the rest\n"
                  : "gongwen: run stopped\n");
  return 3;
}

std::optional<int> RunJob::Setup() {
  namespace fs = std::filesystem;
  docs_dir_ = fs::path(p_.out_dir) / "docs";
  std::error_code ec;
  fs::create_directories(docs_dir_, ec);
  if (ec) {
    err_ << "gongwen: cannot create " << docs_dir_.string() << ": " << ec.message() << "\n";
    return 3;
  }
  // One writer per OUT: a second run waits (--wait) or stops here, before
  // it touches anything the first one writes.
  auto lock = files::DirLock::Acquire(p_.out_dir, p_.wait);
  if (!lock.ok()) {
    err_ << "gongwen: " << lock.error().Describe() << "\n";
    return 3;
  }
  lock_ = std::move(lock).value();
  files::RemoveStaleTemps(p_.out_dir);
  files::RemoveStaleTemps(docs_dir_.string());
  db_target_ = p_.db.empty() ? (fs::path(p_.out_dir) / "gongwen.db").string() : p_.db;
  if (!p_.no_db) {
    auto opened = db::Store::Open(db_target_);
    if (!opened.ok()) {
      err_ << "gongwen: " << opened.error().Describe() << "\n";
      return 3;
    }
    store_ = std::move(opened).value();
    if (auto r = store_->BeginRun(BuildVersion(), p_.options.as_of, NowUtc()); !r.ok()) {
      err_ << "gongwen: " << db_target_ << ": " << r.error().Describe() << "\n";
      return 3;
    }
  }
  // documents.jsonl in input order, streamed to its temp file; it replaces
  // the last run's only when the run ends well.
  jsonl_path_ = (fs::path(p_.out_dir) / "documents.jsonl").string();
  auto jsonl = files::AtomicFile::Create(jsonl_path_);
  if (!jsonl.ok()) return Fatal(jsonl_path_, jsonl.error());
  jsonl_ = std::move(jsonl).value();
  // errors.jsonl: one line per failed input, in input order, the same way.
  errors_path_ = (fs::path(p_.out_dir) / "errors.jsonl").string();
  auto errors = files::AtomicFile::Create(errors_path_);
  if (!errors.ok()) return Fatal(errors_path_, errors.error());
  errors_ = std::move(errors).value();
  return std::nullopt;
}

// An input that failed (already reported on stderr): counted, a line of
// errors.jsonl and a row of the database's failures, in the open batch.
// `source` is the file, or FILE#KEY (FILE#N) for a record.
std::optional<int> RunJob::Failed(const std::string& source, const Error& e) {
  ++counts_.failed;
  progress_.Document(source, false);
  const std::string stored = db::StoredPath(source);
  if (auto w = errors_->Write(output::ErrorJsonLine(stored, e) + "\n"); !w.ok()) return Fatal(errors_path_, w.error());
  if (!store_) return std::nullopt;
  if (auto stop = OpenBatch()) return stop;
  if (auto r = store_->RecordFailure(source, e); !r.ok()) return Fatal(source, r.error());
  return std::nullopt;
}

// docs/<id>.json is the record of the last input with that id, as a run
// from scratch leaves it: written, in input order, for every input
// processed, and for an unchanged one whose file is missing, out of date
// (another --as-of day) or may hold another input's record (a shared text).
// Renamed into place, not synced one by one (documents.jsonl and the
// database are): after a power cut the next run rewrites what is missing.
// `pretty`: the record indented, when made already.
std::optional<int> RunJob::Emit(const std::string& where, const std::string& id, const std::string& record,
                                bool write, const std::string* pretty) {
  if (auto w = jsonl_->Write(record + "\n"); !w.ok()) return Fatal(jsonl_path_, w.error());
  const std::filesystem::path doc = docs_dir_ / (id + ".json");
  if (write || !std::filesystem::exists(doc)) {
    auto w = files::WriteAtomic(doc.string(), pretty ? *pretty : output::PrettyFromLine(record), false);
    if (!w.ok()) return Fatal(where, w.error());
  }
  return std::nullopt;
}

std::optional<int> RunJob::OpenBatch() {
  if (!store_ || batch_open_) return std::nullopt;
  if (auto b = store_->BeginBatch(); !b.ok()) return Fatal(db_target_, b.error());
  batch_open_ = true;
  in_batch_ = 0;
  return std::nullopt;
}

// Commits every --batch documents, and at the end (`force`).
std::optional<int> RunJob::CloseBatch(bool force) {
  if (!store_ || !batch_open_ || (!force && in_batch_ < p_.batch)) return std::nullopt;
  if (auto c = store_->CommitBatch(); !c.ok()) return Fatal(db_target_, c.error());
  batch_open_ = false;
  return std::nullopt;
}

// Queues a step; finishes those whose turn has come (all of them are, but
// for documents still at a worker), and waits while too many documents are
// in flight.
std::optional<int> RunJob::Queue(std::shared_ptr<Work> work, std::function<std::optional<int>()> finish) {
  Step step{nullptr, std::move(finish)};
  if (work) {
    step.ticket = workers_->Submit([this, work](int worker) { Process(*work, worker); });
    ++working_;
  }
  steps_.push_back(std::move(step));
  return Drain(false);
}

// Waits for the first step's document, if any, and finishes the step.
std::optional<int> RunJob::Next() {
  Step& first = steps_.front();
  while (first.ticket && !workers_->Wait(*first.ticket, std::chrono::milliseconds(100))) progress_.Tick();
  Step step = std::move(steps_.front());
  steps_.pop_front();
  if (step.ticket) --working_;
  return step.finish();
}

// Finishes the steps that are ready, in order; `all`: every step, waiting
// for the workers. Otherwise waits only to keep at most 2 × jobs documents
// (and a bounded number of steps) in flight.
std::optional<int> RunJob::Drain(bool all) {
  const size_t max_working = 2 * static_cast<size_t>(workers_->size());
  const size_t max_steps = max_working + 1024;
  while (!steps_.empty()) {
    const Step& first = steps_.front();
    const bool ready = !first.ticket || workers_->Done(*first.ticket);
    if (!ready && !all && working_ < max_working && steps_.size() < max_steps) break;
    if (auto stop = Next()) return stop;
  }
  return std::nullopt;
}

// On worker `worker`: the document through that worker's pipeline. No
// exception leaves a job; one is rethrown on the main thread in its turn.
void RunJob::Process(Work& work, int worker) {
  try {
    std::unique_ptr<Pipeline>& pipeline = pipelines_[static_cast<size_t>(worker)];
    if (!pipeline) {
      auto created = Pipeline::Create();
      if (!created.ok()) {
        work.no_pipeline = created.error();
        return;
      }
      pipeline = std::move(created).value();
    }
    work.policy = pipeline->Process(work.bytes, work.path, p_.options, work.record ? &*work.record : nullptr);
    if (work.policy->ok()) {
      work.line = output::ToJsonLine(work.policy->value());
      work.pretty = output::PrettyFromLine(work.line);
    }
  } catch (...) {
    work.exception = std::current_exception();
  }
  work.keep.reset();  // the bytes are not needed any more
  work.bytes = {};
}

// One document: a file, or a record of a container (`record` set, `path`
// its file). Skipped when its source holds these bytes already: decided
// here, before a worker gets it, from the database as the documents before
// it left it.
std::optional<int> RunJob::Document(const std::string& path, std::shared_ptr<const void> keep,
                                    std::string_view bytes, const std::string& sha256, const RecordInput* record) {
  const std::string source = record ? path + "#" + record->where.key : path;
  std::optional<db::KnownSource> known;
  if (store_) {
    // The same source queued before (a container's records with one key):
    // its writes first.
    while (pending_sources_.count(source) > 0 && !steps_.empty()) {
      if (auto stop = Next()) return stop;
    }
    auto looked = store_->Lookup(source);
    if (!looked.ok()) {
      if (auto stop = Drain(true)) return stop;
      return Fatal(source, looked.error());
    }
    known = std::move(looked).value();
    ++pending_sources_[source];
  }
  const bool same_bytes = known && known->sha256 == sha256;
  std::optional<RecordInput> input;
  if (record) input = *record;
  if (same_bytes && !p_.reprocess && known->fingerprint == fingerprint_) {
    return Queue(nullptr, [this, source, input] { return Unchanged(source, input ? &*input : nullptr); });
  }
  auto work = std::make_shared<Work>();
  work->keep = std::move(keep);
  work->bytes = bytes;
  work->path = path;
  work->record = std::move(input);
  return Queue(work, [this, work, source, was_known = known.has_value(), same_bytes] {
    return Processed(*work, source, was_known, same_bytes);
  });
}

// A source that holds these bytes already, in its turn: the stored record
// stands, judged on the --as-of day. Looked up again: whether its text is
// shared may have changed with the documents written since it was queued.
std::optional<int> RunJob::Unchanged(const std::string& source, const RecordInput* record) {
  if (--pending_sources_[source] == 0) pending_sources_.erase(source);
  if (auto stop = OpenBatch()) return stop;
  ++in_batch_;
  auto looked = store_->Lookup(source);
  if (!looked.ok()) return Fatal(source, looked.error());
  if (!looked.value()) return Fatal(source, Error{ErrorCode::kInternal, "its stored record went away during the run"});
  db::KnownSource known = std::move(*looked.value());
  std::string stored = std::move(known.record);
  const bool restatused = Restatus(&stored, p_.options.as_of);
  const bool moved = record && Relocate(&stored, record->where.ordinal, record->where.byte);
  if (auto t = store_->Touch(known); !t.ok()) return Fatal(source, t.error());
  if (auto stop = Emit(source, known.version_id, stored, restatused || moved || known.shared)) return stop;
  ++counts_.unchanged;
  ++ok_;
  progress_.Document(source, true);
  return CloseBatch(false);
}

// A document a worker processed, in its turn.
std::optional<int> RunJob::Processed(Work& work, const std::string& source, bool known, bool same_bytes) {
  if (store_ && --pending_sources_[source] == 0) pending_sources_.erase(source);
  if (auto stop = OpenBatch()) return stop;
  ++in_batch_;
  if (work.exception) std::rethrow_exception(work.exception);
  if (work.no_pipeline) return Fatal("gongwen", *work.no_pipeline);
  const Result<Policy>& policy = *work.policy;
  const RecordInput* record = work.record ? &*work.record : nullptr;
  if (!policy.ok()) {
    Error e = policy.error();
    if (record) {
      ReportRecordError(err_, work.path,
                        container::RecordError{record->where.ordinal, record->where.byte, e.message}, e.code);
      e.byte_offset = record->where.byte;  // where the record is in its file, as reported
    } else {
      ReportError(err_, work.path, e);
    }
    if (auto stop = Failed(source, e)) return stop;
    return CloseBatch(false);
  }
  if (store_) {
    auto up = store_->Upsert(policy.value(), work.line, fingerprint_, BuildVersion());
    if (!up.ok()) return Fatal(source, up.error());
    for (const std::string& c : up.value().conflicts) err_ << source << ": warning: " << c << "\n";
    ++(same_bytes ? counts_.reprocessed : known ? counts_.changed : counts_.new_sources);
  }
  if (auto stop = Emit(source, policy.value().id, work.line, true, &work.pretty)) return stop;
  ++ok_;
  progress_.Document(source, true);
  return CloseBatch(false);
}

// One input file: a document, or a container of records. Queues its steps.
std::optional<int> RunJob::Input(const std::string& path) {
  progress_.Reading(path);
  // A failure of the file, reported in its turn.
  auto fail = [this, &path](const Error& e) {
    return Queue(nullptr, [this, path, e] {
      ReportError(err_, path, e);
      return Failed(path, e);
    });
  };
  auto read = files::Read(path, p_.options.limits.max_bytes);
  if (!read.ok()) return fail(read.error());
  auto bytes = std::make_shared<const std::string>(std::move(read).value());
  // A container that breaks the reader (or memory) is that file's error.
  container::Unpacked unpacked;
  try {
    unpacked = container::Unpack(*bytes, path, field_map_);
  } catch (const std::exception& e) {
    return fail(Error{ErrorCode::kInternal, std::string("internal error reading the file: ") + e.what()});
  }
  if (unpacked.kind == container::Kind::kFile) {
    // The digest only serves the database's Lookup.
    return Document(path, bytes, *bytes, store_ ? Sha256Hex(*bytes) : std::string(), nullptr);
  }
  bytes.reset();  // records own their bodies
  auto records = std::make_shared<const container::Unpacked>(std::move(unpacked));
  ++containers_;
  skipped_ += static_cast<int64_t>(records->skipped.size());
  // Records and errors in file order. A record that cannot be read is
  // FILE#N (its ordinal: its key is not known), as on stderr.
  auto bad_record = [&](const container::RecordError& re, ErrorCode code, const std::string& source) {
    return Queue(nullptr, [this, path, re, code, source] {
      ReportRecordError(err_, path, re, code);
      return Failed(source, Error{code, re.message, re.byte_offset});
    });
  };
  auto unreadable = [&](const container::RecordError& re) {
    return bad_record(re, ErrorCode::kDecode, path + "#" + std::to_string(re.ordinal));
  };
  size_t e = 0;
  for (const container::Record& r : records->records) {
    for (; e < records->errors.size() && records->errors[e].ordinal < r.ordinal; ++e) {
      if (auto stop = unreadable(records->errors[e])) return stop;
    }
    ++records_;
    if (auto over = BodyOverLimit(r, p_.options.limits.max_bytes)) {
      const container::RecordError re{r.ordinal, r.byte_offset, *over};
      if (auto stop = bad_record(re, ErrorCode::kLimit, path + "#" + r.key)) return stop;
      continue;
    }
    const RecordInput input = FromRecord(r, records->kind);
    if (auto stop = Document(path, records, r.body, r.sha256, &input)) return stop;
  }
  for (; e < records->errors.size(); ++e) {
    if (auto stop = unreadable(records->errors[e])) return stop;
  }
  if (records->records.empty() && records->errors.empty()) {
    const std::string warning = path + ": warning: a " + std::string(container::KindName(records->kind)) +
                                " container with no documents (" + std::to_string(records->skipped.size()) +
                                " record(s) passed over)\n";
    return Queue(nullptr, [this, warning] {
      err_ << warning;
      return std::optional<int>();
    });
  }
  return std::nullopt;
}

void RunJob::Summary() {
  if (p_.quiet) return;
  err_ << "gongwen: " << ok_ + counts_.failed << " input(s)";
  if (containers_ > 0) {
    err_ << " (" << records_ << " record(s) from " << containers_ << " container file(s)";
    if (skipped_ > 0) err_ << ", " << skipped_ << " record(s) not documents, passed over";
    err_ << ")";
  }
  err_ << ": ";
  if (store_) {
    err_ << counts_.new_sources << " new, " << counts_.changed << " changed, " << counts_.unchanged
         << " unchanged, ";
    if (counts_.reprocessed > 0) err_ << counts_.reprocessed << " reprocessed, ";
    err_ << counts_.failed << " failed -> " << jsonl_path_ << ", " << db_target_ << "\n";
  } else {
    err_ << ok_ << " ok, " << counts_.failed << " failed -> " << jsonl_path_ << "\n";
  }
}

int RunJob::Execute(const std::vector<std::string>& inputs,
                    const std::vector<std::pair<std::string, Error>>& failed) {
  if (!p_.fields.empty()) container::ParseFieldMap(p_.fields, &field_map_);
  if (auto stop = Setup()) return *stop;
  for (const auto& [path, e] : failed) {
    if (auto stop = Failed(path, e)) return *stop;
  }
  extract::InitLibraries();  // before worker threads parse HTML
  pipelines_.resize(static_cast<size_t>(p_.jobs));
  workers_ = std::make_unique<Workers>(p_.jobs);
  progress_.Expect(static_cast<int64_t>(inputs.size()));
  for (const std::string& path : inputs) {
    if (auto stop = Input(path)) return *stop;
    if (auto stop = Queue(nullptr, [this] {
          progress_.FileDone();
          return std::optional<int>();
        })) {
      return *stop;
    }
  }
  if (auto stop = Drain(true)) return *stop;
  progress_.Finish();
  if (auto stop = CloseBatch(true)) return *stop;
  if (store_) {
    if (auto f = store_->FinishRun(counts_, NowUtc()); !f.ok()) return Fatal(db_target_, f.error());
  }
  if (auto c = jsonl_->Commit(); !c.ok()) return Fatal(jsonl_path_, c.error());
  if (auto c = errors_->Commit(); !c.ok()) return Fatal(errors_path_, c.error());
  Summary();
  return counts_.failed > 0 ? 1 : 0;
}

int RunCommand(const Parsed& p, std::ostream& err) {
  if (p.positional.empty() && p.files_from.empty()) return UsageError(err, "run", "no input paths");
  std::vector<std::string> missing;
  std::vector<std::pair<std::string, Error>> failed;
  const std::vector<std::string> inputs = RunInputs(p, &missing, err, &failed);
  const bool list_failed = !failed.empty();
  for (const std::string& m : missing) {
    const Error e{ErrorCode::kIo, "no such file or folder"};
    ReportError(err, m, e);
    failed.emplace_back(m, e);
  }
  if (inputs.empty()) {
    // An empty crawl folder is more likely a broken crawl than a day with no
    // policies: the outputs of the last run stay as they are.
    if (missing.empty() && !list_failed) {
      err << "gongwen run: no input files (.txt .md .html .pdf .json .csv .sql .warc …) found; nothing written\n";
    }
    return 1;
  }
  RunJob job(p, err);
  return job.Execute(inputs, failed);
}

int ExtractCommand(const Parsed& p, std::ostream& out, std::ostream& err) {
  if (p.positional.size() != 1) return UsageError(err, "extract", "expects exactly one FILE");
  const std::string& path = p.positional[0];
  if (IsFolder(path)) {
    ReportError(err, path, Error{ErrorCode::kIo, "is a folder, not a file"});
    return 1;
  }
  auto bytes = files::Read(path, p.options.limits.max_bytes);
  if (!bytes.ok()) {
    ReportError(err, path, bytes.error());
    return 1;
  }
  auto pipeline = Pipeline::Create();
  if (!pipeline.ok()) {
    err << "gongwen: " << pipeline.error().Describe() << "\n";
    return 3;
  }
  container::FieldMap fields;
  container::ParseFieldMap(p.fields, &fields);
  container::Unpacked unpacked = container::Unpack(bytes.value(), path, fields);
  if (unpacked.kind == container::Kind::kFile) {
    auto policy = pipeline.value()->Process(bytes.value(), path, p.options);
    if (!policy.ok()) {
      ReportError(err, path, policy.error());
      return 1;
    }
    out << (p.compact ? output::ToJsonLine(policy.value()) + "\n" : output::ToJsonPretty(policy.value()));
    out.flush();
    return 0;
  }
  // A container: each record's JSON, one per line when there are several.
  bool failed = false;
  for (const container::RecordError& e : unpacked.errors) {
    ReportRecordError(err, path, e);
    failed = true;
  }
  if (unpacked.records.empty() && unpacked.errors.empty()) {
    err << path << ": error: a " << container::KindName(unpacked.kind) << " container with no documents ("
        << unpacked.skipped.size() << " record(s) passed over) [empty]\n";
    return 1;
  }
  const bool one = unpacked.records.size() == 1;
  for (const container::Record& r : unpacked.records) {
    const RecordInput input = FromRecord(r, unpacked.kind);
    auto policy = pipeline.value()->Process(r.body, path, p.options, &input);
    if (!policy.ok()) {
      ReportRecordError(err, path, container::RecordError{r.ordinal, r.byte_offset, policy.error().message});
      failed = true;
      continue;
    }
    out << (one && !p.compact ? output::ToJsonPretty(policy.value()) : output::ToJsonLine(policy.value()) + "\n");
  }
  out.flush();
  return failed ? 1 : 0;
}

constexpr char kDbHelp[] = R"(Usage: gongwen db status [--db TARGET | -o OUT]
       gongwen db query NAME|SQL [--db TARGET | -o OUT] [--as-of DATE] [--days N]

Asks the policy database that "gongwen run" keeps (README, "The policy
database"). TARGET is a SQLite file or a postgresql:// URL (default:
OUT/gongwen.db, OUT default out).

  status       policies, versions and sources held; policies by status today;
               the last run's counts
  query NAME   a named question (below), as tab-separated rows with a header
  query SQL    any one SQL statement, same output (the database is opened
               read-only)

Named questions ($1 is the day: --as-of, default today UTC):
)";

// Tab-separated, header first; NULL as an empty cell, tabs and newlines in
// values as spaces.
void PrintTable(const db::Table& t, std::ostream& out) {
  auto cell = [](std::string v) {
    for (char& c : v) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return v;
  };
  for (size_t c = 0; c < t.columns.size(); ++c) out << (c ? "\t" : "") << t.columns[c];
  out << "\n";
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size(); ++c) out << (c ? "\t" : "") << cell(row[c].value_or(""));
    out << "\n";
  }
}

std::string DbHelp() {
  std::string h = kDbHelp;
  for (const db::Recipe& r : db::Recipes()) {
    std::string name = "  " + r.name;
    name.resize(19, ' ');
    h += name + r.description + "\n";
  }
  h += "\nOptions:\n"
       "  --db TARGET            the database (default: OUT/gongwen.db)\n"
       "  -o, --out DIR          the output folder of the run (default: out)\n"
       "  --as-of DATE           the day asked about, YYYY-MM-DD (default: today, UTC)\n"
       "  --days N               expiring: the horizon in days (default: 30)\n"
       "  -h, --help             this text\n";
  return h;
}

// DATE plus `days` days, both YYYY-MM-DD.
std::string AddDays(const std::string& date, int days) {
  std::tm tm{};
  tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(date.substr(8, 2)) + days;
  tm.tm_hour = 12;
  const std::time_t t = timegm(&tm);
  std::tm out{};
  gmtime_r(&t, &out);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &out);
  return buf;
}

// gongwen db's command line.
struct DbArgs {
  std::vector<std::string> positional;  // status | query NAME|SQL
  std::string target;                   // --db; empty: OUT/gongwen.db
  std::string out_dir = "out";
  std::string as_of;                    // empty: today
  int days = 30;
};

int DbCommand(const DbArgs& args, std::ostream& out, std::ostream& err) {
  std::string target = args.target, as_of = args.as_of;
  const std::vector<std::string>& positional = args.positional;
  const int days = args.days;
  auto usage = [&](const std::string& problem) { return UsageError(err, "db", problem); };
  if (positional.empty()) return usage("expects status or query");
  if (as_of.empty()) as_of = TodayUtc();
  if (target.empty()) target = (std::filesystem::path(args.out_dir) / "gongwen.db").string();
  if (!db::IsPostgresUrl(target) && !std::filesystem::exists(target)) {
    err << "gongwen db: " << target << ": no such database (run \"gongwen run PATH -o OUT\" first)\n";
    return 3;
  }
  const std::string& sub = positional[0];
  if (sub != "status" && sub != "query") return usage("unknown subcommand " + sub);
  if (sub == "status" && positional.size() != 1) return usage("status takes no arguments");
  if (sub == "query" && positional.size() != 2) return usage("query expects one NAME or SQL statement");
  auto store = db::Store::Open(target, db::Store::Mode::kRead);
  if (!store.ok()) {
    err << "gongwen db: " << store.error().Describe() << "\n";
    return 3;
  }
  auto run = [&](const std::string& sql, const std::vector<std::string>& params) -> std::optional<db::Table> {
    auto t = store.value()->Query(sql, params);
    if (!t.ok()) {
      err << "gongwen db: " << t.error().Describe() << "\n";
      return std::nullopt;
    }
    return std::move(t).value();
  };
  const std::vector<std::string> day_params = {as_of, AddDays(as_of, days)};
  if (sub == "query") {
    std::string sql = positional[1];
    std::vector<std::string> params;
    for (const db::Recipe& r : db::Recipes()) {
      if (r.name == sql) {
        sql = r.sql;
        params.assign(day_params.begin(), day_params.begin() + r.parameters);
      }
    }
    auto t = run(sql, params);
    if (!t) return 1;
    PrintTable(*t, out);
    return 0;
  }
  auto counts = run(
      "SELECT (SELECT COUNT(*) FROM policies), (SELECT COUNT(*) FROM versions), (SELECT COUNT(*) FROM sources), "
      "(SELECT COUNT(*) FROM clauses), (SELECT COUNT(*) FROM amounts), (SELECT COUNT(*) FROM bureaus), "
      "(SELECT COUNT(*) FROM conflicts)", {});
  if (!counts) return 1;
  const auto& c = counts->rows.at(0);
  out << "database  " << target << " (schema " << db::kSchemaVersion << ")\n"
      << "policies  " << c[0].value_or("0") << "\n"
      << "versions  " << c[1].value_or("0") << "\n"
      << "sources   " << c[2].value_or("0") << "\n"
      << "clauses   " << c[3].value_or("0") << " (" << c[4].value_or("0") << " amounts, " << c[5].value_or("0")
      << " bureaus)\n"
      << "conflicts " << c[6].value_or("0") << "\n";
  for (const db::Recipe& r : db::Recipes()) {
    if (r.name != "status") continue;
    auto t = run(r.sql, {as_of});
    if (!t) return 1;
    out << "on " << as_of << ":";
    for (const auto& row : t->rows) out << " " << row[1].value_or("0") << " " << row[0].value_or("");
    out << "\n";
  }
  auto last = run("SELECT run_id, started_at, finished_at, new_sources, changed, unchanged, failed, reprocessed "
                  "FROM runs "
                  "ORDER BY run_id DESC LIMIT 1", {});
  if (!last) return 1;
  if (!last->rows.empty()) {
    const auto& r = last->rows[0];
    out << "last run  #" << r[0].value_or("") << " " << r[1].value_or("") << ": ";
    if (!r[2]) {
      out << "did not finish\n";
    } else {
      out << r[3].value_or("0") << " new, " << r[4].value_or("0") << " changed, " << r[5].value_or("0")
          << " unchanged, " << r[7].value_or("0") << " reprocessed, " << r[6].value_or("0") << " failed\n";
    }
  }
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

// gongwen eval's command line.
struct EvalArgs {
  std::string gold_dir;
  std::vector<std::string> positional;  // RUN.jsonl
  double min_f1 = 0.0, min_field = 0.0;
  bool json = false, verbose = false;
};

int EvalCommand(const EvalArgs& args, std::ostream& out, std::ostream& err) {
  const std::string& gold_dir = args.gold_dir;
  const std::vector<std::string>& positional = args.positional;
  const double min_f1 = args.min_f1, min_field = args.min_field;
  const bool json = args.json, verbose = args.verbose;
  auto usage = [&](const std::string& problem) { return UsageError(err, "eval", problem); };
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

// gongwen map's command line: the document options, where the input sits.
struct MapArgs {
  Parsed p;
  map_cli::MapOptions m;
};

int MapCommand(MapArgs& a, std::istream& in, std::ostream& out, std::ostream& err) {
  if (!a.p.positional.empty()) return UsageError(err, "map", "reads records on stdin; unexpected argument " + a.p.positional[0]);
  a.m.process = a.p.options;
  a.m.fields = a.p.fields;
  return map_cli::Map(a.m, in, out, err);
}

// gongwen load's command line: where to write, and the options map ran with.
struct LoadArgs {
  Parsed p;
  load_cli::LoadOptions l;
};

int LoadCommand(LoadArgs& a, std::istream& in, std::ostream& err) {
  if (a.p.positional.empty()) return UsageError(err, "load", "expects FILE... (map's output; - for stdin)");
  a.l.files = a.p.positional;
  if (a.l.db.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(a.p.out_dir, ec);  // Open says it when this failed
    a.l.db = (std::filesystem::path(a.p.out_dir) / "gongwen.db").string();
  }
  a.l.fingerprint = Fingerprint(a.p.options);
  a.l.version = BuildVersion();
  a.l.as_of = a.p.options.as_of;
  a.l.now = NowUtc();
  a.l.quiet = a.p.quiet;
  return load_cli::Load(a.l, in, err);
}

// gongwen show's and report's command lines.
struct AuditArgs {
  std::vector<std::string> positional;  // show: DOC; report: RUN
  std::string out;                      // show: FILE; report: DIR
  std::string from;                     // show: RUN
};

int ShowCommand(const AuditArgs& a, std::ostream& out, std::ostream& err) {
  if (a.positional.size() != 1) return UsageError(err, "show", "expects exactly one DOC");
  std::vector<std::string> records;
  if (!a.from.empty()) {
    if (!audit_cli::LoadRecords(a.from, &records, err)) return 3;
    return audit_cli::Show(records, a.positional[0], a.out, out, err);
  }
  // On the spot: what `gongwen extract --compact DOC` prints.
  Parsed p;
  p.positional = a.positional;
  p.compact = true;
  p.options.as_of = TodayUtc();
  std::ostringstream lines;
  const int code = ExtractCommand(p, lines, err);
  std::istringstream in(lines.str());
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) records.push_back(line);
  }
  if (records.empty()) return code ? code : 1;
  return audit_cli::Show(records, "", a.out, out, err);
}

int ReportCommand(const AuditArgs& a, std::ostream& out, std::ostream& err) {
  if (a.positional.size() != 1) return UsageError(err, "report", "expects exactly one RUN");
  return audit_cli::Report(a.positional[0], a.out, out, err);
}

// gongwen diff's command line.
struct DiffArgs {
  std::vector<std::string> positional;  // A B
  bool json = false;
};

int DiffCommand(const DiffArgs& args, std::ostream& out, std::ostream& err) {
  if (args.positional.size() != 2) return UsageError(err, "diff", "expects two runs, A and B");
  std::vector<diff::Side> sides;
  for (const std::string& target : args.positional) {
    std::optional<diff::LoadProblem> problem;
    sides.push_back(diff::Load(target, &problem));
    if (problem) {
      err << problem->where << ": error: " << problem->reason << "\n";
      return 3;
    }
  }
  diff::Report report;
  std::string shown;
  try {
    report = diff::Compare(sides[0], sides[1]);
    shown = args.json ? diff::FormatJson(report) : diff::FormatText(report);
  } catch (const std::exception& e) {
    // A record that says gongwen/1 but is shaped otherwise (edited by hand).
    err << "gongwen diff: error: a record is not shaped as gongwen/1: " << e.what() << "\n";
    return 3;
  }
  out << shown;
  out.flush();
  return report.Identical() ? 0 : 1;
}

// ---- the command line: CLI11 fills Parsed, DbArgs or EvalArgs; the
// commands above do the work ----
//
// Each command is a CLI::App of its own, found by its name: CLI11 2.1 hands
// what follows "--" in a subcommand back to the parent app, so a file named
// -x.txt could not be given after it. The help of each command is its
// hand-written text; HelpProblems() checks that the text and the options
// the parser takes are the same.

// A CLI11 check from a function that says what is wrong with a value ("" when
// nothing is); CLI11 reports it as "--option: what is wrong".
CLI::Validator Check(std::function<std::string(const std::string&)> f) {
  return CLI::Validator([f = std::move(f)](std::string& v) { return f(v); }, "");
}

std::string WholeNumber(const std::string& v) {
  if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) {
    return "needs a whole number, not " + v;
  }
  return "";
}

std::string IsoDate(const std::string& v) {
  return IsIsoDate(v) ? "" : "needs a date of the form YYYY-MM-DD, not " + v;
}

// The labels extract decodes with (extract/charset.cpp): a label it knows
// decodes "ab" as declared; any other is ignored there, so refused here.
std::string KnownCharset(const std::string& v) {
  auto decoded = extract::DecodeText("ab", v);
  if (decoded.ok() && decoded.value().encoding_source == "declared") return "";
  return "unknown charset '" + v + "' (gongwen decodes utf-8, gbk, gb2312, gb18030, big5, big5-hkscs, utf-16le, utf-16be)";
}

// A command's parser: -h/--help, unknown options kept to be reported, the
// last of a repeated option wins.
void Prepare(CLI::App& app) {
  app.set_help_flag("-h,--help", "this text");
  app.allow_extras();
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

// The options of run and extract (`run`: those of run too).
void DefineDocumentOptions(CLI::App& app, Parsed& p, bool run) {
  Prepare(app);
  ProcessOptions& o = p.options;
  app.add_option("paths", p.positional);
  app.add_option_function<std::string>("--charset", [&o](const std::string& v) { o.declared_charset = v; })
      ->type_name("a charset name (gbk, gb18030, big5, utf-8)")
      ->check(Check(KnownCharset));
  app.add_option_function<std::string>("--url", [&o](const std::string& v) { o.url = v; })->type_name("a URL");
  app.add_flag("--ocr", o.ocr);
  app.add_option("--as-of", o.as_of)->type_name("a date (YYYY-MM-DD)")->check(Check(IsoDate));
  app.add_flag_callback("--keep-traditional", [&o] { o.normalize.convert_traditional = false; });
  app.add_flag_callback("--keep-chrome", [&o] {
    o.normalize.remove_chrome = false;
    o.normalize.remove_spam = false;
  });
  app.add_flag_callback("--no-join", [&o] { o.normalize.join_lines = false; });
  app.add_option("--fields", p.fields)
      ->type_name("ROLE=NAME pairs (body=正文,title=标题)")
      ->check(Check([](const std::string& v) {
        container::FieldMap check;
        std::string bad = container::ParseFieldMap(v, &check);
        if (bad.rfind("--fields: ", 0) == 0) bad.erase(0, 10);  // CLI11 names the option
        return bad;
      }));
  app.add_option_function<std::string>(
         "--max-bytes", [&o](const std::string& v) { o.limits.max_bytes = std::stoll(v); })
      ->type_name("a whole number of bytes")
      ->check(Check(WholeNumber));
  app.add_option_function<std::string>("--max-pages",
                                       [&o](const std::string& v) {
                                         o.limits.max_pages =
                                             static_cast<int>(std::min<int64_t>(std::stoll(v), 1 << 30));
                                       })
      ->type_name("a whole number of pages")
      ->check(Check(WholeNumber));
  app.add_option_function<std::string>(
         "--timeout", [&o](const std::string& v) { o.limits.timeout_seconds = static_cast<double>(std::stoll(v)); })
      ->type_name("a whole number of seconds")
      ->check(Check(WholeNumber));
  if (!run) {
    app.add_flag("--compact", p.compact);
    return;
  }
  app.add_option("-o,--out", p.out_dir)->type_name("a folder");
  app.add_option("--files-from", p.files_from)->type_name("a file (- for stdin)");
  app.add_flag("-0,--null", p.null_separated);
  app.add_option("--exclude", p.excludes)
      ->type_name("a glob (e.g. '*/gold/*')")
      ->allow_extra_args(false)  // one glob each time; what follows is a path
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(Check([](const std::string& v) { return v.empty() ? "needs a glob (e.g. '*/gold/*')" : ""; }));
  app.add_option("--db", p.db)->type_name("a file or a postgresql:// URL");
  app.add_flag("--no-db", p.no_db);
  app.add_flag("--reprocess", p.reprocess);
  app.add_option_function<std::string>("--batch", [&p](const std::string& v) { p.batch = std::stoi(v); })
      ->type_name("a number of documents (1 or more)")
      ->check(Check([](const std::string& v) {
        return v.size() > 6 || !WholeNumber(v).empty() || std::stoi(v) < 1
                   ? "needs a number of documents (1 or more), not " + v
                   : "";
      }));
  app.add_option_function<std::string>("-j,--jobs", [&p](const std::string& v) { p.jobs = std::stoi(v); })
      ->type_name("a number of worker threads (1 or more)")
      ->check(Check([](const std::string& v) {
        return v.size() > 4 || !WholeNumber(v).empty() || std::stoi(v) < 1
                   ? "needs a number of worker threads (1 or more), not " + v
                   : "";
      }));
  app.add_flag("--wait", p.wait);
  app.add_flag("-q,--quiet", p.quiet);
  app.add_flag("-v,--verbose", p.verbose);
}

void DefineDbOptions(CLI::App& app, DbArgs& a) {
  Prepare(app);
  app.add_option("what", a.positional);
  app.add_option("--db", a.target)->type_name("a file or a postgresql:// URL");
  app.add_option("-o,--out", a.out_dir)->type_name("a folder");
  app.add_option("--as-of", a.as_of)->type_name("a date (YYYY-MM-DD)")->check(Check(IsoDate));
  app.add_option_function<std::string>("--days", [&a](const std::string& v) { a.days = std::stoi(v); })
      ->type_name("a number of days")
      ->check(Check([](const std::string& v) {
        return v.size() > 5 || !WholeNumber(v).empty() ? "needs a number of days, not " + v : "";
      }));
}

void DefineEvalOptions(CLI::App& app, EvalArgs& a) {
  Prepare(app);
  app.add_option("run", a.positional);
  app.add_option("--gold", a.gold_dir)->type_name("a folder");
  for (const auto& option : {std::pair{"--min-f1", &a.min_f1}, std::pair{"--min-field", &a.min_field}}) {
    double* floor = option.second;
    app.add_option_function<std::string>(option.first, [floor](const std::string& v) { ParseFloor(v, floor); })
        ->type_name("a number (e.g. 0.95)")
        ->check(Check([](const std::string& v) {
          double x = 0;
          return ParseFloor(v, &x) ? "" : "needs a number (e.g. 0.95), not " + v;
        }));
  }
  app.add_flag("--json", a.json);
  app.add_flag("-v,--verbose", a.verbose);
}

void DefineAuditOptions(CLI::App& app, AuditArgs& a, bool show) {
  Prepare(app);
  app.add_option("args", a.positional);
  app.add_option("-o,--out", a.out)->type_name(show ? "a file" : "a folder");
  if (show) app.add_option("--from", a.from)->type_name("a run folder or database");
}

void DefineMapOptions(CLI::App& app, MapArgs& a) {
  DefineDocumentOptions(app, a.p, false);
  app.remove_option(app.get_option("--compact"));  // map writes lines
  app.add_option("--path", a.m.name)->type_name("a name");
  for (const auto& option : {std::pair{"--first-record", &a.m.first_record}, std::pair{"--first-byte", &a.m.first_byte}}) {
    int64_t* value = option.second;
    app.add_option_function<std::string>(option.first, [value](const std::string& v) { *value = std::stoll(v); })
        ->type_name("a whole number")
        ->check(Check(WholeNumber));
  }
}

void DefineLoadOptions(CLI::App& app, LoadArgs& a) {
  DefineDocumentOptions(app, a.p, false);
  app.remove_option(app.get_option("--compact"));
  app.add_option("-o,--out", a.p.out_dir)->type_name("a folder");
  app.add_option("--db", a.l.db)->type_name("a SQLite file or postgresql:// URL");
  app.add_option("--batch", a.l.batch)->type_name("a number of lines")->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", a.p.quiet);
}

void DefineDiffOptions(CLI::App& app, DiffArgs& a) {
  Prepare(app);
  app.add_option("runs", a.positional);
  app.add_flag("--json", a.json);
}

// "help" and "version" take no options but -h.
void DefineNoOptions(CLI::App& app, std::vector<std::string>& positional) {
  Prepare(app);
  app.add_option("args", positional);
}

const std::vector<std::string> kCommands = {"run", "extract", "db", "eval", "diff", "show", "report", "map", "load", "help", "version"};

std::string HelpOf(const std::string& command) {
  if (command == "run") return kRunHelp;
  if (command == "extract") return kExtractHelp;
  if (command == "db") return DbHelp();
  if (command == "eval") return kEvalHelp;
  if (command == "diff") return kDiffHelp;
  if (command == "show") return kShowHelp;
  if (command == "map") return kMapHelp;
  if (command == "load") return kLoadHelp;
  if (command == "report") return kReportHelp;
  return kMainHelp;
}

// What CLI11 says, as one line about an option.
std::string Problem(const CLI::App& app, const CLI::ParseError& e) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    // "--out: 1 required a folder missing": the option's value is missing.
    const std::string name = what.substr(0, what.find(':'));
    if (const CLI::Option* o = app.get_option_no_throw(name)) return name + " needs " + o->get_type_name();
  }
  // "Could not convert: --ocr = maybe": a value given to a flag.
  const std::string kConvert = "Could not convert: ";
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr && what.rfind(kConvert, 0) == 0) {
    const std::string name = what.substr(kConvert.size(), what.find(" = ") - kConvert.size());
    const CLI::Option* o = app.get_option_no_throw(name);
    if (o != nullptr && o->get_expected_max() == 0) return name + " takes no value";
  }
  // "--batch: needs a number …" reads as "--batch needs a number …".
  const size_t colon = what.find(": needs ");
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr && colon != std::string::npos &&
      what.find(' ') == colon + 1) {
    return what.substr(0, colon) + what.substr(colon + 1);
  }
  return what;
}

// Parses `args` (what follows the command's name) with `app`. Returns the
// exit status when the command is not to run: 0 after --help, 2 after a
// usage error.
std::optional<int> Parse(CLI::App& app, const std::string& command, std::vector<std::string> args,
                         std::ostream& out, std::ostream& err) {
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    out << HelpOf(command);
    return 0;
  } catch (const CLI::ParseError& e) {
    return UsageError(err, command, Problem(app, e));
  }
  for (const std::string& a : app.remaining()) {
    if (a == "--") continue;  // CLI11 keeps the end of the options there
    if (a.size() > 1 && a[0] == '-') return UsageError(err, command, "unknown option " + a.substr(0, a.find('=')));
    return UsageError(err, command, "unexpected argument " + a);
  }
  return std::nullopt;
}

int Dispatch(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  // gongwen [--help | --version] COMMAND ...: the first word that is no
  // option is the command; the rest is its own.
  CLI::App top("", "gongwen");
  top.set_help_flag();
  top.prefix_command();
  bool help = false, version = false;
  top.add_flag("-h,--help", help);
  top.add_flag("--version", version);
  try {
    top.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::ParseError& e) {
    return UsageError(err, "", e.what());
  }
  std::vector<std::string> rest = top.remaining();
  if (version) {
    out << kVersion << "\n";
    return 0;
  }
  if (help) {  // gongwen --help [COMMAND]
    out << HelpOf(rest.empty() ? "" : rest[0]);
    return 0;
  }
  if (rest.empty()) return UsageError(err, "", "expects a command (run, extract, db, eval, diff, show, report, help)");
  const std::string cmd = rest[0];
  rest.erase(rest.begin());
  if (cmd.size() > 1 && cmd[0] == '-') return UsageError(err, "", "unknown option " + cmd.substr(0, cmd.find('=')));
  if (std::find(kCommands.begin(), kCommands.end(), cmd) == kCommands.end()) {
    return UsageError(err, "", "unknown command '" + cmd + "'");
  }
  CLI::App app("", "gongwen " + cmd);
  if (cmd == "run" || cmd == "extract") {
    Parsed p;
    DefineDocumentOptions(app, p, cmd == "run");
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    if (p.options.as_of.empty()) p.options.as_of = TodayUtc();
    return cmd == "run" ? RunCommand(p, err) : ExtractCommand(p, out, err);
  }
  if (cmd == "db") {
    DbArgs a;
    DefineDbOptions(app, a);
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    return DbCommand(a, out, err);
  }
  if (cmd == "eval") {
    EvalArgs a;
    DefineEvalOptions(app, a);
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    return EvalCommand(a, out, err);
  }
  if (cmd == "diff") {
    DiffArgs a;
    DefineDiffOptions(app, a);
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    return DiffCommand(a, out, err);
  }
  if (cmd == "load") {
    LoadArgs a;
    DefineLoadOptions(app, a);
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    if (a.p.options.as_of.empty()) a.p.options.as_of = TodayUtc();
    return LoadCommand(a, in, err);
  }
  if (cmd == "map") {
    MapArgs a;
    DefineMapOptions(app, a);
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    if (a.p.options.as_of.empty()) a.p.options.as_of = TodayUtc();
    return MapCommand(a, in, out, err);
  }
  if (cmd == "show" || cmd == "report") {
    AuditArgs a;
    DefineAuditOptions(app, a, cmd == "show");
    if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
    return cmd == "show" ? ShowCommand(a, out, err) : ReportCommand(a, out, err);
  }
  std::vector<std::string> words;
  DefineNoOptions(app, words);
  if (auto stop = Parse(app, cmd, rest, out, err)) return *stop;
  if (cmd == "version") {
    if (!words.empty()) return UsageError(err, cmd, "unexpected argument " + words[0]);
    out << kVersion << "\n";
    return 0;
  }
  // help [COMMAND]
  if (words.size() > 1) return UsageError(err, cmd, "unexpected argument " + words[1]);
  if (!words.empty() && std::find(kCommands.begin(), kCommands.end(), words[0]) == kCommands.end()) {
    return UsageError(err, cmd, "unknown command '" + words[0] + "'");
  }
  out << HelpOf(words.empty() ? "" : words[0]);
  return 0;
}

// The option names on the lines of a help text's option list ("  -o, --out
// DIR  …" gives -o and --out).
std::set<std::string> ListedOptions(const std::string& help) {
  std::set<std::string> names;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  -", 0) != 0) continue;
    std::istringstream words(line.substr(2, line.find("  ", 2) - 2));  // the column before the description
    for (std::string w; words >> w;) {
      if (!w.empty() && w.back() == ',') w.pop_back();
      if (w.size() > 1 && w[0] == '-') names.insert(w);
    }
  }
  return names;
}

}  // namespace

std::vector<std::string> HelpProblems() {
  std::vector<std::string> problems;
  auto compare = [&](const std::string& command, const CLI::App& app) {
    std::set<std::string> taken;
    for (const CLI::Option* o : app.get_options()) {
      for (const std::string& s : o->get_snames()) taken.insert("-" + s);
      for (const std::string& l : o->get_lnames()) taken.insert("--" + l);
    }
    const std::set<std::string> listed = ListedOptions(HelpOf(command));
    for (const std::string& t : taken) {
      if (!listed.count(t)) problems.push_back(command + ": " + t + " is taken but not in the help");
    }
    for (const std::string& l : listed) {
      if (!taken.count(l)) problems.push_back(command + ": the help lists " + l + ", which is not taken");
    }
  };
  for (bool run : {true, false}) {
    CLI::App app;
    Parsed p;
    DefineDocumentOptions(app, p, run);
    compare(run ? "run" : "extract", app);
  }
  CLI::App db;
  DbArgs d;
  DefineDbOptions(db, d);
  compare("db", db);
  CLI::App eval;
  EvalArgs e;
  DefineEvalOptions(eval, e);
  compare("eval", eval);
  CLI::App diff;
  DiffArgs f;
  DefineDiffOptions(diff, f);
  compare("diff", diff);
  for (bool show : {true, false}) {
    CLI::App app;
    AuditArgs a;
    DefineAuditOptions(app, a, show);
    compare(show ? "show" : "report", app);
  }
  CLI::App map;
  MapArgs m;
  DefineMapOptions(map, m);
  compare("map", map);
  CLI::App load;
  LoadArgs l;
  DefineLoadOptions(load, l);
  compare("load", load);
  return problems;
}

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    return Dispatch(args, in, out, err);
  } catch (const std::exception& e) {
    // A bug, not an input's fault: say so rather than abort.
    err << "gongwen: error: " << e.what() << " [internal]\n";
    return 3;
  }
}

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::istringstream nothing;
  return Run(args, nothing, out, err);
}

}  // namespace gongwen::cli
