// Helpers shared by the tests: the project's own files (samples/, tests/data/)
// and the extract + normalize steps the structure tests start from.
#ifndef GONGWEN_TESTS_TEST_SUPPORT_H_
#define GONGWEN_TESTS_TEST_SUPPORT_H_

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "util/files.h"

namespace gongwen::testing {

// The bytes of a file; fails the calling test when it cannot be read.
inline std::string ReadFileOrFail(const std::string& path) {
  auto r = files::Read(path);
  REQUIRE_MESSAGE(r.ok(), "cannot read ", path);
  return std::move(r).value();
}

// A file of the source tree, by its path relative to the root.
inline std::string ReadSourceFile(const std::string& relative) {
  return ReadFileOrFail(std::string(GONGWEN_SOURCE_DIR) + "/" + relative);
}

inline std::string ReadSample(const std::string& name) { return ReadSourceFile("samples/" + name); }

// One Normalizer for all tests (loading OpenCC takes a while).
inline const normalize::Normalizer& TheNormalizer() {
  static const std::unique_ptr<normalize::Normalizer> n = [] {
    auto r = normalize::Normalizer::Create();
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return *n;
}

// bytes -> extract (text or Markdown, by content) -> normalize, as the pipeline does.
inline Normalized NormalizeText(const std::string& bytes, const std::string& path) {
  extract::Options options;
  options.path = path;
  const bool markdown = extract::SniffFormat(bytes, path) == extract::Format::kMarkdown;
  auto extracted = extract::ExtractText(bytes, options, markdown);
  REQUIRE(extracted.ok());
  return TheNormalizer().Run(extracted.value());
}

}  // namespace gongwen::testing

#endif  // GONGWEN_TESTS_TEST_SUPPORT_H_
