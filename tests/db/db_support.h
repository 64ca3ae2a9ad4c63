// Helpers for the database tests: a fresh database to write to, SQLite by
// default or PostgreSQL when GONGWEN_TEST_PG names a server's database
// (scripts/with-postgres starts one), and a snapshot of its content.
#ifndef GONGWEN_TESTS_DB_DB_SUPPORT_H_
#define GONGWEN_TESTS_DB_DB_SUPPORT_H_

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "db/db.h"
#include "tests/app/cli_support.h"

namespace gongwen::testing {

inline std::string TestPostgres() {
  const char* url = std::getenv("GONGWEN_TEST_PG");
  return url && *url ? url : "";
}

// An empty database: a new SQLite file in `dir`, or the PostgreSQL test
// database with its tables dropped.
inline std::string FreshDatabase(const std::filesystem::path& dir) {
  const std::string pg = TestPostgres();
  if (pg.empty()) return (dir / "gongwen.db").string();
  auto store = db::Store::Open(pg);
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? std::string() : store.error().Describe()));
  for (const char* sql : {"DROP SCHEMA public CASCADE", "CREATE SCHEMA public"}) {
    auto r = store.value()->Query(sql);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().Describe()));
  }
  return pg;
}

inline db::Table QueryOrFail(const std::string& target, const std::string& sql,
                             const std::vector<std::string>& args = {}) {
  auto store = db::Store::Open(target);
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? std::string() : store.error().Describe()));
  auto t = store.value()->Query(sql, args);
  REQUIRE_MESSAGE(t.ok(), (t.ok() ? std::string() : t.error().Describe()));
  return std::move(t).value();
}

inline int64_t Count(const std::string& target, const std::string& sql, const std::vector<std::string>& args = {}) {
  db::Table t = QueryOrFail(target, sql, args);
  REQUIRE(t.rows.size() == 1);
  return std::stoll(t.rows[0][0].value_or("0"));
}

// Every table's content in key order, without the columns that record when
// (first_seen, last_seen, changed_at) and without the runs table: what two
// databases made from the same inputs must share.
inline std::string Snapshot(const std::string& target) {
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"policies", "policy_key"},
      {"versions", "version_id"},
      {"sources", "path"},
      {"clauses", "version_id, clause_index"},
      {"amounts", "version_id, clause_index, seq"},
      {"bureaus", "version_id, clause_index, seq"},
      {"warnings", "version_id, seq"},
      {"conflicts", "version_id, other_policy"},
      {"schema_version", "version"}};
  std::string out;
  for (const auto& [table, key] : tables) {
    db::Table t = QueryOrFail(target, "SELECT * FROM " + table + " ORDER BY " + key);
    out += "## " + table + "\n";
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        const std::string& col = t.columns[c];
        if (col == "first_seen" || col == "last_seen" || col == "changed_at") continue;
        out += col + "=" + row[c].value_or("NULL") + "\t";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace gongwen::testing

#endif  // GONGWEN_TESTS_DB_DB_SUPPORT_H_
