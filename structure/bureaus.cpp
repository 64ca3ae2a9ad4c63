// Responsible units from the attribution list that closes a clause:
// (市科技局、市财政局), 〔…〕, (责任单位:…), (牵头单位:…;配合单位:…).
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "data/data.h"

#include "structure/internal/rules.h"

namespace gongwen::structure::internal {
namespace {

bool IsOpen(char32_t c) { return c == U'(' || c == U'（' || c == U'〔' || c == U'['; }
bool IsClose(char32_t c) { return c == U')' || c == U'）' || c == U'〕' || c == U']'; }

// 各县 / 各市 / 县: a bare administrative level that is only the first half of
// a compound such as 各县、区人民政府 or 各市、县(区)人民政府.
bool IsBareLevel(std::string_view s) {
  static const RE2 kBare(R"(^各?[省市县区镇乡]$)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kBare);
}

bool StartsWithLevel(std::string_view s) {
  static const RE2 kLevel(R"(^[省市县区镇乡])");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kLevel);
}

// A last sentence that only says who is responsible: "此项工作由市自然资源
// 和城乡建设局会同市政务服务局负责" -> the byte range of the units.
std::optional<std::pair<size_t, size_t>> SentenceAttribution(std::string_view s) {
  static const RE2 kSentence(
      R"((?:^|。|；|;|\n)\s*(?:此项工作|该项工作|相关工作|上述工作|以上工作|具体工作)?由([^。；;，,\n]{2,80}?)(?:按职责分工负责|共同负责|牵头负责|负责落实|负责实施|负责)$)");
  // "由市市场监管局牵头，市发展改革委、市财政局配合"
  static const RE2 kLeadAndHelpers(
      R"((?:^|。|；|;|\n)\s*由([^。；;，,\n]{2,40}?牵头[，,][^。；;\n]{2,80}?(?:配合|参与|协助))$)");
  re2::StringPiece in(s.data(), s.size());
  re2::StringPiece units;
  if (!RE2::PartialMatch(in, kSentence, &units) && !RE2::PartialMatch(in, kLeadAndHelpers, &units)) {
    return std::nullopt;
  }
  const size_t b = units.data() - s.data();
  return std::make_pair(b, b + units.size());
}

// data/bureaus.tsv (kind -> canonical kind) and the place names of
// data/places.tsv that may stand before a kind.
struct Gazetteer {
  std::map<std::string, std::string, std::less<>> canonical;  // name or alias -> canonical
  std::set<std::string, std::less<>> places;                  // 连云港市, 连云港, 江苏省, 江苏

  static const Gazetteer& Get() {
    static const Gazetteer g = [] {
      Gazetteer g;
      for (std::string_view line : data::Lines(data::BureausTsv())) {
        auto f = data::Fields(line);
        if (f.empty()) continue;
        for (std::string_view name : f) g.canonical.emplace(std::string(name), std::string(f[0]));
      }
      for (std::string_view line : data::Lines(data::Places())) {
        for (std::string_view name : data::Fields(line)) {
          g.places.emplace(name);
          for (std::string_view suffix : {"市", "省", "县", "区"}) {
            if (name.size() > suffix.size() + 3 && name.substr(name.size() - suffix.size()) == suffix) {
              g.places.emplace(name.substr(0, name.size() - suffix.size()));
            }
          }
        }
      }
      return g;
    }();
    return g;
  }
};

}  // namespace

std::optional<std::string> CanonicalBureau(std::string_view name) {
  const Gazetteer& g = Gazetteer::Get();
  // 海州区政府(高新区管委会): the unit, then the alias it also goes by.
  static const RE2 kAlias(R"(^(.+?)([(（][^()（）]*[)）])$)");
  std::string unit, alias;
  if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), kAlias, &unit, &alias)) {
    auto c = CanonicalBureau(unit);
    return c ? std::optional<std::string>(*c + alias) : std::nullopt;
  }
  // 人行连云港市中心支行 -> 人民银行连云港市分行 (the 2023 reform's name).
  static const RE2 kPboc(R"(^(?:中国)?(?:人民银行|人行)(\p{Han}{2,12}?市)(?:中心支行|分行)$)");
  std::string city;
  if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), kPboc, &city)) {
    return "人民银行" + city + "分行";
  }
  // The longest place or level prefix whose remainder is a known kind.
  std::vector<size_t> cuts = {0};
  for (size_t i = 0; i < name.size();) {
    int len;
    utf8::Decode(name, i, &len);
    i += len;
    const std::string_view prefix = name.substr(0, i);
    if (g.places.count(prefix) || prefix == "市" || prefix == "县" || prefix == "区" ||
        prefix == "省" || prefix == "州" || prefix == "盟" || prefix == "旗" || prefix == "自治区") {
      cuts.push_back(i);
    }
  }
  for (auto it = cuts.rbegin(); it != cuts.rend(); ++it) {
    auto found = g.canonical.find(name.substr(*it));
    if (found != g.canonical.end()) return std::string(name.substr(0, *it)) + found->second;
  }
  return std::nullopt;
}

