// `uitdaag simulate [--templates DIR] FILE SCRIPT`: the timeline of a simulated case.
//
// A deadline's explanation is printed the first time it is shown and again whenever it changes;
// otherwise only its dates, so a long script stays readable.
#include <map>
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "uitdaag/simulator.h"

namespace uitdaag::cli {

namespace {

void PrintEntry(const TimelineEntry& e, std::map<std::string, DeadlineComputation>* shown,
                std::ostream& out) {
  out << LocalTime(e.at) << "  " << e.label;
  if (!e.role.empty()) out << " (" << e.role << ")";
  out << "\n";
  if (!e.accepted) {
    out << "    rejected: " << e.rejection.ToString() << "\n";
  } else if (e.from_state != e.to_state) {
    out << "    accepted: " << e.from_state << " -> " << e.to_state << "\n";
  } else {
    out << "    accepted: stays in " << e.to_state << "\n";
  }
  for (const Effect& effect : e.effects) out << "    - " << DescribeEffect(effect) << "\n";
  if (!e.deadlines.empty()) out << "    deadlines:\n";
  for (const auto& [id, computation] : e.deadlines) {
    auto it = shown->find(id);
    bool changed = it == shown->end() || it->second.legal_steps != computation.legal_steps;
    PrintDeadline(out, "      ", id, computation, changed);
    (*shown)[id] = computation;
  }
  if (e.exposure) PrintExposure(out, "    ", e.exposure_deadline, *e.exposure);
}

}  // namespace

int SimulateCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, {{"--templates", true}}, "simulate");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->positional.size() != 2) return UsageError(err, "simulate needs FILE and SCRIPT");
  auto def = LoadWorkflowOrReport(parsed->positional[0], parsed->Last("--templates"), err);
  if (def == nullptr) return kExitFailure;
  std::optional<Script> script = LoadScriptOrReport(parsed->positional[1], err);
  if (!script) return kExitFailure;

  SimulationResult result = Simulate(*def, *script);
  out << "case " << script->case_id << " on " << def->id << " version " << def->version;
  if (!def->municipality.empty()) out << " (" << def->municipality << ")";
  out << "\n\n";
  std::map<std::string, DeadlineComputation> shown;
  for (const TimelineEntry& entry : result.timeline) PrintEntry(entry, &shown, out);
  out << "\nfinal state: " << result.final_snapshot.state << " (version "
      << result.final_snapshot.version << ")\n";
  if (result.ok()) {
    out << "expectations: all met\n";
    return kExitOk;
  }
  out << "expectations: " << result.failures.size()
      << (result.failures.size() == 1 ? " failure" : " failures") << "\n";
  for (const std::string& failure : result.failures) out << "  " << failure << "\n";
  return kExitFailure;
}

}  // namespace uitdaag::cli
