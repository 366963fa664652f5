// The keys written for residents: help texts, multi-line inputs, option labels, form pages,
// phases and public labels, the challenger role and the submission event. Each check reports the
// exact file:line:column.
//
// tests/fixtures/resident.yaml writes every one of these keys; the broken fixtures
// (tests/fixtures/broken/resident_*.yaml) are line-for-line copies of it with one defect each.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "uitdaag/form.h"
#include "uitdaag/loader.h"
#include "yaml/loader_test_support.h"

namespace uitdaag {
namespace {

using Catch::Matchers::Contains;
using namespace loader_test;
using Names = std::vector<std::string>;

Loaded LoadResident() {
  const std::string file = Fixture("resident.yaml");
  return {file, LoadWorkflowFile(file)};
}

Loaded ResidentVariant(const std::string& from, const std::string& to) {
  return LoadVariantOf("resident.yaml", from, to);
}

const FieldDef& Field(const WorkflowDefinition& def, const std::string& form,
                      const std::string& name) {
  const FormDef* found = def.FindForm(form);
  REQUIRE(found != nullptr);
  const FieldDef* field = found->FindField(name);
  REQUIRE(field != nullptr);
  return *field;
}

// The 1-based column where `needle` starts in `line`.
int ColumnOf(const std::string& line, const std::string& needle) {
  const size_t at = line.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<int>(at) + 1;
}

// ---- The valid fixture
// ---------------------------------------------------------------------------

TEST_CASE("Resident keys: the fixture with every key loads without any diagnostic",
          "[loader][resident]") {
  const Loaded loaded = LoadResident();
  INFO(Dump(loaded.result));
  REQUIRE(loaded.result.ok());
  CHECK(loaded.result.diagnostics.empty());
}

TEST_CASE("Resident keys: help texts and multi-line inputs", "[loader][resident]") {
  const Loaded loaded = LoadResident();
  REQUIRE(loaded.result.ok());
  const WorkflowDefinition& def = *loaded.result.definition;
  CHECK(Field(def, "aanvraag", "naam").help == "Hoe heet uw initiatief?");
  CHECK(Field(def, "aanvraag", "bedrag").help == "In euro's, per jaar.");
  CHECK(Field(def, "aanvraag", "plan").help.empty());
  // As written, or multi-line exactly when max_length (10000 when absent) is above 200.
  CHECK_FALSE(Field(def, "aanvraag", "naam").multiline);    // max_length 100
  CHECK(Field(def, "aanvraag", "plan").multiline);          // 200, but written true
  CHECK(Field(def, "aanvraag", "toelichting").multiline);   // 2000
  CHECK(Field(def, "aanvraag", "opmerking").multiline);     // no max_length: 10000
  CHECK_FALSE(Field(def, "aanvraag", "code").multiline);    // 5000, but written false
  CHECK_FALSE(Field(def, "aanvraag", "bedrag").multiline);  // not text
}

TEST_CASE("Resident keys: a text field is multi-line from a max_length of 201",
          "[loader][resident]") {
  const std::string line = "toelichting: { type: text, max_length: 2000 }";
  const Loaded at_200 = ResidentVariant(line, "toelichting: { type: text, max_length: 200 }");
  const Loaded at_201 = ResidentVariant(line, "toelichting: { type: text, max_length: 201 }");
  REQUIRE(at_200.result.ok());
  REQUIRE(at_201.result.ok());
  CHECK_FALSE(Field(*at_200.result.definition, "aanvraag", "toelichting").multiline);
  CHECK(Field(*at_201.result.definition, "aanvraag", "toelichting").multiline);
  CHECK(kMultilineAbove == 200);
}

TEST_CASE("Resident keys: options with labels keep their ids for data and expressions",
          "[loader][resident]") {
  const Loaded loaded = LoadResident();
  REQUIRE(loaded.result.ok());
  const WorkflowDefinition& def = *loaded.result.definition;
  const FieldDef& soort = Field(def, "aanvraag", "soort");
  CHECK(soort.options == Names{"klein", "groot"});
  CHECK(soort.option_labels == Names{"Een klein plan", "Een groot plan"});
  CHECK(soort.OptionLabel("groot") == "Een groot plan");
  CHECK(soort.OptionLabel("reusachtig") == "reusachtig");
  const FieldDef& wensen = Field(def, "aanvraag", "wensen");  // a list of choices
  CHECK(wensen.options == Names{"bankje", "boom"});
  CHECK(wensen.option_labels == Names{"Een bankje", "Een boom"});
  const FieldDef& kleur = Field(def, "aanvraag", "kleur");  // a list of ids reads as the ids
  CHECK(kleur.option_labels == kleur.options);
  // The expression types and the validation see the ids only.
  CHECK(def.DataTypes().at("soort").options == Names{"klein", "groot"});
  const FormDef& form = *def.FindForm("aanvraag");
  ValueRecord raw = {{"naam", Value::Text("Bankjes")},
                     {"plan", Value::Text("Twee bankjes")},
                     {"bedrag", Value::Text("100")},
                     {"soort", Value::Text("groot")}};
  CHECK(ValidateForm(form, def.criteria, raw).ok());
  raw["soort"] = Value::Text("Een groot plan");
  CHECK_FALSE(ValidateForm(form, def.criteria, raw).ok());
  // A field built in code without labels still reads its options.
  FieldDef bare;
  bare.options = {"ja"};
  CHECK(bare.OptionLabel("ja") == "ja");
}

TEST_CASE("Resident keys: the pages of a form", "[loader][resident]") {
  const Loaded loaded = LoadResident();
  REQUIRE(loaded.result.ok());
  const WorkflowDefinition& def = *loaded.result.definition;
  const std::vector<FormPageDef>& pages = def.FindForm("aanvraag")->pages;
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].title == "Uw plan");
  CHECK(pages[0].intro == "Vertel ons wat u wilt doen.");
  CHECK(pages[0].fields == Names{"naam", "plan", "toelichting", "opmerking"});
  CHECK(pages[1].title == "Geld");
  CHECK(pages[1].intro.empty());
  CHECK(pages[1].fields == Names{"bedrag", "soort"});
  CHECK(pages[2].fields == Names{"wensen", "kleur", "code"});  // in any order
  CHECK(def.FindForm("besluit")->pages.empty());               // one page
}

