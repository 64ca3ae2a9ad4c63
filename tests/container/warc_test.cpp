#include <doctest/doctest.h>
#include <zlib.h>

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "container/internal/readers.h"

namespace gongwen::container::internal {
namespace {

// One WARC record: the version line, WARC-Type, the given header lines
// (each ending in CRLF), Content-Length, the block and CRLF CRLF.
std::string WarcRecord(const std::string& type, const std::string& headers, const std::string& block,
                       const std::string& version = "WARC/1.1") {
  return version + "\r\nWARC-Type: " + type + "\r\n" + headers + "Content-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Response(const std::string& uri, const std::string& http) {
  return WarcRecord("response", "WARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=response\r\n",
                    http);
}

// An HTTP response: status line, header lines (each ending in CRLF), body.
std::string Http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

// Compresses with zlib: 16 + MAX_WBITS is gzip, MAX_WBITS zlib, -MAX_WBITS raw deflate.
std::string Deflate(const std::string& data, int window_bits = 16 + MAX_WBITS) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Gzip(const std::string& data) { return Deflate(data); }

// Inflates the one gzip member at `offset` of `bytes` (what a reader that
// seeks to a record does).
std::string InflateMemberAt(const std::string& bytes, int64_t offset) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 16 + MAX_WBITS) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
  z.avail_in = static_cast<uInt>(bytes.size() - static_cast<size_t>(offset));
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}

// Bytes that do not compress, so that half a gzip member holds part of them.
std::string Noise(size_t n) {
  std::mt19937 rng(42);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

const RawField* FieldNamed(const RawRecord& record, const std::string& name) {
  for (const RawField& f : record.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read ", path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A GBK page whose body holds a blank line, a NUL and bytes that are not
// UTF-8: the payload must come out exactly.
const std::string kGbkBody = std::string("<html><title>\xd5\xfe\xb8\xae</title>\r\n\r\nWARC/1.0 in text\n") +
                             std::string(1, '\0') + "\xff</html>";

const std::string kWarcinfo = WarcRecord("warcinfo", "Content-Type: application/warc-fields\r\n",
                                         "software: test\r\nformat: WARC File Format 1.0\r\n", "WARC/1.0");
const std::string kRequest =
    WarcRecord("request", "WARC-Target-URI: <http://gov.cn/a.html>\r\nContent-Type: application/http;msgtype=request\r\n",
               "GET /a.html HTTP/1.1\r\nHost: gov.cn\r\n\r\n", "WARC/1.0");
const std::string kResponse = WarcRecord(
    "response", "WARC-Target-URI: <http://gov.cn/a.html>\r\nContent-Type: application/http;msgtype=response\r\n",
    Http("200 OK", "Server: nginx\r\nContent-Type: text/html; charset=GBK\r\nContent-Length: " +
                       std::to_string(kGbkBody.size()) + "\r\n",
         kGbkBody),
    "WARC/1.0");

void CheckGbkResponse(const RawRecord& r) {
  CHECK(r.ordinal == 3);
  REQUIRE(r.payload.has_value());
  CHECK(*r.payload == kGbkBody);
  REQUIRE(r.fields.size() == 5);
  CHECK(r.fields[0].name == "WARC-Target-URI");
  CHECK(r.fields[0].value == "http://gov.cn/a.html");
  CHECK(r.fields[0].origin == Origin::kWarcHeader);
  CHECK(r.fields[1].name == "Server");
  CHECK(r.fields[1].value == "nginx");
  CHECK(r.fields[2].name == "Content-Type");
  CHECK(r.fields[2].value == "text/html; charset=GBK");
  CHECK(r.fields[3].name == "Content-Length");
  for (size_t i = 1; i < r.fields.size(); ++i) CHECK(r.fields[i].origin == Origin::kHttpHeader);
  CHECK(r.fields[4].name == "charset");
  CHECK(r.fields[4].value == "GBK");
}

TEST_CASE("container: warc reads the response after a warcinfo and a request record") {
  RawRecords got = ReadWarc(kWarcinfo + kRequest + kResponse);
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == 1);
  CheckGbkResponse(got.records[0]);
  CHECK(got.records[0].byte_offset == static_cast<int64_t>(kWarcinfo.size() + kRequest.size()));
  REQUIRE(got.skipped.size() == 2);
  CHECK(got.skipped[0].ordinal == 1);
  CHECK(got.skipped[0].byte_offset == 0);
  CHECK(got.skipped[0].message == "warcinfo record");
  CHECK(got.skipped[1].ordinal == 2);
  CHECK(got.skipped[1].byte_offset == static_cast<int64_t>(kWarcinfo.size()));
  CHECK(got.skipped[1].message == "request record");
}

TEST_CASE("container: warc gzip with a member per record locates records by member offset") {
  std::string a = Gzip(kWarcinfo), b = Gzip(kRequest), c = Gzip(kResponse);
  RawRecords got = ReadWarc(a + b + c);
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == 1);
  CheckGbkResponse(got.records[0]);
  CHECK(got.records[0].byte_offset == static_cast<int64_t>(a.size() + b.size()));
  REQUIRE(got.skipped.size() == 2);
  CHECK(got.skipped[1].byte_offset == static_cast<int64_t>(a.size()));
}

TEST_CASE("container: warc in one gzip stream locates records in the inflated stream") {
  RawRecords got = ReadWarc(Gzip(kWarcinfo + kRequest + kResponse));
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == 1);
  CheckGbkResponse(got.records[0]);
  CHECK(got.records[0].byte_offset == static_cast<int64_t>(kWarcinfo.size() + kRequest.size()));
  REQUIRE(got.skipped.size() == 2);
  CHECK(got.skipped[1].byte_offset == static_cast<int64_t>(kWarcinfo.size()));
}

