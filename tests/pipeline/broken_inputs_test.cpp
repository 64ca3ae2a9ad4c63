// Bad PDFs give a clear, located error for that document only (issue 4):
// tests/data/broken holds a scanned (image-only), an encrypted, a truncated
// and a zero-page PDF made by scripts/make-sample-pdfs.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "app/cli.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace {

const std::string kBroken = std::string(GONGWEN_SOURCE_DIR) + "/tests/data/broken/";

gongwen::Error ProcessError(const std::string& name) {
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  auto bytes = gongwen::files::Read(kBroken + name);
  REQUIRE(bytes.ok());
  auto r = pipeline.value()->Process(bytes.value(), name);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE("broken PDFs: each fails with its own code and a located reason") {
  SUBCASE("scanned: needs_ocr names the pages and how to enable OCR") {
    gongwen::Error e = ProcessError("scanned.pdf");
    CHECK(e.code == gongwen::ErrorCode::kNeedsOcr);
    CHECK(e.message.find("pages 1,2") != std::string::npos);
    CHECK(e.message.find("tesseract-ocr-chi-sim") != std::string::npos);
    CHECK(e.page == 1);
  }
  SUBCASE("encrypted") {
    gongwen::Error e = ProcessError("encrypted.pdf");
    CHECK(e.code == gongwen::ErrorCode::kEncrypted);
    CHECK(e.message.find("password") != std::string::npos);
  }
  SUBCASE("truncated: says so, at the byte where the file ends") {
    gongwen::Error e = ProcessError("truncated.pdf");
    CHECK(e.code == gongwen::ErrorCode::kDecode);
    CHECK(e.message.find("truncated") != std::string::npos);
    CHECK(e.byte_offset == static_cast<int64_t>(fs::file_size(kBroken + "truncated.pdf")));
  }
  SUBCASE("zero pages") {
    gongwen::Error e = ProcessError("empty_pages.pdf");
    CHECK(e.code == gongwen::ErrorCode::kEmpty);
    CHECK(e.message.find("no pages") != std::string::npos);
  }
}

TEST_CASE("broken PDFs: a batch with them still writes the good documents, exit 1") {
  fs::path in = fs::temp_directory_path() / "gongwen_broken_in";
  fs::path out = fs::temp_directory_path() / "gongwen_broken_out";
  fs::remove_all(in);
  fs::remove_all(out);
  fs::create_directories(in);
  for (const auto& e : fs::directory_iterator(kBroken)) fs::copy_file(e.path(), in / e.path().filename());
  fs::copy_file(fs::path(GONGWEN_SOURCE_DIR) / "samples/004_ebfee30354606d84.pdf", in / "good.pdf");
  std::ostringstream o, err;
  int code = gongwen::cli::Run({"run", in.string(), "-o", out.string()}, o, err);
  CHECK(code == 1);
  const std::string e = err.str();
  for (const char* name : {"scanned.pdf", "encrypted.pdf", "truncated.pdf", "empty_pages.pdf"}) {
    CAPTURE(name);
    CHECK(e.find(std::string(name) + ": error: ") != std::string::npos);
  }
  CHECK(e.find("5 input(s): 1 new, 0 changed, 0 unchanged, 4 failed") != std::string::npos);
  auto jsonl = gongwen::files::Read((out / "documents.jsonl").string());
  REQUIRE(jsonl.ok());
  CHECK(jsonl.value().find("good.pdf") != std::string::npos);
  CHECK(jsonl.value().find("\"pages\":7") != std::string::npos);
}
