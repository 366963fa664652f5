// The static type checker: the typing rules of uitdaag/expr.h, one function per kind of node.
// Errors point at the operand that is wrong (its offset), not at the operator, so that
// "data.a and 3" points at the 3.

#include <algorithm>

#include "expr_ast.h"
#include "uitdaag/expr.h"

namespace uitdaag {

Type Type::ListOf(Type element) {
  Type type = Of(ValueType::kList);
  type.element = std::make_shared<const Type>(std::move(element));
  return type;
}

Type Type::Choice(std::vector<std::string> options) {
  Type type = Of(ValueType::kText);
  type.options = std::move(options);
  return type;
}

std::string Type::ToString() const {
  if (kind == ValueType::kList) {
    if (element == nullptr || element->kind == ValueType::kNull) return "list";
    return "list<" + element->ToString() + ">";
  }
  if (kind == ValueType::kText && !options.empty()) {
    std::string out = "choice(";
    for (size_t i = 0; i < options.size(); ++i) out += (i > 0 ? "|" : "") + options[i];
    return out + ")";
  }
  return ValueTypeName(kind);
}

namespace expr_internal {
namespace {

using TypeOr = StatusOr<Type>;

bool IsNumeric(const Type& t) {
  return t.kind == ValueType::kNumber || t.kind == ValueType::kMoney;
}
bool IsOrdered(const Type& t) {
  return IsNumeric(t) || t.kind == ValueType::kDate;
}
bool IsChoice(const Type& t) {
  return t.kind == ValueType::kText && !t.options.empty();
}

// The element type of a list type; null (matches anything) when unknown, as for `[]`.
Type ElementOf(const Type& list) {
  return list.element ? *list.element : Type::Of(ValueType::kNull);
}

// The options of a list's elements, written on the element type or on the list type itself.
const std::vector<std::string>& ElementOptions(const Type& list) {
  if (list.element != nullptr && !list.element->options.empty()) return list.element->options;
  return list.options;
}

// Whether == may compare values of these types: one kind (lists: comparable elements), null on
// either side (an absent value), or number with money (the number counts euros).
bool Comparable(const Type& a, const Type& b) {
  if (a.kind == ValueType::kNull || b.kind == ValueType::kNull) return true;
  if (IsNumeric(a) && IsNumeric(b)) return true;
  if (a.kind != b.kind) return false;
  if (a.kind == ValueType::kList) return Comparable(ElementOf(a), ElementOf(b));
  return true;
}

Status TypeError(const Node& at, std::string message) {
  return SyntaxError(at.offset, std::move(message));
}

std::string Quoted(const char* spelling) {
  return std::string("'") + spelling + "'";
}

// The thing `node` stands for in a message: its path, or a generic phrase.
std::string NameOf(const Node& node) {
  return node.kind == NodeKind::kPath ? node.path : std::string("the compared value");
}

// A string literal compared with a choice-typed value must be one of its options.
Status CheckChoiceLiteral(const Node& literal, const std::vector<std::string>& options,
                          const Node& choice) {
  if (options.empty() || literal.kind != NodeKind::kLiteral ||
      literal.literal.type() != ValueType::kText) {
    return Status::Ok();
  }
  const std::string& text = literal.literal.as_text();
  if (std::find(options.begin(), options.end(), text) != options.end()) return Status::Ok();
  return TypeError(literal, "'" + text + "' is not an option of " + NameOf(choice) + ", which is " +
                                Type::Choice(options).ToString());
}

class Checker {
 public:
  explicit Checker(const TypeEnvironment& env) : env_(env) {}

  TypeOr Check(const Node& node) const {
    switch (node.kind) {
      case NodeKind::kLiteral:
        return Type::Of(node.literal.type());
      case NodeKind::kToday:
        return Type::Of(ValueType::kDate);
      case NodeKind::kPath:
        return CheckPath(node);
      case NodeKind::kList:
        return CheckList(node);
      case NodeKind::kCall:
        return CheckCall(node);
      case NodeKind::kNegate:
        return CheckNegate(node);
      case NodeKind::kNot:
        return CheckNot(node);
      case NodeKind::kBinary:
        return CheckBinary(node);
    }
    return Status::Internal("unknown expression node");
  }

