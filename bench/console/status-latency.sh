#!/usr/bin/env bash
# End-to-end status latency (bench-status-latency) against a private PostgreSQL and Mosquitto that this
# script starts on loopback and removes afterwards. Run in the build environment once built:
#   scripts/env-run cmake --build build/release --target bench-status-latency voltdesk-agent
#   scripts/env-run bash bench/console/status-latency.sh [--build build/release] [--chargers 100] [--samples 300]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build="$repo/build/release"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$(cd "${2:?}" && pwd); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
for b in bench-status-latency voltdesk-agent; do
  [ -x "$build/bin/$b" ] || { echo "status-latency: $build/bin/$b missing (build it first)" >&2; exit 2; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/voltdesk-latency.XXXXXX")
chmod 755 "$scratch" # PostgreSQL runs as its own user and keeps its data in here
cleanup() {
  "$repo/tests/support/services.sh" stop "$scratch/services" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
"$repo/tests/support/services.sh" start "$scratch/services" >/dev/null
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); repository at $(cd "$repo" && git rev-parse --short HEAD)"
VOLTDESK_TEST_SERVICES_DIR="$scratch/services" VOLTDESK_BUILD_DIR="$build" \
  "$build/bin/bench-status-latency" "${args[@]}"
