#include <cstdio>
#include <utility>

#include "db/db.h"
#include "db/internal/connection.h"
#include "db/internal/schema.h"
#include "util/ids.h"
#include "util/sha256.h"
#include "util/utf8.h"

namespace gongwen::db {

using internal::Param;
using internal::Rows;

namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string FormatNumber(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string ClausePath(const std::vector<int>& path) {
  std::string s;
  for (size_t i = 0; i < path.size(); ++i) s += (i ? "." : "") + std::to_string(path[i]);
  return s;
}

// Same title, or one holds the other (a PDF title without its 关于印发…的通知
// wrapper) when the shorter still has 6 characters.
bool TitlesAgree(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 18 && longer.find(shorter) != std::string::npos;
}

bool IssuersAgree(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return !a || !b || a->empty() || b->empty() || *a == *b;
}

std::optional<std::string> NormOrNull(const std::optional<std::string>& v, std::string (*norm)(std::string_view)) {
  if (!v) return std::nullopt;
  std::string n = norm(*v);
  if (n.empty()) return std::nullopt;
  return n;
}

Error NewerSchema(int version) {
  return Error{ErrorCode::kDatabase, "database schema version " + std::to_string(version) +
                                         " is newer than this gongwen's (" + std::to_string(kSchemaVersion) +
                                         "); use a newer gongwen"};
}

}  // namespace

std::string StoredPath(const std::string& path) { return utf8::EscapeInvalid(path); }

bool IsPostgresUrl(const std::string& target) {
  return StartsWith(target, "postgresql://") || StartsWith(target, "postgres://");
}

Store::Store(std::string target, std::unique_ptr<internal::Connection> conn)
    : target_(std::move(target)), conn_(std::move(conn)) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& target, Mode mode) {
  const bool read_only = mode == Mode::kRead;
  auto conn = IsPostgresUrl(target) ? internal::OpenPostgres(target) : internal::OpenSqlite(target, read_only);
  if (!conn.ok()) return conn.error();
  std::unique_ptr<Store> store(new Store(target, std::move(conn).value()));
  if (read_only) {
    if (IsPostgresUrl(target)) {
      auto ro = store->conn_->Script("SET default_transaction_read_only = on");
      if (!ro.ok()) return ro.error();
    }
    auto v = store->SchemaVersion();
    if (!v.ok()) return v.error();
    if (v.value() == 0) return Error{ErrorCode::kDatabase, target + ": not a gongwen database (no schema_version)"};
    if (v.value() > kSchemaVersion) return Error{ErrorCode::kDatabase, target + ": " + NewerSchema(v.value()).message};
    return store;
  }
  if (auto m = store->Migrate(); !m.ok()) return m.error();
  return store;
}

Result<int> Store::SchemaVersion() {
  // Whether the table exists, asked in a way both backends answer.
  auto has = conn_->Query(conn_->dialect() == internal::Dialect::kSqlite
                              ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
                              : "SELECT COUNT(*) FROM information_schema.tables "
                                "WHERE table_schema = current_schema() AND table_name = 'schema_version'");
  if (!has.ok()) return Error{ErrorCode::kDatabase, target_ + ": " + has.error().message};
  if (has.value().at(0).at(0).value_or("0") == "0") return 0;
  auto rows = conn_->Query("SELECT MAX(version) FROM schema_version");
  if (!rows.ok()) return rows.error();
  const auto& cell = rows.value().at(0).at(0);
  return cell ? std::stoi(*cell) : 0;
}

Result<bool> Store::BeginBatch() {
  // Take the write lock now, so that two writers queue instead of one
  // failing at its first write: SQLite's IMMEDIATE, a transaction-scoped
  // advisory lock in PostgreSQL (its number is arbitrary, gongwen's own).
  return conn_->Script(conn_->dialect() == internal::Dialect::kSqlite
                           ? "BEGIN IMMEDIATE"
                           : "BEGIN; SELECT pg_advisory_xact_lock(7510402)");
}

