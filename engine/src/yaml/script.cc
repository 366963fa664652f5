// Simulation scripts (uitdaag/script.h): a YAML list of dated events with expectations.
#include "uitdaag/script.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "yaml_reader.h"

namespace uitdaag {

namespace {

using yaml_internal::Document;
using yaml_internal::Entry;
using yaml_internal::Mapping;
using yaml_internal::Quote;

class ScriptReader {
 public:
  explicit ScriptReader(Document& doc) : doc_(doc) {}

  void Read(const YAML::Node& root, Script& script) {
    if (root.IsNull()) {
      doc_.Error(doc_.At(1, 1), "the script is empty (it needs 'steps')");
      return;
    }
    Mapping top(doc_, root, "the script", doc_.At(1, 1));
    if (!top.valid()) return;
    top.AllowOnly({"case", "start", "steps", "until", "applicant", "handler"});
    if (const Entry* e = top.Find("case"))
      script.case_id = yaml_internal::ReadText(doc_, *e).value_or(script.case_id);
    if (const Entry* e = top.Find("start")) script.start = ReadInstant(*e);
    if (const Entry* e = top.Require("steps", "a list of dated events")) ReadSteps(*e, script);
    if (const Entry* e = top.Find("until")) script.until = ReadInstant(*e);
    if (const Entry* e = top.Find("applicant")) script.applicant = ReadParty(*e);
    if (const Entry* e = top.Find("handler")) script.handler = ReadParty(*e);
    CheckOrder(script, top);
  }

 private:
  std::optional<Party> ReadParty(const Entry& entry) {
    Mapping map(doc_, entry.value, Quote(entry.key), entry.key_where);
    if (!map.valid()) return std::nullopt;
    std::vector<std::string_view> keys;
    for (const PartyField& f : kPartyFields) keys.push_back(f.key);
    map.AllowOnly(keys);
    Party party;
    for (const PartyField& f : kPartyFields) {
      if (const Entry* e = map.Find(f.key)) {
        party.*f.member = yaml_internal::ReadText(doc_, *e).value_or("");
      }
    }
    if (map.Require("name") == nullptr) return std::nullopt;
    return party;
  }

  std::optional<Instant> ReadInstant(const Entry& entry) {
    auto text = yaml_internal::ReadScalar(doc_, entry);
    if (!text) return std::nullopt;
    StatusOr<Instant> at = Instant::Parse(text->text);
    if (!at.ok()) {
      doc_.Error(text->where, Quote(entry.key) + ": " + Quote(text->text) +
                                  " is not a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM): " +
                                  at.status().message());
      return std::nullopt;
    }
    return *at;
  }

  // Scalars stay text (the engine's form validation coerces them); lists and mappings nest.
  std::optional<Value> ToValue(const YAML::Node& node) {
    if (node.IsNull()) return Value::Null();
    if (node.IsScalar()) return Value::Text(node.Scalar());
    if (node.IsSequence()) {
      ValueList items;
      for (const YAML::Node& item : node) {
        std::optional<Value> value = ToValue(item);
        if (!value) return std::nullopt;
        items.push_back(std::move(*value));
      }
      return Value::List(std::move(items));
    }
    std::optional<ValueRecord> record = ToRecord(node, "a record");
    if (!record) return std::nullopt;
    return Value::Record(std::move(*record));
  }

  std::optional<ValueRecord> ToRecord(const YAML::Node& node, const std::string& what) {
    Mapping map(doc_, node, what);
    if (!map.valid()) return std::nullopt;
    ValueRecord record;
    for (const Entry& entry : map.entries()) {
      std::optional<Value> value = ToValue(entry.value);
      if (!value) return std::nullopt;
      record.emplace(entry.key, std::move(*value));
    }
    return record;
  }

  void ReadDeadlines(const Entry& entry, Expectation& expect) {
    Mapping map(doc_, entry.value, "'expect.deadlines'", entry.key_where);
    for (const Entry& item : map.entries()) {
      auto text = yaml_internal::ReadScalar(doc_, item);
      if (!text) continue;
      StatusOr<Date> date = Date::Parse(text->text);
      if (!date.ok()) {
        doc_.Error(text->where, "expected end of deadline " + Quote(item.key) + ": " +
                                    Quote(text->text) +
                                    " is not a date (YYYY-MM-DD): " + date.status().message());
        continue;
      }
      expect.deadlines[item.key] = *date;
    }
  }

  void ReadRejected(const Entry& entry, Expectation& expect) {
    auto text = yaml_internal::ReadScalar(doc_, entry);
    if (!text) return;
    std::string known;
    for (StatusCode code : kAllStatusCodes) {
      if (code == StatusCode::kOk) continue;
      if (text->text == StatusCodeName(code)) {
        expect.rejected = code;
        return;
      }
      if (!known.empty()) known += ", ";
      known += StatusCodeName(code);
    }
    doc_.Error(text->where, "unknown status code " + Quote(text->text) +
                                " in 'rejected' (known: " + known + ")");
  }

