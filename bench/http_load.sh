#!/usr/bin/env bash
# The HTTP load run (bench/README.md, "http"): `uitdaag serve` under wrk, next to a trivial Poco
# server with the same HTTPServer settings, in one run on 127.0.0.1.
#
#   bash bench/http_load.sh --uitdaag PATH --trivial PATH [--seconds S] [--connections N]
#                           [--threads N] [--cases N] [--timeout S] [--log-level L]
#                           [--drain-timeout S] [--keep-work] [--smoke]
#
# Builds nothing: it runs the binaries it is given (`bash bench/run.sh http` builds them first).
# In a temporary directory it starts `uitdaag serve` on a free loopback port with a fresh
# database and the request rate limit off (the run measures the service, not the limiter), logs
# in, submits --cases cases, waits until their letters are rendered, and runs wrk for --seconds
# with --connections connections on --threads threads, five times:
#   reads        GET /api/cases/{id}, bearer token of a case handler, rotating over the cases
#   case_page    GET /zaak/{id}, the resident's case page, each with its case's cookie
#   form_page    GET /uitdagen/uitdaagrecht/formulier, the first step of the form
#   submissions  POST /api/cases, each with a new Idempotency-Key
#   trivial      the reads' requests against uitdaag_trivial_http (a fixed 200 JSON answer)
# and prints requests/s, p50 and p99 latency and the errors of each, the ratio reads/trivial, and
# the ratios of the pages to the JSON case read (the same case, rendered as a page).
# After the submissions it reads the letters still pending (/health, "letters_pending") and polls
# until none is (at most --drain-timeout seconds, default 300): the time that took and the letters
# per second the worker stored meanwhile (/metrics) are printed too; letters still pending then
# fail the run.
# Any non-2xx answer or socket error fails the run (exit 1); so does a service that counted a
# non-2xx answer on the measured routes in its own /metrics. Exit 77: wrk or curl is missing
# (only with --smoke, which the test suite uses: 1 s runs, 2 connections, 5 cases).
# Everything is bounded in time; every process it started is stopped and the directory removed
# on exit (--keep-work keeps the directory).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lua_dir="$root/bench/http_load"
uitdaag="" trivial="" seconds=10 connections=8 threads=2 cases=200 timeout=5 keep_work=no smoke=no
drain_timeout=300
log_level=information  # the service's default: one log line per request

usage() {
  sed -n '5,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}
while [ "$#" -gt 0 ]; do
  case "$1" in
    --uitdaag) uitdaag="${2:?}"; shift ;;
    --trivial) trivial="${2:?}"; shift ;;
    --seconds) seconds="${2:?}"; shift ;;
    --connections) connections="${2:?}"; shift ;;
    --threads) threads="${2:?}"; shift ;;
    --cases) cases="${2:?}"; shift ;;
    --timeout) timeout="${2:?}"; shift ;;
    --log-level) log_level="${2:?}"; shift ;;
    --drain-timeout) drain_timeout="${2:?}"; shift ;;
    --keep-work) keep_work=yes ;;
    --smoke) smoke=yes seconds=1 connections=2 threads=1 cases=5 timeout=10 ;;
    -h|--help) usage 0 ;;
    *) echo "http_load: unknown option '$1'" >&2; usage 1 ;;
  esac
  shift
done
for n in "$seconds" "$connections" "$threads" "$cases" "$timeout" "$drain_timeout"; do
  case "$n" in ''|*[!0-9]*) echo "http_load: counts and durations are whole numbers" >&2; exit 1 ;; esac
done
if [ "$seconds" -lt 1 ] || [ "$seconds" -gt 300 ] || [ "$cases" -lt 1 ] || [ "$cases" -gt 5000 ] ||
   [ "$threads" -lt 1 ] || [ "$connections" -lt "$threads" ] || [ "$connections" -gt 1000 ] ||
   [ "$drain_timeout" -lt 1 ] || [ "$drain_timeout" -gt 3600 ]; then
  echo "http_load: --seconds 1..300, --cases 1..5000, --threads >= 1, --connections" \
       "from --threads to 1000, --drain-timeout 1..3600" >&2
  exit 1
