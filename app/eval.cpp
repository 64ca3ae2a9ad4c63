#include "app/eval.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/vocab.h"

namespace gongwen::eval {
namespace {

namespace fs = std::filesystem;
// Insertion-ordered like Python's dict; a repeated key keeps its first place
// and its last value, as json.load does.
using Json = nlohmann::ordered_json;

const char* const kMeta[] = {"title",          "doc_number",     "issuer",         "signed_date",
                             "published_date", "effective_from", "effective_until"};
const char* const kItemFields[] = {"clauses", "money", "percent", "ratio", "bureaus"};

// A structural problem found while reading a gold file or a run record.
struct Bad {
  std::string message;
};

// ---- Python's view of JSON values (score.py applies str(), float(), ==) ----

bool Truthy(const Json& v) {
  switch (v.type()) {
    case Json::value_t::boolean:
      return v.get<bool>();
    case Json::value_t::number_integer:
      return v.get<int64_t>() != 0;
    case Json::value_t::number_unsigned:
      return v.get<uint64_t>() != 0;
    case Json::value_t::number_float:
      return v.get<double>() != 0.0;
    case Json::value_t::string:
      return !v.get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object:
      return !v.empty();
    default:
      return false;
  }
}

const Json& NullJson() {
  static const Json null_value;
  return null_value;
}

// obj.get(key), obj known to be an object.
const Json& Get(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? NullJson() : *it;
}

// `x or default` where x must be an object / array when it is truthy.
const Json* ObjectOrNone(const Json& v, const std::string& what) {
  if (!Truthy(v)) return nullptr;
  if (!v.is_object()) throw Bad{what + " is not an object"};
  return &v;
}
const Json* ArrayOrNone(const Json& v, const std::string& what) {
  if (!Truthy(v)) return nullptr;
  if (!v.is_array()) throw Bad{what + " is not a list"};
  return &v;
}

// repr(float): shortest round-trip digits, exponent form below 1e-4 and
// from 1e16.
std::string PyFloatRepr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[40];
  int precision = 1;
  for (; precision < 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
  std::string s = buf;
  std::string sign;
  if (s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  size_t e_at = s.find('e');
  int exponent = std::atoi(s.c_str() + e_at + 1);
  std::string digits = s.substr(0, e_at);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (exponent < -4 || exponent >= 16) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  if (exponent < 0) return sign + "0." + std::string(-exponent - 1, '0') + digits;
  std::string whole = digits.substr(0, std::min<size_t>(digits.size(), exponent + 1));
  whole += std::string(exponent + 1 - whole.size(), '0');
  std::string frac =
      digits.size() > static_cast<size_t>(exponent + 1) ? digits.substr(exponent + 1) : "0";
  return sign + whole + "." + frac;
}

std::string PyRepr(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "None";
    case Json::value_t::boolean:
      return v.get<bool>() ? "True" : "False";
    case Json::value_t::number_integer:
      return std::to_string(v.get<int64_t>());
    case Json::value_t::number_unsigned:
      return std::to_string(v.get<uint64_t>());
    case Json::value_t::number_float:
      return PyFloatRepr(v.get<double>());
    case Json::value_t::string: {
      const std::string& s = v.get_ref<const std::string&>();
      char quote =
          s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
      std::string out(1, quote);
      for (unsigned char c : s) {
        if (c == '\\' || c == static_cast<unsigned char>(quote)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c == '\n') {
          out += "\\n";
        } else if (c == '\r') {
          out += "\\r";
        } else if (c == '\t') {
          out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02x", c);
          out += hex;
        } else {
          out += static_cast<char>(c);
        }
      }
      return out + quote;
    }
    case Json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + PyRepr(v[i]);
      return out + "]";
    }
    case Json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, x] : v.items()) {
        out += (first ? "" : ", ") + PyRepr(Json(k)) + ": " + PyRepr(x);
        first = false;
      }
      return out + "}";
    }
    default:
      return "None";
  }
}

