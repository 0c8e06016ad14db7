#!/usr/bin/env bash
# The part of scripts/test that runs inside the Debian 13 environment.
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=$(nproc)
started=$(date +%s)
step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "checking formatting (clang-format)"
bash scripts/lib/format-check.sh

# shellcheck source=compiler-cache.sh
source scripts/lib/compiler-cache.sh

step "configuring and building (release preset)"
cmake --preset release >/dev/null
if command -v ccache >/dev/null; then ccache --zero-stats >/dev/null; fi
cmake --build --preset release -j "$jobs"
if command -v ccache >/dev/null; then ccache --show-stats | grep -m3 -iE '^(cacheable|  (hits|misses))' || true; fi

step "static analysis (clang-tidy) of the agent, simulator and contract"
bash scripts/lib/tidy.sh build/release contract backend-agent simulator

step "running tests (Unit, Integration, GUI)"
# GUI tests need a display; one Xvfb serves the whole run.
xvfb-run -a -s "-screen 0 1600x1000x24" \
  ctest --preset release -j "$jobs" --no-tests=error "$@"

if [ $# -eq 0 ] && [ "${VOLTDESK_SKIP_ASAN:-0}" != 1 ]; then
  step "building and running the agent and simulator Unit tests under ASan+UBSan"
  cmake --preset asan >/dev/null
  # Only what the Unit tests need: the programs and the Integration tests were built and run above.
  mapfile -t unit < <(ctest --preset asan -N -L Unit | sed -n 's/^ *Test *#[0-9]*: //p')
  mapfile -t buildable < <(ninja -C build/asan -t targets all | sed -n 's/: phony$//p; s/: CXX_EXECUTABLE_LINKER.*$//p')
  mapfile -t targets < <(comm -12 <(printf '%s\n' "${unit[@]}" | sort -u) <(printf '%s\n' "${buildable[@]}" | sort -u))
  cmake --build --preset asan -j "$jobs" --target "${targets[@]}"
  ctest --preset asan -j "$jobs" -L Unit --no-tests=error
fi
step "all tests passed"
