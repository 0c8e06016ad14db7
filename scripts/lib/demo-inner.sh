#!/usr/bin/env bash
# The part of scripts/demo that runs inside the Debian 13 environment.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# shellcheck source=services.sh
source scripts/lib/services.sh

headless=0; sim=1; count=200; speed=60; user=operator
while [ $# -gt 0 ]; do
  case "$1" in
    --headless) headless=1 ;;
    --no-sim) sim=0 ;;
    --count) count=${2:?--count needs a number}; shift ;;
    --speed) speed=${2:?--speed needs a number}; shift ;;
    --user) user=${2:?--user needs viewer, dispatcher, operator or supervisor}; shift ;;
    *) svc_die "unknown option '$1' (see scripts/demo --help)" ;;
  esac
  shift
done
[ -n "${DISPLAY:-}" ] || headless=1

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

say "building (release preset)"
# shellcheck source=compiler-cache.sh
source scripts/lib/compiler-cache.sh
cmake --preset release >/dev/null
cmake --build --preset release --target voltdesk voltdesk-agent voltdesk-sim >/dev/null ||
  svc_die "build failed; run 'scripts/env-run cmake --build --preset release' to see why"
bin="$repo/build/release/bin"

scratch=$(mktemp -d /tmp/voltdesk-demo.XXXXXX)
chmod 755 "$scratch"
pids=()
cleanup() {
  trap - INT TERM EXIT
  say "stopping"
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  stop_mosquitto "$scratch"
  stop_postgres "$scratch"
  rm -rf "$scratch"
}
trap cleanup INT TERM EXIT

say "starting PostgreSQL and Mosquitto (passwords, ACL generated from the command policy)"
start_postgres "$scratch"
# Dev passwords, documented in docs/ROLES.md: each demo user's password is its name + "-dev". The
# agent's own is new each run.
users_file="$repo/scripts/lib/demo-console-users.json"
agent_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
(umask 077 && printf '%s\n' "$agent_password" >"$scratch/agent-password")
make_broker_auth "$scratch" "$bin/voltdesk-agent" "$users_file" "voltdesk-agent:$agent_password" \
  viewer:viewer-dev dispatcher:dispatcher-dev operator:operator-dev supervisor:supervisor-dev
start_mosquitto "$scratch" auth-only
# shellcheck disable=SC1091
source "$scratch/services.env"

inventory="$scratch/inventory.json"
"$bin/voltdesk-sim" --count "$count" --seed 7 --write-inventory "$inventory" >/dev/null ||
  svc_die "could not generate the simulated fleet's inventory"

say "starting voltdesk-agent"
agent_port=$(free_port)
"$bin/voltdesk-agent" --listen "127.0.0.1:$agent_port" --postgres "$VOLTDESK_PG" \
  --mqtt "$VOLTDESK_MQTT_AUTH" --mqtt-user voltdesk-agent --mqtt-password-file "$scratch/agent-password" \
  --console-users "$users_file" --agent-id demo --inventory "$inventory" --unknown-chargers accept \
  >"$scratch/agent.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do
  grep -q '^ocpp: ' "$scratch/agent.log" 2>/dev/null && break
  kill -0 "${pids[-1]}" 2>/dev/null || { cat "$scratch/agent.log" >&2; svc_die "voltdesk-agent stopped"; }
  sleep 0.1
done
grep -q '^ocpp: ' "$scratch/agent.log" || svc_die "voltdesk-agent did not start listening; see $scratch/agent.log"

if [ "$sim" = 1 ]; then
  say "starting the simulated fleet ($count chargers, ${speed}x time)"
  "$bin/voltdesk-sim" --url "ws://127.0.0.1:$agent_port/ocpp/" --count "$count" --seed 7 \
    --speed "$speed" >"$scratch/sim.log" 2>&1 &
  pids+=($!)
fi

mqtt_port=${VOLTDESK_MQTT_AUTH##*:}
echo "ocpp: ws://127.0.0.1:$agent_port/ocpp/{chargePointId}"
echo "mqtt: mqtt://127.0.0.1:$mqtt_port (users viewer, dispatcher, operator, supervisor; password NAME-dev)"
echo "postgres: $VOLTDESK_PG"
echo "logs: $scratch"

console=("$bin/voltdesk" --broker "$VOLTDESK_MQTT_AUTH" --user "$user")
export VOLTDESK_MQTT_PASSWORD="$user-dev" # through the environment, so it is not in ps
if [ "$headless" = 1 ]; then
  mkdir -p "$repo/build/demo"
  shot="$repo/build/demo/voltdesk-$(date +%Y%m%d-%H%M%S).png"
  say "starting the console under Xvfb"
  QT_QUICK_BACKEND=software xvfb-run -a -s "-screen 0 1920x1080x24" \
    "${console[@]}" --screenshot "$shot" --screenshot-delay 8000 >"$scratch/console.log" 2>&1 ||
    { cat "$scratch/console.log" >&2; svc_die "the console failed"; }
  [ -s "$shot" ] || svc_die "the console wrote no screenshot; see $scratch/console.log"
  echo "screenshot: $shot"
  say "the stack keeps running; Ctrl-C stops it"
else
  say "starting the console"
  "${console[@]}" >"$scratch/console.log" 2>&1 &
  pids+=($!)
fi
while true; do sleep 1 & wait $! || true; done
