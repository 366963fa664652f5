#include "html_whitespace.h"

namespace uitdaag::pdf_internal {
namespace {

bool IsCollapsible(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

class Collapser {
 public:
  void Run(const RawRun& run) {
    if (run.line_break) {
      NewLine(run);
      return;
    }
    for (char c : run.text) {
      if (IsCollapsible(c) || (c == '\n' && !run.pre_line)) {
        pending_space_ = !at_line_start_;
      } else if (c == '\n') {
        NewLine(run);
      } else {
        if (pending_space_) Emit(run, ' ');
        pending_space_ = false;
        at_line_start_ = false;
        Emit(run, c);
      }
    }
  }

  std::vector<TextRun> Finish() {
    if (ends_with_break_) {
      out_.back().text.pop_back();
      if (out_.back().text.empty()) out_.pop_back();
    }
    return std::move(out_);
  }

 private:
  void NewLine(const RawRun& run) {
    Emit(run, '\n');
    pending_space_ = false;
    at_line_start_ = true;
    ends_with_break_ = true;
  }

  void Emit(const RawRun& run, char c) {
    ends_with_break_ = false;
    if (out_.empty() || out_.back().bold != run.bold || out_.back().italic != run.italic) {
      out_.push_back(TextRun{{}, run.bold, run.italic});
    }
    out_.back().text += c;
  }

  std::vector<TextRun> out_;
  bool pending_space_ = false;
  bool at_line_start_ = true;
  bool ends_with_break_ = false;
};

}  // namespace

std::vector<TextRun> CollapseWhitespace(const std::vector<RawRun>& raw) {
  Collapser collapser;
  for (const RawRun& run : raw) collapser.Run(run);
  return collapser.Finish();
}

}  // namespace uitdaag::pdf_internal