// One chunk of a chunked body: the size in hex, CRLF, the data, CRLF.
std::string Chunk(const std::string& data, const std::string& extension = "") {
  std::ostringstream hex;
  hex << std::hex << data.size();
  return hex.str() + extension + "\r\n" + data + "\r\n";
}

TEST_CASE("container: warc undoes chunked transfer and gzip or deflate content encoding") {
  const std::string page = "<html><body>" + std::string(3000, 'x') + "\xe6\x94\xbf</body></html>";
  std::string chunked = Chunk(page.substr(0, 5)) + Chunk(page.substr(5, 10), ";name=v") + Chunk(page.substr(15)) +
                        "0\r\nX-Trailer: 1\r\n\r\n";
  std::string gz = Gzip(page);
  std::string gz_chunked = Chunk(gz.substr(0, 16)) + Chunk(gz.substr(16)) + "0\r\n\r\n";
  std::string warc =
      Response("http://a/chunked", Http("200 OK", "Transfer-Encoding: chunked\r\n", chunked)) +
      Response("http://a/gzip", Http("200 OK", "Content-Encoding: gzip\r\n", gz)) +
      Response("http://a/deflate", Http("200 OK", "Content-Encoding: deflate\r\n", Deflate(page, MAX_WBITS))) +
      Response("http://a/raw", Http("200 OK", "Content-Encoding: deflate\r\n", Deflate(page, -MAX_WBITS))) +
      Response("http://a/both", Http("200 OK", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", gz_chunked)) +
      // Written de-chunked by the WARC writer, which kept the header.
      Response("http://a/dechunked", Http("200 OK", "Transfer-Encoding: chunked\r\n", page));
  RawRecords got = ReadWarc(warc);
  CHECK(got.errors.empty());
  CHECK(got.skipped.empty());
  REQUIRE(got.records.size() == 6);
  for (const RawRecord& r : got.records) {
    CAPTURE(r.fields[0].value);
    REQUIRE(r.payload.has_value());
    CHECK(*r.payload == page);
  }
}

TEST_CASE("container: warc broken chunked or gzip bodies are errors of their record") {
  std::string warc = Response("http://a/1", Http("200 OK", "Transfer-Encoding: chunked\r\n", "a\r\n12345")) +
                     Response("http://a/2", Http("200 OK", "Transfer-Encoding: chunked\r\n", "5\r\n12345\r\n")) +
                     Response("http://a/3", Http("200 OK", "Content-Encoding: gzip\r\n", Gzip("page").substr(0, 12))) +
                     Response("http://a/4", Http("200 OK", "Content-Encoding: br\r\n", "xx")) +
                     Response("http://a/5", Http("200 OK", "", "fine"));
  RawRecords got = ReadWarc(warc);
  REQUIRE(got.errors.size() == 4);
  CHECK(got.errors[0].ordinal == 1);
  CHECK(got.errors[0].message == "chunked body cut short: chunk has 5 of 10 bytes");
  CHECK(got.errors[1].message == "chunked body ends without its last chunk");
  CHECK(got.errors[2].message == "Content-Encoding gzip: corrupt data");
  CHECK(got.errors[3].message == "unsupported Content-Encoding br");
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].ordinal == 5);
  CHECK(*got.records[0].payload == "fine");
}

