// Pictures of a workflow for people who adopt or review it: Graphviz DOT and Mermaid.
//
// States are nodes (initial marked, finals double-bordered), transitions are edges labelled
// with the event (and "[guard]" when guarded; "(timer)" for timer events); any_state
// transitions are drawn from every state they apply to. Output is deterministic.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include "uitdaag/workflow.h"

namespace uitdaag {

std::string ToDot(const WorkflowDefinition& def);
std::string ToMermaid(const WorkflowDefinition& def);

}  // namespace uitdaag