// norm(v): None stays None; anything else is str()'d and normalized.
std::optional<std::string> NormValue(const Json& v) {
  if (v.is_null()) return std::nullopt;
  return Norm(v.is_string() ? v.get_ref<const std::string&>() : PyRepr(v));
}

// float(v) for a number, a bool or a numeric string.
double PyFloat(const Json& v, const std::string& what) {
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    const char* ws = " \t\n\r\f\v";
    s.erase(0, s.find_first_not_of(ws));
    s.erase(s.find_last_not_of(ws) + 1);
    char* end = nullptr;
    bool hex = s.find_first_of("xX") != std::string::npos;
    double d = s.empty() || hex ? 0.0 : std::strtod(s.c_str(), &end);
    if (!s.empty() && !hex && end == s.c_str() + s.size()) return d;
  }
  throw Bad{what + " is not a number: " + v.dump()};
}

// A clause's key (part, *path) as Python compares it: 1 == 1.0 == True.
struct Key {
  std::vector<std::string> canon;
  std::string shown;  // score.py's show(): "[1, 2]" or "part 2 [1, 2]"
  bool operator<(const Key& o) const { return canon < o.canon; }
  bool operator==(const Key& o) const { return canon == o.canon; }
};

std::string Canon(const Json& v, const std::string& what) {
  double d = 0;
  switch (v.type()) {
    case Json::value_t::null:
      return "None";
    case Json::value_t::string:
      return "s:" + v.get<std::string>();
    case Json::value_t::boolean:
      return v.get<bool>() ? "i:1" : "i:0";
    case Json::value_t::number_integer:
      return "i:" + std::to_string(v.get<int64_t>());
    case Json::value_t::number_unsigned:
      return "i:" + std::to_string(v.get<uint64_t>());
    case Json::value_t::number_float:
      d = v.get<double>();
      if (std::isfinite(d) && d == std::floor(d)) {
        char buf[400];
        std::snprintf(buf, sizeof buf, "i:%.0f", d == 0 ? 0.0 : d);
        return buf;
      }
      return "f:" + PyFloatRepr(d);
    default:
      throw Bad{what + " holds a list or an object"};
  }
}

Key MakeKey(const Json& clause, const Json& path, const std::string& what) {
  const Json& part_value = Get(clause, "part");
  Json part = Truthy(part_value) ? part_value : Json(1);
  Key key;
  key.canon.push_back(Canon(part, what + ".part"));
  std::string shown = "[";
  if (Truthy(path)) {
    if (!path.is_array()) throw Bad{what + ".path is not a list"};
    for (size_t i = 0; i < path.size(); ++i) {
      key.canon.push_back(Canon(path[i], what + ".path"));
      shown += (i ? ", " : "") + PyRepr(path[i]);
    }
  }
  shown += "]";
  key.shown =
      key.canon[0] == "i:1"
          ? shown
          : "part " + (part.is_string() ? part.get<std::string>() : PyRepr(part)) + " " + shown;
  return key;
}

// ---- documents as score.py sees them ----

struct Clause {
  Key key;
  std::vector<double> money, percent;  // money rounded to the yuan
  std::vector<std::string> ratio;      // "1:0.5"
  // gold: per entry, its acceptable spellings
  std::vector<std::vector<std::optional<std::string>>> bureaus;
  // run: the names of its responsible bureaus (role absent or "responsible")
  std::vector<std::optional<std::string>> names;
  bool has_heading = false;  // gold: heading is not null
  std::optional<std::string> heading;
  Json heading_raw;
};

struct Doc {
  std::map<std::string, Json> meta;  // raw values of kMeta, null when absent
  std::map<Key, Clause> clauses;     // a repeated key keeps the last clause
};

double MoneyKey(double v) { return std::nearbyint(v); }  // round(v, 0): half to even

