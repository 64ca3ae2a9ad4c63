// db/internal: one SQL connection, SQLite or PostgreSQL, behind one small
// interface so that store.cpp writes each statement once.
//
// Statements use PostgreSQL's numbered parameters ($1, $2 …); the SQLite
// connection rewrites them to ?1, ?2 … Every result value comes back as text
// (NULL as std::nullopt), the way libpq returns it, so callers parse numbers
// the same way for both.
// Thread-safety: a Connection is used by one thread at a time.
#ifndef GONGWEN_DB_INTERNAL_CONNECTION_H_
#define GONGWEN_DB_INTERNAL_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/result.h"

namespace gongwen::db::internal {

// A statement parameter: NULL, an integer, a real or text.
struct Param {
  enum class Type { kNull, kInt, kReal, kText } type = Type::kNull;
  int64_t i = 0;
  double d = 0;
  std::string s;

  Param() = default;
  Param(std::nullptr_t) {}                                         // NOLINT
  Param(int64_t v) : type(Type::kInt), i(v) {}                      // NOLINT
  Param(int v) : type(Type::kInt), i(v) {}                          // NOLINT
  Param(double v) : type(Type::kReal), d(v) {}                      // NOLINT
  Param(std::string v) : type(Type::kText), s(std::move(v)) {}      // NOLINT
  Param(const char* v) : type(Type::kText), s(v) {}                 // NOLINT
  Param(const std::optional<std::string>& v) {                      // NOLINT
    if (v) *this = Param(*v);
  }
  Param(const std::optional<int>& v) {                              // NOLINT
    if (v) *this = Param(*v);
  }
};

using Row = std::vector<std::optional<std::string>>;
using Rows = std::vector<Row>;

enum class Dialect { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Several statements, no parameters (schema scripts, BEGIN/COMMIT).
  virtual Result<bool> Script(const std::string& sql) = 0;
  // One statement with parameters; the rows it returns (none for DML).
  virtual Result<Rows> Query(const std::string& sql, const std::vector<Param>& params = {}) = 0;
  // Column names of the last Query (for `gongwen db query`).
  virtual std::vector<std::string> LastColumns() const = 0;
};

// `path` is a file name (created when missing, unless `read_only`).
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path, bool read_only);
// `url` is a libpq connection string: postgresql://user@host:port/db?…
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url);

}  // namespace gongwen::db::internal

#endif  // GONGWEN_DB_INTERNAL_CONNECTION_H_
