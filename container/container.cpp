// Opens a container and turns its raw records into documents: each field
// gets its role by name (data/record_fields.tsv, or --fields), the body is
// picked, the record gets its key and its hash.
#include "container/container.h"

#include <zlib.h>

#include <algorithm>
#include <map>
#include <set>

#include "container/internal/readers.h"
#include "data/data.h"
#include "util/sha256.h"
#include "util/utf8.h"

namespace gongwen::container {
namespace {

using internal::RawField;
using internal::RawRecord;
using internal::RawRecords;

struct KindEntry {
  Kind kind;
  std::string_view name;
};
constexpr KindEntry kKinds[] = {{Kind::kFile, "file"}, {Kind::kJson, "json"}, {Kind::kJsonLines, "jsonl"},
                                {Kind::kCsv, "csv"},   {Kind::kTsv, "tsv"},   {Kind::kSql, "sql"},
                                {Kind::kWarc, "warc"}};

struct RoleEntry {
  Role role;
  std::string_view name;
};
constexpr RoleEntry kRoles[] = {{Role::kNone, "none"},       {Role::kBody, "body"},
                                {Role::kTitle, "title"},     {Role::kUrl, "url"},
                                {Role::kDate, "date"},       {Role::kCharset, "charset"},
                                {Role::kId, "id"},           {Role::kSummary, "summary"},
                                {Role::kDocNumber, "doc_number"}, {Role::kIssuer, "issuer"},
                                {Role::kHistory, "history"},
                                {Role::kUnnamed, "unnamed"}};

// A field name as the table lists it: the last part of a nested name, with
// ASCII case, '_', '-' and spaces ignored.
std::string NameKey(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) name = name.substr(dot + 1);
  std::string key;
  for (char c : name) {
    if (c == '_' || c == '-' || c == ' ') continue;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

const std::map<std::string, Role>& RoleTable() {
  static const std::map<std::string, Role> table = [] {
    std::map<std::string, Role> t;
    for (std::string_view line : data::Lines(data::RecordFields())) {
      auto f = data::Fields(line);
      if (f.size() != 2) continue;
      if (auto role = RoleFromName(f[1])) t[NameKey(f[0])] = *role;
    }
    return t;
  }();
  return table;
}

Role RoleOf(const RawField& f, const FieldMap& user) {
  for (const auto& [role, name] : user.names) {
    if (f.name == name || NameKey(f.name) == NameKey(name)) return role;
  }
  // HTTP headers say how the page was served (Date, Link, Server), not what
  // the document states; only their charset is the document's.
  if (f.origin == Origin::kHttpHeader) return f.name == "charset" ? Role::kCharset : Role::kNone;
  const auto& table = RoleTable();
  auto it = table.find(NameKey(f.name));
  if (it == table.end()) return Role::kNone;
  // A role the user named is filled by the user's field only.
  for (const auto& named : user.names) {
    if (named.first == it->second) return Role::kNone;
  }
  return it->second;
}

// How deep a field is nested ("site.name" is 1): a record's own title wins
// over its site's name.
int Depth(const std::string& name) { return static_cast<int>(std::count(name.begin(), name.end(), '.')); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool LooksLikeDate(std::string_view v) {
  v = utf8::Trim(v);
  if (v.size() < 8 || v.size() > 32) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  return v[4] == '-' || v[4] == '/' || v[4] == '.' || StartsWith(v.substr(4), "年");
}


// Values without names (a JSON array of strings): the longest text with
// Chinese in it is the body, the first date-shaped value the date, the
// first http(s) value the URL; other short values are kUnnamed.
std::vector<Role> PositionalRoles(const RawRecord& r) {
  std::vector<Role> roles(r.fields.size(), Role::kNone);
  size_t body = r.fields.size();
  for (size_t i = 0; i < r.fields.size(); ++i) {
    const std::string& v = r.fields[i].value;
    if (utf8::CountHan(v) >= 20 && (body == r.fields.size() || v.size() > r.fields[body].value.size())) body = i;
  }
  if (body < r.fields.size()) roles[body] = Role::kBody;
  bool date = false, url = false;
  for (size_t i = 0; i < r.fields.size(); ++i) {
    if (i == body) continue;
    const std::string& v = r.fields[i].value;
    if (!date && LooksLikeDate(v)) {
      roles[i] = Role::kDate;
      date = true;
    } else if (!url && (StartsWith(v, "http://") || StartsWith(v, "https://"))) {
      roles[i] = Role::kUrl;
      url = true;
    } else if (utf8::CountCodePoints(v) <= 40) {
      roles[i] = Role::kUnnamed;
    }
  }
  return roles;
}

// Whitespace runs as one space, trimmed: a title split over lines in a CSV
// cell is one title.
std::string OneLine(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : utf8::Trim(v)) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "<p>…" or a page: the body is markup.
bool LooksLikeMarkup(std::string_view body) {
  const std::string_view head = utf8::Trim(body.substr(0, 4096));
  return !head.empty() && head[0] == '<';
}

std::string RecordHash(const Record& r) {
  std::string h = r.body_field + '\0' + r.body;
  for (const Stated& s : r.stated) {
    h += '\0';
    h += RoleName(s.role);
    h += '=';
    h += s.value;
  }
  return Sha256Hex(h);
}

// A raw record as a document, or an error message when it has no body.
std::optional<std::string> MakeRecord(RawRecord& raw, Kind kind, const FieldMap& user, Record* out) {
  const std::vector<Role> roles = raw.positional ? PositionalRoles(raw) : [&] {
    std::vector<Role> r;
    for (const RawField& f : raw.fields) r.push_back(RoleOf(f, user));
    return r;
  }();
  out->ordinal = raw.ordinal;
  out->byte_offset = raw.byte_offset;
  // The body: the payload, else the longest body field. A shorter body
  // field (a plain-text or truncated copy) and summaries are not used.
  size_t body = raw.fields.size();
  for (size_t i = 0; i < raw.fields.size(); ++i) {
    if (roles[i] == Role::kBody && !utf8::Trim(raw.fields[i].value).empty() &&
        (body == raw.fields.size() || raw.fields[i].value.size() > raw.fields[body].value.size())) {
      body = i;
    }
  }
  if (raw.payload) {
    out->body = std::move(*raw.payload);
    out->body_field = "payload";
  } else if (body < raw.fields.size()) {
    out->body = std::move(raw.fields[body].value);
    out->body_field = raw.fields[body].name;
  } else {
    std::string names;
    for (const RawField& f : raw.fields) names += (names.empty() ? "" : ", ") + f.name;
    return "the record has no body field (its fields: " + (names.empty() ? std::string("none") : names) +
           "); name it with --fields body=NAME";
  }
  if (kind != Kind::kWarc && LooksLikeMarkup(out->body)) out->body_format = "html";
  for (size_t i = 0; i < raw.fields.size(); ++i) {
    if (i == body || roles[i] == Role::kNone || roles[i] == Role::kBody || roles[i] == Role::kSummary) continue;
    std::string v = OneLine(raw.fields[i].value);
    if (v.empty()) continue;
    out->stated.push_back(Stated{roles[i], std::move(v), raw.fields[i].origin, raw.fields[i].name});
  }
  for (const Stated& s : out->stated) {
    if (s.role == Role::kCharset && out->charset.empty()) out->charset = s.value;
  }
  std::stable_sort(out->stated.begin(), out->stated.end(),
                   [](const Stated& a, const Stated& b) { return Depth(a.name) < Depth(b.name); });
  out->sha256 = RecordHash(*out);
  return std::nullopt;
}

// The record's key: its id, else its URL, else its ordinal, after its SQL
// table ("news_2024:17"); a key seen before in the file gets "@ordinal".
void AssignKey(Record* r, const std::string& table, std::set<std::string>* seen) {
  auto first = [&](Role role) -> std::string {
    for (const Stated& s : r->stated) {
      if (s.role == role) return s.value;
    }
    return "";
  };
  std::string key = first(Role::kId);
  if (key.empty()) key = first(Role::kUrl);
  if (key.empty()) key = std::to_string(r->ordinal);
  if (!table.empty()) key = table + ":" + key;
  if (!seen->insert(key).second) {
    key += "@" + std::to_string(r->ordinal);
    seen->insert(key);
  }
  r->key = key;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The start of a SQL dump: comments and SET lines, then a statement gongwen
// reads.
bool LooksLikeSql(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 65536);
  for (std::string_view cue : {"-- MySQL dump", "-- PostgreSQL database dump", "\nINSERT INTO ", "\nCOPY "}) {
    if (head.find(cue) != std::string_view::npos) return true;
  }
  return StartsWith(utf8::Trim(head), "INSERT INTO ");
}

// The first two lines each a whole object: JSON Lines.
bool LooksLikeJsonLines(std::string_view bytes) {
  int objects = 0;
  size_t i = 0;
  while (i < bytes.size() && objects < 2) {
    size_t eol = bytes.find('\n', i);
    if (eol == std::string_view::npos) eol = bytes.size();
    const std::string_view line = utf8::Trim(bytes.substr(i, eol - i));
    i = eol + 1;
    if (line.empty() || line == "\r") continue;
    std::string_view l = line;
    if (l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l.front() != '{' || l.back() != '}') return false;
    ++objects;
  }
  return objects == 2;
}

// A gzip stream whose first member starts with a WARC record (stdin has no
// file name to tell).
bool GzipHoldsWarc(std::string_view bytes) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return false;
  unsigned char out[16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size(), 1 << 16));
  z.next_out = out;
  z.avail_out = sizeof out;
  const int rc = inflate(&z, Z_NO_FLUSH);
  const size_t got = sizeof out - z.avail_out;
  inflateEnd(&z);
  return (rc == Z_OK || rc == Z_STREAM_END) && got >= 7 &&
         std::string_view(reinterpret_cast<char*>(out), 7) == "WARC/1.";
}

}  // namespace

std::string_view KindName(Kind kind) {
  for (const KindEntry& e : kKinds) {
    if (e.kind == kind) return e.name;
  }
  return "file";
}

std::string_view RoleName(Role role) {
  for (const RoleEntry& e : kRoles) {
    if (e.role == role) return e.name;
  }
  return "none";
}

std::optional<Role> RoleFromName(std::string_view name) {
  for (const RoleEntry& e : kRoles) {
    if (e.name == name) return e.role;
  }
  return std::nullopt;
}

std::string_view OriginName(Origin origin) {
  switch (origin) {
    case Origin::kRecordField: return "record_field";
    case Origin::kHttpHeader: return "http_header";
    case Origin::kWarcHeader: return "warc_header";
  }
  return "record_field";
}

std::string ParseFieldMap(std::string_view spec, FieldMap* out) {
  size_t i = 0;
  while (i <= spec.size()) {
    size_t comma = spec.find(',', i);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = utf8::Trim(spec.substr(i, comma - i));
    i = comma + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) return "--fields: expected ROLE=NAME, got \"" + std::string(item) + "\"";
    const auto role = RoleFromName(utf8::Trim(item.substr(0, eq)));
    const std::string_view name = utf8::Trim(item.substr(eq + 1));
    if (!role || *role == Role::kNone || *role == Role::kUnnamed) {
      return "--fields: unknown role \"" + std::string(item.substr(0, eq)) +
             "\" (body, title, url, date, charset, id, summary, doc_number, issuer, history)";
    }
    if (name.empty()) return "--fields: no field name for " + std::string(RoleName(*role));
    out->names.emplace_back(*role, std::string(name));
  }
  return "";
}

