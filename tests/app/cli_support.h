// Helpers for the command-line tests: run `gongwen` in-process, and make
// scratch folders and files.
#ifndef GONGWEN_TESTS_APP_CLI_SUPPORT_H_
#define GONGWEN_TESTS_APP_CLI_SUPPORT_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.h"

namespace gongwen::testing {

struct CliOutcome {
  int code;
  std::string out, err;
};

inline CliOutcome RunCli(std::vector<std::string> args) {
  std::ostringstream out, err;
  int code = cli::Run(args, out, err);
  return CliOutcome{code, out.str(), err.str()};
}

// An empty folder under the temp dir, named after the test.
inline std::filesystem::path FreshDir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("gongwen_test_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void WriteFile(const std::filesystem::path& p, const std::string& data) {
  std::ofstream(p, std::ios::binary) << data;
}

}  // namespace gongwen::testing

#endif  // GONGWEN_TESTS_APP_CLI_SUPPORT_H_
