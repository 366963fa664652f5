#include "http/metrics.h"

#include <cstdio>

namespace uitdaag::http {
namespace {

constexpr std::array<const char*, 5> kClassNames = {"1xx", "2xx", "3xx", "4xx", "5xx"};
// kBounds as the exposition writes them.
constexpr std::array<const char*, RouteSeries::kBounds.size()> kBoundNames = {
    "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "10"};

// A label value: backslash, double quote and newline escaped (the format's only rules).
std::string Escaped(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Seconds(uint64_t nanoseconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", static_cast<double>(nanoseconds) / 1e9);
  return text;
}

void Family(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void Sample(std::string& out, const std::string& name, const std::string& labels,
            const std::string& value) {
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += ' ';
  out += value;
  out += '\n';
}

uint64_t Load(const std::atomic<uint64_t>& counter) {
  return counter.load(std::memory_order_relaxed);
}

}  // namespace

void RouteSeries::Record(int status, std::chrono::nanoseconds took) {
  const int status_class = status / 100 - 1;
  if (status_class >= 0 && status_class < static_cast<int>(by_class_.size())) {
    by_class_[static_cast<size_t>(status_class)].fetch_add(1, std::memory_order_relaxed);
  }
  const double seconds = std::chrono::duration<double>(took).count();
  size_t bucket = 0;
  while (bucket < kBounds.size() && seconds > kBounds[bucket]) ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_nanoseconds_.fetch_add(static_cast<uint64_t>(std::max<int64_t>(took.count(), 0)),
                             std::memory_order_relaxed);
}

Metrics::Metrics() : started_(std::chrono::steady_clock::now()) {}

RouteSeries* Metrics::Route(const std::string& method, const std::string& pattern) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& series : routes_) {
    if (series->method_ == method && series->route_ == pattern) return series.get();
  }
  routes_.push_back(std::make_unique<RouteSeries>(method, pattern));
  return routes_.back().get();
}

void Metrics::Record(RouteSeries& series, int status, std::chrono::nanoseconds took) {
  series.Record(status, took);
  if (status == 429) responses_429_.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::Exposition(const StoreGauges& store, size_t rate_limited_clients) const {
  std::vector<const RouteSeries*> series;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& s : routes_) series.push_back(s.get());
  }
  series.push_back(&unmatched_);

  std::string out;
  out.reserve(4096 + series.size() * 2048);
  Family(out, "uitdaag_http_requests_total", "counter",
         "Requests answered, by route pattern and status class.");
  for (const RouteSeries* s : series) {
    const std::string route =
        "method=\"" + Escaped(s->method_) + "\",route=\"" + Escaped(s->route_) + "\"";
    for (size_t c = 0; c < s->by_class_.size(); ++c) {
      const uint64_t n = Load(s->by_class_[c]);
      if (n > 0) {
        Sample(out, "uitdaag_http_requests_total", route + ",status=\"" + kClassNames[c] + "\"",
               std::to_string(n));
      }
    }
  }
  Family(out, "uitdaag_http_request_duration_seconds", "histogram",
         "Time from the request's arrival at the router to the answer sent, by route pattern.");
  for (const RouteSeries* s : series) {
    const std::string route =
        "method=\"" + Escaped(s->method_) + "\",route=\"" + Escaped(s->route_) + "\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b < s->buckets_.size(); ++b) {
      cumulative += Load(s->buckets_[b]);
      const std::string le = b < kBoundNames.size() ? kBoundNames[b] : "+Inf";
      Sample(out, "uitdaag_http_request_duration_seconds_bucket", route + ",le=\"" + le + "\"",
             std::to_string(cumulative));
    }
    Sample(out, "uitdaag_http_request_duration_seconds_sum", route,
           Seconds(Load(s->sum_nanoseconds_)));
    Sample(out, "uitdaag_http_request_duration_seconds_count", route, std::to_string(cumulative));
  }
  Family(out, "uitdaag_http_responses_429_total", "counter",
         "Requests refused with 429: the request rate limit and the login throttle.");
  Sample(out, "uitdaag_http_responses_429_total", "", std::to_string(Load(responses_429_)));
  Family(out, "uitdaag_http_rate_limit_clients", "gauge",
         "Client addresses the request rate limit tracks now.");
  Sample(out, "uitdaag_http_rate_limit_clients", "", std::to_string(rate_limited_clients));

