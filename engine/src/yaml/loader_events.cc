// The `events:` and `deadlines:` sections of a workflow YAML.
#include <algorithm>

#include "loader_internal.h"
#include "uitdaag/join.h"

namespace uitdaag::loader_internal {

namespace {

void ReadEventRoles(LoadContext& ctx, const Entry& entry, EventDef& event) {
  auto roles = yaml_internal::ReadScalarList(ctx.doc, entry);
  if (!roles) return;
  for (const auto& role : *roles) {
    if (ctx.def.roles.count(role.text) == 0) {
      ctx.Error(role.where, UnknownName("role", role.text, KeysOf(ctx.def.roles)) +
                                " in the roles of event " + Quote(event.id));
      continue;
    }
    event.roles.push_back(role.text);
  }
}

void ReadEvent(LoadContext& ctx, const Entry& item) {
  EventDef event;
  event.id = item.key;
  event.where = item.key_where;
  Mapping map(ctx.doc, item.value, "event " + Quote(event.id), item.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"label", "roles", "form", "timer"});
  if (const Entry* e = map.Find("label"))
    event.label = yaml_internal::ReadText(ctx.doc, *e).value_or("");
  if (const Entry* e = map.Find("timer"))
    event.timer = yaml_internal::ReadBool(ctx.doc, *e).value_or(false);
  const Entry* roles = map.Find("roles");
  if (roles != nullptr) ReadEventRoles(ctx, *roles, event);
  if (event.timer && roles != nullptr) {
    ctx.Error(roles->key_where, "timer event " + Quote(event.id) +
                                    " is fired by a deadline, never by people: remove its 'roles'"
                                    " or its 'timer: true'");
  } else if (!event.timer && roles == nullptr) {
    ctx.Error(item.key_where, "event " + Quote(event.id) +
                                  " needs 'roles' (who may fire it), or 'timer: true' when a "
                                  "deadline fires it");
  } else if (!event.timer && roles->value.IsSequence() && roles->value.size() == 0) {
    ctx.Error(roles->value_where, "event " + Quote(event.id) + " needs at least one role");
  }
  const Entry* form_entry = map.Find("form");
  if (event.timer && form_entry != nullptr) {
    ctx.Error(form_entry->key_where,
              "timer event " + Quote(event.id) + " has no form: a deadline fires it without data");
  }
  if (const Entry* e = form_entry) {
    if (auto form = yaml_internal::ReadScalar(ctx.doc, *e)) {
      if (ctx.def.FindForm(form->text) == nullptr) {
        ctx.Error(form->where, UnknownName("form", form->text, KeysOf(ctx.def.forms)) +
                                   " for event " + Quote(event.id));
        ctx.events_with_unknown_form.insert(event.id);
      } else {
        event.form = form->text;
      }
    }
  }
  ctx.def.events.emplace(event.id, std::move(event));
}

// "MM-DD" -> MonthDay; a day that exists in a leap year.
std::optional<MonthDay> ParseMonthDay(std::string_view text) {
  if (text.size() != 5 || text[2] != '-') return std::nullopt;
  auto month = yaml_internal::ParseIntText(text.substr(0, 2));
  auto day = yaml_internal::ParseIntText(text.substr(3, 2));
  if (!month || !day || !Date::IsValidYmd(2024, static_cast<int>(*month), static_cast<int>(*day))) {
    return std::nullopt;
  }
  return MonthDay{static_cast<int>(*month), static_cast<int>(*day)};
}

void ReadPeriod(LoadContext& ctx, const Mapping& map, DeadlineDef& deadline) {
  const Entry* duration = map.Find("duration");
  const Entry* annual = map.Find("annual");
  if (duration != nullptr && annual != nullptr) {
    ctx.Error(annual->key_where, "deadline " + Quote(deadline.id) +
                                     " has both 'duration' and 'annual'; it needs one of them");
    return;
  }
  if (duration == nullptr && annual == nullptr) {
    ctx.Error(map.where(), "deadline " + Quote(deadline.id) +
                               " needs 'duration' (e.g. '8 weeks' or params.<id>) or 'annual' "
                               "(\"MM-DD\")");
    return;
  }
  if (duration != nullptr) {
    if (auto ref = ReadDurationRef(ctx, *duration)) {
      deadline.rule.kind = DeadlineRule::Kind::kPeriod;
      deadline.rule.period = ref->duration;
      deadline.duration_parameter = ref->parameter;
    }
    return;
  }
  if (auto text = yaml_internal::ReadScalar(ctx.doc, *annual)) {
    std::optional<MonthDay> day = ParseMonthDay(text->text);
    if (!day) {
      ctx.Error(text->where, "'annual' of deadline " + Quote(deadline.id) +
                                 " must be a day of the year as \"MM-DD\" (e.g. \"04-30\"), got " +
                                 Quote(text->text));
      return;
    }
    deadline.rule.kind = DeadlineRule::Kind::kAnnual;
    deadline.rule.annual = *day;
  }
}

void ReadOnExpire(LoadContext& ctx, const Entry& entry, DeadlineDef& deadline) {
  auto text = yaml_internal::ReadScalar(ctx.doc, entry);
  if (!text) return;
  std::vector<std::string> timers;
  for (const auto& [id, event] : ctx.def.events) {
    if (event.timer) timers.push_back(id);
  }
  const EventDef* event = ctx.def.FindEvent(text->text);
  if (event == nullptr) {
    ctx.Error(text->where, UnknownName("timer event", text->text, timers) +
                               " in 'on_expire' of deadline " + Quote(deadline.id));
    return;
  }
  if (!event->timer) {
    ctx.Error(text->where, "'on_expire' of deadline " + Quote(deadline.id) + " names event " +
                               Quote(event->id) + ", which people fire (roles: " +
                               JoinNames(event->roles) + "); it needs an event with 'timer: true'");
    return;
  }
  deadline.on_expire = event->id;
}

std::optional<PenaltyTier> ReadTier(LoadContext& ctx, const YAML::Node& node) {
  Mapping map(ctx.doc, node, "a penalty tier");
  if (!map.valid()) return std::nullopt;
  map.AllowOnly({"days", "per_day"});
  const Entry* days = map.Require("days");
  const Entry* per_day = map.Require("per_day", "euros per day");
  if (days == nullptr || per_day == nullptr) return std::nullopt;
  std::optional<long long> count = yaml_internal::ReadInt(ctx.doc, *days);
  std::optional<yaml_internal::Scalar> amount = yaml_internal::ReadScalar(ctx.doc, *per_day);
  if (!count || !amount) return std::nullopt;
  if (*count < 1 || *count > 10000) {
    ctx.Error(days->value_where, "'days' of a penalty tier must be a whole number from 1");
    return std::nullopt;
  }
  StatusOr<Money> money = Money::Parse(amount->text);
  if (!money.ok() || money->cents < 0) {
    ctx.Error(amount->where, "'per_day' must be an amount in euros (e.g. 23 or 23.50), got " +
                                 Quote(amount->text));
    return std::nullopt;
  }
  return PenaltyTier{static_cast<int>(*count), money->cents};
}

void ReadLatePenalty(LoadContext& ctx, const Entry& entry, DeadlineDef& deadline) {
  Mapping map(ctx.doc, entry.value, "'late_penalty' of deadline " + Quote(deadline.id),
              entry.key_where);
  if (!map.valid()) return;
  map.AllowOnly({"grace", "tiers"});
  PenaltyScheme scheme;
  if (const Entry* grace = map.Find("grace")) {
    if (auto ref = ReadDurationRef(ctx, *grace)) scheme.grace = ref->duration;
  }
  const Entry* tiers = map.Require("tiers", "a list of {days, per_day}");
  if (tiers == nullptr) return;
  if (!tiers->value.IsSequence() || tiers->value.size() == 0) {
    ctx.Error(tiers->value_where, "'tiers' must be a non-empty list of {days, per_day}");
    return;
  }
  for (const YAML::Node& node : tiers->value) {
    if (auto tier = ReadTier(ctx, node)) scheme.tiers.push_back(*tier);
  }
  deadline.late_penalty = std::move(scheme);
}

void ReadDeadline(LoadContext& ctx, const Entry& item) {
  DeadlineDef deadline;
  deadline.id = item.key;
  deadline.where = item.key_where;
  CheckIdentifier(ctx, deadline.id, item.key_where, "deadline");
  Mapping map(ctx.doc, item.value, "deadline " + Quote(deadline.id), item.key_where);
  if (!map.valid()) return;
  map.AllowOnly(
      {"label", "duration", "annual", "atw", "target", "warn_before", "on_expire", "late_penalty"});
  if (const Entry* e = map.Find("label"))
    deadline.label = yaml_internal::ReadText(ctx.doc, *e).value_or("");
  ReadPeriod(ctx, map, deadline);
  if (const Entry* e =
          map.Require("atw", "true or false: whether the Algemene termijnenwet applies")) {
    deadline.rule.atw = yaml_internal::ReadBool(ctx.doc, *e).value_or(false);
  }
  if (const Entry* e = map.Find("target")) {
    if (auto ref = ReadDurationRef(ctx, *e)) deadline.rule.target = ref->duration;
  }
  if (const Entry* e = map.Find("warn_before")) {
    if (auto ref = ReadDurationRef(ctx, *e)) deadline.rule.warn_before = ref->duration;
  }
  if (const Entry* e = map.Find("on_expire")) ReadOnExpire(ctx, *e, deadline);
  if (const Entry* e = map.Find("late_penalty")) ReadLatePenalty(ctx, *e, deadline);
  ctx.def.deadlines.emplace(deadline.id, std::move(deadline));
}

}  // namespace

void ReadEventsSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'events'", entry.key_where);
  for (const Entry& item : map.entries()) ReadEvent(ctx, item);
}

void ReadDeadlinesSection(LoadContext& ctx, const Entry& entry) {
  Mapping map(ctx.doc, entry.value, "section 'deadlines'", entry.key_where);
  for (const Entry& item : map.entries()) ReadDeadline(ctx, item);
}

}  // namespace uitdaag::loader_internal
