// container/container.cpp: which files are containers, which field is the
// body, the record's key, and --fields.
#include <doctest/doctest.h>

#include <string>

#include "container/container.h"

namespace {

using namespace gongwen::container;

std::string StatedOf(const Record& r, Role role) {
  for (const Stated& s : r.stated) {
    if (s.role == role) return s.value;
  }
  return "<none>";
}

}  // namespace

TEST_CASE("container: sniff by content, then by name") {
  CHECK(Sniff("WARC/1.0\r\nWARC-Type: warcinfo\r\n", "crawl.bin") == Kind::kWarc);
  CHECK(Sniff("\x1f\x8b\x08", "x.warc.gz") == Kind::kWarc);
  CHECK(Sniff("\x1f\x8b\x08", "x.tar.gz") == Kind::kFile);
  CHECK(Sniff("{\"title\": 1}", "dump.txt") == Kind::kJson);
  CHECK(Sniff("[{\"title\": 1}]", "a") == Kind::kJson);
  CHECK(Sniff("{\"a\":1}\n{\"a\":2}\n", "a.jsonl") == Kind::kJsonLines);
  CHECK(Sniff("-- MySQL dump 10.13\n", "x") == Kind::kSql);
  CHECK(Sniff("id,title\n", "x.csv") == Kind::kCsv);
  CHECK(Sniff("id\ttitle\n", "x.tsv") == Kind::kTsv);
  // Documents are not containers.
  CHECK(Sniff("<!DOCTYPE html><html>", "a.html") == Kind::kFile);
  CHECK(Sniff("%PDF-1.7", "a.pdf") == Kind::kFile);
  CHECK(Sniff("[2023] 关于印发……的通知", "a.txt") == Kind::kFile);
  CHECK(Sniff("关于印发……的通知\n一、总则", "a.txt") == Kind::kFile);
}

TEST_CASE("container: the body is the longest body field, never the summary") {
  const std::string in =
      R"({"id": "p1", "title": " 关于印发\n某办法的通知 ", "summary": "一、推进……这是摘要，比较长比较长比较长比较长比较长比较长比较长比较长",)"
      R"( "text": "一、推进", "content": "<p>一、推进工作。</p><p>二、保障。</p>", "pubDate": "2024-05-01", "link": "https://a.gov.cn/1.html"})";
  Unpacked u = Unpack(in, "crawl.json");
  REQUIRE(u.records.size() == 1);
  const Record& r = u.records[0];
  CHECK(r.body_field == "content");
  CHECK(r.body_format == "html");
  CHECK(r.key == "p1");
  CHECK(StatedOf(r, Role::kTitle) == "关于印发 某办法的通知");
  CHECK(StatedOf(r, Role::kDate) == "2024-05-01");
  CHECK(StatedOf(r, Role::kUrl) == "https://a.gov.cn/1.html");
  CHECK(StatedOf(r, Role::kSummary) == "<none>");
  CHECK(r.sha256.size() == 64);
}

TEST_CASE("container: keys are the id, else the URL, else the ordinal, unique in the file") {
  const std::string in = "{\"url\": \"u1\", \"body\": \"正文甲\"}\n{\"body\": \"正文乙\"}\n{\"url\": \"u1\", \"body\": \"正文丙\"}\n";
  Unpacked u = Unpack(in, "a.jsonl");
  REQUIRE(u.records.size() == 3);
  CHECK(u.records[0].key == "u1");
  CHECK(u.records[1].key == "2");
  CHECK(u.records[2].key == "u1@3");
}

TEST_CASE("container: a record without a body is a located error; --fields names it") {
  const std::string in = "{\"标题\": \"某通知\", \"wenben\": \"一、总则。\"}";
  Unpacked u = Unpack(in, "a.json");
  CHECK(u.records.empty());
  REQUIRE(u.errors.size() == 1);
  CHECK(u.errors[0].message.find("no body field (its fields: 标题, wenben)") != std::string::npos);
  FieldMap fields;
  CHECK(ParseFieldMap("body=wenben, title=标题", &fields).empty());
  u = Unpack(in, "a.json", fields);
  REQUIRE(u.records.size() == 1);
  CHECK(u.records[0].body == "一、总则。");
  CHECK(StatedOf(u.records[0], Role::kTitle) == "某通知");
  CHECK(ParseFieldMap("bdy=x", &fields).find("unknown role") != std::string::npos);
  CHECK(ParseFieldMap("body", &fields).find("ROLE=NAME") != std::string::npos);
}