TEST_CASE("container: warc skips records that are no documents, with the reason") {
  std::string html = Http("200 OK", "Content-Type: text/html\r\n", "<p>ok</p>");
  std::vector<std::string> parts = {
      Response("http://a/missing", Http("404 Not Found", "Content-Type: text/html\r\n", "gone")),
      Response("http://a/moved", Http("301 Moved Permanently", "Location: http://a/b\r\n", "")),
      Response("http://a/logo.png", Http("200 OK", "Content-Type: image/png\r\n", "\x89PNG")),
      Response("http://a/site.css", Http("200 OK", "Content-Type: Text/CSS; charset=utf-8\r\n", "p{}")),
      WarcRecord("response", "WARC-Target-URI: dns:a\r\nContent-Type: text/dns\r\n", "a. 60 IN A 1.2.3.4"),
      WarcRecord("metadata", "WARC-Target-URI: http://a/\r\n", "outlink: http://a/b"),
      WarcRecord("revisit", "WARC-Target-URI: http://a/\r\n", html),
      Response("http://a/ok", html),
  };
  std::string warc;
  for (const std::string& p : parts) warc += p;
  RawRecords got = ReadWarc(warc);
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].ordinal == 8);
  CHECK(got.records[0].fields[0].value == "http://a/ok");
  CHECK(FieldNamed(got.records[0], "charset") == nullptr);
  std::vector<std::string> reasons = {"HTTP status 404",        "HTTP status 301",  "content type image/png",
                                      "content type text/css",  "content type text/dns", "metadata record",
                                      "revisit record"};
  REQUIRE(got.skipped.size() == reasons.size());
  int64_t offset = 0;
  for (size_t i = 0; i < reasons.size(); ++i) {
    CHECK(got.skipped[i].message == reasons[i]);
    CHECK(got.skipped[i].ordinal == static_cast<int64_t>(i + 1));
    CHECK(got.skipped[i].byte_offset == offset);
    offset += static_cast<int64_t>(parts[i].size());
  }
}

TEST_CASE("container: warc accepts bare LF line ends, folded header lines and a quoted charset") {
  std::string http = "HTTP/1.0 200 OK\nContent-Type: text/html;\n Charset=\"gb2312\"\nX-Note: a\n\t b\n\n<p>lf</p>";
  std::string warc = "WARC/1.0\nWARC-Type: response\nWARC-Target-URI:\n <http://a/lf>\nContent-Length: " +
                     std::to_string(http.size()) + "\n\n" + http + "\n\n" +
                     Response("http://a/partial", Http("206 Partial Content", "", "%PDF"));
  RawRecords got = ReadWarc(warc);
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == 1);
  const RawRecord& r = got.records[0];
  CHECK(*r.payload == "<p>lf</p>");
  REQUIRE(r.fields.size() == 4);
  CHECK(r.fields[0].value == "http://a/lf");
  CHECK(r.fields[1].value == "text/html; Charset=\"gb2312\"");
  CHECK(r.fields[2].value == "a b");
  CHECK(r.fields[3].name == "charset");
  CHECK(r.fields[3].value == "gb2312");
  REQUIRE(got.skipped.size() == 1);
  CHECK(got.skipped[0].message == "HTTP status 206");
}

