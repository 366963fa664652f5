// Running a helper program (Ghostscript) to completion, its output captured in a file.
#pragma once

#include <string>
#include <vector>

#include "uitdaag/status.h"

namespace uitdaag::pdf_internal {

struct ProcessResult {
  int exit_code = -1;  // the exit status, or 128 + the signal that ended it
};

// Runs `argv[0]` (looked up in PATH unless it contains '/') with `argv`, stdin from /dev/null,
// stdout and stderr into the file `log_path`, and waits for it.
// kUnavailable when the program cannot be found or started.
StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                   const std::string& log_path);

}  // namespace uitdaag::pdf_internal
