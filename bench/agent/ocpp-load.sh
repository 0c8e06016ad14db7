#!/usr/bin/env bash
# OCPP load on the agent: N chargers connect and boot, then a sustained rate of CALLs, mostly transaction
# messages the agent answers only after PostgreSQL committed them, then optionally a reconnect storm.
# Prints latencies, throughput, the agent's memory per connection and checks the ledger exactly once.
# Run in the build environment after building bench-ocpp-load and voltdesk-agent (docs/BENCHMARKS.md):
#   scripts/env-run bash bench/agent/ocpp-load.sh [--count 10000] [--rate 5000] [--duration 60] [--storm]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/lib/services.sh
source "$repo/scripts/lib/services.sh"
# shellcheck source=lib/agent_stack.sh
source "$repo/bench/agent/lib/agent_stack.sh"

usage() {
  cat <<USAGE
usage: bench/agent/ocpp-load.sh [options]
  --count N          chargers (default 10000)
  --rate R           CALLs per second, all chargers together (default 5000)
  --duration S       seconds of measured load, after a 5 s warm-up (default 60; 0: no load)
  --storm            after the load, drop every connection and reconnect all at once
  --basic            StatusNotification and Heartbeat only (no transaction messages)
  --connect-rate R   connections per second while connecting (default 2000)
  --meter-values K   MeterValues per charging session (default 6)
  --io-threads N     the agent's I/O threads (default 2, one per core)
  --bin DIR          where voltdesk-agent and bench-ocpp-load are (default build/bench/bin)
  --data-parent DIR  where the scratch directory (database, logs) is made (default build/, on disk, so
                     every commit waits for the disk; /tmp is a tmpfs in the build environment)
  --keep             keep the scratch directory (logs, database)
USAGE
}

count=10000; rate=5000; duration=60; storm=0; basic=0; connect_rate=2000; meter_values=6; io_threads=2
bin="$repo/build/bench/bin"
data_parent="$repo/build"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=${2:?}; shift ;;
    --rate) rate=${2:?}; shift ;;
    --duration) duration=${2:?}; shift ;;
    --storm) storm=1 ;;
    --no-storm) storm=0 ;;
    --basic) basic=1 ;;
    --connect-rate) connect_rate=${2:?}; shift ;;
    --meter-values) meter_values=${2:?}; shift ;;
    --io-threads) io_threads=${2:?}; shift ;;
    --bin) bin=$(cd "${2:?}" && pwd); shift ;;
    --data-parent) data_parent=${2:?}; shift ;;
    --keep) bench_keep=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; svc_die "unknown option $1" ;;
  esac
  shift
done
for b in voltdesk-agent bench-ocpp-load; do
  [ -x "$bin/$b" ] || svc_die "$bin/$b missing: scripts/env-run ninja -C build/bench bench-ocpp-load voltdesk-agent"
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -r); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "agent: $bin/voltdesk-agent ($("$bin/voltdesk-agent" --version | head -n1)), --io-threads $io_threads; repository at $(cd "$repo" && git rev-parse --short HEAD)"

bench_stack_start "$data_parent"
echo "database: $bench_scratch ($(df --output=fstype "$bench_scratch" | tail -n1), fsync on)"
bench_pg_statement_stats
log="$bench_scratch/agent.log"
agent_flags=(--agent-id bench --log-level warn --io-threads "$io_threads")
# A first start creates the schema; the id tags the chargers present are then in the database before the
# agent that is measured loads them, so every StartTransaction is Accepted (as in a real network).
bench_agent_start "$bin" "$log" "${agent_flags[@]}"
bench_agent_stop
if [ "$(bench_psql -c "SELECT to_regclass('id_tags') IS NOT NULL")" = t ]; then
  bench_psql -c "INSERT INTO id_tags (id_tag) SELECT 'TAG' || g FROM generate_series(1, $count) AS g"
else
  echo "warning: this agent has no id_tags table; its answers to StartTransaction will not be Accepted"
fi
bench_agent_start "$bin" "$log" "${agent_flags[@]}"
agent=$bench_agent_pid
echo "agent url: $bench_agent_url"
sleep 1
rss_before=$(bench_rss_kb "$agent")

