// The `uitdaag` command line: dispatch, usage text and the small helpers every command shares.
//
// Conventions for every command: results go to `out`, errors to `err`; exit code 0 on success,
// 1 when the command ran and found a problem (a workflow with errors, an unmet expectation, a file
// that cannot be read), 2 for a usage error (unknown command or option, missing argument), with a
// one-line message naming it plus "see 'uitdaag help'". Only `sweep`, `deliver` and `render --store`
// read the wall clock (through SystemClock(): when a timer fires, when a letter was stored);
// every other date comes from an argument, a script or the database. No
// exception leaves Main().
//
// Thread safety: none needed; one command per process.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/instant.h"
#include "uitdaag/status.h"

namespace uitdaag::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Runs the command line `args` (without the program name). Catches everything.
int Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The full usage text ("uitdaag help").
std::string UsageText();

// Writes "uitdaag: <message>; see 'uitdaag help'" to `err` and returns kExitUsage.
int UsageError(std::ostream& err, const std::string& message);

// An option a command accepts: "--templates" (with a value) or "--atw" (a flag).
struct OptionSpec {
  std::string name;
  bool takes_value = false;
};

// The parsed command line of one command.
struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> values;  // option -> values, in order given
  std::vector<std::string> flags;                           // flags given, in order
  std::vector<std::string> positional;

  bool Has(const std::string& name) const;
  // The last value given for `name`, if any.
  std::optional<std::string> Last(const std::string& name) const;
  std::vector<std::string> All(const std::string& name) const;
};

// Accepts "--name value", "--name=value", flags, and "--" to end the options. An unknown option
// or a missing value is kInvalidArgument naming it ("unknown option '--x' for 'graph'").
StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                               const std::vector<OptionSpec>& spec, const std::string& command);

// "Thursday 2025-11-13"; "Thu 2025-11-13 10:00" (Dutch local time).
std::string LongDate(Date date);
std::string LocalTime(Instant at);

}  // namespace uitdaag::cli