 private:
  TypeOr CheckPath(const Node& node) const {
    std::optional<Type> type = env_.TypeOf(node.path);
    if (!type.has_value()) return TypeError(node, "unknown name '" + node.path + "'");
    return std::move(*type);
  }

  // All elements share one type (null elements aside); the list's element type drops choice
  // options, since a literal list is plain values.
  TypeOr CheckList(const Node& node) const {
    Type element = Type::Of(ValueType::kNull);
    for (const auto& child : node.children) {
      TypeOr type = Check(*child);
      if (!type.ok()) return type;
      if (type->kind == ValueType::kNull) continue;
      if (element.kind == ValueType::kNull) {
        element = std::move(type).value();
        element.options.clear();
      } else if (type->kind != element.kind || !Comparable(element, *type)) {
        return TypeError(*child, "list elements must share one type: expected " +
                                     element.ToString() + ", got " + type->ToString());
      }
    }
    return Type::ListOf(std::move(element));
  }

  TypeOr CheckCall(const Node& node) const {
    std::vector<Type> args;
    for (const auto& child : node.children) {
      TypeOr type = Check(*child);
      if (!type.ok()) return type;
      args.push_back(std::move(type).value());
    }
    const std::string name = std::string(BuiltinName(node.builtin)) + "()";
    switch (node.builtin) {
      case Builtin::kLen:
        if (args[0].kind != ValueType::kText && args[0].kind != ValueType::kList) {
          return TypeError(*node.children[0],
                           name + " needs text or a list, got " + args[0].ToString());
        }
        return Type::Of(ValueType::kNumber);
      case Builtin::kDaysBetween:
        for (size_t i = 0; i < args.size(); ++i) {
          if (args[i].kind != ValueType::kDate) {
            return TypeError(*node.children[i], name + " needs dates, got " + args[i].ToString());
          }
        }
        return Type::Of(ValueType::kNumber);
      case Builtin::kPresent:
        return Type::Of(ValueType::kBool);
      case Builtin::kLower:
        if (args[0].kind != ValueType::kText) {
          return TypeError(*node.children[0], name + " needs text, got " + args[0].ToString());
        }
        return Type::Of(ValueType::kText);
    }
    return Status::Internal("unknown built-in function");
  }

  TypeOr CheckNegate(const Node& node) const {
    TypeOr operand = Check(*node.children[0]);
    if (!operand.ok()) return operand;
    if (!IsNumeric(*operand)) {
      return TypeError(*node.children[0], "'-' needs number or money, got " + operand->ToString());
    }
    return Type::Of(operand->kind);
  }

  TypeOr CheckNot(const Node& node) const {
    TypeOr operand = Check(*node.children[0]);
    if (!operand.ok()) return operand;
    if (operand->kind != ValueType::kBool) {
      return TypeError(*node.children[0], "'not' needs bool, got " + operand->ToString());
    }
    return operand;
  }

  TypeOr CheckBinary(const Node& node) const {
    TypeOr left = Check(*node.children[0]);
    if (!left.ok()) return left;
    TypeOr right = Check(*node.children[1]);
    if (!right.ok()) return right;
    switch (node.op) {
      case BinaryOp::kOr:
      case BinaryOp::kAnd:
        return CheckLogic(node, *left, *right);
      case BinaryOp::kEq:
      case BinaryOp::kNe:
        return CheckEquality(node, *left, *right);
      case BinaryOp::kLt:
      case BinaryOp::kLe:
      case BinaryOp::kGt:
      case BinaryOp::kGe:
        return CheckOrdering(node, *left, *right);
      case BinaryOp::kIn:
      case BinaryOp::kNotIn:
        return CheckIn(node, *left, *right);
      case BinaryOp::kAdd:
      case BinaryOp::kSub:
        return CheckSum(node, *left, *right);
      case BinaryOp::kMul:
      case BinaryOp::kDiv:
        return CheckProduct(node, *left, *right);
    }
    return Status::Internal("unknown binary operator");
  }

  static TypeOr CheckLogic(const Node& node, const Type& left, const Type& right) {
    const std::string op = Quoted(BinaryOpSpelling(node.op));
    if (left.kind != ValueType::kBool) {
      return TypeError(*node.children[0], op + " needs bool, got " + left.ToString());
    }
    if (right.kind != ValueType::kBool) {
      return TypeError(*node.children[1], op + " needs bool, got " + right.ToString());
    }
    return Type::Of(ValueType::kBool);
  }