TEST_CASE("Resident keys: phases, public labels and the challenge", "[loader][resident]") {
  const Loaded loaded = LoadResident();
  REQUIRE(loaded.result.ok());
  const WorkflowDefinition& def = *loaded.result.definition;
  REQUIRE(def.phases.size() == 3);
  CHECK(def.phases[0].id == "aanvraag");
  CHECK(def.phases[0].label == "Aanvraag ingediend");
  CHECK(def.phases[0].where.line == 18);
  CHECK(def.phases[2].id == "besluit");  // a block mapping in the list
  CHECK(def.phases[2].label == "Besluit");
  REQUIRE(def.FindPhase("behandeling") != nullptr);
  CHECK(def.FindPhase("behandeling")->label == "Behandeling");
  CHECK(def.FindPhase("Behandeling") == nullptr);
  CHECK(def.FindState("nieuw")->public_label == "U stelt uw aanvraag op");
  CHECK(def.FindState("nieuw")->phase == "aanvraag");
  CHECK(def.FindState("in_behandeling")->label == "In behandeling");
  CHECK(def.FindState("in_behandeling")->public_label == "Wij bekijken uw aanvraag");
  CHECK(def.FindState("klaar")->phase == "besluit");   // a final state may have a phase
  CHECK(def.FindState("ingetrokken")->phase.empty());  // or none
  CHECK(def.FindState("ingetrokken")->public_label.empty());
  CHECK(def.challenger_role == "aanvrager");
  CHECK(def.submission_event == "indienen");
}

// ---- Derived values
// ------------------------------------------------------------------------------

TEST_CASE("Resident keys: without the keys, the challenge is derived by the old rules",
          "[loader][resident]") {
  // The first role of the first event leaving the initial state: `vooroverleg`, whose roles are
  // [behandelaar, aanvrager]. No event of behandelaar with a form leaves `nieuw`.
  const Loaded both =
      ResidentVariant("  challenger_role: aanvrager\n  submission_event: indienen\n", "");
  INFO(Dump(both.result));
  REQUIRE(both.result.ok());
  CHECK(both.result.definition->challenger_role == "behandelaar");
  CHECK(both.result.definition->submission_event.empty());
  // The role written, the event derived: the first event of that role with a form.
  const Loaded event = ResidentVariant("  submission_event: indienen\n", "");
  REQUIRE(event.result.ok());
  CHECK(event.result.definition->challenger_role == "aanvrager");
  CHECK(event.result.definition->submission_event == "indienen");
  // The minimal workflow writes neither.
  const LoadResult minimal = LoadWorkflowFile(Fixture("minimal.yaml"));
  REQUIRE(minimal.ok());
  CHECK(minimal.definition->challenger_role == "aanvrager");
  CHECK(minimal.definition->submission_event == "indienen");
  CHECK(minimal.definition->phases.empty());
  CHECK(minimal.definition->FindState("nieuw")->phase.empty());
}