std::string RatioKey(const Json& terms, const std::string& what) {
  std::string s;
  for (size_t i = 0; i < terms.size(); ++i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", PyFloat(terms[i], what));
    s += (i ? ":" : "") + std::string(buf);
  }
  return s;
}

std::vector<std::optional<std::string>> Alternatives(const Json& b) {
  std::vector<std::optional<std::string>> alts;
  if (b.is_array()) {
    for (const Json& x : b) alts.push_back(NormValue(x));
  } else {
    alts.push_back(NormValue(b));
  }
  return alts;
}

Doc ReadGoldDoc(const Json& gold) {
  Doc doc;
  const Json* meta = ObjectOrNone(Get(gold, "metadata"), "metadata");
  for (const char* k : kMeta) doc.meta[k] = meta ? Get(*meta, k) : Json();
  const Json* clauses = ArrayOrNone(Get(gold, "clauses"), "clauses");
  if (!clauses) return doc;
  for (size_t i = 0; i < clauses->size(); ++i) {
    const Json& c = (*clauses)[i];
    std::string what = "clauses[" + std::to_string(i) + "]";
    if (!c.is_object()) throw Bad{what + " is not an object"};
    if (!c.contains("path")) throw Bad{what + " has no path"};
    if (!c["path"].is_array()) throw Bad{what + ".path is not a list"};
    Clause clause;
    clause.key = MakeKey(c, c["path"], what);
    // A gold clause lists its amounts by kind: "money": [...], "percent": [...].
    for (const Named<AmountKind>& kind : Names<AmountKind>::kTable) {
      const Json* values = ArrayOrNone(Get(c, kind.name), what + "." + kind.name);
      if (!values) continue;
      for (const Json& v : *values) {
        std::string vwhat = what + "." + kind.name;
        if (kind.value == AmountKind::kRatio) {
          if (!v.is_array()) throw Bad{vwhat + " holds a ratio that is not a list"};
          clause.ratio.push_back(RatioKey(v, vwhat));
        } else if (kind.value == AmountKind::kMoney) {
          clause.money.push_back(MoneyKey(PyFloat(v, vwhat)));
        } else {
          clause.percent.push_back(PyFloat(v, vwhat));
        }
      }
    }
    if (const Json* bureaus = ArrayOrNone(Get(c, "bureaus"), what + ".bureaus")) {
      for (const Json& b : *bureaus) clause.bureaus.push_back(Alternatives(b));
    }
    clause.heading_raw = Get(c, "heading");
    clause.has_heading = !clause.heading_raw.is_null();
    clause.heading = NormValue(clause.heading_raw);
    doc.clauses[clause.key] = std::move(clause);
  }
  return doc;
}

Doc ReadRunDoc(const Json& record) {
  Doc doc;
  const Json* meta = ObjectOrNone(Get(record, "metadata"), "metadata");
  for (const char* k : kMeta) doc.meta[k] = meta ? Get(*meta, k) : Json();
  const Json* clauses = ArrayOrNone(Get(record, "clauses"), "clauses");
  if (!clauses) return doc;
  for (size_t i = 0; i < clauses->size(); ++i) {
    const Json& c = (*clauses)[i];
    std::string what = "clauses[" + std::to_string(i) + "]";
    if (!c.is_object()) throw Bad{what + " is not an object"};
    Clause clause;
    clause.key = MakeKey(c, Get(c, "path"), what);
    if (const Json* amounts = ArrayOrNone(Get(c, "amounts"), what + ".amounts")) {
      for (const Json& a : *amounts) {
        std::string awhat = what + ".amounts";
        if (!a.is_object()) throw Bad{awhat + " holds a non-object"};
        const Json& kind_name = Get(a, "kind");
        const std::optional<AmountKind> kind =
            kind_name.is_string() ? ParseName<AmountKind>(kind_name.get_ref<const std::string&>()) : std::nullopt;
        const Json& v = Get(a, "value");
        if (kind == AmountKind::kRatio) {
          if (v.is_array()) clause.ratio.push_back(RatioKey(v, awhat));
        } else if (kind && (v.is_number() || v.is_boolean())) {
          double d = PyFloat(v, awhat);
          (kind == AmountKind::kMoney ? clause.money : clause.percent)
              .push_back(kind == AmountKind::kMoney ? MoneyKey(d) : d);
        }
      }
    }
    if (const Json* bureaus = ArrayOrNone(Get(c, "bureaus"), what + ".bureaus")) {
      for (const Json& b : *bureaus) {
        if (!b.is_object()) throw Bad{what + ".bureaus holds a non-object"};
        if (b.contains("role") && b.at("role") != NameOf(BureauRole::kResponsible)) continue;
        clause.names.push_back(NormValue(Get(b, "name")));
      }
    }
    clause.heading_raw = Get(c, "heading");
    clause.heading = NormValue(clause.heading_raw);
    doc.clauses[clause.key] = std::move(clause);
  }
  return doc;
}

