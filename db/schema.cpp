// The database schema (README, "The policy database"). Types and syntax are
// the common ground of SQLite and PostgreSQL; only the full-text index
// differs (FTS5 trigram in SQLite, pg_trgm where the server has it).
#include "db/internal/schema.h"

#include "model/vocab.h"

namespace gongwen::db::internal {
namespace {

constexpr char kTables[] = R"sql(
CREATE TABLE runs (
  run_id          BIGINT PRIMARY KEY,
  started_at      TEXT NOT NULL,
  finished_at     TEXT,
  gongwen_version TEXT NOT NULL,
  as_of           TEXT NOT NULL,
  new_sources     BIGINT,
  changed         BIGINT,
  unchanged       BIGINT,
  reprocessed     BIGINT,
  failed          BIGINT
);

CREATE TABLE policies (
  policy_key      TEXT PRIMARY KEY,
  title           TEXT,
  doc_number      TEXT,
  issuer          TEXT,
  title_norm      TEXT,
  doc_number_norm TEXT,
  issuer_norm     TEXT,
  signed_date     TEXT,
  published_date  TEXT,
  effective_from  TEXT,
  effective_until TEXT,
  validity        TEXT,
  current_version TEXT NOT NULL,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL
);
CREATE INDEX policies_doc_number ON policies (doc_number_norm);
CREATE INDEX policies_title ON policies (title_norm);

CREATE TABLE versions (
  version_id      TEXT PRIMARY KEY,
  policy_key      TEXT NOT NULL REFERENCES policies (policy_key),
  doc_policy_key  TEXT NOT NULL,
  source_path     TEXT NOT NULL,
  source_sha256   TEXT NOT NULL,
  format          TEXT NOT NULL,
  title           TEXT,
  doc_number      TEXT,
  issuer          TEXT,
  signed_date     TEXT,
  published_date  TEXT,
  effective_from  TEXT,
  effective_until TEXT,
  validity        TEXT,
  clause_count    BIGINT NOT NULL,
  repair_count    BIGINT NOT NULL,
  warning_count   BIGINT NOT NULL,
  text            TEXT NOT NULL,
  gongwen_version TEXT NOT NULL,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL
);
CREATE INDEX versions_policy ON versions (policy_key);

CREATE TABLE sources (
  path            TEXT PRIMARY KEY,
  url             TEXT,
  sha256          TEXT NOT NULL,
  bytes           BIGINT NOT NULL,
  format          TEXT NOT NULL,
  fingerprint     TEXT NOT NULL,
  version_id      TEXT NOT NULL REFERENCES versions (version_id),
  policy_key      TEXT NOT NULL REFERENCES policies (policy_key),
  record          TEXT NOT NULL,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL,
  changed_at      TEXT NOT NULL
);
CREATE INDEX sources_policy ON sources (policy_key);
CREATE INDEX sources_version ON sources (version_id);

CREATE TABLE clauses (
  version_id      TEXT NOT NULL REFERENCES versions (version_id),
  clause_index    INTEGER NOT NULL,
  parent          INTEGER,
  level           INTEGER NOT NULL,
  part            INTEGER NOT NULL,
  path            TEXT NOT NULL,
  marker          TEXT NOT NULL,
  style           TEXT NOT NULL,
  heading         TEXT,
  text            TEXT NOT NULL,
  span_begin      BIGINT NOT NULL,
  span_end        BIGINT NOT NULL,
  PRIMARY KEY (version_id, clause_index)
);

CREATE TABLE amounts (
  version_id      TEXT NOT NULL,
  clause_index    INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  text            TEXT NOT NULL,
  fen             BIGINT,
  percent         DOUBLE PRECISION,
  ratio           TEXT,
  qualifier       TEXT NOT NULL,
  per             TEXT,
  target          TEXT,
  purpose         TEXT,
  span_begin      BIGINT NOT NULL,
  span_end        BIGINT NOT NULL,
  PRIMARY KEY (version_id, clause_index, seq),
  FOREIGN KEY (version_id, clause_index) REFERENCES clauses (version_id, clause_index)
);
CREATE INDEX amounts_kind ON amounts (kind);

CREATE TABLE bureaus (
  version_id      TEXT NOT NULL,
  clause_index    INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  name            TEXT NOT NULL,
  canonical       TEXT,
  role            TEXT NOT NULL,
  duty            TEXT,
  span_begin      BIGINT NOT NULL,
  span_end        BIGINT NOT NULL,
  PRIMARY KEY (version_id, clause_index, seq),
  FOREIGN KEY (version_id, clause_index) REFERENCES clauses (version_id, clause_index)
);
CREATE INDEX bureaus_name ON bureaus (name);

CREATE TABLE warnings (
  version_id      TEXT NOT NULL REFERENCES versions (version_id),
  seq             INTEGER NOT NULL,
  code            TEXT NOT NULL,
  message         TEXT NOT NULL,
  span_begin      BIGINT,
  span_end        BIGINT,
  PRIMARY KEY (version_id, seq)
);
CREATE INDEX warnings_code ON warnings (code);

CREATE TABLE conflicts (
  version_id      TEXT NOT NULL REFERENCES versions (version_id),
  other_policy    TEXT NOT NULL REFERENCES policies (policy_key),
  reason          TEXT NOT NULL,
  PRIMARY KEY (version_id, other_policy)
);

)sql";

// SQLite: a trigram index over clause text (substring search for any
// string of 3+ characters, Chinese included). store.cpp keeps it: the
// clauses of a batch's new versions at its commit, 'delete' before a clause
// is deleted (a trigger doing the same costs four times as much).
constexpr char kSqliteFts[] = R"sql(
CREATE VIRTUAL TABLE clause_fts USING fts5 (text, content = 'clauses', content_rowid = 'rowid',
                                             tokenize = 'trigram');
)sql";

