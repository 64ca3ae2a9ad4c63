// Normalize throughput (issue 5): extract::ExtractText + Normalizer::Run on
// plain-text documents, overall and per kind (clean / traditional / damaged,
// told apart by the file name prefix gen_normalize_corpus.py gives them).
// The Normalizer is created once, before the clock starts; its creation
// (OpenCC's dictionaries, the table of convertible characters) is timed
// apart. Each figure is the best of --repeat passes over the corpus held in
// memory; no disk I/O is timed. One core.
//
// usage: normalize_bench DIR [--repeat 3]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "util/files.h"

namespace {

using Clock = std::chrono::steady_clock;

// The generator's kinds, by file name prefix; anything else is "other".
const char* const kKinds[] = {"clean", "traditional", "damaged", "other"};
constexpr int kOther = 3;

int KindOf(const std::string& file_name) {
  for (int k = 0; k < kOther; ++k) {
    if (file_name.rfind(std::string(kKinds[k]) + "_", 0) == 0) return k;
  }
  return kOther;
}

struct Times {
  double extract = 0;
  double normalize = 0;
  double total() const { return extract + normalize; }
};

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Resident set size now (VmRSS) in MB, from /proc.
double RssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: normalize_bench DIR [--repeat N]\n");
    return 2;
  }
  int repeat = 3;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    // traditional.txt is the generator's concatenation of the traditional
    // documents, for the OpenCC command line; not a document of its own.
    if (e.is_regular_file() && e.path().extension() == ".txt" &&
        e.path().filename() != "traditional.txt") {
      names.push_back(e.path().string());
    }
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> docs;
  std::vector<int> kinds;
  size_t bytes[4] = {0, 0, 0, 0};
  size_t count[4] = {0, 0, 0, 0};
  for (const std::string& n : names) {
    auto data = gongwen::files::Read(n);
    if (!data.ok()) continue;
    int k = KindOf(std::filesystem::path(n).filename().string());
    bytes[k] += data.value().size();
    ++count[k];
    kinds.push_back(k);
    docs.push_back(std::move(data.value()));
  }
  if (docs.empty()) {
    std::fprintf(stderr, "normalize_bench: no .txt documents in %s\n", argv[1]);
    return 1;
  }

  auto t0 = Clock::now();
  auto normalizer = gongwen::normalize::Normalizer::Create();
  const double create = Seconds(t0, Clock::now());
  if (!normalizer.ok()) {
    std::fprintf(stderr, "normalize_bench: %s\n", normalizer.error().Describe().c_str());
    return 1;
  }
  const double rss_before = RssMb();

  // Best of `repeat` passes, per kind and for the whole corpus.
  Times best[4];
  for (Times& t : best) t.extract = 1e30;
  Times best_all{1e30, 0};
  size_t failed = 0;
  std::map<std::string, size_t> repairs;
  std::map<std::string, size_t> warnings;
  for (int r = 0; r < repeat; ++r) {
    Times pass[4];
    Times all;
    failed = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      gongwen::extract::Options eo;
      eo.path = names[i];
      auto a = Clock::now();
      const bool markdown =
          gongwen::extract::SniffFormat(docs[i], eo.path) == gongwen::extract::Format::kMarkdown;
      auto extracted = gongwen::extract::ExtractText(docs[i], eo, markdown);
      auto b = Clock::now();
      if (!extracted.ok()) {
        ++failed;
        continue;
      }
      gongwen::Normalized norm = normalizer.value()->Run(extracted.value());
      auto c = Clock::now();
      pass[kinds[i]].extract += Seconds(a, b);
      pass[kinds[i]].normalize += Seconds(b, c);
      if (r == 0) {
        for (const gongwen::Repair& rep : norm.repairs) repairs[gongwen::NameOf(rep.kind)] += rep.items.size();
        for (const gongwen::Warning& w : norm.warnings) ++warnings[gongwen::NameOf(w.code)];
      }
    }
    for (int k = 0; k < 4; ++k) {
      if (pass[k].total() < best[k].total()) best[k] = pass[k];
      all.extract += pass[k].extract;
      all.normalize += pass[k].normalize;
    }
    if (all.total() < best_all.total()) best_all = all;
  }

  size_t total_bytes = 0;
  for (size_t b : bytes) total_bytes += b;
  std::printf("corpus: %zu documents, %.1f MB (%s), best of %d, one core\n", docs.size(),
              total_bytes / 1e6, argv[1], repeat);
  std::printf(
      "normalizer created in %.3f s (OpenCC t2s.json, convertible-character table); "
      "not counted below\n",
      create);
  auto line = [](const char* label, size_t n, size_t b, const Times& t) {
    std::printf(
        "extract+normalize %-12s: %5zu docs %7.1f MB %8.3f s %7.2f MB/s"
        "  (extract %.3f s, normalize %.3f s)\n",
        label, n, b / 1e6, t.total(), b / 1e6 / t.total(), t.extract, t.normalize);
  };
  line("all", docs.size(), total_bytes, best_all);
  for (int k = 0; k < 4; ++k) {
    if (count[k] > 0) line(kKinds[k], count[k], bytes[k], best[k]);
  }
  std::string list;
  for (const auto& [kind, n] : repairs) list += " " + kind + " " + std::to_string(n);
  std::printf("repairs per pass:%s\n", list.empty() ? " none" : list.c_str());
  list.clear();
  for (const auto& [code, n] : warnings) list += " " + code + " " + std::to_string(n);
  std::printf("warnings per pass:%s\n", list.empty() ? " none" : list.c_str());
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.0f MB (corpus in memory %.1f MB; RSS before the timed passes %.0f MB)\n",
              usage.ru_maxrss / 1024.0, total_bytes / 1e6, rss_before);
  std::printf("documents failed: %zu\n", failed);
  return failed == 0 ? 0 : 1;
}
