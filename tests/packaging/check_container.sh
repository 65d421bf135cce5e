#!/bin/bash
# The deployment recipes of packaging/container:
# - entrypoint.sh, run as a container would run it (with the built retort on PATH and the
#   application replaced by a harmless command): it upgrades an SQLite project to head, then
#   execs the application (same PID); a failing revision stops it before the application starts;
#   RETORT_CONFIG names the project; without arguments it starts `uvicorn main:app`; against
#   PostgreSQL (RETORT_TEST_PG_URL, from scripts/with-test-dbs.sh), two replicas starting at the
#   same time both start their application, and each revision runs once.
# - the Dockerfile: what it copies is the retort package and only that; it is built, and the
#   image runs `retort --version`, where a container engine answers. Where none does, that one
#   check is skipped, and the output says so.
# Usage: check_container.sh RETORT_DIR DEB_DIR VERSION
set -u -o pipefail

bindir=$(cd "$1" && pwd) debs=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)
container="$here/../../packaging/container"
entry="$container/entrypoint.sh"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export PATH="$bindir:$PATH"
unset RETORT_URL RETORT_CONFIG
[ "$(command -v retort)" = "$bindir/retort" ] || { echo "FAIL: no retort in $bindir"; exit 1; }

# project DIR URL: a project with two revisions (a table, then a column) at URL.
project() {
    mkdir -p "$1" && (cd "$1" && retort init . >/dev/null) || return 1
    sed -i "s|^url = .*|url = $2|" "$1/retort.ini"
    local first second
    first=$(cd "$1" && retort revision -m "add users" | sed -n 's|^Generating \(.*\.sql\) \.\.\..*|\1|p')
    sed -i -e '/^-- migrate:upgrade/a CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);' \
           -e '/^-- migrate:downgrade/a DROP TABLE users;' "$first"
    second=$(cd "$1" && retort revision -m "add email" | sed -n 's|^Generating \(.*\.sql\) \.\.\..*|\1|p')
    sed -i -e '/^-- migrate:upgrade/a ALTER TABLE users ADD COLUMN email TEXT;' \
           -e '/^-- migrate:downgrade/a ALTER TABLE users DROP COLUMN email;' "$second"
    basename "$second" | cut -d_ -f1 >"$1/head"
}

# start DIR OUT ARGS...: run the entrypoint in DIR in the background, as PID 1 would; sets $pid.
start() {
    local dir=$1 out=$2
    shift 2
    (cd "$dir" && exec sh "$entry" "$@") >"$out" 2>&1 &
    pid=$!
}

# --- SQLite ----------------------------------------------------------------------------------
app='echo "app started as $$"; retort ${RETORT_CONFIG:+-c "$RETORT_CONFIG"} current'
lite="$scratch/lite"
project "$lite" "sqlite:///app.db" || { echo "FAIL: cannot make the SQLite project"; exit 1; }
head=$(cat "$lite/head")
start "$lite" "$scratch/lite.out" sh -c "$app"
wait "$pid"
status=$?
out=$(cat "$scratch/lite.out")
[ $status -eq 0 ] && ok "entrypoint on SQLite exits 0" || fail "entrypoint on SQLite exited $status: $out"
grep -qx "app started as $pid" <<<"$out" && ok "the application replaced the entrypoint (exec, PID $pid)" \
    || fail "the application did not run as the entrypoint's process $pid: $out"
grep -qx "$head (head)" <<<"$out" && ok "the application found the database at $head (head)" \
    || fail "the database was not at head when the application started: $out"

# Started again: nothing to do, the application starts.
start "$lite" "$scratch/again.out" sh -c "$app"
wait "$pid" && grep -q "app started" "$scratch/again.out" && ok "a second start finds it at head and starts" \
    || fail "a second start: $(cat "$scratch/again.out")"

# RETORT_CONFIG from another folder; a fresh database.
rm -f "$lite/app.db"
start "$scratch" "$scratch/config.out" sh -c "$app"
wait "$pid" && grep -qx "$head (head)" "$scratch/config.out" \
    && fail "without RETORT_CONFIG, outside the project, the entrypoint should not find one" \
    || ok "outside the project, without RETORT_CONFIG: no project, no application"
grep -q "app started" "$scratch/config.out" && fail "the application started without a migrated database"
RETORT_CONFIG="$lite/retort.ini" start "$scratch" "$scratch/config.out" sh -c "$app"
wait "$pid" && grep -qx "$head (head)" "$scratch/config.out" && ok "RETORT_CONFIG names the project" \
    || fail "with RETORT_CONFIG: $(cat "$scratch/config.out")"