  Family(out, "uitdaag_http_connections_open", "gauge", "Client connections open now.");
  Sample(out, "uitdaag_http_connections_open", "",
         std::to_string(open_connections_.load(std::memory_order_relaxed)));
  Family(out, "uitdaag_http_connections_refused_total", "counter",
         "Connections refused at accept: over the cap of one address (429) or of the service (503).");
  Sample(out, "uitdaag_http_connections_refused_total", "reason=\"per_address\"",
         std::to_string(Load(refused_per_address_)));
  Sample(out, "uitdaag_http_connections_refused_total", "reason=\"overloaded\"",
         std::to_string(Load(refused_overloaded_)));
  Family(out, "uitdaag_http_connections_timed_out_total", "counter",
         "Connections closed because a request head, body or answer missed its deadline.");
  Sample(out, "uitdaag_http_connections_timed_out_total", "", std::to_string(Load(timed_out_)));

  Family(out, "uitdaag_cases", "gauge", "Cases by workflow and current state.");
  for (const CaseStateCount& c : store.cases) {
    Sample(out, "uitdaag_cases",
           "workflow=\"" + Escaped(c.workflow_id) + "\",state=\"" + Escaped(c.state) + "\"",
           std::to_string(c.cases));
  }
  Family(out, "uitdaag_outbox_items", "gauge",
         "Effects in the outbox (letters, notifications): pending, or failed for good.");
  Sample(out, "uitdaag_outbox_items", "status=\"pending\"", std::to_string(store.outbox_pending));
  Sample(out, "uitdaag_outbox_items", "status=\"failed\"", std::to_string(store.outbox_failed));
  Family(out, "uitdaag_letters_pending", "gauge",
         "Letters the background worker has not rendered and stored yet (pending render_letter "
         "items of the outbox).");
  Sample(out, "uitdaag_letters_pending", "", std::to_string(store.letters_pending));

  Family(out, "uitdaag_worker_sweeps_total", "counter",
         "Sweeps for due deadlines the background worker ran.");
  Sample(out, "uitdaag_worker_sweeps_total", "", std::to_string(Load(sweeps_)));
  Family(out, "uitdaag_worker_letters_delivered_total", "counter",
         "Letters the background worker rendered and stored.");
  Sample(out, "uitdaag_worker_letters_delivered_total", "", std::to_string(Load(letters_)));

  const auto per_purpose = [&out](const char* name, const PerPurpose& counters) {
    Sample(out, name, "purpose=\"login\"", std::to_string(Load(counters[0])));
    Sample(out, name, "purpose=\"password_change\"", std::to_string(Load(counters[1])));
  };
  Family(out, "uitdaag_login_failures_total", "counter",
         "Wrong passwords (unknown or disabled accounts too), by what the password was for.");
  per_purpose("uitdaag_login_failures_total", login_failures_);
  Family(out, "uitdaag_login_refusals_total", "counter",
         "Password checks the login throttle refused (429) for their user name and address or "
         "their address.");
  per_purpose("uitdaag_login_refusals_total", login_refusals_);
  Family(out, "uitdaag_login_delayed_total", "counter",
         "Answers to a wrong password the login throttle delayed (a user name failing often).");
  per_purpose("uitdaag_login_delayed_total", login_delays_);

  Family(out, "uitdaag_uptime_seconds", "gauge", "Seconds since the service started.");
  const auto up = std::chrono::steady_clock::now() - started_;
  Sample(out, "uitdaag_uptime_seconds", "",
         Seconds(static_cast<uint64_t>(std::chrono::nanoseconds(up).count())));
  return out;
}

}  // namespace uitdaag::http
