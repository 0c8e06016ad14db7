# Private PostgreSQL and Mosquitto servers on free loopback ports, with generated configs and data
# under one scratch directory. Sourced by scripts/demo and by the tests' "services" fixture; runs in
# the Debian 13 environment. Each start_* writes what a client needs into $dir/services.env.
# shellcheck shell=bash

# shellcheck source=broker-auth.sh
source "$(dirname "${BASH_SOURCE[0]}")/broker-auth.sh"

svc_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# A loopback port nobody listens on now. Random in a range away from the usual services, so
# parallel runs rarely collide; the servers themselves fail loudly if one does.
free_port() {
  local port i
  for i in $(seq 1 50); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  svc_die "no free loopback port found"
}

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$d/initdb" ] || svc_die "PostgreSQL server binaries not found (package postgresql)"
  printf '%s\n' "$d"
}

# PostgreSQL refuses to run as root, so the cluster belongs to the 'postgres' system user.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local dir=$1 port bindir data
  bindir=$(pg_bindir)
  port=$(free_port)
  data="$dir/postgres"
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$data"
  chmod 700 "$data"
  as_pg_user "$bindir/initdb" -D "$data/data" -U voltdesk --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/postgres-initdb.log" 2>&1 || svc_die "initdb failed; see $dir/postgres-initdb.log"
  cat >>"$data/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = on
max_connections = 200
shared_buffers = 256MB
log_min_messages = warning
CONF
  # A free port can be taken by another program between the check and the bind (several test runs
  # and benchmarks share this machine): try a few.
  local attempt
  for attempt in 1 2 3 4 5; do
    [ "$attempt" = 1 ] || port=$(free_port)
    echo "port = $port" >>"$data/data/postgresql.conf" # the last setting wins
    as_pg_user "$bindir/pg_ctl" -D "$data/data" -l "$data/postgres.log" -w -t 60 start >/dev/null && break
    grep -q "could not bind\|could not create any TCP/IP sockets" "$data/postgres.log" 2>/dev/null ||
      svc_die "PostgreSQL did not start; see $data/postgres.log"
    [ "$attempt" = 5 ] && svc_die "PostgreSQL found no free port; see $data/postgres.log"
  done
  as_pg_user "$bindir/createdb" -h 127.0.0.1 -p "$port" -U voltdesk voltdesk ||
    svc_die "could not create the voltdesk database"
  echo "VOLTDESK_PG=postgresql://voltdesk@127.0.0.1:$port/voltdesk" >>"$dir/services.env"
  echo "VOLTDESK_PG_DATA=$data/data" >>"$dir/services.env"
}

stop_postgres() {
  local dir=$1
  [ -d "$dir/postgres/data" ] || return 0
  as_pg_user "$(pg_bindir)/pg_ctl" -D "$dir/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
}

# start_mosquitto DIR [auth-only]: an anonymous listener (VOLTDESK_MQTT); after make_broker_auth
# (broker-auth.sh) also one that requires a password and applies the ACL (VOLTDESK_MQTT_AUTH). With
# auth-only, only the latter, as the demo runs it: every client logs in and the ACL holds for all.
start_mosquitto() {
  local dir=$1 mode=${2:-} port auth_port="" attempt i
  [ "$mode" != auth-only ] || [ -f "$dir/mosquitto/acl" ] || svc_die "start_mosquitto auth-only: run make_broker_auth first"
  mkdir -p "$dir/mosquitto"
  [ "$(id -u)" = 0 ] && chown -R mosquitto: "$dir/mosquitto" 2>/dev/null
  # As for PostgreSQL: the free port may be taken before Mosquitto binds it, so try a few.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    {
      cat <<CONF
per_listener_settings true
persistence false
log_dest file $dir/mosquitto.log
max_queued_messages 100000
max_inflight_messages 1000
CONF
      if [ "$mode" != auth-only ]; then
        printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port"
      fi
      if [ -f "$dir/mosquitto/acl" ]; then
        auth_port=$(free_port)
        [ "$mode" = auth-only ] && auth_port=$port
        broker_auth_listener "$dir" "$auth_port"
      fi
    } >"$dir/mosquitto/mosquitto.conf"
    mosquitto -c "$dir/mosquitto/mosquitto.conf" -d >/dev/null 2>&1 &
    for i in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
        { [ -z "$auth_port" ] || (exec 3<>"/dev/tcp/127.0.0.1/$auth_port") 2>/dev/null; } &&
        pgrep -f "mosquitto -c $dir/mosquitto/mosquitto.conf" >/dev/null; then
        pgrep -f "mosquitto -c $dir/mosquitto/mosquitto.conf" | head -n1 >"$dir/mosquitto.pid"
        [ "$mode" = auth-only ] || echo "VOLTDESK_MQTT=tcp://127.0.0.1:$port" >>"$dir/services.env"
        [ -z "$auth_port" ] || echo "VOLTDESK_MQTT_AUTH=tcp://127.0.0.1:$auth_port" >>"$dir/services.env"
        return 0
      fi
      sleep 0.1
    done
    pkill -f "mosquitto -c $dir/mosquitto/mosquitto.conf" 2>/dev/null || true
    echo "services: Mosquitto did not come up on port $port (attempt $attempt); see $dir/mosquitto.log" >&2
  done
  svc_die "Mosquitto did not start; see $dir/mosquitto.log"
}

stop_mosquitto() {
  local dir=$1
  [ -f "$dir/mosquitto.pid" ] && kill "$(cat "$dir/mosquitto.pid")" 2>/dev/null
  rm -f "$dir/mosquitto.pid"
  return 0
}
