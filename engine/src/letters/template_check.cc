// TemplateLibrary::CheckWorkflow: every name a workflow's letters use must be one the renderer
// provides for that workflow (context_schema.h). Names resolve the way Mustache resolves them:
// inside a section, in the section's item first, then outwards to the root.
#include <functional>
#include <set>

#include "context_schema.h"
#include "template_scan.h"
#include "uitdaag/join.h"
#include "uitdaag/template_library.h"

namespace uitdaag {
namespace {

using letters_internal::SchemaNode;
using letters_internal::TemplateTag;

// The schema node a name resolves to, or nullptr with `why` saying what is missing.
const SchemaNode* Resolve(const std::vector<const SchemaNode*>& frames, std::string_view name,
                          std::string* why) {
  if (name == ".") return frames.back();
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  for (auto frame = frames.rbegin(); frame != frames.rend(); ++frame) {
    const SchemaNode* node = (*frame)->Find(parts.front());
    if (node == nullptr) continue;
    std::string path(parts.front());
    for (size_t i = 1; i < parts.size(); ++i) {
      const SchemaNode* next = node->Find(parts[i]);
      if (next == nullptr) {
        const std::vector<std::string> known = node->FieldNames();
        *why = "'" + path + "' has no '" + std::string(parts[i]) + "'" +
               (known.empty() ? std::string()
                              : " (it has: " + JoinNames(known) + ")");
        return nullptr;
      }
      node = next;
      path += "." + std::string(parts[i]);
    }
    return node;
  }
  const std::vector<std::string> inner = frames.back()->FieldNames();
  *why = "no such name here (" +
         (frames.size() > 1 && !inner.empty() ? "in this section: " + JoinNames(inner) + "; " : "") +
         "at the top: " + JoinNames(frames.front()->FieldNames()) + ")";
  return nullptr;
}

}  // namespace

std::vector<Diagnostic> TemplateLibrary::CheckWorkflow(const WorkflowDefinition& def) const {
  const SchemaNode schema = letters_internal::ContextSchemaFor(def);
  std::vector<Diagnostic> out;
  std::set<std::string> reported;  // file:line:col + name, so a shared partial reports once
  auto report = [&](const Template& t, const TemplateTag& tag, const std::string& why) {
    const std::string key = t.file + ":" + std::to_string(tag.line) + ":" +
                            std::to_string(tag.column) + tag.name;
    if (!reported.insert(key).second) return;
    Diagnostic d;
    d.where = SourceLocation{t.file, tag.line, tag.column};
    d.message = "'" + tag.name + "' is not provided to letters of workflow '" + def.id + "': " + why;
    out.push_back(std::move(d));
  };
  // A section over a plain value (a text, a bool) keeps the names of the frames around it; the
  // placeholder frame stands for "nothing new here".
  static const SchemaNode kNothing = SchemaNode::Record();
  std::function<void(const Template&, std::vector<const SchemaNode*>&, int)> walk =
      [&](const Template& t, std::vector<const SchemaNode*>& frames, int depth) {
        const letters_internal::TemplateScan scan = letters_internal::ScanTemplate(t.text);
        const size_t base = frames.size();
        for (const TemplateTag& tag : scan.tags) {
          std::string why;
          switch (tag.kind) {
            case TemplateTag::Kind::kVariable:
              if (Resolve(frames, tag.name, &why) == nullptr) report(t, tag, why);
              break;
            case TemplateTag::Kind::kSection: {
              const SchemaNode* node = Resolve(frames, tag.name, &why);
              if (node == nullptr) {
                report(t, tag, why);
                frames.push_back(&kNothing);
              } else if (node->kind == SchemaNode::Kind::kList) {
                frames.push_back(&node->item.front());
              } else if (node->kind == SchemaNode::Kind::kRecord) {
                frames.push_back(node);
              } else {
                frames.push_back(&kNothing);
              }
              break;
            }
            case TemplateTag::Kind::kInverted:
              if (Resolve(frames, tag.name, &why) == nullptr) report(t, tag, why);
              frames.push_back(&kNothing);
              break;
            case TemplateTag::Kind::kClose:
              if (frames.size() > base) frames.pop_back();
              break;
            case TemplateTag::Kind::kPartial: {
              auto it = templates_.find(tag.name);
              if (it != templates_.end() && depth < 32) walk(it->second, frames, depth + 1);
              break;
            }
            default:
              break;
          }
        }
        frames.resize(base);
      };
  for (const std::string& name : def.templates) {
    auto it = templates_.find(name);
    if (it == templates_.end()) continue;  // the workflow loader reports a missing template
    std::vector<const SchemaNode*> frames{&schema};
    walk(it->second, frames, 0);
  }
  return out;
}

}  // namespace uitdaag
