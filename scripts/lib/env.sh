# Shared by scripts/demo and scripts/test: finds or prepares the Debian 13 build environment and runs
# commands in it. Natively on a Debian 13 host; elsewhere in a cached Debian 13 root (see docs/PLATFORM.md).
# shellcheck shell=bash

VOLTDESK_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VOLTDESK_CACHE=${VOLTDESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/voltdesk}
VOLTDESK_ROOT=${VOLTDESK_ROOT:-$VOLTDESK_CACHE/debian13-root}
VOLTDESK_PACKAGES_FILE="$VOLTDESK_REPO/scripts/debian13-packages.txt"

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

voltdesk_packages() { grep -v '^\s*#' "$VOLTDESK_PACKAGES_FILE" | tr -s ' \n' ' '; }

# Debian 13 or newer with Qt Location packaged: build and run right here.
host_is_native() {
  [ "${VOLTDESK_FORCE_ROOT:-0}" = 1 ] && return 1
  [ -r /etc/os-release ] || return 1
  # shellcheck disable=SC1091
  . /etc/os-release
  [ "${ID:-}" = debian ] && [ "${VERSION_ID%%.*}" -ge 13 ] 2>/dev/null && return 0
  return 1
}

# The mirror the host's apt already uses, so nothing about the network is written into the repo.
host_debian_mirror() {
  local uri
  uri=$(grep -hoE '^(URIs:|deb)\s+\S+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    awk '{print $2}' | grep -E '/debian/?$' | head -n1)
  [ -n "$uri" ] || uri=$(grep -hoE '^deb\s+(\[[^]]*\]\s+)?\S+' /etc/apt/sources.list 2>/dev/null |
    awk '{print $NF}' | head -n1)
  [ -n "$uri" ] || die "cannot find a Debian mirror in the host's apt configuration"
  printf '%s\n' "${uri%/}"
}

need_root_user() {
  [ "$(id -u)" = 0 ] || die "preparing the build environment needs root (apt-get, debootstrap, chroot); run as root"
}

install_native_packages() {
  local missing=() p
  for p in $(voltdesk_packages); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root_user
  say "installing ${#missing[@]} Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install failed for: ${missing[*]}"
}

prepare_root() {
  local stamp="$VOLTDESK_ROOT/.voltdesk-packages" want
  want=$(voltdesk_packages | md5sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  need_root_user
  command -v unshare >/dev/null || die "unshare (util-linux) is missing"
  if [ ! -x "$VOLTDESK_ROOT/usr/bin/apt-get" ]; then
    if ! command -v debootstrap >/dev/null; then
      say "installing debootstrap on the host"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null ||
        die "could not install debootstrap"
    fi
    local mirror
    mirror=$(host_debian_mirror)
    say "creating a Debian 13 root in $VOLTDESK_ROOT (once; cached)"
    rm -rf "$VOLTDESK_ROOT.partial"
    mkdir -p "$(dirname "$VOLTDESK_ROOT")"
    debootstrap --variant=minbase trixie "$VOLTDESK_ROOT.partial" "$mirror" >"$VOLTDESK_CACHE/debootstrap.log" 2>&1 ||
      die "debootstrap failed; see $VOLTDESK_CACHE/debootstrap.log"
    mv "$VOLTDESK_ROOT.partial" "$VOLTDESK_ROOT"
  fi
  say "installing build and runtime packages into the Debian 13 root"
  cp /etc/resolv.conf "$VOLTDESK_ROOT/etc/resolv.conf" 2>/dev/null || true
  # shellcheck disable=SC2046
  in_root_raw sh -c "DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(voltdesk_packages)" \
    >"$VOLTDESK_CACHE/apt.log" 2>&1 || die "package installation in the Debian 13 root failed; see $VOLTDESK_CACHE/apt.log"
  printf '%s\n' "$want" >"$stamp"
}

# Runs a command inside the root in a private mount namespace, so no mount outlives it. The repo is
# mounted at the same path inside, so build trees and compile_commands.json are valid on both sides.
in_root_raw() {
  ${VOLTDESK_EXEC:-} unshare --mount --propagation private sh -c '
    root=$1; repo=$2; shift 2
    mount --rbind /dev "$root/dev" && mount -t proc proc "$root/proc" || exit 1
    mount -t sysfs sys "$root/sys" 2>/dev/null
    mount -t tmpfs tmpfs "$root/tmp"
    mkdir -p "$root$repo" && mount --bind "$repo" "$root$repo" || exit 1
    cd / && exec chroot "$root" /bin/sh -c '"'"'cd "$0" && exec "$@"'"'"' "$repo" "$@"
  ' sh "$VOLTDESK_ROOT" "$VOLTDESK_REPO" "$@"
}

# The certificate authorities the host trusts locally (a company proxy's, say) are trusted in the root
# too, so that npm there reaches the registry as the host does (tests/ocpp-schema installs from it).
sync_root_ca_certificates() {
  local src=/usr/local/share/ca-certificates dst="$VOLTDESK_ROOT/usr/local/share/ca-certificates"
  [ -d "$src" ] && [ -x "$VOLTDESK_ROOT/usr/sbin/update-ca-certificates" ] || return 0
  diff -r "$src" "$dst" >/dev/null 2>&1 && return 0
  need_root_user
  rm -rf "$dst" && cp -r "$src" "$dst" || die "cannot copy the host's CA certificates into the root"
  in_root_raw update-ca-certificates >"$VOLTDESK_CACHE/ca.log" 2>&1 ||
    die "update-ca-certificates failed in the Debian 13 root; see $VOLTDESK_CACHE/ca.log"
}

# Prepares whatever this host needs, then `in_env CMD...` runs CMD in the Debian 13 environment.
prepare_env() {
  if host_is_native; then
    install_native_packages
  else
    prepare_root
    sync_root_ca_certificates
  fi
}

in_env() {
  if host_is_native; then
    if [ -n "${VOLTDESK_EXEC:-}" ]; then exec "$@"; fi
    (cd "$VOLTDESK_REPO" && "$@")
  else
    in_root_raw env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" DISPLAY="${DISPLAY:-}" "$@"
  fi
}

# Like in_env, but replaces this shell, so signals sent to the calling script (Ctrl-C, SIGTERM from a
# supervisor) reach the command itself and its clean-up runs.
exec_in_env() {
  cd "$VOLTDESK_REPO"
  VOLTDESK_EXEC=exec in_env "$@"
}
