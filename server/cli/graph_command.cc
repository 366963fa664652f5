// `uitdaag graph [--format dot|mermaid] [--templates DIR] FILE`.
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "uitdaag/graph.h"

namespace uitdaag::cli {

int GraphCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed =
      ParseArgs(args, {{"--format", true}, {"--templates", true}}, "graph");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  std::string format = parsed->Last("--format").value_or("dot");
  if (format != "dot" && format != "mermaid") {
    return UsageError(err, "unknown graph format '" + format + "' (use dot or mermaid)");
  }
  if (parsed->positional.size() != 1) return UsageError(err, "graph needs exactly one FILE");
  auto def = LoadWorkflowOrReport(parsed->positional[0], parsed->Last("--templates"), err);
  if (def == nullptr) return kExitFailure;
  out << (format == "dot" ? ToDot(*def) : ToMermaid(*def));
  return kExitOk;
}

}  // namespace uitdaag::cli
