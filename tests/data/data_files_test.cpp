// The data files are sorted plain text and every pattern compiles.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>

#include <string>
#include <vector>

#include "data/data.h"
#include "util/utf8.h"

namespace {

std::vector<std::string> Entries(std::string_view data) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) eol = data.size();
    std::string line(data.substr(pos, eol - pos));
    if (!line.empty() && line[0] != '#') out.push_back(line);
    pos = eol + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("data files: sorted, with a Format header") {
  struct File {
    const char* name;
    std::string_view data;
  };
  for (const File& f : {File{"chrome.tsv", gongwen::data::ChromeTsv()},
                        File{"spam_lexicon.txt", gongwen::data::SpamLexicon()},
                        File{"cn_numerals.tsv", gongwen::data::CnNumerals()},
                        File{"page_labels.tsv", gongwen::data::PageLabels()},
                        File{"t2s_overrides.tsv", gongwen::data::T2sOverrides()},
                        File{"lexicon.txt", gongwen::data::Lexicon()},
                        File{"places.tsv", gongwen::data::Places()},
                        File{"confusions.tsv", gongwen::data::ConfusionsTsv()},
                        File{"bureaus.tsv", gongwen::data::BureausTsv()},
                        File{"record_fields.tsv", gongwen::data::RecordFields()},
                        File{"grammar.tsv", gongwen::data::GrammarTsv()},
                        File{"attribution_words.tsv", gongwen::data::AttributionWords()}}) {
    CAPTURE(f.name);
    CHECK(f.data.find("# Format:") != std::string_view::npos);
    auto entries = Entries(f.data);
    CHECK(entries.size() >= 3);
    CHECK(std::is_sorted(entries.begin(), entries.end()));
    CHECK(std::adjacent_find(entries.begin(), entries.end()) == entries.end());
  }
}

TEST_CASE("data files: places.tsv lines are NAME, CITY, PROVINCE in Han characters") {
  for (const std::string& line : Entries(gongwen::data::Places())) {
    CAPTURE(line);
    auto fields = gongwen::data::Fields(line);
    REQUIRE(fields.size() == 3);
    for (std::string_view f : fields) {
      std::u32string w = gongwen::utf8::ToU32(f);
      CHECK(w.size() >= 2);
      CHECK(std::all_of(w.begin(), w.end(), gongwen::utf8::IsHan));
    }
  }
}

TEST_CASE("data files: the lexicon holds words of two or more Han characters") {
  for (const std::string& word : Entries(gongwen::data::Lexicon())) {
    CAPTURE(word);
    std::u32string w = gongwen::utf8::ToU32(word);
    CHECK(w.size() >= 2);
    CHECK(std::all_of(w.begin(), w.end(), gongwen::utf8::IsHan));
  }
}

TEST_CASE("data files: every chrome pattern compiles with a known scope") {
  for (const std::string& line : Entries(gongwen::data::ChromeTsv())) {
    CAPTURE(line);
    size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    std::string scope = line.substr(0, tab);
    CHECK((scope == "line" || scope == "fragment"));
    RE2 re(line.substr(tab + 1));
    CHECK(re.ok());
  }
}

TEST_CASE("data files: attribution_words.tsv lines are WORD, KIND with a known kind") {
  const std::vector<std::string> kinds = {
      "label",           "label_lead",       "label_cooperating", "role_lead",    "role_cooperating", "duty",
      "join",            "collective_head",  "collective_scope",  "collective_end", "deadline_end",   "deadline",
      "area_unit_end"};
  for (const std::string& line : Entries(gongwen::data::AttributionWords())) {
    CAPTURE(line);
    auto fields = gongwen::data::Fields(line);
    REQUIRE(fields.size() == 2);
    std::u32string w = gongwen::utf8::ToU32(fields[0]);
    CHECK(std::all_of(w.begin(), w.end(), gongwen::utf8::IsHan));
    CHECK(std::find(kinds.begin(), kinds.end(), std::string(fields[1])) != kinds.end());
  }
}
