// Issue 12: the same page as an .html file, a JSON Lines record, a CSV row,
// an SQL INSERT row and a WARC response record yields the same clauses,
// amounts and bureaus; the record's title, URL and date fill metadata only
// where the page does not state them, and say where they came from.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "container/container.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "util/files.h"

namespace {

using gongwen::Policy;
using gongwen::SourceFormat;

std::string Page() {
  auto r = gongwen::files::Read(std::string(GONGWEN_SOURCE_DIR) + "/samples/000_416e64e656112d15.html");
  REQUIRE(r.ok());
  return r.value();
}

const gongwen::Pipeline& ThePipeline() {
  static const std::unique_ptr<gongwen::Pipeline> p = [] {
    auto r = gongwen::Pipeline::Create();
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *p;
}

// Each clause's path, its amounts and its bureaus, as one line.
std::vector<std::string> Structure(const Policy& p) {
  std::vector<std::string> out;
  for (const gongwen::Clause& c : p.clauses) {
    std::ostringstream s;
    s << c.part << "/";
    for (int n : c.path) s << n << ".";
    for (const gongwen::Amount& a : c.amounts) s << " " << NameOf(a.kind) << ":" << a.text << ":" << a.fen;
    for (const gongwen::BureauRef& b : c.bureaus) s << " " << b.name;
    out.push_back(s.str());
  }
  return out;
}

// The one record of a container file, processed.
Policy FromContainer(const std::string& bytes, const std::string& path, gongwen::container::Kind kind) {
  gongwen::container::Unpacked u = gongwen::container::Unpack(bytes, path);
  CHECK(u.kind == kind);
  CHECK(u.errors.empty());
  REQUIRE(u.records.size() == 1);
  const gongwen::RecordInput input = gongwen::FromRecord(u.records[0], u.kind);
  auto p = ThePipeline().Process(u.records[0].body, path, {}, &input);
  REQUIRE(p.ok());
  return std::move(p).value();
}

std::string CsvQuote(const std::string& v) {
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

// MySQL quoting, as mysqldump writes it.
std::string SqlQuote(const std::string& v) {
  std::string q = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') q += '\\';
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q += c;
  }
  return q + "'";
}

std::string WarcResponse(const std::string& url, const std::string& body) {
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
         "\r\nWARC-Date: 2026-12-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
         "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

const char kUrl[] = "https://www.example.gov.cn/zwgk/000.html";

}  // namespace

TEST_CASE("container parity: html file, JSON Lines, CSV, SQL and WARC give the same structure") {
  const std::string page = Page();
  auto file = ThePipeline().Process(page, "000.html");
  REQUIRE(file.ok());
  const std::vector<std::string> expected = Structure(file.value());
  REQUIRE(expected.size() > 10);

  // The page is GBK; a crawler's JSON holds it decoded, <meta charset=gbk> and all.
  auto utf8 = gongwen::extract::DecodeText(page, std::string("gbk"));
  REQUIRE(utf8.ok());
  nlohmann::json rec = {{"id", "000"}, {"url", kUrl}, {"title", "crawler title"}, {"html", utf8.value().text}};
  const std::string jsonl = rec.dump() + "\n";
  const std::string csv = "id,url,html\n000," + std::string(kUrl) + "," + CsvQuote(page) + "\n";
  const std::string sql = "-- MySQL dump 10.13\nINSERT INTO `news` (`id`, `url`, `html`) VALUES (1," +
                          SqlQuote(kUrl) + "," + SqlQuote(page) + ");\n";
  // A UTF-8 export of the GBK page: its <meta charset=gbk> no longer holds.
  const std::string csv_utf8 = "id,url,html\n000," + std::string(kUrl) + "," + CsvQuote(utf8.value().text) + "\n";
  const std::string warc = WarcResponse(kUrl, page);  // Content-Type: text/html; charset=GBK

  using gongwen::container::Kind;
  struct Case {
    const char* name;
    std::string bytes;
    std::string path;
    Kind kind;
  };
  for (const Case& c : {Case{"jsonl", jsonl, "crawl.jsonl", Kind::kJsonLines}, Case{"csv", csv, "crawl.csv", Kind::kCsv},
                        Case{"csv in utf-8", csv_utf8, "export.csv", Kind::kCsv},
                        Case{"sql", sql, "dump.sql", Kind::kSql}, Case{"warc", warc, "crawl.warc", Kind::kWarc}}) {
    CAPTURE(c.name);
    const Policy p = FromContainer(c.bytes, c.path, c.kind);
    CHECK(Structure(p) == expected);
    CHECK(p.source.format == SourceFormat::kHtml);
    REQUIRE(p.source.record.has_value());
    CHECK(p.source.record->container == gongwen::container::KindName(c.kind));
    CHECK(p.source.url == std::optional<std::string>(kUrl));
    CHECK(p.text == file.value().text);
    // The page states its own title: the crawler's does not replace it.
    CHECK(p.metadata.title == file.value().metadata.title);
  }
}

TEST_CASE("container parity: a record's title and date fill what the text does not state, with provenance") {
  const std::string body = "各区人民政府，市各部门：\n一、加大支持。对企业给予最高100万元奖励。（责任单位：市科技局）\n";
  nlohmann::json rec = {{"metadata", {{"title", "某市关于支持企业发展的通知"}, {"publish_date", "2024-03-05"}}},
                        {"content", body}};
  const Policy p = FromContainer(rec.dump(), "a09.json", gongwen::container::Kind::kJson);
  CHECK(p.metadata.title == std::optional<std::string>("某市关于支持企业发展的通知"));
  CHECK(p.metadata.published_date == std::optional<std::string>("2024-03-05"));
  std::map<std::string, std::pair<gongwen::ValueFrom, std::string>> prov;
  for (const gongwen::Provenance& v : p.metadata.provenance) prov[v.field] = {v.from, v.name.value_or("")};
  CHECK(prov["title"] == std::pair{gongwen::ValueFrom::kRecordField, std::string("metadata.title")});
  CHECK(prov["published_date"] == std::pair{gongwen::ValueFrom::kRecordField, std::string("metadata.publish_date")});
  CHECK(p.source.record->key == "1");
  CHECK(p.source.record->body_field == "content");
}

TEST_CASE("container parity: a .txt holding a CMS field's escaped HTML is parsed as HTML") {
  const std::string txt =
      "{\"policyContent\":\"<p align=\\\"left\\\">一、总体要求<\\/p><p>对企业给予最高50万元奖励。<\\/p>"
      "<p>二、保障措施<\\/p><p>由市财政局负责。<\\/p>\"}";
  // Not a JSON record file (.txt, and content that is no JSON value at its start).
  const std::string wrapped = "data : " + txt;
  auto p = ThePipeline().Process(wrapped, "bean.txt");
  REQUIRE(p.ok());
  CHECK(p.value().source.format == SourceFormat::kHtml);
  REQUIRE(p.value().source.format_reason.has_value());
  CHECK(p.value().source.format_reason->find("HTML tags in text") != std::string::npos);
  CHECK(p.value().text.find("</p>") == std::string::npos);
  CHECK(p.value().text.find("\\\"") == std::string::npos);
  CHECK(p.value().clauses.size() == 2);
}

TEST_CASE("container parity: a notice that mentions a few tags stays text") {
  const std::string txt =
      "关于规范政府网站页面代码的通知\n各区人民政府：\n一、正文段落使用<p>标签开始，以</p>结束，换行使用<br>。\n"
      "二、标题使用<h1>标签，表格使用<table>标签。\n";
  auto p = ThePipeline().Process(txt, "notice.txt");
  REQUIRE(p.ok());
  CHECK(p.value().source.format == SourceFormat::kText);
  CHECK(p.value().clauses.size() == 2);
}

TEST_CASE("container parity: a record of values without names gives its 文号 and issuer by their shape") {
  // [type, category, number, issuer, issued, effective, status, remark, content], as customs crawlers write.
  const std::string body =
      "为规范进出口企业申报行为，现就有关事项公告如下：一、企业应当如实申报。对违反规定的，依法处理。"
      "二、本公告自发布之日起施行。各地海关要加强监管，确保政策落实到位，切实维护进出口秩序。"
      "三、各地海关要做好政策宣传解读工作，及时回应企业关切，营造良好营商环境。"
      "企业对本公告有疑问的，可向所在地海关咨询，海关应当在规定时限内予以答复，并做好记录和归档工作。"
      "特此公告。";
  nlohmann::json rec = {"海关规范性文件", "其他", "公告〔2025〕8号", "海关总署", "2025-02-03", "2025-02-10",
                        "有效", "", body};
  const Policy p = FromContainer(rec.dump(), "customs.json", gongwen::container::Kind::kJson);
  CHECK(p.metadata.doc_number == std::optional<std::string>("公告〔2025〕8号"));
  CHECK(p.metadata.issuer == std::optional<std::string>("海关总署"));
  CHECK(p.metadata.published_date == std::optional<std::string>("2025-02-03"));
  CHECK(p.clauses.size() == 3);
  std::map<std::string, std::string> names;
  for (const gongwen::Provenance& v : p.metadata.provenance) names[v.field] = v.name.value_or("");
  CHECK(names["doc_number"] == "3");
  CHECK(names["issuer"] == "4");
  CHECK(names["published_date"] == "5");
}