void AddMentions(const std::string& text, size_t begin, size_t end, const utf8::CodePointIndex& cps,
                 std::vector<BureauRef>* refs) {
  // One alternation of every known kind, longest first, after a level.
  static const RE2 re = [] {
    std::vector<std::string> kinds;
    for (const auto& [name, canonical] : Gazetteer::Get().canonical) {
      if (utf8::CountCodePoints(name) >= 2) kinds.push_back(name);
    }
    std::sort(kinds.begin(), kinds.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string alt;
    for (const std::string& k : kinds) {
      if (!alt.empty()) alt += "|";
      alt += RE2::QuoteMeta(k);
    }
    return std::string("([省市县区](?:") + alt + "))";
  }();
  re2::StringPiece in(text.data() + begin, end - begin);
  re2::StringPiece m;
  std::vector<BureauRef> mentions;
  while (RE2::FindAndConsume(&in, re, &m)) {
    const size_t b = m.data() - text.data(), e = b + m.size();
    const CodePointSpan span{cps.ToCodePoint(b), cps.ToCodePoint(e)};
    // Inside an attributed name (市财政局 in 市财政局、…) or a longer word
    // (市场监管局 read as 市+场…): skip.
    bool inside = false;
    for (const BureauRef& r : *refs) inside |= span.begin < r.span.end && r.span.begin < span.end;
    if (inside) continue;
    if (b > 0) {
      // 城市管理局 is not 市管理局: the level must start the name.
      const size_t prev = utf8::PrevStart(text, b);
      int len;
      const char32_t c = utf8::Decode(text, prev, &len);
      if (utf8::IsHan(c) && c != U'由' && c != U'和' && c != U'与' && c != U'及' && c != U'同' &&
          c != U'对' && c != U'向' && c != U'经' && c != U'请' && c != U'报' && c != U'、') {
        continue;
      }
    }
    std::string name(m.data(), m.size());
    mentions.push_back(BureauRef{name, CanonicalBureau(name), "mentioned", std::nullopt, span});
  }
  refs->insert(refs->end(), mentions.begin(), mentions.end());
  std::stable_sort(refs->begin(), refs->end(),
                   [](const BureauRef& a, const BureauRef& b) { return a.span.begin < b.span.begin; });
}

bool LooksLikeOrganisation(std::string_view name) {
  // Drop a trailing parenthetical alias: 海州区政府(高新区管委会).
  std::string n(name);
  // (以下简称银行): a definition of a short name, not a unit at work.
  static const RE2 kDefinition(R"(^(?:以下简称|以下称|下称|简称))");
  if (RE2::PartialMatch(n, kDefinition)) return false;
  static const RE2 kAlias(R"([(（][^()（）]*[)）]$)");
  RE2::Replace(&n, kAlias, "");
  static const RE2 kOrg(
      R"(^\p{Han}[\p{Han}\w、()（）]{1,30}?(?:局|委|办|院|厅|部|署|府|会|行|所|队|站|处|室|协|联|社|团|馆|关|司|校|中心|集团|公司|银行|支行|分行|海关|分局|办公室)$)");
  // 各镇(街道), 各区县, 各有关单位: every unit of a level, a compound kept whole.
  static const RE2 kEvery(R"(^各[\p{Han}、]{0,8}?(?:镇|乡|街道|区|县|市|单位|部门)$)");
  return RE2::FullMatch(n, kOrg) || RE2::FullMatch(n, kEvery);
}

std::vector<NamePiece> SplitBureauList(std::string_view list) {
  std::vector<NamePiece> pieces;
  std::vector<std::string> seps;  // the separator after each piece
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < list.size();) {
    int len;
    char32_t c = utf8::Decode(list, i, &len);
    if (IsOpen(c)) ++depth;
    if (IsClose(c) && depth > 0) --depth;
    if (depth == 0 && (c == U'、' || c == U',' || c == U'，' || c == U';' || c == U'；')) {
      pieces.push_back(NamePiece{std::string(list.substr(start, i - start)), start, i});
      seps.emplace_back(list.substr(i, len));
      start = i + len;
    }
    // 市工信局会同市财政局: two units working together.
    if (depth == 0 && c == U'会' && list.substr(i, 6) == "会同") {
      pieces.push_back(NamePiece{std::string(list.substr(start, i - start)), start, i});
      seps.emplace_back("会同");
      start = i + 6;
      i += 6;
      continue;
    }
    i += len;
  }
  pieces.push_back(NamePiece{std::string(list.substr(start)), start, list.size()});
  seps.emplace_back("");
  // Merge 各县 + 、 + 区人民政府.
  std::vector<NamePiece> merged;
  for (size_t k = 0; k < pieces.size(); ++k) {
    NamePiece p = pieces[k];
    while (k + 1 < pieces.size() && seps[k] == "、" && IsBareLevel(utf8::Trim(p.name)) &&
           StartsWithLevel(utf8::Trim(pieces[k + 1].name))) {
      p.name = std::string(list.substr(p.begin, pieces[k + 1].end - p.begin));
      p.end = pieces[k + 1].end;
      ++k;
    }
    // Trim, keeping offsets exact; "市市场监管局牵头" / "市财政局配合" name
    // the unit and its part in the work.
    std::string_view t = utf8::Trim(p.name);
    std::optional<std::string> duty;
    for (std::string_view role : {"牵头", "配合", "参与", "协助"}) {
      if (t.size() > role.size() + 6 && t.substr(t.size() - role.size()) == role) {
        t.remove_suffix(role.size());
        duty = role == "牵头" ? "lead" : "cooperating";
        break;
      }
    }
    size_t lead = t.empty() ? 0 : static_cast<size_t>(t.data() - p.name.data());
    NamePiece out{std::string(t), p.begin + lead, p.begin + lead + t.size(), duty};
    if (!out.name.empty()) merged.push_back(out);
  }
  return merged;
}

