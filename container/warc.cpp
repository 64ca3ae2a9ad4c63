// WARC archives (ISO 28500: WARC/1.0 and WARC/1.1), plain or gzip. The
// HTTP responses that are documents become records; every other record is
// counted in skipped (with the reason) or errors (with what was wrong).
//
// Framing: a record is a `WARC/1.x` line, named fields, an empty line, a
// block of Content-Length bytes and CRLF CRLF. Content-Length is trusted
// when the next record (or the end of the file) follows the block; when
// not, and a record header starts inside the block, the record was cut
// short and the reader picks up at that header.
//
// .warc.gz: the gzip members are inflated one after another, a chunk at a
// time, and a member's records are framed once it is whole (its CRC
// checked), so memory holds about one record, not the decompressed file.
// byte_offset is the offset of the record's gzip member (see
// GzipReader::Locate for one stream holding many records). All inflation of
// one file (the members and gzip/deflate HTTP bodies) shares a budget of
// 1 GiB: past it the reader stops with an error instead of letting a gzip
// bomb fill memory.
#include <zlib.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "container/internal/readers.h"
#include "util/utf8.h"

namespace gongwen::container::internal {
namespace {

constexpr std::string_view::size_type npos = std::string_view::npos;
constexpr int64_t kMaxInflated = int64_t{1} << 30;  // all inflated bytes of one file
constexpr size_t kMaxHeader = 64 * 1024;             // a WARC or HTTP header block
constexpr size_t kChunk = 256 * 1024;                // inflated bytes per step
constexpr size_t kFeedAfter = 16 << 20;              // .warc.gz: frame before a member ends
constexpr std::string_view kVersion = "WARC/1.";
constexpr std::string_view kGzipMagic = "\x1f\x8b\x08";  // gzip, deflate method

// ---------------------------------------------------------------- text

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }


// WARC and HTTP field names are case-insensitive.
bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

size_t SkipBlanks(std::string_view s, size_t pos) {
  while (pos < s.size() && IsBlank(s[pos])) ++pos;
  return pos;
}

// The start of the next line that opens a record ("\nWARC/1."), searching
// from `from`; npos when there is none.
size_t FindVersionLine(std::string_view s, size_t from) {
  size_t nl = s.find("\nWARC/1.", from);
  return nl == npos ? npos : nl + 1;
}

// ---------------------------------------------------------------- headers

struct Field {
  std::string_view name;  // as written
  std::string value;      // trimmed; folded lines joined by a space
};
using Fields = std::vector<Field>;

// The position just past the empty line that ends a header block (CRLF
// CRLF, or LF LF as some tools write), npos when there is none. The first
// line (version or status line) is never the empty line.
size_t FindHeaderEnd(std::string_view s) {
  size_t p = s.find('\n');
  if (p == npos) return npos;
  for (size_t nl; (nl = s.find('\n', ++p)) != npos; p = nl) {
    if (nl == p || (nl == p + 1 && s[p] == '\r')) return nl + 1;
  }
  return npos;
}

// The "Name: value" lines of a header block, without its first line. A line
// starting with a space or tab continues the previous value (WARC/1.0 and
// HTTP/1.0 allow folding); lines without a colon are passed over.
Fields ParseFields(std::string_view text) {
  Fields fields;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == npos ? std::string_view() : text.substr(nl + 1);
    if (Trim(line).empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !fields.empty()) {
      std::string& value = fields.back().value;
      value.append(value.empty() ? "" : " ").append(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == npos) continue;
    fields.push_back({Trim(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1)))});
  }
  return fields;
}

const std::string* FindField(const Fields& fields, std::string_view name) {
  for (const Field& f : fields) {
    if (IEquals(f.name, name)) return &f.value;
  }
  return nullptr;
}

// "text/html; charset=GBK" -> "text/html".
std::string MediaType(const std::string* content_type) {
  if (content_type == nullptr) return "";
  std::string_view v = *content_type;
  return utf8::AsciiLower(Trim(v.substr(0, v.find(';'))));
}

