#!/usr/bin/env bash
# A private PostgreSQL/PostGIS cluster for the hub's tests and for trying the hub on one computer.
#
#   scripts/pg_cluster.sh start DIR [PORT]   # prints the admin URL to use as SAFEGROUND_PG_URL
#   scripts/pg_cluster.sh stop DIR [fast|immediate]
#   scripts/pg_cluster.sh restart DIR        # stop -m immediate (a crash), then start
#
# Needs Debian's postgresql-15 and postgresql-15-postgis-3 (or PG_BIN pointing at another
# version's bin folder). Runs the server as the `postgres` user when started as root (PostgreSQL
# refuses to run as root), listening on 127.0.0.1 only, with scram-sha-256 passwords for TCP. The
# superuser `postgres` gets the password in DIR/admin-password.
set -euo pipefail
cmd=${1:?start|stop|restart}
dir=${2:?the cluster folder}
port=${3:-}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$pg_bin/pg_ctl" ] || { echo "no PostgreSQL server found (install postgresql-15)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir/data" "$dir/run"
      [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
      head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/admin-password"
      as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --pwfile="$dir/admin-password" -E UTF8 --locale=C.UTF-8 >/dev/null
      if [ -z "$port" ]; then
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
      fi
      echo "$port" > "$dir/port"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/port" "$dir/admin-password"
      # TLS with a certificate authority of its own, so `sslmode=require&sslrootcert=DIR/ca.crt` works.
      if command -v openssl >/dev/null 2>&1; then
        (cd "$dir" &&
          openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=safeground test CA" \
            -keyout ca.key -out ca.crt >/dev/null 2>&1 &&
          openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout data/server.key \
            -out server.csr >/dev/null 2>&1 &&
          printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > san.ext &&
          openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
            -extfile san.ext -out data/server.crt >/dev/null 2>&1 &&
          chmod 600 data/server.key &&
          printf "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n" >> data/postgresql.conf)
        [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
      fi
    fi
    port=$(cat "$dir/port")
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=on" start >/dev/null
    echo "postgres://postgres:$(cat "$dir/admin-password")@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m "${3:-fast}" -w stop >/dev/null || true
    ;;
  restart)
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    port=$(cat "$dir/port")
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
    ;;
  *) echo "usage: $0 start|stop|restart DIR [PORT]" >&2; exit 2 ;;
esac
