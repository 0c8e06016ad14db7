#!/usr/bin/env bash
# The part of scripts/test that runs inside the Debian 13 environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=$(nproc)
started=$(date +%s)
step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "checking formatting (clang-format)"
bash scripts/lib/format-check.sh

step "configuring and building (release preset)"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"

step "static analysis (clang-tidy) of the agent, simulator and contract"
bash scripts/lib/tidy.sh build/release contract backend-agent simulator

step "running tests (Unit, Integration, GUI)"
# GUI tests need a display; one Xvfb serves the whole run.
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --preset release -j "$jobs" --no-tests=error "$@"

if [ $# -eq 0 ] && [ "${VOLTDESK_SKIP_ASAN:-0}" != 1 ]; then
  step "building and running the agent and simulator Unit tests under ASan+UBSan"
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -j "$jobs" -L Unit --no-tests=error
fi
step "all tests passed"
