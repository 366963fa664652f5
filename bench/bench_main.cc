// uitdaag_bench: the benchmark of bench/README.md. Runs the parts asked for (all by default),
// then prints a summary table and one JSON line per part on stdout; progress goes to stderr.
//
//   uitdaag_bench [--part durable|pure|sweep|memory|letters]... [--large N] [--rounds N] [--seconds S]
//                 [--xstate-seconds S] [--source-dir DIR] [--data-dir DIR] [--node PATH]
//                 [--keep-work]
//   uitdaag_bench --probe-memory DB     (the child side of part memory)
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "bench_common.h"

namespace uitdaag::bench {
namespace {

const std::vector<std::string> kParts = {"durable", "pure", "sweep", "memory", "letters"};

void Usage(std::ostream& out) {
  out << "usage: uitdaag_bench [--part durable|pure|sweep|memory|letters]... [--large N] [--rounds N]\n"
         "                     [--seconds S] [--xstate-seconds S] [--source-dir DIR]\n"
         "                     [--data-dir DIR] [--node PATH] [--keep-work]\n"
         "       uitdaag_bench --probe-memory DB [--source-dir DIR]\n"
         "  --part      run only this part (repeatable; default: all four)\n"
         "  --large     cases in the big database of parts sweep and memory (default 1000000)\n"
         "  --rounds    interleaved rounds of parts durable and sweep (default 5, sweep at most 5)\n"
         "  --seconds   length of one measuring round of parts durable and pure (default 2)\n"
         "  --xstate-seconds  measuring time per workflow of the XState peer (default 5)\n"
         "  --data-dir  cached databases and temporary files (default <source>/build/bench-data)\n";
}

std::string Need(int& i, int argc, char** argv) {
  if (i + 1 >= argc) Die(std::string(argv[i]) + " needs a value");
  return argv[++i];
}

double PositiveNumber(const std::string& text, const std::string& flag) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(value > 0)) {
    Die(flag + " needs a positive number, got '" + text + "'");
  }
  return value;
}

void PrintTable(const std::vector<Row>& rows) {
  const std::vector<std::string> header = {"part", "measure", "value", "peer / limit",
                                           "ratio", "target", "result"};
  std::vector<std::vector<std::string>> cells;
  for (const Row& r : rows) {
    cells.push_back({r.part, r.what, r.value, r.reference, Fixed(r.ratio, 2), r.target,
                     !r.pass ? "info" : (*r.pass ? "PASS" : "MISS")});
  }
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    width[c] = header[c].size();
    for (const auto& row : cells) width[c] = std::max(width[c], row[c].size());
  }
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c] + std::string(width[c] - row[c].size(), ' ');
      if (c + 1 < row.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  };
  print(header);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  std::cout << std::string(total - 2, '-') << "\n";
  for (const auto& row : cells) print(row);
}

int Main(int argc, char** argv) {
  Options options;
#ifdef UITDAAG_SOURCE_DIR
  options.source_dir = UITDAAG_SOURCE_DIR;
#endif
  std::string probe_db;
  std::string data_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--part") {
      const std::string part = Need(i, argc, argv);
      if (std::find(kParts.begin(), kParts.end(), part) == kParts.end()) {
        Die("unknown part '" + part + "' (durable, pure, sweep, memory, letters)");
      }
      options.parts.push_back(part);
    } else if (arg == "--large") {
      const double n = PositiveNumber(Need(i, argc, argv), arg);
      if (n < 20'000 || n > 100'000'000) Die("--large must be between 20000 and 100000000");
      options.large = static_cast<int64_t>(n);
    } else if (arg == "--rounds") {
      const double n = PositiveNumber(Need(i, argc, argv), arg);
      if (n > 100) Die("--rounds must be at most 100");
      options.rounds = static_cast<int>(n);
    } else if (arg == "--seconds") {
      options.seconds = std::min(60.0, PositiveNumber(Need(i, argc, argv), arg));
    } else if (arg == "--xstate-seconds") {
      options.xstate_seconds = std::min(60.0, PositiveNumber(Need(i, argc, argv), arg));
    } else if (arg == "--source-dir") {
      options.source_dir = Need(i, argc, argv);
    } else if (arg == "--data-dir") {
      data_dir = Need(i, argc, argv);
    } else if (arg == "--node") {
      options.node = Need(i, argc, argv);
    } else if (arg == "--keep-work") {
      options.keep_work = true;
    } else if (arg == "--probe-memory") {
      probe_db = Need(i, argc, argv);
    } else if (arg == "-h" || arg == "--help") {
      Usage(std::cout);
      return 0;
    } else {
      Usage(std::cerr);
      Die("unknown argument '" + arg + "'");
    }
  }
  if (options.source_dir.empty()) Die("no --source-dir given");
  options.data_dir = data_dir.empty() ? options.source_dir + "/build/bench-data" : data_dir;
  if (!probe_db.empty()) return ProbeMemory(options, probe_db);
  if (options.parts.empty()) options.parts = kParts;

  const std::time_t started = std::time(nullptr);
  char when[64];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %Z", std::localtime(&started));
  Log(std::string("started ") + when + "; SQLite " + sqlite3_libversion() + "; " +
      std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores; parts: " + [&] {
        std::string list;
        for (const std::string& p : options.parts) list += (list.empty() ? "" : ",") + p;
        return list;
      }());

  std::vector<Row> rows;
  std::vector<std::string> json;
  for (const std::string& part : kParts) {
    if (std::find(options.parts.begin(), options.parts.end(), part) == options.parts.end()) continue;
    const auto start = SteadyClock::now();
    PartResult result = part == "durable" ? RunDurable(options)
                        : part == "pure"  ? RunPure(options)
                        : part == "sweep" ? RunSweep(options)
                        : part == "memory" ? RunMemory(options)
                                           : RunLetters(options);
    Log(part + ": done in " + Fixed(SecondsSince(start), 1) + " s");
    rows.insert(rows.end(), result.rows.begin(), result.rows.end());
    json.push_back(result.json);
  }
  std::cout << "\nuitdaag benchmark, " << when << ", SQLite " << sqlite3_libversion() << ", "
            << sysconf(_SC_NPROCESSORS_ONLN) << " cores\n\n";
  PrintTable(rows);
  std::cout << "\n";
  for (const std::string& line : json) std::cout << line << "\n";
  std::cout.flush();
  bool all_pass = true;
  for (const Row& r : rows) all_pass = all_pass && r.pass.value_or(true);
  return all_pass ? 0 : 2;
}

}  // namespace
}  // namespace uitdaag::bench

int main(int argc, char** argv) { return uitdaag::bench::Main(argc, argv); }
