#include "app/load.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>

#include "db/db.h"
#include "export/json_read.h"
#include "util/utf8.h"

namespace gongwen::load_cli {

namespace {

class Loader {
 public:
  Loader(const LoadOptions& o, db::Store* store, std::ostream& err) : o_(o), store_(store), err_(err) {}

  // One line of mapped output; false when the database failed (fatal).
  bool Line(const std::string& where, const std::string& line) {
    if (line.empty()) return true;
    const nlohmann::json head = nlohmann::json::parse(line, nullptr, false);
    const std::string schema = head.is_object() && head.value("schema", nlohmann::json()).is_string()
                                   ? head["schema"].get<std::string>()
                                   : "";
    if (schema == "gongwen-error/1") return Failure(where, head);
    if (schema != "gongwen/1") return Unreadable(where, "not a gongwen/1 or gongwen-error/1 line");
    auto policy = output::PolicyFromJsonLine(line);
    if (!policy.ok()) return Unreadable(where, policy.error().message);
    return Document(where, policy.value(), line);
  }

  bool Begin() {
    if (in_batch_ == 0) {
      if (auto b = store_->BeginBatch(); !b.ok()) return Fatal("", b.error());
    }
    return true;
  }

  bool End(bool force) {
    if (in_batch_ > 0 && (force || in_batch_ >= o_.batch)) {
      if (auto c = store_->CommitBatch(); !c.ok()) return Fatal("", c.error());
      in_batch_ = 0;
    }
    return true;
  }

  const db::RunCounts& counts() const { return counts_; }
  int64_t unreadable() const { return unreadable_; }

 private:
  bool Document(const std::string& where, const Policy& policy, const std::string& line) {
    const std::string source = SourceKey(policy.source);
    if (!Begin()) return false;
    ++in_batch_;
    auto looked = store_->Lookup(source);
    if (!looked.ok()) return Fatal(where, looked.error());
    const std::optional<db::KnownSource>& known = looked.value();
    const bool same_bytes = known && known->sha256 == policy.source.sha256;
    if (same_bytes && known->fingerprint == o_.fingerprint) {
      if (auto t = store_->Touch(*known); !t.ok()) return Fatal(where, t.error());
      ++counts_.unchanged;
      return End(false);
    }
    auto up = store_->Upsert(policy, line, o_.fingerprint, o_.version);
    if (!up.ok()) return Fatal(where, up.error());
    for (const std::string& c : up.value().conflicts) err_ << source << ": warning: " << c << "\n";
    ++(same_bytes ? counts_.reprocessed : known ? counts_.changed : counts_.new_sources);
    return End(false);
  }

  bool Failure(const std::string& where, const nlohmann::json& e) {
    auto str = [&](const char* k) { return e.value(k, nlohmann::json()).is_string() ? e[k].get<std::string>() : ""; };
    Error error{ParseErrorCode(str("code")).value_or(ErrorCode::kInternal), str("message"), std::nullopt};
    if (e.value("byte", nlohmann::json()).is_number_integer()) error.byte_offset = e["byte"].get<int64_t>();
    if (e.value("page", nlohmann::json()).is_number_integer()) error.page = e["page"].get<int>();
    const std::string path = utf8::UnescapeInvalid(str("path"));
    if (!o_.quiet) err_ << path << ": error: " << error.Describe() << " [" << ErrorCodeName(error.code) << "]\n";
    ++counts_.failed;
    if (!Begin()) return false;
    ++in_batch_;
    if (auto r = store_->RecordFailure(path, error); !r.ok()) return Fatal(where, r.error());
    return End(false);
  }

  bool Unreadable(const std::string& where, const std::string& why) {
    err_ << where << ": error: " << why << "\n";
    ++unreadable_;
    return true;
  }

  bool Fatal(const std::string& where, const Error& e) {
    err_ << (where.empty() ? o_.db : where) << ": error: " << e.Describe() << " [" << ErrorCodeName(e.code) << "]\n";
    return false;
  }

  const LoadOptions& o_;
  db::Store* store_;
  std::ostream& err_;
  db::RunCounts counts_;
  int64_t unreadable_ = 0;
  int in_batch_ = 0;
};

}  // namespace

int Load(const LoadOptions& o, std::istream& in, std::ostream& err) {
  auto opened = db::Store::Open(o.db);
  if (!opened.ok()) {
    err << o.db << ": error: " << opened.error().Describe() << "\n";
    return 3;
  }
  db::Store* store = opened.value().get();
  if (auto r = store->BeginRun(o.version, o.as_of, o.now); !r.ok()) {
    err << o.db << ": error: " << r.error().Describe() << "\n";
    return 3;
  }
  Loader loader(o, store, err);
  for (const std::string& file : o.files) {
    std::ifstream f;
    if (file != "-") {
      f.open(file, std::ios::binary);
      if (!f) {
        err << file << ": error: cannot read it\n";
        return 3;
      }
    }
    std::istream& lines = file == "-" ? in : f;
    int64_t n = 0;
    for (std::string line; std::getline(lines, line);) {
      if (!loader.Line((file == "-" ? "stdin" : file) + ":" + std::to_string(++n), line)) return 3;
    }
  }
  if (!loader.End(true)) return 3;
  db::RunCounts counts = loader.counts();
  if (auto r = store->FinishRun(counts, o.now); !r.ok()) {
    err << o.db << ": error: " << r.error().Describe() << "\n";
    return 3;
  }
  if (!o.quiet) {
    err << "gongwen load: " << counts.new_sources << " new, " << counts.changed << " changed, " << counts.unchanged
        << " unchanged, " << counts.failed << " failed";
    if (loader.unreadable() > 0) err << ", " << loader.unreadable() << " line(s) unreadable";
    err << " -> " << o.db << "\n";
  }
  return counts.failed > 0 || loader.unreadable() > 0 ? 1 : 0;
}

}  // namespace gongwen::load_cli
