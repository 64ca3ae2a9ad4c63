// Responsible units from the attribution lists of a clause:
// (市科技局、市财政局), 〔…〕, (责任单位:…), (牵头单位:…;配合单位:…),
// (财政部牵头，国务院相关部门及各地区按职责分工负责). The words of these lists
// (labels, roles, duties, joins, collective units, deadlines) are in
// data/attribution_words.tsv.
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "data/data.h"
#include "util/deadline.h"

#include "structure/internal/rules.h"
#include "util/grammar.h"

namespace gongwen::structure::internal {
namespace {

bool IsOpen(char32_t c) {
  return c == U'(' || c == U'（' || c == U'〔' || c == U'[' || c == U'〈';
}
bool IsClose(char32_t c) {
  return c == U')' || c == U'）' || c == U'〕' || c == U']' || c == U'〉';
}

std::string Alternation(const std::vector<std::string>& words) {
  std::vector<std::string> sorted = words;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alt;
  for (const std::string& w : sorted) alt += (alt.empty() ? "" : "|") + RE2::QuoteMeta(w);
  return "(?:" + alt + ")";
}

// data/attribution_words.tsv by kind: the words of labels, roles, duties,
// joins, collective units and deadlines.
struct AttributionWords {
  std::map<std::string, std::vector<std::string>> by_kind;

  const std::vector<std::string>& Of(const std::string& kind) const {
    static const std::vector<std::string> kNone;
    auto it = by_kind.find(kind);
    return it == by_kind.end() ? kNone : it->second;
  }
  std::vector<std::string> Labels() const {
    std::vector<std::string> all = Of("label");
    for (const char* k : {"label_lead", "label_cooperating"}) all.insert(all.end(), Of(k).begin(), Of(k).end());
    return all;
  }

  static const AttributionWords& Get() {
    static const AttributionWords w = [] {
      AttributionWords w;
      for (std::string_view line : data::Lines(data::AttributionWords())) {
        auto f = data::Fields(line);
        if (f.size() == 2) w.by_kind[std::string(f[1])].emplace_back(f[0]);
      }
      return w;
    }();
    return w;
  }
};

bool Matches(std::string_view s, const RE2& re) {
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re);
}

// The duty a label gives its units (牵头单位 -> lead), if any.
std::optional<BureauDuty> LabelDuty(std::string_view label) {
  const AttributionWords& w = AttributionWords::Get();
  for (const auto& [kind, duty] : {std::pair{"label_lead", BureauDuty::kLead},
                                   std::pair{"label_cooperating", BureauDuty::kCooperating}}) {
    for (const std::string& word : w.Of(kind)) {
      if (label.substr(0, word.size()) == word) return duty;
    }
  }
  return std::nullopt;
}

// 各地区, 有关区县, 国务院相关部门和单位, 市发改委等相关部门: every unit of a kind,
// or the named ones and the rest of their kind; one entry each.
bool IsCollective(std::string_view name) {
  static const RE2 re = [] {
    const AttributionWords& w = AttributionWords::Get();
    const std::string end = Alternation(w.Of("collective_end"));
    return std::string(R"(^(?:\p{Han}[\p{Han}、]{0,40}?等)?)") + Alternation(w.Of("collective_scope")) + "?" +
           Alternation(w.Of("collective_head")) + "{1,2}" + end + "(?:和" + end + ")?$";
  }();
  return Matches(name, re);
}

// 6月底前, 2025年完成, 长期坚持: when, not who.
bool IsDeadline(std::string_view piece) {
  const AttributionWords& w = AttributionWords::Get();
  const std::vector<std::string>& fixed = w.Of("deadline");
  if (std::find(fixed.begin(), fixed.end(), piece) != fixed.end()) return true;
  static const RE2 re(std::string(R"(^(?:\p{Han}{0,4}?[\d一二三四五六七八九十]{1,4}\s*(?:年|月|季度|日)|年底|年内))") +
                      R"([\p{Han}\d]{0,10}?)" + Alternation(w.Of("deadline_end")) + "$");
  return Matches(piece, re);
}

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
      R"((?:^|。|；|;|\n)\s*由([^。；;，,\n]{2,40}?牵头[，,][^。；;\n]{2,80}?(?:配合|参与|参加|协助))$)");
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
    mentions.push_back(BureauRef{name, CanonicalBureau(name), BureauRole::kMentioned, std::nullopt, span});
  }
  refs->insert(refs->end(), mentions.begin(), mentions.end());
  std::stable_sort(refs->begin(), refs->end(),
                   [](const BureauRef& a, const BureauRef& b) { return a.span.begin < b.span.begin; });
}

