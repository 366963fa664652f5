// WorkflowDefinition: one municipality's procedure, as loaded from a YAML file and fully resolved.
//
// The loader (uitdaag/loader.h) builds it and guarantees, before anyone uses it, that every name
// it contains refers to something that exists (states, events, roles, forms, fields, deadlines,
// templates, parameters), that every expression type-checks, that exactly one state is initial,
// that every state is reachable and every non-final state has a way out. The engine relies on
// these guarantees and does not re-check them.
//
// What residents see is resolved too: every state's `phase` names one of `phases` (and, when the
// workflow declares phases, every non-final state has one); every form's pages hold each of its
// fields exactly once; `challenger_role` and `submission_event` are set (as written, or derived
// by the rules below), so that no layer above has to guess who challenges or how.
//
// Vocabulary: ids of states, events, roles, forms, fields, deadlines, parameters and templates are
// the municipality's (Dutch); the structure and its keys are English. See workflows/README.md for
// the YAML and engine/DESIGN.md for the semantics.
//
// Ownership and thread safety: a definition is immutable once loaded and may be shared freely
// between threads (hold it by std::shared_ptr<const WorkflowDefinition>).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uitdaag/calendar.h"
#include "uitdaag/deadline.h"
#include "uitdaag/duration.h"
#include "uitdaag/expr.h"
#include "uitdaag/form.h"
#include "uitdaag/value.h"

namespace uitdaag {

// Where something was written, for diagnostics. Line and column are 1-based; 0 when unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  // "workflows/x.yaml:12:7".
  std::string ToString() const;
};

struct RoleDef {
  std::string id;
  std::string label;
  SourceLocation where;
};

// An event that can happen to a case. Either people with one of `roles` fire it, or (timer) a
// deadline fires it when it passes; never both.
struct EventDef {
  std::string id;
  std::string label;
  std::vector<std::string> roles;  // empty for timer events
  std::string form;                // the form its payload must satisfy; empty: no payload
  bool timer = false;
  SourceLocation where;
};

// A municipality parameter (decision period, who may challenge, legal character...).
// Its value is visible to expressions as params.<id> (durations are not; they configure deadlines).
struct ParameterDef {
  enum class Kind { kDuration, kNumber, kMoney, kText, kChoice, kList, kBool };
  std::string id;
  std::string label;
  Kind kind = Kind::kText;
  Value value;                       // everything but durations
  Duration duration;                 // kDuration
  std::vector<std::string> options;  // kChoice, and kList of choices
  SourceLocation where;
};

// A deadline the workflow keeps: the rule, what fires when it passes, and late-decision penalties.
struct DeadlineDef {
  std::string id;
  std::string label;
  DeadlineRule rule;               // resolved (durations from parameters already filled in)
  std::string duration_parameter;  // the parameter the period came from, if any
  std::string on_expire;           // a timer event, fired the day after the legal end; may be empty
  std::optional<PenaltyScheme> late_penalty;  // Awb 4:17 exposure when the deadline passes
  SourceLocation where;
};

// A value assigned on a transition: data.<field> = expression.
struct Assignment {
  std::string field;  // a variable of the workflow (see WorkflowDefinition::variables)
  Expression value;
  SourceLocation where;
};

struct SuspendAction {
  std::string deadline;
  std::string reason;
};

struct ExtendAction {
  std::string deadline;
  Duration by;
  std::string by_parameter;  // when `by` came from a parameter
  std::string reason;
};

// What a transition does to deadlines, in this order: stop, suspend, resume, extend, start,
// notice_of_default.
struct DeadlineActions {
  std::vector<std::string> stop;
  std::vector<SuspendAction> suspend;
  std::vector<std::string> resume;
  std::vector<ExtendAction> extend;
  std::vector<std::string> start;              // (re)starts from the event's date
  std::vector<std::string> notice_of_default;  // records an ingebrekestelling on the deadline
  bool empty() const {
    return stop.empty() && suspend.empty() && resume.empty() && extend.empty() && start.empty() &&
           notice_of_default.empty();
  }
};

