#!/usr/bin/env bash
# Runs "$@" with a throwaway PostgreSQL 15 and MariaDB 10.11 on random loopback ports and unix
# sockets in a fresh temp dir, exported as Retort URLs. Both servers are stopped by PID and the
# dir removed on every exit path (success, failure, Ctrl+C). Never touches the system services.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
D=$(mktemp -d /tmp/rtdb.XXXXXX)   # short path: a unix socket path is limited to 107 bytes
chmod 755 "$D"
PG_UP=
MY_PID=

stop_dbs() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$PG_UP" ]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$MY_PID" ]; then
        kill -TERM "$MY_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$MY_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$MY_PID" 2>/dev/null || true
    fi
    rm -rf "$D"
    exit "$rc"
}
trap stop_dbs EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    local p
    for _ in $(seq 100); do
        p=$((20000 + RANDOM % 40000))
        (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }
    done
    return 1
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir "$D/pg" "$D/my"
[ "$(id -u)" = 0 ] && chown postgres: "$D/pg"
PG_PORT=$(free_port)
MY_PORT=$(free_port)

as_postgres "$PGBIN/initdb" -D "$D/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$D/pg/data" -l "$D/pg/log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
  -p $PG_PORT -k $D/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
  -c max_connections=60" start >/dev/null || { cat "$D/pg/log"; exit 1; }
PG_UP=1
psql -X -q -h "$D/pg" -p "$PG_PORT" -U postgres -c 'CREATE DATABASE retort_test' >/dev/null

MY_USER_OPT=()
[ "$(id -u)" = 0 ] && MY_USER_OPT=(--user=root)
mariadb-install-db --no-defaults "${MY_USER_OPT[@]}" --datadir="$D/my/data" \
    --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1
/usr/sbin/mariadbd --no-defaults "${MY_USER_OPT[@]}" --datadir="$D/my/data" --socket="$D/my/sock" \
    --port="$MY_PORT" --bind-address=127.0.0.1 --pid-file="$D/my/pid" --log-error="$D/my/err.log" \
    --skip-log-bin --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 2>/dev/null &
MY_PID=$!
for _ in $(seq 300); do
    mariadb-admin --no-defaults --socket="$D/my/sock" -uroot ping >/dev/null 2>&1 && break
    kill -0 "$MY_PID" 2>/dev/null || { cat "$D/my/err.log"; exit 1; }
    sleep 0.1
done
mariadb --no-defaults --socket="$D/my/sock" -uroot -e 'CREATE DATABASE retort_test'

export RETORT_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/retort_test"
export RETORT_TEST_PG_SOCKET_URL="postgresql://postgres@localhost:$PG_PORT/retort_test?socket=$D/pg"
export RETORT_TEST_MYSQL_URL="mysql://root@127.0.0.1:$MY_PORT/retort_test"
export RETORT_TEST_MYSQL_SOCKET_URL="mariadb://root@localhost/retort_test?socket=$D/my/sock"
export RETORT_TEST_PG_ADMIN="psql -X -q -h $D/pg -p $PG_PORT -U postgres"
export RETORT_TEST_MYSQL_ADMIN="mariadb --no-defaults --socket=$D/my/sock -uroot"
echo "with-test-dbs: PostgreSQL on 127.0.0.1:$PG_PORT, MariaDB on 127.0.0.1:$MY_PORT (dir $D)"
"$@"