std::vector<BureauRef> FindAttribution(const std::string& text, size_t begin, size_t end,
                                       const utf8::CodePointIndex& cps) {
  std::vector<BureauRef> out;
  std::string_view s(text.data() + begin, end - begin);
  // Skip trailing spaces and sentence punctuation after the list.
  size_t e = s.size();
  while (e > 0) {
    size_t p = utf8::PrevStart(s, e);
    int len;
    char32_t c = utf8::Decode(s, p, &len);
    if (c == U'。' || c == U'.' || c == U' ' || c == U'；' || c == U';' || c == U'\n') {
      e = p;
    } else {
      break;
    }
  }
  if (e == 0) return out;
  size_t list_begin = 0;
  size_t list_end = 0;
  size_t close = utf8::PrevStart(s, e);
  int len;
  if (IsClose(utf8::Decode(s, close, &len))) {
    // Walk back to the matching opening bracket.
    int depth = 0;
    size_t open = std::string_view::npos;
    for (size_t i = close;;) {
      char32_t c = utf8::Decode(s, i, &len);
      if (IsClose(c)) ++depth;
      if (IsOpen(c) && --depth == 0) {
        open = i;
        break;
      }
      if (i == 0) break;
      i = utf8::PrevStart(s, i);
    }
    if (open == std::string_view::npos) return out;
    utf8::Decode(s, open, &len);
    list_begin = open + len;
    list_end = close;
    // (省财政厅、广东省税务局按职责分工负责): the units, then their duty.
    re2::StringPiece in(s.data() + list_begin, list_end - list_begin);
    re2::StringPiece duty;
    static const RE2 kDutyAt(R"(^.*?((?:按职责分工负责|按职责分工落实|按职责负责|分别负责|共同负责|牵头负责|负责))$)");
    if (RE2::FullMatch(in, kDutyAt, &duty)) {
      list_end -= duty.size();
    }
  } else if (auto sentence = SentenceAttribution(s.substr(0, e))) {
    // "…。由市工信局会同市财政局负责。"
    list_begin = sentence->first;
    list_end = sentence->second;
  } else {
    // An unbracketed list closing the clause: "…。责任单位:市经信局、市财政局".
    static const RE2 kBare(
        R"((?:^|\n|。|；|;)\s*((?:责任单位|牵头单位|配合单位|参与单位)\s*[:：][^。\n]*)$)");
    re2::StringPiece in(s.data(), e);
    re2::StringPiece m;
    if (!RE2::PartialMatch(in, kBare, &m)) return out;
    list_begin = m.data() - s.data();
    list_end = e;
  }
  std::string_view list = s.substr(list_begin, list_end - list_begin);

  // Optional role labels. Each labelled section is split separately.
  static const RE2 kLabel(R"((责任单位|牵头单位|配合单位|参与单位|主办单位|协办单位)\s*[:：])");
  struct Section {
    size_t b, e;
    std::optional<std::string> duty;  // from the section's label
  };
  std::vector<Section> sections;
  {
    re2::StringPiece in(list.data(), list.size());
    re2::StringPiece m;
    std::vector<std::pair<size_t, size_t>> labels;  // label begin, content begin
    re2::StringPiece rest = in;
    while (RE2::FindAndConsume(&rest, kLabel, &m)) {
      size_t lb = m.data() - list.data();
      size_t cb = rest.data() - list.data();
      labels.emplace_back(lb, cb);
    }
    if (labels.empty()) {
      sections.push_back(Section{0, list.size()});
    } else {
      if (labels.front().first != 0 && !utf8::Trim(list.substr(0, labels.front().first)).empty()) {
        return out;  // text before the first label: not an attribution list
      }
      for (size_t k = 0; k < labels.size(); ++k) {
        size_t se = k + 1 < labels.size() ? labels[k + 1].first : list.size();
        std::string_view label = list.substr(labels[k].first, 12);
        std::optional<std::string> duty;
        if (label.substr(0, 6) == "牵头" || label.substr(0, 6) == "主办") duty = "lead";
        if (label.substr(0, 6) == "配合" || label.substr(0, 6) == "参与" ||
            label.substr(0, 6) == "协办") {
          duty = "cooperating";
        }
        sections.push_back(Section{labels[k].second, se, duty});
      }
    }
  }

  // Under a label (责任单位：…) the list is an attribution for sure: an entry
  // that does not look like a unit costs that entry. Without one, a single
  // non-unit says the brackets hold something else: (一、二类).
  const bool labelled = sections.size() > 1 || sections.front().b > 0;
  std::vector<BureauRef> refs;
  for (const Section& sec : sections) {
    std::string_view part = list.substr(sec.b, sec.e - sec.b);
    for (const NamePiece& p : SplitBureauList(part)) {
      if (!LooksLikeOrganisation(p.name)) {
        if (labelled) continue;
        return out;
      }
      size_t abs_b = begin + list_begin + sec.b + p.begin;
      size_t abs_e = begin + list_begin + sec.b + p.end;
      BureauRef ref{p.name, CanonicalBureau(p.name), "responsible", p.duty ? p.duty : sec.duty,
                    CodePointSpan{cps.ToCodePoint(abs_b), cps.ToCodePoint(abs_e)}};
      refs.push_back(std::move(ref));
    }
  }
  return refs;
}

