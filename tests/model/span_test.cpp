// Spans carry their unit in their type (model/span.h).
#include "model/span.h"

#include <doctest/doctest.h>

#include <type_traits>

#include "model/model.h"
#include "util/utf8.h"

namespace gongwen {
namespace {

static_assert(!std::is_convertible_v<ByteSpan, CodePointSpan>, "a byte span is not a code point span");
static_assert(!std::is_convertible_v<CodePointSpan, ByteSpan>, "a code point span is not a byte span");
static_assert(std::is_same_v<decltype(Amount::span), CodePointSpan>);
static_assert(std::is_same_v<decltype(Clause::span), CodePointSpan>);
static_assert(std::is_same_v<decltype(BureauRef::span), CodePointSpan>);
static_assert(std::is_same_v<decltype(Table::span), CodePointSpan>);
static_assert(std::is_same_v<decltype(RepairItem::source), CodePointSpan>);
static_assert(std::is_same_v<decltype(Warning::span), std::optional<CodePointSpan>>);

TEST_CASE("span: CodePointIndex converts spans between bytes and code points") {
  const std::string text = "第一条 给予最高300万元支持";  // 3-byte CJK, 1-byte digits
  const utf8::CodePointIndex cps(text);
  const ByteSpan money{static_cast<int64_t>(text.find("300")), static_cast<int64_t>(text.find("支持"))};
  const CodePointSpan cp = cps.ToCodePoints(money);
  CHECK(cp == CodePointSpan{8, 13});
  CHECK(cps.ToBytes(cp) == money);
  CHECK(cp != CodePointSpan{8, 12});
}

}  // namespace
}  // namespace gongwen
