// `uitdaag explain`: one deadline computed from command-line facts, or one deadline of a case
// produced by a simulation script, with every step of the reasoning.
#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "uitdaag/engine.h"
#include "uitdaag/simulator.h"

namespace uitdaag::cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"--start", true},   {"--duration", true},     {"--atw", false},    {"--no-atw", false},
    {"--suspend", true}, {"--suspend-open", true}, {"--extend", true},  {"--target", true},
    {"--holiday", true}, {"--as-of", true},        {"--templates", true},
};

// Parses a value of `option`; on failure the status names the option.
StatusOr<Date> DateArg(const std::string& option, const std::string& text) {
  StatusOr<Date> d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(option + " '" + text + "': " + d.status().message());
  return d;
}

StatusOr<Duration> DurationArg(const std::string& option, const std::string& text) {
  StatusOr<Duration> d = Duration::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(option + " '" + text + "': " + d.status().message());
  return d;
}

struct Facts {
  DeadlineRule rule;
  Date start;
  std::vector<Suspension> suspensions;
  std::vector<Extension> extensions;
  BusinessCalendar calendar;
  Date as_of;
};

StatusOr<Facts> ReadFacts(const ParsedArgs& a) {
  Facts f;
  if (!a.Last("--start")) return Status::InvalidArgument("explain needs --start DATE");
  if (!a.Last("--duration")) return Status::InvalidArgument("explain needs --duration TEXT");
  UITDAAG_ASSIGN_OR_RETURN(f.start, DateArg("--start", *a.Last("--start")));
  UITDAAG_ASSIGN_OR_RETURN(f.rule.period, DurationArg("--duration", *a.Last("--duration")));
  for (const std::string& flag : a.flags) f.rule.atw = flag == "--atw";  // the last one wins
  if (a.Last("--target")) {
    UITDAAG_ASSIGN_OR_RETURN(f.rule.target, DurationArg("--target", *a.Last("--target")));
  }
  for (const std::string& text : a.All("--suspend")) {
    size_t dots = text.find("..");
    if (dots == std::string::npos) {
      return Status::InvalidArgument("--suspend '" + text + "': expected FROM..UNTIL");
    }
    Suspension s;
    UITDAAG_ASSIGN_OR_RETURN(s.from, DateArg("--suspend", text.substr(0, dots)));
    Date until;
    UITDAAG_ASSIGN_OR_RETURN(until, DateArg("--suspend", text.substr(dots + 2)));
    s.until = until;
    f.suspensions.push_back(s);
  }
  if (a.All("--suspend-open").size() > 1) {
    return Status::InvalidArgument("--suspend-open may be given once");
  }
  if (a.Last("--suspend-open")) {
    if (!a.Last("--as-of")) return Status::InvalidArgument("--suspend-open needs --as-of DATE");
    Suspension s;
    UITDAAG_ASSIGN_OR_RETURN(s.from, DateArg("--suspend-open", *a.Last("--suspend-open")));
    f.suspensions.push_back(s);
  }
  for (const std::string& text : a.All("--extend")) {
    size_t colon = text.find(':');
    if (colon == std::string::npos) {
      return Status::InvalidArgument("--extend '" + text + "': expected ON:DURATION");
    }
    Extension e;
    UITDAAG_ASSIGN_OR_RETURN(e.on, DateArg("--extend", text.substr(0, colon)));
    UITDAAG_ASSIGN_OR_RETURN(e.by, DurationArg("--extend", text.substr(colon + 1)));
    f.extensions.push_back(e);
  }
  for (const std::string& text : a.All("--holiday")) {
    Date d;
    UITDAAG_ASSIGN_OR_RETURN(d, DateArg("--holiday", text));
    f.calendar.AddExtraDay(d, "command line");
  }
  f.as_of = f.start;
  if (a.Last("--as-of")) {
    UITDAAG_ASSIGN_OR_RETURN(f.as_of, DateArg("--as-of", *a.Last("--as-of")));
  }
  return f;
}

