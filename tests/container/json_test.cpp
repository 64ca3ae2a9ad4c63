// container/json.cpp: crawler JSON as it is written — an object, an array
// of objects, arrays appended with nothing between them, JSON Lines — with
// a broken record costing only itself.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "container/internal/readers.h"
#include "tests/container/records_support.h"

namespace {

using gongwen::testing::Field;
using gongwen::testing::Offset;

using gongwen::container::internal::RawRecord;
using gongwen::container::internal::RawRecords;
using gongwen::container::internal::ReadJson;

}  // namespace

TEST_CASE("container: json one object with nested metadata, as the 广安 crawler writes it") {
  const std::string in =
      R"({"metadata": {"title": "关于印发某办法的通知", "publish_date": "2023-11-13", "url": "https://x.gov.cn/a.html"},)"
      R"( "content": "各县（市、区）人民政府：<p>一、总则<\/p>", "T_qa_pairs": {}})";
  RawRecords r = ReadJson(in, false);
  REQUIRE(r.records.size() == 1);
  CHECK(r.errors.empty());
  CHECK(Field(r.records[0], "metadata.title") == "关于印发某办法的通知");
  CHECK(Field(r.records[0], "metadata.publish_date") == "2023-11-13");
  // One level of JSON escapes undone: <\/p> is </p>.
  CHECK(Field(r.records[0], "content") == "各县（市、区）人民政府：<p>一、总则</p>");
  CHECK(r.records[0].ordinal == 1);
  CHECK(r.records[0].byte_offset == 0);
}

TEST_CASE("container: json arrays appended without separators, positional values") {
  // The customs crawler appends [type, category, number, issuer, date, date, status, remark, content].
  const std::string a = R"(["海关规范性文件", "公告〔2023〕127号", "2023-10-08", "正文一"])";
  const std::string b = R"(["海关规范性文件", "公告〔2024〕10号", "2024-01-02", "正文二"])";
  RawRecords r = ReadJson(a + b, false);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].positional);
  CHECK(Field(r.records[1], "2") == "公告〔2024〕10号");
  CHECK(r.records[1].byte_offset == static_cast<int64_t>(a.size()));
}

TEST_CASE("container: json array of objects; a list of article objects reads as lines") {
  const std::string in =
      R"([{"法規名稱": "溫泉法", "法規內容": [{"編章節": "第 一 章 總則"}, {"條號": "第 1 條", "條文內容": "為保育溫泉。"}]},)"
      "\n"
      R"( {"法規名稱": "其他法", "法規內容": []}])";
  RawRecords r = ReadJson(in, false);
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "法規內容") == "第 一 章 總則\n第 1 條 為保育溫泉。");
  CHECK(Field(r.records[1], "法規名稱") == "其他法");
  CHECK(r.records[1].byte_offset == static_cast<int64_t>(in.find("{\"法規名稱\": \"其他法\"")));
}

TEST_CASE("container: json lines with a broken line in the middle") {
  const std::string l1 = R"({"id": 1, "html": "<p>甲</p>"})";
  const std::string l2 = R"({"id": 2, "html": "<p>乙</p>" "title": "x"})";  // missing comma
  const std::string l3 = R"({"id": 3, "html": "<p>丙</p>"})";
  const std::string in = l1 + "\n" + l2 + "\n" + l3 + "\n";
  RawRecords r = ReadJson(in, false);
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "id") == "1");
  CHECK(Field(r.records[1], "id") == "3");
  CHECK(r.records[1].ordinal == 3);  // the broken record keeps its number
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ordinal == 2);
  // The fault is located at the unexpected token "title" of line 2 (the
  // parser reports its last byte).
  const int64_t token = static_cast<int64_t>(l1.size() + 1 + l2.find("\"title\""));
  CHECK(r.errors[0].byte_offset >= token);
  CHECK(r.errors[0].byte_offset < token + 7);
  CHECK(r.errors[0].message.find("invalid JSON") == 0);
}

