// The questions users ask the policy database, as named queries
// (`gongwen db query NAME`). $1 is the day asked about (--as-of, default
// today) and $2 the end of the horizon (--days N after $1).
#include "db/db.h"
#include "db/internal/schema.h"

namespace gongwen::db {

const std::vector<Recipe>& Recipes() {
  static const std::vector<Recipe> recipes = [] {
    const std::string status = internal::StatusSql("p", "$1");
    // A policy none of whose sources points at it any more (its page now
    // carries another policy) is history, not an answer.
    const std::string live = "EXISTS (SELECT 1 FROM sources s WHERE s.policy_key = p.policy_key)";
    const std::string effective = "'" + std::string(NameOf(PolicyState::kEffective)) + "'";
    return std::vector<Recipe>{
        {"in-force", "policies in force on the day (their effective period holds it)", 1,
         "SELECT p.policy_key, p.doc_number, p.title, p.effective_from, p.effective_until FROM policies p "
         "WHERE " + live + " AND " + status + " = " + effective + " ORDER BY p.effective_until, p.policy_key"},
        {"expiring", "policies in force on the day whose effective period ends within --days N (default 30)", 2,
         "SELECT p.policy_key, p.doc_number, p.title, p.effective_until FROM policies p "
         "WHERE " + live + " AND " + status + " = " + effective + " AND p.effective_until <= $2 "
         "ORDER BY p.effective_until, p.policy_key"},
        {"status", "how many policies are effective, expired, not yet effective or unknown on the day", 1,
         "SELECT " + status + " AS status, COUNT(*) AS policies FROM policies p WHERE " + live +
         " GROUP BY 1 ORDER BY 1"},
        {"money-by-bureau",
         "money (yuan) offered (purpose offered: awards, subsidies, caps) in clauses of policies in force on the "
         "day, by responsible bureau", 1,
         "SELECT COALESCE(b.canonical, b.name) AS bureau, COUNT(DISTINCT p.policy_key) AS policies, "
         "COUNT(*) AS amounts, SUM(a.fen) AS fen, SUM(a.fen) / 100 AS yuan "
         "FROM policies p JOIN bureaus b ON b.version_id = p.current_version AND b.role = '" +
         std::string(NameOf(BureauRole::kResponsible)) + "' "
         "JOIN amounts a ON a.version_id = b.version_id AND a.clause_index = b.clause_index AND a.kind = '" +
         std::string(NameOf(AmountKind::kMoney)) + "' AND a.purpose = '" + NameOf(AmountPurpose::kOffered) +
         "' WHERE " + live + " AND " + status + " = " + effective + " GROUP BY 1 ORDER BY 4 DESC, 1"},
        {"conflicts", "documents kept apart from a policy whose 文号 or title they share", 0,
         "SELECT v.source_path, v.policy_key, c.other_policy, c.reason FROM conflicts c "
         "JOIN versions v ON v.version_id = c.version_id ORDER BY v.source_path, c.other_policy"},
        {"sources", "policies with more than one source (HTML page and PDF, several sites)", 0,
         "SELECT s.policy_key, p.title, s.path, s.format, s.version_id FROM sources s "
         "JOIN policies p ON p.policy_key = s.policy_key "
         "WHERE s.policy_key IN (SELECT policy_key FROM sources GROUP BY policy_key HAVING COUNT(*) > 1) "
         "ORDER BY s.policy_key, s.path"},
        {"failed", "inputs the last run failed on (retried by the next run), in input order", 0,
         "SELECT f.path, f.code, f.byte_offset AS byte, f.page, f.message FROM failures f "
         "WHERE f.run_id = (SELECT MAX(run_id) FROM runs) ORDER BY f.seq"},
        {"runs", "the runs that wrote the database, newest first", 0,
         "SELECT run_id, started_at, finished_at, gongwen_version, new_sources, changed, unchanged, reprocessed, "
         "failed "
         "FROM runs ORDER BY run_id DESC"},
    };
  }();
  return recipes;
}

}  // namespace gongwen::db
