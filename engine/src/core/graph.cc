// Graphviz DOT and Mermaid pictures of a workflow (uitdaag/graph.h).
//
// Both formats are built from one list of edges, collected in a fixed order: states in the order
// written, each state's own transitions in the order written, then the any_state transitions that
// apply to it. The same definition therefore always gives the same text.
#include "uitdaag/graph.h"

#include <string>
#include <vector>

namespace uitdaag {
namespace {

struct Edge {
  std::string from;
  std::string to;
  std::string label;
  bool any_state = false;  // drawn dashed: declared once for many states
};

bool Excluded(const WorkflowDefinition& def, const std::string& event, const std::string& state) {
  auto it = def.any_state_except.find(event);
  if (it == def.any_state_except.end()) return false;
  for (const std::string& s : it->second) {
    if (s == state) return true;
  }
  return false;
}

// "indienen", "besluiten [event.uitkomst == \"afgewezen\"]", "hersteltermijn_verstreken (timer)".
std::string EdgeLabel(const WorkflowDefinition& def, const TransitionDef& t) {
  std::string label = t.event;
  const EventDef* event = def.FindEvent(t.event);
  if (event != nullptr && event->timer) label += " (timer)";
  if (t.guard) label += " [" + t.guard->text() + "]";
  return label;
}

Edge MakeEdge(const WorkflowDefinition& def, const std::string& from, const TransitionDef& t,
              bool any_state) {
  // A self-transition may be written without `to` (or, under any_state, with the "*" source).
  std::string to = (t.to.empty() || t.to == "*") ? from : t.to;
  return Edge{from, to, EdgeLabel(def, t), any_state};
}

std::vector<Edge> CollectEdges(const WorkflowDefinition& def) {
  std::vector<Edge> edges;
  for (const StateDef& state : def.states) {
    for (const TransitionDef& t : state.transitions) {
      edges.push_back(MakeEdge(def, state.id, t, false));
    }
    if (state.final) continue;
    for (const TransitionDef& t : def.any_state) {
      if (!Excluded(def, t.event, state.id)) edges.push_back(MakeEdge(def, state.id, t, true));
    }
  }
  return edges;
}

std::string NodeLabel(const StateDef& state) {
  if (state.label.empty() || state.label == state.id) return state.id;
  return state.label + "\n(" + state.id + ")";
}

// ---- DOT ---------------------------------------------------------------------------------------

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string DotQuote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

// ---- Mermaid -----------------------------------------------------------------------------------

bool IsMermaidReserved(const std::string& id) {
  static const char* const kReserved[] = {"end",   "graph",     "subgraph", "flowchart",
                                          "style", "class",     "classDef", "click",
                                          "call",  "linkStyle", "direction", "default"};
  for (const char* word : kReserved) {
    if (id == word) return true;
  }
  return false;
}

bool IsPlainId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The node name for a state: its id when Mermaid can take it as it is, else "state_<n>".
class MermaidNames {
 public:
  explicit MermaidNames(const WorkflowDefinition& def) : def_(def) {}
  std::string Of(const std::string& state_id) const {
    if (IsPlainId(state_id) && !IsMermaidReserved(state_id)) return state_id;
    for (size_t i = 0; i < def_.states.size(); ++i) {
      if (def_.states[i].id == state_id) return "state_" + std::to_string(i);
    }
    return "state_unknown";
  }

 private:
  const WorkflowDefinition& def_;
};

// Text inside ["..."] or |"..."|: entity codes for the characters Mermaid would read itself.
std::string MermaidText(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '\n': out += "<br/>"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string ToDot(const WorkflowDefinition& def) {
  std::string out = "digraph " + DotQuote(def.id.empty() ? "workflow" : def.id) + " {\n";
  out += "  rankdir=TB;\n";
  out += "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  out += "  \"__start\" [shape=point, width=0.15, label=\"\"];\n";
  for (const StateDef& state : def.states) {
    out += "  " + DotQuote(state.id) + " [label=" + DotQuote(NodeLabel(state));
    if (state.final) out += ", peripheries=2";
    if (state.initial) out += ", penwidth=2";
    out += "];\n";
  }
  for (const StateDef& state : def.states) {
    if (state.initial) out += "  \"__start\" -> " + DotQuote(state.id) + ";\n";
  }
  for (const Edge& e : CollectEdges(def)) {
    out += "  " + DotQuote(e.from) + " -> " + DotQuote(e.to) + " [label=" + DotQuote(e.label);
    if (e.any_state) out += ", style=dashed";
    out += "];\n";
  }
  out += "}\n";
  return out;
}

std::string ToMermaid(const WorkflowDefinition& def) {
  MermaidNames names(def);
  std::string out = "flowchart TB\n";
  out += "  __start((\" \"))\n";
  for (const StateDef& state : def.states) {
    std::string text = MermaidText(NodeLabel(state));
    // Finals get the double-bordered "subroutine" shape.
    if (state.final) {
      out += "  " + names.Of(state.id) + "[[\"" + text + "\"]]\n";
    } else {
      out += "  " + names.Of(state.id) + "[\"" + text + "\"]\n";
    }
  }
  for (const StateDef& state : def.states) {
    if (state.initial) out += "  __start --> " + names.Of(state.id) + "\n";
  }
  for (const Edge& e : CollectEdges(def)) {
    const char* arrow = e.any_state ? " -.->|\"" : " -->|\"";
    out += "  " + names.Of(e.from) + arrow + MermaidText(e.label) + "\"| " + names.Of(e.to) + "\n";
  }
  return out;
}

}  // namespace uitdaag
