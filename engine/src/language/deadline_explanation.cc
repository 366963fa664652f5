// ExplainDeadline: the explanation of a deadline's last day for letters, built from the steps
// of ComputeDeadline (deadline.h) with the sentence patterns of a Language. The English
// counterpart for logs is ExplanationStep::ToEnglish (core/explanation.cc).
#include <optional>

#include "uitdaag/letter_format.h"

namespace uitdaag {
namespace {

using Kind = ExplanationStep::Kind;
using Values = std::map<std::string, std::string, std::less<>>;

// Upper-cases the first letter of a sentence: ASCII a-z, and "ij" as the digraph "IJ" (Dutch
// capitalizes both letters; no English word starts with "ij"). Other first letters stay.
std::string Capitalized(std::string sentence) {
  if (sentence.empty() || sentence[0] < 'a' || sentence[0] > 'z') return sentence;
  const bool digraph = sentence.size() > 1 && sentence[0] == 'i' && sentence[1] == 'j';
  sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
  if (digraph) sentence[1] = 'J';
  return sentence;
}

class Explainer {
 public:
  Explainer(const DeadlineComputation& computation, const DeadlineRule& rule,
            const Language& language)
      : c_(computation), rule_(rule), lang_(language) {}

  std::string Run() {
    const std::vector<ExplanationStep>& steps = c_.legal_steps;
    for (size_t i = 0; i < steps.size(); ++i) {
      const ExplanationStep& s = steps[i];
      switch (s.kind) {
        case Kind::kStart:
          start_ = s.date;
          break;
        case Kind::kPeriodEnd:
          Say(PatternId::kPeriod,
              {{"duration", StepDuration(s)}, {"start", Day(Start(s))}, {"end", Day(s.date)}});
          break;
        case Kind::kAnnualEnd:
          Say(PatternId::kAnnual,
              {{"day_month", AnnualDay(s)}, {"start", Day(Start(s))}, {"end", Day(s.date)}});
          break;
        case Kind::kSuspension:
          Say(s.days > 0 ? PatternId::kSuspension : PatternId::kSuspensionNoDays,
              {{"days", FormatDuration({s.days, DurationUnit::kDays}, lang_)},
               {"from", Day(s.from.value_or(s.date))},
               {"until", Day(s.until.value_or(s.date))},
               {"reason", Reason(s.detail)},
               {"end", Day(s.date)}});
          break;
        case Kind::kOpenSuspension:
          Say(PatternId::kOpenSuspension,
              {{"days", FormatDuration({s.days, DurationUnit::kDays}, lang_)},
               {"from", Day(s.from.value_or(s.date))},
               {"reason", Reason(s.detail)},
               {"end", Day(s.date)}});
          break;
        case Kind::kExtension:
          Say(PatternId::kExtension, {{"duration", StepDuration(s)},
                                      {"on", Day(s.from.value_or(s.date))},
                                      {"end", Day(s.date)}});
          break;
        case Kind::kAtwNotApplied:
          Say(PatternId::kAtwNotApplied, {{"end", Day(s.date)}});
          break;
        case Kind::kAtwExcluded:
          Say(PatternId::kAtwExcluded,
              {{"duration", DescribeRule(rule_, lang_)}, {"end", Day(s.date)}});
          break;
        case Kind::kRollOver:
          i = RollOvers(i);
          break;
        case Kind::kTwoWorkingDays:
          Say(PatternId::kTwoWorkingDays,
              {{"from", LongDay(s.from.value_or(s.date))}, {"end", LongDay(s.date)}});
          break;
        case Kind::kFinal:
          Say(c_.provisional ? PatternId::kFinalProvisional : PatternId::kFinal,
              {{"end", LongDay(s.date)}});
          break;
      }
    }
    std::string out;
    for (const std::string& sentence : sentences_) {
      if (!out.empty()) out += ' ';
      out += sentence;
    }
    return out;
  }

 private:
  void Say(PatternId id, const Values& values) {
    sentences_.push_back(Capitalized(FillPattern(lang_.Pattern(id), values)));
  }

  std::string Day(Date d) const { return FormatDate(d, lang_); }
  std::string LongDay(Date d) const { return FormatDateWithWeekday(d, lang_); }
  Date Start(const ExplanationStep& s) const { return start_.value_or(s.date); }

  // The reason pattern around a suspension's reason, or nothing.
  std::string Reason(const std::string& reason) const {
    if (reason.empty()) return {};
    return FillPattern(lang_.Pattern(PatternId::kReason), {{"reason", reason}});
  }

  // The duration a kPeriodEnd or kExtension step names in its detail ("8 weeks"), in words; the
  // rule's period when the detail is not a duration.
  std::string StepDuration(const ExplanationStep& s) const {
    StatusOr<Duration> parsed = Duration::Parse(s.detail);
    if (parsed.ok()) return FormatDuration(*parsed, lang_);
    if (rule_.kind == DeadlineRule::Kind::kPeriod) return FormatDuration(rule_.period, lang_);
    return s.detail;
  }

  std::string AnnualDay(const ExplanationStep& s) const {
    if (rule_.kind == DeadlineRule::Kind::kAnnual) return FormatDayMonth(rule_.annual, lang_);
    return FormatDayMonth({s.date.month(), s.date.day()}, lang_);
  }

  // A day that is not a working day, with the name of its holiday when it has one. A weekend day
  // whose name is its weekday's name is written as just the date.
  std::string NonWorkingDay(const ExplanationStep& s) const {
    const Date day = s.from.value_or(s.date.AddDays(-1));
    std::string name;
    constexpr std::string_view kExtra = "extra:";
    if (s.detail.rfind(kExtra, 0) == 0) {
      name = s.detail.substr(kExtra.size());
    } else if (const std::string* known = lang_.DayName(s.detail)) {
      name = *known;
    }
    if (name.empty() || name == lang_.WeekdayName(day.weekday())) return LongDay(day);
    return FillPattern(lang_.Pattern(PatternId::kNamedDay),
                       {{"date", LongDay(day)}, {"name", name}});
  }

  // One sentence for the run of consecutive roll-over steps that starts at `first`; returns the
  // index of the last step of the run.
  size_t RollOvers(size_t first) {
    const std::vector<ExplanationStep>& steps = c_.legal_steps;
    std::vector<std::string> days;
    size_t last = first;
    for (size_t j = first; j < steps.size() && steps[j].kind == Kind::kRollOver; ++j) {
      if (j > first && steps[j].from != steps[j - 1].date) break;
      days.push_back(NonWorkingDay(steps[j]));
      last = j;
    }
    const std::string end = LongDay(steps[last].date);
    if (days.size() == 1) {
      Say(PatternId::kRollOverOne, {{"day", days.front()}, {"end", end}});
    } else {
      Say(PatternId::kRollOverMany, {{"days", FormatList(days, lang_)}, {"end", end}});
    }
    return last;
  }

  const DeadlineComputation& c_;
  const DeadlineRule& rule_;
  const Language& lang_;
  std::optional<Date> start_;
  std::vector<std::string> sentences_;
};

}  // namespace

std::string ExplainDeadline(const DeadlineComputation& computation, const DeadlineRule& rule,
                            const Language& language) {
  return Explainer(computation, rule, language).Run();
}

}  // namespace uitdaag