// ---- reading files ----

bool ReadFile(const fs::path& path, std::string* data, std::string* why) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *why = "is a folder, not a file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *why = "cannot open";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *why = "cannot read";
    return false;
  }
  *data = ss.str();
  return true;
}

// "parse error at line L, column C: …" without nlohmann's "[json.exception…] ".
std::string ParseMessage(const nlohmann::json::parse_error& e) {
  std::string m = e.what();
  if (!m.empty() && m[0] == '[') {
    size_t close = m.find("] ");
    if (close != std::string::npos) m.erase(0, close + 2);
  }
  return m;
}

struct GoldFile {
  std::string path;
  std::vector<std::string> sources;
  Doc doc;
};

void ReadGold(const std::string& dir, std::vector<GoldFile>* golds,
              std::vector<Problem>* problems) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    problems->push_back({dir, "gold folder not found", std::nullopt});
    return;
  }
  if (!fs::is_directory(dir, ec)) {
    problems->push_back({dir, "gold is not a folder", std::nullopt});
    return;
  }
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0) names.push_back(name);
  }
  if (ec) {
    problems->push_back({dir, "cannot list the gold folder: " + ec.message(), std::nullopt});
    return;
  }
  std::sort(names.begin(), names.end());
  if (names.empty()) {
    problems->push_back({dir, "no gold files (*.json) in the folder", std::nullopt});
    return;
  }
  for (const std::string& name : names) {
    std::string path = (fs::path(dir) / name).string();
    std::string data, why;
    if (!ReadFile(path, &data, &why)) {
      problems->push_back({path, why, std::nullopt});
      continue;
    }
    Json gold;
    try {
      gold = Json::parse(data);
    } catch (const nlohmann::json::parse_error& e) {
      problems->push_back({path, "invalid JSON: " + ParseMessage(e),
                           static_cast<int64_t>(e.byte > 0 ? e.byte - 1 : 0)});
      continue;
    } catch (const nlohmann::json::exception& e) {  // a number past double's range
      problems->push_back({path, std::string("invalid JSON: ") + e.what(), std::nullopt});
      continue;
    }
    try {
      if (!gold.is_object()) throw Bad{"not a JSON object"};
      GoldFile g;
      g.path = path;
      if (const Json* sources = ArrayOrNone(Get(gold, "sources"), "sources")) {
        for (const Json& s : *sources) {
          if (!s.is_string()) throw Bad{"sources holds a non-string: " + s.dump()};
          g.sources.push_back(s.get<std::string>());
        }
      } else {
        const Json& s = Get(gold, "source");
        if (s.is_null()) throw Bad{"names no source (\"source\" or \"sources\")"};
        if (!s.is_string()) throw Bad{"source is not a string: " + s.dump()};
        g.sources.push_back(s.get<std::string>());
      }
      g.doc = ReadGoldDoc(gold);
      golds->push_back(std::move(g));
    } catch (const Bad& bad) {
      problems->push_back({path, bad.message, std::nullopt});
    }
  }
}

