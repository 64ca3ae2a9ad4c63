// Limits one document may take, and one writer per output folder: each
// limit passed is that document's located `limit` error and the batch
// around it is complete. Inputs are made at test time.
#include <doctest/doctest.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "db/db.h"
#include "pipeline/pipeline.h"
#include "tests/app/cli_support.h"
#include "util/deadline.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace {

using Outcome = gongwen::testing::CliOutcome;
using gongwen::testing::RunCli;
using gongwen::testing::WriteFile;

fs::path FreshDir(const std::string& name) { return gongwen::testing::FreshDir("limits_" + name); }

int64_t Lines(const fs::path& jsonl) {
  std::ifstream in(jsonl);
  int64_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

}  // namespace

TEST_CASE("limits: a file over --max-bytes is its error, the batch goes on") {
  fs::path in = FreshDir("bytes_in"), out = FreshDir("bytes_out");
  WriteFile(in / "a.txt", "一、总则。本办法适用于全市。\n");
  WriteFile(in / "b_big.txt", std::string(5000, 'x'));
  Outcome r = RunCli({"run", in.string(), "-o", out.string(), "--no-db", "--max-bytes", "1000"});
  CHECK(r.code == 1);
  CHECK(r.err.find("b_big.txt: error: 5000 bytes, over --max-bytes 1000") != std::string::npos);
  CHECK(r.err.find("[limit]") != std::string::npos);
  CHECK(Lines(out / "documents.jsonl") == 1);
}

// Sanitizers reserve terabytes of address space: no address-space limit
// can hold under them.
#if defined(__SANITIZE_ADDRESS__)
#define GONGWEN_NO_RLIMIT_AS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GONGWEN_NO_RLIMIT_AS 1
#endif
#endif

#ifndef GONGWEN_NO_RLIMIT_AS
TEST_CASE("limits: a 200 MB one-line text under a 4 GB address space is one located error, the batch complete") {
  // ../shared/hostile/gen/gen.py's big.txt: 200 MB with no line break.
  fs::path in = FreshDir("big_in"), out = FreshDir("big_out");
  WriteFile(in / "a.txt", "一、总则。本办法适用于全市，给予最高100万元奖励。\n");
  {
    const std::string unit = "给予最高300万元奖励比例50%责任单位：市科技局、";
    std::string chunk;
    while (chunk.size() < (1u << 20)) chunk += unit;
    std::ofstream big(in / "big.txt", std::ios::binary);
    for (int64_t written = 0; written < 200LL * 1024 * 1024; written += static_cast<int64_t>(chunk.size())) {
      big << chunk;
    }
  }
  const fs::path err_file = out.parent_path() / "limits_big_err.txt";
  // In a child process, under `ulimit -v 4000000` (KiB).
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    struct rlimit as{4000000LL * 1024, 4000000LL * 1024};
    ::setrlimit(RLIMIT_AS, &as);
    std::ostringstream o, e;
    const int code = gongwen::cli::Run({"run", in.string(), "-o", out.string()}, o, e);
    std::ofstream(err_file) << e.str();
    ::_exit(code);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  std::ifstream ef(err_file);
  const std::string err((std::istreambuf_iterator<char>(ef)), std::istreambuf_iterator<char>());
  CHECK(err.find("big.txt: error:") != std::string::npos);
  CHECK(err.find("over --max-bytes 67108864") != std::string::npos);
  CHECK(err.find("[limit]") != std::string::npos);
  CHECK(Lines(out / "documents.jsonl") == 1);
  CHECK(fs::exists(out / "gongwen.db"));
  fs::remove_all(in);
}
#endif

