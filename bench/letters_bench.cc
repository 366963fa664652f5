// Part letters: rendering letters of the default workflow, as HTML only (context, Mustache,
// document) and as HTML plus PDF (the same plus Cairo/Pango typesetting), on one thread. The
// letters are those the example case examples/scripts/uitdaagrecht-toegewezen.yaml sends (eight
// different templates, one to three pages), rendered round-robin. Reports letters per second for
// both, the ratio PDF / HTML of the time per letter, and checks the PDF rate against a floor.
#include <string>
#include <vector>

#include "bench_common.h"
#include "uitdaag/letter_renderer.h"
#include "uitdaag/profile.h"
#include "uitdaag/simulated_letters.h"
#include "uitdaag/simulator.h"

namespace uitdaag::bench {
namespace {

constexpr int64_t kMaxLetters = 1'000'000;
// A sweep that sends a thousand letters should not take more than 20 s on one core.
constexpr double kPdfFloor = 50;

// Letters per second over about `seconds`, rendering the samples round-robin.
double Measure(const LetterRenderer& renderer, const std::vector<SimulatedLetter>& samples,
               LetterFormats formats, double seconds, size_t* bytes) {
  const auto start = SteadyClock::now();
  int64_t letters = 0;
  *bytes = 0;
  while (letters < kMaxLetters) {
    LetterRequest request = samples[static_cast<size_t>(letters) % samples.size()].request;
    request.formats = formats;
    RenderedLetter letter =
        ValueOrDie(renderer.Render(request), "rendering " + request.template_name);
    *bytes += formats == LetterFormats::kHtmlOnly ? letter.html.size() : letter.pdf.size();
    ++letters;
    if (letters % static_cast<int64_t>(samples.size()) == 0 && SecondsSince(start) >= seconds) {
      break;
    }
  }
  return static_cast<double>(letters) / SecondsSince(start);
}

}  // namespace

PartResult RunLetters(const Options& options) {
  auto def = LoadWorkflowOrDie(options.source_dir + "/workflows/uitdaagrecht.yaml");
  LetterAssetsResult assets = LoadLetterAssets({def.get()});
  if (!assets.ok()) Die("letters: the shipped templates do not load");
  ProfileLoadResult profile = LoadProfileFile(options.source_dir + "/templates/profile.yaml");
  if (!profile.ok()) Die("letters: the shipped profile does not load");
  const LetterRenderer renderer(std::move(assets.by_dir), std::move(*profile.profile));
  const Script script = ValueOrDie(
      LoadScriptFile(options.source_dir + "/examples/scripts/uitdaagrecht-toegewezen.yaml"),
      "loading the example case");
  const SimulationResult run = Simulate(*def, script);
  if (!run.ok()) Die("letters: the example case does not run: " + run.failures.front());
  const std::vector<SimulatedLetter> samples = LettersOf(*def, run, script);
  if (samples.empty()) Die("letters: the example case sends no letters");

  // Warm up both paths (font set-up, first allocations), then alternate rounds.
  size_t bytes = 0;
  Measure(renderer, samples, LetterFormats::kHtmlAndPdf, 0.2, &bytes);
  std::vector<double> html_rates, pdf_rates;
  size_t html_bytes = 0, pdf_bytes = 0;
  for (int round = 0; round < 3; ++round) {
    html_rates.push_back(Measure(renderer, samples, LetterFormats::kHtmlOnly,
                                 options.seconds / 2, &html_bytes));
    pdf_rates.push_back(Measure(renderer, samples, LetterFormats::kHtmlAndPdf,
                                options.seconds / 2, &pdf_bytes));
    Log("letters: round " + std::to_string(round + 1) + ": HTML " +
        Thousands(html_rates.back()) + "/s, PDF " + Thousands(pdf_rates.back()) + "/s");
  }
  const double html = Median(html_rates);
  const double pdf = Median(pdf_rates);
  const double ratio = html / pdf;  // time per PDF letter / time per HTML letter

  PartResult result;
  result.rows.push_back({"letters", "HTML letters (" + std::to_string(samples.size()) +
                                        " templates)",
                         Thousands(html) + " letters/s", "", 0, "", std::nullopt});
  result.rows.push_back({"letters", "PDF letters (HTML + PDF)", Thousands(pdf) + " letters/s",
                         Thousands(kPdfFloor) + " letters/s (floor)", pdf / kPdfFloor, ">= 1",
                         pdf >= kPdfFloor});
  result.rows.push_back({"letters", "time per letter, PDF / HTML", Fixed(ratio, 1) + "x",
                         Thousands(html) + " HTML letters/s", ratio, "", std::nullopt});
  result.json = "{\"part\":\"letters\",\"templates\":" + std::to_string(samples.size()) +
                ",\"html_letters_per_second\":" + JsonNumber(html) +
                ",\"pdf_letters_per_second\":" + JsonNumber(pdf) +
                ",\"pdf_to_html_time_ratio\":" + JsonNumber(ratio) +
                ",\"pdf_floor\":" + JsonNumber(kPdfFloor) + "}";
  return result;
}

}  // namespace uitdaag::bench
