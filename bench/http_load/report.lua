-- The summary line bench/http_load.sh reads, printed by wrk's done() (loaded by the other
-- scripts of this folder). Latencies in milliseconds; socket errors are connect, read, write and
-- timeout errors; status errors are answers with a status of 400 or more (wrk's own count).
local report = {}

function report.done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "wrk-result requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "status_errors=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return report