TEST_CASE("container: nested names yield to the record's own; --fields wins over the table") {
  const std::string in =
      R"({"site": {"name": "某市人民政府门户网站", "url": "http://www.x.gov.cn/"}, "title": "关于某事的通知",)"
      R"( "url": "http://www.x.gov.cn/art/1.html", "html": "<p>一、甲。</p><p>二、乙。</p><p>三、丙。</p>", "article_body": "<p>正文</p>"})";
  Unpacked u = Unpack(in, "a.json");
  REQUIRE(u.records.size() == 1);
  CHECK(StatedOf(u.records[0], Role::kTitle) == "关于某事的通知");
  CHECK(u.records[0].key == "http://www.x.gov.cn/art/1.html");
  FieldMap fields;
  REQUIRE(ParseFieldMap("body=article_body", &fields).empty());
  u = Unpack(in, "a.json", fields);
  REQUIRE(u.records.size() == 1);
  CHECK(u.records[0].body_field == "article_body");
}

TEST_CASE("container: the hash covers what the output depends on, not the record's place") {
  Unpacked a = Unpack("{\"id\": 1, \"content\": \"正文\", \"crawled_at\": \"2026-01-01\"}", "a.json");
  Unpacked b = Unpack("\n\n{\"id\": 1, \"content\": \"正文\", \"crawled_at\": \"2026-02-01\"}", "a.json");
  Unpacked c = Unpack("{\"id\": 1, \"content\": \"正文改\", \"crawled_at\": \"2026-01-01\"}", "a.json");
  REQUIRE(a.records.size() == 1);
  REQUIRE(b.records.size() == 1);
  REQUIRE(c.records.size() == 1);
  CHECK(a.records[0].sha256 == b.records[0].sha256);
  CHECK(a.records[0].sha256 != c.records[0].sha256);
}

TEST_CASE("container: an SQL dump's keys carry the table; tables with no body are passed over") {
  const std::string dump =
      "-- MySQL dump 10.13\n"
      "INSERT INTO `users` (`id`, `name`) VALUES (1,'admin'),(2,'editor');\n"
      "INSERT INTO `news_2023` (`id`, `title`, `content`) VALUES (1,'甲通知','<p>一、甲。</p>'),(2,'乙通知','<p>一、乙。</p>');\n"
      "INSERT INTO `news_2024` (`id`, `title`, `content`) VALUES (1,'丙通知','<p>一、丙。</p>');\n";
  Unpacked u = Unpack(dump, "cms.sql");
  CHECK(u.kind == Kind::kSql);
  CHECK(u.errors.empty());
  CHECK(u.skipped.size() == 2);
  REQUIRE(u.records.size() == 3);
  CHECK(u.records[0].key == "news_2023:1");
  CHECK(u.records[1].key == "news_2023:2");
  CHECK(u.records[2].key == "news_2024:1");
}

TEST_CASE("container: a text file that quotes one record amid other text") {
  const std::string body = "<p>各区、县人民政府：<\\/p><p>一、深入推进改革。市、区两级政府进一步简政放权。<\\/p><p>二、加大支持。<\\/p>";
  const std::string in = "package com.example.bean;\n/**\n* stateCode : 1000\n* data : {\"policyId\":47,"
                         "\"policyTitle\":\"某某市人民政府关于支持某某地区发展的若干意见\",\"policyContent\":\"" +
                         body + "\"}\n*/\npublic class PolicyBean {\n}\n";
  Unpacked u = Unpack(in, "PolicyBean.txt");
  CHECK(u.kind == Kind::kJson);
  REQUIRE(u.records.size() == 1);
  const Record& r = u.records[0];
  CHECK(r.body_field == "policyContent");
  CHECK(StatedOf(r, Role::kTitle) == "某某市人民政府关于支持某某地区发展的若干意见");
  CHECK(r.byte_offset == static_cast<int64_t>(in.find("{\"policyId\"")));
  // A small JSON snippet in a long text is no record; a page is never a container.
  const std::string note = std::string(400, 'x') + " {\"content\": \"一、推进\"} " + std::string(400, 'y');
  CHECK(Unpack(note, "note.txt").records.empty());
  CHECK(Unpack(in, "PolicyBean.html").records.empty());
}
