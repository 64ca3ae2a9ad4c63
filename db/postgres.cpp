// db/postgres: the shared-server backend over libpq. Parameters travel as
// text and the server infers their types from the statement, so the same SQL
// serves both backends.
#include <libpq-fe.h>

#include <cstdio>

#include "db/internal/connection.h"

namespace gongwen::db::internal {
namespace {

std::string Trimmed(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<bool> Script(const std::string& sql) override {
    PGresult* r = PQexec(conn_, sql.c_str());
    const ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string m = Trimmed(PQresultErrorMessage(r));
      PQclear(r);
      return Error{ErrorCode::kDatabase, "postgresql: " + m};
    }
    PQclear(r);
    return true;
  }

  Result<Rows> Query(const std::string& sql, const std::vector<Param>& params) override {
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Param& p = params[i];
      switch (p.type) {
        case Param::Type::kNull: continue;
        case Param::Type::kInt: text[i] = std::to_string(p.i); break;
        case Param::Type::kReal: {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.17g", p.d);
          text[i] = buf;
          break;
        }
        case Param::Type::kText: text[i] = p.s; break;
      }
      values[i] = text[i].c_str();
    }
    PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    const ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string m = Trimmed(PQresultErrorMessage(r));
      PQclear(r);
      return Error{ErrorCode::kDatabase, "postgresql: " + m + " in \"" + sql.substr(0, 80) + "\""};
    }
    Rows rows;
    const int n = PQntuples(r), columns = PQnfields(r);
    columns_.clear();
    for (int c = 0; c < columns; ++c) columns_.push_back(PQfname(r, c));
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
      Row row(columns);
      for (int c = 0; c < columns; ++c) {
        if (!PQgetisnull(r, i, c)) row[c] = std::string(PQgetvalue(r, i, c), PQgetlength(r, i, c));
      }
      rows.push_back(std::move(row));
    }
    PQclear(r);
    return rows;
  }

  std::vector<std::string> LastColumns() const override { return columns_; }

 private:
  PGconn* conn_;
  std::vector<std::string> columns_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return Error{ErrorCode::kDatabase, "postgresql: cannot connect: " + m};
  }
  auto c = std::make_unique<PostgresConnection>(conn);
  // Quiet NOTICEs (CREATE … IF NOT EXISTS) and UTF-8 whatever the server's default.
  auto setup = c->Script("SET client_min_messages = warning; SET client_encoding = 'UTF8';");
  if (!setup.ok()) return setup.error();
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace gongwen::db::internal
