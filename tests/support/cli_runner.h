// Test support: run the built `uitdaag` binary (UITDAAG_BINARY) as a process and capture its
// exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace uitdaag::testing {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

inline std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs UITDAAG_BINARY with `args`, capturing stdout, stderr and the exit code.
inline Outcome RunCli(const std::vector<std::string>& args) {
  static int counter = 0;
  fs::path base = fs::temp_directory_path() /
                  ("uitdaag_cli_test_" + std::to_string(static_cast<long>(::getpid())) + "_" +
                   std::to_string(++counter));
  std::string command = ShellQuote(UITDAAG_BINARY);
  for (const std::string& a : args) command += " " + ShellQuote(a);
  command += " >" + ShellQuote(base.string() + ".out") + " 2>" + ShellQuote(base.string() + ".err");
  int status = std::system(command.c_str());
  Outcome o;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = ReadAll(base.string() + ".out");
  o.err = ReadAll(base.string() + ".err");
  fs::remove(base.string() + ".out");
  fs::remove(base.string() + ".err");
  return o;
}

// Prints the outcome when a check in the same scope fails.
#define SHOW(o) \
  INFO("exit " << (o).exit_code << "\nstdout:\n" << (o).out << "\nstderr:\n" << (o).err)

}  // namespace uitdaag::testing