void PrintComputation(const DeadlineComputation& c, std::ostream& out) {
  out << "legal end: " << LongDate(c.legal_end) << (c.provisional ? " (provisional)" : "") << "\n";
  if (c.target_end) out << "target: " << LongDate(*c.target_end) << "\n";
  if (c.warn_on) out << "warning on: " << LongDate(*c.warn_on) << "\n";
  out << "explanation:\n";
  for (const std::string& line : c.ExplainLegal()) out << "  " << line << "\n";
  if (!c.target_steps.empty()) {
    out << "target explanation:\n";
    for (const ExplanationStep& step : c.target_steps) out << "  " << step.ToEnglish() << "\n";
  }
}

int ExplainFacts(const ParsedArgs& a, std::ostream& out, std::ostream& err) {
  if (!a.positional.empty()) {
    return UsageError(err, "explain takes either options or FILE SCRIPT DEADLINE, not both");
  }
  if (a.Has("--templates")) return UsageError(err, "--templates needs FILE SCRIPT DEADLINE");
  StatusOr<Facts> facts = ReadFacts(a);
  if (!facts.ok()) return UsageError(err, facts.status().message());
  const Facts& f = *facts;
  DeadlineComputation c =
      ComputeDeadline(f.rule, f.start, f.suspensions, f.extensions, f.calendar, f.as_of);
  out << "deadline: " << f.rule.period.ToString() << " from " << LongDate(f.start)
      << (f.rule.atw ? " (Algemene termijnenwet applied where art. 4 allows)"
                     : " (without the Algemene termijnenwet)")
      << "\n";
  PrintComputation(c, out);
  return kExitOk;
}

int ExplainCase(const ParsedArgs& a, std::ostream& out, std::ostream& err) {
  for (const OptionSpec& o : kOptions) {
    if (o.name != "--templates" && a.Has(o.name)) {
      return UsageError(err, "option '" + o.name + "' does not go with FILE SCRIPT DEADLINE");
    }
  }
  const std::string& deadline = a.positional[2];
  auto def = LoadWorkflowOrReport(a.positional[0], a.Last("--templates"), err);
  if (def == nullptr) return kExitFailure;
  std::optional<Script> script = LoadScriptOrReport(a.positional[1], err);
  if (!script) return kExitFailure;
  SimulationResult result = Simulate(*def, *script);
  if (!result.ok()) {
    err << "note: " << result.failures.size()
        << " expectation(s) of the script were not met (run 'uitdaag simulate' to see them)\n";
  }
  Instant last = script->until     ? *script->until
                 : !script->steps.empty() ? script->steps.back().at
                 : script->start   ? *script->start
                                   : Instant();
  Date as_of = last.LocalDate();
  StatusOr<DeadlineComputation> c =
      ComputeCaseDeadline(*def, result.final_snapshot, deadline, as_of);
  if (!c.ok()) {
    std::string known;
    for (const auto& [id, track] : result.final_snapshot.deadlines) {
      known += (known.empty() ? "" : ", ") + id;
    }
    err << "uitdaag: case " << script->case_id << " has no deadline '" << deadline << "' ("
        << (known.empty() ? "it has none" : "it has: " + known) << ")\n";
    return kExitFailure;
  }
  const DeadlineTrack& track = result.final_snapshot.deadlines.at(deadline);
  out << "deadline: " << deadline << " of case " << script->case_id << ", round " << track.round
      << ", " << DeadlineStatusName(track.status) << ", as of " << LongDate(as_of) << "\n";
  PrintComputation(*c, out);
  return kExitOk;
}

}  // namespace

int ExplainCommand(const Args& args, std::ostream& out, std::ostream& err) {
  StatusOr<ParsedArgs> parsed = ParseArgs(args, kOptions, "explain");
  if (!parsed.ok()) return UsageError(err, parsed.status().message());
  if (parsed->positional.size() == 3 && !parsed->Has("--start")) {
    return ExplainCase(*parsed, out, err);
  }
  if (!parsed->positional.empty() && !parsed->Has("--start")) {
    return UsageError(err, "explain needs FILE SCRIPT DEADLINE, or --start and --duration");
  }
  return ExplainFacts(*parsed, out, err);
}

}  // namespace uitdaag::cli
