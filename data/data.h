// The data files in data/, compiled into the binary (cmake/embed.cmake), so
// gongwen runs from any directory without finding its resources.
#ifndef GONGWEN_DATA_DATA_H_
#define GONGWEN_DATA_DATA_H_

#include <string_view>
#include <vector>

namespace gongwen::data {

// The entries of a data file: its lines without '#' comments and blanks.
std::vector<std::string_view> Lines(std::string_view data);
// An entry's tab-separated fields (also the cells of a table row in text).
std::vector<std::string_view> Fields(std::string_view line);

std::string_view ChromeTsv();     // data/chrome.tsv
std::string_view SpamLexicon();   // data/spam_lexicon.txt
std::string_view CnNumerals();    // data/cn_numerals.tsv
std::string_view PageLabels();    // data/page_labels.tsv
std::string_view T2sOverrides();  // data/t2s_overrides.tsv
std::string_view Lexicon();       // data/lexicon.txt
std::string_view Places();        // data/places.tsv
std::string_view ConfusionsTsv();  // data/confusions.tsv
std::string_view BureausTsv();     // data/bureaus.tsv
std::string_view RecordFields();   // data/record_fields.tsv
std::string_view GrammarTsv();     // data/grammar.tsv
std::string_view AttributionWords();  // data/attribution_words.tsv

}  // namespace gongwen::data

#endif  // GONGWEN_DATA_DATA_H_
