// Loading and rendering letter templates. The name check lives in template_check.cc.
#include "uitdaag/template_library.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "html_text.h"
#include "template_scan.h"
#include "uitdaag/audit.h"

namespace uitdaag {
namespace {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;
using letters_internal::ScanTemplate;
using letters_internal::TemplateTag;

constexpr std::string_view kExtension = ".mustache";

bool IsPartialName(std::string_view name) { return !name.empty() && name.front() == '_'; }

Diagnostic Error(std::string file, int line, int column, std::string message) {
  Diagnostic d;
  d.where = SourceLocation{std::move(file), line, column};
  d.message = std::move(message);
  return d;
}

// The context as kainjow data. Empty texts and empty lists are left out (absent).
mustache::data ToMustache(const Value& v) {
  switch (v.type()) {
    case ValueType::kBool:
      return mustache::data(v.as_bool());
    case ValueType::kText:
      return mustache::data(v.as_text());
    case ValueType::kList: {
      mustache::data list(mustache::data::type::list);
      for (const Value& item : v.as_list()) list.push_back(ToMustache(item));
      return list;
    }
    case ValueType::kRecord: {
      mustache::data object(mustache::data::type::object);
      for (const auto& [key, field] : v.as_record()) {
        if (field.is_null()) continue;
        if (field.type() == ValueType::kText && field.as_text().empty()) continue;
        if (field.type() == ValueType::kList && field.as_list().empty()) continue;
        object.set(key, ToMustache(field));
      }
      return object;
    }
    case ValueType::kNull:
      return mustache::data(false);
    case ValueType::kNumber:
    case ValueType::kMoney:
    case ValueType::kDate:
      // The context builder formats these as text; a raw one is printed in its debug form so
      // that it is visible in review rather than silently dropped.
      return mustache::data(v.DebugString());
  }
  return mustache::data(false);
}

}  // namespace

TemplateLibrary::LoadResult TemplateLibrary::Load(const std::string& dir) {
  LoadResult result;
  auto library = std::shared_ptr<TemplateLibrary>(new TemplateLibrary());
  library->dir_ = dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    result.diagnostics.push_back(
        Error(dir, 0, 0, "template directory '" + dir + "' does not exist"));
    return result;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == kExtension) files.push_back(entry.path());
  }
  if (ec) {
    result.diagnostics.push_back(Error(dir, 0, 0, "cannot list '" + dir + "': " + ec.message()));
    return result;
  }
  std::sort(files.begin(), files.end());
  size_t errors = 0;
  auto error = [&](Diagnostic d) {
    result.diagnostics.push_back(std::move(d));
    ++errors;
  };
  // Where each partial is included, to report a missing one at the tag.
  struct Include {
    std::string from_file;
    TemplateTag tag;
  };
  std::vector<Include> includes;
  for (const fs::path& path : files) {
    const std::string file = path.string();
    if (!fs::is_regular_file(path, ec)) {
      error(Error(file, 0, 0, "not a regular file"));
      continue;
    }
    const auto size = fs::file_size(path, ec);
    if (ec || size > kMaxTemplateBytes) {
      error(Error(file, 0, 0,
                  ec ? "cannot read: " + ec.message()
                     : "template is " + std::to_string(size) + " bytes; the limit is " +
                           std::to_string(kMaxTemplateBytes)));
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) {
      error(Error(file, 0, 0, "cannot read"));
      continue;
    }
    Template t;
    t.name = path.stem().string();
    t.file = file;
    t.text = text.str();
    const letters_internal::TemplateScan scan = ScanTemplate(t.text);
    for (const auto& p : scan.problems) error(Error(file, p.line, p.column, p.message));
    for (const TemplateTag& tag : scan.tags) {
      if (tag.kind != TemplateTag::Kind::kPartial) continue;
      if (std::find(t.partials.begin(), t.partials.end(), tag.name) == t.partials.end()) {
        t.partials.push_back(tag.name);
      }
      includes.push_back({file, tag});
    }
    if (scan.problems.empty()) {
      mustache::mustache compiled(t.text);
      if (!compiled.is_valid()) error(Error(file, 0, 0, compiled.error_message()));
    }
    library->templates_.emplace(t.name, std::move(t));
  }
  for (const Include& inc : includes) {
    if (library->templates_.count(inc.tag.name) == 0) {
      error(Error(inc.from_file, inc.tag.line, inc.tag.column,
                  "partial '" + inc.tag.name + "' not found: " +
                      (fs::path(dir) / (inc.tag.name + std::string(kExtension))).string() +
                      " does not exist"));
    } else if (!IsPartialName(inc.tag.name)) {
      error(Error(inc.from_file, inc.tag.line, inc.tag.column,
                  "'" + inc.tag.name + "' is a letter, not a partial: partials are named _<name>"));
    }
  }
  // A partial that includes itself, directly or not, would never finish rendering.
  for (const auto& [name, t] : library->templates_) {
    std::set<std::string> seen;
    std::function<bool(const Template&)> cyclic = [&](const Template& cur) {
      for (const std::string& p : cur.partials) {
        if (p == name) return true;
        auto it = library->templates_.find(p);
        if (it == library->templates_.end() || !seen.insert(p).second) continue;
        if (cyclic(it->second)) return true;
      }
      return false;
    };
    if (cyclic(t)) error(Error(t.file, 0, 0, "'" + name + "' includes itself through its partials"));
  }
  if (errors == 0) result.library = std::move(library);
  return result;
}

bool TemplateLibrary::Has(std::string_view name) const { return templates_.count(name) > 0; }

std::vector<std::string> TemplateLibrary::LetterNames() const {
  std::vector<std::string> names;
  for (const auto& [name, t] : templates_) {
    if (!IsPartialName(name)) names.push_back(name);
  }
  return names;
}

std::vector<std::string> TemplateLibrary::PartialClosure(const Template& t) const {
  std::set<std::string> all;
  std::vector<const Template*> todo{&t};
  while (!todo.empty()) {
    const Template* cur = todo.back();
    todo.pop_back();
    for (const std::string& p : cur->partials) {
      auto it = templates_.find(p);
      if (it != templates_.end() && all.insert(p).second) todo.push_back(&it->second);
    }
  }
  return {all.begin(), all.end()};
}

StatusOr<std::string> TemplateLibrary::Version(std::string_view name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    return Status::NotFound("no template '" + std::string(name) + "' in " + dir_, std::string(name));
  }
  // Length-prefixed so that moving text between a template and its partial changes the hash.
  std::string material;
  auto add = [&material](const Template& t) {
    material += t.name + '\n' + std::to_string(t.text.size()) + '\n' + t.text;
  };
  add(it->second);
  for (const std::string& p : PartialClosure(it->second)) add(templates_.find(p)->second);
  return Sha256Hex(material);
}

StatusOr<std::string> TemplateLibrary::Render(std::string_view name, const Value& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    return Status::NotFound("no template '" + std::string(name) + "' in " + dir_, std::string(name));
  }
  if (context.type() != ValueType::kRecord) {
    return Status::InvalidArgument("a letter context must be a record");
  }
  mustache::data data = ToMustache(context);
  for (const std::string& p : PartialClosure(it->second)) {
    const std::string* text = &templates_.find(p)->second.text;
    data.set(p, mustache::partial([text] { return *text; }));
  }
  mustache::mustache tmpl(it->second.text);
  tmpl.set_custom_escape(
      [](const std::string& s) { return letters_internal::HtmlEscape(s); });
  std::string html = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return Status::Internal("rendering '" + std::string(name) + "' failed: " + tmpl.error_message());
  }
  return html;
}

}  // namespace uitdaag