// One way out of a state on an event. `to` equals the source state for a self-transition; an
// any_state transition written without `to` has from == to == "*": it stays in whatever state
// the case is in.
struct TransitionDef {
  std::string from;   // the state; "*" for a transition declared under any_state
  std::string event;
  std::string to;
  std::optional<Expression> guard;  // must evaluate to true for the transition to be taken
  DeadlineActions deadlines;
  std::vector<std::string> letters;  // templates to render, in order
  std::vector<std::string> notify;   // roles to notify
  std::string assign;                // role whose work queue the case moves to; empty: unchanged
  std::vector<Assignment> set;
  SourceLocation where;
};

// A step of the procedure as a resident sees it ("Aanvraag", "Beoordeling", "Besluit"...).
// Several states may share a phase; the phases are shown in the order written.
struct PhaseDef {
  std::string id;     // [a-z0-9_]+, unique
  std::string label;  // for residents; never empty
  SourceLocation where;
};

struct StateDef {
  std::string id;
  std::string label;         // for staff (and {{zaak.status}} in letters)
  std::string public_label;  // what a resident reads as the status of their case; empty: none
  std::string phase;         // a PhaseDef id; empty: none (only final states, or no phases)
  std::string description;
  std::string guarantees;  // what is true of every case in this state (documentation + review)
  bool initial = false;
  bool final = false;
  std::vector<TransitionDef> transitions;  // in the order written; guards are tried in order
  SourceLocation where;
};

// A case variable that is not a form field (a counter, a flag), with its type and initial value.
struct VariableDef {
  std::string id;
  FieldType type = FieldType::kNumber;  // number, money, text, date or bool
  Value initial;
  SourceLocation where;
};

struct WorkflowDefinition {
  std::string id;       // e.g. "uitdaagrecht"
  int version = 0;      // a case stays on the version it started on
  std::string title;
  std::string municipality;
  std::string source_file;

  std::map<std::string, RoleDef> roles;
  std::map<std::string, EventDef> events;
  std::map<std::string, FormDef> forms;
  std::vector<CriterionDef> criteria;  // in the order written
  std::map<std::string, ParameterDef> parameters;
  std::map<std::string, DeadlineDef> deadlines;
  std::map<std::string, VariableDef> variables;
  std::vector<StateDef> states;  // in the order written
  std::vector<PhaseDef> phases;  // in the order written; empty when the YAML declares none
  // Who challenges: the role residents act in (their events, their own case). As written in
  // `workflow.challenger_role`, else the first role of the first event in the initial state's
  // `on:` (in written order) that people fire. Empty only when no such event exists.
  std::string challenger_role;
  // The event that submits a new case. As written in `workflow.submission_event` (the loader
  // checks that the initial state handles it, that challenger_role fires it and that it has a
  // form), else the first event in the initial state's `on:` that challenger_role fires and that
  // has a form. Empty only when no such event exists.
  std::string submission_event;
  // Transitions valid in every non-final state except those listed (e.g. withdrawal).
  std::vector<TransitionDef> any_state;
  std::map<std::string, std::vector<std::string>> any_state_except;  // event -> states excluded
  BusinessCalendar calendar;  // the Atw calendar plus the extra days the YAML names
  std::vector<std::string> templates;  // every template any transition names, sorted, unique
  std::string template_dir;  // where they are: LoadOptions::template_dir or the `templates:` key
                             // resolved against the YAML file; empty when neither is given

  // Look-ups; nullptr when absent.
  const StateDef* FindState(std::string_view id) const;
  const EventDef* FindEvent(std::string_view id) const;
  const FormDef* FindForm(std::string_view id) const;
  const DeadlineDef* FindDeadline(std::string_view id) const;
  const ParameterDef* FindParameter(std::string_view id) const;
  const CriterionDef* FindCriterion(std::string_view id) const;
  const PhaseDef* FindPhase(std::string_view id) const;
  const StateDef& InitialState() const;  // REQUIRES: a loaded definition (exactly one initial)

  // The transitions that may handle `event` in `state`, in the order they are tried: the
  // state's own first, then any_state ones (unless `state` is final or excluded).
  std::vector<const TransitionDef*> CandidateTransitions(std::string_view state,
                                                         std::string_view event) const;

  // The type of every stored case field: form fields (by name) and variables.
  // A field name used in two forms must have the same type in both (the loader checks).
  std::map<std::string, Type> DataTypes() const;
};

}  // namespace uitdaag
