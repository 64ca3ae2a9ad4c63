// The run's index page and a show page per document.
#include "audit/record.h"
#include "audit/report.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "audit/internal/page_assets.h"
#include "audit/show.h"
#include "util/utf8.h"

namespace gongwen::audit {

using Json = nlohmann::json;

namespace {

bool Missing(const Json& md, const char* field) {
  return !md.is_object() || !md.contains(field) || md[field].is_null() ||
         (md[field].is_string() && md[field].get<std::string>().empty());
}

// 万元 / 亿元 in the text where no clause is: money the clause tree missed.
bool MoneyOutsideClauses(const Json& r) {
  const Json& text = At(r, "text");
  if (!text.is_string()) return false;
  const std::u32string u = utf8::ToU32(text.get<std::string>());
  std::vector<std::pair<int64_t, int64_t>> spans;
  for (const Json& c : At(r, "clauses")) {
    const Json& s = At(c, "span");
    if (s.is_array() && s.size() == 2 && s[0].is_number_integer() && s[1].is_number_integer()) {
      spans.emplace_back(s[0].get<int64_t>(), s[1].get<int64_t>());
    }
  }
  for (size_t i = 1; i + 1 < u.size(); ++i) {
    if (u[i + 1] != U'元' || (u[i] != U'万' && u[i] != U'亿') || u[i - 1] < U'0' || u[i - 1] > U'9') continue;
    const auto at = static_cast<int64_t>(i);
    bool inside = false;
    for (const auto& [b, e] : spans) inside = inside || (b <= at && at < e);
    if (!inside) return true;
  }
  return false;
}

struct Row {
  std::string href;  // empty for a failed input
  std::string title, path, format, status;
  Findings f;
  std::string failure;  // code: message
};

std::string Cell(const std::string& html, const std::string& sort_key = "") {
  return sort_key.empty() ? "<td>" + html + "</td>" : "<td data-v=\"" + EscapeHtml(sort_key) + "\">" + html + "</td>";
}

std::string RowHtml(const Row& row) {
  const std::string missing = [&] {
    std::string m;
    for (const std::string& x : row.f.missing) m += (m.empty() ? "" : " ") + x;
    return m;
  }();
  std::string tr = row.failure.empty() ? "<tr>" : "<tr class=\"failed\">";
  const std::string name = row.title.empty() ? row.path : row.title;
  tr += Cell(row.href.empty() ? EscapeHtml(name) : "<a href=\"" + EscapeHtml(row.href) + "\">" + EscapeHtml(name) + "</a>",
             name);
  tr += Cell("<small>" + EscapeHtml(row.path) + "</small>", row.path);
  tr += Cell(EscapeHtml(row.failure.empty() ? row.format : "failed: " + row.failure));
  for (int n : {row.f.warnings, row.f.repairs, row.f.clauses, row.f.amounts}) {
    tr += Cell(row.failure.empty() ? std::to_string(n) : "", std::to_string(row.failure.empty() ? n : -1));
  }
  tr += Cell(EscapeHtml(missing), std::to_string(row.failure.empty() ? static_cast<int>(row.f.missing.size()) : 99));
  tr += Cell(EscapeHtml(row.status));
  return tr + "</tr>\n";
}

// Worst first: failed inputs, then the most missing fields, warnings, repairs.
void SortWorstFirst(std::vector<Row>* rows) {
  std::stable_sort(rows->begin(), rows->end(), [](const Row& a, const Row& b) {
    auto key = [](const Row& r) {
      return std::make_tuple(r.failure.empty(), -static_cast<int>(r.f.missing.size()), -r.f.warnings, -r.f.repairs);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    return a.path < b.path;
  });
}

constexpr std::string_view kIndexJs = R"JS(
(function () {
  const table = document.getElementById('docs');
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      const rows = Array.from(table.tBodies[0].rows);
      const down = th.dataset.dir !== 'desc';
      th.dataset.dir = down ? 'desc' : 'asc';
      rows.sort(function (a, b) {
        const x = a.cells[col].dataset.v ?? a.cells[col].textContent, y = b.cells[col].dataset.v ?? b.cells[col].textContent;
        const nx = Number(x), ny = Number(y);
        const c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return down ? -c : c;
      });
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
  document.body.dataset.ready = '1';
})();
)JS";

std::string IndexPage(const std::string& run, const std::vector<Row>& rows, int failed) {
  std::string html(internal::kPageHead);
  html += "<title>gongwen report — " + EscapeHtml(run) + "</title>\n<style>" + std::string(internal::kPageCss) +
          "main{display:block;height:auto;padding:8px 16px}th{cursor:pointer;user-select:none}"
          "tr.failed td{color:#a8071a}td small{color:#777}</style>\n</head>\n<body>\n";
  html += "<header><h1>Review queue</h1><p>" + EscapeHtml(run) + " · " + std::to_string(rows.size() - failed) +
          " document(s), " + std::to_string(failed) +
          " failed input(s) · worst first; click a column to sort</p></header>\n<main>\n";
  html += "<table id=\"docs\"><thead><tr><th>document</th><th>source</th><th>format</th><th>warnings</th>"
          "<th>repairs</th><th>clauses</th><th>amounts</th><th>missing</th><th>status</th></tr></thead><tbody>\n";
  for (const Row& r : rows) html += RowHtml(r);
  html += "</tbody></table>\n</main>\n<script>" + std::string(kIndexJs) + "</script>\n</body>\n</html>\n";
  return html;
}

// docs/<id>.html, or docs/<id>-2.html for a second document with that id.
std::string PageName(const std::string& id, std::map<std::string, int>* used) {
  std::string safe;
  for (char c : id) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  if (safe.empty()) safe = "doc";
  const int n = ++(*used)[safe];
  return "docs/" + safe + (n > 1 ? "-" + std::to_string(n) : "") + ".html";
}

// The findings of a parsed record.
Findings ReviewRecord(const Json& r) {
  Findings f;
  if (!r.is_object()) {
    f.missing.push_back("not_a_record");
    return f;
  }
  const Json& md = At(r, "metadata");
  const Json& q = At(r, "quality");
  f.warnings = static_cast<int>(At(q, "warnings").size());
  for (const Json& g : At(q, "repairs")) f.repairs += static_cast<int>(At(g, "items").size());
  const Json& clauses = At(r, "clauses");
  f.clauses = static_cast<int>(clauses.size());
  for (const Json& c : clauses) f.amounts += static_cast<int>(At(c, "amounts").size());
  if (Missing(md, "title")) f.missing.push_back("no_title");
  if (Missing(md, "doc_number")) f.missing.push_back("no_doc_number");
  if (Missing(md, "issuer")) f.missing.push_back("no_issuer");
  if (Missing(md, "signed_date") && Missing(md, "published_date")) f.missing.push_back("no_date");
  if (f.clauses == 0) f.missing.push_back("no_clauses");
  if (MoneyOutsideClauses(r)) f.missing.push_back("money_outside_clauses");
  return f;
}

}  // namespace

Findings Review(const std::string& record_line) { return ReviewRecord(Json::parse(record_line, nullptr, false)); }

std::vector<ReportFile> BuildReport(const ReportInput& input) {
  std::vector<ReportFile> files;
  std::vector<Row> rows;
  std::map<std::string, int> used;
  ShowOptions show;
  show.index_href = "../index.html";
  for (const std::string& line : input.records) {
    const Json r = Json::parse(line, nullptr, false);
    Row row;
    row.f = ReviewRecord(r);
    if (r.is_object()) {
      const Json& md = At(r, "metadata");
      const Json& src = At(r, "source");
      const Json none;
      row.title = md.is_object() ? Str(At(md, "title")) : "";
      row.path = src.is_object() ? Str(At(src, "path")) : "";
      if (src.is_object() && At(src, "record").is_object()) row.path += "#" + Str(At(src["record"], "key"));
      row.format = src.is_object() ? Str(At(src, "format")) : "";
      row.status = md.is_object() ? Str(At(md, "status")) : "";
      row.href = PageName(Str(At(r, "id")), &used);
      files.push_back(ReportFile{row.href, ShowPage(r, show)});
    }
    rows.push_back(std::move(row));
  }
  int failed = 0;
  for (const std::string& line : input.failures) {
    const Json e = Json::parse(line, nullptr, false);
    if (!e.is_object()) continue;
    Row row;
    row.path = Str(At(e, "path"));
    row.failure = Str(At(e, "code")) + ": " + Str(At(e, "message"));
    rows.push_back(std::move(row));
    ++failed;
  }
  SortWorstFirst(&rows);
  files.insert(files.begin(), ReportFile{"index.html", IndexPage(input.run, rows, failed)});
  return files;
}

}  // namespace gongwen::audit
