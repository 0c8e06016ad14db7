#!/usr/bin/env bash
# Agent memory per connection: N simulated chargers connect over real OCPP 1.6J and boot; prints the
# agent's resident memory before and after, per connection, and how long all N took to connect.
# Run in the build environment after building the release preset:
#   scripts/env-run bench/agent/connections.sh [--count 10000] [--sim-processes 1]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/lib/services.sh
source "$repo/scripts/lib/services.sh"
# shellcheck source=lib/agent_stack.sh
source "$repo/bench/agent/lib/agent_stack.sh"
bin="$repo/build/release/bin"
count=10000; procs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift ;;
    --sim-processes) procs=$2; shift ;;
    *) svc_die "unknown option $1" ;;
  esac
  shift
done
for b in voltdesk-agent voltdesk-sim; do
  [ -x "$bin/$b" ] || svc_die "$bin/$b missing: build the release preset first"
done
bench_stack_start
"$bin/voltdesk-sim" --count "$count" --seed 1 --write-inventory "$bench_scratch/inventory.json" >/dev/null
bench_agent_start "$bin" "$bench_scratch/agent.log" --agent-id bench \
  --inventory "$bench_scratch/inventory.json" --log-level warn
agent=$bench_agent_pid; port=$bench_agent_port
sleep 1

# Established TCP connections whose local port is the agent's, from /proc (no extra tools needed).
established() {
  local hex
  hex=$(printf '%04X' "$port")
  awk -v p=":$hex" '$2 ~ p"$" && $4 == "01" {n++} END {print n+0}' /proc/net/tcp
}

before=$(bench_rss_kb "$agent")
per=$(( (count + procs - 1) / procs ))
start_ns=$(date +%s%N)
for i in $(seq 0 $((procs - 1))); do
  first=$(( 1 + i * per )); n=$(( count - i * per < per ? count - i * per : per ))
  "$bin/voltdesk-sim" --url "ws://127.0.0.1:$port/ocpp/" --count "$n" --first-index "$first" --seed 1 \
    --speed 1 --connect-rate 5000 --log-level warn >"$bench_scratch/sim-$i.log" 2>&1 &
  bench_pids+=($!)
done
deadline=$(( $(date +%s) + 180 ))
while [ "$(established)" -lt "$count" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "only $(established) of $count connected"; break; }
  sleep 0.2
done
connected_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
# Let boots, first status reports and the store's batches settle before reading memory.
sleep 10
after=$(bench_rss_kb "$agent")
n=$(established)
echo "connections: $n"
echo "time to connect all: $connected_ms ms"
echo "agent rss before: $before KiB"
echo "agent rss after: $after KiB"
echo "agent memory per connection: $(( (after - before) * 1024 / (n > 0 ? n : 1) / 1000 )) KB"
