// Issue 3: the HTML version of a seed, as a government site serves it (site
// template, metadata table, chrome, another encoding), yields the same
// clauses, amounts and bureaus as the seed's text.
#include <doctest/doctest.h>

#include <sstream>

#include "pipeline/pipeline.h"
#include "util/files.h"

namespace {

// path | heading-free summary of each clause: amounts (kind:text) and bureaus.
std::vector<std::string> Summary(const gongwen::Policy& p) {
  std::vector<std::string> out;
  for (const gongwen::Clause& c : p.clauses) {
    std::ostringstream s;
    s << c.part << "/";
    for (int n : c.path) s << n << ".";
    s << " |";
    for (const gongwen::Amount& a : c.amounts) {
      s << " " << a.kind << ":" << a.fen << ":" << a.percent << ":" << a.ratio.size() << ":"
        << a.qualifier;
    }
    s << " |";
    for (const gongwen::BureauRef& b : c.bureaus) s << " " << b.name;
    out.push_back(s.str());
  }
  return out;
}

}  // namespace

TEST_CASE("html parity: each seed's page gives the clauses, amounts and bureaus of its text") {
  auto pipeline = gongwen::Pipeline::Create();
  REQUIRE(pipeline.ok());
  const std::string dir = std::string(GONGWEN_SOURCE_DIR) + "/samples/";
  for (const char* seed : {"000_416e64e656112d15", "002_9825fd42b4a1cf31",
                           "003_838b7ceec8d27e5e", "004_ebfee30354606d84"}) {
    CAPTURE(seed);
    auto txt = gongwen::files::Read(dir + seed + ".txt");
    auto html = gongwen::files::Read(dir + seed + ".html");
    REQUIRE(txt.ok());
    REQUIRE(html.ok());
    auto a = pipeline.value()->Process(txt.value(), std::string(seed) + ".txt");
    auto b = pipeline.value()->Process(html.value(), std::string(seed) + ".html");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(b.value().source.format == "html");
    auto sa = Summary(a.value());
    auto sb = Summary(b.value());
    REQUIRE(sa.size() == sb.size());
    CHECK(sa.size() > 10);
    for (size_t i = 0; i < sa.size(); ++i) {
      CAPTURE(i);
      CHECK(sa[i] == sb[i]);
    }
    // The metadata the text states comes out the same too.
    const auto& ma = a.value().metadata;
    const auto& mb = b.value().metadata;
    CHECK(ma.title == mb.title);
    CHECK(ma.doc_number == mb.doc_number);
    CHECK(ma.issuer == mb.issuer);
    CHECK(ma.signed_date == mb.signed_date);
    CHECK(ma.effective_from == mb.effective_from);
    CHECK(ma.effective_until == mb.effective_until);
  }
}
