// SQL dumps of a CMS's tables, as mysqldump, phpMyAdmin, Navicat, pg_dump
// (--inserts or COPY), SQL Server scripts and sqlite3 .dump write them. Each
// tuple of an INSERT/REPLACE … VALUES statement and each line of a COPY …
// FROM stdin block is a record; every other statement (CREATE TABLE, SET,
// LOCK TABLES, function bodies, comments) is passed over.
//
// One forward pass, no recursion, no backtracking: a dump of hundreds of MB
// whose extended INSERTs hold thousands of tuples reads in linear time.
//
// Backslashes inside '…' are escapes in MySQL and text in PostgreSQL (with
// standard_conforming_strings on, the default since 9.1), SQL Server and
// SQLite, and a dump does not say which it is on every line. The reader
// decides per statement, from what the file has shown so far:
//   1. SET standard_conforming_strings = on|off, or MySQL's
//      NO_BACKSLASH_ESCAPES;
//   2. else the dump's marks: a "-- MySQL dump" / "-- PostgreSQL database
//      dump" comment, /*!40101 …*/, LOCK TABLES, PRAGMA, COPY, pg_catalog;
//   3. else the INSERT's table quoting: `news` MySQL, "news" or [news] not;
//   4. else MySQL, the usual CMS database.
// E'…' strings always take (PostgreSQL) backslash escapes.
//
// A tuple that cannot be read is a located RecordError; reading resumes at
// the next "),(" or at a ");" closing its line, so one bad row costs itself.
// A string or tuple that runs to the end of the file ends the reading: all
// that follows it was read as its text.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "container/internal/readers.h"
#include "util/utf8.h"

namespace gongwen::container::internal {
namespace {

// The backslash rules of a quoted string.
enum class Escapes { kNone, kMysql, kPostgres, kCopy };

// What the dump has shown about its backslashes (rule 2 above).
enum class Flavor { kUnknown, kMysql, kStandard };

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
// Unquoted identifiers: ASCII word characters, $, and any non-ASCII byte
// (PostgreSQL and MySQL take 标题 unquoted).
bool IsNameChar(char c) {
  return IsWordChar(c) || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}
bool IsOctal(char c) { return c >= '0' && c <= '7'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}


// A code point as UTF-8; surrogates and values past U+10FFFF as U+FFFD.
void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  utf8::Append(out, cp);
}

// Up to `max` digits of base 8 or 16 at s[i]: the value, and how many were read.
size_t ReadDigits(std::string_view s, size_t i, int base, size_t max, uint32_t* value) {
  size_t n = 0;
  *value = 0;
  for (; n < max && i + n < s.size(); ++n) {
    const int d = base == 8 ? (IsOctal(s[i + n]) ? s[i + n] - '0' : -1) : HexValue(s[i + n]);
    if (d < 0) break;
    *value = *value * base + static_cast<uint32_t>(d);
  }
  return n;
}

// PostgreSQL's numeric escapes after the backslash: \ooo, \xhh, \uXXXX,
// \UXXXXXXXX (the last two in E'…' only). Returns the bytes read, 0 when
// s[i] starts none.
size_t PostgresNumeric(std::string_view s, size_t i, Escapes mode, std::string* out) {
  uint32_t v = 0;
  const char c = s[i];
  if (IsOctal(c)) {
    const size_t n = ReadDigits(s, i, 8, 3, &v);
    out->push_back(static_cast<char>(v & 0xFF));
    return n;
  }
  const size_t want = c == 'x' ? 2 : (c == 'u' ? 4 : (c == 'U' ? 8 : 0));
  if (want == 0 || (want > 2 && mode != Escapes::kPostgres)) return 0;
  const size_t n = ReadDigits(s, i + 1, 16, want, &v);
  if (n == 0 || (want > 2 && n < want)) return 0;  // \x with no digits is x
  if (want == 2) {
    out->push_back(static_cast<char>(v));
  } else {
    AppendUtf8(v, out);
  }
  return n + 1;
}

// The byte a one-letter escape stands for under `mode`, -1 when the letter
// stands for itself (\' \" \\ and the letters a dialect does not define).
int LetterEscape(char c, Escapes mode) {
  const bool mysql = mode == Escapes::kMysql;
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'b':
      return '\b';
    case '0':
      return '\0';  // MySQL's NUL (PostgreSQL reads it as octal before this)
    case 'f':
      return mysql ? -1 : '\f';
    case 'v':
      return mode == Escapes::kCopy ? '\v' : -1;
    case 'Z':
      return mysql ? '\x1A' : -1;
    default:
      return -1;
  }
}

