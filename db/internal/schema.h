// db/internal/schema: the SQL that creates each schema version.
#ifndef GONGWEN_DB_INTERNAL_SCHEMA_H_
#define GONGWEN_DB_INTERNAL_SCHEMA_H_

#include <string>
#include <vector>

#include "db/internal/connection.h"

namespace gongwen::db::internal {

// Migrations()[k] takes a database from schema version k to k + 1; version
// 0 is an empty database. Each is one script for the dialect.
std::vector<std::string> Migrations(Dialect dialect);

// A CASE expression giving the status (effective | expired |
// not_yet_effective | unknown) of the policies row aliased `p` on the day
// `today` (an SQL expression of an ISO date text), by the rules of
// structure::PolicyStatus.
std::string StatusSql(const std::string& p, const std::string& today);

}  // namespace gongwen::db::internal

#endif  // GONGWEN_DB_INTERNAL_SCHEMA_H_
