#include "app/audit.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>

#include "app/diff.h"
#include "audit/record.h"
#include "audit/report.h"
#include "audit/show.h"
#include "db/db.h"
#include "util/files.h"

namespace gongwen::audit_cli {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

// Whether `doc` names the record: its path (PATH#KEY), id, policy key, or
// the end of its path after a '/'.
bool Names(const Json& r, const std::string& doc) {
  using audit::At;
  using audit::Str;
  const Json& src = At(r, "source");
  std::string path = Str(At(src, "path"));
  if (At(src, "record").is_object()) path += "#" + Str(At(At(src, "record"), "key"));
  if (doc == path || doc == Str(At(r, "id")) || doc == Str(At(r, "policy_key"))) return true;
  return path.size() > doc.size() && path.compare(path.size() - doc.size(), doc.size(), doc) == 0 &&
         path[path.size() - doc.size() - 1] == '/';
}

// The failures of a run: OUT/errors.jsonl, or the database's failures of
// its last run.
std::vector<std::string> LoadFailures(const std::string& run) {
  std::vector<std::string> lines;
  if (fs::is_directory(run)) {
    std::ifstream in(fs::path(run) / "errors.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
    return lines;
  }
  if (!db::IsPostgresUrl(run) && fs::path(run).extension() == ".jsonl") return lines;
  auto store = db::Store::Open(run, db::Store::Mode::kRead);
  if (!store.ok()) return lines;
  auto t = store.value()->Query(
      "SELECT path, code, byte_offset, page, message FROM failures "
      "WHERE run_id = (SELECT max(run_id) FROM runs) ORDER BY seq");
  if (!t.ok()) return lines;
  for (const auto& row : t.value().rows) {
    auto num = [](const std::optional<std::string>& v) { return v ? Json(std::stoll(*v)) : Json(nullptr); };
    lines.push_back(Json{{"path", row[0].value_or("")}, {"code", row[1].value_or("")}, {"byte", num(row[2])},
                         {"page", num(row[3])}, {"message", row[4].value_or("")}}
                        .dump());
  }
  return lines;
}

}  // namespace

bool LoadRecords(const std::string& run, std::vector<std::string>* records, std::ostream& err) {
  std::optional<diff::LoadProblem> problem;
  diff::Side side = diff::Load(run, &problem);
  if (problem) {
    err << problem->where << ": error: " << problem->reason << "\n";
    return false;
  }
  *records = std::move(side.records);
  return true;
}

int Show(const std::vector<std::string>& records, const std::string& doc, const std::string& out_file,
         std::ostream& out, std::ostream& err) {
  std::optional<Json> picked;
  int matches = 0;
  for (const std::string& line : records) {
    Json r = Json::parse(line, nullptr, false);
    if (!r.is_object() || (!doc.empty() && !Names(r, doc))) continue;
    if (++matches == 1) picked = std::move(r);
  }
  if (!picked) {
    err << "gongwen show: error: no document " << (doc.empty() ? "" : "named '" + doc + "' ") << "among "
        << records.size() << " record(s) (name one by its path, PATH#KEY, id or policy key)\n";
    return 1;
  }
  if (matches > 1) {
    err << "gongwen show: " << matches << " records match" << (doc.empty() ? "" : " '" + doc + "'")
        << "; showing the first (name one by its path#key or id)\n";
  }
  const std::string page = audit::ShowPage(*picked);
  if (out_file.empty()) {
    out << page;
    out.flush();
    return 0;
  }
  auto w = files::WriteAtomic(out_file, page);
  if (!w.ok()) {
    err << out_file << ": error: " << w.error().Describe() << "\n";
    return 1;
  }
  return 0;
}

int Report(const std::string& run, const std::string& out_dir, std::ostream& out, std::ostream& err) {
  audit::ReportInput input;
  input.run = run;
  if (!LoadRecords(run, &input.records, err)) return 3;
  input.failures = LoadFailures(run);
  const std::string dir = !out_dir.empty() ? out_dir
                          : fs::is_directory(run) ? (fs::path(run) / "report").string()
                                                  : "report";
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "docs", ec);
  if (ec) {
    err << dir << ": error: cannot make the folder: " << ec.message() << "\n";
    return 1;
  }
  for (const audit::ReportFile& f : audit::BuildReport(input)) {
    const std::string path = (fs::path(dir) / f.path).string();
    auto w = files::WriteAtomic(path, f.content, /*durable=*/false);
    if (!w.ok()) {
      err << path << ": error: " << w.error().Describe() << "\n";
      return 1;
    }
  }
  out << "gongwen report: " << input.records.size() << " document(s), " << input.failures.size()
      << " failed input(s) -> " << (fs::path(dir) / "index.html").string() << "\n";
  return 0;
}

}  // namespace gongwen::audit_cli