  static TypeOr CheckEquality(const Node& node, const Type& left, const Type& right) {
    const Node& l = *node.children[0];
    const Node& r = *node.children[1];
    if (!Comparable(left, right)) {
      return TypeError(r, Quoted(BinaryOpSpelling(node.op)) + " compares values of one type, got " +
                              left.ToString() + " and " + right.ToString());
    }
    UITDAAG_RETURN_IF_ERROR(CheckChoiceLiteral(r, IsChoice(left) ? left.options : kNone, l));
    UITDAAG_RETURN_IF_ERROR(CheckChoiceLiteral(l, IsChoice(right) ? right.options : kNone, r));
    return Type::Of(ValueType::kBool);
  }

  static TypeOr CheckOrdering(const Node& node, const Type& left, const Type& right) {
    const std::string op = Quoted(BinaryOpSpelling(node.op));
    if (!IsOrdered(left)) {
      return TypeError(*node.children[0],
                       op + " needs number, money or date, got " + left.ToString());
    }
    if (!IsOrdered(right)) {
      return TypeError(*node.children[1],
                       op + " needs number, money or date, got " + right.ToString());
    }
    if ((left.kind == ValueType::kDate) != (right.kind == ValueType::kDate)) {
      return TypeError(*node.children[1],
                       op + " cannot compare " + left.ToString() + " with " + right.ToString());
    }
    return Type::Of(ValueType::kBool);
  }

  static TypeOr CheckIn(const Node& node, const Type& left, const Type& right) {
    const Node& l = *node.children[0];
    const Node& r = *node.children[1];
    const std::string op = Quoted(BinaryOpSpelling(node.op));
    if (right.kind != ValueType::kList) {
      return TypeError(r, op + " needs a list on the right, got " + right.ToString());
    }
    if (!Comparable(left, ElementOf(right))) {
      return TypeError(l, op + " cannot look for " + left.ToString() + " in " + right.ToString() +
                              "; the types must match");
    }
    if (IsChoice(left) && r.kind == NodeKind::kList) {
      for (const auto& element : r.children) {
        UITDAAG_RETURN_IF_ERROR(CheckChoiceLiteral(*element, left.options, l));
      }
    }
    UITDAAG_RETURN_IF_ERROR(CheckChoiceLiteral(l, ElementOptions(right), r));
    return Type::Of(ValueType::kBool);
  }

  // number±number, money±money, date±number (days).
  static TypeOr CheckSum(const Node& node, const Type& left, const Type& right) {
    const std::string op = Quoted(BinaryOpSpelling(node.op));
    if (!IsOrdered(left)) {
      return TypeError(*node.children[0],
                       op + " needs number, money or date, got " + left.ToString());
    }
    const ValueType wanted = left.kind == ValueType::kDate ? ValueType::kNumber : left.kind;
    if (right.kind != wanted) {
      return TypeError(*node.children[1], op + " after " + left.ToString() + " needs " +
                                              ValueTypeName(wanted) + ", got " + right.ToString());
    }
    return Type::Of(left.kind);
  }

  // number*number, money*number; the same for '/'.
  static TypeOr CheckProduct(const Node& node, const Type& left, const Type& right) {
    const std::string op = Quoted(BinaryOpSpelling(node.op));
    if (!IsNumeric(left)) {
      return TypeError(*node.children[0],
                       op + " needs number or money on the left, got " + left.ToString());
    }
    if (right.kind != ValueType::kNumber) {
      std::string hint = right.kind == ValueType::kMoney && node.op == BinaryOp::kMul
                             ? " (write the money first: money * number)"
                             : "";
      return TypeError(*node.children[1],
                       op + " needs a number on the right, got " + right.ToString() + hint);
    }
    return Type::Of(left.kind);
  }

  static inline const std::vector<std::string> kNone;
  const TypeEnvironment& env_;
};

}  // namespace
}  // namespace expr_internal

StatusOr<Type> Expression::Check(const TypeEnvironment& env) const {
  return expr_internal::Checker(env).Check(*root_);
}

}  // namespace uitdaag
