# The private stack the agent benchmarks run against: PostgreSQL and Mosquitto (scripts/lib/services.sh)
# and the release voltdesk-agent, on free loopback ports under one scratch directory removed on exit.
# shellcheck shell=bash

bench_pids=()
bench_scratch=""
bench_keep=0 # 1: leave the scratch directory (logs, database) for a look afterwards

bench_stack_stop() {
  trap - EXIT INT TERM
  local p
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${bench_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  bench_pids=()
  [ -n "$bench_scratch" ] || return 0
  stop_mosquitto "$bench_scratch"
  stop_postgres "$bench_scratch"
  if [ "$bench_keep" = 1 ]; then
    echo "kept: $bench_scratch" >&2
  else
    rm -rf "$bench_scratch"
  fi
}

# bench_stack_start [PARENT]: PostgreSQL and Mosquitto with their data in a new directory under PARENT
# (default /tmp, which is a tmpfs in the build environment: commits there never wait for a disk);
# exports VOLTDESK_PG, VOLTDESK_MQTT, VOLTDESK_PG_DATA.
bench_stack_start() {
  local parent=${1:-/tmp}
  # Each process needs a descriptor per socket; the hard limit here is about 20,000.
  ulimit -n "$(ulimit -Hn)"
  mkdir -p "$parent"
  bench_scratch=$(mktemp -d "$parent/voltdesk-bench.XXXXXX")
  chmod 755 "$bench_scratch"
  trap bench_stack_stop EXIT
  trap 'exit 130' INT TERM
  start_postgres "$bench_scratch"
  start_mosquitto "$bench_scratch"
  # shellcheck disable=SC1091
  source "$bench_scratch/services.env"
  export VOLTDESK_PG VOLTDESK_MQTT VOLTDESK_PG_DATA
}

# Statement statistics (time per statement, rows) for finding where database time goes; a restart.
bench_pg_statement_stats() {
  echo "shared_preload_libraries = 'pg_stat_statements'" >>"$VOLTDESK_PG_DATA/postgresql.conf"
  as_pg_user "$(pg_bindir)/pg_ctl" -D "$VOLTDESK_PG_DATA" -l "$VOLTDESK_PG_DATA/../postgres.log" -w -t 60 \
    restart >/dev/null || svc_die "PostgreSQL did not restart with pg_stat_statements"
  bench_psql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
}

# bench_agent_start BINDIR LOG [AGENT FLAG...]: the agent on a port the kernel picks; sets bench_agent_pid,
# bench_agent_url (ws://127.0.0.1:PORT/ocpp/, from the agent's "ocpp: " line) and bench_agent_port.
bench_agent_start() {
  local bin=$1 log=$2
  shift 2
  "$bin/voltdesk-agent" --listen 127.0.0.1:0 --postgres "$VOLTDESK_PG" --mqtt "$VOLTDESK_MQTT" "$@" \
    >"$log" 2>&1 &
  bench_agent_pid=$!
  bench_pids+=("$bench_agent_pid")
  local _
  for _ in $(seq 1 300); do
    grep -q '^ocpp: ' "$log" && break
    kill -0 "$bench_agent_pid" 2>/dev/null || { cat "$log" >&2; svc_die "voltdesk-agent stopped"; }
    sleep 0.1
  done
  grep -q '^ocpp: ' "$log" || { cat "$log" >&2; svc_die "voltdesk-agent did not start listening"; }
  bench_agent_url=$(sed -n 's/^ocpp: //p' "$log" | head -n1)
  bench_agent_port=$(printf '%s\n' "$bench_agent_url" | sed -E 's#^ws://[^/]*:([0-9]+)/.*#\1#')
}

# Stops the agent the way systemd does (SIGTERM: it commits what it holds and closes connections).
bench_agent_stop() {
  kill -TERM "$bench_agent_pid" 2>/dev/null || true
  wait "$bench_agent_pid" 2>/dev/null || true
  local p kept=()
  for p in "${bench_pids[@]}"; do [ "$p" = "$bench_agent_pid" ] || kept+=("$p"); done
  bench_pids=("${kept[@]}")
}

bench_rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# CPU seconds (user + system) used so far by the given processes, summed; gone processes count 0.
bench_cpu_s() {
  local p ticks=0 t
  for p in "$@"; do
    t=$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null) || t=0
    ticks=$((ticks + ${t:-0}))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

# The PostgreSQL server's processes: the postmaster and its children.
bench_pg_pids() {
  local master
  master=$(head -n1 "$VOLTDESK_PG_DATA/postmaster.pid")
  echo "$master"
  awk -v m="$master" '{sub(/^.*\) /, ""); if ($2 == m) print FILENAME}' /proc/[0-9]*/stat 2>/dev/null |
    sed -E 's#/proc/([0-9]+)/stat#\1#'
}

bench_psql() { "$(pg_bindir)/psql" "$VOLTDESK_PG" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }

# The kernel's count of connections refused or dropped because a listen queue was full (TcpExt
# ListenOverflows + ListenDrops): a SYN dropped there is retried by the client after 1 s, then 3 s...
bench_listen_drops() {
  awk '/^TcpExt:/ { if (!n) { for (i = 2; i <= NF; i++) col[$i] = i; n = 1 } else print $col["ListenOverflows"] + $col["ListenDrops"] }' /proc/net/netstat
}

# "TID TICKS" per thread of a process (top -H without top): diff two snapshots to see the busy thread.
bench_thread_ticks() {
  local f
  for f in /proc/"$1"/task/*/stat; do
    awk '{tid = $1; sub(/^.*\) /, ""); print tid, $12 + $13}' "$f" 2>/dev/null || true
  done
}
