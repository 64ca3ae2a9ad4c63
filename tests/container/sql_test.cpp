// container/sql.cpp: SQL dumps as mysqldump, pg_dump, SQL Server and CMS
// exporters write them — each tuple (or COPY line) a record, every other
// statement passed over, a broken tuple costing only itself.
#include <doctest/doctest.h>

#include <string>

#include "container/internal/readers.h"
#include "tests/container/records_support.h"

namespace {

using gongwen::testing::Field;
using gongwen::testing::Offset;

using gongwen::container::internal::RawRecord;
using gongwen::container::internal::RawRecords;
using gongwen::container::internal::ReadSql;

}  // namespace

TEST_CASE("container: sql mysqldump excerpt with backslash-escaped HTML in an extended INSERT") {
  // As `mysqldump --complete-insert cms news` writes it; the CREATE TABLE
  // comment holds an escaped quote and a ';' that must not end it.
  const std::string in = R"SQL(-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: cms
-- ------------------------------------------------------
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

DROP TABLE IF EXISTS `news`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE `news` (
  `id` int NOT NULL AUTO_INCREMENT,
  `title` varchar(255) NOT NULL COMMENT '标题; it\'s (the) title',
  `content` longtext,
  `url` varchar(512) DEFAULT NULL,
  `pubdate` date DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `news`
--

LOCK TABLES `news` WRITE;
/*!40000 ALTER TABLE `news` DISABLE KEYS */;
INSERT INTO `news` (`id`, `title`, `content`, `url`, `pubdate`) VALUES (1,'关于印发《某市科技创新若干政策》的通知','<p class=\"MsoNormal\">各区人民政府：</p>\n<p>一、总则</p>','http://kj.example.gov.cn/a/1.html','2023-05-06'),(2,'市政府办公室关于做好2024年\'双创\'工作的通知','<div>最高300万元\\r\r\n</div>',NULL,'2024-01-02'),(3,'Tab\there, NUL\0, ^Z\Z, 100\%','<p>),(</p>','http://x.gov.cn/3','2024-02-03');
/*!40000 ALTER TABLE `news` ENABLE KEYS */;
UNLOCK TABLES;
/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
)SQL";
  RawRecords r = ReadSql(in);
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 3);
  const RawRecord& a = r.records[0];
  CHECK_FALSE(a.positional);
  CHECK(a.ordinal == 1);
  CHECK(a.byte_offset == Offset(in, "(1,'关于"));
  CHECK(Field(a, "id") == "1");
  CHECK(Field(a, "title") == "关于印发《某市科技创新若干政策》的通知");
  CHECK(Field(a, "content") == "<p class=\"MsoNormal\">各区人民政府：</p>\n<p>一、总则</p>");
  CHECK(Field(a, "pubdate") == "2023-05-06");
  const RawRecord& b = r.records[1];
  CHECK(b.ordinal == 2);
  CHECK(b.byte_offset == Offset(in, "(2,'市政府"));
  CHECK(Field(b, "title") == "市政府办公室关于做好2024年'双创'工作的通知");
  CHECK(Field(b, "content") == "<div>最高300万元\\r\r\n</div>");
  CHECK(Field(b, "url") == "<missing>");  // NULL: no field
  CHECK(b.fields.size() == 4);
  const RawRecord& c = r.records[2];
  CHECK(c.ordinal == 3);
  const char kTitle[] = "Tab\there, NUL\0, ^Z\x1A, 100\\%";
  CHECK(Field(c, "title") == std::string(kTitle, sizeof kTitle - 1));
  CHECK(Field(c, "content") == "<p>),(</p>");
}