Result<bool> Store::CommitBatch() {
  // The clause text of the batch's new versions goes into the FTS5 index
  // last, in one statement: FTS5 flushes what it holds at the end of every
  // statement of the transaction after it was written, and those flushes
  // cost more than all the other inserts together.
  if (!pending_fts_.empty()) {
    std::string ids = "[";
    for (const std::string& vid : pending_fts_) ids += (ids.size() > 1 ? ",\"" : "\"") + vid + "\"";
    ids += "]";
    pending_fts_.clear();
    auto r = conn_->Query(
        "INSERT INTO clause_fts (rowid, text) SELECT rowid, text FROM clauses "
        "WHERE version_id IN (SELECT value FROM json_each($1)) ORDER BY rowid",
        {ids});
    if (!r.ok()) return r.error();
  }
  return conn_->Script("COMMIT");
}

Result<bool> Store::Migrate() {
  // One transaction, under the write lock: two first runs on an empty
  // database do not both create it.
  if (auto r = BeginBatch(); !r.ok()) return Error{ErrorCode::kDatabase, target_ + ": " + r.error().message};
  auto migrate = [&]() -> Result<bool> {
    if (auto r = conn_->Script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); !r.ok()) {
      return r.error();
    }
    auto version = SchemaVersion();
    if (!version.ok()) return version.error();
    const int current = version.value();
    if (current > kSchemaVersion) return NewerSchema(current);
    const std::vector<std::string> steps = internal::Migrations(conn_->dialect());
    for (int v = current; v < static_cast<int>(steps.size()); ++v) {
      auto step = conn_->Script(steps[v]);
      if (!step.ok()) {
        return Error{ErrorCode::kDatabase,
                     "cannot migrate to schema version " + std::to_string(v + 1) + ": " + step.error().message};
      }
      auto q = conn_->Query("INSERT INTO schema_version (version) VALUES ($1)", {v + 1});
      if (!q.ok()) return q.error();
    }
    return true;
  };
  if (auto m = migrate(); !m.ok()) {
    (void)conn_->Script("ROLLBACK");
    return Error{ErrorCode::kDatabase, target_ + ": " + m.error().message};
  }
  return conn_->Script("COMMIT");
}

Result<int64_t> Store::BeginRun(const std::string& gongwen_version, const std::string& as_of,
                                const std::string& now) {
  now_ = now;
  if (auto b = BeginBatch(); !b.ok()) return b.error();
  auto id = conn_->Query("SELECT COALESCE(MAX(run_id), 0) + 1 FROM runs");
  if (!id.ok()) return id.error();
  run_id_ = std::stoll(*id.value()[0][0]);
  auto ins = conn_->Query(
      "INSERT INTO runs (run_id, started_at, gongwen_version, as_of) VALUES ($1, $2, $3, $4)",
      {run_id_, now, gongwen_version, as_of});
  if (!ins.ok()) return ins.error();
  if (auto c = CommitBatch(); !c.ok()) return c.error();
  return run_id_;
}

Result<bool> Store::FinishRun(const RunCounts& counts, const std::string& finished_at) {
  auto r = conn_->Query(
      "UPDATE runs SET finished_at = $2, new_sources = $3, changed = $4, unchanged = $5, reprocessed = $6, "
      "failed = $7 WHERE run_id = $1",
      {run_id_, finished_at, counts.new_sources, counts.changed, counts.unchanged, counts.reprocessed,
       counts.failed});
  if (!r.ok()) return r.error();
  return true;
}

Result<std::optional<KnownSource>> Store::Lookup(const std::string& path) {
  const std::string stored = StoredPath(path);
  auto rows = conn_->Query(
      "SELECT s.policy_key, s.sha256, s.fingerprint, s.version_id, s.record, "
      "(SELECT COUNT(*) FROM sources o WHERE o.version_id = s.version_id) FROM sources s WHERE s.path = $1",
      {stored});
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return std::optional<KnownSource>();
  auto& r = rows.value()[0];
  return std::optional<KnownSource>(
      KnownSource{stored, *r[0], *r[1], *r[2], *r[3], std::move(*r[4]), r[5].value_or("1") != "1"});
}