// Records by base name of source.path; the last of a name wins.
void ReadRun(const std::string& path, std::map<std::string, Doc>* docs, int* records,
             std::vector<Problem>* problems) {
  std::string data, why;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    problems->push_back({path, "run file not found", std::nullopt});
    return;
  }
  if (!ReadFile(path, &data, &why)) {
    problems->push_back({path, why, std::nullopt});
    return;
  }
  size_t start = 0;
  int line_no = 0;
  while (start < data.size()) {
    size_t nl = data.find('\n', start);
    size_t end = nl == std::string::npos ? data.size() : nl;
    ++line_no;
    std::string_view line(data.data() + start, end - start);
    const char* ws = " \t\r\f\v";
    size_t first = line.find_first_not_of(ws);
    if (first != std::string_view::npos) {
      size_t last = line.find_last_not_of(ws);
      std::string_view body = line.substr(first, last - first + 1);
      std::string where = "line " + std::to_string(line_no) + ": ";
      try {
        Json record = Json::parse(body);
        if (!record.is_object()) throw Bad{"not a JSON object"};
        std::string name;
        if (const Json* source = ObjectOrNone(Get(record, "source"), "source")) {
          const Json& p = Get(*source, "path");
          if (Truthy(p)) {
            if (!p.is_string()) throw Bad{"source.path is not a string"};
            name = p.get<std::string>();
            name = name.substr(name.rfind('/') + 1);  // npos + 1 == 0
          }
        }
        (*docs)[name] = ReadRunDoc(record);
        ++*records;
      } catch (const nlohmann::json::parse_error& e) {
        std::string m = ParseMessage(e);
        const std::string one = "at line 1, ";
        if (size_t at = m.find(one); at != std::string::npos) m.replace(at, one.size(), "at ");
        problems->push_back({path, where + "invalid JSON: " + m,
                             static_cast<int64_t>(start + first + (e.byte > 0 ? e.byte - 1 : 0))});
      } catch (const Bad& bad) {
        problems->push_back({path, where + bad.message, static_cast<int64_t>(start + first)});
      } catch (const nlohmann::json::exception& e) {
        // A number past double's range (1e3333) is out_of_range, not a
        // parse_error; found by fuzzing (eval_json).
        problems->push_back({path, where + "invalid JSON: " + e.what(), static_cast<int64_t>(start + first)});
      }
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
}

// ---- scoring ----

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  void Add(int64_t t, int64_t f, int64_t n) {
    tp += t;
    fp += f;
    fn += n;
  }
};

template <typename T>
Counts MultisetMatch(const std::map<T, int64_t>& gold, const std::map<T, int64_t>& pred) {
  Counts c;
  int64_t g_total = 0, p_total = 0;
  for (const auto& [k, n] : gold) {
    g_total += n;
    auto it = pred.find(k);
    if (it != pred.end()) c.tp += std::min(n, it->second);
  }
  for (const auto& [k, n] : pred) p_total += n;
  c.fp = p_total - c.tp;
  c.fn = g_total - c.tp;
  return c;
}

// Greedy, in gold order: the first acceptable spelling still unmatched.
Counts MatchBureaus(const std::vector<std::vector<std::optional<std::string>>>& gold,
                    std::vector<std::optional<std::string>> pred) {
  Counts c;
  for (const auto& alts : gold) {
    for (const auto& a : alts) {
      auto hit = std::find(pred.begin(), pred.end(), a);
      if (hit != pred.end()) {
        pred.erase(hit);
        ++c.tp;
        break;
      }
    }
  }
  c.fp = static_cast<int64_t>(pred.size());
  c.fn = static_cast<int64_t>(gold.size()) - c.tp;
  return c;
}

std::string ShowOpt(const std::optional<std::string>& s) { return s ? Json(*s).dump() : "null"; }