TEST_CASE("container: sql pg_dump excerpt with INSERTs, an E'' string and a COPY block") {
  const std::string in = R"SQL(--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  INSERT INTO public.log VALUES (NEW.id, 'touched');
  RETURN NEW;
END;
$$;

CREATE TABLE public.news (
    id integer NOT NULL,
    title text,
    content text
);

INSERT INTO public.news (id, title, content) VALUES (1, '关于…的通知', '<p>…''…</p>');
INSERT INTO public.news (id, title, content) VALUES (2, 'C:\temp\new', E'第一行\n第二行\t\u4e2d\\');

COPY public.attachments (id, news_id, name, body) FROM stdin;
1	1	附件1.pdf	第一段\n第二段\\结尾
2	1	\N	<p>tab\there</p>
3	1	附件3.doc	\N
\.

SELECT pg_catalog.setval('public.news_id_seq', 2, true);
)SQL";
  RawRecords r = ReadSql(in);
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 5);  // none from the function body
  CHECK(Field(r.records[0], "title") == "关于…的通知");
  CHECK(Field(r.records[0], "content") == "<p>…'…</p>");
  CHECK(r.records[0].byte_offset == Offset(in, "(1, '关于"));
  // standard_conforming_strings: the backslashes of '…' are text, those of E'…' escapes.
  CHECK(Field(r.records[1], "title") == "C:\\temp\\new");
  CHECK(Field(r.records[1], "content") == "第一行\n第二行\t中\\");
  const RawRecord& copy1 = r.records[2];
  CHECK(copy1.ordinal == 3);
  CHECK(copy1.byte_offset == Offset(in, "1\t1\t附件1.pdf"));
  CHECK(Field(copy1, "name") == "附件1.pdf");
  CHECK(Field(copy1, "body") == "第一段\n第二段\\结尾");
  const RawRecord& copy2 = r.records[3];
  CHECK(copy2.ordinal == 4);
  CHECK(Field(copy2, "name") == "<missing>");  // \N
  CHECK(Field(copy2, "body") == "<p>tab\there</p>");
  CHECK(Field(r.records[4], "body") == "<missing>");
  CHECK(r.records[4].fields.size() == 3);
}

TEST_CASE("container: sql standard_conforming_strings off turns backslashes back into escapes") {
  const std::string body = "INSERT INTO \"news\" (\"title\") VALUES ('a\\nb');\n";
  RawRecords on = ReadSql("SET standard_conforming_strings = on;\n" + body);
  RawRecords off = ReadSql("SET standard_conforming_strings = off;\n" + body);
  RawRecords unsaid = ReadSql(body);  // "news" quoted as PostgreSQL does: literal
  REQUIRE(on.records.size() == 1);
  REQUIRE(off.records.size() == 1);
  REQUIRE(unsaid.records.size() == 1);
  CHECK(Field(on.records[0], "title") == "a\\nb");
  CHECK(Field(off.records[0], "title") == "a\nb");
  CHECK(Field(unsaid.records[0], "title") == "a\\nb");
}

TEST_CASE("container: sql positional INSERT keeps numbers, hex and function calls as written") {
  const std::string in =
      "INSERT INTO `cms_article` VALUES (101, '标题一', _utf8mb4'<p>正文</p>', NULL, 0x4142, "
      "NOW(), TRUE);\n"
      "INSERT INTO `cms_article` VALUES (102,'标题二',N'正文二','http://a',X'4142',"
      "CAST('2023-01-01' AS DATE),-1.5e3);\n";
  RawRecords r = ReadSql(in);
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 2);
  const RawRecord& a = r.records[0];
  CHECK(a.positional);
  CHECK(a.fields.size() == 6);  // the NULL is left out
  CHECK(Field(a, "1") == "101");
  CHECK(Field(a, "3") == "<p>正文</p>");
  CHECK(Field(a, "4") == "<missing>");
  CHECK(Field(a, "5") == "0x4142");
  CHECK(Field(a, "6") == "NOW()");
  CHECK(Field(a, "7") == "TRUE");
  const RawRecord& b = r.records[1];
  CHECK(b.ordinal == 2);
  CHECK(b.byte_offset == Offset(in, "(102,"));
  CHECK(Field(b, "3") == "正文二");
  CHECK(Field(b, "5") == "X'4142'");
  CHECK(Field(b, "6") == "CAST('2023-01-01' AS DATE)");
  CHECK(Field(b, "7") == "-1.5e3");
}

TEST_CASE(
    "container: sql INSERT IGNORE, REPLACE, multi-line tuples, comments and ON DUPLICATE KEY") {
  const std::string in =
      "# phpMyAdmin-style comment\n"
      "INSERT IGNORE INTO news (id, title) VALUES\n"
      "(1, 'a'), -- first\n"
      "  (2, /* second */ 'b')\n"
      "ON DUPLICATE KEY UPDATE title = VALUES(title);\n"
      "REPLACE INTO `db`.`news` (`id`,`title`) VALUES (3,'c');\n"
      "INSERT INTO news SELECT * FROM old_news;\n"
      "DELIMITER //\n"
      "CREATE PROCEDURE p() BEGIN\n"
      "  SET @x = 1;\n"
      "  INSERT INTO news (id, title) VALUES (9, 'no');\n"
      "END //\n"
      "DELIMITER ;\n"
      "INSERT INTO news (id, title) VALUES (4,'d');\n";
  RawRecords r = ReadSql(in);
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 4);
  CHECK(Field(r.records[0], "title") == "a");
  CHECK(Field(r.records[1], "title") == "b");
  CHECK(r.records[1].byte_offset == Offset(in, "(2, /*"));
  CHECK(Field(r.records[2], "title") == "c");
  CHECK(Field(r.records[3], "id") == "4");
  CHECK(r.records[3].ordinal == 4);
}