// ---- One broken file per check
// -------------------------------------------------------------------

TEST_CASE("Resident keys: multiline on a field that is not text", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_multiline_not_text"), 30, 54,
               {"'multiline' only applies to text fields", "field 'bedrag' is money"});
}

TEST_CASE("Resident keys: an option written without its label", "[loader][resident][broken]") {
  // Only this error: the option still exists for the guard that names it.
  RequireError(LoadBroken("resident_option_without_label"), 31, 64,
               {"option 'groot' of field 'soort' needs a label"});
}

TEST_CASE("Resident keys: a page names an unknown field", "[loader][resident][broken]") {
  // Only this error: `soort` is then on no page, but that is not reported on top.
  RequireError(LoadBroken("resident_page_unknown_field"), 38, 41,
               {"unknown field 'sort'", "known: soort", "page 2 of form 'aanvraag'"});
}

TEST_CASE("Resident keys: a field on two pages", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_page_field_twice"), 39, 56,
               {"field 'naam' is on two pages", "page 1 (line 37) and page 3"});
}

TEST_CASE("Resident keys: a field on no page", "[loader][resident][broken]") {
  // At the `pages:` key of the form.
  RequireError(LoadBroken("resident_page_field_missing"), 34, 5,
               {"field 'code' of form 'aanvraag' is on no page"});
}

TEST_CASE("Resident keys: an empty page", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_page_empty"), 38, 32,
               {"page 2 of form 'aanvraag' is empty", "at least one field"});
}

TEST_CASE("Resident keys: a page without a title", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_page_without_title"), 38, 9,
               {"missing required key 'title' in page 2 of form 'aanvraag'"});
}

TEST_CASE("Resident keys: a state names an undeclared phase", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_phase_unknown"), 69, 12,
               {"unknown phase 'behandelen'", "known: behandeling", "state 'in_behandeling'"});
}

TEST_CASE("Resident keys: a non-final state without a phase", "[loader][resident][broken]") {
  // The final state `ingetrokken` has no phase either, and may.
  RequireError(LoadBroken("resident_state_without_phase"), 66, 3,
               {"state 'in_behandeling' has no 'phase'", "phases: aanvraag, behandeling, besluit"});
}

TEST_CASE("Resident keys: a phase id that is not lowercase", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_phase_bad_id"), 19, 11,
               {"phase id 'Behandeling'", "lowercase letters, digits and '_'"});
}

TEST_CASE("Resident keys: a challenger role that is not a role", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_challenger_role_unknown"), 9, 20,
               {"unknown role 'aanvragr'", "known: aanvrager", "'workflow.challenger_role'"});
}

TEST_CASE("Resident keys: a submission event the challenger role does not fire",
          "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_submission_wrong_role"), 10, 21,
               {"submission event 'indienen' is not fired by the challenger role 'behandelaar'",
                "its roles: aanvrager"});
}

TEST_CASE("Resident keys: a submission event that does not leave the initial state",
          "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_submission_not_initial"), 10, 21,
               {"submission event 'besluiten' does not leave the initial state 'nieuw'"});
}

TEST_CASE("Resident keys: a submission event without a form", "[loader][resident][broken]") {
  RequireError(LoadBroken("resident_submission_without_form"), 10, 21,
               {"submission event 'vooroverleg' has no form"});
}

// ---- Variations, as text
// -------------------------------------------------------------------------

TEST_CASE("Resident keys: a help text of more than 1000 characters", "[loader][resident]") {
  const std::string from = "help: \"Hoe heet uw initiatief?\"";
  const std::string line =
      "      naam: { type: text, required: true, max_length: 100, help: \"Hoe heet";
  // 1000 characters (of two bytes each) are fine; one more is not.
  std::string fits;
  for (int i = 0; i < 1000; ++i) fits += "\xc3\xa9";  // é
  const Loaded ok = ResidentVariant(from, "help: \"" + fits + "\"");
  INFO(Dump(ok.result));
  REQUIRE(ok.result.ok());
  CHECK(Field(*ok.result.definition, "aanvraag", "naam").help == fits);
  const Loaded long_help = ResidentVariant(from, "help: \"" + fits + "e\"");
  RequireError(long_help, 25, ColumnOf(line, "\"Hoe"),
               {"the 'help' of field 'naam' has 1001 characters", "at most 1000"});
}