std::string ShowList(const std::vector<std::optional<std::string>>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + ShowOpt(v[i]);
  return out + "]";
}

struct Scorer {
  std::map<std::string, Counts> items;
  std::map<std::string, std::pair<int64_t, int64_t>> meta;  // correct, total
  int64_t head_ok = 0, head_n = 0;
  std::vector<std::string> misses;

  void Score(const std::string& src, const Doc& gold, const Doc& out) {
    for (const char* k : kMeta) {
      const Json& gv = gold.meta.at(k);
      auto oit = out.meta.find(k);
      const Json& ov = oit == out.meta.end() ? NullJson() : oit->second;
      bool ov_empty = ov.is_null() ||
                      (ov.is_string() && ov.get_ref<const std::string&>().empty()) ||
                      (ov.is_array() && ov.empty());
      if (gv.is_null() && ov_empty) continue;
      auto& [ok, n] = meta[k];
      ++n;
      if (NormValue(gv) == NormValue(ov)) {
        ++ok;
      } else {
        misses.push_back("meta " + src + " " + k + ": gold=" + gv.dump() + " out=" + ov.dump());
      }
    }

    std::map<Key, int64_t> gkeys, okeys;
    for (const auto& [k, c] : gold.clauses) gkeys[k] = 1;
    for (const auto& [k, c] : out.clauses) okeys[k] = 1;
    Counts cl = MultisetMatch(gkeys, okeys);
    items["clauses"].Add(cl.tp, cl.fp, cl.fn);
    for (const auto& [k, c] : gold.clauses) {
      if (!out.clauses.count(k)) misses.push_back("clause missing " + src + " " + k.shown);
    }
    for (const auto& [k, c] : out.clauses) {
      if (!gold.clauses.count(k)) misses.push_back("clause extra   " + src + " " + k.shown);
    }

    ScoreAmounts<double>(
        src, "money", gold, out, [](const Clause& c) { return c.money; },
        [](double v) { return PyFloatRepr(v); });
    ScoreAmounts<double>(
        src, "percent", gold, out, [](const Clause& c) { return c.percent; },
        [](double v) { return PyFloatRepr(v); });
    ScoreAmounts<std::string>(
        src, "ratio", gold, out, [](const Clause& c) { return c.ratio; },
        [](const std::string& v) { return v; });

    for (const auto& [k, gc] : gold.clauses) {
      auto oit = out.clauses.find(k);
      const std::vector<std::optional<std::string>> ob =
          oit == out.clauses.end() ? std::vector<std::optional<std::string>>{} : oit->second.names;
      Counts b = MatchBureaus(gc.bureaus, ob);
      items["bureaus"].Add(b.tp, b.fp, b.fn);
      if (b.fp || b.fn) {
        std::string g = "[";
        for (size_t i = 0; i < gc.bureaus.size(); ++i) {
          const auto& alts = gc.bureaus[i];
          g += (i ? ", " : "") + (alts.size() == 1 ? ShowOpt(alts[0]) : ShowList(alts));
        }
        misses.push_back("bureaus " + src + " " + k.shown + " gold=" + g + "] out=" + ShowList(ob));
      }
      if (gc.has_heading && oit != out.clauses.end()) {
        ++head_n;
        if (gc.heading == oit->second.heading) {
          ++head_ok;
        } else {
          misses.push_back("heading " + src + " " + k.shown + " gold=" + gc.heading_raw.dump() +
                           " out=" + oit->second.heading_raw.dump());
        }
      }
    }
    for (const auto& [k, oc] : out.clauses) {
      if (gold.clauses.count(k)) continue;
      items["bureaus"].fp += static_cast<int64_t>(oc.names.size());
    }
  }