// Whether the bracket that closes just before `close` opened right after a
// sentence end (。（市科技局负责）支持…): a bracket of its own, not one inside
// running text (企业技术中心(工业设计中心)的企业).
bool StandsAlone(const std::string& text, size_t begin, size_t close) {
  for (size_t i = close; i > begin;) {
    i = utf8::PrevStart(text, i);
    int len = 0;
    const char32_t c = utf8::Decode(text, i, &len);
    if (IsClose(c) && i + len < close) return false;  // nested: not this simple form
    if (!IsOpen(c)) continue;
    if (i == begin) return true;
    const char32_t before = utf8::Decode(text, utf8::PrevStart(text, i), &len);
    return before == U'。' || before == U'；' || before == U';' || before == U'\n';
  }
  return false;
}

// Real clauses carry an attribution per paragraph or sentence, not only at
// their end: "…推进。（市科技局负责）…落实。（市财政局负责）". Every place a
// bracket closes before a sentence end, a line end or the clause end (or
// stands alone between sentences) is tried; each attribution counts once.
std::vector<BureauRef> FindAttributions(const std::string& text, size_t begin, size_t end,
                                        const utf8::CodePointIndex& cps) {
  std::vector<size_t> ends;
  for (size_t i = begin; i < end;) {
    int len = 0;
    const char32_t c = utf8::Decode(text, i, &len);
    i += len;
    if (i >= end) break;
    if (c == U'\n') {
      ends.push_back(i - len);
    } else if (IsClose(c)) {
      const char32_t next = utf8::Decode(text, i, &len);
      if (next == U'。' || next == U'；' || next == U';' || next == U'\n' ||
          (utf8::IsHan(next) && StandsAlone(text, begin, i - len))) {
        ends.push_back(i);
      }
    }
  }
  ends.push_back(end);
  std::vector<BureauRef> out;
  int64_t covered = -1;  // code point where the last attribution found ends
  for (size_t e : ends) {
    for (BureauRef& ref : FindAttribution(text, begin, e, cps)) {
      if (ref.span.begin < covered) continue;  // found again from a later end
      covered = ref.span.end;
      out.push_back(std::move(ref));
    }
  }
  return out;
}

}  // namespace gongwen::structure::internal
