// The gongwen command line as a function, so tests can run it in-process.
//
// Exit codes (also in `gongwen --help`):
//   0  every input was processed
//   1  some inputs failed (each reported on stderr as "path: error: reason");
//      the others were still written
//   2  usage error (unknown command or flag, missing or bad argument): one
//      line saying what is wrong and where the options are
//   3  fatal: the output could not be written or resources could not load
// `gongwen eval`: 0 the scores meet --min-f1/--min-field, 1 they do not,
// 2 usage error, 3 the gold or the run could not be read.
#ifndef GONGWEN_APP_CLI_H_
#define GONGWEN_APP_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace gongwen::cli {

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// The same with stdin (`gongwen map` reads it; the other commands take "-"
// as a path).
int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// What differs between the options each command takes and those its help
// text lists, one line each ("run: --wait is taken but not in the help");
// empty when every option is described.
std::vector<std::string> HelpProblems();

}  // namespace gongwen::cli

#endif  // GONGWEN_APP_CLI_H_
