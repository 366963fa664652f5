// The workflow loader: the shipped workflow loads and resolves, and every check reports the exact
// file:line:column with a message that names the offending thing.
//
// The broken fixtures (tests/fixtures/broken/*.yaml) are copies of tests/fixtures/minimal.yaml
// with one deliberate defect each; each test below names the place the defect is written.
#include "uitdaag/loader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "yaml/loader_test_support.h"

namespace uitdaag {
namespace {

using Catch::Matchers::Contains;
using namespace loader_test;

std::string ShippedWorkflow() {
  return std::string(UITDAAG_SOURCE_DIR) + "/workflows/uitdaagrecht.yaml";
}

LoadResult LoadShippedWithFixtureTemplates() {
  LoadOptions options;
  options.template_dir = Fixture("templates");
  return LoadWorkflowFile(ShippedWorkflow(), options);
}

// ---- The shipped workflow
// ------------------------------------------------------------------------

TEST_CASE("Loader: the shipped uitdaagrecht workflow loads without errors", "[loader]") {
  const LoadResult result = LoadShippedWithFixtureTemplates();
  INFO(Dump(result));
  REQUIRE(result.ok());
  CHECK(result.error_count() == 0);
  const WorkflowDefinition& def = *result.definition;
  CHECK(def.id == "uitdaagrecht");
  CHECK(def.version == 1);
  CHECK(def.municipality == "Gemeente Voorbeeldstad");
  CHECK(def.source_file == ShippedWorkflow());
  CHECK(def.states.size() == 17);
  CHECK(def.events.size() == 27);
  CHECK(def.deadlines.size() == 7);
  CHECK(def.forms.size() == 19);
  CHECK(def.roles.size() == 3);
  CHECK(def.criteria.size() == 6);
  CHECK(def.parameters.size() == 11);
  CHECK(def.any_state.size() == 3);
  CHECK(def.InitialState().id == "concept");
  CHECK(def.calendar.extra_days().empty());
  CHECK(def.templates ==
        std::vector<std::string>{
            "beeindiging", "besluit_afwijzing", "besluit_deels_toewijzing", "besluit_toewijzing",
            "bevestiging_intrekking", "buiten_behandeling", "evaluatieverslag",
            "herinnering_voortgangsrapportage", "ontvangstbevestiging", "samenwerkingsovereenkomst",
            "uitnodiging_gesprek", "verdagingsbericht", "verlenging", "verzoek_om_aanvulling"});
}

TEST_CASE("Loader: the shipped workflow loads with its own templates", "[loader][shipped]") {
  // Uses `templates: ../templates`, i.e. the real letter templates next to workflows/.
  const LoadResult result = LoadWorkflowFile(ShippedWorkflow());
  INFO(Dump(result));
  CHECK(result.ok());
  CHECK(result.error_count() == 0);
}

TEST_CASE("Loader: the decision transitions of the shipped workflow", "[loader]") {
  const LoadResult result = LoadShippedWithFixtureTemplates();
  REQUIRE(result.ok());
  const WorkflowDefinition& def = *result.definition;
  const auto besluiten = def.CandidateTransitions("besluitvorming", "besluiten");
  REQUIRE(besluiten.size() == 3);
  const TransitionDef& afwijzing = *besluiten[0];
  CHECK(afwijzing.from == "besluitvorming");
  CHECK(afwijzing.to == "afgewezen");
  REQUIRE(afwijzing.guard.has_value());
  CHECK(afwijzing.guard->text() == "event.uitkomst == \"afgewezen\"");
  CHECK(afwijzing.letters == std::vector<std::string>{"besluit_afwijzing"});
  CHECK(afwijzing.deadlines.stop == std::vector<std::string>{"beslistermijn"});
  CHECK(afwijzing.deadlines.start == std::vector<std::string>{"bezwaartermijn"});
  CHECK(afwijzing.assign == "behandelaar");
  CHECK(besluiten[1]->to == "toegewezen");
  CHECK(besluiten[1]->guard->text() == "event.uitkomst == \"toegewezen\" and assessment.passed");
  CHECK(besluiten[2]->deadlines.start ==
        std::vector<std::string>{"bezwaartermijn", "overeenkomsttermijn"});
  // A self-transition written as `{}`.
  const auto scoren = def.CandidateTransitions("beoordeling", "criteria_scoren");
  REQUIRE(scoren.size() == 1);
  CHECK(scoren[0]->to == "beoordeling");
  CHECK_FALSE(scoren[0]->guard.has_value());
}

TEST_CASE("Loader: suspension, assignment and variables in the shipped workflow", "[loader]") {
  const LoadResult result = LoadShippedWithFixtureTemplates();
  REQUIRE(result.ok());
  const WorkflowDefinition& def = *result.definition;
  const auto vragen = def.CandidateTransitions("ontvangen", "aanvulling_vragen");
  REQUIRE(vragen.size() == 1);
  REQUIRE(vragen[0]->deadlines.suspend.size() == 1);
  CHECK(vragen[0]->deadlines.suspend[0].deadline == "beslistermijn");
  CHECK(vragen[0]->deadlines.suspend[0].reason == "aanvraag onvolledig (Awb 4:15 lid 1 sub a)");
  CHECK(vragen[0]->deadlines.start == std::vector<std::string>{"hersteltermijn"});
  CHECK(vragen[0]->assign == "initiatiefnemer");

  const auto evaluatie = def.CandidateTransitions("evaluatie", "evaluatie_vastleggen");
  REQUIRE(evaluatie.size() == 3);
  REQUIRE(evaluatie[0]->set.size() == 1);
  CHECK(evaluatie[0]->set[0].field == "verlengingen");
  CHECK(evaluatie[0]->set[0].value.text() == "data.verlengingen + 1");
  CHECK(evaluatie[0]->letters == std::vector<std::string>{"evaluatieverslag", "verlenging"});

  const auto types = def.DataTypes();
  CHECK(types.at("begroting").kind == ValueType::kMoney);
  CHECK(types.at("uitkomst").options ==
        std::vector<std::string>{"toegewezen", "deels_toegewezen", "afgewezen"});
  CHECK(types.at("verlengingen").kind == ValueType::kNumber);
  CHECK(types.at("bijlagen").kind == ValueType::kList);
  CHECK(types.count("scores") == 0);  // criteria fields are read through assessment.*
  CHECK(def.variables.at("verlengingen").initial == Value::Number(0));
}

TEST_CASE("Loader: deadline rules and parameters of the shipped workflow", "[loader]") {
  const LoadResult result = LoadShippedWithFixtureTemplates();
  REQUIRE(result.ok());
  const WorkflowDefinition& def = *result.definition;
  const DeadlineDef* beslis = def.FindDeadline("beslistermijn");
  REQUIRE(beslis != nullptr);
  CHECK(beslis->rule.kind == DeadlineRule::Kind::kPeriod);
  CHECK(beslis->rule.period == Duration{8, DurationUnit::kWeeks});
  CHECK(beslis->duration_parameter == "beslistermijn");
  CHECK(beslis->rule.atw);
  CHECK(beslis->rule.target == Duration{6, DurationUnit::kWeeks});
  CHECK(beslis->rule.warn_before == Duration{5, DurationUnit::kWorkingDays});
  REQUIRE(beslis->late_penalty.has_value());
  CHECK(beslis->late_penalty->grace == Duration{2, DurationUnit::kWeeks});
  CHECK(beslis->late_penalty->tiers ==
        std::vector<PenaltyTier>{{14, 2300}, {14, 3500}, {14, 4500}});
  CHECK(def.FindDeadline("hersteltermijn")->on_expire == "hersteltermijn_verstreken");
  CHECK(def.FindDeadline("evaluatietermijn")->rule.period == Duration{12, DurationUnit::kMonths});
  CHECK_FALSE(def.FindDeadline("overeenkomsttermijn")->rule.atw);

  CHECK(def.FindParameter("wie_mag_uitdagen")->value ==
        Value::List({Value::Text("bewoner"), Value::Text("bewonersgroep"),
                     Value::Text("maatschappelijke_organisatie")}));
  CHECK(def.FindParameter("rechtskarakter")->value == Value::Text("beschikking"));
  CHECK(def.FindParameter("max_verlengingen")->value == Value::Number(5));
  CHECK(def.FindParameter("bezwaartermijn")->duration == Duration{6, DurationUnit::kWeeks});

  const CriterionDef* draagvlak = def.FindCriterion("draagvlak");
  REQUIRE(draagvlak != nullptr);
  CHECK(draagvlak->weight == 2);
  CHECK(draagvlak->scale_min == 1);
  CHECK(draagvlak->scale_max == 5);
  CHECK(draagvlak->minimum == 3);
  CHECK(def.FindEvent("hersteltermijn_verstreken")->timer);
  CHECK(def.FindEvent("indienen")->roles == std::vector<std::string>{"initiatiefnemer"});
  CHECK(def.FindEvent("indienen")->form == "aanvraag");
}

TEST_CASE("Loader: any_state transitions and their exceptions", "[loader]") {
  const LoadResult result = LoadShippedWithFixtureTemplates();
  REQUIRE(result.ok());
  const WorkflowDefinition& def = *result.definition;
  CHECK(def.any_state_except.at("intrekken") ==
        std::vector<std::string>{"concept", "afgewezen", "in_bezwaar", "uitvoering", "evaluatie"});
  CHECK(def.CandidateTransitions("concept", "intrekken").empty());    // excluded
  CHECK(def.CandidateTransitions("afgesloten", "verdagen").empty());  // final
  const auto intrekken = def.CandidateTransitions("ontvangen", "intrekken");
  REQUIRE(intrekken.size() == 1);
  CHECK(intrekken[0]->from == "*");
  CHECK(intrekken[0]->to == "ingetrokken");
  const auto verdagen = def.CandidateTransitions("beoordeling", "verdagen");
  REQUIRE(verdagen.size() == 1);
  CHECK(verdagen[0]->to == "*");  // stays in the state it was fired in
  REQUIRE(verdagen[0]->deadlines.extend.size() == 1);
  CHECK(verdagen[0]->deadlines.extend[0].deadline == "beslistermijn");
  CHECK(verdagen[0]->deadlines.extend[0].by == Duration{6, DurationUnit::kWeeks});
  CHECK(verdagen[0]->deadlines.extend[0].by_parameter == "verdagingstermijn");
  CHECK(verdagen[0]->guard->text() == "deadline.beslistermijn.active");
  CHECK(
      def.CandidateTransitions("ontvangen", "ingebrekestelling")[0]->deadlines.notice_of_default ==
      std::vector<std::string>{"beslistermijn"});
  CHECK(def.CandidateTransitions("nergens", "intrekken").empty());
}

TEST_CASE("Loader: the minimal fixture loads without any diagnostic", "[loader]") {
  const LoadResult result = LoadWorkflowFile(Fixture("minimal.yaml"));
  INFO(Dump(result));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  CHECK(result.definition->templates == std::vector<std::string>{"besluit", "ontvangen"});
}

// ---- One broken file per check
// -------------------------------------------------------------------

TEST_CASE("Loader: a YAML syntax error", "[loader][broken]") {
  // The '}' that closes a flow mapping while its '[' list is still open.
  RequireError(LoadBroken("syntax_error"), 23, 67, {"YAML syntax error"});
}

TEST_CASE("Loader: an unknown top-level key", "[loader][broken]") {
  RequireError(LoadBroken("unknown_key_top"), 11, 1,
               {"unknown key 'rolles'", "did you mean 'roles'", "allowed keys: workflow"});
}

TEST_CASE("Loader: an unknown key inside a transition", "[loader][broken]") {
  RequireError(LoadBroken("unknown_key_nested"), 42, 9,
               {"unknown key 'asign'", "state 'nieuw' on 'indienen'",
                "allowed keys: to, guard, letters, notify, assign, set, deadlines"});
}

TEST_CASE("Loader: a duplicate key", "[loader][broken]") {
  RequireError(LoadBroken("duplicate_key"), 60, 3, {"duplicate key 'klaar'"});
}

TEST_CASE("Loader: a missing version", "[loader][broken]") {
  RequireError(LoadBroken("missing_version"), 3, 1, {"missing required key 'version'"});
}

TEST_CASE("Loader: no initial state", "[loader][broken]") {
  RequireError(LoadBroken("no_initial_state"), 34, 1, {"no initial state", "initial: true"});
}

TEST_CASE("Loader: two initial states", "[loader][broken]") {
  // At the second `initial: true`.
  RequireError(LoadBroken("two_initial_states"), 44, 14,
               {"more than one initial state", "'nieuw'", "'in_behandeling'"});
}

TEST_CASE("Loader: a transition to an unknown state", "[loader][broken]") {
  // Only this error: the unresolved target does not make other states look unreachable.
  RequireError(LoadBroken("unknown_state"), 39, 13,
               {"unknown state 'in_behandelng'", "known: in_behandeling"});
}

TEST_CASE("Loader: a state handles an undeclared event", "[loader][broken]") {
  RequireError(LoadBroken("unknown_event"), 56, 7,
               {"unknown event 'herroepen'", "state 'in_behandeling'", "known: "});
}

TEST_CASE("Loader: an unknown role in notify", "[loader][broken]") {
  RequireError(LoadBroken("unknown_role"), 53, 20,
               {"unknown role 'aanvragr'", "known: aanvrager, behandelaar", "'notify'"});
}

TEST_CASE("Loader: an event with an unknown form", "[loader][broken]") {
  // The guards on that event are not type-checked against a form that does not exist.
  RequireError(LoadBroken("unknown_form"), 31, 44,
               {"unknown form 'beslissing'", "known: besluit", "event 'besluiten'"});
}

TEST_CASE("Loader: an unknown field in a guard, at the column inside the expression",
          "[loader][broken]") {
  // `guard: event.uitkomst == "ja" and data.bedrg <= ...`: column 45 is the 'd' of data.bedrg.
  RequireError(LoadBroken("guard_unknown_field"), 47, 45,
               {"guard", "unknown name 'data.bedrg'", "did you mean 'data.bedrag'"});
}

TEST_CASE("Loader: a type error in a guard", "[loader][broken]") {
  // money <= 'veel': at the text literal.
  RequireError(LoadBroken("guard_type_error"), 47, 60, {"guard", "<=", "text"});
}

TEST_CASE("Loader: a choice typo in a guard", "[loader][broken]") {
  RequireError(LoadBroken("guard_choice_typo"), 52, 36, {"guard", "neen", "event.uitkomst"});
}

TEST_CASE("Loader: a guard that is not a condition", "[loader][broken]") {
  RequireError(LoadBroken("guard_not_bool"), 52, 18,
               {"guard must be a condition (bool)", "'data.teller + 1' is number"});
}

TEST_CASE("Loader: an unreachable state", "[loader][broken]") {
  RequireError(LoadBroken("unreachable_state"), 56, 3,
               {"state 'vergeten' is unreachable", "initial state 'nieuw'"});
}

TEST_CASE("Loader: a non-final state with no way out", "[loader][broken]") {
  RequireError(LoadBroken("no_way_out"), 56, 3, {"state 'wachten' has no way out"});
}

TEST_CASE("Loader: a final state with transitions", "[loader][broken]") {
  // At the `on:` of the final state.
  RequireError(LoadBroken("final_with_transitions"), 58, 5,
               {"final state 'klaar' has transitions"});
}

TEST_CASE("Loader: a deadline that is never started", "[loader][broken]") {
  RequireError(LoadBroken("deadline_never_started"), 29, 3,
               {"deadline 'herinnering' is never started", "deadlines.start"});
}

TEST_CASE("Loader: a suspension of a deadline that is never started", "[loader][broken]") {
  const Loaded loaded = LoadBroken("suspend_never_started");
  RequireError(loaded, 53, 58,
               {"'deadlines.suspend' names deadline 'adviestermijn'", "no transition starts"}, 2);
  RequireError(loaded, 29, 3, {"deadline 'adviestermijn' is never started"}, 2);
}

TEST_CASE("Loader: an unknown deadline in a deadline action", "[loader][broken]") {
  RequireError(
      LoadBroken("unknown_deadline"), 50, 31,
      {"unknown deadline 'reactietermijnen'", "known: reactietermijn", "'deadlines.stop'"});
}

TEST_CASE("Loader: a timer event no deadline fires", "[loader][broken]") {
  RequireError(LoadBroken("timer_never_fired"), 34, 3,
               {"timer event 'herinnering_verstreken' is never fired", "on_expire"});
}

TEST_CASE("Loader: a timer event that also has roles", "[loader][broken]") {
  RequireError(LoadBroken("timer_with_roles"), 32, 38,
               {"timer event 'termijn_verstreken'", "never by people"});
}

TEST_CASE("Loader: on_expire naming an event people fire", "[loader][broken]") {
  // Two errors: the person's event in on_expire, and the timer event that is now never fired.
  RequireError(LoadBroken("on_expire_person_event"), 28, 16,
               {"'on_expire' of deadline 'reactietermijn'", "event 'intrekken'",
                "people fire (roles: aanvrager)"},
               2);
}

TEST_CASE("Loader: a letter template that does not exist", "[loader][broken]") {
  RequireError(LoadBroken("missing_template"), 40, 30,
               {"template 'ontvangst_brief' not found", "ontvangst_brief.mustache"});
}

TEST_CASE("Loader: a bad duration text", "[loader][broken]") {
  RequireError(LoadBroken("bad_duration"), 27, 13,
               {"'target' must be a duration", "10 werkdagen", "8 weeks"});
}

TEST_CASE("Loader: a parameter value that is not one of its options", "[loader][broken]") {
  RequireError(
      LoadBroken("bad_parameter_value"), 11, 60,
      {"parameter 'orgaan'", "'burgemeester' is not one of its options", "known: college, raad"});
}

TEST_CASE("Loader: an extra holiday that is not a date", "[loader][broken]") {
  RequireError(LoadBroken("bad_holiday"), 13, 15, {"extra holiday", "2025-02-30"});
}

TEST_CASE("Loader: one field name with two types", "[loader][broken]") {
  RequireError(
      LoadBroken("conflicting_field_types"), 24, 7,
      {"field 'bedrag' has type number in form 'besluit'", "money in form 'aanvraag'", "line 19"});
}

TEST_CASE("Loader: set on something that is not a variable", "[loader][broken]") {
  RequireError(LoadBroken("set_not_variable"), 48, 18,
               {"'set' can only assign variables", "'bedrag' is not one", "known: teller"});
}

TEST_CASE("Loader: several errors in one file are all reported, in file order",
          "[loader][broken]") {
  const Loaded loaded = LoadBroken("several_errors");
  RequireError(loaded, 10, 34, {"parameter 'drempel'", "veel"}, 4);
  RequireError(loaded, 31, 44, {"unknown form 'beslissing'"}, 4);
  RequireError(loaded, 39, 13, {"unknown state 'in_behandelng'"}, 4);
  RequireError(loaded, 53, 20, {"unknown role 'aanvragr'"}, 4);
  std::vector<int> lines;
  for (const Diagnostic& d : loaded.result.diagnostics) lines.push_back(d.where.line);
  CHECK(std::is_sorted(lines.begin(), lines.end()));
}

// ---- Variations of the minimal workflow, as text ------------------------------------------------

// minimal.yaml with `from` replaced by `to` (which must occur exactly once), loaded as if it were
// tests/fixtures/variant.yaml (so its `templates: templates` still resolves).
LoadResult LoadVariant(const std::string& from, const std::string& to) {
  return LoadVariantOf("minimal.yaml", from, to).result;
}

TEST_CASE("Loader: a quoted guard reports the column inside the quotes", "[loader]") {
  // Line 52: `          guard: "event.uitkomst == 'nee' and data.bedrg > 0"`.
  const LoadResult result = LoadVariant("guard: event.uitkomst == \"nee\"",
                                        "guard: \"event.uitkomst == 'nee' and data.bedrg > 0\"");
  INFO(Dump(result));
  const Diagnostic* error = FirstError(result);
  REQUIRE(error != nullptr);
  CHECK(error->where.line == 52);
  CHECK(error->where.column == 19 + 28);  // the quote at 18, text from 19, data.bedrg at offset 28
  CHECK_THAT(error->message, Contains("unknown name 'data.bedrg'"));
}

TEST_CASE("Loader: a folded guard reports the line and column inside the block", "[loader]") {
  const LoadResult result = LoadVariant(
      "guard: event.uitkomst == \"nee\"",
      "guard: >-\n            event.uitkomst == \"nee\"\n            and data.bedrg > 0");
  INFO(Dump(result));
  const Diagnostic* error = FirstError(result);
  REQUIRE(error != nullptr);
  CHECK(error->where.line == 54);    // the second line of the block
  CHECK(error->where.column == 17);  // after "and " at the block's indentation (13)
  CHECK_THAT(error->message, Contains("unknown name 'data.bedrg'"));
}

TEST_CASE("Loader: a guard syntax error reports the column of the problem", "[loader]") {
  const LoadResult result =
      LoadVariant("guard: event.uitkomst == \"nee\"", "guard: event.uitkomst == (\"nee\"");
  INFO(Dump(result));
  const Diagnostic* error = FirstError(result);
  REQUIRE(error != nullptr);
  CHECK(error->where.line == 52);
  CHECK(error->where.column == 18 + 24);  // the end of the text, where ')' is missing
  CHECK_THAT(error->message, Contains("guard: "));
  CHECK(result.error_count() == 1);
}

TEST_CASE("Loader: set with an expression of the wrong type", "[loader]") {
  const LoadResult result =
      LoadVariant("set: { teller: data.teller + 1 }", "set: { teller: event.uitkomst }");
  INFO(Dump(result));
  const Diagnostic* error = FirstError(result);
  REQUIRE(error != nullptr);
  CHECK(error->where.line == 48);
  CHECK(error->where.column == 26);
  CHECK_THAT(error->message, Contains("variable 'teller' is number"));
}

TEST_CASE("Loader: a criteria field needs criteria", "[loader]") {
  const LoadResult result = LoadVariant("      soort: { type: choice, options: [klein, groot] }",
                                        "      scores: { type: criteria }");
  INFO(Dump(result));
  const Diagnostic* error = FirstError(result);
  REQUIRE(error != nullptr);
  CHECK(error->where.line == 20);
  CHECK_THAT(error->message, Contains("declares no criteria"));
}

TEST_CASE("Loader: an annual deadline and a bad one", "[loader]") {
  const LoadResult good = LoadVariant("    duration: params.termijn\n", "    annual: \"04-30\"\n");
  INFO(Dump(good));
  REQUIRE(good.ok());
  const DeadlineRule& rule = good.definition->FindDeadline("reactietermijn")->rule;
  CHECK(rule.kind == DeadlineRule::Kind::kAnnual);
  CHECK(rule.annual == MonthDay{4, 30});
  const LoadResult bad = LoadVariant("    duration: params.termijn\n", "    annual: \"02-30\"\n");
  REQUIRE(FirstError(bad) != nullptr);
  CHECK_THAT(FirstError(bad)->message, Contains("MM-DD"));
}

TEST_CASE("Loader: unused events, forms and parameters are warnings", "[loader]") {
  const LoadResult result = LoadVariant(
      "  intrekken: { roles: [aanvrager] }",
      "  intrekken: { roles: [aanvrager] }\n  bellen: { roles: [behandelaar], form: notitie }");
  INFO(Dump(result));
  // The event names a form that does not exist, so add one: check the warning separately.
  CHECK(result.error_count() == 1);
  const LoadResult unused =
      LoadVariant("  intrekken: { roles: [aanvrager] }",
                  "  intrekken: { roles: [aanvrager] }\n  bellen: { roles: [behandelaar] }");
  INFO(Dump(unused));
  REQUIRE(unused.ok());
  REQUIRE(unused.diagnostics.size() == 1);
  CHECK(unused.diagnostics[0].severity == Diagnostic::Severity::kWarning);
  CHECK_THAT(unused.diagnostics[0].ToString(),
             Contains("variant.yaml:34:3: warning: event 'bellen' is declared but no state"));
}

TEST_CASE("Loader: files that are not workflows", "[loader]") {
  const LoadResult missing = LoadWorkflowFile(Fixture("does_not_exist.yaml"));
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].ToString() ==
        Fixture("does_not_exist.yaml") + ": error: cannot read the workflow file");
  CHECK_FALSE(missing.ok());