fi

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "http_load: '$tool' is not installed (bash bench/setup.sh installs it)" >&2
    [ "$smoke" = yes ] && exit 77
    exit 1
  fi
done
for bin in "$uitdaag" "$trivial"; do
  if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "http_load: give the built binaries: --uitdaag build/bench/server/uitdaag" \
         "--trivial build/bench/bench/uitdaag_trivial_http (bash bench/run.sh http builds them)" >&2
    exit 1
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/uitdaag-http-load.XXXXXX")"
server_pid="" server_name="" wrk_pid=""
# Stops the server we started (SIGTERM, then SIGKILL after 15 s); with `check`, fails unless it
# stopped by itself with status 0 (a sanitizer report at exit is a failure too).
stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid=$server_pid status=0 stopped=no
  server_pid=""
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then stopped=yes; break; fi
    sleep 0.1
  done
  [ "$stopped" = yes ] || kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || status=$?
  if [ "${1:-}" = check ] && { [ "$stopped" = no ] || [ "$status" != 0 ]; }; then
    tail -n 20 "$work/$server_name.err" >&2
    fail "$server_name did not stop cleanly (stopped by itself: $stopped, status $status)"
  fi
}
cleanup() {
  if [ -n "$wrk_pid" ]; then
    kill -TERM "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
  fi
  stop_server
  if [ "$keep_work" = yes ]; then echo "http_load: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "http_load: $*" >&2; }
fail() { log "error: $*"; exit 1; }

# Starts a server (its output in $work/NAME.out) and sets `port` from its "listening on" line.
# `timeout` ends it even if this script is killed without running its trap.
start_server() {
  local name=$1; shift
  timeout --preserve-status $((3 * seconds + drain_timeout + 600)) "$@" >"$work/$name.out" 2>"$work/$name.err" &
  server_pid=$! server_name=$name
  port=""
  for _ in $(seq 1 300); do
    port="$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$work/$name.out" | head -1)"
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/$name.err" >&2
  fail "$name did not start"
}

http() {  # http METHOD PATH [curl options...]: the body on stdout, then the status on a line
  local method=$1 path=$2; shift 2
  curl -sS --max-time 10 -X "$method" "http://127.0.0.1:$port$path" -w '\n%{http_code}' "$@"
}

login() {  # login USER PASSWORD: prints the session token
  local answer
  answer="$(http POST /api/session -H 'Content-Type: application/json' \
            -d "{\"username\": \"$1\", \"password\": \"$2\"}")"
  [ "$(tail -n1 <<<"$answer")" = 201 ] || fail "login of $1 failed: $answer"
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$answer" | head -1
}

metric() {  # metric SERIES: its value in a fresh scrape (0 when absent)
  local scrape
  scrape="$(http GET /metrics -H "Authorization: Bearer $admin_token")"
  [ "$(tail -n1 <<<"$scrape")" = 200 ] || fail "GET /metrics: $scrape"
  awk -v s="$1" '$1 == s { v = $2 } END { print v + 0 }' <<<"$scrape"
}

letters_pending() {  # the service's own count of letters waiting for the worker (GET /health)
  local answer
  answer="$(http GET /health)"
  [ "$(tail -n1 <<<"$answer")" = 200 ] || fail "GET /health: $answer"
  sed -n 's/.*"letters_pending":\([0-9][0-9]*\).*/\1/p' <<<"$answer" | head -1 | grep . ||
    fail "GET /health has no letters_pending: $answer"
}

# Answers of a route that were not 2xx, according to the service's own metrics.
non_2xx() {
  local total=0 n
  for class in 1xx 3xx 4xx 5xx; do
    n="$(metric "uitdaag_http_requests_total{method=\"$1\",route=\"$2\",status=\"$class\"}")"
    total=$((total + n))
  done
  echo "$total"
}

