#!/usr/bin/env bash
# Validates every frame trace (*.jsonl, searched recursively) that a test run left in the given
# directories against the official OCPP 1.6 schemas; installs the checker first if needed. Run in the
# Debian 13 environment. Usage: check-traces.sh [--require-actions A,B,...] DIR...
# Fails when a directory holds no trace: a run that traced nothing has checked nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export VOLTDESK_OCPP_SCHEMA_DIR=${VOLTDESK_OCPP_SCHEMA_DIR:-${VOLTDESK_BUILD_DIR:-$repo/build}/ocpp-schema}

options=()
dirs=()
while [ $# -gt 0 ]; do
  case $1 in
    --require-actions | --max-rx-shown) options+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    -*) echo "usage: check-traces.sh [--require-actions A,B,...] DIR..." >&2; exit 2 ;;
    *) dirs+=("$1"); shift ;;
  esac
done
[ ${#dirs[@]} -gt 0 ] || { echo "usage: check-traces.sh [--require-actions A,B,...] DIR..." >&2; exit 2; }

traces=()
for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || { echo "check-traces: $dir is not a directory" >&2; exit 1; }
  mapfile -t -O ${#traces[@]} traces < <(find "$dir" -type f -name '*.jsonl' | sort)
done
[ ${#traces[@]} -gt 0 ] || { echo "check-traces: no frame trace (*.jsonl) in ${dirs[*]}" >&2; exit 1; }

bash "$repo/scripts/lib/ocpp-schema-setup.sh" "$VOLTDESK_OCPP_SCHEMA_DIR"
exec node "$here/validate-trace.mjs" --env "$VOLTDESK_OCPP_SCHEMA_DIR" "${options[@]}" "${traces[@]}"
