// HTML throughput: gongwen's whole pipeline on saved pages next to libxml2's
// bare parse of the same bytes (the floor: gongwen cannot be faster than the
// parser it uses). Each measurement is the best of --repeat runs over the
// whole corpus held in memory; no disk I/O is timed.
//
// usage: html_bench DIR [--repeat 3]
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "export/json.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

namespace {

using Clock = std::chrono::steady_clock;

void IgnoreXmlError(void*, const char*, ...) {}

template <typename F>
double BestSeconds(int repeat, F&& f) {
  double best = 1e30;
  for (int r = 0; r < repeat; ++r) {
    auto t0 = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: html_bench DIR [--repeat N]\n");
    return 2;
  }
  int repeat = 3;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    if (e.is_regular_file()) names.push_back(e.path().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const std::string& n : names) {
    auto data = gongwen::files::Read(n);
    if (!data.ok()) continue;
    bytes += data.value().size();
    pages.push_back(std::move(data.value()));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "html_bench: no pages in %s\n", argv[1]);
    return 1;
  }
  auto pipeline = gongwen::Pipeline::Create();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "html_bench: %s\n", pipeline.error().Describe().c_str());
    return 1;
  }

  // The floor parse reads pages in their own encodings; libxml2 reports
  // conversion problems on stderr even with NOERROR. Silence it.
  xmlSetGenericErrorFunc(nullptr, IgnoreXmlError);
  const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  double floor = BestSeconds(repeat, [&] {
    for (const std::string& p : pages) {
      xmlDoc* doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, nullptr, flags);
      xmlFreeDoc(doc);
    }
  });
  size_t failed = 0, clauses = 0;
  double full = BestSeconds(repeat, [&] {
    failed = clauses = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      auto policy = pipeline.value()->Process(pages[i], names[i]);
      if (!policy.ok()) {
        ++failed;
        continue;
      }
      clauses += policy.value().clauses.size();
      volatile size_t n = gongwen::output::ToJsonLine(policy.value()).size();
      (void)n;
    }
  });
  const double mb = bytes / 1e6;
  std::printf("corpus: %zu pages, %.1f MB (%s)\n", pages.size(), mb, argv[1]);
  std::printf("libxml2 htmlReadMemory (floor): %8.3f s  %8.1f pages/s  %7.2f MB/s\n", floor,
              pages.size() / floor, mb / floor);
  std::printf("gongwen extract..JSON         : %8.3f s  %8.1f pages/s  %7.2f MB/s  (%.1fx floor)\n",
              full, pages.size() / full, mb / full, full / floor);
  std::printf("documents failed: %zu, clauses found: %zu\n", failed, clauses);
  return failed == 0 ? 0 : 1;
}