// Version 2: the inputs each run failed on (errors.jsonl in the database),
// so they can be listed and retried. `path` as StoredPath: a file, or
// FILE#KEY for a record of a container (FILE#N when the record could not be
// read far enough to know its key).
constexpr char kFailures[] = R"sql(
CREATE TABLE failures (
  run_id          BIGINT NOT NULL REFERENCES runs (run_id),
  seq             INTEGER NOT NULL,
  path            TEXT NOT NULL,
  code            TEXT NOT NULL,
  byte_offset     BIGINT,
  page            INTEGER,
  message         TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX failures_path ON failures (path);
)sql";

}  // namespace

std::string StatusSql(const std::string& p, const std::string& today) {
  // A status's name as an SQL string literal.
  auto name = [](PolicyState s) { return "'" + std::string(NameOf(s)) + "'"; };
  return "CASE"
         " WHEN " + p + ".validity LIKE '%失效%' OR " + p + ".validity LIKE '%废止%'"
         " OR " + p + ".validity LIKE '%过期%' OR " + p + ".validity LIKE '%已撤销%' THEN " +
         name(PolicyState::kExpired) +
         " WHEN " + p + ".effective_from > " + today + " THEN " + name(PolicyState::kNotYetEffective) +
         " WHEN " + p + ".effective_until < " + today + " THEN " + name(PolicyState::kExpired) +
         " WHEN " + p + ".effective_from IS NOT NULL OR " + p + ".effective_until IS NOT NULL THEN " +
         name(PolicyState::kEffective) +
         " ELSE " + name(PolicyState::kUnknown) + " END";
}

std::vector<std::string> Migrations(Dialect dialect) {
  std::string v1 = kTables;
  // Each policy's status today, judged like metadata.status (structure.h).
  v1 += "CREATE VIEW policy_status AS\n"
        "SELECT p.policy_key, p.title, p.doc_number, p.issuer, p.effective_from, p.effective_until,\n"
        "       " + StatusSql("p", "CAST(CURRENT_DATE AS TEXT)") + " AS status,\n"
        "       (SELECT COUNT(*) FROM sources s WHERE s.policy_key = p.policy_key) AS sources,\n"
        "       (SELECT COUNT(*) FROM versions v WHERE v.policy_key = p.policy_key) AS versions,\n"
        "       p.first_seen, p.last_seen\n"
        "FROM policies p;\n";
  if (dialect == Dialect::kSqlite) v1 += kSqliteFts;
  return {v1, kFailures};
}

}  // namespace gongwen::db::internal
