#include "export/json_read.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <stdexcept>
#include <string>

#include "export/json.h"
#include "util/utf8.h"

namespace gongwen::output {
namespace {

using Json = nlohmann::ordered_json;

// Shape errors become one exception, caught once at the top.
struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const Json& Need(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw Bad(std::string("no \"") + key + "\"");
  return j[key];
}

std::string Str(const Json& j, const char* key) {
  const Json& v = Need(j, key);
  if (!v.is_string()) throw Bad(std::string("\"") + key + "\" is not a string");
  return v.get<std::string>();
}

std::optional<std::string> OptStr(const Json& j, const char* key) {
  const Json& v = Need(j, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) throw Bad(std::string("\"") + key + "\" is not a string or null");
  return v.get<std::string>();
}

int64_t Int(const Json& j, const char* key) {
  const Json& v = Need(j, key);
  if (!v.is_number_integer()) throw Bad(std::string("\"") + key + "\" is not a whole number");
  return v.get<int64_t>();
}

template <typename E>
E Enum(const Json& j, const char* key) {
  auto e = ParseName<E>(Str(j, key));
  if (!e) throw Bad(std::string("\"") + key + "\" has an unknown value");
  return *e;
}

template <typename E>
std::optional<E> OptEnum(const Json& j, const char* key) {
  if (Need(j, key).is_null()) return std::nullopt;
  return Enum<E>(j, key);
}

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  for (const Json& v : Need(j, key)) out.push_back(v.get<std::string>());
  return out;
}

CodePointSpan Span(const Json& j) {
  if (!j.is_array() || j.size() != 2) throw Bad("a span is not [begin, end]");
  return CodePointSpan{j[0].get<int64_t>(), j[1].get<int64_t>()};
}

SourceInfo ReadSource(const Json& s) {
  SourceInfo src;
  src.path = utf8::UnescapeInvalid(Str(s, "path"));
  src.format = Enum<SourceFormat>(s, "format");
  src.sha256 = Str(s, "sha256");
  src.bytes = Int(s, "bytes");
  src.encoding = Str(s, "encoding");
  src.encoding_source = Str(s, "encoding_source");
  if (!Need(s, "pages").is_null()) src.pages = static_cast<int>(Int(s, "pages"));
  src.url = OptStr(s, "url");
  src.format_reason = OptStr(s, "format_reason");
  if (const Json& r = Need(s, "record"); !r.is_null()) {
    src.record = SourceInfo::Record{Str(r, "container"), Str(r, "key"), Int(r, "ordinal"), Int(r, "byte"),
                                    Str(r, "body_field")};
  }
  return src;
}

Metadata ReadMetadata(const Json& m) {
  Metadata md;
  const std::pair<const char*, std::optional<std::string>*> scalars[] = {
      {"title", &md.title}, {"doc_number", &md.doc_number}, {"issuer", &md.issuer},
      {"publisher", &md.publisher}, {"index_number", &md.index_number}, {"signed_date", &md.signed_date},
      {"published_date", &md.published_date}, {"effective_from", &md.effective_from},
      {"effective_until", &md.effective_until}, {"validity", &md.validity}, {"issuer_mark", &md.issuer_mark},
      {"signer", &md.signer}, {"status_as_of", &md.status_as_of}, {"disclosure", &md.disclosure},
      {"printed_by", &md.printed_by}, {"printed_date", &md.printed_date}};
  for (const auto& [key, value] : scalars) *value = OptStr(m, key);
  md.status = Enum<PolicyState>(m, "status");
  md.addressees = Strings(m, "addressees");
  md.cc = Strings(m, "cc");
  md.topic_words = Strings(m, "topic_words");
  for (const Json& a : Need(m, "attachments")) md.attachments.push_back(Attachment{Str(a, "title"), OptStr(a, "href")});
  for (const Json& r : Need(m, "references")) md.references.push_back(Reference{Str(r, "title"), OptStr(r, "doc_number")});
  for (const auto& [field, p] : Need(m, "provenance").items()) {
    Provenance pv{field, Enum<ValueFrom>(p, "from"), OptStr(p, "name"), std::nullopt};
    if (!Need(p, "span").is_null()) pv.span = Span(p["span"]);
    md.provenance.push_back(std::move(pv));
  }
  return md;
}

Amount ReadAmount(const Json& a) {
  Amount x;
  x.kind = Enum<AmountKind>(a, "kind");
  x.text = Str(a, "text");
  const Json& v = Need(a, "value");
  if (x.kind == AmountKind::kMoney) {
    x.fen = v.is_number_integer() ? v.get<int64_t>() * 100 : std::llround(v.get<double>() * 100.0);
    x.purpose = OptEnum<AmountPurpose>(a, "purpose");
  } else if (x.kind == AmountKind::kPercent) {
    x.percent = v.get<double>();
  } else {
    x.ratio = v.get<std::vector<double>>();
  }
  x.qualifier = Enum<AmountQualifier>(a, "qualifier");
  x.per = OptStr(a, "per");
  x.target = OptStr(a, "target");
  x.span = Span(Need(a, "span"));
  return x;
}

Clause ReadClause(const Json& c) {
  Clause x;
  x.index = static_cast<int>(Int(c, "index"));
  if (!Need(c, "parent").is_null()) x.parent = static_cast<int>(Int(c, "parent"));
  x.level = static_cast<int>(Int(c, "level"));
  x.part = static_cast<int>(Int(c, "part"));
  x.path = Need(c, "path").get<std::vector<int>>();
  x.marker = Str(c, "marker");
  x.style = Enum<ClauseStyle>(c, "style");
  x.heading = OptStr(c, "heading");
  x.span = Span(Need(c, "span"));
  for (const Json& a : Need(c, "amounts")) x.amounts.push_back(ReadAmount(a));
  for (const Json& b : Need(c, "bureaus")) {
    x.bureaus.push_back(BureauRef{Str(b, "name"), OptStr(b, "canonical"), Enum<BureauRole>(b, "role"),
                                  OptEnum<BureauDuty>(b, "duty"), Span(Need(b, "span"))});
  }
  return x;
}

void ReadQuality(const Json& q, Policy* p) {
  for (const Json& r : Need(q, "repairs")) {
    Repair rep{Enum<RepairKind>(r, "kind"), {}};
    for (const Json& it : Need(r, "items")) {
      RepairItem item;
      item.at = Int(it, "at");
      item.source = Span(Need(it, "source"));
      if (const Json& raw = Need(it, "raw"); !raw.is_null()) {
        item.raw_line = static_cast<int>(Int(raw, "line"));
        item.raw_byte = Int(raw, "byte");
      }
      item.before = Str(it, "before");
      item.after = Str(it, "after");
      rep.items.push_back(std::move(item));
    }
    p->repairs.push_back(std::move(rep));
  }
  for (const Json& w : Need(q, "warnings")) {
    Warning x{Enum<WarningCode>(w, "code"), Str(w, "message"), std::nullopt};
    if (!Need(w, "span").is_null()) x.span = Span(w["span"]);
    p->warnings.push_back(std::move(x));
  }
}

}  // namespace

