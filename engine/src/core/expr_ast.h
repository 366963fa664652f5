// Internal: the syntax tree of a parsed Expression (see uitdaag/expr.h for the language).
//
// The parser builds the tree once; afterwards it is immutable and shared between copies of the
// Expression, so the checker and the evaluator may walk it from any thread. Every node keeps the
// 0-based byte offset of its text so that errors can point at it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag::expr_internal {

enum class NodeKind {
  kLiteral,  // number, string, true, false, null: `literal`
  kToday,    // the keyword `today`
  kPath,     // a dotted name: `path`
  kList,     // [a, b]: `children` are the elements
  kCall,     // a built-in: `builtin`, `children` are the arguments
  kNegate,   // unary '-': one child
  kNot,      // 'not': one child
  kBinary,   // `op`: two children, left then right
};

enum class BinaryOp {
  kOr,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kNotIn,
  kAdd,
  kSub,
  kMul,
  kDiv
};

enum class Builtin { kLen, kDaysBetween, kPresent, kLower };

struct Node {
  NodeKind kind = NodeKind::kLiteral;
  std::size_t offset = 0;       // where the node's text starts (its opening '(' if parenthesized)
  std::size_t op_offset = 0;    // the operator or function name; equals `offset` for leaves
  Value literal;                // kLiteral
  std::string path;             // kPath
  BinaryOp op = BinaryOp::kOr;  // kBinary
  Builtin builtin = Builtin::kLen;                    // kCall
  std::vector<std::shared_ptr<const Node>> children;  // in source order
};

// How an operator is written: "and", "==", "not in".
inline const char* BinaryOpSpelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "or";
    case BinaryOp::kAnd:
      return "and";
    case BinaryOp::kEq:
      return "==";
    case BinaryOp::kNe:
      return "!=";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kIn:
      return "in";
    case BinaryOp::kNotIn:
      return "not in";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
  }
  return "?";
}

inline const char* BuiltinName(Builtin f) {
  switch (f) {
    case Builtin::kLen:
      return "len";
    case Builtin::kDaysBetween:
      return "days_between";
    case Builtin::kPresent:
      return "present";
    case Builtin::kLower:
      return "lower";
  }
  return "?";
}

// A status whose subject() is `offset` as a decimal string, the convention of Expression.
inline Status ErrorAt(StatusCode code, std::size_t offset, std::string message) {
  return Status(code, std::move(message), std::to_string(offset));
}
inline Status SyntaxError(std::size_t offset, std::string message) {
  return ErrorAt(StatusCode::kInvalidArgument, offset, std::move(message));
}

}  // namespace uitdaag::expr_internal
