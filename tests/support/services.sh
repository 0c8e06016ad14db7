#!/usr/bin/env bash
# ctest fixture: `services.sh start DIR [AGENT_BIN]` brings up a private PostgreSQL and Mosquitto for
# the Integration tests and writes DIR/services.env; `services.sh stop DIR` ends them. With a built
# voltdesk-agent, Mosquitto also gets a listener with passwords and the generated ACL for the users of
# console-users.json (password: the user name + "-pw"; the agent logs in as tst-agent).
set -euo pipefail
# shellcheck source=../../scripts/lib/services.sh
source "$(dirname "$0")/../../scripts/lib/services.sh"
cmd=${1:-}; dir=${2:-}; agent_bin=${3:-}
[ -n "$dir" ] || svc_die "usage: services.sh start|stop DIR"
case "$cmd" in
  start)
    if [ -f "$dir/services.env" ]; then "$0" stop "$dir"; fi
    rm -rf "$dir"; mkdir -p "$dir"
    start_postgres "$dir"
    if [ -x "$agent_bin" ]; then
      users="$(cd "$(dirname "$0")" && pwd)/console-users.json"
      make_broker_auth "$dir" "$agent_bin" "$users" tst-agent:tst-agent-pw \
        tst-viewer:tst-viewer-pw tst-dispatcher:tst-dispatcher-pw tst-operator:tst-operator-pw \
        tst-supervisor:tst-supervisor-pw
      echo "VOLTDESK_CONSOLE_USERS=$users" >>"$dir/services.env"
    fi
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
