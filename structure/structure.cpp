#include "structure/structure.h"

#include "structure/internal/rules.h"
#include "util/sha256.h"

namespace gongwen::structure {

Policy Structure(const Normalized& doc) {
  Policy p;
  const utf8::CodePointIndex cps(doc.text);
  p.source = doc.source;
  p.text = doc.text;
  p.repairs = doc.repairs;
  p.warnings = doc.warnings;
  p.metadata = internal::FindMetadata(doc, &p.warnings, cps);
  p.clauses = internal::FindClauses(doc, cps, &p.warnings);
  p.tables = internal::BuildTables(doc, cps);
  p.id = Sha256Hex(doc.text).substr(0, 16);
  // Stable across versions of the same policy: who issued it and its number,
  // else its title, else the text itself.
  const Metadata& md = p.metadata;
  if (md.doc_number) {
    p.policy_key = Sha256Hex("doc|" + md.issuer.value_or("") + "|" + *md.doc_number).substr(0, 16);
  } else if (md.title) {
    p.policy_key = Sha256Hex("title|" + *md.title).substr(0, 16);
  } else {
    p.policy_key = p.id;
  }
  return p;
}

}  // namespace gongwen::structure