bool LooksLikeOrganisation(std::string_view name) {
  std::string n(name);
  // (以下简称银行): a definition of a short name, not a unit at work.
  static const RE2 kDefinition(R"(^(?:以下简称|以下称|下称|简称))");
  if (RE2::PartialMatch(n, kDefinition)) return false;
  // Drop a trailing alias or note: 海州区政府(高新区管委会), 市委改革办〔市营商环境建设局〕,
  // 各区人民政府〈含开发区管委会,下同〉, 市级相关部门（单位）.
  static const RE2 kAlias(R"([(（〔〈][^()（）〔〕〈〉]*[)）〕〉]$)");
  RE2::Replace(&n, kAlias, "");
  // A leading * stands for a place the site left out: *县人工智能专班办公室.
  static const RE2 kOrg(R"(^[*＊]?\p{Han}[\p{Han}\w、()（）〔〕]{1,30}?)" + grammar::UnitEnd() + "$");
  // 各镇(街道), 各区县, 各有关单位: every unit of a level, a compound kept whole.
  static const RE2 kEvery(R"(^各[\p{Han}、]{0,8}?(?:镇|乡|街道|区|县|市|单位|部门)$)");
  return RE2::FullMatch(n, kOrg) || RE2::FullMatch(n, kEvery) || IsCollective(n);
}

namespace {

// A piece of a list and the separator after it (、 ， ； 会同 or a join word).
struct Cut {
  NamePiece piece;
  std::string sep;
};

// Cuts a list at 、，；and 会同 outside brackets: 市工信局会同市财政局 is two units.
std::vector<Cut> CutAtSeparators(std::string_view list) {
  std::vector<Cut> cuts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < list.size();) {
    int len;
    char32_t c = utf8::Decode(list, i, &len);
    if (IsOpen(c)) ++depth;
    if (IsClose(c) && depth > 0) --depth;
    const bool sep = c == U'、' || c == U',' || c == U'，' || c == U';' || c == U'；';
    const size_t sep_len = depth == 0 && sep ? len : depth == 0 && list.substr(i, 6) == "会同" ? 6 : 0;
    if (sep_len > 0) {
      cuts.push_back(Cut{NamePiece{std::string(list.substr(start, i - start)), start, i},
                         std::string(list.substr(i, sep_len))});
      start = i + sep_len;
      i += sep_len;
      continue;
    }
    i += len;
  }
  cuts.push_back(Cut{NamePiece{std::string(list.substr(start)), start, list.size()}, ""});
  return cuts;
}

// Trims spaces, keeping offsets exact; "市市场监管局牵头" / "市财政局配合" name
// the unit and its part in the work.
NamePiece TrimAndReadRole(const NamePiece& p) {
  std::string_view t = utf8::Trim(p.name);
  std::optional<BureauDuty> duty;
  const AttributionWords& w = AttributionWords::Get();
  for (const auto& [kind, d] : {std::pair{"role_lead", BureauDuty::kLead},
                                std::pair{"role_cooperating", BureauDuty::kCooperating}}) {
    for (const std::string& role : w.Of(kind)) {
      if (!duty && t.size() > role.size() + 6 && t.substr(t.size() - role.size()) == role) {
        t.remove_suffix(role.size());
        duty = d;
      }
    }
  }
  const size_t lead = t.empty() ? 0 : static_cast<size_t>(t.data() - p.name.data());
  return NamePiece{std::string(t), p.begin + lead, p.begin + lead + t.size(), duty};
}

