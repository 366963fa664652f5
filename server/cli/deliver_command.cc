// `uitdaag deliver`: carry out the outbox — render and store every letter that accepted steps
// asked for and that has not been stored yet (the service does this by itself).
#include <ostream>

#include "cli/commands.h"
#include "uitdaag/case_letters.h"
#include "uitdaag/clock.h"
#include "uitdaag/outbox.h"

namespace uitdaag::cli {

int DeliverCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed =
      ParseArgs(args, {{"--db", true}, {"--workflows", true}, {"--profile", true}}, "deliver");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (!parsed->positional.empty()) return UsageError(err, "deliver takes no arguments");
  std::unique_ptr<WorkflowRegistry> workflows =
      LoadWorkflowDirOrReport(parsed->Last("--workflows").value_or("workflows"), err);
  if (workflows == nullptr) return kExitFailure;
  std::unique_ptr<LetterRenderer> renderer =
      LoadRendererOrReport(workflows->All(), parsed->Last("--profile"), err);
  if (renderer == nullptr) return kExitFailure;
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(DatabasePath(*parsed), false, err);
  if (store == nullptr) return kExitFailure;
  LetterEffectHandler handler(*store, *workflows, *renderer, *SystemClock());
  OutboxDispatcher dispatcher(*store, handler, *SystemClock());
  DispatchReport total;
  // Batches of 100 until nothing due is left (bounded: every item leaves the due set when done,
  // retried later or given up).
  for (int round = 0; round < 10000; ++round) {
    StatusOr<DispatchReport> report = dispatcher.RunOnce(100);
    if (!report.ok()) {
      err << "uitdaag: delivery stopped: " << report.status().message() << "\n";
      return kExitFailure;
    }
    total.done += report->done;
    total.retried += report->retried;
    total.gave_up += report->gave_up;
    if (report->done + report->retried + report->gave_up == 0) break;
    if (report->retried + report->gave_up > 0) break;  // retries wait for their back-off
  }
  out << "delivered " << total.done << (total.done == 1 ? " effect" : " effects");
  if (total.retried > 0) out << ", " << total.retried << " to retry";
  if (total.gave_up > 0) out << ", " << total.gave_up << " gave up (see 'uitdaag status')";
  out << "\n";
  return total.retried + total.gave_up > 0 ? kExitFailure : kExitOk;
}

}  // namespace uitdaag::cli
