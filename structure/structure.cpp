#include "structure/structure.h"

#include "structure/internal/rules.h"
#include "util/ids.h"
#include "util/sha256.h"

namespace gongwen::structure {

PolicyState PolicyStatus(const Metadata& md, const std::string& as_of) {
  if (as_of.empty()) return PolicyState::kUnknown;
  // The page's own 时效性 field, when it says the policy was repealed.
  if (md.validity) {
    for (const char* word : {"失效", "废止", "过期", "已撤销"}) {
      if (md.validity->find(word) != std::string::npos) return PolicyState::kExpired;
    }
  }
  // ISO dates compare as strings.
  if (md.effective_from && as_of < *md.effective_from) return PolicyState::kNotYetEffective;
  if (md.effective_until && as_of > *md.effective_until) return PolicyState::kExpired;
  if (md.effective_from || md.effective_until) return PolicyState::kEffective;
  return PolicyState::kUnknown;
}

Policy Structure(const Normalized& doc, const Options& options) {
  Policy p;
  const utf8::CodePointIndex cps(doc.text);
  p.source = doc.source;
  p.text = doc.text;
  p.repairs = doc.repairs;
  p.warnings = doc.warnings;
  for (int64_t b : doc.page_starts) p.page_starts.push_back(cps.ToCodePoint(static_cast<size_t>(b)));
  p.metadata = internal::FindMetadata(doc, &p.warnings, cps);
  p.metadata.status = PolicyStatus(p.metadata, options.as_of);
  if (!options.as_of.empty()) p.metadata.status_as_of = options.as_of;
  p.clauses = internal::FindClauses(doc, cps, &p.warnings);
  internal::DropFormsAndRepeats(doc.text, cps, &p.clauses, &p.warnings);
  p.tables = internal::BuildTables(doc, cps);
  p.id = Sha256Hex(doc.text).substr(0, 16);
  // Stable across versions of the same policy: who issued it and its number,
  // else its title, else the text itself.
  const Metadata& md = p.metadata;
  // Keys, not the text as written (util/ids.h): 〔2025〕05号 and [2025]5号,
  // “十四五” and "十四五" give one key.
  if (md.doc_number) {
    p.policy_key =
        Sha256Hex("doc|" + ids::NameKey(md.issuer.value_or("")) + "|" + ids::DocNumberKey(*md.doc_number)).substr(0, 16);
  } else if (md.title) {
    p.policy_key = Sha256Hex("title|" + ids::NameKey(*md.title)).substr(0, 16);
  } else {
    p.policy_key = p.id;
  }
  return p;
}

}  // namespace gongwen::structure