// Whether s opens with what opens a unit's name: a level (市…), a collective
// head or scope (各…, 有关…, 国务院…, 市级…) or a place (广安…).
bool OpensUnitName(std::string_view s) {
  if (StartsWithLevel(s)) return true;
  const AttributionWords& w = AttributionWords::Get();
  for (const char* kind : {"collective_head", "collective_scope"}) {
    for (const std::string& word : w.Of(kind)) {
      if (s.substr(0, word.size()) == word) return true;
    }
  }
  for (size_t i = 0; i < s.size() && i <= 18;) {
    int len;
    utf8::Decode(s, i, &len);
    i += len;
    if (Gazetteer::Get().places.count(s.substr(0, i))) return true;
  }
  return false;
}

// 园区管委会和市级相关部门, 国务院相关部门及各地区: two units joined by a word,
// split only where every part is a unit and each after the first opens like
// one (市自然资源和规划局 and 市城市运行和政务服务办 stay whole).
std::optional<std::vector<Cut>> SplitAtJoins(const NamePiece& p) {
  int depth = 0;
  for (size_t i = 0; i < p.name.size();) {
    int len;
    const char32_t c = utf8::Decode(p.name, i, &len);
    depth += IsOpen(c) ? 1 : IsClose(c) && depth > 0 ? -1 : 0;
    for (const std::string& join : AttributionWords::Get().Of("join")) {
      if (depth > 0 || i == 0 || p.name.compare(i, join.size(), join) != 0) continue;
      NamePiece left{p.name.substr(0, i), p.begin, p.begin + i, p.duty};
      NamePiece right_piece{p.name.substr(i + join.size()), p.begin + i + join.size(), p.end, p.duty};
      if (!LooksLikeOrganisation(left.name) || !OpensUnitName(right_piece.name)) continue;
      auto right = SplitAtJoins(right_piece);
      if (!right) continue;
      right->insert(right->begin(), Cut{left, join});
      return right;
    }
    i += len;
  }
  if (LooksLikeOrganisation(p.name)) return std::vector<Cut>{Cut{p, ""}};
  return std::nullopt;
}

std::string WithoutTrailingBracket(std::string_view name) {
  static const RE2 kNote(R"([(（〔〈][^()（）〔〕〈〉]*[)）〕〉]$)");
  std::string n(name);
  RE2::Replace(&n, kNote, "");
  return n;
}

// 广安经开区, 广州, 各县（市）: a place or area without a kind of unit.
bool IsPlaceLike(std::string_view name) {
  static const RE2 kArea(R"([省市县区州旗盟镇乡]$)");
  const std::string n = WithoutTrailingBracket(name);
  return !LooksLikeOrganisation(name) &&
         (RE2::PartialMatch(n, kArea) || Gazetteer::Get().places.count(n) > 0);
}

// 深圳市政府, 临港园区管委会: a unit governing an area (data/attribution_words.tsv).
bool GovernsArea(std::string_view name) {
  const std::string n = WithoutTrailingBracket(name);
  for (const std::string& end : AttributionWords::Get().Of("area_unit_end")) {
    if (n.size() > end.size() && n.compare(n.size() - end.size(), end.size(), end) == 0) return true;
  }
  return false;
}

// The last piece of the compound unit that starts at cuts[k]: places joined
// by 、 that share the kind of the unit closing the run — 各县、区人民政府,
// 广州、深圳市政府, 徐州经济技术开发区、徐州高新区、徐州港务区管委会. k when there is none.
size_t CompoundEnd(const std::vector<Cut>& cuts, size_t k) {
  if (IsBareLevel(WithoutTrailingBracket(cuts[k].piece.name))) {
    const bool joins = k + 1 < cuts.size() && cuts[k].sep == "、" && StartsWithLevel(cuts[k + 1].piece.name);
    return joins ? CompoundEnd(cuts, k + 1) : k;
  }
  size_t j = k;
  while (j + 1 < cuts.size() && cuts[j].sep == "、" && IsPlaceLike(cuts[j].piece.name)) {
    const std::string_view next = cuts[j + 1].piece.name;
    if (StartsWithLevel(next)) return k;  // 高新区、市财政局: two units
    if (LooksLikeOrganisation(next)) return GovernsArea(next) ? j + 1 : k;
    ++j;
  }
  return k;
}