namespace {

// A page, a PDF or a Markdown file is a document whatever it quotes.
bool IsDocumentFile(const std::string& lower_path) {
  for (std::string_view ext : {".html", ".htm", ".shtml", ".md", ".markdown", ".pdf"}) {
    if (EndsWith(lower_path, ext)) return true;
  }
  return false;
}

// Where the JSON object that starts at `open` ends (after its '}'), strings
// and escapes respected; npos when it does not close.
size_t ObjectEnd(std::string_view s, size_t open) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{') ++depth;
    else if (c == '}' && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

// A text file that quotes one record as a JSON object amid other text (an
// app's source file whose comment holds an API response, `* data : {…}`):
// the record, when its body field is most of what the file says.
std::optional<RawRecords> EmbeddedRecord(std::string_view bytes, const FieldMap& fields) {
  constexpr int kCandidates = 16;
  size_t at = 0;
  for (int n = 0; n < kCandidates; ++n) {
    at = bytes.find("{\"", at);
    if (at == std::string_view::npos) return std::nullopt;
    const size_t end = ObjectEnd(bytes, at);
    if (end == std::string_view::npos) return std::nullopt;
    if ((end - at) * 10 >= bytes.size() * 3) {
      RawRecords r = internal::ReadJson(bytes.substr(at, end - at), false);
      if (r.records.size() == 1 && r.errors.empty()) {
        for (const RawField& f : r.records[0].fields) {
          if (RoleOf(f, fields) == Role::kBody && f.value.size() * 10 >= bytes.size() * 3) {
            r.records[0].byte_offset += static_cast<int64_t>(at);
            return r;
          }
        }
      }
    }
    at = end;
  }
  return std::nullopt;
}

}  // namespace

Kind Sniff(std::string_view bytes, std::string_view path) {
  const std::string p = utf8::AsciiLower(path);
  if (utf8::Trim(bytes).empty()) return Kind::kFile;  // extract says it is empty
  if (StartsWith(bytes, "WARC/1.")) return Kind::kWarc;
  if (StartsWith(bytes, "\x1f\x8b")) {
    return EndsWith(p, ".warc.gz") || EndsWith(p, ".warc") || GzipHoldsWarc(bytes) ? Kind::kWarc : Kind::kFile;
  }
  if (EndsWith(p, ".csv")) return Kind::kCsv;
  if (EndsWith(p, ".tsv")) return Kind::kTsv;
  const std::string_view head = utf8::Trim(bytes.substr(0, 4096));
  const bool json_start = !head.empty() && (head[0] == '{' || head[0] == '[') &&
                          (head[0] == '{' || [&] {
                            const std::string_view rest = utf8::Trim(head.substr(1));
                            return !rest.empty() && (rest[0] == '{' || rest[0] == '[' || rest[0] == '"' ||
                                                     rest[0] == ']');
                          }());
  if (EndsWith(p, ".jsonl") || EndsWith(p, ".ndjson")) return Kind::kJsonLines;
  if (EndsWith(p, ".json")) return LooksLikeJsonLines(bytes) ? Kind::kJsonLines : Kind::kJson;
  if (EndsWith(p, ".sql")) return Kind::kSql;
  // A page, a PDF or a Markdown file is a document whatever it quotes (an
  // INSERT in a <pre>); a .txt or stdin may be a saved record or dump.
  if (IsDocumentFile(p)) return Kind::kFile;
  if (json_start) return LooksLikeJsonLines(bytes) ? Kind::kJsonLines : Kind::kJson;
  if (LooksLikeSql(bytes)) return Kind::kSql;
  return Kind::kFile;
}

Unpacked Unpack(std::string_view bytes, std::string_view path, const FieldMap& fields, Position start) {
  Unpacked out;
  out.kind = Sniff(bytes, path);
  RawRecords raw;
  switch (out.kind) {
    case Kind::kFile: {
      std::optional<RawRecords> embedded;
      if (!IsDocumentFile(utf8::AsciiLower(path))) embedded = EmbeddedRecord(bytes, fields);
      if (!embedded) return out;
      out.kind = Kind::kJson;
      raw = std::move(*embedded);
      break;
    }
    case Kind::kJson: raw = internal::ReadJson(bytes, false); break;
    case Kind::kJsonLines: raw = internal::ReadJson(bytes, true); break;
    case Kind::kCsv: raw = internal::ReadDelimited(bytes, ','); break;
    case Kind::kTsv: raw = internal::ReadDelimited(bytes, '\t'); break;
    case Kind::kSql: raw = internal::ReadSql(bytes); break;
    case Kind::kWarc: raw = internal::ReadWarc(bytes); break;
  }
  for (RawRecord& r : raw.records) {
    r.ordinal += start.ordinal;
    r.byte_offset += start.byte;
  }
  for (auto* list : {&raw.errors, &raw.skipped}) {
    for (RecordError& e : *list) {
      if (e.ordinal > 0) e.ordinal += start.ordinal;
      e.byte_offset += start.byte;
    }
  }
  out.errors = std::move(raw.errors);
  out.skipped = std::move(raw.skipped);
  std::set<std::string> seen;
  const bool utf8_file = out.kind != Kind::kWarc && utf8::IsValid(bytes);
  for (RawRecord& r : raw.records) {
    Record rec;
    if (utf8_file) rec.charset = "utf-8";
    if (auto bad = MakeRecord(r, out.kind, fields, &rec)) {
      // A dump holds the CMS's other tables too (users, categories): their
      // rows are no documents. Elsewhere a record without a body is a fault.
      (out.kind == Kind::kSql ? out.skipped : out.errors).push_back(RecordError{r.ordinal, r.byte_offset, *bad});
      continue;
    }
    AssignKey(&rec, r.table, &seen);
    out.records.push_back(std::move(rec));
  }
  // Errors and records in file order, as the run reports them.
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const RecordError& a, const RecordError& b) { return a.ordinal < b.ordinal; });
  return out;
}

}  // namespace gongwen::container
