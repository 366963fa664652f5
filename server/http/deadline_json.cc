#include "http/deadline_json.h"

#include <Poco/JSON/Array.h>

#include "uitdaag/engine.h"
#include "uitdaag/letter_format.h"

namespace uitdaag::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Poco::Dynamic::Var OptionalDate(const std::optional<Date>& date) {
  return date ? Poco::Dynamic::Var(date->ToIsoString()) : Poco::Dynamic::Var();
}

std::string Euros(long long cents) {
  return Money{cents}.ToString();
}

void AddHistory(Object& d, const DeadlineTrack& track, const Language* language) {
  Array::Ptr suspensions = new Array();
  for (const Suspension& s : track.suspensions) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("start", s.from.ToIsoString());
    o->set("end", OptionalDate(s.until));
    o->set("reason", s.reason);
    suspensions->add(o);
  }
  d.set("suspensions", suspensions);
  Array::Ptr extensions = new Array();
  for (const Extension& x : track.extensions) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("on", x.on.ToIsoString());
    o->set("by", x.by.ToString());
    if (language != nullptr) o->set("by_text", FormatDuration(x.by, *language));
    o->set("reason", x.reason);
    extensions->add(o);
  }
  d.set("extensions", extensions);
}

}  // namespace

Object::Ptr ExposureJson(const PenaltyExposure& e) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("late", e.late);
  o->set("days_late", e.days_late);
  o->set("notice_of_default", OptionalDate(e.notice));
  o->set("accrues_from", OptionalDate(e.accrues_from));
  o->set("penalty_days", e.penalty_days);
  o->set("accrued", Euros(e.accrued_cents));
  o->set("maximum", Euros(e.maximum_cents));
  return o;
}

Poco::JSON::Object::Ptr DeadlineJson(const WorkflowDefinition& def, const CaseSnapshot& snapshot,
                                     const std::string& id, Date today, const Language* language,
                                     DeadlineDetail detail) {
  const auto it = snapshot.deadlines.find(id);
  const DeadlineDef* dd = def.FindDeadline(id);
  StatusOr<DeadlineComputation> c = ComputeCaseDeadline(def, snapshot, id, today);
  if (it == snapshot.deadlines.end() || dd == nullptr || !c.ok()) return nullptr;
  const DeadlineTrack& track = it->second;
  const bool full = detail == DeadlineDetail::kFull;
  Object::Ptr d = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  d->set("id", id);
  d->set("label", dd->label);
  d->set("status", DeadlineStatusName(track.status));
  if (full) {
    d->set("round", track.round);
    d->set("started_by", track.started_by);
    d->set("start", track.start.ToIsoString());
  }
  d->set("legal_end", c->legal_end.ToIsoString());
  if (c->target_end) d->set("target", c->target_end->ToIsoString());
  d->set("provisional", c->provisional);
  if (full) {
    d->set("warn_on", OptionalDate(c->warn_on));
    d->set("stopped_on", OptionalDate(track.stopped_on));
    d->set("notice_of_default", OptionalDate(track.notice_of_default));
    AddHistory(*d, track, language);
  }
  if (language != nullptr) d->set("explanation", ExplainDeadline(*c, dd->rule, *language));
  if (full) {
    const std::optional<PenaltyExposure> exposure = ComputeCaseExposure(def, snapshot, id, today);
    if (exposure) d->set("exposure", ExposureJson(*exposure));
  }
  return d;
}

}  // namespace uitdaag::http
