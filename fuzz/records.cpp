// The readers of gongwen/1 records: export/json_read (gongwen load) and the
// audit pages (gongwen show, report), on any bytes a database or a mapped
// file could hold. A record read back must write as a fixed point; a page
// is always a whole page.
#include <nlohmann/json.hpp>

#include "audit/report.h"
#include "audit/show.h"
#include "export/json.h"
#include "export/json_read.h"
#include "fuzz/check.h"
#include "fuzz/fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = gongwen::fuzz::Input(data, size);
  auto policy = gongwen::output::PolicyFromJsonLine(in);
  if (policy.ok()) {
    const std::string line = gongwen::output::ToJsonLine(policy.value());
    auto again = gongwen::output::PolicyFromJsonLine(line);
    if (!again.ok()) gongwen::fuzz::Fail("a record written from a record read does not read back");
    if (gongwen::output::ToJsonLine(again.value()) != line) gongwen::fuzz::Fail("record writing is not a fixed point");
  }
  const nlohmann::json record = nlohmann::json::parse(in, nullptr, false);
  const std::string page = gongwen::audit::ShowPage(record);
  if (page.size() < 8 || page.compare(page.size() - 8, 8, "</html>\n") != 0) gongwen::fuzz::Fail("show page cut short");
  gongwen::audit::ReportInput report;
  report.records.emplace_back(in);
  report.failures.emplace_back(in);
  if (gongwen::audit::BuildReport(report).empty()) gongwen::fuzz::Fail("report without an index");
  return 0;
}
