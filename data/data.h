// The data files in data/, compiled into the binary (cmake/embed.cmake), so
// gongwen runs from any directory without finding its resources.
#ifndef GONGWEN_DATA_DATA_H_
#define GONGWEN_DATA_DATA_H_

#include <string_view>

namespace gongwen::data {

std::string_view ChromeTsv();     // data/chrome.tsv
std::string_view SpamLexicon();   // data/spam_lexicon.txt
std::string_view CnNumerals();    // data/cn_numerals.tsv
std::string_view PageLabels();    // data/page_labels.tsv
std::string_view T2sOverrides();  // data/t2s_overrides.tsv

}  // namespace gongwen::data

#endif  // GONGWEN_DATA_DATA_H_