# run_wrk NAME SCRIPT ARGS...: wrk against $port; stores the result line in $work/NAME.result.
run_wrk() {
  local name=$1 script=$2; shift 2
  log "$name: wrk -t$threads -c$connections -d${seconds}s --timeout ${timeout}s -s $(basename "$script")"
  # In the background, so that a signal ends this script (and wrk, in cleanup) at once.
  timeout $((seconds + 60)) wrk -t"$threads" -c"$connections" -d"${seconds}s" \
    --timeout "${timeout}s" -s "$script" "http://127.0.0.1:$port" -- "$@" \
    >"$work/$name.wrk" 2>&1 &
  wrk_pid=$!
  local status=0
  wait "$wrk_pid" || status=$?
  wrk_pid=""
  if [ "$status" != 0 ]; then
    cat "$work/$name.wrk" >&2
    fail "wrk failed for $name (status $status)"
  fi
  grep '^wrk-result ' "$work/$name.wrk" >"$work/$name.result" || {
    cat "$work/$name.wrk" >&2
    fail "wrk printed no result for $name"
  }
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$work/$1.result"; }

started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
log "started $started; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# --- the service: fresh database, rate limit off
cat >"$work/uitdaag.yaml" <<EOF
host: 127.0.0.1
port: 0
database: $work/load.db
workflows: $root/workflows
rate_limit_per_second: 0   # off: this run measures the service, not the limiter
log_level: $log_level
EOF
start_server uitdaag "$uitdaag" serve --config "$work/uitdaag.yaml"
log "uitdaag serve on port $port (its log: $work/uitdaag.err)"
password() { sed -n "s/^  $1  password \([^ ]*\).*/\1/p" "$work/uitdaag.out" | head -1; }
[ -n "$(password behandelaar)" ] || fail "no demo accounts printed by uitdaag serve"
staff_token="$(login behandelaar "$(password behandelaar)")"
admin_token="$(login admin "$(password admin)")"

log "submitting $cases cases"
ids=() case_pages=()
for i in $(seq 1 "$cases"); do
  answer="$(http POST /api/cases -H 'Content-Type: application/json' \
            -H "Idempotency-Key: setup-$i" --data-binary "@$root/examples/http/aanvraag.json")"
  [ "$(tail -n1 <<<"$answer")" = 201 ] || fail "submission $i: $answer"
  ids+=("$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$answer" | head -1)")
  token="$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$answer" | head -1)"
  case_pages+=("/zaak/${ids[-1]}|uitdaag_zaak=$token")
done

log "waiting for the letters of those cases (at most 120 s)"
for _ in $(seq 1 1200); do
  [ "$(metric 'uitdaag_outbox_items{status="pending"}')" = 0 ] && break
  sleep 0.1
done
[ "$(metric 'uitdaag_outbox_items{status="pending"}')" = 0 ] || fail "letters still pending"

run_wrk reads "$lua_dir/reads.lua" "$staff_token" "${ids[@]}"
[ "$(non_2xx GET '/api/cases/{id}')" = 0 ] || fail "the service answered reads with non-2xx"
# The resident's pages: the case page (each with its own case cookie) and the first form page.
run_wrk case_page "$lua_dir/pages.lua" "${case_pages[@]}"
[ "$(non_2xx GET '/zaak/{id}')" = 0 ] || fail "the service answered case pages with non-2xx"
run_wrk form_page "$lua_dir/pages.lua" "/uitdagen/uitdaagrecht/formulier"
[ "$(non_2xx GET '/uitdagen/{workflow}/formulier')" = 0 ] || fail "the service answered form pages with non-2xx"
run_wrk submissions "$lua_dir/submit.lua" "$root/examples/http/aanvraag.json" "load-$$"
[ "$(non_2xx POST /api/cases)" = 0 ] || fail "the service answered submissions with non-2xx"
[ "$(non_2xx any unmatched)" = 0 ] || fail "the service answered unrouted requests"
outbox_pending="$(metric 'uitdaag_outbox_items{status="pending"}')"

# --- the drain: how long the worker takes for the letters the burst left, with no load
letters_left="$(letters_pending)"
delivered_before="$(metric uitdaag_worker_letters_delivered_total)"
log "$letters_left letters pending after the submissions; waiting until none is" \
    "(at most $drain_timeout s)"