// Undoes the escape whose backslash is at s[i - 1]: appends its bytes to
// *out and returns how many bytes after the backslash it used (0 at the end).
size_t Unescape(std::string_view s, size_t i, Escapes mode, std::string* out) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (mode != Escapes::kMysql) {
    if (size_t n = PostgresNumeric(s, i, mode, out)) return n;
  }
  // MySQL keeps the backslash of \% and \_ (they are LIKE escapes).
  if (mode == Escapes::kMysql && (c == '%' || c == '_')) out->push_back('\\');
  const int byte = LetterEscape(c, mode);
  out->push_back(byte < 0 ? c : static_cast<char>(byte));
  return 1;
}

// One value of a tuple or COPY row: its text (unescaped for strings, as
// written for numbers and expressions), or NULL.
struct Value {
  std::string text;
  bool null = false;
};

class SqlReader {
 public:
  explicit SqlReader(std::string_view bytes) : b_(bytes), n_(bytes.size()) {}

  RawRecords Run() {
    if (b_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    for (;;) {
      SkipBetweenStatements();
      if (pos_ >= n_) break;
      ReadStatement();
    }
    return std::move(out_);
  }

 private:
  // ---- the cursor ----
  char Peek(size_t k = 0) const { return pos_ + k < n_ ? b_[pos_ + k] : '\0'; }
  bool At(char c) const { return Peek() == c; }
  bool AtText(std::string_view s, size_t at) const { return b_.substr(at, s.size()) == s; }
  // Where an INSERT ends: the delimiter, or a ';' even under DELIMITER ;;
  // (a statement passed over ends at the delimiter only: see SkipStatement).
  bool AtDelimiter(size_t at) const { return AtText(delimiter_, at) || (at < n_ && b_[at] == ';'); }
  size_t DelimiterSize(size_t at) const { return AtText(delimiter_, at) ? delimiter_.size() : 1; }

  // A value or tuple that cannot be read: keeps why for the error message;
  // the cursor stays where reading stopped, for Resync.
  bool Fail(std::string why) {
    why_ = std::move(why);
    return false;
  }

  void AddError(int64_t ordinal, size_t offset, std::string message) {
    out_.errors.push_back({ordinal, static_cast<int64_t>(offset), std::move(message)});
  }

  std::string_view ReadWord() {
    const size_t start = pos_;
    if (pos_ < n_ && (std::isalpha(static_cast<unsigned char>(b_[pos_])) || b_[pos_] == '_')) {
      while (pos_ < n_ && IsWordChar(b_[pos_])) ++pos_;
    }
    return b_.substr(start, pos_ - start);
  }

  // ---- what the dump says about backslashes ----
  void NoteFlavor(Flavor flavor) {
    if (flavor_ == Flavor::kUnknown) flavor_ = flavor;
  }

  void NoteComment(std::string_view text) {
    if (text.find("NO_BACKSLASH_ESCAPES") != std::string_view::npos) literal_backslash_ = 1;
    if (flavor_ != Flavor::kUnknown) return;
    if (text.find("PostgreSQL") != std::string_view::npos) NoteFlavor(Flavor::kStandard);
    if (text.find("MySQL") != std::string_view::npos ||
        text.find("MariaDB") != std::string_view::npos) {
      NoteFlavor(Flavor::kMysql);
    }
  }

  // SET standard_conforming_strings = on|off (pg_dump writes it first),
  // SET sql_mode = '…NO_BACKSLASH_ESCAPES…', SELECT pg_catalog.set_config(…).
  void NoteSettings(std::string_view statement) {
    const std::string s = utf8::AsciiLower(statement);
    if (s.find("no_backslash_escapes") != std::string::npos) literal_backslash_ = 1;
    if (s.find("pg_catalog.") != std::string::npos) NoteFlavor(Flavor::kStandard);
    const std::string name = "standard_conforming_strings";
    const size_t at = s.find(name);
    if (at == std::string::npos) return;
    size_t i = s.find_first_not_of(" \t\r\n=", at + name.size());
    if (i != std::string::npos && s.compare(i, 2, "to") == 0) {
      i = s.find_first_not_of(" \t\r\n", i + 2);
    }
    if (i == std::string::npos) return;
    if (s[i] == '\'') ++i;
    if (s.compare(i, 2, "on") == 0 || s.compare(i, 4, "true") == 0) literal_backslash_ = 1;
    if (s.compare(i, 3, "off") == 0 || s.compare(i, 5, "false") == 0) literal_backslash_ = 0;
  }

  // The backslash rule for strings of a statement whose table name was
  // quoted with `quote` (0: bare).
  Escapes StringEscapes(char quote) const {
    if (literal_backslash_ >= 0) return literal_backslash_ ? Escapes::kNone : Escapes::kMysql;
    if (flavor_ != Flavor::kUnknown) {
      return flavor_ == Flavor::kMysql ? Escapes::kMysql : Escapes::kNone;
    }
    return quote == '"' || quote == '[' ? Escapes::kNone : Escapes::kMysql;
  }

  // ---- spaces and comments ----

  // A comment at the cursor: -- and # to the end of the line, /* … */.
  // Inside a statement "--" needs a blank after it (MySQL's rule: 1--1 is
  // arithmetic); between statements it is always a comment.
  bool SkipComment(bool between_statements) {
    const char c = Peek();
    const bool dashes =
        c == '-' && Peek(1) == '-' && (between_statements || Peek(2) == '\0' || IsBlank(Peek(2)));
    if (dashes || c == '#') {
      const size_t start = pos_;
      const size_t eol = b_.find('\n', pos_);
      pos_ = eol == std::string_view::npos ? n_ : eol + 1;
      if (between_statements) NoteComment(b_.substr(start, pos_ - start));
      return true;
    }
    if (c != '/' || Peek(1) != '*') return false;
    const size_t start = pos_;
    const size_t end = b_.find("*/", pos_ + 2);
    pos_ = end == std::string_view::npos ? n_ : end + 2;
    if (AtText("/*!", start)) NoteFlavor(Flavor::kMysql);  // mysqldump's versioned SET/ALTER
    NoteComment(b_.substr(start, pos_ - start));
    return true;
  }

  void SkipSpace() {
    for (;;) {
      while (pos_ < n_ && IsBlank(b_[pos_])) ++pos_;
      if (!SkipComment(false)) return;
    }
  }

  // Blanks, comments and empty statements (a lone ";", the ";;" after a
  // mysqldump trigger) before the next statement.
  void SkipBetweenStatements() {
    for (;;) {
      while (pos_ < n_ && IsBlank(b_[pos_])) ++pos_;
      if (SkipComment(true)) continue;
      if (pos_ < n_ && AtDelimiter(pos_)) {
        pos_ += DelimiterSize(pos_);
        continue;
      }
      return;
    }
  }

  // ---- quoted text ----

  // The string whose opening quote is at the cursor ('…', "…", `…`), with
  // doubled quotes and `mode` escapes undone into *out (nullptr: just pass
  // over it). False when it runs to the end of the file.
  bool ReadString(char quote, Escapes mode, std::string* out) {
    const size_t open = pos_++;
    std::string scratch;
    for (;;) {
      size_t j = pos_;
      while (j < n_ && b_[j] != quote && (mode == Escapes::kNone || b_[j] != '\\')) ++j;
      if (out) out->append(b_.data() + pos_, j - pos_);
      pos_ = j;
      if (j >= n_) {
        return Fail("the string opened at byte " + std::to_string(open) +
                    " runs to the end of the file");
      }
      if (b_[j] == '\\') {
        scratch.clear();
        pos_ = j + 1 + Unescape(b_, j + 1, mode, &scratch);
        if (out) out->append(scratch);
        continue;
      }
      pos_ = j + 1;
      if (!At(quote)) return true;
      if (out) out->push_back(quote);  // a doubled quote
      ++pos_;
    }
  }

  // [name] as SQL Server writes it, ]] for a ].
  bool ReadBracketed(std::string* out) {
    ++pos_;
    for (;;) {
      const size_t close = b_.find(']', pos_);
      if (close == std::string_view::npos) return Fail("a [name] runs to the end of the file");
      out->append(b_.data() + pos_, close - pos_);
      pos_ = close + 1;
      if (!At(']')) return true;
      out->push_back(']');
      ++pos_;
    }
  }

  // A PostgreSQL $tag$ … $tag$ body at the cursor (functions in pg_dump).
  bool SkipDollarQuoted() {
    size_t i = pos_ + 1;
    if (i < n_ && std::isdigit(static_cast<unsigned char>(b_[i]))) return false;  // $1
    while (i < n_ && IsWordChar(b_[i])) ++i;
    if (i >= n_ || b_[i] != '$') return false;
    const std::string_view tag = b_.substr(pos_, i + 1 - pos_);
    const size_t close = b_.find(tag, i + 1);
    pos_ = close == std::string_view::npos ? n_ : close + tag.size();
    return true;
  }

  // A table or column name, schema-qualified or not (public.news,
  // `db`.`news`, [dbo].[news]): the last part, and the quote it had.
  bool ReadName(std::string* name, char* quote) {
    for (;;) {
      name->clear();
      const char c = Peek();
      if (c == '`' || c == '"') {
        if (!ReadString(c, Escapes::kNone, name)) return false;
        *quote = c;
      } else if (c == '[') {
        if (!ReadBracketed(name)) return false;
        *quote = c;
      } else {
        const size_t start = pos_;
        while (pos_ < n_ && IsNameChar(b_[pos_])) ++pos_;
        if (pos_ == start) return false;
        name->assign(b_.data() + start, pos_ - start);
      }
      if (!At('.')) return true;
      ++pos_;
    }
  }

  // (c1, c2, …) at the cursor.
  bool ReadColumnList(std::vector<std::string>* columns) {
    ++pos_;
    for (;;) {
      SkipSpace();
      std::string name;
      char quote = 0;
      if (!ReadName(&name, &quote)) return false;
      columns->push_back(std::move(name));
      SkipSpace();
      if (At(')')) {
        ++pos_;
        return true;
      }
      if (!At(',')) return false;
      ++pos_;
    }
  }

  // ---- statements ----

  void ReadStatement() {
    const size_t start = pos_;
    const std::string word = Upper(ReadWord());
    if (word == "INSERT" || word == "REPLACE") return ReadInsert(start);
    if (word == "COPY") {
      NoteFlavor(Flavor::kStandard);
      return ReadCopy(start);
    }
    if (word == "DELIMITER") return ReadDelimiterCommand();
    if (word == "GO") return;  // SQL Server's batch separator, a line of its own
    if (word == "LOCK" || word == "UNLOCK") NoteFlavor(Flavor::kMysql);
    if (word == "PRAGMA") NoteFlavor(Flavor::kStandard);  // sqlite3 .dump
    if (word.empty()) AddError(0, start, "unreadable SQL: skipped to the end of the statement");
    SkipStatement();
    if (word == "SET" || word == "SELECT") NoteSettings(b_.substr(start, pos_ - start));
  }

  // The mysql client's DELIMITER ;; (around trigger and routine bodies).
  void ReadDelimiterCommand() {
    const size_t eol = std::min(b_.find('\n', pos_), n_);
    std::string_view rest = b_.substr(pos_, eol - pos_);
    const size_t b = rest.find_first_not_of(" \t\r");
    if (b != std::string_view::npos) {
      rest = rest.substr(b, rest.find_last_not_of(" \t\r") + 1 - b);
      delimiter_ = std::string(rest);
    }
    pos_ = eol;
  }

  // A newline followed by a line that is only GO: where a SQL Server
  // statement without a ';' ends.
  bool AtGoLine(size_t at) const {
    size_t i = at;
    while (i < n_ && (b_[i] == ' ' || b_[i] == '\t')) ++i;
    if (i + 2 > n_ || Upper(b_.substr(i, 2)) != "GO") return false;
    i += 2;
    while (i < n_ && (b_[i] == ' ' || b_[i] == '\t' || b_[i] == '\r')) ++i;
    return i >= n_ || b_[i] == '\n';
  }

  // Passes over a statement that holds no rows, to just after its
  // delimiter, minding quotes, comments and $$ bodies whose ';' do not end it.
  void SkipStatement() {
    const Escapes mode = StringEscapes(0);
    while (pos_ < n_) {
      const char c = b_[pos_];
      if (AtText(delimiter_, pos_)) {
        pos_ += delimiter_.size();
        return;
      }
      if (c == '\'' || c == '"' || c == '`') {
        ReadString(c, c == '`' ? Escapes::kNone : mode, nullptr);
      } else if (c == '$' && SkipDollarQuoted()) {
      } else if (SkipComment(false)) {
      } else {
        ++pos_;
        if (c == '\n' && AtGoLine(pos_)) return;
      }
    }
  }

  // INSERT [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] name [(cols)]
  // VALUES (…), … and REPLACE likewise. INSERT … SELECT, … SET, … DEFAULT
  // VALUES hold no rows and are passed over.
  void ReadInsert(size_t start) {
    size_t before = pos_;
    for (;;) {
      SkipSpace();
      before = pos_;
      const std::string word = Upper(ReadWord());
      if (word != "LOW_PRIORITY" && word != "DELAYED" && word != "HIGH_PRIORITY" &&
          word != "IGNORE" && word != "INTO") {
        break;
      }
    }
    pos_ = before;  // that word was the table name
    std::string table;
    char quote = 0;
    std::vector<std::string> columns;
    if (!ReadName(&table, &quote)) return BrokenInsert(start, "no table name");
    table_ = table;
    escapes_ = StringEscapes(quote);
    SkipSpace();
    if (At('(') && !ReadColumnList(&columns)) return BrokenInsert(start, "unreadable column list");
    SkipSpace();
    const std::string word = Upper(ReadWord());
    if (word == "VALUES" || word == "VALUE") return ReadTuples(columns);
    if (word == "SELECT" || word == "SET" || word == "DEFAULT" || word == "WITH" ||
        word == "TABLE") {
      return SkipStatement();
    }
    BrokenInsert(start, "no VALUES after the table name");
  }

  void BrokenInsert(size_t start, const std::string& why) {
    AddError(0, start, "broken SQL INSERT: " + why + "; its rows are not read");
    SkipStatement();
  }

  // ---- tuples ----

  // The tuples after VALUES, to the end of the statement.
  void ReadTuples(const std::vector<std::string>& columns) {
    for (;;) {
      SkipSpace();
      if (!At('(')) {
        AddError(0, pos_, "broken SQL tuple: no tuple where one should start");
        if (!Resync(pos_)) return;
        continue;
      }
      if (!ReadTuple(columns)) {
        if (pos_ >= n_ || !Resync(pos_)) return;
        continue;
      }
      const size_t tuple_end = pos_;
      SkipSpace();
      if (At(',')) {
        ++pos_;
        continue;
      }
      if (EndOfStatement(tuple_end)) return;
      AddError(0, pos_, "broken SQL tuple: unexpected text after a tuple");
      if (!Resync(pos_)) return;
    }
  }

  // After the last tuple (which closed at `tuple_end`): the delimiter, the
  // end of the file, an ON DUPLICATE KEY / ON CONFLICT / RETURNING tail, or
  // (SQL Server, scripts without ';') the next statement on a new line.
  bool EndOfStatement(size_t tuple_end) {
    if (pos_ >= n_) return true;
    if (AtDelimiter(pos_)) {
      pos_ += DelimiterSize(pos_);
      return true;
    }
    const size_t start = pos_;
    const std::string word = Upper(ReadWord());
    pos_ = start;
    if (word == "ON" || word == "RETURNING") {
      SkipStatement();
      return true;
    }
    const bool new_line =
        b_.substr(tuple_end, start - tuple_end).find('\n') != std::string_view::npos;
    return !word.empty() && (new_line || word == "GO" || StartsStatement(start));
  }

  // One (v1, v2, …) at the cursor: a record, or a located error. False when
  // the tuple is broken and reading must resynchronise.
  bool ReadTuple(const std::vector<std::string>& columns) {
    const int64_t ordinal = ++ordinal_;
    const size_t open = pos_++;
    std::vector<Value> values;
    if (!ReadTupleValues(&values)) {
      AddError(ordinal, open, "broken SQL tuple: " + why_);
      return false;
    }
    if (!columns.empty() && values.size() != columns.size()) {
      AddError(ordinal, open,
               "broken SQL tuple: " + std::to_string(values.size()) +
                   " values, the column list has " + std::to_string(columns.size()));
      return true;  // read to its end: the next tuple follows
    }
    AddRecord(ordinal, open, columns, std::move(values));
    return true;
  }

  bool ReadTupleValues(std::vector<Value>* values) {
    SkipSpace();
    if (At(')')) {
      ++pos_;
      return true;
    }
    for (;;) {
      SkipSpace();
      Value value;
      if (!ReadValue(&value)) return false;
      values->push_back(std::move(value));
      SkipSpace();
      if (At(',')) {
        ++pos_;
        continue;
      }
      if (At(')')) {
        ++pos_;
        return true;
      }
      if (pos_ >= n_) return Fail("the file ends inside the tuple");
      return Fail("unexpected text after value " + std::to_string(values->size()) + " at byte " +
                  std::to_string(pos_));
    }
  }

  // A string ('…', "…", E'…', N'…', _utf8mb4'…'), or else an expression
  // kept as written (42, NULL, TRUE, 0x4142, X'4142', NOW(), CAST(…)).
  bool ReadValue(Value* value) {
    const char c = Peek();
    if (c == '\'' || c == '"') return ReadStringValue(c, escapes_, value);
    if ((c == 'E' || c == 'e') && Peek(1) == '\'') {
      ++pos_;
      return ReadStringValue('\'', Escapes::kPostgres, value);
    }
    if ((c == 'N' || c == 'n') && Peek(1) == '\'') {
      ++pos_;
      return ReadStringValue('\'', escapes_, value);
    }
    if (c == '_' && SkipIntroducer()) return ReadStringValue('\'', escapes_, value);
    if (!ReadExpression(&value->text)) return false;
    value->null = Upper(value->text) == "NULL";
    return true;
  }

  // MySQL's character set introducer: _utf8mb4'…', _binary '…'.
  bool SkipIntroducer() {
    const size_t start = pos_;
    ReadWord();
    while (pos_ < n_ && (b_[pos_] == ' ' || b_[pos_] == '\t')) ++pos_;
    if (At('\'')) return true;
    pos_ = start;
    return false;
  }

  // A string, then a PostgreSQL cast ('2023-01-02'::date) that is dropped.
  bool ReadStringValue(char quote, Escapes mode, Value* value) {
    if (!ReadString(quote, mode, &value->text)) return false;
    SkipSpace();
    if (!At(':') || Peek(1) != ':') return true;
    pos_ += 2;
    std::string type;
    return ReadExpression(&type);
  }

  // Raw text up to the ',' or ')' that ends the value, minding nested
  // parentheses and quotes: NOW(), CAST(N'…' AS DateTime), 3.14.
  bool ReadExpression(std::string* raw) {
    const size_t start = pos_;
    int depth = 0;
    while (pos_ < n_) {
      const char c = b_[pos_];
      if (depth == 0 && (c == ',' || c == ')')) break;
      if (c == '\'' || c == '"' || c == '`') {
        if (!ReadString(c, c == '`' ? Escapes::kNone : escapes_, nullptr)) return false;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') --depth;
      ++pos_;
      // Dumps break lines between tuples, never inside a bare value: a tuple
      // cut short must not run on into the next statement.
      if (c == '\n' && StartsStatement(pos_)) {
        --pos_;
        return Fail("the next statement starts inside the tuple, at byte " +
                    std::to_string(pos_ + 1));
      }
    }
    if (pos_ >= n_) return Fail("the file ends inside the tuple");
    size_t end = pos_;
    while (end > start && IsBlank(b_[end - 1])) --end;
    if (end == start) return Fail("an empty value at byte " + std::to_string(start));
    raw->assign(b_.data() + start, end - start);
    return true;
  }

  // After a broken tuple, from `from`: the next "),(" (true, the cursor on
  // its '('); or the end of the statement (false): a ");" closing its line
  // or followed by the next INSERT (the cursor after it), or a line that
  // starts with INSERT, REPLACE or COPY (the cursor on it), so that a bad
  // tuple never lends its column list to the next statement's rows.
  bool Resync(size_t from) {
    for (size_t i = b_.find_first_of(")\n", from); i != std::string_view::npos;
         i = b_.find_first_of(")\n", i + 1)) {
      if (b_[i] == '\n') {
        if (!StartsStatement(i + 1)) continue;
        pos_ = i + 1;
        return false;
      }
      size_t j = i + 1;
      while (j < n_ && IsBlank(b_[j])) ++j;
      if (j < n_ && b_[j] == ',') {
        size_t k = j + 1;
        while (k < n_ && IsBlank(b_[k])) ++k;
        if (k < n_ && b_[k] == '(') {
          pos_ = k;
          return true;
        }
      } else if (j < n_ && AtDelimiter(j) && EndsStatement(j)) {
        pos_ = j + DelimiterSize(j);
        return false;
      }
    }
    pos_ = n_;
    return false;
  }

  // INSERT, REPLACE or COPY and a blank at `at`.
  bool StartsStatement(size_t at) const {
    for (std::string_view word : {"INSERT", "REPLACE", "COPY"}) {
      if (at + word.size() < n_ && Upper(b_.substr(at, word.size())) == word &&
          IsBlank(b_[at + word.size()])) {
        return true;
      }
    }
    return false;
  }

  // Whether the delimiter at `at` ends a statement: the rest of its line is
  // blank, or the next statement starts on it.
  bool EndsStatement(size_t at) const {
    size_t i = at + 1;
    while (i < n_ && (b_[i] == ' ' || b_[i] == '\t' || b_[i] == '\r' || b_[i] == ';')) ++i;
    return i >= n_ || b_[i] == '\n' || StartsStatement(i);
  }

  void AddRecord(int64_t ordinal, size_t offset, const std::vector<std::string>& columns,
                 std::vector<Value> values) {
    RawRecord record;
    record.ordinal = ordinal;
    record.byte_offset = static_cast<int64_t>(offset);
    record.positional = columns.empty();
    record.table = table_;
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i].null) continue;  // NULL: no value, so no field
      std::string name = columns.empty() ? std::to_string(i + 1) : columns[i];
      record.fields.push_back({std::move(name), std::move(values[i].text), Origin::kRecordField});
    }
    out_.records.push_back(std::move(record));
  }

  // ---- COPY … FROM stdin ----

  // COPY name [(cols)] FROM stdin [options]; then tab-separated lines up
  // to "\.". COPY to or from a server file holds no rows here.
  void ReadCopy(size_t start) {
    std::string table;
    char quote = 0;
    std::vector<std::string> columns;
    SkipSpace();
    const bool named = ReadName(&table, &quote);
    table_ = named ? table : "";
    SkipSpace();
    const bool listed = named && (!At('(') || ReadColumnList(&columns));
    SkipSpace();
    const bool from = listed && Upper(ReadWord()) == "FROM";
    SkipSpace();
    const bool from_stdin = from && Upper(ReadWord()) == "STDIN";
    const size_t options = pos_;
    SkipStatement();
    const std::string how = utf8::AsciiLower(b_.substr(options, pos_ - options));
    const bool has_rows =
        from_stdin ||
        (!from && utf8::AsciiLower(b_.substr(start, pos_ - start)).find("stdin") != std::string::npos);
    if (!has_rows) return;
    const size_t eol = b_.find('\n', pos_);  // the rows start on the next line
    pos_ = eol == std::string_view::npos ? n_ : eol + 1;
    if (!from_stdin || how.find("csv") != std::string::npos ||
        how.find("binary") != std::string::npos) {
      AddError(0, start,
               from_stdin
                   ? "COPY in CSV or binary format is not read; its rows are skipped"
                   : "broken SQL COPY: unreadable table or column list; its rows are skipped");
      return SkipCopyRows();
    }
    ReadCopyRows(start, columns);
  }

  // The next line of COPY data, without its line break; false at "\." or
  // the end of the file.
  bool NextCopyLine(std::string_view* line, size_t* offset) {
    if (pos_ >= n_) return false;
    *offset = pos_;
    const size_t eol = std::min(b_.find('\n', pos_), n_);
    *line = b_.substr(pos_, eol - pos_);
    pos_ = eol < n_ ? eol + 1 : n_;
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    return *line != "\\.";
  }

  void SkipCopyRows() {
    std::string_view line;
    size_t offset = 0;
    while (NextCopyLine(&line, &offset)) {
    }
  }

  void ReadCopyRows(size_t start, const std::vector<std::string>& columns) {
    std::string_view line;
    size_t offset = 0;
    while (NextCopyLine(&line, &offset)) {
      const int64_t ordinal = ++ordinal_;
      std::vector<Value> values = SplitCopyLine(line);
      if (!columns.empty() && values.size() != columns.size()) {
        AddError(ordinal, offset,
                 "broken SQL tuple: COPY row has " + std::to_string(values.size()) +
                     " values, the column list has " + std::to_string(columns.size()));
        continue;
      }
      AddRecord(ordinal, offset, columns, std::move(values));
    }
    if (line != "\\.")
      AddError(0, start, "COPY data ends without its \\. line: the file may be cut short");
  }

  // One line of COPY text: tab-separated, backslash escapes, \N for NULL.
  static std::vector<Value> SplitCopyLine(std::string_view line) {
    std::vector<Value> values(1);
    size_t field_start = 0;
    for (size_t i = 0; i < line.size();) {
      const char c = line[i];
      if (c == '\t') {
        values.back().null = line.substr(field_start, i - field_start) == "\\N";
        values.emplace_back();
        field_start = ++i;
      } else if (c == '\\') {
        i += 1 + Unescape(line, i + 1, Escapes::kCopy, &values.back().text);
      } else {
        const size_t end = std::min(line.find_first_of("\t\\", i), line.size());
        values.back().text.append(line.data() + i, end - i);
        i = end;
      }
    }
    values.back().null = line.substr(field_start) == "\\N";
    return values;
  }

  std::string_view b_;
  size_t n_;
  size_t pos_ = 0;
  RawRecords out_;
  std::string table_;  // of the statement being read: records carry it
  int64_t ordinal_ = 0;  // tuples and COPY rows so far, broken ones too
  std::string delimiter_ = ";";
  Flavor flavor_ = Flavor::kUnknown;
  int literal_backslash_ = -1;         // from SET: 1 backslash is text, 0 escape, -1 unsaid
  Escapes escapes_ = Escapes::kMysql;  // for the strings of the current statement
  std::string why_;                    // why the last tuple could not be read
};

}  // namespace

RawRecords ReadSql(std::string_view bytes) { return SqlReader(bytes).Run(); }

}  // namespace gongwen::container::internal
