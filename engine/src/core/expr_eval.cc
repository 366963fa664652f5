// The evaluator: walks the checked tree with the values of a Scope. It works on the values it
// meets, not on the static types, so a scope that breaks the checked types yields kInternal, not
// undefined behaviour. Null (an absent value) follows the rules of uitdaag/expr.h: equality sees
// it, ordering with it is false, `in` treats a null list as empty, and every other operation on
// it is a kFailedPrecondition naming the absent path.

#include <cmath>
#include <limits>

#include "expr_ast.h"
#include "uitdaag/expr.h"

namespace uitdaag {
namespace expr_internal {
namespace {

using ValueOr = StatusOr<Value>;

// Money stays within these bounds after arithmetic (about 9.2e16 euros).
constexpr int64_t kMaxCents = std::numeric_limits<int64_t>::max();
constexpr double kCentsLimit = 9.2e18;

double Euros(Money m) {
  return static_cast<double>(m.cents) / 100.0;
}

Status EvalError(const Node& at, std::string message) {
  return ErrorAt(StatusCode::kFailedPrecondition, at.op_offset, std::move(message));
}

// The scope handed a value of a type the checker did not expect: a bug in the caller.
Status Mismatch(const Node& at, const Value& value, const char* expected) {
  return ErrorAt(StatusCode::kInternal, at.offset,
                 std::string("expected ") + expected + ", got " + ValueTypeName(value.type()) +
                     " (the scope does not match the checked types)");
}

// "'+' on data.x, which has no value; guard it with present(data.x)".
Status NullError(const Node& at, const std::string& what, const Node& operand) {
  if (operand.kind == NodeKind::kPath) {
    return EvalError(at, what + " on " + operand.path +
                             ", which has no value; guard it with present(" + operand.path + ")");
  }
  return EvalError(at, what + " on a null value");
}

size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Lower-cases ASCII letters and the Latin-1 capitals U+00C0..U+00DE (except U+00D7), which cover
// the accented letters of Dutch ("É" -> "é"). Other characters are kept as they are.
std::string Lower(const std::string& text) {
  std::string out = text;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto byte = static_cast<unsigned char>(out[i]);
    if (byte >= 'A' && byte <= 'Z') {
      out[i] = static_cast<char>(byte + 32);
    } else if (byte == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
    }
  }
  return out;
}

// Equality of the language: structural, with money equal to a number of the same euros.
bool Equal(const Value& a, const Value& b) {
  if (a.type() == ValueType::kMoney && b.type() == ValueType::kNumber) {
    return Euros(a.as_money()) == b.as_number();
  }
  if (a.type() == ValueType::kNumber && b.type() == ValueType::kMoney) return Equal(b, a);
  if (a.type() != b.type()) return false;
  if (a.type() == ValueType::kList) {
    const ValueList& x = a.as_list();
    const ValueList& y = b.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!Equal(x[i], y[i])) return false;
    }
    return true;
  }
  return a == b;
}

// A number usable for arithmetic on money: both in euros, as doubles.
bool AsEuros(const Value& v, double* euros) {
  if (v.type() == ValueType::kMoney) {
    *euros = Euros(v.as_money());
    return true;
  }
  if (v.type() == ValueType::kNumber) {
    *euros = v.as_number();
    return true;
  }
  return false;
}

// Returns a negative, zero or positive number; false when the pair is not ordered.
bool Compare(const Value& a, const Value& b, int* order) {
  if (a.type() == ValueType::kDate && b.type() == ValueType::kDate) {
    *order = a.as_date() < b.as_date() ? -1 : (a.as_date() == b.as_date() ? 0 : 1);
    return true;
  }
  if (a.type() == ValueType::kMoney && b.type() == ValueType::kMoney) {
    const int64_t x = a.as_money().cents;
    const int64_t y = b.as_money().cents;
    *order = x < y ? -1 : (x == y ? 0 : 1);
    return true;
  }
  double x = 0, y = 0;
  if (!AsEuros(a, &x) || !AsEuros(b, &y)) return false;
  if (std::isnan(x) || std::isnan(y)) return false;
  *order = x < y ? -1 : (x == y ? 0 : 1);
  return true;
}

class Evaluator {
 public:
  explicit Evaluator(const Scope& scope) : scope_(scope) {}

  ValueOr Eval(const Node& node) const {
    switch (node.kind) {
      case NodeKind::kLiteral:
        return node.literal;
      case NodeKind::kToday:
        return Value::OfDate(scope_.Today());
      case NodeKind::kPath:
        return scope_.Lookup(node.path);
      case NodeKind::kList:
        return EvalList(node);
      case NodeKind::kCall:
        return EvalCall(node);
      case NodeKind::kNegate:
        return EvalNegate(node);
      case NodeKind::kNot:
        return EvalNot(node);
      case NodeKind::kBinary:
        return EvalBinary(node);
    }
    return Status::Internal("unknown expression node");
  }

