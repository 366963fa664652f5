// `uitdaag status`: what is in the database and what needs attention.
#include <ostream>

#include "cli/commands.h"

namespace uitdaag::cli {

int StatusCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--db", true}}, "status");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (!parsed->positional.empty()) return UsageError(err, "status takes no arguments");
  const std::string path = DatabasePath(*parsed);
  std::unique_ptr<CaseStore> store = OpenDatabaseOrReport(path, true, err);
  if (store == nullptr) return kExitFailure;
  StatusOr<StoreCounts> n = store->Counts();
  if (!n.ok()) {
    err << "uitdaag: " << n.status().message() << "\n";
    return kExitFailure;
  }
  out << path << " (schema " << store->schema_version() << ")\n"
      << "  cases:            " << n->cases << "\n"
      << "  log entries:      " << n->events << "\n"
      << "  pending timers:   " << n->timers << "\n"
      << "  documents:        " << n->documents << "\n"
      << "  outbox pending:   " << n->outbox_pending << "\n"
      << "  outbox failed:    " << n->outbox_failed << "\n";
  if (n->outbox_failed > 0) {
    out << "  effects that gave up (retry them or handle them by hand):\n";
    StatusOr<std::vector<std::string>> ids = store->CaseIds();
    if (!ids.ok()) return kExitFailure;
    for (const std::string& id : *ids) {
      StatusOr<std::vector<OutboxItem>> items = store->Outbox(id);
      if (!items.ok()) return kExitFailure;
      for (const OutboxItem& item : *items) {
        if (item.status != OutboxItem::Status::kFailed) continue;
        out << "    #" << item.id << " case " << item.case_id << " " << DescribeEffect(item.effect)
            << " after " << item.attempts << " attempts: " << item.last_error << "\n";
      }
    }
  }
  return n->outbox_failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace uitdaag::cli
