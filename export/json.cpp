#include "export/json.h"

#include "util/utf8.h"

#include <nlohmann/json.hpp>

namespace gongwen::output {
namespace {

using Json = nlohmann::ordered_json;

// Writes JSON as it goes, no tree: the bytes nlohmann's dump() writes for
// the same values (compact, keys in the order written, UTF-8 as it is,
// invalid UTF-8 replaced), which the golden files hold.
class Writer {
 public:
  std::string Take() { return std::move(out_); }

  Writer& Object() { return Open('{'); }
  Writer& Array() { return Open('['); }
  Writer& End() {
    out_ += open_.back() ? '}' : ']';
    open_.pop_back();
    first_.pop_back();
    return *this;
  }
  Writer& Key(std::string_view k) {
    Comma();
    Quoted(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  Writer& Str(std::string_view s) {
    Comma();
    Quoted(s);
    return *this;
  }
  Writer& OptStr(const std::optional<std::string>& s) { return s ? Str(*s) : Null(); }
  Writer& Int(int64_t v) {
    Comma();
    out_ += std::to_string(v);
    return *this;
  }
  Writer& Int(const std::optional<int>& v) { return v ? Int(*v) : Null(); }
  // nlohmann's shortest round-trip form (7.0, 0.5, 1e+20).
  Writer& Double(double v) {
    Comma();
    out_ += Json(v).dump();
    return *this;
  }
  Writer& Null() {
    Comma();
    out_ += "null";
    return *this;
  }
  template <typename E>
  Writer& Name(const std::optional<E>& e) { return e ? Str(NameOf(*e)) : Null(); }
  Writer& Span(const CodePointSpan& s) { return Array().Int(s.begin).Int(s.end).End(); }
  Writer& Strings(const std::vector<std::string>& list) {
    Array();
    for (const std::string& s : list) Str(s);
    return End();
  }

 private:
  Writer& Open(char c) {
    Comma();
    out_ += c;
    open_.push_back(c == '{');
    first_.push_back(true);
    return *this;
  }
  void Comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void Quoted(std::string_view s) {
    if (!utf8::IsValid(s)) {  // as nlohmann replaces it
      out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> open_;   // object (true) or array
  std::vector<bool> first_;  // nothing written in it yet
  bool after_key_ = false;
};

void WriteMoney(Writer& w, int64_t fen) {
  if (fen % 100 == 0) {
    w.Int(fen / 100);
  } else {
    w.Double(static_cast<double>(fen) / 100.0);
  }
}

void WriteAmount(Writer& w, const Amount& a) {
  w.Object().Key("kind").Str(NameOf(a.kind)).Key("text").Str(a.text);
  w.Key("value");
  if (a.kind == AmountKind::kMoney) {
    WriteMoney(w, a.fen);
    w.Key("currency").Str("CNY");
  } else if (a.kind == AmountKind::kPercent) {
    w.Double(a.percent);
  } else {
    w.Array();
    for (double r : a.ratio) w.Double(r);
    w.End();
  }
  w.Key("qualifier").Str(NameOf(a.qualifier)).Key("per").OptStr(a.per).Key("target").OptStr(a.target);
  if (a.kind == AmountKind::kMoney) w.Key("purpose").Name(a.purpose);
  w.Key("span").Span(a.span).End();
}

void WriteSource(Writer& w, const Policy& p) {
  const SourceInfo& s = p.source;
  w.Key("source").Object();
  w.Key("path").Str(utf8::EscapeInvalid(s.path)).Key("format").Str(NameOf(s.format));
  w.Key("sha256").Str(s.sha256).Key("bytes").Int(s.bytes);
  w.Key("encoding").Str(s.encoding).Key("encoding_source").Str(s.encoding_source);
  w.Key("pages").Int(s.pages).Key("page_starts");
  if (p.page_starts.empty()) {
    w.Null();
  } else {
    w.Array();
    for (int64_t b : p.page_starts) w.Int(b);
    w.End();
  }
  w.Key("url").OptStr(s.url).Key("format_reason").OptStr(s.format_reason).Key("record");
  if (const auto& r = s.record) {
    w.Object().Key("container").Str(r->container).Key("key").Str(r->key).Key("ordinal").Int(r->ordinal);
    w.Key("byte").Int(r->byte).Key("body_field").Str(r->body_field).End();
  } else {
    w.Null();
  }
  w.End();
}

void WriteMetadata(Writer& w, const Metadata& m) {
  w.Key("metadata").Object();
  const std::pair<const char*, const std::optional<std::string>*> head[] = {
      {"title", &m.title}, {"doc_number", &m.doc_number}, {"issuer", &m.issuer}, {"publisher", &m.publisher},
      {"index_number", &m.index_number}, {"signed_date", &m.signed_date}, {"published_date", &m.published_date},
      {"effective_from", &m.effective_from}, {"effective_until", &m.effective_until}, {"validity", &m.validity},
      {"issuer_mark", &m.issuer_mark}, {"signer", &m.signer}};
  for (const auto& [key, value] : head) w.Key(key).OptStr(*value);
  w.Key("status").Str(NameOf(m.status)).Key("status_as_of").OptStr(m.status_as_of);
  w.Key("addressees").Strings(m.addressees).Key("cc").Strings(m.cc);
  w.Key("disclosure").OptStr(m.disclosure).Key("printed_by").OptStr(m.printed_by).Key("printed_date").OptStr(m.printed_date);
  w.Key("topic_words").Strings(m.topic_words);
  w.Key("attachments").Array();
  for (const Attachment& a : m.attachments) w.Object().Key("title").Str(a.title).Key("href").OptStr(a.href).End();
  w.End().Key("references").Array();
  for (const Reference& r : m.references) {
    w.Object().Key("title").Str(r.title).Key("doc_number").OptStr(r.doc_number).End();
  }
  // {"title": {"from": "record_field", "name": "metadata.title", "span": …}, …}
  w.End().Key("provenance").Object();
  for (const Provenance& p : m.provenance) {
    w.Key(p.field).Object().Key("from").Str(ValueFromName(p.from)).Key("name").OptStr(p.name).Key("span");
    if (p.span) {
      w.Span(*p.span);
    } else {
      w.Null();
    }
    w.End();
  }
  w.End().End();
}

void WriteClause(Writer& w, const Clause& c) {
  w.Object().Key("index").Int(c.index).Key("parent").Int(c.parent).Key("level").Int(c.level);
  w.Key("part").Int(c.part).Key("path").Array();
  for (int x : c.path) w.Int(x);
  w.End().Key("marker").Str(c.marker).Key("style").Str(NameOf(c.style)).Key("heading").OptStr(c.heading);
  w.Key("span").Span(c.span).Key("amounts").Array();
  for (const Amount& a : c.amounts) WriteAmount(w, a);
  w.End().Key("bureaus").Array();
  for (const BureauRef& b : c.bureaus) {
    w.Object().Key("name").Str(b.name).Key("canonical").OptStr(b.canonical).Key("role").Str(NameOf(b.role));
    w.Key("duty").Name(b.duty).Key("span").Span(b.span).End();
  }
  w.End().End();
}

void WriteQuality(Writer& w, const Policy& p) {
  w.Key("quality").Object().Key("repairs").Array();
  for (const Repair& r : p.repairs) {
    w.Object().Key("kind").Str(NameOf(r.kind)).Key("count").Int(static_cast<int64_t>(r.items.size()));
    w.Key("items").Array();
    for (const RepairItem& it : r.items) {
      w.Object().Key("at").Int(it.at).Key("source").Span(it.source).Key("raw");
      if (it.raw_byte) {
        w.Object().Key("line").Int(it.raw_line).Key("byte").Int(*it.raw_byte).End();
      } else {
        w.Null();
      }
      w.Key("before").Str(it.before).Key("after").Str(it.after).End();
    }
    w.End().End();
  }
  w.End().Key("warnings").Array();
  for (const Warning& x : p.warnings) {
    w.Object().Key("code").Str(NameOf(x.code)).Key("message").Str(x.message).Key("span");
    if (x.span) {
      w.Span(*x.span);
    } else {
      w.Null();
    }
    w.End();
  }
  w.End().End();
}

}  // namespace

std::string ToJsonLine(const Policy& p) {
  Writer w;
  w.Object().Key("schema").Str(kSchemaId).Key("id").Str(p.id).Key("policy_key").Str(p.policy_key);
  WriteSource(w, p);
  WriteMetadata(w, p.metadata);
  w.Key("text").Str(p.text).Key("clauses").Array();
  for (const Clause& c : p.clauses) WriteClause(w, c);
  w.End().Key("tables").Array();
  for (const Table& t : p.tables) {
    w.Object().Key("span").Span(t.span).Key("header").Strings(t.header).Key("rows").Array();
    for (const std::vector<std::string>& row : t.rows) w.Strings(row);
    w.End().End();
  }
  w.End();
  WriteQuality(w, p);
  w.End();
  return w.Take();
}

// The same bytes as nlohmann's dump(2) of the tree the line is.
std::string ToJsonPretty(const Policy& policy) { return PrettyFromLine(ToJsonLine(policy)); }

std::string PrettyFromLine(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 2);
  int depth = 0;
  auto newline = [&](int d) {
    out += '\n';
    out.append(2 * static_cast<size_t>(d), ' ');
  };
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    switch (c) {
      case '"': {  // a string, escapes and all, as it is
        const size_t start = i;
        for (++i; i < line.size() && line[i] != '"'; ++i) {
          if (line[i] == '\\') ++i;
        }
        out.append(line, start, i - start + 1);
        break;
      }
      case '{':
      case '[':
        if (i + 1 < line.size() && (line[i + 1] == '}' || line[i + 1] == ']')) {
          out += c;
          out += line[++i];  // {} and [] stay on one line
        } else {
          out += c;
          newline(++depth);
        }
        break;
      case '}':
      case ']':
        newline(--depth);
        out += c;
        break;
      case ',':
        out += ',';
        newline(depth);
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  out += '\n';
  return out;
}

std::string ErrorJsonLine(const std::string& path, const Error& error) {
  Json j;
  j["path"] = path;
  j["code"] = ErrorCodeName(error.code);
  j["byte"] = error.byte_offset ? Json(*error.byte_offset) : Json(nullptr);
  j["page"] = error.page ? Json(*error.page) : Json(nullptr);
  j["message"] = error.message;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace gongwen::output
