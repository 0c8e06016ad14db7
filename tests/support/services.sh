#!/usr/bin/env bash
# ctest fixture: `services.sh start DIR` brings up a private PostgreSQL and Mosquitto for the
# Integration tests and writes DIR/services.env; `services.sh stop DIR` ends them.
set -euo pipefail
# shellcheck source=../../scripts/lib/services.sh
source "$(dirname "$0")/../../scripts/lib/services.sh"
cmd=${1:-}; dir=${2:-}
[ -n "$dir" ] || svc_die "usage: services.sh start|stop DIR"
case "$cmd" in
  start)
    if [ -f "$dir/services.env" ]; then "$0" stop "$dir"; fi
    rm -rf "$dir"; mkdir -p "$dir"
    start_postgres "$dir"
    start_mosquitto "$dir"
    cat "$dir/services.env"
    ;;
  stop)
    stop_mosquitto "$dir"
    stop_postgres "$dir"
    rm -f "$dir/services.env"
    ;;
  *) svc_die "usage: services.sh start|stop DIR" ;;
esac