  Expectation ReadExpect(const Entry& entry) {
    Expectation expect;
    Mapping map(doc_, entry.value, "'expect'", entry.key_where);
    map.AllowOnly({"state", "deadlines", "letters", "rejected", "data"});
    for (const Entry& item : map.entries()) {
      if (item.key == "state") expect.state = yaml_internal::ReadText(doc_, item);
      if (item.key == "deadlines") ReadDeadlines(item, expect);
      if (item.key == "rejected") ReadRejected(item, expect);
      if (item.key == "data") {
        expect.data = ToRecord(item.value, "'expect.data'").value_or(ValueRecord{});
      }
      if (item.key == "letters") {
        if (auto letters = yaml_internal::ReadScalarList(doc_, item)) {
          std::vector<std::string> names;
          for (const auto& letter : *letters) names.push_back(letter.text);
          expect.letters = std::move(names);
        }
      }
    }
    return expect;
  }

  void ReadStep(const YAML::Node& node, const SourceLocation& fallback, Script& script) {
    ScriptStep step;
    step.where = doc_.Where(node);
    if (step.where.line == 0) step.where = fallback;
    Mapping map(doc_, node, "a step", step.where);
    if (!map.valid()) return;
    map.AllowOnly({"at", "event", "role", "actor", "data", "expect", "advance"});
    const Entry* at = map.Require("at", "when it happens: YYYY-MM-DD or YYYY-MM-DDTHH:MM");
    std::optional<Instant> when = at != nullptr ? ReadInstant(*at) : std::nullopt;
    if (const Entry* e = map.Find("advance")) {
      step.advance_only = yaml_internal::ReadBool(doc_, *e).value_or(false);
    }
    const Entry* event = map.Find("event");
    if (step.advance_only && event != nullptr) {
      doc_.Error(event->key_where, "a step with 'advance: true' has no 'event'");
    } else if (!step.advance_only && event == nullptr) {
      doc_.Error(step.where, "a step needs 'event' (or 'advance: true' to only let time pass)");
    }
    if (event != nullptr) step.event.id = yaml_internal::ReadText(doc_, *event).value_or("");
    if (const Entry* e = map.Find("role"))
      step.event.role = yaml_internal::ReadText(doc_, *e).value_or("");
    if (const Entry* e = map.Find("actor"))
      step.event.actor = yaml_internal::ReadText(doc_, *e).value_or("");
    if (const Entry* e = map.Find("data")) {
      step.event.payload = ToRecord(e->value, "'data'").value_or(ValueRecord{});
    }
    if (const Entry* e = map.Find("expect")) step.expect = ReadExpect(*e);
    if (!when) return;
    step.at = *when;
    step.event.at = *when;
    script.steps.push_back(std::move(step));
  }

  void ReadSteps(const Entry& entry, Script& script) {
    if (!entry.value.IsSequence()) {
      doc_.Error(entry.value_where, "'steps' must be a list of steps, got " +
                                        yaml_internal::DescribeNode(entry.value));
      return;
    }
    for (const YAML::Node& node : entry.value) ReadStep(node, entry.value_where, script);
  }

  void CheckOrder(const Script& script, const Mapping& top) {
    std::optional<Instant> previous = script.start;
    for (const ScriptStep& step : script.steps) {
      if (previous && step.at < *previous) {
        doc_.Error(step.where, "steps must be in time order: this step (" +
                                   step.at.ToLocalString() + ") lies before " +
                                   previous->ToLocalString());
      }
      previous = step.at;
    }
    if (script.until && previous && *script.until < *previous) {
      const Entry* until = top.Find("until");
      doc_.Error(until != nullptr ? until->value_where : top.where(),
                 "'until' lies before the last step");
    }
  }

  Document& doc_;
};

}  // namespace

StatusOr<Script> LoadScriptText(std::string_view yaml, const std::string& file_name) {
  Document doc(file_name, yaml);
  Script script;
  script.file = file_name;
  try {
    std::optional<YAML::Node> root = doc.Parse();
    if (root) ScriptReader(doc).Read(*root, script);
  } catch (const std::exception& e) {
    doc.Error(doc.At(0, 0), std::string("internal error while reading the script: ") + e.what());
  }
  if (doc.error_count() == 0) return script;
  std::string message;
  for (const Diagnostic& diagnostic : doc.TakeDiagnostics()) {
    if (diagnostic.severity != Diagnostic::Severity::kError) continue;
    if (!message.empty()) message += "\n";
    message += diagnostic.where.ToString() + ": " + diagnostic.message;
  }
  return Status::InvalidArgument(message, file_name);
}

StatusOr<Script> LoadScriptFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::IoError(path + ": cannot read the script file", path);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in.is_open() || in.bad())
    return Status::IoError(path + ": cannot read the script file", path);
  return LoadScriptText(text.str(), path);
}

}  // namespace uitdaag
