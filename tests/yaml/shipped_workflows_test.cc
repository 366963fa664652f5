// The shipped workflows carry everything the resident's pages need: a phase and a public label
// on every state, the challenger role and submission event written out, and a submission form
// with pages, help texts and option labels.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "uitdaag/loader.h"
#include "yaml/loader_test_support.h"

namespace uitdaag {
namespace {

using namespace loader_test;

const char* const kShipped[] = {"uitdaagrecht.yaml", "uitdaagrecht-subsidie.yaml"};

std::shared_ptr<const WorkflowDefinition> LoadShipped(const std::string& name) {
  const LoadResult result =
      LoadWorkflowFile(std::string(UITDAAG_SOURCE_DIR) + "/workflows/" + name);
  INFO(Dump(result));
  REQUIRE(result.ok());
  return result.definition;
}

TEST_CASE("Shipped workflows: every state has a phase and a public label", "[loader][shipped]") {
  for (const char* name : kShipped) {
    INFO(name);
    const auto def = LoadShipped(name);
    CHECK(def->phases.size() >= 5);
    std::set<std::string> used;
    for (const StateDef& state : def->states) {
      INFO("state " << state.id);
      CHECK_FALSE(state.public_label.empty());
      CHECK(state.public_label != state.label);  // written for residents, not copied
      if (!state.final) CHECK_FALSE(state.phase.empty());
      used.insert(state.phase);
    }
    for (const PhaseDef& phase : def->phases) {
      INFO("phase " << phase.id);
      CHECK(used.count(phase.id) == 1);  // no phase that no state is in
    }
  }
}

TEST_CASE("Shipped workflows: the challenger role and the submission event are written",
          "[loader][shipped]") {
  for (const char* name : kShipped) {
    INFO(name);
    const auto def = LoadShipped(name);
    CHECK(def->challenger_role == "initiatiefnemer");
    CHECK(def->submission_event == "indienen");
    CHECK(def->FindEvent("indienen")->form == "aanvraag");
  }
}

TEST_CASE("Shipped workflows: the submission form has pages, help texts and option labels",
          "[loader][shipped]") {
  for (const char* name : kShipped) {
    INFO(name);
    const auto def = LoadShipped(name);
    const FormDef* form = def->FindForm(def->FindEvent(def->submission_event)->form);
    REQUIRE(form != nullptr);
    CHECK(form->pages.size() >= 3);
    CHECK(form->pages.size() <= 4);
    std::multiset<std::string> on_pages;
    for (const FormPageDef& page : form->pages) {
      CHECK_FALSE(page.title.empty());
      on_pages.insert(page.fields.begin(), page.fields.end());
    }
    CHECK(on_pages.size() == form->fields.size());
    for (const FieldDef& field : form->fields) {
      INFO("field " << field.name);
      CHECK(on_pages.count(field.name) == 1);
      CHECK_FALSE(field.help.empty());
      REQUIRE(field.option_labels.size() == field.options.size());
      for (size_t i = 0; i < field.options.size(); ++i) {
        CHECK(field.option_labels[i] != field.options[i]);
      }
    }
  }
}

}  // namespace
}  // namespace uitdaag