drain_start="$(date +%s.%N)" drained=no pending="$letters_left"
while :; do
  [ "$pending" = 0 ] && { drained=yes; break; }
  awk -v s="$drain_start" -v n="$(date +%s.%N)" -v t="$drain_timeout" 'BEGIN { exit !(n - s >= t) }' &&
    break
  sleep 0.2
  pending="$(letters_pending)"
done
drain_seconds="$(awk -v s="$drain_start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')"
drain_letters=$(($(metric uitdaag_worker_letters_delivered_total) - delivered_before))
drain_rate="$(awk -v n="$drain_letters" -v s="$drain_seconds" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')"
stop_server check

# --- the floor: the same requests against a fixed answer
start_server trivial "$trivial"
log "uitdaag_trivial_http on port $port"
run_wrk trivial "$lua_dir/reads.lua" "$staff_token" "${ids[@]}"
stop_server check

# --- report
printf '\nHTTP load, %s, %s s per run, %s connections, %s wrk threads, %s cases, %s cores;\n' \
       "$started" "$seconds" "$connections" "$threads" "$cases" "$(nproc)"
printf 'rate limit off, log level %s; wrk and the server share the machine\n\n' "$log_level"
printf '%-12s %12s %10s %10s %10s %10s %14s\n' run requests/s p50_ms p99_ms requests non-2xx socket_errors
errors=0
for run in reads case_page form_page submissions trivial; do
  printf '%-12s %12s %10s %10s %10s %10s %14s\n' "$run" "$(field "$run" rps)" \
         "$(field "$run" p50_ms)" "$(field "$run" p99_ms)" "$(field "$run" requests)" \
         "$(field "$run" status_errors)" "$(field "$run" socket_errors)"
  errors=$((errors + $(field "$run" status_errors) + $(field "$run" socket_errors)))
done
ratio="$(awk -v a="$(field reads rps)" -v b="$(field trivial rps)" 'BEGIN { printf "%.3f", a / b }')"
page_ratio() { awk -v a="$(field "$1" rps)" -v b="$(field reads rps)" 'BEGIN { printf "%.3f", a / b }'; }
printf '\ncase page / JSON case read: %s   form page / JSON case read: %s\n' \
       "$(page_ratio case_page)" "$(page_ratio form_page)"
printf 'reads / trivial: %s   (outbox items, letters and notifications, still pending after\n' \
       "$ratio"
printf 'the submissions: %s)\n' "$outbox_pending"
if [ "$drained" = yes ]; then
  printf 'letters pending after the submissions: %s; none pending %s s later (%s letters stored,\n' \
         "$letters_left" "$drain_seconds" "$drain_letters"
else
  printf 'letters pending after the submissions: %s; still %s pending after %s s (%s letters stored,\n' \
         "$letters_left" "$pending" "$drain_seconds" "$drain_letters"
fi
printf '%s letters/s)\n' "$drain_rate"
printf '{"part":"http","started":"%s","seconds":%s,"connections":%s,"threads":%s,"cases":%s,' \
       "$started" "$seconds" "$connections" "$threads" "$cases"
printf '"log_level":"%s",' "$log_level"
printf '"reads_rps":%s,"submissions_rps":%s,"trivial_rps":%s,"reads_over_trivial":%s,' \
       "$(field reads rps)" "$(field submissions rps)" "$(field trivial rps)" "$ratio"
printf '"case_page_rps":%s,"form_page_rps":%s,"case_page_over_reads":%s,"form_page_over_reads":%s,' \
       "$(field case_page rps)" "$(field form_page rps)" "$(page_ratio case_page)" "$(page_ratio form_page)"
printf '"letters_pending_after_submissions":%s,"drain_seconds":%s,"drained":%s,' \
       "$letters_left" "$drain_seconds" "$([ "$drained" = yes ] && echo true || echo false)"
printf '"drain_letters_per_second":%s}\n' "$drain_rate"
[ "$errors" = 0 ] || fail "$errors requests failed (non-2xx or socket errors)"
[ "$drained" = yes ] || fail "$pending letters still pending $drain_seconds s after the submissions"
