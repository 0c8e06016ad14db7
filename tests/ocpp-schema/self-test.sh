#!/usr/bin/env bash
# The schema check can pass and can fail: known-valid frames pass, known-invalid frames sent by the
# agent fail and are named, a required action never seen fails, and check-traces.sh finds traces.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/fixtures"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
checks=0
check() { # name expected-status command...
  local name=$1 want=$2 got
  shift 2
  checks=$((checks + 1))
  "$@" >"$out/$name.log" 2>&1
  got=$?
  if [ "$got" = "$want" ]; then
    echo "PASS $name (exit $got)"
  else
    echo "FAIL $name: exit $got, expected $want"; cat "$out/$name.log"; failures=$((failures + 1))
  fi
}
expect_output() { # name text...
  local name=$1 text
  shift
  for text in "$@"; do
    checks=$((checks + 1))
    if grep -qF -- "$text" "$out/$name.log"; then
      echo "PASS $name names '$text'"
    else
      echo "FAIL $name does not name '$text'"; cat "$out/$name.log"; failures=$((failures + 1))
    fi
  done
}
validate() { node "$here/validate-trace.mjs" "$@"; }

check valid 0 validate "$fixtures/valid.jsonl"
expect_output valid "OK: 0 invalid tx, 3 invalid rx" "tx CALL       GetLog" "tx CALLRESULT SignCertificate"

check invalid 1 validate "$fixtures/invalid.jsonl"
expect_output invalid "FAILED: 9 invalid tx" \
  "CALLRESULT BootNotification" "must have required property 'interval'" \
  "CALLRESULT Heartbeat" "must match format \"date-time\"" \
  "CALL RemoteStartTransaction" "must have required property 'idTag'" \
  "no CALL with id \"nobody-asked\"" "no official OCPP 1.6 schema for the action \"Reboot\"" \
  "BootNotification is sent by the charge point only" "\"FormatViolation\" is not an OCPP 1.6 error code" \
  "CALL GetLog" "longer than 36 characters"

check required-seen 0 validate --require-actions BootNotification,GetLog "$fixtures/valid.jsonl"
check required-missing 1 validate --require-actions BootNotification,Reset "$fixtures/valid.jsonl"
expect_output required-missing "required actions never seen: Reset"

printf '{"t":1,"charger":"CP-1","dir":"tx","frame":"[3,\\"1\\",{}]"}\nnot json\n' >"$out/broken.jsonl"
check broken-trace 1 validate "$out/broken.jsonl"
expect_output broken-trace "not a JSON trace line"

# A killed agent may leave its last line cut short: noted, not an error.
{ cat "$fixtures/valid.jsonl"; printf '{"t":1,"charger":"CP-1","dir":"tx","fra'; } >"$out/cut.jsonl"
check cut-last-line 0 validate "$out/cut.jsonl"
expect_output cut-last-line "cut last line ignored"

mkdir -p "$out/run/a" "$out/empty"
cp "$fixtures/valid.jsonl" "$out/run/a/"
check dir-valid 0 bash "$here/check-traces.sh" "$out/run"
cp "$fixtures/invalid.jsonl" "$out/run/"
check dir-invalid 1 bash "$here/check-traces.sh" "$out/run"
check dir-empty 1 bash "$here/check-traces.sh" "$out/empty"

echo "self-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
