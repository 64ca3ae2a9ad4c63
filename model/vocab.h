// The closed vocabularies of the model: codes, kinds and styles that the
// output (JSON, database) prints as snake_case names. Each is an enum class
// with ONE name table, Names<E>::kTable, which NameOf prints with and
// ParseName reads back with; tests/model/vocab_test.cpp checks every table
// against schema/gongwen.schema.json, so a name added in one place and not
// the other fails a test.
#ifndef GONGWEN_MODEL_VOCAB_H_
#define GONGWEN_MODEL_VOCAB_H_

#include <optional>
#include <string_view>

namespace gongwen {

template <typename E>
struct Named {
  E value;
  const char* name;
};

// Names<E>::kTable: every value of E with its name, in the enum's order.
template <typename E>
struct Names;

// Where a metadata value was read (Provenance::from).
enum class ValueFrom {
  kText,         // the document's own text
  kPageTable,    // the page's 政府信息公开 table
  kRecordField,  // a field of the crawl record (JSON key, CSV/SQL column)
  kHttpHeader,   // an HTTP response header (WARC)
  kWarcHeader,   // a WARC record header
  kFrontMatter,  // the YAML front matter of a static-site page or Markdown file
  kTitle,        // read from the document's title (an issuer with no signature)
  kComputed,     // counted from other values (an end date from 有效期3年)
};

template <>
struct Names<ValueFrom> {
  static constexpr Named<ValueFrom> kTable[] = {
      {ValueFrom::kText, "text"},
      {ValueFrom::kPageTable, "page_table"},
      {ValueFrom::kRecordField, "record_field"},
      {ValueFrom::kHttpHeader, "http_header"},
      {ValueFrom::kWarcHeader, "warc_header"},
      {ValueFrom::kFrontMatter, "front_matter"},
      {ValueFrom::kTitle, "title"},
      {ValueFrom::kComputed, "computed"},
  };
};

// Warning::code: what a Warning is about.
enum class WarningCode {
  kAllChrome,
  kCharsetMismatch,
  kClauseNumbering,
  kDateConflict,
  kDateMangled,
  kDateMistyped,
  kDocNumberConflict,
  kFormPart,
  kLinkDropped,
  kMojibakeUnrepaired,
  kNeedsOcr,
  kNestingTooDeep,
  kOcrSuspect,
  kOcrUsed,
  kPageUnreadable,
  kRepeatedPart,
  kShellPage,
  kSpansClipped,
  kUndecodableBytes,
};

template <>
struct Names<WarningCode> {
  static constexpr Named<WarningCode> kTable[] = {
      {WarningCode::kAllChrome, "all_chrome"},
      {WarningCode::kCharsetMismatch, "charset_mismatch"},
      {WarningCode::kClauseNumbering, "clause_numbering"},
      {WarningCode::kDateConflict, "date_conflict"},
      {WarningCode::kDateMangled, "date_mangled"},
      {WarningCode::kDateMistyped, "date_mistyped"},
      {WarningCode::kDocNumberConflict, "doc_number_conflict"},
      {WarningCode::kFormPart, "form_part"},
      {WarningCode::kLinkDropped, "link_dropped"},
      {WarningCode::kMojibakeUnrepaired, "mojibake_unrepaired"},
      {WarningCode::kNeedsOcr, "needs_ocr"},
      {WarningCode::kNestingTooDeep, "nesting_too_deep"},
      {WarningCode::kOcrSuspect, "ocr_suspect"},
      {WarningCode::kOcrUsed, "ocr_used"},
      {WarningCode::kPageUnreadable, "page_unreadable"},
      {WarningCode::kRepeatedPart, "repeated_part"},
      {WarningCode::kShellPage, "shell_page"},
      {WarningCode::kSpansClipped, "spans_clipped"},
      {WarningCode::kUndecodableBytes, "undecodable_bytes"},
  };
};

// Repair::kind: what the normalizer changed.
enum class RepairKind {
  kChromeRemoved,
  kDocNumberBrackets,
  kHiddenRemoved,
  kInvisibleRemoved,
  kLayoutSpace,
  kLineJoined,
  kMarkerDotRestored,
  kMarkdownMarkup,
  kMetadataTable,
  kMojibakeGbk,
  kMojibakeLatin1,
  kMojibakeLostBytes,
  kOcrConfusion,
  kPageFurniture,
  kParagraphSplit,
  kPinyinAnnotation,
  kSpaceNormalized,
  kSpamRemoved,
  kSymbolGlyph,
  kTraditionalToSimplified,
  kWidthFolded,
};

template <>
struct Names<RepairKind> {
  static constexpr Named<RepairKind> kTable[] = {
      {RepairKind::kChromeRemoved, "chrome_removed"},
      {RepairKind::kDocNumberBrackets, "doc_number_brackets"},
      {RepairKind::kHiddenRemoved, "hidden_removed"},
      {RepairKind::kInvisibleRemoved, "invisible_removed"},
      {RepairKind::kLayoutSpace, "layout_space"},
      {RepairKind::kLineJoined, "line_joined"},
      {RepairKind::kMarkerDotRestored, "marker_dot_restored"},
      {RepairKind::kMarkdownMarkup, "markdown_markup"},
      {RepairKind::kMetadataTable, "metadata_table"},
      {RepairKind::kMojibakeGbk, "mojibake_gbk"},
      {RepairKind::kMojibakeLatin1, "mojibake_latin1"},
      {RepairKind::kMojibakeLostBytes, "mojibake_lost_bytes"},
      {RepairKind::kOcrConfusion, "ocr_confusion"},
      {RepairKind::kPageFurniture, "page_furniture"},
      {RepairKind::kParagraphSplit, "paragraph_split"},
      {RepairKind::kPinyinAnnotation, "pinyin_annotation"},
      {RepairKind::kSpaceNormalized, "space_normalized"},
      {RepairKind::kSpamRemoved, "spam_removed"},
      {RepairKind::kSymbolGlyph, "symbol_glyph"},
      {RepairKind::kTraditionalToSimplified, "traditional_to_simplified"},
      {RepairKind::kWidthFolded, "width_folded"},
  };
};

// Amount::kind.
enum class AmountKind {
  kMoney,
  kPercent,
  kRatio,
};

template <>
struct Names<AmountKind> {
  static constexpr Named<AmountKind> kTable[] = {
      {AmountKind::kMoney, "money"},
      {AmountKind::kPercent, "percent"},
      {AmountKind::kRatio, "ratio"},
  };
};

// Amount::qualifier: 最高 -> max, 不低于 -> min, 约 -> approx, none -> exact.
enum class AmountQualifier {
  kMax,
  kMin,
  kApprox,
  kExact,
};

template <>
struct Names<AmountQualifier> {
  static constexpr Named<AmountQualifier> kTable[] = {
      {AmountQualifier::kMax, "max"},
      {AmountQualifier::kMin, "min"},
      {AmountQualifier::kApprox, "approx"},
      {AmountQualifier::kExact, "exact"},
  };
};

// Amount::purpose (money only): what the policy gives, or a threshold to reach.
enum class AmountPurpose {
  kOffered,
  kCondition,
};

template <>
struct Names<AmountPurpose> {
  static constexpr Named<AmountPurpose> kTable[] = {
      {AmountPurpose::kOffered, "offered"},
      {AmountPurpose::kCondition, "condition"},
  };
};

// Clause::style: the marker's kind (一、 (一) 1. (1) ① 第X章 第X节 第X条 第X款 第X项).
enum class ClauseStyle {
  kChineseDun,
  kChineseParen,
  kArabicDot,
  kArabicParen,
  kCircled,
  kChapter,
  kSection,
  kArticle,
  kParagraph,
  kItem,
};

template <>
struct Names<ClauseStyle> {
  static constexpr Named<ClauseStyle> kTable[] = {
      {ClauseStyle::kChineseDun, "chinese_dun"},
      {ClauseStyle::kChineseParen, "chinese_paren"},
      {ClauseStyle::kArabicDot, "arabic_dot"},
      {ClauseStyle::kArabicParen, "arabic_paren"},
      {ClauseStyle::kCircled, "circled"},
      {ClauseStyle::kChapter, "chapter"},
      {ClauseStyle::kSection, "section"},
      {ClauseStyle::kArticle, "article"},
      {ClauseStyle::kParagraph, "paragraph"},
      {ClauseStyle::kItem, "item"},
  };
};

// SourceInfo::format: how the document's bytes were read.
enum class SourceFormat {
  kText,
  kMarkdown,
  kHtml,
  kPdf,
};

template <>
struct Names<SourceFormat> {
  static constexpr Named<SourceFormat> kTable[] = {
      {SourceFormat::kText, "text"},
      {SourceFormat::kMarkdown, "markdown"},
      {SourceFormat::kHtml, "html"},
      {SourceFormat::kPdf, "pdf"},
  };
};

// BureauRef::role: responsible (in the clause's attribution: 牵头单位, 责任单位,
// 由…负责) or mentioned (named in running text only).
enum class BureauRole {
  kResponsible,
  kMentioned,
};

template <>
struct Names<BureauRole> {
  static constexpr Named<BureauRole> kTable[] = {
      {BureauRole::kResponsible, "responsible"},
      {BureauRole::kMentioned, "mentioned"},
  };
};

// BureauRef::duty: its part in the work, where the document says (牵头 -> lead,
// 配合 -> cooperating).
enum class BureauDuty {
  kLead,
  kCooperating,
};

template <>
struct Names<BureauDuty> {
  static constexpr Named<BureauDuty> kTable[] = {
      {BureauDuty::kLead, "lead"},
      {BureauDuty::kCooperating, "cooperating"},
  };
};

// Metadata::status: in force or not on Metadata::status_as_of (judged by
// structure::PolicyStatus).
enum class PolicyState {
  kEffective,
  kExpired,
  kNotYetEffective,
  kUnknown,
};

template <>
struct Names<PolicyState> {
  static constexpr Named<PolicyState> kTable[] = {
      {PolicyState::kEffective, "effective"},
      {PolicyState::kExpired, "expired"},
      {PolicyState::kNotYetEffective, "not_yet_effective"},
      {PolicyState::kUnknown, "unknown"},
  };
};

// The name of a value ("date_mangled").
template <typename E>
constexpr const char* NameOf(E value) {
  for (const Named<E>& n : Names<E>::kTable) {
    if (n.value == value) return n.name;
  }
  return "";  // not reached: every value is in its table (vocab_test)
}

// The value a name stands for; nullopt for a name not in the vocabulary.
template <typename E>
constexpr std::optional<E> ParseName(std::string_view name) {
  for (const Named<E>& n : Names<E>::kTable) {
    if (name == n.name) return n.value;
  }
  return std::nullopt;
}

inline const char* ValueFromName(ValueFrom from) { return NameOf(from); }

}  // namespace gongwen

#endif  // GONGWEN_MODEL_VOCAB_H_
