// Shared helpers of the benchmark (bench_common.h).
#include "bench_common.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "uitdaag/loader.h"

namespace uitdaag::bench {

namespace fs = std::filesystem;

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void Die(const std::string& message) {
  std::cerr << "uitdaag_bench: error: " << message << std::endl;
  std::exit(1);
}

void Log(const std::string& message) { std::cerr << "uitdaag_bench: " << message << std::endl; }

void OkOrDie(const Status& status, const std::string& doing) {
  if (!status.ok()) Die(doing + ": " + status.ToString());
}

std::shared_ptr<const WorkflowDefinition> LoadWorkflowOrDie(const std::string& path) {
  LoadResult loaded = LoadWorkflowFile(path);
  if (!loaded.ok()) {
    std::string text;
    for (const Diagnostic& d : loaded.diagnostics) text += "\n  " + d.ToString();
    Die("cannot load " + path + ":" + text);
  }
  return loaded.definition;
}

BenchPath LoadPathOrDie(const std::string& path) {
  Script script = ValueOrDie(LoadScriptFile(path), "loading " + path);
  BenchPath p;
  p.file = path;
  if (script.steps.empty()) Die(path + " has no steps");
  p.start = script.start ? *script.start : script.steps.front().at;
  for (const ScriptStep& step : script.steps) {
    // The benchmark paths are user events only, as for the XState peer.
    if (step.advance_only || step.expect.rejected || !step.expect.state) {
      Die(path + ": every step must be an accepted event with `expect: state`");
    }
    Event event = step.event;
    event.at = step.at;
    if (event.actor.empty()) event.actor = event.role + "-1";
    p.events.push_back(std::move(event));
    p.expected.push_back(*step.expect.state);
  }
  return p;
}

WorkflowCase LoadWorkflowCase(const Options& options, const std::string& name) {
  WorkflowCase w;
  w.name = name;
  const std::string yaml = name == "linear" ? options.source_dir + "/bench/workflows/linear.yaml"
                                            : options.source_dir + "/workflows/" + name + ".yaml";
  w.definition = LoadWorkflowOrDie(yaml);
  w.path = LoadPathOrDie(options.source_dir + "/bench/paths/" + name + ".yaml");
  return w;
}

std::string Thousands(double value) {
  const bool negative = value < 0;
  auto n = static_cast<long long>(std::llround(std::fabs(value)));
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string Fixed(double value, int digits) {
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", digits, value);
  return buffer.data();
}

std::string JsonNumber(double value, int digits) {
  if (!std::isfinite(value)) return "null";
  std::string text = Fixed(value, digits);
  // Trim trailing zeros of the fraction ("1.500" -> "1.5", "2.000" -> "2").
  if (text.find('.') != std::string::npos) {
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
  }
  return text;
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          std::array<char, 8> buffer{};
          std::snprintf(buffer.data(), buffer.size(), "\\u%04x", static_cast<unsigned>(c));
          out += buffer.data();
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

TempDir::TempDir(const Options& options, const std::string& tag) : keep_(options.keep_work) {
  fs::create_directories(options.data_dir);
  std::string pattern = options.data_dir + "/tmp-" + tag + "-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) Die("cannot create a directory like " + pattern);
  path_ = buffer.data();
}

TempDir::~TempDir() {
  if (keep_) {
    Log("kept " + path_);
    return;
  }
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

void RemoveDatabase(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ignored);
}

void CopyDatabase(const std::string& from, const std::string& to) {
  RemoveDatabase(to);
  std::error_code error;
  for (const char* suffix : {"-wal", "-shm"}) {
    if (fs::exists(from + suffix)) Die(from + suffix + " exists: the database was not closed cleanly");
  }
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, error);
  if (error) Die("cannot copy " + from + " to " + to + ": " + error.message());
  // Write the copy out now, so that the kernel's background writeback of gigabytes does not
  // compete with the fsyncs being measured; then drop the source from the page cache, so that
  // the copy, not the cached original, is what stays in memory.
  const int out = ::open(to.c_str(), O_RDONLY);
  if (out < 0 || ::fdatasync(out) != 0) Die("cannot flush " + to);
  ::close(out);
  const int in = ::open(from.c_str(), O_RDONLY);
  if (in >= 0) {
    ::posix_fadvise(in, 0, 0, POSIX_FADV_DONTNEED);
    ::close(in);
  }
}

int64_t FileBytes(const std::string& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? -1 : static_cast<int64_t>(size);
}

std::string RunChild(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) Die("cannot run: " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  const int rc = ::pclose(pipe);
  if (rc != 0) Die("child failed (status " + std::to_string(rc) + "): " + command);
  return output;
}

std::string SelfPath() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) Die("cannot find this executable: " + error.message());
  return self.string();
}

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

namespace {

// The text after "key": in `line`, or npos.
size_t ValueStart(const std::string& line, const std::string& key) {
  const std::string needle = "\"" + key + "\":";
  const size_t at = line.find(needle);
  return at == std::string::npos ? at : at + needle.size();
}

}  // namespace

std::optional<double> JsonField(const std::string& line, const std::string& key) {
  const size_t at = ValueStart(line, key);
  if (at == std::string::npos) return std::nullopt;
  const char* begin = line.c_str() + at;
  char* end = nullptr;
  const double value = std::strtod(begin, &end);
  if (end == begin) return std::nullopt;
  return value;
}

std::optional<std::string> JsonTextField(const std::string& line, const std::string& key) {
  const size_t at = ValueStart(line, key);
  if (at == std::string::npos || at >= line.size() || line[at] != '"') return std::nullopt;
  const size_t end = line.find('"', at + 1);
  if (end == std::string::npos) return std::nullopt;
  return line.substr(at + 1, end - at - 1);
}

}  // namespace uitdaag::bench