  template <typename T, typename Values, typename Show>
  void ScoreAmounts(const std::string& src, const std::string& kind, const Doc& gold,
                    const Doc& out, Values values, Show show) {
    std::map<std::pair<Key, T>, int64_t> g, o;
    for (const auto& [k, c] : gold.clauses) {
      for (const T& v : values(c)) ++g[{k, v}];
    }
    for (const auto& [k, c] : out.clauses) {
      for (const T& v : values(c)) ++o[{k, v}];
    }
    Counts c = MultisetMatch(g, o);
    items[kind].Add(c.tp, c.fp, c.fn);
    auto list = [&](const auto& a, const auto& b, const char* what) {
      for (const auto& [kv, n] : a) {
        auto it = b.find(kv);
        int64_t left = n - (it == b.end() ? 0 : std::min(n, it->second));
        if (left <= 0) continue;
        misses.push_back(kind + " " + what + " " + src + " " + kv.first.shown + " " +
                         show(kv.second) + (left > 1 ? " (x" + std::to_string(left) + ")" : ""));
      }
    };
    list(g, o, "missing");
    list(o, g, "extra  ");
  }
};

void Prf(FieldScore* f) {
  const double tp = static_cast<double>(f->tp), fp = static_cast<double>(f->fp),
               fn = static_cast<double>(f->fn);
  f->precision = f->tp + f->fp ? tp / (tp + fp) : 1.0;
  f->recall = f->tp + f->fn ? tp / (tp + fn) : 1.0;
  const double p = f->precision, r = f->recall;
  f->f1 = p + r ? 2 * p * r / (p + r) : 0.0;
  f->score = f->f1;
}

