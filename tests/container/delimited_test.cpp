// container/delimited.cpp: CSV (RFC 4180) and TSV crawl exports with a
// header row — quoted HTML, CRLF, a BOM, `mysql -B` escapes — with a bad row
// costing only itself.
#include <doctest/doctest.h>

#include <string>

#include "container/internal/readers.h"
#include "tests/container/records_support.h"

namespace {

using gongwen::testing::Field;
using gongwen::testing::Offset;

using gongwen::container::internal::RawRecord;
using gongwen::container::internal::RawRecords;
using gongwen::container::internal::ReadDelimited;

}  // namespace

TEST_CASE("container: csv quoted HTML with commas, doubled quotes and line breaks") {
  const std::string in =
      "title,url,content\n"
      "关于印发某办法的通知,http://x.gov.cn/1.html,\"<p class=\"\"c\"\">一、总则，第一条, "
      "第二条</p>\n"
      "<p>二、附则</p>\"\n"
      "\"标题, 二\",http://x.gov.cn/2.html,\"\"\n"
      "5\" 软盘,u,\"a\"b\n";
  RawRecords r = ReadDelimited(in, ',');
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 3);
  const RawRecord& a = r.records[0];
  CHECK(a.ordinal == 1);
  CHECK(a.byte_offset == Offset(in, "关于印发"));
  REQUIRE(a.fields.size() == 3);
  CHECK(a.fields[0].name == "title");
  CHECK(a.fields[2].name == "content");
  CHECK(Field(a, "content") == "<p class=\"c\">一、总则，第一条, 第二条</p>\n<p>二、附则</p>");
  const RawRecord& b = r.records[1];
  CHECK(b.ordinal == 2);
  CHECK(b.byte_offset == Offset(in, "\"标题, 二\""));
  CHECK(Field(b, "title") == "标题, 二");
  CHECK(Field(b, "content") == "");  // "" is an empty field, still present
  // A quote inside an unquoted field is text; text after a closing quote is kept.
  CHECK(Field(r.records[2], "title") == "5\" 软盘");
  CHECK(Field(r.records[2], "content") == "ab");
}

TEST_CASE("container: csv CRLF line ends and a UTF-8 BOM before a quoted header") {
  const std::string in =
      "\xEF\xBB\xBF\" 标题 \",链接,正文\r\n"
      "一号文件,http://a/1,\"第一段\r\n第二段\"\r\n"
      "\r\n"
      "二号文件,http://a/2,正文二\r\n";
  RawRecords r = ReadDelimited(in, ',');
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 2);
  REQUIRE(r.records[0].fields.size() == 3);
  CHECK(r.records[0].fields[0].name == "标题");              // BOM and spaces gone
  CHECK(Field(r.records[0], "正文") == "第一段\r\n第二段");  // inside quotes the CRLF is text
  CHECK(Field(r.records[1], "链接") == "http://a/2");
  CHECK(Field(r.records[1], "正文") == "正文二");  // no CR left on the last field
  CHECK(r.records[1].ordinal == 2);                // the blank line is no row
  CHECK(r.records[1].byte_offset == Offset(in, "二号文件"));
}

TEST_CASE("container: csv TSV as mysql -B writes it: backslash escapes and \\N") {
  const std::string in =
      "id\ttitle\tcontent\tsummary\n"
      "1\t通知\t<p>一</p>\\n<p>二\\t三</p>\\\\n\t\\N\n"
      "2\t公告\tC:\\\\dir \\x\t摘要\n";
  RawRecords r = ReadDelimited(in, '\t');
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "content") == "<p>一</p>\n<p>二\t三</p>\\n");
  CHECK(Field(r.records[0], "summary") == "<missing>");  // \N is NULL
  CHECK(r.records[0].fields.size() == 3);
  CHECK(Field(r.records[1], "content") == "C:\\dir \\x");  // an unknown escape stays as written
  CHECK(r.records[1].byte_offset == Offset(in, "2\t公告"));
}

TEST_CASE("container: csv TSV with quoted fields takes backslashes as text") {
  const std::string in =
      "title\tcontent\n"
      "\"标题\ta\"\t\"<p>一</p>\\n\"\"二\"\"\"\n";
  RawRecords r = ReadDelimited(in, '\t');
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 1);
  CHECK(Field(r.records[0], "title") == "标题\ta");
  CHECK(Field(r.records[0], "content") == "<p>一</p>\\n\"二\"");
}

TEST_CASE("container: csv a ragged row is reported at its offset and skipped") {
  const std::string in =
      "a,b,c\n"
      "1,2,3\n"
      "4,5,6,7,8\n"
      "\"x,y\",z\n"
      "9,10,11\n";
  RawRecords r = ReadDelimited(in, ',');
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[1], "a") == "9");
  CHECK(r.records[1].ordinal == 4);  // the skipped rows still count
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "4,5"));
  CHECK(r.errors[0].message == "row has 5 fields, the header 3");
  CHECK(r.errors[1].ordinal == 3);
  CHECK(r.errors[1].byte_offset == Offset(in, "\"x,y\""));
  CHECK(r.errors[1].message == "row has 2 fields, the header 3");
}

