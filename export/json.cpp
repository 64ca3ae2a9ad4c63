#include "export/json.h"

#include "util/utf8.h"

#include <nlohmann/json.hpp>

namespace gongwen::output {
namespace {

using Json = nlohmann::ordered_json;

Json OptString(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

template <typename E>
Json OptName(const std::optional<E>& e) { return e ? Json(NameOf(*e)) : Json(nullptr); }

Json SpanJson(const CodePointSpan& s) { return Json::array({s.begin, s.end}); }

Json MoneyValue(int64_t fen) {
  if (fen % 100 == 0) return Json(fen / 100);
  return Json(static_cast<double>(fen) / 100.0);
}

Json AmountJson(const Amount& a) {
  Json j;
  j["kind"] = NameOf(a.kind);
  j["text"] = a.text;
  if (a.kind == AmountKind::kMoney) {
    j["value"] = MoneyValue(a.fen);
    j["currency"] = "CNY";
  } else if (a.kind == AmountKind::kPercent) {
    j["value"] = a.percent;
  } else {
    j["value"] = a.ratio;
  }
  j["qualifier"] = NameOf(a.qualifier);
  j["per"] = OptString(a.per);
  j["target"] = OptString(a.target);
  if (a.kind == AmountKind::kMoney) j["purpose"] = OptName(a.purpose);
  j["span"] = SpanJson(a.span);
  return j;
}

Json RecordJson(const std::optional<SourceInfo::Record>& r) {
  if (!r) return Json(nullptr);
  return {{"container", r->container}, {"key", r->key}, {"ordinal", r->ordinal}, {"byte", r->byte},
          {"body_field", r->body_field}};
}

// {"title": {"from": "record_field", "name": "metadata.title"}, …}
Json ProvenanceJson(const std::vector<Provenance>& provenance) {
  Json j = Json::object();
  for (const Provenance& p : provenance) {
    j[p.field] = {{"from", ValueFromName(p.from)}, {"name", OptString(p.name)},
                  {"span", p.span ? SpanJson(*p.span) : Json(nullptr)}};
  }
  return j;
}

Json PolicyJson(const Policy& p) {
  Json j;
  j["schema"] = kSchemaId;
  j["id"] = p.id;
  j["policy_key"] = p.policy_key;
  const SourceInfo& s = p.source;
  j["source"] = {{"path", utf8::EscapeInvalid(s.path)},
                 {"format", NameOf(s.format)},
                 {"sha256", s.sha256},
                 {"bytes", s.bytes},
                 {"encoding", s.encoding},
                 {"encoding_source", s.encoding_source},
                 {"pages", s.pages ? Json(*s.pages) : Json(nullptr)},
                 {"page_starts", p.page_starts.empty() ? Json(nullptr) : Json(p.page_starts)},
                 {"url", OptString(s.url)},
                 {"format_reason", OptString(s.format_reason)},
                 {"record", RecordJson(s.record)}};
  const Metadata& m = p.metadata;
  Json md;
  md["title"] = OptString(m.title);
  md["doc_number"] = OptString(m.doc_number);
  md["issuer"] = OptString(m.issuer);
  md["publisher"] = OptString(m.publisher);
  md["index_number"] = OptString(m.index_number);
  md["signed_date"] = OptString(m.signed_date);
  md["published_date"] = OptString(m.published_date);
  md["effective_from"] = OptString(m.effective_from);
  md["effective_until"] = OptString(m.effective_until);
  md["validity"] = OptString(m.validity);
  md["issuer_mark"] = OptString(m.issuer_mark);
  md["signer"] = OptString(m.signer);
  md["status"] = NameOf(m.status);
  md["status_as_of"] = OptString(m.status_as_of);
  md["addressees"] = m.addressees;
  md["cc"] = m.cc;
  md["disclosure"] = OptString(m.disclosure);
  md["printed_by"] = OptString(m.printed_by);
  md["printed_date"] = OptString(m.printed_date);
  md["topic_words"] = m.topic_words;
  md["attachments"] = Json::array();
  for (const Attachment& a : m.attachments) {
    md["attachments"].push_back({{"title", a.title}, {"href", OptString(a.href)}});
  }
  md["references"] = Json::array();
  for (const Reference& r : m.references) {
    md["references"].push_back({{"title", r.title}, {"doc_number", OptString(r.doc_number)}});
  }
  md["provenance"] = ProvenanceJson(m.provenance);
  j["metadata"] = std::move(md);
  j["text"] = p.text;
  j["clauses"] = Json::array();
  for (const Clause& c : p.clauses) {
    Json cj;
    cj["index"] = c.index;
    cj["parent"] = c.parent ? Json(*c.parent) : Json(nullptr);
    cj["level"] = c.level;
    cj["part"] = c.part;
    cj["path"] = c.path;
    cj["marker"] = c.marker;
    cj["style"] = NameOf(c.style);
    cj["heading"] = OptString(c.heading);
    cj["span"] = SpanJson(c.span);
    cj["amounts"] = Json::array();
    for (const Amount& a : c.amounts) cj["amounts"].push_back(AmountJson(a));
    cj["bureaus"] = Json::array();
    for (const BureauRef& b : c.bureaus) {
      cj["bureaus"].push_back({{"name", b.name},
                               {"canonical", OptString(b.canonical)},
                               {"role", NameOf(b.role)},
                               {"duty", OptName(b.duty)},
                               {"span", SpanJson(b.span)}});
    }
    j["clauses"].push_back(std::move(cj));
  }
  j["tables"] = Json::array();
  for (const Table& t : p.tables) {
    j["tables"].push_back({{"span", SpanJson(t.span)}, {"header", t.header}, {"rows", t.rows}});
  }
  Json repairs = Json::array();
  for (const Repair& r : p.repairs) {
    Json items = Json::array();
    for (const RepairItem& it : r.items) {
      items.push_back({{"at", it.at},
                       {"source", SpanJson(it.source)},
                       {"raw", it.raw_byte ? Json{{"line", it.raw_line ? Json(*it.raw_line) : Json(nullptr)},
                                                  {"byte", *it.raw_byte}}
                                           : Json(nullptr)},
                       {"before", it.before},
                       {"after", it.after}});
    }
    repairs.push_back({{"kind", NameOf(r.kind)}, {"count", r.items.size()}, {"items", std::move(items)}});
  }
  Json warnings = Json::array();
  for (const Warning& w : p.warnings) {
    warnings.push_back({{"code", NameOf(w.code)},
                        {"message", w.message},
                        {"span", w.span ? SpanJson(*w.span) : Json(nullptr)}});
  }
  j["quality"] = {{"repairs", std::move(repairs)}, {"warnings", std::move(warnings)}};
  return j;
}

}  // namespace

std::string ToJsonLine(const Policy& policy) {
  // Invalid UTF-8 cannot reach here (extract decodes), but never throw on it.
  return PolicyJson(policy).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ToJsonPretty(const Policy& policy) {
  return PolicyJson(policy).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

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