// The charset parameter of a Content-Type, unquoted, as written ("GBK").
std::optional<std::string> CharsetOf(std::string_view content_type) {
  for (size_t semi = content_type.find(';'); semi != npos; semi = content_type.find(';', semi + 1)) {
    std::string_view param = content_type.substr(semi + 1);
    param = Trim(param.substr(0, param.find(';')));
    size_t eq = param.find('=');
    if (eq == npos || !IEquals(Trim(param.substr(0, eq)), "charset")) continue;
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (value.empty()) return std::nullopt;
    return std::string(value);
  }
  return std::nullopt;
}

// The media types extract reads. A response without a Content-Type is
// taken as a document: servers leave it out for static files.
bool IsDocumentType(const std::string& media) {
  return media.empty() || media == "text/html" || media == "application/xhtml+xml" || media == "text/plain" ||
         media == "application/pdf";
}

std::optional<int64_t> ParseLength(const std::string* value) {
  if (value == nullptr || value->empty() || value->size() > 18) return std::nullopt;
  int64_t n = 0;
  for (char c : *value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// WARC/1.0 writers (wget among them) put the URI in angle brackets.
std::string TargetUri(const Fields& fields) {
  const std::string* uri = FindField(fields, "WARC-Target-URI");
  if (uri == nullptr) return "";
  std::string_view v = *uri;
  if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = Trim(v.substr(1, v.size() - 2));
  return std::string(v);
}

// Resources are documents when they come from the web: wget also stores
// its log and arguments as text/plain resources under metadata://.
bool IsWebUri(std::string_view uri) {
  std::string scheme = utf8::AsciiLower(uri.substr(0, uri.find(':')));
  return uri.find(':') != npos && (scheme == "http" || scheme == "https" || scheme == "ftp");
}

// ---------------------------------------------------------------- zlib

// One zlib inflate stream over one input (gzip, zlib or raw deflate, by
// window_bits), inflated a buffer at a time.
class Inflater {
 public:
  Inflater(std::string_view in, int window_bits) : next_(in.data()), rest_(in.size()), size_(in.size()) {
    ok_ = inflateInit2(&z_, window_bits) == Z_OK;
  }
  ~Inflater() {
    if (ok_) inflateEnd(&z_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Inflates into buf (cap bytes) and sets *produced. Returns Z_OK when buf
  // is full, Z_STREAM_END at the end of the stream, Z_BUF_ERROR when the
  // input ran out first, or another zlib error for corrupt data.
  int Step(char* buf, size_t cap, size_t* produced) {
    *produced = 0;
    if (!ok_) return Z_MEM_ERROR;
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(cap);
    int rc = Z_OK;
    while (rc == Z_OK && z_.avail_out > 0) {
      Refill();
      rc = inflate(&z_, Z_NO_FLUSH);
    }
    *produced = cap - z_.avail_out;
    return rc;
  }
  // Input bytes used so far (after Z_STREAM_END: the length of the stream).
  size_t consumed() const { return size_ - rest_ - z_.avail_in; }
  const char* message() const { return z_.msg != nullptr ? z_.msg : "invalid data"; }

 private:
  // avail_in is 32 bits: a larger input is handed over in pieces.
  void Refill() {
    if (z_.avail_in > 0 || rest_ == 0) return;
    uInt n = static_cast<uInt>(std::min<size_t>(rest_, size_t{1} << 30));
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(next_));
    z_.avail_in = n;
    next_ += n;
    rest_ -= n;
  }

  z_stream z_{};
  bool ok_ = false;
  const char* next_;
  size_t rest_;
  size_t size_;
};

enum class Inflated { kDone, kCorrupt, kOverBudget };

// Inflates the one stream `in` holds onto *out, charging *budget.
Inflated InflateAll(std::string_view in, int window_bits, int64_t* budget, std::string* out) {
  Inflater inflater(in, window_bits);
  std::unique_ptr<char[]> buf(new char[kChunk]);
  for (;;) {
    size_t n = 0;
    int rc = inflater.Step(buf.get(), kChunk, &n);
    *budget -= static_cast<int64_t>(n);
    if (*budget < 0) return Inflated::kOverBudget;
    out->append(buf.get(), n);
    if (rc == Z_STREAM_END) return Inflated::kDone;
    if (rc != Z_OK) return Inflated::kCorrupt;
  }
}

// ---------------------------------------------------------------- HTTP

struct HttpResponse {
  int status = 0;
  Fields headers;
  std::string_view body;
};

// The status code of "HTTP/1.1 200 OK" (HTTP/1.0, HTTP/2 alike); 0 when
// the line is no status line.
int ParseStatus(std::string_view line) {
  if (!StartsWith(line, "HTTP/")) return 0;
  size_t sp = line.find(' ');
  if (sp == npos) return 0;
  std::string_view code = Trim(line.substr(sp));
  if (code.size() < 3 || (code.size() > 3 && !IsBlank(code[3]))) return 0;
  int status = 0;
  for (char c : code.substr(0, 3)) {
    if (c < '0' || c > '9') return 0;
    status = status * 10 + (c - '0');
  }
  return status;
}

// The block of a response record. A block that is all header (a 304 with no
// empty line after it) has an empty body.
std::optional<HttpResponse> ParseHttp(std::string_view block) {
  HttpResponse http;
  size_t eol = block.find('\n');
  http.status = ParseStatus(block.substr(0, eol));
  if (http.status == 0 || eol == npos) return std::nullopt;
  size_t end = FindHeaderEnd(block.substr(0, kMaxHeader));
  if (end == npos) {
    if (block.size() > kMaxHeader) return std::nullopt;
    end = block.size();
  }
  http.headers = ParseFields(block.substr(eol + 1, end - eol - 1));
  http.body = block.substr(end);
  return http;
}

// Parses one "1a3f;ext" chunk size line; nullopt when it is none.
std::optional<size_t> ParseChunkSize(std::string_view line) {
  line = Trim(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15) return std::nullopt;
  size_t n = 0;
  for (char c : line) {
    char l = LowerAscii(c);
    int digit = l >= '0' && l <= '9' ? l - '0' : l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    n = n * 16 + static_cast<size_t>(digit);
  }
  return n;
}

// Undoes Transfer-Encoding: chunked. A body that does not open with a chunk
// size line was de-chunked by the WARC writer, which kept the header: it is
// taken as it is. Returns an error message, "" when the body is whole.
std::string Dechunk(std::string_view body, std::string* out) {
  size_t pos = 0;
  for (bool first = true;; first = false) {
    std::string_view rest = body.substr(pos);
    if (!first && Trim(rest).empty()) return "chunked body ends without its last chunk";
    size_t nl = rest.find('\n');
    std::optional<size_t> size = ParseChunkSize(rest.substr(0, nl));
    if (!size && first) {
      out->assign(body);
      return "";
    }
    if (!size) return "chunked body: bad chunk size line at byte " + std::to_string(pos);
    if (*size == 0) return "";  // trailers, if any, are not needed
    size_t data = nl == npos ? body.size() : pos + nl + 1;
    if (body.size() - data < *size) {
      return "chunked body cut short: chunk has " + std::to_string(body.size() - data) + " of " +
             std::to_string(*size) + " bytes";
    }
    out->append(body.substr(data, *size));
    // The CRLF after the chunk's data, and nothing more.
    pos = SkipBlanks(body.substr(0, std::min(body.size(), data + *size + 2)), data + *size);
  }
}

// Undoes one content coding. "deflate" should be a zlib stream, but servers
// send raw deflate too: zlib is tried first, then raw. A "gzip" body without
// the gzip signature was decoded by the WARC writer, which kept the header.
std::string Decode(std::string_view coding, const std::string& in, int64_t* budget, std::string* out) {
  Inflated result = Inflated::kCorrupt;
  if (coding == "gzip" || coding == "x-gzip") {
    if (!StartsWith(in, "\x1f\x8b")) {
      *out = in;
      return "";
    }
    result = InflateAll(in, 16 + MAX_WBITS, budget, out);
  } else if (coding == "deflate") {
    result = InflateAll(in, MAX_WBITS, budget, out);
    if (result == Inflated::kCorrupt) {
      out->clear();
      result = InflateAll(in, -MAX_WBITS, budget, out);
    }
  } else {
    return "unsupported Content-Encoding " + std::string(coding);
  }
  if (result == Inflated::kOverBudget) return "Content-Encoding " + std::string(coding) + " inflates past 1 GiB";
  if (result == Inflated::kCorrupt) return "Content-Encoding " + std::string(coding) + ": corrupt data";
  return "";
}

// The payload of an HTTP body: chunked transfer undone, then each
// Content-Encoding undone, the last applied first. Returns an error
// message, "" when fine.
std::string DecodeBody(const Fields& headers, std::string_view body, int64_t* budget, std::string* payload) {
  std::string data;
  const std::string* transfer = FindField(headers, "Transfer-Encoding");
  if (transfer != nullptr && utf8::AsciiLower(*transfer).find("chunked") != npos) {
    std::string error = Dechunk(body, &data);
    if (!error.empty()) return error;
  } else {
    data.assign(body);
  }
  const std::string* encoding = FindField(headers, "Content-Encoding");
  std::string_view codings = encoding != nullptr ? std::string_view(*encoding) : std::string_view();
  while (!codings.empty()) {
    size_t comma = codings.rfind(',');
    std::string coding = utf8::AsciiLower(Trim(codings.substr(comma == npos ? 0 : comma + 1)));
    codings = comma == npos ? std::string_view() : codings.substr(0, comma);
    if (coding.empty() || coding == "identity") continue;
    std::string decoded;
    std::string error = Decode(coding, data, budget, &decoded);
    if (!error.empty()) return error;
    data = std::move(decoded);
  }
  *payload = std::move(data);
  return "";
}

// ---------------------------------------------------------------- framing

enum class Frame { kRecord, kNeedMore, kBroken };

// One record cut out of the front of a buffer.
struct Framed {
  Frame frame = Frame::kNeedMore;
  Fields fields;          // the WARC header's named fields
  std::string_view block;
  size_t next = 0;        // where the next record may start
  std::string error;      // kBroken
};

// Where to look for the next record after a broken one: its next version
// line; or, when the buffer has none yet, all but a tail that may hold the
// start of one.
size_t ResyncPoint(std::string_view s, size_t from, bool at_end) {
  size_t q = FindVersionLine(s, from);
  if (q != npos) return q;
  if (at_end || s.size() < from + kVersion.size()) return at_end ? s.size() : from;
  return s.size() - kVersion.size();
}

Framed Broken(std::string_view s, size_t from, bool at_end, std::string error) {
  Framed f;
  f.frame = Frame::kBroken;
  f.next = ResyncPoint(s, from, at_end);
  f.error = std::move(error);
  return f;
}

// Whether a record header that frames (it ends, and states a valid
// Content-Length) opens `s`: tells the next record after one that was cut
// short from a block whose text happens to hold "WARC/1.". The header is
// looked for only up to the next version line, so that a block of many
// such lines is still read in linear time.
bool OpensHeader(std::string_view s) {
  std::string_view window = s.substr(0, kMaxHeader);
  window = window.substr(0, FindVersionLine(window, 0));
  size_t end = FindHeaderEnd(window);
  if (end == npos) return false;
  Fields fields = ParseFields(window.substr(0, end).substr(window.find('\n') + 1));
  return ParseLength(FindField(fields, "Content-Length")).has_value();
}

// The first line in s[from, limit) that opens a record header.
size_t FindRecordStart(std::string_view s, size_t from, size_t limit) {
  for (size_t q = FindVersionLine(s, from); q != npos && q < limit; q = FindVersionLine(s, q)) {
    if (OpensHeader(s.substr(q))) return q;
  }
  return npos;
}

// A block shorter than its Content-Length: it ends where the next record
// starts (`next`), or at the end of the data (npos).
Framed Truncated(std::string_view s, size_t start, int64_t length, size_t next) {
  size_t has = (next == npos ? s.size() : next) - start;
  if (next != npos) {
    while (has > 0 && (s[start + has - 1] == '\r' || s[start + has - 1] == '\n')) --has;
  }
  Framed f;
  f.frame = Frame::kBroken;
  f.next = next == npos ? s.size() : next;
  f.error = "truncated WARC record: block has " + std::to_string(has) + " of " + std::to_string(length) + " bytes";
  return f;
}

// Cuts the block of `length` bytes that starts at `start`. Content-Length
// is trusted when the next record (or the end) follows the block's CRLF
// CRLF; otherwise a record header inside the block means the record was
// cut short there.
Framed CutBlock(std::string_view s, size_t start, int64_t length, bool at_end, Framed f) {
  if (static_cast<uint64_t>(length) > s.size() - start) {
    if (!at_end) return Framed{};
    return Truncated(s, start, length, FindRecordStart(s, start - 1, s.size()));
  }
  size_t end = start + static_cast<size_t>(length);
  size_t next = SkipBlanks(s, end);
  std::string_view after = s.substr(next);
  if (!at_end && after.size() < kVersion.size()) return Framed{};
  if (!after.empty() && !StartsWith(after, kVersion)) {
    size_t q = FindRecordStart(s, start - 1, end);
    if (q != npos) return Truncated(s, start, length, q);
  }
  f.frame = Frame::kRecord;
  f.block = s.substr(start, end - start);
  f.next = next;
  return f;
}

// A whole "WARC/1.x" line after the first line of a header, where it may
// follow the cut-off start of a line; npos when there is none.
size_t FindVersionInHeader(std::string_view header) {
  for (size_t q = header.find(kVersion, 1); q != npos; q = header.find(kVersion, q + 1)) {
    std::string_view rest = header.substr(q + kVersion.size());
    if (rest.size() >= 2 && rest[0] >= '0' && rest[0] <= '9' && (rest[1] == '\r' || rest[1] == '\n')) return q;
  }
  return npos;
}

// Frames the record at the front of `s`, which starts with "WARC/1.".
// Unless at_end, a record not complete yet gives kNeedMore.
Framed FrameRecord(std::string_view s, bool at_end) {
  size_t header_end = FindHeaderEnd(s.substr(0, kMaxHeader));
  if (header_end == npos) {
    if (!at_end && s.size() < kMaxHeader) return Framed{};
    if (s.size() >= kMaxHeader) return Broken(s, 1, at_end, "WARC header has no end within 64 KiB");
    return Broken(s, 1, at_end, "truncated WARC record: the header has no end");
  }
  std::string_view header = s.substr(0, header_end);
  // A version line inside the header: this record was cut short in its
  // header and the next one follows, perhaps not even on a new line.
  if (size_t q = FindVersionInHeader(header); q != npos) {
    Framed f = Broken(s, 1, at_end, "truncated WARC record: the header is cut short");
    f.next = q;
    return f;
  }
  Framed f;
  f.fields = ParseFields(header.substr(header.find('\n') + 1));
  std::optional<int64_t> length = ParseLength(FindField(f.fields, "Content-Length"));
  if (!length) return Broken(s, 1, at_end, "WARC record without a valid Content-Length");
  return CutBlock(s, header_end, *length, at_end, std::move(f));
}

// ---------------------------------------------------------------- records

// Frames records and reads each into a RawRecord, a skip or an error.
// Fed the whole file (plain WARC) or a buffer of inflated data at a time
// (.warc.gz); locate maps a buffer position to the byte_offset to report.
class RecordReader {
 public:
  using Locate = std::function<int64_t(size_t)>;

  explicit RecordReader(RawRecords* out) : out_(out) {}

  // Reads the records at the front of `buf`; returns the bytes used. Unless
  // at_end, an incomplete record at the end stays for the next call.
  size_t Feed(std::string_view buf, bool at_end, const Locate& locate);

  // A record lost with its gzip member: it counts, as every record does.
  void Lost(int64_t offset, std::string message) {
    ++ordinal_;
    Error(offset, std::move(message));
  }
  int64_t* budget() { return &budget_; }

 private:
  size_t SkipJunk(std::string_view s, bool at_end, const Locate& locate, size_t pos);
  void Read(const Framed& f, int64_t offset);
  void ReadResponse(const Framed& f, int64_t offset);
  void ReadResource(const Framed& f, int64_t offset);
  RawRecord NewRecord(int64_t offset, const Fields& fields) const;
  void Skip(int64_t offset, std::string reason) { out_->skipped.push_back({ordinal_, offset, std::move(reason)}); }
  void Error(int64_t offset, std::string message) { out_->errors.push_back({ordinal_, offset, std::move(message)}); }

  RawRecords* out_;
  int64_t ordinal_ = 0;
  int64_t budget_ = kMaxInflated;
  bool in_junk_ = false;  // passing over bytes that are no record (reported once)
};

size_t RecordReader::Feed(std::string_view buf, bool at_end, const Locate& locate) {
  size_t pos = 0;
  for (;;) {
    pos = SkipBlanks(buf, pos);  // the CRLF CRLF after a block, blank lines
    std::string_view s = buf.substr(pos);
    if (s.empty() || (!at_end && s.size() < kVersion.size() && StartsWith(kVersion, s))) return pos;
    if (!StartsWith(s, kVersion)) {
      size_t skip = SkipJunk(s, at_end, locate, pos);
      if (skip == 0) return pos;
      pos += skip;
      continue;
    }
    Framed f = FrameRecord(s, at_end);
    if (f.frame == Frame::kNeedMore) return pos;
    ++ordinal_;
    int64_t offset = locate(pos);
    if (f.frame == Frame::kBroken) {
      Error(offset, f.error);
    } else {
      Read(f, offset);
    }
    in_junk_ = f.frame == Frame::kBroken;  // what follows a broken record is no new fault
    pos += f.next;
  }
}

// Passes over bytes that are no record, up to the next version line: one
// error (ordinal 0: they belong to no record) per run, even when the run
// spans several buffers.
size_t RecordReader::SkipJunk(std::string_view s, bool at_end, const Locate& locate, size_t pos) {
  if (!in_junk_) {
    out_->errors.push_back({0, locate(pos), "not a WARC record (no WARC/1.x line): skipped to the next record"});
    in_junk_ = true;
  }
  return ResyncPoint(s, 0, at_end);
}

void RecordReader::Read(const Framed& f, int64_t offset) {
  const std::string* type = FindField(f.fields, "WARC-Type");
  if (type == nullptr) return Error(offset, "WARC record without WARC-Type");
  if (IEquals(*type, "response") || IEquals(*type, "resource")) {
    // The first segment of a record split over several holds part of it.
    if (FindField(f.fields, "WARC-Segment-Number") != nullptr) return Skip(offset, "segmented record");
    if (IEquals(*type, "response")) return ReadResponse(f, offset);
    return ReadResource(f, offset);
  }
  Skip(offset, *type + " record");
}

RawRecord RecordReader::NewRecord(int64_t offset, const Fields& fields) const {
  RawRecord rec;
  rec.ordinal = ordinal_;
  rec.byte_offset = offset;
  std::string uri = TargetUri(fields);
  if (!uri.empty()) rec.fields.push_back({"WARC-Target-URI", std::move(uri), Origin::kWarcHeader});
  return rec;
}

void RecordReader::ReadResponse(const Framed& f, int64_t offset) {
  // Heritrix stores DNS lookups as responses of type text/dns.
  std::string warc_type = MediaType(FindField(f.fields, "Content-Type"));
  if (!warc_type.empty() && warc_type != "application/http") return Skip(offset, "content type " + warc_type);
  std::optional<HttpResponse> http = ParseHttp(f.block);
  if (!http) return Error(offset, "response record whose block is not an HTTP response");
  // 206 Partial Content holds a byte range, not the document.
  if (http->status < 200 || http->status > 299 || http->status == 206) {
    return Skip(offset, "HTTP status " + std::to_string(http->status));
  }
  const std::string* content_type = FindField(http->headers, "Content-Type");
  std::string media = MediaType(content_type);
  if (!IsDocumentType(media)) return Skip(offset, "content type " + media);
  std::string payload;
  std::string error = DecodeBody(http->headers, http->body, &budget_, &payload);
  if (!error.empty()) return Error(offset, error);
  RawRecord rec = NewRecord(offset, f.fields);
  for (const Field& h : http->headers) rec.fields.push_back({std::string(h.name), h.value, Origin::kHttpHeader});
  std::optional<std::string> charset = content_type ? CharsetOf(*content_type) : std::nullopt;
  if (charset) rec.fields.push_back({"charset", std::move(*charset), Origin::kHttpHeader});
  rec.payload = std::move(payload);
  out_->records.push_back(std::move(rec));
}

// A resource record's block is the document itself; its type and charset
// are stated in the WARC header.
void RecordReader::ReadResource(const Framed& f, int64_t offset) {
  std::string uri = TargetUri(f.fields);
  if (!IsWebUri(uri)) return Skip(offset, "resource record for " + (uri.empty() ? "no URI" : uri));
  const std::string* content_type = FindField(f.fields, "Content-Type");
  std::string media = MediaType(content_type);
  if (!IsDocumentType(media)) return Skip(offset, "content type " + media);
  RawRecord rec = NewRecord(offset, f.fields);
  if (content_type != nullptr) {
    rec.fields.push_back({"Content-Type", *content_type, Origin::kWarcHeader});
    if (std::optional<std::string> charset = CharsetOf(*content_type)) {
      rec.fields.push_back({"charset", std::move(*charset), Origin::kWarcHeader});
    }
  }
  rec.payload = std::string(f.block);
  out_->records.push_back(std::move(rec));
}

// ---------------------------------------------------------------- .warc.gz

bool IsGzipAt(std::string_view bytes, size_t pos) { return StartsWith(bytes.substr(pos), kGzipMagic); }

// Whether the gzip member at the front of `member` inflates to a record:
// after a corrupt member the reader resumes at such a member, passing over
// bytes that only look like a gzip header.
bool OpensRecord(std::string_view member) {
  Inflater inflater(member, 16 + MAX_WBITS);
  char head[kVersion.size()];
  size_t n = 0;
  int rc = inflater.Step(head, sizeof head, &n);
  return (rc == Z_OK || rc == Z_STREAM_END) && std::string_view(head, n) == kVersion;
}

size_t NextMember(std::string_view bytes, size_t from) {
  for (size_t p = bytes.find(kGzipMagic, from); p != npos; p = bytes.find(kGzipMagic, p + 1)) {
    if (OpensRecord(bytes.substr(p))) return p;
  }
  return npos;
}

// Reads a .warc.gz member by member (see the top of the file).
class GzipReader {
 public:
  GzipReader(std::string_view bytes, RawRecords* out)
      : bytes_(bytes), out_(out), reader_(out), chunk_(new char[kChunk]) {}

  void Run();

 private:
  // Where a gzip member starts in the inflated stream.
  struct Mark {
    int64_t stream = 0;      // position in the inflated stream
    int64_t compressed = 0;  // offset of the member in the file
    bool used = false;       // a record starting in it was located
  };

  std::optional<size_t> InflateMember(size_t start);
  int64_t DropMember(int64_t member_stream, size_t start);
  void Feed(bool at_end);
  int64_t Locate(size_t pending_pos);
  void Compact();

  std::string_view bytes_;
  RawRecords* out_;
  RecordReader reader_;
  std::unique_ptr<char[]> chunk_;
  std::string pending_;       // inflated, from the first record not yet framed
  size_t start_ = 0;          // first byte of pending_ not yet framed
  int64_t pending_base_ = 0;  // inflated-stream position of pending_[0]
  std::vector<Mark> marks_;   // member starts from pending_'s first record on
  bool stop_ = false;         // the inflate budget ran out
};

void GzipReader::Run() {
  size_t pos = 0;
  while (pos < bytes_.size() && !stop_) {
    size_t member = IsGzipAt(bytes_, pos) ? pos : NextMember(bytes_, pos);
    if (member != pos) {
      out_->errors.push_back({0, static_cast<int64_t>(pos), "bytes that are not a gzip member: skipped to the next member"});
      if (member == npos) break;
    }
    std::optional<size_t> end = InflateMember(member);
    pos = end ? *end : NextMember(bytes_, member + 1);
  }
  if (!stop_) Feed(true);
}

// Inflates the member at `start` onto pending_. Returns where the member
// ends; nullopt when it is corrupt or the budget ran out (stop_). Inflate
// checks a member's CRC only at its end, so its records are framed then,
// unless more than kFeedAfter bytes are pending (one large stream holding
// many records).
std::optional<size_t> GzipReader::InflateMember(size_t start) {
  const int64_t member_stream = pending_base_ + static_cast<int64_t>(pending_.size());
  marks_.push_back({member_stream, static_cast<int64_t>(start), false});
  Inflater inflater(bytes_.substr(start), 16 + MAX_WBITS);
  for (;;) {
    size_t n = 0;
    int rc = inflater.Step(chunk_.get(), kChunk, &n);
    *reader_.budget() -= static_cast<int64_t>(n);
    if (*reader_.budget() < 0) {
      int64_t offset = DropMember(member_stream, start);
      out_->errors.push_back({0, offset, "gzip data inflates past 1 GiB: the rest of the file is not read"});
      stop_ = true;
      return std::nullopt;
    }
    pending_.append(chunk_.get(), n);
    if (rc == Z_STREAM_END || pending_.size() - start_ > kFeedAfter) Feed(false);
    if (rc == Z_STREAM_END) return start + inflater.consumed();
    if (rc == Z_OK) continue;
    // Cut short at the end of the file: the last Feed reports the record
    // it held as truncated.
    if (rc == Z_BUF_ERROR && start + inflater.consumed() == bytes_.size()) return bytes_.size();
    int64_t offset = DropMember(member_stream, start);
    // The record the member held is lost with it.
    reader_.Lost(offset, "corrupt gzip member at byte " + std::to_string(start) + ": " + inflater.message());
    return std::nullopt;
  }
}

// After a member failed: drops what it inflated (it may be garbage), frames
// what came before it as the end of the data, and empties pending_.
// Returns the offset to report the failure at: the member's, or, when part
// of a large member was framed already, that of the record in progress.
int64_t GzipReader::DropMember(int64_t member_stream, size_t start) {
  int64_t offset = static_cast<int64_t>(start);
  if (member_stream >= pending_base_ + static_cast<int64_t>(start_)) {
    pending_.resize(static_cast<size_t>(member_stream - pending_base_));
    Feed(true);
  } else {
    offset = Locate(start_);
  }
  pending_base_ += static_cast<int64_t>(pending_.size());
  pending_.clear();
  start_ = 0;
  marks_.clear();
  return offset;
}

void GzipReader::Feed(bool at_end) {
  std::string_view buf(pending_);
  start_ += reader_.Feed(buf.substr(start_), at_end, [this](size_t p) { return Locate(start_ + p); });
  Compact();
}

// A record that is the first to start in its gzip member is located at the
// member's offset in the compressed file: per-record gzip, as wget and
// crawlers write .warc.gz, where a reader seeks to the member and inflates
// it. Later records of the same member (one gzip stream holding many
// records) have no member of their own: their offset is the one in the
// inflated stream.
int64_t GzipReader::Locate(size_t pending_pos) {
  int64_t stream = pending_base_ + static_cast<int64_t>(pending_pos);
  auto it = std::upper_bound(marks_.begin(), marks_.end(), stream,
                             [](int64_t s, const Mark& m) { return s < m.stream; });
  if (it == marks_.begin()) return stream;
  Mark& mark = *(it - 1);
  if (mark.used) return stream;
  mark.used = true;
  return mark.compressed;
}

// Drops framed bytes once they are half of pending_, so each byte moves
// about once, and the marks of members nothing can start in any more.
void GzipReader::Compact() {
  if (start_ == 0 || start_ * 2 < pending_.size()) return;
  pending_.erase(0, start_);
  pending_base_ += static_cast<int64_t>(start_);
  start_ = 0;
  size_t keep = 0;
  while (keep + 1 < marks_.size() && marks_[keep + 1].stream <= pending_base_) ++keep;
  marks_.erase(marks_.begin(), marks_.begin() + static_cast<std::ptrdiff_t>(keep));
}

}  // namespace

RawRecords ReadWarc(std::string_view bytes) {
  RawRecords out;
  if (StartsWith(bytes, "\x1f\x8b")) {
    GzipReader(bytes, &out).Run();
  } else {
    RecordReader(&out).Feed(bytes, true, [](size_t pos) { return static_cast<int64_t>(pos); });
  }
  return out;
}

}  // namespace gongwen::container::internal
