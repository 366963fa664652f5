// The shape of the data a letter template can see, per workflow: which names exist, which are
// records, which are lists (and the shape of their items). The template check resolves every
// tag against it, so a template that uses a name the renderer cannot provide is refused when the
// workflow loads, not discovered in a letter that is half empty.
//
// letter_context.cc builds both the schema and the data from the same contract names, and a
// test holds them to each other (every name in a rendered context is in the schema).
//
// Thread safety: value type.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "uitdaag/workflow.h"

namespace uitdaag::letters_internal {

struct SchemaNode {
  enum class Kind { kValue, kRecord, kList };
  Kind kind = Kind::kValue;
  std::map<std::string, SchemaNode, std::less<>> fields;  // kRecord
  std::vector<SchemaNode> item;                           // kList: exactly one, the item shape

  static SchemaNode Value() { return SchemaNode{}; }
  static SchemaNode Record() {
    SchemaNode node;
    node.kind = Kind::kRecord;
    return node;
  }
  static SchemaNode List(SchemaNode item_shape) {
    SchemaNode node;
    node.kind = Kind::kList;
    node.item.push_back(std::move(item_shape));
    return node;
  }
  // Adds (or returns the existing) field `name` of a record, creating the dotted path's records.
  SchemaNode& Field(std::string_view dotted, SchemaNode shape = SchemaNode::Value());
  const SchemaNode* Find(std::string_view name) const;
  std::vector<std::string> FieldNames() const;
};

// The context schema for letters of `def` (templates/README.md, "The data contract").
SchemaNode ContextSchemaFor(const WorkflowDefinition& def);

}  // namespace uitdaag::letters_internal