TEST_CASE("container: sql SQL Server script: [names], N'' strings, GO and no semicolons") {
  const std::string in =
      "SET IDENTITY_INSERT [dbo].[news] ON \r\nGO\r\n"
      "INSERT [dbo].[news] ([id], [标题], [内容]) VALUES (1, N'关于…', N'<p>C:\\dir\\</p>')\r\n"
      "GO\r\n"
      "INSERT [dbo].[news] ([id], [标题], [内容]) VALUES (2, N'it''s', "
      "CAST(N'2019-01-01T00:00:00.000' AS DateTime))\r\n"
      "GO\r\n";
  RawRecords r = ReadSql(in);
  CHECK(r.errors.empty());
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[0], "内容") == "<p>C:\\dir\\</p>");
  CHECK(Field(r.records[1], "标题") == "it's");
  CHECK(Field(r.records[1], "内容") == "CAST(N'2019-01-01T00:00:00.000' AS DateTime)");
}

TEST_CASE("container: sql broken tuples in the middle cost only themselves") {
  const std::string in =
      "INSERT INTO `news` (`id`, `title`) VALUES (1,'一'),(2,'it's broken'),(3,'三');\n"
      "INSERT INTO `news` (`id`, `title`) VALUES (4,'四','多余'),(5,'五') junk (6,'六'),(7,'七');\n"
      "INSERT INTO `news` (`id`, `title`) VALUES (8,'八');\n";
  RawRecords r = ReadSql(in);
  REQUIRE(r.records.size() == 5);
  CHECK(Field(r.records[0], "id") == "1");
  CHECK(Field(r.records[1], "id") == "3");
  CHECK(r.records[1].ordinal == 3);
  CHECK(Field(r.records[2], "id") == "5");
  CHECK(Field(r.records[3], "id") == "7");
  CHECK(Field(r.records[4], "id") == "8");
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "(2,'it"));
  CHECK(r.errors[0].message.rfind("broken SQL tuple: ", 0) == 0);
  CHECK(r.errors[1].ordinal == 4);
  CHECK(r.errors[1].byte_offset == Offset(in, "(4,"));
  CHECK(r.errors[1].message == "broken SQL tuple: 3 values, the column list has 2");
  CHECK(r.errors[2].byte_offset == Offset(in, "junk"));
}

TEST_CASE("container: sql a tuple cut short at its line end does not swallow the next statement") {
  const std::string in =
      "INSERT INTO a (x, y) VALUES (1, oops\n"
      "INSERT INTO b (p, q) VALUES (7,'七');\n";
  RawRecords r = ReadSql(in);
  REQUIRE(r.records.size() == 1);
  CHECK(Field(r.records[0], "q") == "七");
  CHECK(r.records[0].ordinal == 2);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ordinal == 1);
  CHECK(r.errors[0].byte_offset == Offset(in, "(1, oops"));
}

TEST_CASE("container: sql unterminated string at the end of the file") {
  const std::string in = "INSERT INTO `news` (`id`,`title`) VALUES (1,'一'),(2,'二 is cut off here";
  RawRecords r = ReadSql(in);
  REQUIRE(r.records.size() == 1);
  CHECK(Field(r.records[0], "title") == "一");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "(2,"));
  CHECK(r.errors[0].message.find("runs to the end of the file") != std::string::npos);
  // Cut inside the tuple but after a value: still located, never a crash.
  RawRecords cut = ReadSql("INSERT INTO t VALUES (1,'a'),(2,");
  CHECK(cut.records.size() == 1);
  REQUIRE(cut.errors.size() == 1);
  CHECK(cut.errors[0].byte_offset == 29);
}

TEST_CASE("container: sql COPY without its end line, and with too few values") {
  const std::string in =
      "COPY news (id, title) FROM stdin;\n"
      "1\t标题一\n"
      "2\n"
      "3\t标题三\n";
  RawRecords r = ReadSql(in);
  REQUIRE(r.records.size() == 2);
  CHECK(Field(r.records[1], "title") == "标题三");
  CHECK(r.records[1].ordinal == 3);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].ordinal == 2);
  CHECK(r.errors[0].byte_offset == Offset(in, "2\n"));
  CHECK(r.errors[1].ordinal == 0);
  CHECK(r.errors[1].message.find("without its \\. line") != std::string::npos);
}
