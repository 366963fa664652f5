// The `uitdaag` program: hands the command line to the CLI dispatcher (server/cli/cli.h).
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return uitdaag::cli::Main(args, std::cout, std::cerr);
}