TEST_CASE("container: json truncated at the end keeps the records before it") {
  const std::string l1 = R"({"id": "a", "content": "正文"})";
  const std::string in = l1 + "\n" + R"({"id": "b", "content": "正)";
  RawRecords r = ReadJson(in, false);
  REQUIRE(r.records.size() == 1);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].byte_offset == static_cast<int64_t>(l1.size() + 1));
  CHECK(r.errors[0].message.find("truncated") != std::string::npos);
}

TEST_CASE("container: json a truncated record inside JSON Lines resynchronises on the next line") {
  const std::string in = "{\"id\": \"a\", \"content\": \"x\n{\"id\": \"b\", \"content\": \"正文\"}\n";
  RawRecords r = ReadJson(in, false);
  // The first line never closes its string; the scan stops at the next line
  // that starts a record.
  REQUIRE(r.errors.size() >= 1);
  CHECK(r.errors[0].byte_offset == 0);
}

TEST_CASE("container: json scalars and garbage are errors, never crashes") {
  for (const std::string in : {"42", "\"x\"", "}{", "[1, {\"a\": 1}]", "{\"a\": [}", "[[[[", "\xEF\xBB\xBF{\"a\":1}"}) {
    CAPTURE(in);
    RawRecords r = ReadJson(in, false);
    CHECK(r.records.size() + r.errors.size() >= 1);
  }
}

TEST_CASE("container: json lines, a stray quote costs its own line, never the next") {
  const std::string l1 = R"({"id": 1, "content": "甲"})";
  const std::string l2 = R"({"id": 2, "title": "bad"quote", "content": "乙"})";
  const std::string l3 = R"({"id": 3, "content": "丙"})";
  const std::string l4 = R"({"id": 4, "title": "bad"quote", "content": "丁"})";
  const std::string l5 = R"({"id": 5, "content": "戊")";  // cut
  const std::string in = l1 + "\n" + l2 + "\n" + l3 + "\n" + l4 + "\n" + l5 + "\n";
  RawRecords r = ReadJson(in, true);
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "id") == "1");
  CHECK(Field(r.records[1], "id") == "3");
  CHECK(r.records[1].ordinal == 3);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[1].ordinal == 4);
  CHECK(r.errors[2].ordinal == 5);
  CHECK(r.errors[2].byte_offset == Offset(in, l5));
}

TEST_CASE("container: json nested past any record layout is an error of its record, not a crash") {
  const int n = 20000;
  std::string deep = "{\"content\": \"x\", \"a\": ";
  for (int i = 0; i < n; ++i) deep += "{\"a\": ";
  deep += "1";
  for (int i = 0; i < n; ++i) deep += "}";
  deep += "}";
  RawRecords r = ReadJson(deep + "\n{\"content\": \"y\"}\n", true);
  REQUIRE(r.records.size() == 1);
  CHECK(Field(r.records[0], "content") == "y");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("nested deeper") != std::string::npos);
}

TEST_CASE("container: json a stray closing bracket inside an array is stepped over (fuzz regression)") {
  // fuzz/regressions/container_json/timeout-366c…: looped, one error per
  // turn, until out of memory.
  std::ifstream in(std::string(GONGWEN_SOURCE_DIR) +
                       "/fuzz/regressions/container_json/timeout-366c85d1ccbfae6df2b7856812d3306677aed33b",
                   std::ios::binary);
  REQUIRE(in);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const RawRecords r = ReadJson(bytes, false);
  CHECK(r.errors.size() < 50);
}

TEST_CASE("container: json a number past double's range is that record's error, the next record still read") {
  // Found by fuzzing: nlohmann reports 7e777777 as out_of_range, not a
  // parse_error, and the reader let it escape.
  const std::string data = "{\"id\": \"a\", \"n\": 7e777777, \"content\": \"x\"}\n{\"id\": \"b\", \"content\": \"y\"}\n";
  RawRecords r = gongwen::container::internal::ReadJson(data, true);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ordinal == 1);
  CHECK(r.errors[0].message.find("invalid JSON") == 0);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].ordinal == 2);
}