TEST_CASE("Resident keys: a repeated option and an empty option label", "[loader][resident]") {
  RequireError(ResidentVariant("options: [rood, groen] }", "options: [rood, groen, rood] }"), 33,
               ColumnOf("      kleur: { type: choice, options: [rood, groen, rood] }", "rood] }"),
               {"duplicate option 'rood' of field 'kleur'"});
  RequireError(ResidentVariant("groot: Een groot plan }", "groot: \"\" }"), 31,
               ColumnOf("      soort: { type: choice, options: { klein: Een klein plan, groot: "
                        "\"\" } }",
                        "\"\""),
               {"the label of option 'groot' must not be empty"});
  RequireError(ResidentVariant("options: [rood, groen] }", "options: rood }"), 33,
               ColumnOf("      kleur: { type: choice, options: rood }", "rood"),
               {"'options' must be a list of ids or a mapping of id: label, got 'rood'"});
}

TEST_CASE("Resident keys: pages that are not a list of pages", "[loader][resident]") {
  const std::string pages =
      "    pages:\n"
      "      - title: Uw plan\n"
      "        intro: Vertel ons wat u wilt doen.\n"
      "        fields: [naam, plan, toelichting, opmerking]\n"
      "      - { title: Geld, fields: [bedrag, soort] }\n"
      "      - { title: Wensen, fields: [wensen, kleur, code] }\n";
  RequireError(ResidentVariant(pages, "    pages: []\n"), 34, 12,
               {"'pages' of form 'aanvraag' must be a non-empty list", "got an empty list"});
  RequireError(ResidentVariant("        intro: Vertel", "        inleiding: Vertel"), 36, 9,
               {"unknown key 'inleiding' in page 1 of form 'aanvraag'",
                "allowed keys: title, intro, fields"});
}

TEST_CASE("Resident keys: a repeated phase id and a phase without a label", "[loader][resident]") {
  const std::string phase = "  - { id: behandeling, label: Behandeling }\n";
  RequireError(ResidentVariant(phase, phase + "  - { id: behandeling, label: Nog eens }\n"), 20, 11,
               {"duplicate phase id 'behandeling'"});
  RequireError(ResidentVariant(phase, "  - { id: behandeling }\n"), 19, 5,
               {"missing required key 'label' in a phase"});
  RequireError(ResidentVariant(phase, "  - { id: behandeling, label: \"\" }\n"), 19, 31,
               {"the 'label' of a phase must not be empty"});
}

TEST_CASE("Resident keys: phases that are not a list", "[loader][resident]") {
  const Loaded loaded = ResidentVariant(
      "phases:\n"
      "  - { id: aanvraag, label: Aanvraag ingediend }\n"
      "  - { id: behandeling, label: Behandeling }\n"
      "  - id: besluit\n"
      "    label: Besluit\n",
      "phases: { aanvraag: Aanvraag ingediend }\n");
  INFO(Dump(loaded.result));
  const Diagnostic* error = FirstError(loaded.result);
  REQUIRE(error != nullptr);
  CHECK(error->ToString() == loaded.file +
                                 ":17:9: error: 'phases' must be a list of {id, label}, got a "
                                 "mapping");
}

TEST_CASE("Resident keys: a phase where the workflow declares none", "[loader][resident]") {
  const Loaded loaded = LoadVariantOf("minimal.yaml", "  klaar:\n    final: true\n",
                                      "  klaar:\n    final: true\n    phase: klaar\n");
  RequireError(loaded, 58, 12, {"unknown phase 'klaar'", "none are declared"});
}

TEST_CASE("Resident keys: an unknown submission event and an unreadable challenger role",
          "[loader][resident]") {
  RequireError(ResidentVariant("submission_event: indienen", "submission_event: indiene"), 10, 21,
               {"unknown event 'indiene'", "known: indienen", "'workflow.submission_event'"});
  // Only the value's own error: no role is derived in its place.
  RequireError(ResidentVariant("challenger_role: aanvrager", "challenger_role: [aanvrager]"), 9, 20,
               {"'challenger_role' must be a single value, got a list"});
}

}  // namespace
}  // namespace uitdaag