# A revision that fails: exit non-zero, and the application never starts.
broken="$scratch/broken"
cp -r "$lite" "$broken" && rm -f "$broken/app.db"
sed -i 's/^ALTER TABLE users ADD COLUMN email TEXT;/ALTER TABLE no_such_table ADD COLUMN email TEXT;/' \
    "$broken"/migrations/versions/*.sql
start "$broken" "$scratch/broken.out" sh -c "$app"
wait "$pid"
status=$?
[ $status -ne 0 ] && ok "a failing revision makes the entrypoint exit $status" \
    || fail "a failing revision, yet the entrypoint exited 0: $(cat "$scratch/broken.out")"
grep -q "app started" "$scratch/broken.out" && fail "the application started after a failed upgrade" \
    || ok "the application did not start after a failed upgrade"
grep -q '^FAILED: ' "$scratch/broken.out" && ok "retort said why: $(grep '^FAILED: ' "$scratch/broken.out")" \
    || fail "no FAILED: line: $(cat "$scratch/broken.out")"

# No arguments: uvicorn main:app (a stand-in uvicorn on PATH prints what it was given).
mkdir -p "$scratch/fakebin"
printf '#!/bin/sh\necho "uvicorn $*"\n' >"$scratch/fakebin/uvicorn" && chmod +x "$scratch/fakebin/uvicorn"
PATH="$scratch/fakebin:$PATH" PORT=8123 start "$lite" "$scratch/default.out"
wait "$pid"
grep -qx "uvicorn main:app --host 0.0.0.0 --port 8123" "$scratch/default.out" \
    && ok "without arguments it starts uvicorn main:app --host 0.0.0.0 --port \$PORT" \
    || fail "without arguments: $(cat "$scratch/default.out")"

# --- PostgreSQL: two replicas at once ----------------------------------------------------------
if [ -z "${RETORT_TEST_PG_URL:-}" ] || [ -z "${RETORT_TEST_PG_ADMIN:-}" ]; then
    if [ "${RETORT_REQUIRE_SERVERS:-0}" = 1 ]; then
        fail "RETORT_TEST_PG_URL is not set (run under scripts/with-test-dbs.sh)"
    else
        echo "SKIP (PostgreSQL part only): RETORT_TEST_PG_URL is not set (scripts/with-test-dbs.sh sets it)"
    fi
else
    db=retort_entrypoint_test
    $RETORT_TEST_PG_ADMIN -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null \
        || fail "cannot create the database $db"
    pg_url="${RETORT_TEST_PG_URL%/*}/$db"
    pg="$scratch/pg"
    project "$pg" "$pg_url" || fail "cannot make the PostgreSQL project"
    head=$(cat "$pg/head")
    start "$pg" "$scratch/pg1.out" sh -c "$app"
    pid1=$pid
    start "$pg" "$scratch/pg2.out" sh -c "$app"
    pid2=$pid
    wait "$pid1"; status1=$?
    wait "$pid2"; status2=$?
    for n in 1 2; do
        out=$(cat "$scratch/pg$n.out")
        status=$([ $n = 1 ] && echo $status1 || echo $status2)
        [ "$status" -eq 0 ] && grep -qx "$head (head)" <<<"$out" \
            && ok "PostgreSQL replica $n: upgraded or found at head, then started" \
            || fail "PostgreSQL replica $n exited $status: $out"
    done
    runs=$($RETORT_TEST_PG_ADMIN -d "$db" -At -c "SELECT count(*) FROM retort_history")
    [ "$runs" = 2 ] && ok "each of the 2 revisions ran once (retort_history has $runs rows)" \
        || fail "retort_history has '$runs' rows after two concurrent starts, expected 2"
    $RETORT_TEST_PG_ADMIN -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" >/dev/null
fi

# --- the Dockerfile ---------------------------------------------------------------------------
dockerfile="$container/Dockerfile"
grep -qx 'FROM debian:bookworm-slim' "$dockerfile" && ok "Dockerfile is FROM debian:bookworm-slim" \
    || fail "Dockerfile is not FROM debian:bookworm-slim"
grep -qx 'ENTRYPOINT \["retort"\]' "$dockerfile" && ok 'Dockerfile ENTRYPOINT ["retort"]' \
    || fail 'Dockerfile has no ENTRYPOINT ["retort"]'
pattern=$(sed -n 's/^COPY \([^ ]*\) .*/\1/p' "$dockerfile")
copied=$(cd "$debs" && ls -d $pattern 2>/dev/null)
arch=$(dpkg --print-architecture)
[ "$copied" = "retort_${version}_${arch}.deb" ] && ok "COPY $pattern takes the retort package and only it" \
    || fail "COPY $pattern takes '$copied' from $debs, expected retort_${version}_${arch}.deb"

engine=
for tool in docker podman; do
    command -v "$tool" >/dev/null && "$tool" info >/dev/null 2>&1 && { engine=$tool; break; }
done
if [ -z "$engine" ]; then
    echo "SKIP (this check only): no container engine answers here (docker/podman info fail), so the Dockerfile was not built"
else
    context="$scratch/context"
    mkdir -p "$context" && cp "$debs/retort_${version}_${arch}.deb" "$context/"
    image="retort-test:$$"
    if "$engine" build -q -f "$dockerfile" -t "$image" "$context" >"$scratch/build.log" 2>&1; then
        out=$("$engine" run --rm "$image" --version 2>&1)
        [ "$out" = "retort $version" ] && ok "$engine built the image; it runs retort --version" \
            || fail "the image's retort --version printed '$out'"
        "$engine" rmi "$image" >/dev/null 2>&1
    else
        fail "$engine build failed: $(tail -n 20 "$scratch/build.log")"
    fi
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "the container recipes work"