TEST_CASE("container: warc documents without a content type, and resources from the web") {
  std::string warc =
      Response("http://a/plain", Http("200 OK", "Content-Length: 4\r\n", "text")) +
      Response("http://a/x.pdf", Http("200 OK", "Content-Type: application/pdf\r\n", "%PDF-1.4")) +
      WarcRecord("resource", "WARC-Target-URI: http://a/r.html\r\nContent-Type: text/html; charset=\"utf-8\"\r\n",
                 "<p>r</p>") +
      WarcRecord("resource", "WARC-Target-URI: <metadata://gnu.org/software/wget/warc/wget.log>\r\n"
                             "Content-Type: text/plain\r\n",
                 "log") +
      WarcRecord("resource", "WARC-Target-URI: http://a/i.jpg\r\nContent-Type: image/jpeg\r\n", "\xff\xd8");
  RawRecords got = ReadWarc(warc);
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == 3);
  CHECK(*got.records[0].payload == "text");
  CHECK(*got.records[1].payload == "%PDF-1.4");
  const RawRecord& resource = got.records[2];
  CHECK(*resource.payload == "<p>r</p>");
  REQUIRE(resource.fields.size() == 3);
  CHECK(resource.fields[0].value == "http://a/r.html");
  CHECK(resource.fields[2].name == "charset");
  CHECK(resource.fields[2].value == "utf-8");
  CHECK(resource.fields[2].origin == Origin::kWarcHeader);
  REQUIRE(got.skipped.size() == 2);
  CHECK(got.skipped[0].message == "resource record for metadata://gnu.org/software/wget/warc/wget.log");
  CHECK(got.skipped[1].message == "content type image/jpeg");
}

TEST_CASE("container: warc truncated last record is an error; the records before stay") {
  std::string ok = Response("http://a/1", Http("200 OK", "", "first"));
  std::string block = Http("200 OK", "", Noise(5000));
  std::string last = Response("http://a/2", block);
  size_t header = last.find("\r\n\r\n") + 4;
  std::string cut = last.substr(0, header + 120);

  SUBCASE("plain") {
    RawRecords got = ReadWarc(kWarcinfo + ok + cut);
    REQUIRE(got.records.size() == 1);
    CHECK(*got.records[0].payload == "first");
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].ordinal == 3);
    CHECK(got.errors[0].byte_offset == static_cast<int64_t>(kWarcinfo.size() + ok.size()));
    CHECK(got.errors[0].message ==
          "truncated WARC record: block has 120 of " + std::to_string(block.size()) + " bytes");
  }
  SUBCASE("gzip member cut short") {
    std::string a = Gzip(kWarcinfo), b = Gzip(ok), c = Gzip(last);
    RawRecords got = ReadWarc(a + b + c.substr(0, c.size() / 2));
    REQUIRE(got.records.size() == 1);
    CHECK(*got.records[0].payload == "first");
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].ordinal == 3);
    CHECK(got.errors[0].byte_offset == static_cast<int64_t>(a.size() + b.size()));
    CHECK(got.errors[0].message.rfind("truncated WARC record: block has ", 0) == 0);
  }
  SUBCASE("header cut short") {
    RawRecords got = ReadWarc(kWarcinfo + ok + last.substr(0, 40));
    REQUIRE(got.records.size() == 1);
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].ordinal == 3);
    CHECK(got.errors[0].message == "truncated WARC record: the header has no end");
  }
}

TEST_CASE("container: warc record cut short in the middle; the reader resumes at the next record") {
  std::string first = Response("http://a/1", Http("200 OK", "", "first"));
  std::string block = Http("200 OK", "", std::string(300, 'y'));
  std::string cut = Response("http://a/2", block);
  size_t header = cut.find("\r\n\r\n") + 4;
  cut = cut.substr(0, header + 100) + "\r\n\r\n";  // the writer died; the next run appended
  // Long enough that the cut record's Content-Length ends inside it.
  const std::string third = "third" + std::string(1000, 't');
  std::string next = Response("http://a/3", Http("200 OK", "", third));
  RawRecords got = ReadWarc(first + cut + next);
  REQUIRE(got.records.size() == 2);
  CHECK(*got.records[0].payload == "first");
  CHECK(got.records[1].ordinal == 3);
  CHECK(got.records[1].byte_offset == static_cast<int64_t>(first.size() + cut.size()));
  CHECK(*got.records[1].payload == third);
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].ordinal == 2);
  CHECK(got.errors[0].byte_offset == static_cast<int64_t>(first.size()));
  CHECK(got.errors[0].message == "truncated WARC record: block has 100 of " + std::to_string(block.size()) + " bytes");
}

