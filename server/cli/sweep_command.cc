// `uitdaag sweep`: fire every deadline that has fallen due (for cron-less operation the service
// sweeps by itself; this command is for operators and one-off catch-up).
#include <ostream>

#include "cli/commands.h"
#include "uitdaag/clock.h"
#include "uitdaag/sweeper.h"

namespace uitdaag::cli {

int SweepCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--db", true}, {"--workflows", true}}, "sweep");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (!parsed->positional.empty()) return UsageError(err, "sweep takes no arguments");
  const std::string path = DatabasePath(*parsed);
  std::unique_ptr<WorkflowRegistry> workflows =
      LoadWorkflowDirOrReport(parsed->Last("--workflows").value_or("workflows"), err);
  if (workflows == nullptr) return kExitFailure;
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(path, false, err);
  if (store == nullptr) return kExitFailure;
  Runner runner(*store, *workflows, *SystemClock());
  Sweeper sweeper(runner);
  StatusOr<SweepReport> report = sweeper.SweepOnce();
  if (!report.ok()) {
    err << "uitdaag: sweep stopped: " << report.status().message() << "\n";
    return kExitFailure;
  }
  out << "fired " << report->fired << " timer" << (report->fired == 1 ? "" : "s");
  if (report->failed > 0) out << ", " << report->failed << " failed";
  if (report->more) out << " (more are due: run again)";
  out << "\n";
  for (const std::string& e : report->errors) out << "  " << e << "\n";
  return report->failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace uitdaag::cli