Result<bool> Store::Touch(const KnownSource& source) {
  for (auto [sql, key] : {std::pair{"UPDATE sources SET last_seen = $2 WHERE path = $1", &source.path},
                          std::pair{"UPDATE versions SET last_seen = $2 WHERE version_id = $1", &source.version_id},
                          std::pair{"UPDATE policies SET last_seen = $2 WHERE policy_key = $1", &source.policy_key}}) {
    if (auto r = conn_->Query(sql, {*key, now_}); !r.ok()) return r.error();
  }
  return true;
}

Result<std::string> Store::MatchPolicy(const Policy& policy, const std::string& path,
                                       std::vector<Conflict>* conflicts) {
  const Metadata& md = policy.metadata;
  const auto doc = NormOrNull(md.doc_number, ids::DocNumberKey);
  const auto title = NormOrNull(md.title, ids::NameKey);
  const auto issuer = NormOrNull(md.issuer, ids::NameKey);
  // Columns 0 key, 1 issuer_norm, 2 title_norm, 3 doc_number_norm, 4 doc_number, 5 title. Only
  // policies a source other than this document's own path points at: one
  // whose pages all carry other documents now is history, neither matched
  // nor in the way, and what this path carried before does not count (as
  // in a run from scratch).
  const std::string columns =
      "SELECT p.policy_key, p.issuer_norm, p.title_norm, p.doc_number_norm, p.doc_number, p.title FROM policies p "
      "WHERE EXISTS (SELECT 1 FROM sources s WHERE s.policy_key = p.policy_key AND s.path <> $2) AND ";
  auto describe = [](const internal::Row& r) {
    return "policy " + *r[0] + " (" + r[4].value_or("no 文号") + ", " + r[5].value_or("no title") + ")";
  };
  if (doc) {
    auto rows = conn_->Query(columns + "p.doc_number_norm = $1 ORDER BY p.policy_key", {*doc, path});
    if (!rows.ok()) return rows.error();
    std::vector<const internal::Row*> disagree;
    for (const auto& r : rows.value()) {
      if (!IssuersAgree(issuer, r[1])) continue;  // another issuer's document with the same number
      if (!title || !r[2] || TitlesAgree(*title, *r[2])) return *r[0];
      disagree.push_back(&r);
    }
    for (const internal::Row* r : disagree) {
      conflicts->push_back({*(*r)[0], "same 文号 as " + describe(*r) + " but another title: not merged"});
    }
  }
  if (conflicts->empty() && title) {
    auto rows = conn_->Query(columns + "p.title_norm = $1 ORDER BY p.policy_key", {*title, path});
    if (!rows.ok()) return rows.error();
    std::vector<const internal::Row*> fits;
    for (const auto& r : rows.value()) {
      if (!IssuersAgree(issuer, r[1])) continue;
      if (doc && r[3] && *r[3] != *doc) {
        conflicts->push_back({*r[0], "same title as " + describe(r) + " but another 文号: not merged"});
        continue;
      }
      fits.push_back(&r);
    }
    if (fits.size() == 1 && conflicts->empty()) return *(*fits[0])[0];
    if (fits.size() > 1) {
      for (const internal::Row* r : fits) {
        conflicts->push_back({*(*r)[0], "same title as " + describe(*r) + " and " + std::to_string(fits.size() - 1) +
                                            " other policies: not merged"});
      }
    }
  }
  // Its own key, unless a live policy it did not match has it (another
  // issuer's document of the same title, or one it was kept apart from):
  // then the key with a suffix from its title, so that the same document
  // edited again finds the same key. A policy that is history gives its
  // key back.
  const std::string& own = policy.policy_key;
  for (const std::string& key : {own, own + "-" + Sha256Hex(title.value_or("")).substr(0, 8), own + "-" + policy.id}) {
    auto taken = conn_->Query("SELECT 1 FROM sources WHERE policy_key = $1 AND path <> $2", {key, path});
    if (!taken.ok()) return taken.error();
    if (taken.value().empty()) return key;
  }
  return Error{ErrorCode::kDatabase, "no free policy key for " + path};  // its own version id is always free
}