TEST_CASE("container: warc block that quotes a WARC line is no cut record") {
  // Junk after the block makes the reader look for a record start inside
  // it; a line "WARC/1.0" without a header under it is text.
  std::string body = "<pre>\r\nWARC/1.0\r\nWARC-Type: response\r\n</pre>";
  std::string warc = Response("http://a/q", Http("200 OK", "", body)) + "junk\r\n" +
                     Response("http://a/r", Http("200 OK", "", "after"));
  RawRecords got = ReadWarc(warc);
  REQUIRE(got.records.size() == 2);
  CHECK(*got.records[0].payload == body);
  CHECK(*got.records[1].payload == "after");
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].ordinal == 0);
  CHECK(got.errors[0].byte_offset == static_cast<int64_t>(warc.find("junk")));
}

TEST_CASE("container: warc corrupt gzip member is an error; the next member is read") {
  std::string a = Gzip(Response("http://a/1", Http("200 OK", "", "first")));
  std::string b = Gzip(Response("http://a/2", Http("200 OK", "", std::string(2000, 'z') + "second")));
  std::string c = Gzip(Response("http://a/3", Http("200 OK", "", "third")));
  for (size_t i = 12; i < b.size() - 8; i += 7) b[i] = static_cast<char>(b[i] ^ 0x5a);
  RawRecords got = ReadWarc(a + b + c);
  REQUIRE(got.records.size() == 2);
  CHECK(*got.records[0].payload == "first");
  CHECK(got.records[1].ordinal == 3);
  CHECK(got.records[1].byte_offset == static_cast<int64_t>(a.size() + b.size()));
  CHECK(*got.records[1].payload == "third");
  REQUIRE(got.errors.size() == 1);
  CHECK(got.errors[0].ordinal == 2);
  CHECK(got.errors[0].byte_offset == static_cast<int64_t>(a.size()));
  CHECK(got.errors[0].message.rfind("corrupt gzip member at byte " + std::to_string(a.size()) + ": ", 0) == 0);
}

TEST_CASE("container: warc garbage gives errors, never a crash") {
  CHECK(ReadWarc("").errors.empty());
  RawRecords text = ReadWarc("just some text\nand more\n");
  CHECK(text.records.empty());
  REQUIRE(text.errors.size() == 1);
  CHECK(text.errors[0].ordinal == 0);
  CHECK(text.errors[0].byte_offset == 0);
  CHECK(ReadWarc("WARC/1.0\r\n").errors.size() == 1);
  CHECK(ReadWarc("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n").errors.size() == 1);
  CHECK(ReadWarc("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999\r\n\r\nab").errors.size() == 1);
  CHECK(ReadWarc(std::string("\x1f\x8b\x08\0\0\0\0\0\0\x03garbage", 18)).errors.size() == 1);
  CHECK(ReadWarc(Gzip("not a warc at all")).errors.size() == 1);
  // A response whose block is no HTTP response.
  RawRecords no_http = ReadWarc(Response("http://a/", "hello"));
  REQUIRE(no_http.errors.size() == 1);
  CHECK(no_http.errors[0].message == "response record whose block is not an HTTP response");
  // Random bytes, plain and behind a gzip signature.
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::string bytes(rng() % 400, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (i % 2 == 0 && bytes.size() > 3) bytes.replace(0, 3, "\x1f\x8b\x08");
    RawRecords got = ReadWarc(bytes);
    CHECK(got.records.empty());
  }
}

TEST_CASE("container: warc gzip bomb stops at 1 GiB") {
  // 16 MiB of zeros in one member, repeated past 1 GiB: about 1 MB of file.
  std::string member = Gzip(std::string(16 << 20, '\0'));
  std::string bomb;
  for (int i = 0; i < 65; ++i) bomb += member;
  RawRecords got = ReadWarc(Gzip(kResponse) + bomb);
  REQUIRE(got.records.size() == 1);
  REQUIRE(got.errors.size() >= 1);
  CHECK(got.errors.back().message == "gzip data inflates past 1 GiB: the rest of the file is not read");
}