// A role after a group (市发展改革委、人行广安市中心支行牵头) is the part of every
// unit of the group, back to the last ，or ；.
void SpreadRolesOverGroups(std::vector<Cut>* cuts) {
  for (size_t k = cuts->size(); k-- > 1;) {
    Cut& prev = (*cuts)[k - 1];
    const bool same_group = prev.sep != "，" && prev.sep != "," && prev.sep != "；" && prev.sep != ";";
    if (same_group && !prev.piece.duty) prev.piece.duty = (*cuts)[k].piece.duty;
  }
}

}  // namespace

std::vector<NamePiece> SplitBureauList(std::string_view list) {
  std::vector<Cut> cuts;
  for (const Cut& c : CutAtSeparators(list)) {
    NamePiece p = TrimAndReadRole(c.piece);
    if (p.name.empty()) continue;
    auto parts = SplitAtJoins(p);
    if (!parts) parts = std::vector<Cut>{Cut{p, ""}};
    parts->back().sep = c.sep;
    cuts.insert(cuts.end(), parts->begin(), parts->end());
  }
  // Merge 各县 + 、 + 区人民政府.
  std::vector<Cut> merged;
  for (size_t k = 0; k < cuts.size(); ++k) {
    const size_t last = CompoundEnd(cuts, k);
    Cut c = cuts[k];
    if (last > k) {
      const NamePiece& next = cuts[last].piece;
      c.piece = NamePiece{std::string(list.substr(c.piece.begin, next.end - c.piece.begin)), c.piece.begin,
                          next.end, next.duty};
      c.sep = cuts[last].sep;
    }
    merged.push_back(c);
    k = last;
  }
  SpreadRolesOverGroups(&merged);
  std::vector<NamePiece> out;
  for (const Cut& c : merged) out.push_back(c.piece);
  return out;
}

