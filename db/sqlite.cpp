// db/sqlite: the embedded backend. Prepared statements are cached by their
// SQL text, so the thousands of row inserts of a batch are bound and stepped,
// not parsed again.
#include <sqlite3.h>

#include <cctype>
#include <cstring>
#include <unordered_map>

#include "db/internal/connection.h"

namespace gongwen::db::internal {
namespace {

Error DbError(sqlite3* db, const std::string& what) {
  return Error{ErrorCode::kDatabase, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
}

// $1 → ?1 outside string literals.
std::string ToSqliteParams(const std::string& sql) {
  std::string out;
  out.reserve(sql.size());
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<bool> Script(const std::string& sql) override {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      return Error{ErrorCode::kDatabase, "sqlite: " + m};
    }
    return true;
  }

  Result<Rows> Query(const std::string& sql, const std::vector<Param>& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (auto it = cache_.find(sql); it != cache_.end()) {
      stmt = it->second;
    } else {
      const std::string text = ToSqliteParams(sql);
      const char* tail = nullptr;
      if (sqlite3_prepare_v2(db_, text.c_str(), -1, &stmt, &tail) != SQLITE_OK) {
        return DbError(db_, "sqlite: cannot prepare \"" + sql.substr(0, 80) + "\"");
      }
      while (tail && (*tail == ';' || std::isspace(static_cast<unsigned char>(*tail)))) ++tail;
      if (tail && *tail) {
        sqlite3_finalize(stmt);
        return Error{ErrorCode::kDatabase, "sqlite: one statement at a time; this follows it: \"" +
                                               std::string(tail).substr(0, 60) + "\""};
      }
      cache_.emplace(sql, stmt);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
      const Param& p = params[i];
      const int n = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      switch (p.type) {
        case Param::Type::kNull: rc = sqlite3_bind_null(stmt, n); break;
        case Param::Type::kInt: rc = sqlite3_bind_int64(stmt, n, p.i); break;
        case Param::Type::kReal: rc = sqlite3_bind_double(stmt, n, p.d); break;
        case Param::Type::kText:
          rc = sqlite3_bind_text(stmt, n, p.s.data(), static_cast<int>(p.s.size()), SQLITE_TRANSIENT);
          break;
      }
      if (rc != SQLITE_OK) return DbError(db_, "sqlite: cannot bind parameter " + std::to_string(n));
    }
    Rows rows;
    const int columns = sqlite3_column_count(stmt);
    columns_.clear();
    for (int c = 0; c < columns; ++c) columns_.push_back(sqlite3_column_name(stmt, c));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Error e = DbError(db_, "sqlite: \"" + sql.substr(0, 80) + "\"");
        sqlite3_reset(stmt);
        return e;
      }
      Row row(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        row[c] = std::string(text, sqlite3_column_bytes(stmt, c));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  std::vector<std::string> LastColumns() const override { return columns_; }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::vector<std::string> columns_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path, bool read_only) {
  sqlite3* db = nullptr;
  const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
    if (db && sqlite3_system_errno(db) != 0) reason += std::string(": ") + std::strerror(sqlite3_system_errno(db));
    sqlite3_close(db);
    return Error{ErrorCode::kDatabase, "sqlite: cannot open " + path + ": " + reason};
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 30000);  // another gongwen writing: wait, do not fail
  // WAL: readers (db query) never block the writer; a killed writer leaves
  // the last committed batch, and the next open rolls the rest back.
  // A 128 MB page cache (the default is 2 MB): the clause, amount and
  // bureau keys start with a hash, so inserts land all over the indexes.
  auto pragmas = conn->Script(read_only ? "PRAGMA foreign_keys = ON;"
                                        : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                          "PRAGMA foreign_keys = ON; PRAGMA cache_size = -131072; "
                                          "PRAGMA wal_autocheckpoint = 8192;");
  if (!pragmas.ok()) return Error{ErrorCode::kDatabase, path + ": " + pragmas.error().message};
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace gongwen::db::internal