bool HaveCommand(const char* name) {
  return std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0;
}

// Checks what ReadWarc found in a WARC written by make_warc.sh.
void CheckWgetWarc(const std::string& path, const std::vector<std::string>& pages) {
  CAPTURE(path);
  std::string bytes = ReadFile(path);
  RawRecords got = ReadWarc(bytes);
  CHECK(got.errors.empty());
  REQUIRE(got.records.size() == pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    const RawRecord& r = got.records[i];
    CAPTURE(pages[i]);
    REQUIRE(!r.fields.empty());
    CHECK(r.fields[0].name == "WARC-Target-URI");
    const std::string& uri = r.fields[0].value;
    CHECK(uri.rfind("http://127.0.0.1:", 0) == 0);
    CHECK(uri.size() > pages[i].size());
    CHECK(uri.substr(uri.size() - pages[i].size() - 1) == "/" + pages[i]);
    REQUIRE(r.payload.has_value());
    CHECK(*r.payload == ReadFile(std::string(GONGWEN_SOURCE_DIR) + "/samples/" + pages[i]));
    const RawField* type = FieldNamed(r, "Content-type");  // python's http.server spells it so
    REQUIRE(type != nullptr);
    CHECK(type->value == (pages[i].size() > 4 && pages[i].substr(pages[i].size() - 4) == ".pdf" ? "application/pdf"
                                                                                                 : "text/html"));
    // byte_offset is where a reader seeks to: the record (plain) or its gzip member.
    std::string at = path.size() > 3 && path.substr(path.size() - 3) == ".gz" ? InflateMemberAt(bytes, r.byte_offset)
                                                                               : bytes.substr(r.byte_offset, 200);
    CHECK(at.rfind("WARC/1.0\r\nWARC-Type: response\r\n", 0) == 0);
  }
  // The warcinfo, 6 requests, the 404, and what wget adds at the end: a
  // metadata record and resources under metadata:// (its arguments, its log).
  std::vector<std::string> reasons;
  for (const RecordError& s : got.skipped) reasons.push_back(s.message);
  REQUIRE(reasons.size() >= 8);
  CHECK(reasons[0] == "warcinfo record");
  // A request wget had to retry leaves a request record per try.
  CHECK(std::count(reasons.begin(), reasons.end(), "request record") >= 6);
  CHECK(std::count(reasons.begin(), reasons.end(), "HTTP status 404") == 1);
  for (const std::string& reason : reasons) {
    CHECK((reason == "warcinfo record" || reason == "request record" || reason == "HTTP status 404" ||
           reason == "metadata record" || reason.rfind("resource record for metadata://", 0) == 0));
  }
  // Every record is counted once, in file order.
  CHECK(got.skipped.back().ordinal == static_cast<int64_t>(got.skipped.size() + got.records.size()));
}

TEST_CASE("container: warc written by wget holds the fetched pages byte for byte") {
  if (!HaveCommand("wget") || !HaveCommand("python3")) {
    MESSAGE("wget or python3 missing: WARC files from a real crawler not tested (scripts/install-deps installs them)");
    return;
  }
  std::string dir = (std::filesystem::temp_directory_path() / "gongwen-warc-XXXXXX").string();
  REQUIRE(mkdtemp(&dir[0]) != nullptr);
  struct RemoveDir {  // also when a REQUIRE ends the test early
    std::string path;
    ~RemoveDir() { std::filesystem::remove_all(path); }
  } remove_dir{dir};
  std::string prefix = dir + "/crawl";
  std::string script = std::string(GONGWEN_SOURCE_DIR) + "/tests/container/make_warc.sh";
  int rc = std::system(("bash '" + script + "' '" + prefix + "'").c_str());
  REQUIRE_MESSAGE(rc == 0, "make_warc.sh failed");
  const std::vector<std::string> pages = {"000_416e64e656112d15.html", "002_9825fd42b4a1cf31.html",
                                          "spam_injected.html", "table_policy.html", "000_416e64e656112d15.pdf"};
  CheckWgetWarc(prefix + ".warc.gz", pages);
  CheckWgetWarc(prefix + ".warc", pages);
}

}  // namespace
}  // namespace gongwen::container::internal
