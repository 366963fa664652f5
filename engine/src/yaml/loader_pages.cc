// The `pages:` of a form: the steps of a multi-step web form. Each page has a title, an optional
// introduction and a non-empty list of the form's fields; every field of the form is on exactly
// one page.
#include <algorithm>
#include <map>

#include "loader_internal.h"

namespace uitdaag::loader_internal {

namespace {

// Where a field was first put on a page, for "on two pages" messages.
struct Placed {
  size_t page = 0;  // 1-based
  SourceLocation where;
};

// What reading the pages found, for the check that every field is on a page.
struct PagesRead {
  std::map<std::string, Placed> placed;
  bool complete = true;  // false when a page or a name did not read: coverage is not checked
};

void ReadPageTitle(LoadContext& ctx, const Mapping& map, FormPageDef& page) {
  const Entry* title = map.Require("title", "what the page is about, shown above its fields");
  if (title == nullptr) return;
  std::optional<std::string> text = yaml_internal::ReadText(ctx.doc, *title);
  if (text && text->empty()) {
    ctx.Error(title->value_where, "the 'title' of " + map.what() + " must not be empty");
  }
  if (text) page.title = std::move(*text);
}

// The page's field names: each a field of the form (`written`), none on an earlier page.
void ReadPageFields(LoadContext& ctx, const Mapping& map, const std::vector<std::string>& written,
                    size_t number, PagesRead& read, FormPageDef& page) {
  const Entry* fields = map.Require("fields", "the names of the fields on this page");
  if (fields == nullptr) {
    read.complete = false;
    return;
  }
  auto names = yaml_internal::ReadScalarList(ctx.doc, *fields);
  if (!names) {
    read.complete = false;
    return;
  }
  if (names->empty()) {
    ctx.Error(fields->value_where, map.what() + " is empty: a page needs at least one field");
    read.complete = false;
  }
  for (const auto& name : *names) {
    if (std::find(written.begin(), written.end(), name.text) == written.end()) {
      ctx.Error(name.where, UnknownName("field", name.text, written) + " on " + map.what());
      read.complete = false;
      continue;
    }
    auto [it, inserted] = read.placed.emplace(name.text, Placed{number, name.where});
    if (!inserted) {
      ctx.Error(name.where, "field " + Quote(name.text) + " is on two pages: page " +
                                std::to_string(it->second.page) + " (line " +
                                std::to_string(it->second.where.line) + ") and page " +
                                std::to_string(number) + "; every field is on exactly one page");
      continue;
    }
    page.fields.push_back(name.text);
  }
}

void ReadPage(LoadContext& ctx, const YAML::Node& node, const std::vector<std::string>& written,
              size_t number, PagesRead& read, FormDef& form) {
  Mapping map(ctx.doc, node, "page " + std::to_string(number) + " of form " + Quote(form.name));
  if (!map.valid()) {
    read.complete = false;
    return;
  }
  map.AllowOnly({"title", "intro", "fields"});
  FormPageDef page;
  ReadPageTitle(ctx, map, page);
  if (const Entry* intro = map.Find("intro")) {
    page.intro = yaml_internal::ReadText(ctx.doc, *intro).value_or("");
  }
  ReadPageFields(ctx, map, written, number, read, page);
  form.pages.push_back(std::move(page));
}

}  // namespace

void ReadFormPages(LoadContext& ctx, const Entry& entry, const std::vector<std::string>& written,
                   FormDef& form) {
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    const std::string got = entry.value.IsSequence() ? std::string("an empty list")
                                                     : yaml_internal::DescribeNode(entry.value);
    ctx.Error(entry.value_where, "'pages' of form " + Quote(form.name) +
                                     " must be a non-empty list of {title, intro, fields}, got " +
                                     got);
    return;
  }
  PagesRead read;
  size_t number = 0;
  for (const YAML::Node& item : entry.value) ReadPage(ctx, item, written, ++number, read, form);
  if (!read.complete) return;
  for (const FieldDef& field : form.fields) {
    if (read.placed.count(field.name) > 0) continue;
    ctx.Error(entry.key_where, "field " + Quote(field.name) + " of form " + Quote(form.name) +
                                   " is on no page; every field is on exactly one page");
  }
}

}  // namespace uitdaag::loader_internal
