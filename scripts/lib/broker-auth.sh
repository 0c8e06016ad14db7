# Per-user broker credentials and the ACL that enforces the command policy, for the Mosquitto of
# services.sh: make_broker_auth writes $dir/mosquitto/passwd and $dir/mosquitto/acl, and
# start_mosquitto then adds a second listener that requires them (docs/ROLES.md).
# shellcheck shell=bash

# make_broker_auth DIR AGENT_BIN USERS_FILE AGENT_USER:PASSWORD [USER:PASSWORD...]
# The ACL comes from `voltdesk-agent broker-acl`, i.e. from the same policy the agent enforces; every
# user of USERS_FILE needs a password here (the users file itself holds none).
make_broker_auth() {
  local dir=$1 agent_bin=$2 users=$3 agent_login=$4
  shift 4
  local auth="$dir/mosquitto" pair
  mkdir -p "$auth"
  [ -x "$agent_bin" ] || svc_die "make_broker_auth: $agent_bin is not an executable voltdesk-agent"
  "$agent_bin" broker-acl --console-users "$users" --agent-user "${agent_login%%:*}" >"$auth/acl.new" ||
    svc_die "voltdesk-agent broker-acl failed for $users"
  mv "$auth/acl.new" "$auth/acl"
  (umask 077 && : >"$auth/passwd")
  chmod 600 "$auth/passwd"
  for pair in "$agent_login" "$@"; do
    mosquitto_passwd -b "$auth/passwd" "${pair%%:*}" "${pair#*:}" ||
      svc_die "mosquitto_passwd failed for ${pair%%:*}"
  done
  chmod 600 "$auth/passwd" "$auth/acl"
  [ "$(id -u)" = 0 ] && chown mosquitto: "$auth/passwd" "$auth/acl" 2>/dev/null
  return 0
}

# The listener block start_mosquitto adds when make_broker_auth has run for DIR.
broker_auth_listener() {
  local dir=$1 port=$2
  cat <<CONF
listener $port 127.0.0.1
allow_anonymous false
password_file $dir/mosquitto/passwd
acl_file $dir/mosquitto/acl
CONF
}