  const LoadResult empty = LoadWorkflowText("", "empty.yaml");
  REQUIRE(FirstError(empty) != nullptr);
  CHECK(FirstError(empty)->ToString() ==
        "empty.yaml:1:1: error: the workflow file is empty (it needs at least 'workflow' and "
        "'states')");

  const LoadResult list = LoadWorkflowText("- a\n- b\n", "list.yaml");
  REQUIRE(FirstError(list) != nullptr);
  CHECK_THAT(FirstError(list)->message, Contains("must be a mapping"));

  // Deep nesting and odd bytes come back as diagnostics, never as exceptions.
  const LoadResult deep = LoadWorkflowText(std::string(5000, '[') + "\n", "deep.yaml");
  CHECK_FALSE(deep.ok());
  const LoadResult bytes = LoadWorkflowText(std::string("\0\x01\xff: [", 5), "bytes.yaml");
  CHECK_FALSE(bytes.ok());
}

TEST_CASE("Loader: wrong kinds of values name the key", "[loader]") {
  const LoadResult result = LoadVariant("  version: 1\n", "  version: [1]\n");
  INFO(Dump(result));
  REQUIRE(FirstError(result) != nullptr);
  CHECK(FirstError(result)->ToString() ==
        Fixture("variant.yaml") + ":5:12: error: 'version' must be a single value, got a list");
  const LoadResult roles =
      LoadVariant("{ roles: [aanvrager], form: aanvraag }", "{ roles: aanvrager, form: aanvraag }");
  REQUIRE(FirstError(roles) != nullptr);
  CHECK_THAT(FirstError(roles)->message, Contains("'roles' must be a list"));
}

TEST_CASE("SourceLocation and Diagnostic render as file:line:column", "[loader]") {
  CHECK(SourceLocation{"w.yaml", 12, 7}.ToString() == "w.yaml:12:7");
  CHECK(SourceLocation{"w.yaml", 12, 0}.ToString() == "w.yaml:12");
  CHECK(SourceLocation{"w.yaml", 0, 0}.ToString() == "w.yaml");
  Diagnostic warning{Diagnostic::Severity::kWarning, {"w.yaml", 3, 1}, "event 'x' is unused"};
  CHECK(warning.ToString() == "w.yaml:3:1: warning: event 'x' is unused");
  LoadResult result;
  result.diagnostics = {warning, {Diagnostic::Severity::kError, {"w.yaml", 4, 2}, "bad"}};
  CHECK(result.error_count() == 1);
  CHECK(result.diagnostics[1].ToString() == "w.yaml:4:2: error: bad");
}

}  // namespace
}  // namespace uitdaag