Result<bool> Store::RefreshPolicy(const std::string& key, bool seen) {
  // The versions its sources point at now (else all it ever had), newest
  // document first, then by version id: the same answer whatever the order
  // in which they arrived. Each column is the first that states it.
  auto rows = conn_->Query(
      "SELECT v.version_id, v.title, v.doc_number, v.issuer, v.signed_date, v.published_date, v.effective_from, "
      "v.effective_until, v.validity, "
      "CASE WHEN EXISTS (SELECT 1 FROM sources s WHERE s.version_id = v.version_id AND s.policy_key = $1) "
      "THEN 1 ELSE 0 END AS live "
      "FROM versions v WHERE v.policy_key = $1 "
      "ORDER BY 10 DESC, COALESCE(v.published_date, v.signed_date, '') DESC, v.version_id",
      {key});
  if (!rows.ok()) return rows.error();
  const Rows& versions = rows.value();
  if (versions.empty()) return true;
  const bool any_live = versions[0][9].value_or("0") != "0";
  std::vector<std::optional<std::string>> value(9);
  value[0] = versions[0][0];
  for (size_t c = 1; c < 9; ++c) {
    for (const auto& v : versions) {
      if (any_live && v[9].value_or("0") == "0") break;
      if (v[c]) {
        value[c] = v[c];
        break;
      }
    }
  }
  std::vector<Param> params = {key, value[1], value[2], value[3], NormOrNull(value[1], ids::NameKey),
                               NormOrNull(value[2], ids::DocNumberKey), NormOrNull(value[3], ids::NameKey),
                               value[4], value[5], value[6], value[7], value[8], value[0]};
  std::string sql =
      "UPDATE policies SET title = $2, doc_number = $3, issuer = $4, title_norm = $5, doc_number_norm = $6, "
      "issuer_norm = $7, signed_date = $8, published_date = $9, effective_from = $10, effective_until = $11, "
      "validity = $12, current_version = $13";
  if (seen) {
    sql += ", last_seen = $14";
    params.push_back(now_);
  }
  auto up = conn_->Query(sql + " WHERE policy_key = $1", params);
  if (!up.ok()) return up.error();
  return true;
}