TEST_CASE("container: csv a quote that never closes costs only its row") {
  const std::string in =
      "title,content\n"
      "一,正文一\n"
      "二,\"<p>正文二 cut off\n"
      "三,正文三\n";
  RawRecords r = ReadDelimited(in, ',');
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "content") == "正文一");
  CHECK(Field(r.records[1], "content") == "正文三");
  CHECK(r.records[1].ordinal == 3);
  CHECK(r.records[1].byte_offset == Offset(in, "三,"));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "\"<p>正文二"));
  CHECK(r.errors[0].message == "unterminated quote in row 2");
}

TEST_CASE("container: csv stray quotes in two rows do not pair up across the file") {
  const std::string in =
      "id,title,content\n"
      "1,t1,正文\n"
      "2,\"t2,正文\n"
      "3,t3,正文\n"
      "4,\"t4,正文\n"
      "5,t5,正文\n"
      "6,t6,正文\n";
  RawRecords r = ReadDelimited(in, ',');
  REQUIRE(r.records.size() == 4);
  const char* ids[] = {"1", "3", "5", "6"};
  for (size_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(Field(r.records[i], "id") == ids[i]);
    CHECK(r.records[i].ordinal == std::stoi(ids[i]));
    CHECK(r.records[i].byte_offset == Offset(in, std::string(ids[i]) + ",t"));
    CHECK(Field(r.records[i], "title") == "t" + std::string(ids[i]));
    CHECK(Field(r.records[i], "content") == "正文");
  }
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "\"t2"));
  CHECK(r.errors[0].message == "unterminated quote in row 2");
  CHECK(r.errors[1].ordinal == 4);
  CHECK(r.errors[1].byte_offset == Offset(in, "\"t4"));
  CHECK(r.errors[1].message == "unterminated quote in row 4");
}

TEST_CASE("container: csv a multi-line quoted field next to a row with a stray quote") {
  const std::string in =
      "id,title,content\r\n"
      "1,t1,\"<p>一</p>\r\n<p>二, 三</p>\"\r\n"
      "2,\"t2,正文\r\n"
      "3,t3,\"<p>四</p>\n<p>\"\"五\"\"</p>\"\r\n"
      "4,\"t4\n4b,t4c\",x,y\n"  // closes cleanly, but the row has 4 fields
      "5,t5,正文";
  RawRecords r = ReadDelimited(in, ',');
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[0].ordinal == 1);
  CHECK(Field(r.records[0], "content") == "<p>一</p>\r\n<p>二, 三</p>");
  CHECK(r.records[1].ordinal == 3);
  CHECK(r.records[1].byte_offset == Offset(in, "3,t3"));
  CHECK(Field(r.records[1], "content") == "<p>四</p>\n<p>\"五\"</p>");
  CHECK(r.records[2].ordinal == 6);  // the line after row 4's first is a row of its own
  CHECK(Field(r.records[2], "content") == "正文");
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "\"t2"));
  CHECK(r.errors[0].message == "unterminated quote in row 2");
  CHECK(r.errors[1].ordinal == 4);
  CHECK(r.errors[1].byte_offset == Offset(in, "\"t4"));
  CHECK(r.errors[1].message == "unterminated quote in row 4");
  CHECK(r.errors[2].ordinal == 5);  // 4b,t4c",x,y: 4 fields
  CHECK(r.errors[2].byte_offset == Offset(in, "4b,"));
  CHECK(r.errors[2].message == "row has 4 fields, the header 3");
}

TEST_CASE("container: csv TSV with a stray quote costs only its row") {
  const std::string in =
      "id\ttitle\tcontent\n"
      "1\t\"t1\"\t\"<p>一</p>\n<p>二</p>\"\n"
      "2\t\"t2\t正文\n"
      "3\tt3\t正文\n";
  RawRecords r = ReadDelimited(in, '\t');
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "content") == "<p>一</p>\n<p>二</p>");
  CHECK(r.records[1].ordinal == 3);
  CHECK(Field(r.records[1], "title") == "t3");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "\"t2"));
}

TEST_CASE("container: csv header only, empty file and unnamed columns") {
  CHECK(ReadDelimited("", ',').records.empty());
  CHECK(ReadDelimited("", ',').errors.empty());
  CHECK(ReadDelimited("title,url\n", ',').records.empty());
  RawRecords r = ReadDelimited("title,,url\nT,x,U", ',');  // no line break at the end
  REQUIRE(r.records.size() == 1);
  CHECK(Field(r.records[0], "2") == "x");
  CHECK(Field(r.records[0], "url") == "U");
}