gen_flags=(--url "$bench_agent_url" --count "$count" --rate "$rate" --duration "$duration"
           --connect-rate "$connect_rate" --meter-values "$meter_values" --pause 5)
[ "$storm" = 1 ] && gen_flags+=(--storm)
[ "$basic" = 1 ] && gen_flags+=(--basic)
gen_log="$bench_scratch/generator.log"
: >"$gen_log"
"$bin/bench-ocpp-load" "${gen_flags[@]}" >"$gen_log" 2>&1 &
gen=$!
bench_pids+=("$gen")

# Follow the generator: print its lines as they come, read the agent's memory and everyone's CPU at its
# markers ("== pause after connect", "== load", "== pause after load").
rss_connected=""; rss_loaded=""; shown=0; cpu_load_start=""; cpu_load=""; storm_drops=""; storm_cpu_end=""
pg_pids() { bench_pg_pids; }
cpu_snapshot() { echo "$(bench_cpu_s "$agent") $(bench_cpu_s $(pg_pids)) $(bench_cpu_s "$gen")"; }
while true; do
  running=1; kill -0 "$gen" 2>/dev/null || running=0
  total=$(wc -l <"$gen_log")
  if [ "$total" -gt "$shown" ]; then
    sed -n "$((shown + 1)),${total}p" "$gen_log"
    shown=$total
  fi
  if [ -z "$rss_connected" ] && grep -q '^== pause after connect' "$gen_log"; then
    sleep 3; rss_connected=$(bench_rss_kb "$agent")
  fi
  if [ -z "$cpu_load_start" ] && grep -q '^== load' "$gen_log"; then
    cpu_load_start=$(cpu_snapshot); load_start_ns=$(date +%s%N)
    bench_thread_ticks "$agent" >"$bench_scratch/threads-0"
    bench_psql -c "SELECT pg_stat_statements_reset()" >/dev/null
    commits_start=$(bench_psql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
  fi
  if [ -z "$rss_loaded" ] && grep -q '^== pause after load' "$gen_log"; then
    cpu_load=$(cpu_snapshot); load_ns=$(( $(date +%s%N) - load_start_ns ))
    bench_thread_ticks "$agent" >"$bench_scratch/threads-1"
    commits_load=$(( $(bench_psql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()") - commits_start ))
    sleep 3; rss_loaded=$(bench_rss_kb "$agent")
  fi
  if [ -z "$storm_drops" ] && grep -q '^== storm' "$gen_log"; then
    storm_drops=$(bench_listen_drops); storm_cpu=$(cpu_snapshot); storm_ns=$(date +%s%N)
  fi
  if [ -n "$storm_drops" ] && [ -z "$storm_cpu_end" ] && grep -q '^storm: all .* reported every connector' "$gen_log"; then
    storm_cpu_end=$(cpu_snapshot); storm_ns=$(( $(date +%s%N) - storm_ns ))
  fi
  [ "$running" = 1 ] || break
  sleep 0.2
done
gen_rc=0; wait "$gen" || gen_rc=$?
if [ -n "$storm_drops" ]; then
  echo "storm: SYNs the kernel dropped because the listen queue was full (host-wide): $(( $(bench_listen_drops) - storm_drops ))"
  if [ -n "$storm_cpu_end" ]; then
    read -r a0 p0 g0 <<<"$storm_cpu"
    read -r a1 p1 g1 <<<"$storm_cpu_end"
    awk -v s="$storm_ns" -v a0="$a0" -v a1="$a1" -v p0="$p0" -v p1="$p1" -v g0="$g0" -v g1="$g1" \
      'BEGIN {s /= 1e9; printf "CPU during the storm (%.1f s, from the drop, of 2 cores = 200 %%): agent %.0f %%, PostgreSQL %.0f %%, generator %.0f %%\n", s, 100 * (a1 - a0) / s, 100 * (p1 - p0) / s, 100 * (g1 - g0) / s}'
  fi
fi

echo "== agent memory (VmRSS)"
echo "agent rss before any charger: $rss_before KiB"
if [ -n "$rss_connected" ]; then
  echo "agent rss with $count chargers connected and booted: $rss_connected KiB"
  echo "agent memory per connection: $(( (rss_connected - rss_before) * 1024 / count )) bytes ($(awk -v a="$rss_connected" -v b="$rss_before" -v n="$count" 'BEGIN {printf "%.1f", (a - b) * 1.024 / n}') KB)"
fi
[ -n "$rss_loaded" ] && echo "agent rss after the load: $rss_loaded KiB"
echo "agent rss at the end: $(bench_rss_kb "$agent") KiB"
if [ -n "$cpu_load" ]; then
  read -r a0 p0 g0 <<<"$cpu_load_start"
  read -r a1 p1 g1 <<<"$cpu_load"
  awk -v s="$load_ns" -v a="$(awk -v x="$a1" -v y="$a0" 'BEGIN {print x - y}')" \
      -v p="$(awk -v x="$p1" -v y="$p0" 'BEGIN {print x - y}')" \
      -v g="$(awk -v x="$g1" -v y="$g0" 'BEGIN {print x - y}')" \
      'BEGIN {s /= 1e9; printf "CPU during the load (%.0f s, of 2 cores = 200 %%): agent %.0f %%, PostgreSQL %.0f %%, generator %.0f %%\n", s, 100 * a / s, 100 * p / s, 100 * g / s}'
  awk -v n="$commits_load" -v s="$load_ns" 'BEGIN {printf "PostgreSQL commits during the load (all writers: ledger, store writer, ...): %.0f/s\n", n / (s / 1e9)}'
fi
if [ -n "$cpu_load" ]; then
  # Threads in creation order (lowest id first: main, store writer, ledger, bus, ..., I/O threads last).
  echo "agent threads during the load, busiest first (thread id: % of one core):"
  awk -v s="$load_ns" -v hz="$(getconf CLK_TCK)" 'NR == FNR {t0[$1] = $2; next}
       {d = $2 - t0[$1]; if (d > 0) printf "  %s: %.0f %%\n", $1, 100 * d / hz / (s / 1e9)}' \
    "$bench_scratch/threads-0" "$bench_scratch/threads-1" | sort -t: -k2 -rn | head -n 6
fi
echo "agent log: $(grep -c . "$log") lines, $(grep -ci 'error' "$log" || true) mentioning an error"
grep -i 'error' "$log" | sort | uniq -c | sort -rn | head -n 5 || true

if [ "$basic" = 0 ] && [ "$duration" != 0 ]; then
  echo "== ledger check (PostgreSQL, after the generator ended)"
  acked=$(sed -n 's/^starts acknowledged: //p' "$gen_log")
  ids=$(sed -n 's/^distinct transaction ids: //p' "$gen_log")
  stops=$(sed -n 's/^stops acknowledged: //p' "$gen_log")
  meters=$(sed -n 's/^meter values acknowledged: \([0-9]*\).*/\1/p' "$gen_log")
  unacked=$(sed -n 's/^starts sent but never acknowledged: //p' "$gen_log")
  read -r rows stopped samples <<<"$(bench_psql -F ' ' -c "SELECT (SELECT count(*) FROM transactions), (SELECT count(*) FROM transactions WHERE stop_received_at IS NOT NULL), (SELECT count(*) FROM meter_values)")"
  echo "transactions rows: $rows; StartTransactions acknowledged: $acked (distinct ids $ids; unacknowledged at the end: $unacked)"
  echo "stopped rows: $stopped; StopTransactions acknowledged: $stops"
  echo "meter_values rows: $samples; MeterValues acknowledged × 3: $(( meters * 3 ))"
  if [ "$rows" = "$acked" ] && [ "$ids" = "$acked" ] && [ "$stopped" = "$stops" ] && [ "$samples" = $(( meters * 3 )) ]; then
    echo "exactly once: yes (every acknowledged message is in the database once, nothing else is)"
  else
    echo "exactly once: NO"
    gen_rc=1
  fi
  echo "== the statements that took the most time during the load (pg_stat_statements)"
  echo "calls | total ms | mean ms | rows | statement"
  bench_psql -F ' | ' -c "SELECT calls, round(total_exec_time::numeric, 0) AS total_ms, round(mean_exec_time::numeric, 2) AS mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 60) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8" 2>/dev/null ||
    echo "(pg_stat_statements not loaded)"
fi
exit "$gen_rc"