Result<Policy> PolicyFromJsonLine(std::string_view line) {
  const Json j = Json::parse(line, nullptr, false);
  if (j.is_discarded()) return Error{ErrorCode::kDecode, "not JSON"};
  try {
    if (Str(j, "schema") != kSchemaId) return Error{ErrorCode::kDecode, std::string("not a ") + kSchemaId + " record"};
    Policy p;
    p.id = Str(j, "id");
    p.policy_key = Str(j, "policy_key");
    p.source = ReadSource(Need(j, "source"));
    p.metadata = ReadMetadata(Need(j, "metadata"));
    p.text = Str(j, "text");
    for (const Json& c : Need(j, "clauses")) p.clauses.push_back(ReadClause(c));
    for (const Json& t : Need(j, "tables")) {
      p.tables.push_back(Table{Span(Need(t, "span")), Strings(t, "header"),
                               Need(t, "rows").get<std::vector<std::vector<std::string>>>()});
    }
    ReadQuality(Need(j, "quality"), &p);
    if (const Json& ps = Need(Need(j, "source"), "page_starts"); !ps.is_null()) {
      p.page_starts = ps.get<std::vector<int64_t>>();
    }
    return p;
  } catch (const Bad& e) {
    return Error{ErrorCode::kDecode, std::string("not shaped as ") + kSchemaId + ": " + e.what()};
  } catch (const Json::exception& e) {
    return Error{ErrorCode::kDecode, std::string("not shaped as ") + kSchemaId + ": " + e.what()};
  }
}

}  // namespace gongwen::output