Result<bool> Store::WriteVersionRows(const Policy& policy) {
  const std::string& vid = policy.id;
  const utf8::CodePointIndex cps(policy.text);
  if (conn_->dialect() == internal::Dialect::kSqlite) pending_fts_.push_back(vid);
  for (const Clause& c : policy.clauses) {
    const ByteSpan bytes = cps.ToBytes(c.span);
    auto r = conn_->Query(
        "INSERT INTO clauses (version_id, clause_index, parent, level, part, path, marker, style, heading, "
        "text, span_begin, span_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        {vid, c.index, c.parent, c.level, c.part, ClausePath(c.path), c.marker, NameOf(c.style), c.heading,
         policy.text.substr(bytes.begin, bytes.end - bytes.begin), c.span.begin, c.span.end});
    if (!r.ok()) return r.error();

    for (size_t i = 0; i < c.amounts.size(); ++i) {
      const Amount& a = c.amounts[i];
      Param fen, percent, ratio;
      if (a.kind == AmountKind::kMoney) fen = a.fen;
      if (a.kind == AmountKind::kPercent) percent = a.percent;
      if (a.kind == AmountKind::kRatio) {
        std::string s;
        for (size_t k = 0; k < a.ratio.size(); ++k) s += (k ? ":" : "") + FormatNumber(a.ratio[k]);
        ratio = s;
      }
      auto ar = conn_->Query(
          "INSERT INTO amounts (version_id, clause_index, seq, kind, text, fen, percent, ratio, qualifier, per, "
          "target, purpose, span_begin, span_end) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
          {vid, c.index, static_cast<int>(i), NameOf(a.kind), a.text, fen, percent, ratio, NameOf(a.qualifier), a.per,
           a.target, a.purpose ? Param(NameOf(*a.purpose)) : Param(), a.span.begin, a.span.end});
      if (!ar.ok()) return ar.error();
    }
    for (size_t i = 0; i < c.bureaus.size(); ++i) {
      const BureauRef& br = c.bureaus[i];
      auto rr = conn_->Query(
          "INSERT INTO bureaus (version_id, clause_index, seq, name, canonical, role, duty, span_begin, span_end) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
          {vid, c.index, static_cast<int>(i), br.name, br.canonical, NameOf(br.role),
           br.duty ? Param(NameOf(*br.duty)) : Param(), br.span.begin, br.span.end});
      if (!rr.ok()) return rr.error();
    }
  }
  for (size_t i = 0; i < policy.warnings.size(); ++i) {
    const Warning& w = policy.warnings[i];
    Param begin, end;
    if (w.span) {
      begin = w.span->begin;
      end = w.span->end;
    }
    auto r = conn_->Query(
        "INSERT INTO warnings (version_id, seq, code, message, span_begin, span_end) VALUES ($1, $2, $3, $4, $5, $6)",
        {vid, static_cast<int>(i), NameOf(w.code), w.message, begin, end});
    if (!r.ok()) return r.error();
  }
  return true;
}

