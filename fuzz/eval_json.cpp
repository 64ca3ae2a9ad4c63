// app/eval.cpp's JSON reading: a gold file (gongwen-gold/1) and a run's
// documents.jsonl, read and scored. The input is the gold file, a NUL byte,
// then the run; Evaluate() reads files, so both are written to a private
// temporary folder (on /dev/shm when there is one). db/ reads no JSON.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/eval.h"
#include "fuzz/fuzz.h"

namespace {
namespace fs = std::filesystem;

const fs::path& Dir() {
  static const fs::path dir = [] {
    fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path d = base / ("gongwen-fuzz-eval-" + std::to_string(getpid()));
    fs::create_directories(d / "gold");
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(Dir(), ec);
    });
    return d;
  }();
  return dir;
}

void Write(const fs::path& p, std::string_view bytes) {
  std::ofstream os(p, std::ios::binary | std::ios::trunc);
  os.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  size_t nul = in.find('\0');
  std::string_view gold = in.substr(0, nul);
  std::string_view run = nul == std::string_view::npos ? std::string_view() : in.substr(nul + 1);
  const fs::path& dir = Dir();
  Write(dir / "gold" / "a.json", gold);
  Write(dir / "run.jsonl", run);
  gongwen::eval::Outcome o = gongwen::eval::Evaluate((dir / "gold").string(), (dir / "run.jsonl").string());
  if (o.ok()) {
    gongwen::eval::FormatText(o.report);
    gongwen::eval::FormatJson(o.report, 0.9, 0.9);
  } else {
    for (const auto& p : o.problems) p.Describe();
  }
  return 0;
}
