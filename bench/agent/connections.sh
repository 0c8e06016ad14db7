#!/usr/bin/env bash
# Agent memory per connection: N simulated chargers connect over real OCPP 1.6J and boot; prints the
# agent's resident memory before and after, per connection, and how long all N took to connect.
# Run in the build environment after building the release preset:
#   scripts/env-run bench/agent/connections.sh [--count 10000] [--sim-processes 1]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/lib/services.sh
source "$repo/scripts/lib/services.sh"
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
# Each process needs a descriptor per socket; the hard limit here is about 20,000.
ulimit -n "$(ulimit -Hn)"

scratch=$(mktemp -d /tmp/voltdesk-bench.XXXXXX); chmod 755 "$scratch"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  stop_mosquitto "$scratch"; stop_postgres "$scratch"; rm -rf "$scratch"
}
trap cleanup EXIT INT TERM
start_postgres "$scratch"; start_mosquitto "$scratch"
# shellcheck disable=SC1091
source "$scratch/services.env"

"$bin/voltdesk-sim" --count "$count" --seed 1 --write-inventory "$scratch/inventory.json" >/dev/null
port=$(free_port)
"$bin/voltdesk-agent" --listen "127.0.0.1:$port" --postgres "$VOLTDESK_PG" --mqtt "$VOLTDESK_MQTT" \
  --agent-id bench --inventory "$scratch/inventory.json" --log-level warn >"$scratch/agent.log" 2>&1 &
agent=$!; pids+=("$agent")
for _ in $(seq 1 300); do grep -q '^ocpp: ' "$scratch/agent.log" && break; sleep 0.1; done
grep -q '^ocpp: ' "$scratch/agent.log" || { cat "$scratch/agent.log"; svc_die "agent did not start"; }
sleep 1

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
# Established TCP connections whose local port is the agent's, from /proc (no extra tools needed).
established() {
  local hex
  hex=$(printf '%04X' "$port")
  awk -v p=":$hex" '$2 ~ p"$" && $4 == "01" {n++} END {print n+0}' /proc/net/tcp
}

before=$(rss_kb "$agent")
per=$(( (count + procs - 1) / procs ))
start_ns=$(date +%s%N)
for i in $(seq 0 $((procs - 1))); do
  first=$(( 1 + i * per )); n=$(( count - i * per < per ? count - i * per : per ))
  "$bin/voltdesk-sim" --url "ws://127.0.0.1:$port/ocpp/" --count "$n" --first-index "$first" --seed 1 \
    --speed 1 --connect-rate 5000 --log-level warn >"$scratch/sim-$i.log" 2>&1 &
  pids+=($!)
done
deadline=$(( $(date +%s) + 180 ))
while [ "$(established)" -lt "$count" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "only $(established) of $count connected"; break; }
  sleep 0.2
done
connected_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
# Let boots, first status reports and the store's batches settle before reading memory.
sleep 10
after=$(rss_kb "$agent")
n=$(established)
echo "connections: $n"
echo "time to connect all: $connected_ms ms"
echo "agent rss before: $before KiB"
echo "agent rss after: $after KiB"
echo "agent memory per connection: $(( (after - before) * 1024 / (n > 0 ? n : 1) / 1000 )) KB"
