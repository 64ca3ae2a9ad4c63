// The vocabularies' name tables (model/vocab.h): every value has one name,
// names read back to their value, and each table lists exactly the names the
// published JSON Schema allows.
#include "model/result.h"
#include "model/vocab.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace gongwen {
namespace {

template <typename E>
std::vector<std::string> TableNames() {
  std::vector<std::string> names;
  for (const Named<E>& n : Names<E>::kTable) names.emplace_back(n.name);
  return names;
}

// The table covers the enum (values 0..N-1 in order, as declared), names are
// distinct snake_case, and name -> value -> name is the identity.
template <typename E>
void CheckTable() {
  const auto& table = Names<E>::kTable;
  std::set<std::string> seen;
  for (size_t i = 0; i < std::size(table); ++i) {
    const std::string name = table[i].name;
    CAPTURE(name);
    CHECK(static_cast<size_t>(table[i].value) == i);
    CHECK(seen.insert(name).second);
    CHECK_FALSE(name.empty());
    CHECK(std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }));
    const std::optional<E> back = ParseName<E>(name);
    REQUIRE(back.has_value());
    CHECK(*back == table[i].value);
    CHECK(std::string(NameOf(*back)) == name);
  }
  CHECK_FALSE(ParseName<E>("").has_value());
  CHECK_FALSE(ParseName<E>("no_such_name").has_value());
}

// The names a schema `enum` allows (null, for an optional value, left out).
std::vector<std::string> SchemaEnum(const std::string& pointer) {
  static const nlohmann::json schema =
      nlohmann::json::parse(testing::ReadSourceFile("schema/gongwen.schema.json"));
  const nlohmann::json& list = schema.at(nlohmann::json::json_pointer(pointer + "/enum"));
  std::vector<std::string> names;
  for (const nlohmann::json& v : list) {
    if (!v.is_null()) names.push_back(v.get<std::string>());
  }
  return names;
}

template <typename E>
void CheckAgainstSchema(const std::string& pointer) {
  CAPTURE(pointer);
  std::vector<std::string> ours = TableNames<E>(), schema = SchemaEnum(pointer);
  std::sort(ours.begin(), ours.end());
  std::sort(schema.begin(), schema.end());
  CHECK(ours == schema);
}

TEST_CASE("vocab: every name table round-trips name -> value -> name") {
  CheckTable<WarningCode>();
  CheckTable<RepairKind>();
  CheckTable<AmountKind>();
  CheckTable<AmountQualifier>();
  CheckTable<AmountPurpose>();
  CheckTable<ClauseStyle>();
  CheckTable<SourceFormat>();
  CheckTable<ValueFrom>();
  CheckTable<BureauRole>();
  CheckTable<BureauDuty>();
  CheckTable<PolicyState>();
}

TEST_CASE("vocab: the name tables list exactly the schema's enums") {
  CheckAgainstSchema<WarningCode>("/properties/quality/properties/warnings/items/properties/code");
  CheckAgainstSchema<RepairKind>("/properties/quality/properties/repairs/items/properties/kind");
  CheckAgainstSchema<AmountKind>("/definitions/amount/properties/kind");
  CheckAgainstSchema<AmountQualifier>("/definitions/amount/properties/qualifier");
  CheckAgainstSchema<AmountPurpose>("/definitions/amount/properties/purpose");
  CheckAgainstSchema<ClauseStyle>("/definitions/clause/properties/style");
  CheckAgainstSchema<SourceFormat>("/properties/source/properties/format");
  CheckAgainstSchema<ValueFrom>("/definitions/provenance/properties/from");
  CheckAgainstSchema<BureauRole>("/definitions/bureau/properties/role");
  CheckAgainstSchema<BureauDuty>("/definitions/bureau/properties/duty");
  CheckAgainstSchema<PolicyState>("/properties/metadata/properties/status");
}

TEST_CASE("vocab: names are the output's text") {
  CHECK(std::string(NameOf(WarningCode::kDateMangled)) == "date_mangled");
  CHECK(std::string(NameOf(RepairKind::kTraditionalToSimplified)) == "traditional_to_simplified");
  CHECK(std::string(NameOf(AmountKind::kMoney)) == "money");
  CHECK(std::string(NameOf(AmountQualifier::kApprox)) == "approx");
  CHECK(std::string(NameOf(AmountPurpose::kCondition)) == "condition");
  CHECK(std::string(NameOf(ClauseStyle::kChineseParen)) == "chinese_paren");
  CHECK(std::string(NameOf(SourceFormat::kMarkdown)) == "markdown");
  CHECK(std::string(NameOf(BureauRole::kMentioned)) == "mentioned");
  CHECK(std::string(NameOf(BureauDuty::kCooperating)) == "cooperating");
  CHECK(std::string(NameOf(PolicyState::kNotYetEffective)) == "not_yet_effective");
  static_assert(ParseName<AmountKind>("ratio") == AmountKind::kRatio);
}

}  // namespace
}  // namespace gongwen

TEST_CASE("vocab: every error code's name reads back as that code") {
  for (gongwen::ErrorCode c :
       {gongwen::ErrorCode::kIo, gongwen::ErrorCode::kUnsupported, gongwen::ErrorCode::kDecode,
        gongwen::ErrorCode::kEmpty, gongwen::ErrorCode::kEncrypted, gongwen::ErrorCode::kNeedsOcr,
        gongwen::ErrorCode::kDatabase, gongwen::ErrorCode::kLimit, gongwen::ErrorCode::kInternal}) {
    CHECK(gongwen::ParseErrorCode(gongwen::ErrorCodeName(c)) == c);
  }
  CHECK_FALSE(gongwen::ParseErrorCode("nosuch").has_value());
}