 private:
  ValueOr EvalList(const Node& node) const {
    ValueList items;
    items.reserve(node.children.size());
    for (const auto& child : node.children) {
      ValueOr item = Eval(*child);
      if (!item.ok()) return item;
      items.push_back(std::move(item).value());
    }
    return Value::List(std::move(items));
  }

  ValueOr EvalCall(const Node& node) const {
    std::vector<Value> args;
    for (const auto& child : node.children) {
      ValueOr arg = Eval(*child);
      if (!arg.ok()) return arg;
      args.push_back(std::move(arg).value());
    }
    const std::string name = std::string(BuiltinName(node.builtin)) + "()";
    if (node.builtin == Builtin::kPresent) return Value::Bool(!args[0].is_null());
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i].is_null()) return NullError(node, name, *node.children[i]);
    }
    switch (node.builtin) {
      case Builtin::kLen:
        if (args[0].type() == ValueType::kText) {
          return Value::Number(static_cast<double>(CodePoints(args[0].as_text())));
        }
        if (args[0].type() == ValueType::kList) {
          return Value::Number(static_cast<double>(args[0].as_list().size()));
        }
        return Mismatch(*node.children[0], args[0], "text or list");
      case Builtin::kDaysBetween:
        for (size_t i = 0; i < 2; ++i) {
          if (args[i].type() != ValueType::kDate)
            return Mismatch(*node.children[i], args[i], "date");
        }
        return Value::Number(args[1].as_date() - args[0].as_date());
      case Builtin::kLower:
        if (args[0].type() != ValueType::kText) return Mismatch(*node.children[0], args[0], "text");
        return Value::Text(Lower(args[0].as_text()));
      case Builtin::kPresent:
        break;
    }
    return Status::Internal("unknown built-in function");
  }

  ValueOr EvalNegate(const Node& node) const {
    ValueOr operand = Eval(*node.children[0]);
    if (!operand.ok()) return operand;
    const Value& v = *operand;
    if (v.is_null()) return NullError(node, "'-'", *node.children[0]);
    if (v.type() == ValueType::kNumber) return Value::Number(-v.as_number());
    if (v.type() == ValueType::kMoney) {
      if (v.as_money().cents == std::numeric_limits<int64_t>::min()) {
        return EvalError(node, "money amount out of range");
      }
      return Value::OfMoney(Money{-v.as_money().cents});
    }
    return Mismatch(*node.children[0], v, "number or money");
  }

  ValueOr EvalNot(const Node& node) const {
    ValueOr operand = EvalBool(node, *node.children[0]);
    if (!operand.ok()) return operand;
    return Value::Bool(!operand->as_bool());
  }

  // Evaluates `operand` of `op`, which must be a bool.
  ValueOr EvalBool(const Node& op, const Node& operand) const {
    ValueOr v = Eval(operand);
    if (!v.ok()) return v;
    if (v->is_null()) {
      const std::string spelling =
          op.kind == NodeKind::kNot ? "'not'" : "'" + std::string(BinaryOpSpelling(op.op)) + "'";
      return NullError(op, spelling, operand);
    }
    if (v->type() != ValueType::kBool) return Mismatch(operand, *v, "bool");
    return v;
  }

  ValueOr EvalBinary(const Node& node) const {
    if (node.op == BinaryOp::kAnd || node.op == BinaryOp::kOr) return EvalLogic(node);
    ValueOr left = Eval(*node.children[0]);
    if (!left.ok()) return left;
    ValueOr right = Eval(*node.children[1]);
    if (!right.ok()) return right;
    switch (node.op) {
      case BinaryOp::kEq:
        return Value::Bool(Equal(*left, *right));
      case BinaryOp::kNe:
        return Value::Bool(!Equal(*left, *right));
      case BinaryOp::kLt:
      case BinaryOp::kLe:
      case BinaryOp::kGt:
      case BinaryOp::kGe:
        return EvalOrdering(node, *left, *right);
      case BinaryOp::kIn:
      case BinaryOp::kNotIn:
        return EvalIn(node, *left, *right);
      case BinaryOp::kAdd:
      case BinaryOp::kSub:
      case BinaryOp::kMul:
      case BinaryOp::kDiv:
        return EvalArithmetic(node, *left, *right);
      case BinaryOp::kAnd:
      case BinaryOp::kOr:
        break;
    }
    return Status::Internal("unknown binary operator");
  }

  // Short-circuit: the right side is not evaluated when the left decides.
  ValueOr EvalLogic(const Node& node) const {
    ValueOr left = EvalBool(node, *node.children[0]);
    if (!left.ok()) return left;
    const bool decided = node.op == BinaryOp::kAnd ? !left->as_bool() : left->as_bool();
    if (decided) return left;
    return EvalBool(node, *node.children[1]);
  }

  static ValueOr EvalOrdering(const Node& node, const Value& left, const Value& right) {
    if (left.is_null() || right.is_null()) return Value::Bool(false);
    int order = 0;
    if (!Compare(left, right, &order)) {
      if (left.type() == ValueType::kNumber && std::isnan(left.as_number()))
        return Value::Bool(false);
      if (right.type() == ValueType::kNumber && std::isnan(right.as_number()))
        return Value::Bool(false);
      return Mismatch(*node.children[1], right, ValueTypeName(left.type()));
    }
    switch (node.op) {
      case BinaryOp::kLt:
        return Value::Bool(order < 0);
      case BinaryOp::kLe:
        return Value::Bool(order <= 0);
      case BinaryOp::kGt:
        return Value::Bool(order > 0);
      default:
        return Value::Bool(order >= 0);
    }
  }

  static ValueOr EvalIn(const Node& node, const Value& needle, const Value& list) {
    const bool negate = node.op == BinaryOp::kNotIn;
    if (list.is_null()) return Value::Bool(negate);
    if (list.type() != ValueType::kList) return Mismatch(*node.children[1], list, "list");
    for (const Value& item : list.as_list()) {
      if (Equal(needle, item)) return Value::Bool(!negate);
    }
    return Value::Bool(negate);
  }

  static ValueOr EvalArithmetic(const Node& node, const Value& left, const Value& right) {
    const std::string op = "'" + std::string(BinaryOpSpelling(node.op)) + "'";
    if (left.is_null()) return NullError(node, op, *node.children[0]);
    if (right.is_null()) return NullError(node, op, *node.children[1]);
    const ValueType l = left.type();
    const bool additive = node.op == BinaryOp::kAdd || node.op == BinaryOp::kSub;
    if (l == ValueType::kMoney && additive) {
      if (right.type() != ValueType::kMoney) return Mismatch(*node.children[1], right, "money");
      return MoneyArithmetic(node, left.as_money(), right);
    }
    if (right.type() != ValueType::kNumber) return Mismatch(*node.children[1], right, "number");
    if (node.op == BinaryOp::kDiv && right.as_number() == 0) {
      return EvalError(node, "division by zero");
    }
    if (l == ValueType::kNumber) return NumberArithmetic(node, left.as_number(), right.as_number());
    if (l == ValueType::kMoney) return MoneyArithmetic(node, left.as_money(), right);
    if (l == ValueType::kDate && additive) {
      return DateArithmetic(node, left.as_date(), right.as_number());
    }
    return Mismatch(*node.children[0], left,
                    additive ? "number, money or date" : "number or money");
  }

  static ValueOr NumberArithmetic(const Node& node, double a, double b) {
    double result = 0;
    switch (node.op) {
      case BinaryOp::kAdd:
        result = a + b;
        break;
      case BinaryOp::kSub:
        result = a - b;
        break;
      case BinaryOp::kMul:
        result = a * b;
        break;
      default:
        result = a / b;
        break;
    }
    if (!std::isfinite(result)) return EvalError(node, "number out of range");
    return Value::Number(result);
  }

  // money ± money exactly; money * or / number rounded half away from zero to whole cents.
  static ValueOr MoneyArithmetic(const Node& node, Money a, const Value& right) {
    if (node.op == BinaryOp::kAdd || node.op == BinaryOp::kSub) {
      const int64_t b = right.as_money().cents;
      const int64_t signed_b = node.op == BinaryOp::kAdd ? b : -b;
      if (b == std::numeric_limits<int64_t>::min() ||
          (signed_b > 0 && a.cents > kMaxCents - signed_b) ||
          (signed_b < 0 && a.cents < -kMaxCents - signed_b)) {
        return EvalError(node, "money amount out of range");
      }
      return Value::OfMoney(Money{a.cents + signed_b});
    }
    const double factor = right.as_number();
    const double cents = node.op == BinaryOp::kMul ? static_cast<double>(a.cents) * factor
                                                   : static_cast<double>(a.cents) / factor;
    if (!std::isfinite(cents) || std::fabs(cents) >= kCentsLimit) {
      return EvalError(node, "money amount out of range");
    }
    return Value::OfMoney(Money{static_cast<int64_t>(std::llround(cents))});
  }

  static ValueOr DateArithmetic(const Node& node, Date date, double days) {
    if (days != std::floor(days)) {
      return EvalError(node,
                       "a date moves by whole days, got " + Value::Number(days).DebugString());
    }
    static const double kFirst = Date::FromYmd(1, 1, 1).DaysSinceEpoch();
    static const double kLast = Date::FromYmd(9999, 12, 31).DaysSinceEpoch();
    const double target = date.DaysSinceEpoch() + (node.op == BinaryOp::kAdd ? days : -days);
    if (!(target >= kFirst && target <= kLast)) {
      return EvalError(node, "date out of range (years 1..9999)");
    }
    return Value::OfDate(Date::FromDaysSinceEpoch(static_cast<int32_t>(target)));
  }

  const Scope& scope_;
};

}  // namespace
}  // namespace expr_internal

StatusOr<Value> Expression::Evaluate(const Scope& scope) const {
  return expr_internal::Evaluator(scope).Eval(*root_);
}

}  // namespace uitdaag