namespace {

// The offset of the bracket that opens the one closing at `close` in s.
std::optional<size_t> MatchingOpen(std::string_view s, size_t close) {
  int depth = 0;
  for (size_t i = close;;) {
    int len;
    const char32_t c = utf8::Decode(s, i, &len);
    if (IsClose(c)) ++depth;
    if (IsOpen(c) && --depth == 0) return i;
    if (i == 0) return std::nullopt;
    i = utf8::PrevStart(s, i);
  }
}

// The list inside a bracket [b, e): without the units' duty after it
// (省财政厅、广东省税务局按职责分工负责) and without a note after a 。
// (…各区、县（市）政府。以下均需各区、县（市）政府落实，不再列出).
std::pair<size_t, size_t> BracketList(std::string_view s, size_t b, size_t e) {
  int depth = 0;
  for (size_t i = b; i < e;) {
    int len;
    const char32_t c = utf8::Decode(s, i, &len);
    depth += IsOpen(c) ? 1 : IsClose(c) && depth > 0 ? -1 : 0;
    if (depth == 0 && c == U'。') {
      e = i;
      break;
    }
    i += len;
  }
  static const RE2 kDutyAt("^.*?(" + Alternation(AttributionWords::Get().Of("duty")) + ")$");
  re2::StringPiece duty;
  if (RE2::FullMatch(re2::StringPiece(s.data() + b, e - b), kDutyAt, &duty)) e -= duty.size();
  return {b, e};
}

// Where the trailing list of s[0, e) lies, if there is one: in brackets, in a
// closing sentence (由市工信局会同市财政局负责), or after a bare label.
std::optional<std::pair<size_t, size_t>> TrailingList(std::string_view s, size_t e) {
  const size_t close = utf8::PrevStart(s, e);
  int len;
  if (IsClose(utf8::Decode(s, close, &len))) {
    const auto open = MatchingOpen(s, close);
    if (!open) return std::nullopt;
    utf8::Decode(s, *open, &len);
    return BracketList(s, *open + len, close);
  }
  if (auto sentence = SentenceAttribution(s.substr(0, e))) return sentence;
  // An unbracketed list closing the clause: "…。责任单位:市经信局、市财政局".
  static const RE2 kBare(R"((?:^|\n|。|；|;)\s*()" + Alternation(AttributionWords::Get().Labels()) +
                         R"(\s*[:：][^。\n]*)$)");
  re2::StringPiece m;
  if (!RE2::PartialMatch(re2::StringPiece(s.data(), e), kBare, &m)) return std::nullopt;
  return std::make_pair(static_cast<size_t>(m.data() - s.data()), e);
}

// A part of a list under one label (牵头单位：…) or none.
struct Section {
  size_t b, e;
  std::optional<BureauDuty> duty;  // from the section's label
};

// The list's labelled sections, or the whole list as one unlabelled section.
// Text before the first label may be a deadline or a note ending at a
// separator (6月底前完成，牵头单位：…); anything else says it is no list.
std::optional<std::vector<Section>> Sections(std::string_view list, bool* labelled) {
  static const RE2 kLabel("(" + Alternation(AttributionWords::Get().Labels()) + R"()\s*[:：])");
  std::vector<std::pair<size_t, size_t>> labels;  // label begin, content begin
  re2::StringPiece rest(list.data(), list.size());
  re2::StringPiece m;
  while (RE2::FindAndConsume(&rest, kLabel, &m)) {
    labels.emplace_back(m.data() - list.data(), rest.data() - list.data());
  }
  *labelled = !labels.empty();
  if (labels.empty()) return std::vector<Section>{Section{0, list.size()}};
  const std::string_view before = utf8::Trim(list.substr(0, labels.front().first));
  if (!before.empty()) {
    static const RE2 kEndsAtSeparator(R"([，,；;]$)");
    if (!RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kEndsAtSeparator)) {
      return std::nullopt;
    }
  }
  std::vector<Section> sections;
  for (size_t k = 0; k < labels.size(); ++k) {
    const size_t se = k + 1 < labels.size() ? labels[k + 1].first : list.size();
    sections.push_back(Section{labels[k].second, se, LabelDuty(list.substr(labels[k].first))});
  }
  return sections;
}

}  // namespace

std::vector<BureauRef> FindAttribution(const std::string& text, size_t begin, size_t end,
                                       const utf8::CodePointIndex& cps) {
  std::string_view s(text.data() + begin, end - begin);
  // Skip trailing spaces and sentence punctuation after the list.
  size_t e = s.size();
  while (e > 0) {
    size_t p = utf8::PrevStart(s, e);
    int len;
    char32_t c = utf8::Decode(s, p, &len);
    if (c != U'。' && c != U'.' && c != U' ' && c != U'；' && c != U';' && c != U'\n') break;
    e = p;
  }
  if (e == 0) return {};
  const auto range = TrailingList(s, e);
  if (!range) return {};
  const size_t list_begin = range->first;
  std::string_view list = s.substr(list_begin, range->second - list_begin);
  bool labelled = false;
  const auto sections = Sections(list, &labelled);
  if (!sections) return {};

  // Under a label (责任单位：…) the list is an attribution for sure: an entry
  // that does not look like a unit costs that entry. Without one, a single
  // non-unit says the brackets hold something else: (一、二类). A deadline
  // (6月底前) is never a unit and never a reason to drop the list.
  std::vector<BureauRef> refs;
  for (const Section& sec : *sections) {
    std::string_view part = list.substr(sec.b, sec.e - sec.b);
    for (NamePiece p : SplitBureauList(part)) {
      if (IsDeadline(p.name)) continue;
      // …、武警总部等参加: the last of an open list, without its 等.
      static const std::string kEtc = "等";
      if (p.name.size() > kEtc.size() && p.name.compare(p.name.size() - kEtc.size(), kEtc.size(), kEtc) == 0 &&
          !LooksLikeOrganisation(p.name) && LooksLikeOrganisation(p.name.substr(0, p.name.size() - kEtc.size()))) {
        p.name.resize(p.name.size() - kEtc.size());
        p.end -= kEtc.size();
      }
      if (!LooksLikeOrganisation(p.name)) {
        if (labelled) continue;
        return {};
      }
      size_t abs_b = begin + list_begin + sec.b + p.begin;
      size_t abs_e = begin + list_begin + sec.b + p.end;
      BureauRef ref{p.name, CanonicalBureau(p.name), BureauRole::kResponsible, p.duty ? p.duty : sec.duty,
                    CodePointSpan{cps.ToCodePoint(abs_b), cps.ToCodePoint(abs_e)}};
      refs.push_back(std::move(ref));
    }
  }
  return refs;
}