std::string Fixed3(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

std::string Problem::Describe() const {
  std::string s = path + ": error: " + message;
  if (byte) s += " (byte " + std::to_string(*byte) + ")";
  return s;
}

std::string Norm(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString n = nfkc->normalize(s, status);
    if (U_SUCCESS(status)) s = n;
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    switch (c) {
      case U'“':
      case U'”':
      case U'「':
      case U'」':
        c = '"';
        break;
      case U'‘':
      case U'’':
        c = '\'';
        break;
      default:
        break;
    }
    // Python's str.isspace().
    bool space = (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
                 c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
                 c == 0x202F || c == 0x205F || c == 0x3000;
    if (!space) out.append(c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

Outcome Evaluate(const std::string& gold_dir, const std::string& run_path) {
  Outcome outcome;
  Report& report = outcome.report;
  report.gold_dir = gold_dir;
  report.run_path = run_path;
  std::vector<GoldFile> golds;
  std::map<std::string, Doc> run;
  ReadGold(gold_dir, &golds, &outcome.problems);
  ReadRun(run_path, &run, &report.run_records, &outcome.problems);
  if (!outcome.ok()) return outcome;

  report.gold_files = static_cast<int>(golds.size());
  Scorer scorer;
  const Doc no_output;
  for (const GoldFile& g : golds) {
    for (const std::string& src : g.sources) {
      ++report.documents;
      auto it = run.find(src);
      if (it == run.end()) report.missing.push_back(src);
      scorer.Score(src, g.doc, it == run.end() ? no_output : it->second);
    }
  }

  for (const char* k : kItemFields) {
    FieldScore f;
    f.name = k;
    const Counts& c = scorer.items[k];
    f.tp = c.tp;
    f.fp = c.fp;
    f.fn = c.fn;
    Prf(&f);
    report.fields.push_back(f);
  }
  auto accuracy = [&](const std::string& name, int64_t ok, int64_t n) {
    FieldScore f;
    f.name = name;
    f.accuracy = true;
    f.correct = ok;
    f.total = n;
    f.score = static_cast<double>(ok) / static_cast<double>(n);
    report.fields.push_back(f);
  };
  for (const char* k : kMeta) {
    auto it = scorer.meta.find(k);
    if (it != scorer.meta.end() && it->second.second) {
      accuracy(std::string("meta.") + k, it->second.first, it->second.second);
    }
  }
  if (scorer.head_n) accuracy("heading", scorer.head_ok, scorer.head_n);

  double sum = 0;
  report.lowest = report.fields[0].score;
  report.lowest_field = report.fields[0].name;
  for (const FieldScore& f : report.fields) {
    sum += f.score;
    if (f.score < report.lowest) {
      report.lowest = f.score;
      report.lowest_field = f.name;
    }
  }
  report.overall = sum / static_cast<double>(report.fields.size());
  report.misses = std::move(scorer.misses);
  std::sort(report.misses.begin(), report.misses.end());
  return outcome;
}

bool Passes(const Report& report, double min_f1, double min_field) {
  return report.overall >= min_f1 && report.lowest >= min_field;
}

std::string FormatText(const Report& r) {
  std::string s;
  char buf[256];
  s += "gold " + r.gold_dir + ": " + std::to_string(r.documents) + " document(s) in " +
       std::to_string(r.gold_files) + " file(s); run " + r.run_path + ": " +
       std::to_string(r.run_records) + " record(s)\n";
  std::snprintf(buf, sizeof buf, "%-16s%7s%7s%7s   tp/fp/fn\n", "field", "P", "R", "F1");
  s += buf;
  for (const FieldScore& f : r.fields) {
    if (f.accuracy) {
      // score.py: f"meta.{k:<11}" / f"{'heading':<16}", then 14 blanks.
      std::string name = f.name;
      if (name.rfind("meta.", 0) == 0) {
        std::snprintf(buf, sizeof buf, "meta.%-11s", name.c_str() + 5);
      } else {
        std::snprintf(buf, sizeof buf, "%-16s", name.c_str());
      }
      s += buf;
      std::snprintf(buf, sizeof buf, "%14s%7.3f   %lld/%lld\n", "", f.score,
                    static_cast<long long>(f.correct), static_cast<long long>(f.total));
    } else {
      std::snprintf(buf, sizeof buf, "%-16s%7.3f%7.3f%7.3f   %lld/%lld/%lld\n", f.name.c_str(),
                    f.precision, f.recall, f.f1, static_cast<long long>(f.tp),
                    static_cast<long long>(f.fp), static_cast<long long>(f.fn));
    }
    s += buf;
  }
  if (!r.missing.empty()) {
    s += "documents with no output: " + std::to_string(r.missing.size()) + ":";
    for (const std::string& m : r.missing) s += " " + m;
    s += "\n";
  }
  s += "lowest field = " + Fixed3(r.lowest) + " (" + r.lowest_field + ")\n";
  s += "overall F1 = " + Fixed3(r.overall) + "\n";
  return s;
}

std::string FormatJson(const Report& r, double min_f1, double min_field) {
  Json j;
  j["format"] = "gongwen-eval/1";
  j["gold"] = r.gold_dir;
  j["run"] = r.run_path;
  j["gold_files"] = r.gold_files;
  j["documents"] = r.documents;
  j["run_records"] = r.run_records;
  Json fields = Json::array();
  for (const FieldScore& f : r.fields) {
    Json x;
    x["field"] = f.name;
    if (f.accuracy) {
      x["accuracy"] = f.score;
      x["correct"] = f.correct;
      x["total"] = f.total;
    } else {
      x["precision"] = f.precision;
      x["recall"] = f.recall;
      x["f1"] = f.f1;
      x["tp"] = f.tp;
      x["fp"] = f.fp;
      x["fn"] = f.fn;
    }
    x["score"] = f.score;
    fields.push_back(x);
  }
  j["fields"] = fields;
  j["missing"] = r.missing;
  j["lowest_field"] = {{"field", r.lowest_field}, {"score", r.lowest}};
  j["overall_f1"] = r.overall;
  j["min_f1"] = min_f1;
  j["min_field"] = min_field;
  j["pass"] = Passes(r, min_f1, min_field);
  j["misses"] = r.misses;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace gongwen::eval
