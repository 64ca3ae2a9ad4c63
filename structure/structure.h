// structure: Normalized -> Policy (the gongwen/1 record, minus serialization).
//
// In:  one normalized document.
// Out: metadata (title, 发文字号, issuer, dates, effective period, 主送, 抄送,
//      references), the clause tree with each clause's own amounts and
//      responsible bureaus, and the normalizer's repairs and warnings plus
//      the structure warnings (mangled dates, clause numbering). Spans are
//      code points of Policy::text.
// Never fails: what it cannot find is null or empty, never a guess.
// Thread-safe: pure function; regexes are compiled once and immutable.
#ifndef GONGWEN_STRUCTURE_STRUCTURE_H_
#define GONGWEN_STRUCTURE_STRUCTURE_H_

#include "model/model.h"

namespace gongwen::structure {

struct Options {
  // The day `metadata.status` is judged on (YYYY-MM-DD); empty: not judged,
  // status "unknown". The command line passes today unless told otherwise.
  std::string as_of;
};

Policy Structure(const Normalized& doc, const Options& options = {});

// Effective, expired, not yet effective or unknown for a policy with this
// metadata on `as_of` (YYYY-MM-DD).
PolicyState PolicyStatus(const Metadata& md, const std::string& as_of);

}  // namespace gongwen::structure

#endif  // GONGWEN_STRUCTURE_STRUCTURE_H_