namespace {

// Whether the bracket that closes at `close` opened right after a sentence
// end (。（市科技局负责）支持…): a bracket of its own, not one inside running
// text (企业技术中心(工业设计中心)的企业).
bool StandsAlone(const std::string& text, size_t begin, size_t close) {
  const std::string_view s(text.data() + begin, text.size() - begin);
  const auto open = MatchingOpen(s, close - begin);
  if (!open) return false;
  if (*open == 0) return true;
  int len = 0;
  const char32_t before = utf8::Decode(s, utf8::PrevStart(s, *open), &len);
  return before == U'。' || before == U'；' || before == U';' || before == U'\n';
}

// Whether the bracket closing at `close` names a duty (牵头, 配合, 负责,
// 责任单位…): an attribution wherever it stands, even mid-sentence.
bool NamesDuty(const std::string& text, size_t begin, size_t close) {
  static const RE2 kCue = [] {
    const AttributionWords& w = AttributionWords::Get();
    std::vector<std::string> cues = w.Labels();
    for (const char* k : {"role_lead", "role_cooperating", "duty"}) cues.insert(cues.end(), w.Of(k).begin(), w.Of(k).end());
    return Alternation(cues);
  }();
  const std::string_view s(text.data() + begin, text.size() - begin);
  const auto open = MatchingOpen(s, close - begin);
  return open && RE2::PartialMatch(re2::StringPiece(s.data() + *open, close - begin - *open), kCue);
}

// Whether the sentence that ends at `stop` (a 。) is one that only names who
// leads and who takes part: 由环境保护部牵头，公安部、交通运输部等参加。
bool LeadSentenceEndsAt(const std::string& text, size_t begin, size_t stop) {
  static const std::string kStop = "。";
  const size_t from = text.rfind(kStop, stop == 0 ? 0 : stop - 1);
  size_t b = from == std::string::npos || from < begin ? begin : from + kStop.size();
  while (b < stop && (text[b] == ' ' || text[b] == '\n')) ++b;
  return text.compare(b, 3, "由") == 0 && SentenceAttribution(std::string_view(text.data() + b, stop - b)).has_value();
}

}  // namespace

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
    } else if (c == U'。' && LeadSentenceEndsAt(text, begin, i - len)) {
      ends.push_back(i - len);
    } else if (IsClose(c)) {
      const size_t close = i - len;
      const char32_t next = utf8::Decode(text, i, &len);
      if (next == U'。' || next == U'；' || next == U';' || next == U'\n' ||
          (utf8::IsHan(next) && StandsAlone(text, begin, close)) || NamesDuty(text, begin, close)) {
        ends.push_back(i);
      }
    }
  }
  ends.push_back(end);
  std::vector<BureauRef> out;
  int64_t covered = -1;  // code point where the last attribution found ends
  for (size_t e : ends) {
    deadline::Check();
    for (BureauRef& ref : FindAttribution(text, begin, e, cps)) {
      if (ref.span.begin < covered) continue;  // found again from a later end
      covered = ref.span.end;
      out.push_back(std::move(ref));
    }
  }
  return out;
}

}  // namespace gongwen::structure::internal
