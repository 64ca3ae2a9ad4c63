#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli.h"

int main(int argc, char** argv) {
  // Over a file size limit (ulimit -f) a write fails with EFBIG instead of
  // killing the process: the run reports it and removes its temp files.
  std::signal(SIGXFSZ, SIG_IGN);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return gongwen::cli::Run(args, std::cin, std::cout, std::cerr);
}
