// The guard and assignment expression language of workflow definitions.
//
// Small, safe and checked before anything runs: no loops, no calls but a fixed set of pure
// built-ins, no access to anything but the names the engine provides. An expression is parsed
// once (when the workflow loads), type-checked against the names visible where it is used, and
// evaluated many times.
//
// Grammar (precedence from low to high):
//   expr     := or
//   or       := and ( "or" and )*
//   and      := not ( "and" not )*
//   not      := "not" not | compare
//   compare  := sum ( ("==" | "!=" | "<" | "<=" | ">" | ">=") sum
//                   | "in" sum | "not" "in" sum )?
//   sum      := product ( ("+" | "-") product )*
//   product  := unary ( ("*" | "/") unary )*
//   unary    := "-" unary | primary
//   primary  := NUMBER | STRING | "true" | "false" | "null" | "today"
//             | NAME "(" [ expr ( "," expr )* ] ")"      built-in function call
//             | PATH                                     e.g. data.begroting, params.x.y
//             | "[" [ expr ( "," expr )* ] "]"           list literal
//             | "(" expr ")"
//   NUMBER   := digits [ "." digits ]      STRING := '...' or "..." (backslash escapes \\ \' \")
//   PATH     := NAME ( "." NAME )*          NAME := [A-Za-z_][A-Za-z0-9_]*
//
// Types: bool, number, money, text, date, list<T>, null. Rules:
//   - and/or/not take bool. Comparisons ==, != take equal types (or null on either side: an absent
//     optional field); <, <=, >, >= take number, money or date pairs. money compares with number
//     (the number is in euros). "x in list" takes a list whose element type matches x.
//   - + and - : number±number, money±money, date±number (days). * : number*number, money*number.
//     / : number/number, money/number. Division by zero is an evaluation error.
//   - A comparison of a choice-typed value with a string literal that is not one of its options
//     is a type error (catches typos like "toegwezen" at load time).
//   - `today` is the date of the event being processed (Dutch civil date).
//   Built-in functions: len(text|list) -> number; days_between(date, date) -> number (second minus
//   first); present(x) -> bool (x is not null); lower(text) -> text.
// Null semantics at run time: an absent value is null; null == null is true; ordering
// comparisons and arithmetic with null evaluate to false / are an evaluation error respectively
// (write present(x) and ... to guard them).
// Details the rules above leave open, as implemented:
//   - money compares with number under ==, != and `in` too (12500.5 == a money of 12500.50).
//   - and/or short-circuit; and, or, not and the built-ins other than present() on null are
//     evaluation errors, like arithmetic. "x in null" (an absent list) is false, "not in" true.
//   - money * number and money / number round to whole cents, half away from zero; number * money
//     is a type error (write the money first). date ± number needs a whole number of days.
//   - len(text) counts code points; lower() lower-cases ASCII and the Latin-1 capitals (É -> é).
//   - Type errors point at the operand that is wrong; evaluation errors at the operator or the
//     function name. A list literal's elements share one type; `[]` has an unknown element type.
//
// Thread safety: a parsed Expression is immutable; Evaluate may be called concurrently.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uitdaag/date.h"
#include "uitdaag/status.h"
#include "uitdaag/value.h"

namespace uitdaag {

// A static type. `element` is set for lists; `options` is non-empty for choice-typed text.
struct Type {
  ValueType kind = ValueType::kNull;
  std::shared_ptr<const Type> element;  // lists only
  std::vector<std::string> options;     // choice values, for text (or list element) types

  static Type Of(ValueType k) { return Type{k, nullptr, {}}; }
  static Type ListOf(Type element);
  static Type Choice(std::vector<std::string> options);
  std::string ToString() const;  // "number", "list<text>", "choice(a|b)"
};

// The names visible to an expression at one place in a workflow, with their types.
class TypeEnvironment {
 public:
  virtual ~TypeEnvironment() = default;
  // The type of a dotted path ("data.begroting"), or nullopt when the name does not exist there.
  virtual std::optional<Type> TypeOf(std::string_view path) const = 0;
};

// The values visible to an expression when it runs.
class Scope {
 public:
  virtual ~Scope() = default;
  // The value of a dotted path; a null Value when it has none (absent optional field).
  virtual Value Lookup(std::string_view path) const = 0;
  // The date `today` stands for.
  virtual Date Today() const = 0;
};

namespace expr_internal {
struct Node;
}

class Expression {
 public:
  // Limits that keep hostile input harmless; Parse rejects input beyond them (kInvalidArgument).
  static constexpr std::size_t kMaxTextLength = 2000;    // bytes of source text
  static constexpr int kMaxDepth = 64;  // nesting of (), [], calls, 'not' and unary '-'
  static constexpr std::size_t kMaxStringLength = 1000;  // bytes of one string literal, unescaped

  // Parses `text`. On failure the status is kInvalidArgument, its message says what is wrong
  // ("expected ')' after argument list"), and its subject() is the 0-based character offset of
  // the problem in `text`, as a decimal string (the YAML loader turns it into a column).
  // Offsets count bytes; they equal character offsets except after non-ASCII text inside a
  // string literal (names and operators are ASCII).
  static StatusOr<Expression> Parse(std::string_view text);

  // Type-checks against `env`. Returns the result type, or kInvalidArgument with the same
  // offset convention as Parse ("unknown name 'data.begrotng'", "'and' needs bool, got number").
  StatusOr<Type> Check(const TypeEnvironment& env) const;

  // Evaluates. REQUIRES: Check() succeeded against an environment that matches `scope`.
  // Evaluation errors (division by zero, arithmetic on null) are kFailedPrecondition.
  StatusOr<Value> Evaluate(const Scope& scope) const;

  // The source text, as written.
  const std::string& text() const { return text_; }
  // Every path the expression reads ("data.begroting"), in order of appearance, without repeats.
  std::vector<std::string> Paths() const;

 private:
  Expression(std::string text, std::shared_ptr<const expr_internal::Node> root)
      : text_(std::move(text)), root_(std::move(root)) {}
  std::string text_;
  std::shared_ptr<const expr_internal::Node> root_;  // immutable, shared between copies
};

}  // namespace uitdaag