TEST_CASE("limits: a record body over --max-bytes is that record's error") {
  // A WARC response whose gzip-encoded page inflates far past the file's size.
  const std::string page = "<html><body><p>" + std::string(100000, 'x') + "</p></body></html>";
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string gz(deflateBound(&z, page.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(page.data()));
  z.avail_in = static_cast<uInt>(page.size());
  z.next_out = reinterpret_cast<Bytef*>(&gz[0]);
  z.avail_out = static_cast<uInt>(gz.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  gz.resize(z.total_out);
  deflateEnd(&z);
  auto response = [](const std::string& uri, const std::string& headers, const std::string& body) {
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + headers + "\r\n" + body;
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(http.size()) +
           "\r\n\r\n" + http + "\r\n\r\n";
  };
  fs::path in = FreshDir("record_in"), out = FreshDir("record_out");
  WriteFile(in / "crawl.warc",
            response("http://a.gov.cn/1.html", "", "<html><body><p>一、总则。本办法适用于全市。</p></body></html>") +
                response("http://a.gov.cn/2.html", "Content-Encoding: gzip\r\n", gz));
  REQUIRE(fs::file_size(in / "crawl.warc") < 20000);
  Outcome r = RunCli({"run", (in / "crawl.warc").string(), "-o", out.string(), "--no-db", "--max-bytes", "20000"});
  CHECK(r.code == 1);
  CHECK(r.err.find("crawl.warc#2: error: its body is") != std::string::npos);
  CHECK(r.err.find("over --max-bytes 20000") != std::string::npos);
  CHECK(r.err.find("[limit]") != std::string::npos);
  CHECK(Lines(out / "documents.jsonl") == 1);
}

TEST_CASE("limits: devices and FIFOs are refused, never read") {
  fs::path in = FreshDir("fifo_in"), out = FreshDir("fifo_out");
  WriteFile(in / "a.txt", "一、总则。本办法适用于全市。\n");
  const fs::path fifo = in / "pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Outcome r = RunCli({"run", (in / "a.txt").string(), fifo.string(), "/dev/zero", "-o", out.string(), "--no-db"});
  CHECK(r.code == 1);
  CHECK(r.err.find("pipe.txt: error: not a regular file") != std::string::npos);
  CHECK(r.err.find("/dev/zero: error: not a regular file") != std::string::npos);
  CHECK(Lines(out / "documents.jsonl") == 1);
}

TEST_CASE("limits: a PDF over --max-pages is its error") {
  fs::path out = FreshDir("pages_out");
  const std::string pdf = (fs::path(GONGWEN_SOURCE_DIR) / "samples/000_416e64e656112d15.pdf").string();
  Outcome r = RunCli({"run", pdf, "-o", out.string(), "--no-db", "--max-pages", "1"});
  CHECK(r.code == 1);
  CHECK(r.err.find("pages, over --max-pages 1") != std::string::npos);
  CHECK(r.err.find("[limit]") != std::string::npos);
}

TEST_CASE("limits: a document over its time budget is a limit error naming the stage") {
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  gongwen::ProcessOptions options;
  options.limits.timeout_seconds = 1e-9;  // spent before the first check
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "（" + std::to_string(i % 9 + 1) + "）支持企业发展，给予最高100万元奖励。\n";
  auto r = pipeline.value()->Process(text, "slow.txt", options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == gongwen::ErrorCode::kLimit);
  CHECK(r.error().message.find("took longer than --timeout") != std::string::npos);
  // With no budget the same document is read.
  options.limits.timeout_seconds = 0;
  CHECK(pipeline.value()->Process(text, "slow.txt", options).ok());
}

TEST_CASE("limits: one writer per output folder") {
  fs::path in = FreshDir("lock_in"), out = FreshDir("lock_out");
  WriteFile(in / "a.txt", "一、总则。本办法适用于全市。\n");
  // Another run holds the lock.
  auto held = gongwen::files::DirLock::Acquire(out.string(), false);
  REQUIRE(held.ok());
  Outcome r = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(r.code == 3);
  CHECK(r.err.find("another gongwen run (pid " + std::to_string(::getpid()) + ") is writing to") != std::string::npos);
  CHECK(r.err.find("--wait") != std::string::npos);
  CHECK_FALSE(fs::exists(out / "documents.jsonl"));
  held.value().reset();
  // Released, the folder is free again.
  Outcome again = RunCli({"run", in.string(), "-o", out.string(), "--no-db"});
  CHECK(again.code == 0);
  CHECK(Lines(out / "documents.jsonl") == 1);
}

TEST_CASE("walking: names that are not UTF-8 stay apart, written as the database writes them") {
  fs::path in = FreshDir("names_in"), out = FreshDir("names_out");
  WriteFile(in / std::string("x\xff.txt"), "一、总则。给予最高100万元奖励。\n");
  WriteFile(in / std::string("x\xfe.txt"), "一、总则。给予最高200万元奖励。\n");
  Outcome r = RunCli({"run", in.string(), "-o", out.string()});
  CHECK(r.code == 0);
  std::ifstream jsonl(out / "documents.jsonl");
  std::string all((std::istreambuf_iterator<char>(jsonl)), std::istreambuf_iterator<char>());
  CHECK(all.find("x\\\\xFE.txt") != std::string::npos);
  CHECK(all.find("x\\\\xFF.txt") != std::string::npos);
  CHECK(gongwen::db::StoredPath((in / std::string("x\xff.txt")).string()) ==
        (in / "x").string() + "\\xFF.txt");
}
