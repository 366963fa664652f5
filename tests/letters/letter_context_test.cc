// The letter data contract: what a case looks like to a template, formatted in Dutch, and that
// the schema the template check uses covers every name the context really has.
#include <catch2/catch.hpp>

#include "letters/context_schema.h"
#include "support/letter_fixture.h"
#include "uitdaag/letter_context.h"
#include "uitdaag/simulator.h"

namespace uitdaag {
namespace {

using testing::SourcePath;

struct Sent {
  CaseSnapshot after;
  Date date;
};

// The case after the first step of the script that sends `letter`.
Sent AfterLetter(const WorkflowDefinition& def, const std::string& script_file,
                 const std::string& letter) {
  StatusOr<Script> script = LoadScriptFile(SourcePath(script_file));
  REQUIRE(script.ok());
  const SimulationResult run = Simulate(def, *script);
  for (const std::string& f : run.failures) FAIL(f);
  for (const TimelineEntry& e : run.timeline) {
    for (const Effect& effect : e.effects) {
      if (effect.kind == Effect::Kind::kRenderLetter && effect.name == letter) {
        return {e.after, e.at.LocalDate()};
      }
    }
  }
  FAIL("the script never sends " << letter);
  return {};
}

Language DutchOrFail() {
  LanguageLoadResult loaded = LoadLanguageFile(SourcePath("templates/taal.yaml"));
  for (const Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(d.ToString());
  REQUIRE(loaded.ok());
  return *loaded.language;
}

const Value& At(const Value& root, const std::string& dotted) {
  const Value* v = &root;
  size_t start = 0;
  while (true) {
    const size_t dot = dotted.find('.', start);
    const std::string key = dotted.substr(start, dot == std::string::npos ? dot : dot - start);
    v = v->Find(key);
    INFO(dotted);
    REQUIRE(v != nullptr);
    if (dot == std::string::npos) return *v;
    start = dot + 1;
  }
}

std::string TextAt(const Value& root, const std::string& dotted) {
  const Value& v = At(root, dotted);
  REQUIRE(v.type() == ValueType::kText);
  return v.as_text();
}

// Every path of `value` must exist in `schema` (lists: every item against the item shape).
void ExpectCovered(const Value& value, const letters_internal::SchemaNode& schema,
                   const std::string& path) {
  using Kind = letters_internal::SchemaNode::Kind;
  if (value.type() == ValueType::kRecord) {
    INFO(path);
    REQUIRE(schema.kind == Kind::kRecord);
    for (const auto& [key, field] : value.as_record()) {
      const letters_internal::SchemaNode* child = schema.Find(key);
      INFO(path + "." + key);
      CHECK(child != nullptr);
      if (child != nullptr) ExpectCovered(field, *child, path + "." + key);
    }
  } else if (value.type() == ValueType::kList) {
    INFO(path);
    REQUIRE(schema.kind == Kind::kList);
    for (const Value& item : value.as_list()) ExpectCovered(item, schema.item.front(), path + "[]");
  } else {
    INFO(path);
    CHECK(schema.kind == Kind::kValue);
  }
}

TEST_CASE("the context of a decision letter holds the case in Dutch", "[letters]") {
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht.yaml"));
  const Language nl = DutchOrFail();
  const MunicipalityProfile profile = testing::ProfileOrFail(SourcePath("templates/profile.yaml"));
  const Sent sent = AfterLetter(*def, "examples/scripts/uitdaagrecht-toegewezen.yaml",
                                "besluit_toewijzing");
  LetterInput input;
  input.workflow = def.get();
  input.snapshot = &sent.after;
  input.profile = &profile;
  input.language = &nl;
  input.letter_date = sent.date;
  input.applicant = Party{"Stichting Groen Doet", "mevrouw A. Jansen", "Beste mevrouw Jansen",
                          "Dorpsstraat 1", "1234 AB", "Voorbeeldstad", "", ""};
  const Value context = BuildLetterContext(input);

  CHECK(TextAt(context, "zaak.nummer") == "2026-0042");
  CHECK(TextAt(context, "zaak.datum_ontvangst") == "8 januari 2026");
  CHECK(TextAt(context, "zaak.zaaktype") == "Uitdaagrecht volgens het VNG-model");
  CHECK(TextAt(context, "brief.datum") == "3 maart 2026");
  CHECK(TextAt(context, "aanvrager.contactpersoon") == "mevrouw A. Jansen");
  CHECK(TextAt(context, "aanvrager.aanhef") == "Beste mevrouw Jansen");
  CHECK(TextAt(context, "gemeente.naam") == "Gemeente Voorbeeldstad");
  CHECK(At(context, "gemeente.besluit_is_beschikking").as_bool());
  CHECK(TextAt(context, "data.begroting") == "€ 12.500,00");
  CHECK(TextAt(context, "data.gewenste_startdatum") == "1 mei 2026");
  CHECK(TextAt(context, "data.soort_indiener") == "maatschappelijke organisatie");
  CHECK(At(context, "keuze.soort_indiener.maatschappelijke_organisatie").as_bool());
  CHECK(At(context, "keuze.uitkomst.toegewezen").as_bool());
  CHECK(context.Find("keuze")->Find("uitkomst")->Find("afgewezen") == nullptr);
  CHECK(At(context, "data.bijlagen").as_list().size() == 2);  // the latest value of the field
  CHECK(TextAt(context, "params.bezwaartermijn") == "zes weken");
  // The objection period started by this very step, as of the letter's date (Atw: a Tuesday).
  CHECK(TextAt(context, "termijnen.bezwaartermijn.einddatum") == "14 april 2026");
  CHECK(At(context, "termijnen.bezwaartermijn.actief").as_bool());
  CHECK(TextAt(context, "termijnen.bezwaartermijn.duur") == "zes weken");
  CHECK_FALSE(TextAt(context, "termijnen.beslistermijn.uitleg").empty());
  CHECK(TextAt(context, "besluit.datum") == "3 maart 2026");
  CHECK(At(context, "besluit.beoordeeld").as_bool());
  CHECK(At(context, "besluit.alle_criteria_voldaan").as_bool());
  const ValueList& criteria = At(context, "criteria").as_list();
  REQUIRE(criteria.size() == def->criteria.size());
  CHECK(TextAt(criteria[0], "label") == def->criteria[0].label);
  CHECK(At(criteria[0], "voldoet").as_bool());

  ExpectCovered(context, letters_internal::ContextSchemaFor(*def), "");
}

TEST_CASE("every context name of the grant workflow is in its schema", "[letters]") {
  auto def = testing::LoadOrFail(testing::WorkflowPath("uitdaagrecht-subsidie.yaml"));
  const Language nl = DutchOrFail();
  const MunicipalityProfile profile = testing::ProfileOrFail(SourcePath("templates/profile.yaml"));
  StatusOr<Script> script = LoadScriptFile(SourcePath("examples/scripts/subsidie-verlengd.yaml"));
  REQUIRE(script.ok());
  const SimulationResult run = Simulate(*def, *script);
  REQUIRE(run.ok());
  const letters_internal::SchemaNode schema = letters_internal::ContextSchemaFor(*def);
  int checked = 0;
  for (const TimelineEntry& e : run.timeline) {
    if (!e.accepted) continue;
    LetterInput input;
    input.workflow = def.get();
    input.snapshot = &e.after;
    input.profile = &profile;
    input.language = &nl;
    input.letter_date = e.at.LocalDate();
    input.applicant = Party{"Stichting Dorpshuis De Linde", "", "", "Kerkstraat 4", "9999 AA",
                            "Oud-Linde", "", ""};
    input.handler = Party{"R. de Boer", "", "", "", "", "", "r.deboer@lindewaard.example", "0900 1"};
    ExpectCovered(BuildLetterContext(input), schema, "");
    ++checked;
  }
  CHECK(checked > 10);
}

}  // namespace
}  // namespace uitdaag
