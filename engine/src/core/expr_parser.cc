// The recursive-descent parser: one function per grammar rule of uitdaag/expr.h, from `or`
// (lowest precedence) down to `primary`. Binary operators associate to the left; comparisons do
// not chain.

#include <algorithm>

#include "expr_ast.h"
#include "expr_lexer.h"
#include "uitdaag/expr.h"

namespace uitdaag {
namespace expr_internal {
namespace {

using MutableNode = std::shared_ptr<Node>;
using NodeOr = StatusOr<MutableNode>;

struct BuiltinSpec {
  std::string_view name;
  Builtin builtin;
  size_t arity;
};
constexpr BuiltinSpec kBuiltins[] = {
    {"len", Builtin::kLen, 1},
    {"days_between", Builtin::kDaysBetween, 2},
    {"present", Builtin::kPresent, 1},
    {"lower", Builtin::kLower, 1},
};

const BuiltinSpec* FindBuiltin(std::string_view name) {
  for (const BuiltinSpec& spec : kBuiltins) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool IsComparison(TokenKind kind) {
  return kind == TokenKind::kEq || kind == TokenKind::kNe || kind == TokenKind::kLt ||
         kind == TokenKind::kLe || kind == TokenKind::kGt || kind == TokenKind::kGe;
}

BinaryOp ComparisonOp(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEq:
      return BinaryOp::kEq;
    case TokenKind::kNe:
      return BinaryOp::kNe;
    case TokenKind::kLt:
      return BinaryOp::kLt;
    case TokenKind::kLe:
      return BinaryOp::kLe;
    case TokenKind::kGt:
      return BinaryOp::kGt;
    default:
      return BinaryOp::kGe;
  }
}

MutableNode MakeNode(NodeKind kind, size_t offset) {
  auto node = std::make_shared<Node>();
  node->kind = kind;
  node->offset = offset;
  node->op_offset = offset;
  return node;
}

MutableNode MakeBinary(BinaryOp op, size_t op_offset, MutableNode left, MutableNode right) {
  MutableNode node = MakeNode(NodeKind::kBinary, left->offset);
  node->op = op;
  node->op_offset = op_offset;
  node->children.push_back(std::move(left));
  node->children.push_back(std::move(right));
  return node;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  NodeOr ParseAll() {
    if (Peek().kind == TokenKind::kEnd) return SyntaxError(0, "empty expression");
    NodeOr root = ParseOr();
    if (!root.ok()) return root;
    if (Peek().kind != TokenKind::kEnd) {
      return SyntaxError(Peek().offset,
                         "unexpected " + Describe(Peek()) + " after a complete expression");
    }
    return root;
  }

 private:
  // Counts one level of nesting for as long as it lives.
  class DepthGuard {
   public:
    explicit DepthGuard(int* depth) : depth_(depth) { ++*depth_; }
    ~DepthGuard() { --*depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    int* depth_;
  };

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Next() {
    const Token& token = Peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return token;
  }
  // Nesting one level deeper at `token` must stay within the limit.
  Status CheckDepth(const Token& token) const {
    if (depth_ >= Expression::kMaxDepth) {
      return SyntaxError(token.offset, "expression nests deeper than " +
                                           std::to_string(Expression::kMaxDepth) + " levels");
    }
    return Status::Ok();
  }

  // or := and ( "or" and )*      and := not ( "and" not )*
  NodeOr ParseOr() {
    return ParseLeftAssociative(TokenKind::kOr, BinaryOp::kOr, &Parser::ParseAnd);
  }
  NodeOr ParseAnd() {
    return ParseLeftAssociative(TokenKind::kAnd, BinaryOp::kAnd, &Parser::ParseNot);
  }

  NodeOr ParseLeftAssociative(TokenKind kind, BinaryOp op, NodeOr (Parser::*operand)()) {
    NodeOr left = (this->*operand)();
    while (left.ok() && Peek().kind == kind) {
      const size_t op_offset = Next().offset;
      NodeOr right = (this->*operand)();
      if (!right.ok()) return right;
      left = MakeBinary(op, op_offset, std::move(left).value(), std::move(right).value());
    }
    return left;
  }

  // not := "not" not | compare
  NodeOr ParseNot() {
    if (Peek().kind != TokenKind::kNot) return ParseCompare();
    UITDAAG_RETURN_IF_ERROR(CheckDepth(Peek()));
    DepthGuard guard(&depth_);
    MutableNode node = MakeNode(NodeKind::kNot, Next().offset);
    NodeOr operand = ParseNot();
    if (!operand.ok()) return operand;
    node->children.push_back(std::move(operand).value());
    return node;
  }

  // compare := sum ( op sum | "in" sum | "not" "in" sum )?
  NodeOr ParseCompare() {
    NodeOr left = ParseSum();
    if (!left.ok()) return left;
    const Token& token = Peek();
    const size_t op_offset = token.offset;
    BinaryOp op;
    if (IsComparison(token.kind)) {
      op = ComparisonOp(token.kind);
    } else if (token.kind == TokenKind::kIn) {
      op = BinaryOp::kIn;
    } else if (token.kind == TokenKind::kNot && Peek(1).kind == TokenKind::kIn) {
      op = BinaryOp::kNotIn;
      Next();  // 'not'; 'in' follows
    } else {
      return left;
    }
    Next();
    NodeOr right = ParseSum();
    if (!right.ok()) return right;
    if (IsComparison(Peek().kind) || Peek().kind == TokenKind::kIn) {
      return SyntaxError(Peek().offset, "comparisons do not chain: " + Describe(Peek()) +
                                            " follows a comparison; combine them with 'and'");
    }
    return MakeBinary(op, op_offset, std::move(left).value(), std::move(right).value());
  }

  // sum := product ( ("+" | "-") product )*     product := unary ( ("*" | "/") unary )*
  NodeOr ParseSum() {
    return ParseArithmetic(TokenKind::kPlus, BinaryOp::kAdd, TokenKind::kMinus, BinaryOp::kSub,
                           &Parser::ParseProduct);
  }
  NodeOr ParseProduct() {
    return ParseArithmetic(TokenKind::kStar, BinaryOp::kMul, TokenKind::kSlash, BinaryOp::kDiv,
                           &Parser::ParseUnary);
  }

  NodeOr ParseArithmetic(TokenKind kind1, BinaryOp op1, TokenKind kind2, BinaryOp op2,
                         NodeOr (Parser::*operand)()) {
    NodeOr left = (this->*operand)();
    while (left.ok() && (Peek().kind == kind1 || Peek().kind == kind2)) {
      const BinaryOp op = Peek().kind == kind1 ? op1 : op2;
      const size_t op_offset = Next().offset;
      NodeOr right = (this->*operand)();
      if (!right.ok()) return right;
      left = MakeBinary(op, op_offset, std::move(left).value(), std::move(right).value());
    }
    return left;
  }

  // unary := "-" unary | primary
  NodeOr ParseUnary() {
    if (Peek().kind != TokenKind::kMinus) return ParsePrimary();
    UITDAAG_RETURN_IF_ERROR(CheckDepth(Peek()));
    DepthGuard guard(&depth_);
    MutableNode node = MakeNode(NodeKind::kNegate, Next().offset);
    NodeOr operand = ParseUnary();
    if (!operand.ok()) return operand;
    node->children.push_back(std::move(operand).value());
    return node;
  }

  NodeOr ParsePrimary() {
    const Token& token = Peek();
    switch (token.kind) {
      case TokenKind::kNumber:
        return Literal(Value::Number(token.number));
      case TokenKind::kString:
        return Literal(Value::Text(token.text));
      case TokenKind::kTrue:
        return Literal(Value::Bool(true));
      case TokenKind::kFalse:
        return Literal(Value::Bool(false));
      case TokenKind::kNull:
        return Literal(Value::Null());
      case TokenKind::kToday:
        return MakeNode(NodeKind::kToday, Next().offset);
      case TokenKind::kName:
        return ParseNameOrCall();
      case TokenKind::kLBracket:
        return ParseList();
      case TokenKind::kLParen:
        return ParseParenthesized();
      case TokenKind::kEnd:
        return SyntaxError(token.offset, "unexpected end of input; expected a value");
      default:
        return SyntaxError(token.offset, "unexpected " + Describe(token) + "; expected a value");
    }
  }

  MutableNode Literal(Value value) {
    MutableNode node = MakeNode(NodeKind::kLiteral, Next().offset);
    node->literal = std::move(value);
    return node;
  }

  NodeOr ParseNameOrCall() {
    const Token& name = Next();
    if (Peek().kind != TokenKind::kLParen) {
      MutableNode node = MakeNode(NodeKind::kPath, name.offset);
      node->path = name.text;
      return node;
    }
    const BuiltinSpec* spec = FindBuiltin(name.text);
    if (spec == nullptr) {
      return SyntaxError(name.offset,
                         "unknown function '" + name.text +
                             "' (the built-ins are len, days_between, present, lower)");
    }
    MutableNode node = MakeNode(NodeKind::kCall, name.offset);
    node->builtin = spec->builtin;
    UITDAAG_RETURN_IF_ERROR(
        ParseSequence(TokenKind::kRParen, "the arguments of " + name.text + "()", node.get()));
    if (node->children.size() != spec->arity) {
      return SyntaxError(name.offset, name.text + "() takes " + std::to_string(spec->arity) +
                                          (spec->arity == 1 ? " argument" : " arguments") +
                                          ", got " + std::to_string(node->children.size()));
    }
    return node;
  }

  NodeOr ParseList() {
    MutableNode node = MakeNode(NodeKind::kList, Peek().offset);
    UITDAAG_RETURN_IF_ERROR(ParseSequence(TokenKind::kRBracket, "the list", node.get()));
    return node;
  }

  // Parses "(" or "[", then [ expr ( "," expr )* ], then `close`, into node->children.
  Status ParseSequence(TokenKind close, const std::string& what, Node* node) {
    UITDAAG_RETURN_IF_ERROR(CheckDepth(Peek()));
    DepthGuard guard(&depth_);
    const Token& open = Next();
    const char* close_spelling = close == TokenKind::kRParen ? "')'" : "']'";
    if (Peek().kind == close) {
      Next();
      return Status::Ok();
    }
    for (;;) {
      NodeOr item = ParseOr();
      if (!item.ok()) return item.status();
      node->children.push_back(std::move(item).value());
      const Token& after = Next();
      if (after.kind == close) return Status::Ok();
      if (after.kind != TokenKind::kComma) {
        return SyntaxError(after.offset, "expected ',' or " + std::string(close_spelling) + " in " +
                                             what + " opened at offset " +
                                             std::to_string(open.offset) + ", found " +
                                             Describe(after));
      }
    }
  }

  NodeOr ParseParenthesized() {
    UITDAAG_RETURN_IF_ERROR(CheckDepth(Peek()));
    DepthGuard guard(&depth_);
    const size_t open_offset = Next().offset;
    NodeOr inner = ParseOr();
    if (!inner.ok()) return inner;
    if (Peek().kind != TokenKind::kRParen) {
      return SyntaxError(Peek().offset, "expected ')' to close the '(' at offset " +
                                            std::to_string(open_offset) + ", found " +
                                            Describe(Peek()));
    }
    Next();
    inner.value()->offset = open_offset;
    return inner;
  }

  std::vector<Token> tokens_;  // ends with kEnd
  size_t pos_ = 0;
  int depth_ = 0;
};

void CollectPaths(const Node& node, std::vector<std::string>* paths) {
  if (node.kind == NodeKind::kPath &&
      std::find(paths->begin(), paths->end(), node.path) == paths->end()) {
    paths->push_back(node.path);
  }
  for (const auto& child : node.children) CollectPaths(*child, paths);
}

}  // namespace
}  // namespace expr_internal

StatusOr<Expression> Expression::Parse(std::string_view text) {
  if (text.size() > kMaxTextLength) {
    return expr_internal::SyntaxError(
        kMaxTextLength, "expression is " + std::to_string(text.size()) +
                            " characters long; the limit is " + std::to_string(kMaxTextLength));
  }
  StatusOr<std::vector<expr_internal::Token>> tokens = expr_internal::Lex(text);
  if (!tokens.ok()) return tokens.status();
  StatusOr<std::shared_ptr<expr_internal::Node>> root =
      expr_internal::Parser(std::move(tokens).value()).ParseAll();
  if (!root.ok()) return root.status();
  return Expression(std::string(text), std::move(root).value());
}

std::vector<std::string> Expression::Paths() const {
  std::vector<std::string> paths;
  expr_internal::CollectPaths(*root_, &paths);
  return paths;
}

}  // namespace uitdaag
