// Dispatch, usage text and option parsing for `uitdaag` (cli.h).
#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.h"

#ifndef UITDAAG_VERSION
#define UITDAAG_VERSION "unknown"
#endif

namespace uitdaag::cli {

std::string UsageText() {
  return R"(usage: uitdaag <command> [options] [arguments]

Commands:
  validate [--templates DIR] FILE...
      Check workflow definitions; prints every diagnostic as file:line:column and a summary
      per file. Exit 1 when any file has an error.

  simulate [--templates DIR] FILE SCRIPT
      Run a simulation script against a workflow and print the timeline: events, effects,
      deadlines with their explanation, late-decision exposure, and the expectations.
      Exit 1 when an expectation is not met.

  graph [--format dot|mermaid] [--templates DIR] FILE
      Print the workflow's states and transitions as a Graphviz DOT (default) or Mermaid graph.

  explain --start DATE --duration TEXT [--atw | --no-atw] [--target TEXT]
          [--suspend FROM..UNTIL]... [--suspend-open FROM] [--extend ON:DURATION]...
          [--holiday DATE]... [--as-of DATE]
      Compute one deadline and explain every step. DATE is YYYY-MM-DD; TEXT is a duration such
      as "8 weeks", "3 months" or "10 working days". The Atw is not applied unless --atw is
      given. --as-of is required with --suspend-open (an open suspension counts up to it).

  explain [--templates DIR] FILE SCRIPT DEADLINE
      Run the script and explain that deadline of the resulting case, as seen on the date of
      the script's last moment (its `until`, else its last step).

  audit verify [--db PATH]
      Check the hash chain of every case's log and that no entry is missing at the end; names
      the first broken link. Exit 1 when a chain is broken.

  audit export [--db PATH] [--out FILE] CASE
      Write the case's full history (log entries with hashes, deadlines, documents, snapshot)
      as JSON that another system can import and verify.

  audit check-export FILE
      Verify an exported case on its own, without the database.

  backup [--db PATH] DEST
      Copy the live database to DEST (a new file), consistently, while the service runs.

  restore [--db PATH] SOURCE
      Replace the database with a backup after checking its audit chains. Stop the service
      first; the current database is kept as PATH.before-restore.

  status [--db PATH]
      Counts of cases, log entries, timers, documents and outbox items; lists effects that
      failed for good. Exit 1 when there are such effects.

  sweep [--db PATH] [--workflows DIR]
      Fire every deadline that has fallen due by now (the wall clock), oldest first.

  render [--db PATH] [--workflows DIR] [--profile FILE] [--seq N] [--out DIR] [--store]
         CASE TEMPLATE
      Render a letter of a stored case as it was after step N (default: the latest step) to
      DIR/CASE-TEMPLATE.html and .pdf. With --store, keep it with the case as a new letter
      (stored letters are never replaced).

  render --script SCRIPT [--templates DIR] [--profile FILE] [--out DIR] FILE [TEMPLATE...]
      Preview: run the simulation script against the workflow and render every letter it sends
      (or only the TEMPLATEs named) as DIR/NN-TEMPLATE.html and .pdf, NN being the step. No
      database. The script's `applicant:` and `handler:` address the letters.

  deliver [--db PATH] [--workflows DIR] [--profile FILE]
      Carry out the outbox: render and store every letter that steps asked for.

  letters [--db PATH] [--out DIR] CASE
      List the letters stored with a case (template, version, documents and their SHA-256);
      with --out, write their HTML and PDF documents to DIR.

  serve [--config FILE] [--host HOST] [--port N] [--db PATH] [--workflows DIR] [--profile FILE]
      Run the HTTP API (docs/openapi.yaml) until SIGINT or SIGTERM: challengers submit and
      follow their case, case handlers work it; deadlines fire and letters are rendered in the
      background. A new database gets demo accounts, printed at start. Defaults: 127.0.0.1:8080,
      ./uitdaag.db, ./workflows; FILE (see examples/uitdaag.yaml) sets any of them.

  The profile is --profile, else profile.yaml in the workflows' template folder.
  The database is --db, else $UITDAAG_DB, else ./uitdaag.db. Commands that only read open it
  read-only and never create it.

  help, --help          Show this text.
  --version             Show the version.

Exit codes: 0 success, 1 the command found a problem, 2 usage error.
)";
}

int UsageError(std::ostream& err, const std::string& message) {
  err << "uitdaag: " << message << "; see 'uitdaag help'\n";
  return kExitUsage;
}

bool ParsedArgs::Has(const std::string& name) const {
  return values.count(name) > 0 || std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> ParsedArgs::Last(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::All(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                               const std::vector<OptionSpec>& spec, const std::string& command) {
  ParsedArgs parsed;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (size_t eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    auto it = std::find_if(spec.begin(), spec.end(),
                           [&](const OptionSpec& o) { return o.name == name; });
    if (it == spec.end()) {
      return Status::InvalidArgument("unknown option '" + name + "' for '" + command + "'", name);
    }
    if (!it->takes_value) {
      if (inline_value) {
        return Status::InvalidArgument("option '" + name + "' takes no value", name);
      }
      parsed.flags.push_back(name);
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) {
        return Status::InvalidArgument("option '" + name + "' needs a value", name);
      }
      inline_value = args[++i];
    }
    parsed.values[name].push_back(*inline_value);
  }
  return parsed;
}

std::string LongDate(Date date) {
  return std::string(WeekdayName(date.weekday())) + " " + date.ToIsoString();
}

std::string LocalTime(Instant at) {
  Date d = at.LocalDate();
  int minutes = at.LocalMinuteOfDay();
  char hm[32];
  std::snprintf(hm, sizeof hm, "%02d:%02d", minutes / 60, minutes % 60);
  return std::string(WeekdayName(d.weekday())).substr(0, 3) + " " + d.ToIsoString() + " " + hm;
}

namespace {

int Dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    out << UsageText();
    return kExitOk;
  }
  if (args[0] == "--version") {
    out << "uitdaag " << UITDAAG_VERSION << "\n";
    return kExitOk;
  }
  const std::string& command = args[0];
  Args rest(args.begin() + 1, args.end());
  if (command == "validate") return ValidateCommand(rest, out, err);
  if (command == "simulate") return SimulateCommand(rest, out, err);
  if (command == "graph") return GraphCommand(rest, out, err);
  if (command == "explain") return ExplainCommand(rest, out, err);
  if (command == "audit") return AuditCommand(rest, out, err);
  if (command == "backup") return BackupCommand(rest, out, err);
  if (command == "restore") return RestoreCommand(rest, out, err);
  if (command == "status") return StatusCommand(rest, out, err);
  if (command == "sweep") return SweepCommand(rest, out, err);
  if (command == "render") return RenderCommand(rest, out, err);
  if (command == "deliver") return DeliverCommand(rest, out, err);
  if (command == "letters") return LettersCommand(rest, out, err);
  if (command == "serve") return ServeCommand(rest, out, err);
  if (command[0] == '-') return UsageError(err, "unknown option '" + command + "'");
  return UsageError(err, "unknown command '" + command + "'");
}

}  // namespace

int Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    int code = Dispatch(args, out, err);
    out.flush();
    return code;
  } catch (const std::exception& e) {
    err << "uitdaag: internal error: " << e.what() << "\n";
  } catch (...) {
    err << "uitdaag: internal error\n";
  }
  return kExitFailure;
}

}  // namespace uitdaag::cli
