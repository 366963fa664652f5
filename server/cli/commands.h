// The commands of `uitdaag`, one per file, and what they share (loading, printing).
// Each command takes its arguments without the command name and returns the process exit code
// (see cli.h for the conventions).
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "http/setup.h"
#include "uitdaag/deadline.h"
#include "uitdaag/effect.h"
#include "uitdaag/letter_renderer.h"
#include "uitdaag/runner.h"
#include "uitdaag/script.h"
#include "uitdaag/store.h"
#include "uitdaag/workflow.h"

namespace uitdaag::cli {

using Args = std::vector<std::string>;

int ValidateCommand(const Args& args, std::ostream& out, std::ostream& err);
int SimulateCommand(const Args& args, std::ostream& out, std::ostream& err);
int GraphCommand(const Args& args, std::ostream& out, std::ostream& err);
int ExplainCommand(const Args& args, std::ostream& out, std::ostream& err);
int AuditCommand(const Args& args, std::ostream& out, std::ostream& err);
int BackupCommand(const Args& args, std::ostream& out, std::ostream& err);
int RestoreCommand(const Args& args, std::ostream& out, std::ostream& err);
int StatusCommand(const Args& args, std::ostream& out, std::ostream& err);
int SweepCommand(const Args& args, std::ostream& out, std::ostream& err);
int RenderCommand(const Args& args, std::ostream& out, std::ostream& err);
int DeliverCommand(const Args& args, std::ostream& out, std::ostream& err);
int LettersCommand(const Args& args, std::ostream& out, std::ostream& err);
int ServeCommand(const Args& args, std::ostream& out, std::ostream& err);

// ---- database.cc ----------------------------------------------------------------------------

// --db, else $UITDAAG_DB, else "uitdaag.db".
std::string DatabasePath(const ParsedArgs& parsed);

// Opens the store; on error writes the reason to `err` and returns null. A read-only open of a
// file that does not exist is an error (it would otherwise create an empty database).
std::unique_ptr<CaseStore> OpenDatabaseOrReport(const std::string& path, bool read_only,
                                                std::ostream& err);

// Loading the workflows of a directory and the letter renderer: shared with the service.
using http::LoadRendererOrReport;
using http::LoadWorkflowDirOrReport;

// ---- load.cc --------------------------------------------------------------------------------

// Loads a workflow; on error writes every diagnostic and a summary line to `err` and returns
// null. Warnings are not printed (validate shows them).
std::shared_ptr<const WorkflowDefinition> LoadWorkflowOrReport(
    const std::string& path, const std::optional<std::string>& template_dir, std::ostream& err);

// Loads a simulation script; on error writes the message to `err` and returns nullopt.
std::optional<Script> LoadScriptOrReport(const std::string& path, std::ostream& err);

// ---- report.cc ------------------------------------------------------------------------------

// "EUR 1,442.00".
std::string Euros(long long cents);

// One effect for people: "letter ontvangstbevestiging", "deadline beslistermijn started: ...".
std::string DescribeEffect(const Effect& effect);

// "<indent>beslistermijn: legal end Thursday 2026-01-08, target ..., provisional" and, when
// `explain`, every explanation line indented two more spaces.
void PrintDeadline(std::ostream& out, const std::string& indent, const std::string& id,
                   const DeadlineComputation& computation, bool explain);

// "<indent>late decision on beslistermijn: 12 days late; ..." with notice and penalty lines.
void PrintExposure(std::ostream& out, const std::string& indent, const std::string& deadline,
                   const PenaltyExposure& exposure);

}  // namespace uitdaag::cli