Result<Upserted> Store::Upsert(const Policy& policy, const std::string& record, const std::string& fingerprint,
                               const std::string& gongwen_version) {
  const Metadata& md = policy.metadata;
  const std::string& vid = policy.id;
  Upserted u;
  const std::string path = StoredPath(SourceKey(policy.source));
  auto before = conn_->Query("SELECT policy_key FROM sources WHERE path = $1", {path});
  if (!before.ok()) return before.error();
  const std::optional<std::string> previous =
      before.value().empty() ? std::nullopt : before.value()[0][0];
  auto existing = conn_->Query("SELECT policy_key, gongwen_version FROM versions WHERE version_id = $1", {vid});
  if (!existing.ok()) return existing.error();
  const bool known = !existing.value().empty();
  if (known && existing.value()[0][1].value_or("") == gongwen_version) {
    // The same normalized text, already written by this build: it stays in
    // its policy as it is.
    u.policy_key = *existing.value()[0][0];
    auto up = conn_->Query("UPDATE versions SET last_seen = $2 WHERE version_id = $1", {vid, now_});
    if (!up.ok()) return up.error();
  } else {
    std::vector<Conflict> conflicts;
    if (known) {
      // The same text processed again by another build: it stays in its
      // policy, and its rows are written anew.
      u.policy_key = *existing.value()[0][0];
      if (conn_->dialect() == internal::Dialect::kSqlite) {
        auto d = conn_->Query(
            "INSERT INTO clause_fts (clause_fts, rowid, text) "
            "SELECT 'delete', rowid, text FROM clauses WHERE version_id = $1",
            {vid});
        if (!d.ok()) return d.error();
      }
      for (const char* table : {"amounts", "bureaus", "warnings", "clauses"}) {
        auto d = conn_->Query(std::string("DELETE FROM ") + table + " WHERE version_id = $1", {vid});
        if (!d.ok()) return d.error();
      }
    } else {
      auto key = MatchPolicy(policy, path, &conflicts);
      if (!key.ok()) return key.error();
      u.policy_key = key.value();
      auto ins = conn_->Query(
          "INSERT INTO policies (policy_key, current_version, first_seen, last_seen) VALUES ($1, $2, $3, $3) "
          "ON CONFLICT (policy_key) DO NOTHING",
          {u.policy_key, vid, now_});
      if (!ins.ok()) return ins.error();
    }
    // Where it first came from and when stay; what this build reads in it
    // is written over.
    auto ins = conn_->Query(
        "INSERT INTO versions (version_id, policy_key, source_path, source_sha256, format, title, doc_number, "
        "issuer, signed_date, published_date, effective_from, effective_until, validity, clause_count, "
        "repair_count, warning_count, text, gongwen_version, first_seen, last_seen, doc_policy_key) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, $20) "
        "ON CONFLICT (version_id) DO UPDATE SET title = excluded.title, doc_number = excluded.doc_number, "
        "issuer = excluded.issuer, signed_date = excluded.signed_date, published_date = excluded.published_date, "
        "effective_from = excluded.effective_from, effective_until = excluded.effective_until, "
        "validity = excluded.validity, clause_count = excluded.clause_count, repair_count = excluded.repair_count, "
        "warning_count = excluded.warning_count, gongwen_version = excluded.gongwen_version, "
        "last_seen = excluded.last_seen",
        {vid, u.policy_key, path, policy.source.sha256, NameOf(policy.source.format), md.title, md.doc_number, md.issuer,
         md.signed_date, md.published_date, md.effective_from, md.effective_until, md.validity,
         static_cast<int64_t>(policy.clauses.size()), static_cast<int64_t>(policy.repairs.size()),
         static_cast<int64_t>(policy.warnings.size()), policy.text, gongwen_version, now_, policy.policy_key});
    if (!ins.ok()) return ins.error();
    if (auto w = WriteVersionRows(policy); !w.ok()) return w.error();
    for (const Conflict& c : conflicts) {
      u.conflicts.push_back(c.reason);
      auto r = conn_->Query(
          "INSERT INTO conflicts (version_id, other_policy, reason) VALUES ($1, $2, $3) "
          "ON CONFLICT (version_id, other_policy) DO NOTHING",
          {vid, c.other, c.reason});
      if (!r.ok()) return r.error();
    }
  }
  auto src = conn_->Query(
      "INSERT INTO sources (path, url, sha256, bytes, format, fingerprint, version_id, policy_key, record, "
      "first_seen, last_seen, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10) "
      "ON CONFLICT (path) DO UPDATE SET url = excluded.url, sha256 = excluded.sha256, bytes = excluded.bytes, "
      "format = excluded.format, fingerprint = excluded.fingerprint, version_id = excluded.version_id, "
      "policy_key = excluded.policy_key, record = excluded.record, last_seen = excluded.last_seen, "
      "changed_at = excluded.changed_at",
      {path, policy.source.url ? Param(StoredPath(*policy.source.url)) : Param(), policy.source.sha256,
       policy.source.bytes, NameOf(policy.source.format), fingerprint, vid, u.policy_key, record, now_});
  if (!src.ok()) return src.error();
  if (auto r = RefreshPolicy(u.policy_key, true); !r.ok()) return r.error();
  if (previous && *previous != u.policy_key) {
    // The source moved: the policy it left is what its other sources say.
    if (auto r = RefreshPolicy(*previous, false); !r.ok()) return r.error();
  }
  return u;
}

Result<bool> Store::RecordFailure(const std::string& path, const Error& e) {
  auto r = conn_->Query(
      "INSERT INTO failures (run_id, seq, path, code, byte_offset, page, message) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {run_id_, failures_, StoredPath(path), ErrorCodeName(e.code), e.byte_offset ? Param(*e.byte_offset) : Param(),
       e.page ? Param(*e.page) : Param(), utf8::EscapeInvalid(e.message)});
  if (!r.ok()) return r.error();
  ++failures_;
  return true;
}

Result<Table> Store::Query(const std::string& sql, const std::vector<std::string>& args) {
  std::vector<Param> params(args.begin(), args.end());
  auto rows = conn_->Query(sql, params);
  if (!rows.ok()) return rows.error();
  return Table{conn_->LastColumns(), std::move(rows).value()};
}

}  // namespace gongwen::db
